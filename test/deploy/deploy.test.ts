// gongkai deploy / rollback to a local directory, run as the operator runs them (the real command):
// a first deploy; a second after a one-document change (unchanged files hard-linked — the same
// inode — only the changed ones copied, the replaced release's assets carried); an upload killed
// midway that changes nothing served and is cleaned up by the next deploy; a rollback refused because
// it would publish a withdrawn document again, and forced; the lock; refusals of a dist that does not
// match its manifest. Expected values come from the builds' manifests, not from the command's output.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffManifests, LOCK_DIR, CARRIED_FILE, RELEASE_META } from '../../src/lib/deploy/plan.ts';
import { sha256File, type Manifest } from '../../src/lib/deploy/manifest.ts';
import {
  BASE,
  buildRelease,
  currentRelease,
  distCopy,
  EDITED_SLUG,
  gongkai,
  inode,
  manifestOf,
  scratch,
  spawnGongkai,
  WITHDRAWN_SLUG,
} from '../helpers/deploy.ts';
import { hostname } from 'node:os';

let work: string;
let site: string;
let distA: string;
let distB: string;
let distW: string;
let mA: Manifest;
let mB: Manifest;
let mW: Manifest;
const releases: Record<'a' | 'b' | 'w', string> = { a: '', b: '', w: '' };

const rel = (id: string, p = '') => path.join(site, 'releases', id, ...p.split('/').filter(Boolean));
const deployArgs = (dist: string, ...more: string[]) => ['deploy', '--to', site, '--dist', dist, ...more];

/** Every manifest file of the release `current` points to has the manifest's SHA-256. */
function expectServes(m: Manifest): void {
  const wrong = m.files.filter((f) => sha256File(path.join(site, 'current', f.path)) !== f.sha256).map((f) => f.path);
  expect(wrong).toEqual([]);
}

beforeAll(async () => {
  const [a, b, w] = [await buildRelease('a'), await buildRelease('b'), await buildRelease('w')];
  work = scratch('local');
  site = path.join(work, 'site');
  distA = distCopy(a, path.join(work, 'dist-a'));
  distB = distCopy(b, path.join(work, 'dist-b'));
  distW = distCopy(w, path.join(work, 'dist-w'));
  [mA, mB, mW] = [manifestOf(distA), manifestOf(distB), manifestOf(distW)];
});

