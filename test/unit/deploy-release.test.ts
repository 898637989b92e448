// deploy() and rollback() (src/lib/deploy/release.ts) in-process against a local target, on small
// synthetic dists: what is linked, copied and carried, the verification of a tampered live release,
// a stale partial upload, the rollback refusal for a withdrawn document. The real command, real builds,
// ssh and nginx are in test/deploy/.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManifest, serialiseManifest } from '../../src/lib/deploy/manifest.ts';
import { DeployError } from '../../src/lib/deploy/plan.ts';
import { deploy, deploySummary, rollback, type Log } from '../../src/lib/deploy/release.ts';
import { LocalTarget } from '../../src/lib/deploy/target.ts';

let tmp: string;
const lines: string[] = [];
const log: Log = { info: (m) => lines.push(m), warn: (m) => lines.push(`WARN ${m}`) };

/** A dist with these files (path → text) and its manifest. */
function dist(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), text);
  }
  const m = createManifest(dir, { base: '/xxgk/', site_url: null, commit: `c${name}`, today: '2026-11-27 00:00' });
  writeFileSync(path.join(dir, 'manifest.json'), serialiseManifest(m));
  return dir;
}

const redirects = (withdrawn: string[]) => JSON.stringify({ base: '/xxgk/', redirects: [], withdrawn });
const A = {
  'index.html': '<link href="/xxgk/_astro/a.111.css">A',
  '_astro/a.111.css': 'a1',
  'doc/x/index.html': 'x body',
  'doc/y/index.html': 'y body',
  'pagefind/s0/pagefind-entry.json': '{"h":"1"}',
  'pagefind/s0/index/i1.pf_index': 'i1',
  'redirects.json': redirects([]),
};
const B = {
  ...A,
  'index.html': '<link href="/xxgk/_astro/a.222.css">B',
  '_astro/a.111.css': undefined,
  '_astro/a.222.css': 'a2',
  'pagefind/s0/pagefind-entry.json': '{"h":"2"}',
  'pagefind/s0/index/i1.pf_index': undefined,
  'pagefind/s0/index/i2.pf_index': 'i2',
  'doc/y/index.html': 'y withdrawn notice',
  'redirects.json': redirects(['/doc/y/']),
};
const defined = (o: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, string>;

let site: string;
const target = () => new LocalTarget(site);
const current = () => readlinkSync(path.join(site, 'current')).replace('releases/', '');
const inRelease = (id: string, p: string) => path.join(site, 'releases', id, p);
const run = (d: string, more: Partial<Parameters<typeof deploy>[0]> = {}) =>
  deploy({ dist: d, target: target(), keep: 5, verbose: false, log, ...more });

beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'gongkai-deploy-'));
  site = path.join(tmp, 'site');
  lines.length = 0;
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('deploy', () => {
  it('links unchanged files, copies changed ones, carries the old assets the new release lacks', async () => {
    const a = await run(dist('a', A));
    expect(a).toMatchObject({ copied: 7, linked: 0, carried: 0, previous: null });
    const b = await run(dist('b', defined(B)), { now: new Date(Date.now() + 1000) });
    expect(current()).toBe(b.id);
    expect(b).toMatchObject({ previous: a.id, linked: 1, carried: 2 });
    expect(b.changed.sort()).toEqual([
      'doc/y/index.html',
      'index.html',
      'pagefind/s0/pagefind-entry.json',
      'redirects.json',
    ]);
    expect(b.added.sort()).toEqual(['_astro/a.222.css', 'pagefind/s0/index/i2.pf_index']);
    expect(b.removed.sort()).toEqual(['_astro/a.111.css', 'pagefind/s0/index/i1.pf_index']);
    expect(b.newlyWithdrawn).toEqual(['/xxgk/doc/y/']);
    expect(statSync(inRelease(b.id, 'doc/x/index.html')).ino).toBe(statSync(inRelease(a.id, 'doc/x/index.html')).ino);
    expect(readFileSync(inRelease(b.id, '_astro/a.111.css'), 'utf8')).toBe('a1');
    expect(readFileSync(inRelease(b.id, 'pagefind/s0/index/i1.pf_index'), 'utf8')).toBe('i1');
    // B's own entry file, not A's
    expect(readFileSync(inRelease(b.id, 'pagefind/s0/pagefind-entry.json'), 'utf8')).toBe('{"h":"2"}');
    const summary = deploySummary(b, target(), true);
    expect(summary).toContain('新增 2 个，修改 4 个，删除 2 个');
    expect(summary).toContain('删除  _astro/a.111.css');
    expect(summary).toContain('本版本撤回的文件 1 份');
    expect(summary).toContain('/xxgk/doc/y/');

    // the next release does not pass A's carried files on
    const c = await run(dist('c', defined(B)), { now: new Date(Date.now() + 2000) });
    expect(c.carried).toBe(0);
    expect(() => statSync(inRelease(c.id, '_astro/a.111.css'))).toThrow();
  });

  it('removes a partial upload left by an interrupted deploy, and never switches to it', async () => {
    const a = await run(dist('a', A));
    mkdirSync(path.join(site, 'releases', 'cb-20200101T000000Z.partial', 'doc'), { recursive: true });
    const b = await run(dist('b', defined(B)), { now: new Date(Date.now() + 1000) });
    expect(readdirSync(path.join(site, 'releases')).sort()).toEqual([a.id, b.id].sort());
    expect(lines.some((l) => l.includes('清理上次中断的上传'))).toBe(true);
  });

  it('refuses to link from a live release whose files were changed on the server, and names --full', async () => {
    const a = await run(dist('a', A));
    writeFileSync(inRelease(a.id, 'doc/x/index.html'), 'defaced');
    const err = await run(dist('b', defined(B)), { now: new Date(Date.now() + 1000) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeployError);
    expect((err as DeployError).kind).toBe('failed');
    expect((err as Error).message).toContain('doc/x/index.html');
    expect((err as Error).message).toContain('--full');
    expect(current()).toBe(a.id);
    expect(readdirSync(path.join(site, 'releases'))).toEqual([a.id]);
    // --full copies everything: the new release is sound
    const b = await run(dist('b2', defined(B)), { now: new Date(Date.now() + 2000), full: true });
    expect(b.linked).toBe(0);
    expect(readFileSync(inRelease(b.id, 'doc/x/index.html'), 'utf8')).toBe('x body');
  });
});

describe('permissions', () => {
  it('makes folders 0755 and files 0644 whatever the umask (the web server reads them)', async () => {
    const before = process.umask(0o077);
    try {
      const a = await run(dist('a', A));
      const b = await run(dist('b', defined(B)), { now: new Date(Date.now() + 1000) });
      for (const id of [a.id, b.id]) {
        const bad: string[] = [];
        const walk = (d: string) => {
          for (const e of readdirSync(d, { withFileTypes: true })) {
            const p = path.join(d, e.name);
            const mode = statSync(p).mode & 0o777;
            if (mode !== (e.isDirectory() ? 0o755 : 0o644)) bad.push(`${p} ${mode.toString(8)}`);
            if (e.isDirectory()) walk(p);
          }
        };
        walk(path.join(site, 'releases', id));
        expect(bad).toEqual([]);
      }
    } finally {
      process.umask(before);
    }
  });
});

describe('rollback', () => {
  it('refuses to republish a withdrawn document unless forced, then goes back atomically', async () => {
    const a = await run(dist('a', A));
    const b = await run(dist('b', defined(B)), { now: new Date(Date.now() + 1000) });
    const err = await rollback({ target: target(), force: false, log }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeployError);
    expect((err as DeployError).kind).toBe('refused');
    expect((err as Error).message).toContain('/xxgk/doc/y/');
    expect(current()).toBe(b.id);
    const r = await rollback({ target: target(), force: true, log });
    expect(r).toMatchObject({ from: b.id, to: a.id, republished: ['/xxgk/doc/y/'] });
    expect(current()).toBe(a.id);
    // A now carries B's assets it lacks
    expect(readFileSync(inRelease(a.id, '_astro/a.222.css'), 'utf8')).toBe('a2');
  });
});