describe('gongkai deploy to a local directory', () => {
  it('refuses a dist without manifest.json, naming the build command', async () => {
    const bare = path.join(work, 'bare');
    mkdirSync(bare, { recursive: true });
    writeFileSync(path.join(bare, 'index.html'), 'x');
    const r = await gongkai(deployArgs(bare));
    expect(r.code, r.output).toBe(2);
    expect(r.stderr).toContain('manifest.json');
    expect(r.stderr).toContain('npm run build');
    expect(existsSync(path.join(site, 'current'))).toBe(false);
  });

  it('refuses a dist that no longer matches its manifest (a file changed or added after the build)', async () => {
    const changed = distCopy(await buildRelease('a'), path.join(work, 'dist-changed'));
    writeFileSync(path.join(changed, 'index.html'), '<p>edited by hand</p>');
    writeFileSync(path.join(changed, 'stray.txt'), 'x');
    const r = await gongkai(deployArgs(changed));
    expect(r.code, r.output).toBe(2);
    expect(r.stderr).toContain('index.html');
    expect(r.stderr).toContain('stray.txt');
    expect(r.stderr).toContain('npm run build');
    expect(existsSync(path.join(site, 'current'))).toBe(false);
  });

  it('deploys a first release: releases/<commit>-<time>/, current → it, every file as in the manifest', async () => {
    const r = await gongkai(deployArgs(distA));
    expect(r.code, r.output).toBe(0);
    releases.a = currentRelease(site);
    expect(releases.a).toMatch(/^[0-9A-Za-z]+-\d{8}T\d{6}Z(-\d+)?$/);
    expect(readdirSync(path.join(site, 'releases'))).toEqual([releases.a]);
    expectServes(mA);
    expect(readFileSync(rel(releases.a, 'manifest.json'), 'utf8')).toBe(
      readFileSync(path.join(distA, 'manifest.json'), 'utf8'),
    );
    const meta = JSON.parse(readFileSync(rel(releases.a, RELEASE_META), 'utf8'));
    expect(meta).toMatchObject({
      id: releases.a,
      previous: null,
      files: mA.files.length,
      copied: mA.files.length,
      linked: 0,
    });
    expect(r.stdout).toContain(`部署完成：版本 ${releases.a}`);
    expect(r.stdout).toContain(`复制 ${mA.files.length.toLocaleString('en-US')} 个`);
  });

  it('deploys a one-document change: unchanged files are hard links to the current release, only changed ones copied', async () => {
    const diff = diffManifests(mA, mB);
    // the edit reaches the document's page and the search index, not the rest of the site
    expect(diff.changed.map((f) => f.path)).toContain(`doc/${EDITED_SLUG}/index.html`);
    expect(diff.unchanged.length).toBeGreaterThan(mB.files.length * 0.8);
    const r = await gongkai(deployArgs(distB, '--verbose'));
    expect(r.code, r.output).toBe(0);
    releases.b = currentRelease(site);
    expect(releases.b).not.toBe(releases.a);
    expectServes(mB);
    for (const f of diff.unchanged) expect(inode(rel(releases.b, f.path)), f.path).toBe(inode(rel(releases.a, f.path)));
    for (const f of diff.changed)
      expect(inode(rel(releases.b, f.path)), f.path).not.toBe(inode(rel(releases.a, f.path)));
    // the old release is untouched: a changed file was replaced, not written through a shared inode
    expect(sha256File(rel(releases.a, `doc/${EDITED_SLUG}/index.html`))).toBe(
      mA.files.find((f) => f.path === `doc/${EDITED_SLUG}/index.html`)!.sha256,
    );
    const meta = JSON.parse(readFileSync(rel(releases.b, RELEASE_META), 'utf8'));
    expect(meta).toMatchObject({
      previous: releases.a,
      copied: diff.changed.length + diff.added.length,
      linked: diff.unchanged.length,
    });
    // the summary a security review reads: the counts, and with --verbose the paths
    expect(r.stdout).toContain(
      `新增 ${diff.added.length} 个，修改 ${diff.changed.length} 个，删除 ${diff.removed.length} 个`,
    );
    expect(r.stdout).toContain(`修改  doc/${EDITED_SLUG}/index.html`);
  });

  it("carries the replaced release's hashed assets and search files that the new one lacks, outside its manifest", () => {
    const own = new Set(mB.files.map((f) => f.path));
    const lacking = mA.files.filter((f) => /^(_astro|pagefind)\//.test(f.path) && !own.has(f.path));
    // the edit changed a search shard: its old index chunks are gone from B's manifest
    expect(lacking.some((f) => f.path.endsWith('.pf_fragment') || f.path.endsWith('.pf_index'))).toBe(true);
    for (const f of lacking) {
      expect(inode(rel(releases.b, f.path)), f.path).toBe(inode(rel(releases.a, f.path)));
      expect(sha256File(rel(releases.b, f.path))).toBe(f.sha256);
    }
    const carried = JSON.parse(readFileSync(rel(releases.b, CARRIED_FILE), 'utf8')) as { files: { path: string }[] };
    expect(carried.files.map((f) => f.path).sort()).toEqual(lacking.map((f) => f.path).sort());
    // a page the new release dropped is not carried
    const dropped = mA.files.filter((f) => !own.has(f.path) && !/^(_astro|pagefind)\//.test(f.path));
    for (const f of dropped) expect(existsSync(rel(releases.b, f.path)), f.path).toBe(false);
  });

  it('leaves what is served untouched when an upload is killed midway, and the next deploy cleans up', async () => {
    const before = readFileSync(path.join(site, 'current', 'index.html'));
    // --full: every file is copied, each after a pause, so the kill lands during the copy
    const child = spawnGongkai(deployArgs(distW, '--full'), { GONGKAI_DEPLOY_THROTTLE_MS: '40' });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        if (out.includes('上传中：已复制')) resolve();
      });
      child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.on('close', () => reject(new Error(`deploy ended before the copy was under way:\n${out}`)));
    });
    const closed = new Promise((r) => child.on('close', r));
    child.kill('SIGKILL');
    await closed;
    expect(out).not.toContain('已切换');
    expect(currentRelease(site)).toBe(releases.b);
    expect(readFileSync(path.join(site, 'current', 'index.html'))).toEqual(before);
    expectServes(mB);
    const partials = readdirSync(path.join(site, 'releases')).filter((n) => n.endsWith('.partial'));
    expect(partials).toHaveLength(1);
    // a part of the files was copied when it died
    expect(existsSync(path.join(site, LOCK_DIR))).toBe(true);

    const r = await gongkai(deployArgs(distW));
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('清理上次中断的上传');
    expect(r.output).toContain('接管已中断的部署留下的锁');
    releases.w = currentRelease(site);
    expect(readdirSync(path.join(site, 'releases')).filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect(existsSync(path.join(site, LOCK_DIR))).toBe(false);
    expectServes(mW);
    // the summary names the document this release withdraws
    expect(r.stdout).toContain(`本版本撤回的文件 1 份`);
    expect(r.stdout).toContain(`${BASE}doc/${WITHDRAWN_SLUG}/`);
  });

  it('refuses while another deploy holds the lock, and --break-lock takes it', async () => {
    mkdirSync(path.join(site, LOCK_DIR));
    // a live process of this machine: this test's own
    writeFileSync(
      path.join(site, LOCK_DIR, 'owner'),
      JSON.stringify({ host: hostname(), pid: process.pid, started: new Date().toISOString(), command: 'deploy' }),
    );
    const r = await gongkai(['rollback', '--to', site]);
    expect(r.code, r.output).toBe(2);
    expect(r.stderr).toContain('正在进行另一次部署或回滚');
    expect(r.stderr).toContain('--break-lock');
    expect(currentRelease(site)).toBe(releases.w);
    const list = await gongkai(['rollback', '--to', site, '--list', '--break-lock']);
    expect(list.code, list.output).toBe(0);
    rmSync(path.join(site, LOCK_DIR), { recursive: true, force: true });
  });
});

describe('gongkai rollback', () => {
  it('refuses to bring back a release that still publishes a document withdrawn since (exit 2, the URL named)', async () => {
    const r = await gongkai(['rollback', '--to', site]);
    expect(r.code, r.output).toBe(2);
    expect(r.stderr).toContain(`拒绝回滚到 ${releases.b}`);
    expect(r.stderr).toContain(`${BASE}doc/${WITHDRAWN_SLUG}/`);
    expect(r.stderr).toContain('--force');
    expect(currentRelease(site)).toBe(releases.w);
  });

  it('lists the releases, current and rollback target marked', async () => {
    const r = await gongkai(['rollback', '--to', site, '--list']);
    expect(r.code, r.output).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.includes(releases.w))).toContain('当前');
    expect(lines.find((l) => l.includes(releases.b))).toContain('回滚目标');
    expect(lines.some((l) => l.includes(releases.a))).toBe(true);
  });

  it('with --force goes back one release, atomically switching current, and keeps the newer one', async () => {
    const r = await gongkai(['rollback', '--to', site, '--force']);
    expect(r.code, r.output).toBe(0);
    expect(currentRelease(site)).toBe(releases.b);
    expectServes(mB);
    expect(r.output).toContain(`${BASE}doc/${WITHDRAWN_SLUG}/`);
    expect(existsSync(rel(releases.w))).toBe(true);
    // B now carries W's assets it lacks: a search begun on W finishes
    const own = new Set(mB.files.map((f) => f.path));
    for (const f of mW.files.filter((f) => /^pagefind\//.test(f.path) && !own.has(f.path)))
      expect(sha256File(rel(releases.b, f.path)), f.path).toBe(f.sha256);
  });

  it('goes to a named release (--to-release); one without the withdrawal there is no refusal going forward', async () => {
    const r = await gongkai(['rollback', '--to', site, '--to-release', releases.w]);
    expect(r.code, r.output).toBe(0);
    expect(currentRelease(site)).toBe(releases.w);
    const missing = await gongkai(['rollback', '--to', site, '--to-release', 'nosuch-20200101T000000Z']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--list');
  });

  it('keeps the last N releases with --keep, never the current one or its rollback target', async () => {
    const r = await gongkai(deployArgs(distA, '--keep', '1', '--json'));
    expect(r.code, r.output).toBe(0);
    const now = currentRelease(site);
    // A again (new id), replacing W: W stays as the rollback target, B and the first A go
    expect(readdirSync(path.join(site, 'releases')).sort()).toEqual([releases.w, now].sort());
    // --json: stdout is the result alone (the log went to stderr)
    const result = JSON.parse(r.stdout) as { id: string; previous: string; removedReleases: string[] };
    expect(result.id).toBe(now);
    expect(result.previous).toBe(releases.w);
    expect(result.removedReleases.sort()).toEqual([releases.a, releases.b].sort());
    expect(r.stderr).toContain('删除旧版本');
    expectServes(mA);
    // a web server's unprivileged workers can read every file and enter every folder
    const unreadable: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        const mode = statSync(p).mode;
        if (e.isDirectory() ? (mode & 0o005) !== 0o005 : (mode & 0o004) === 0) unreadable.push(p);
        if (e.isDirectory()) walk(p);
      }
    };
    walk(rel(now));
    expect(unreadable).toEqual([]);
  });
});
