// gongkai deploy / rollback to `root@127.0.0.1:DIR` through a real sshd started on a loopback port
// (its own host key and authorized_keys; test/helpers/sshd.ts): rsync over ssh copies, ssh runs the
// server's commands. The second deploy hard-links the unchanged files on the server (same inode as
// the first release), the switch is a symlink, and a rollback goes back. Fails, never skips, when
// sshd, ssh or rsync is missing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffManifests } from '../../src/lib/deploy/plan.ts';
import { sha256File, type Manifest } from '../../src/lib/deploy/manifest.ts';
import {
  buildRelease,
  currentRelease,
  distCopy,
  EDITED_SLUG,
  gongkai,
  inode,
  manifestOf,
  scratch,
} from '../helpers/deploy.ts';
import { freePort, startSshd, type Sshd } from '../helpers/sshd.ts';

let work: string;
let site: string;
let sshd: Sshd;
let distA: string;
let distB: string;
let mA: Manifest;
let mB: Manifest;
let idA = '';
let idB = '';

const remote = () => `${sshd.login}:${site}`;
const rel = (id: string, p: string) => path.join(site, 'releases', id, ...p.split('/'));
function expectServes(m: Manifest): void {
  const wrong = m.files.filter((f) => sha256File(path.join(site, 'current', f.path)) !== f.sha256).map((f) => f.path);
  expect(wrong).toEqual([]);
}

beforeAll(async () => {
  work = scratch('ssh');
  site = path.join(work, 'site');
  sshd = await startSshd(path.join(work, 'sshd'));
  distA = distCopy(await buildRelease('a'), path.join(work, 'dist-a'));
  distB = distCopy(await buildRelease('b'), path.join(work, 'dist-b'));
  [mA, mB] = [manifestOf(distA), manifestOf(distB)];
});

afterAll(async () => {
  await sshd?.stop();
});

describe('gongkai deploy over ssh', () => {
  it('deploys a first release with rsync over ssh (--ssh gives the port and key)', async () => {
    const r = await gongkai(['deploy', '--to', remote(), '--dist', distA, '--ssh', sshd.ssh]);
    expect(r.code, r.output).toBe(0);
    expect(r.stdout).toContain('（ssh）');
    idA = currentRelease(site);
    expectServes(mA);
  });

  it('deploys a one-document change: the server hard-links the unchanged files (GONGKAI_DEPLOY_SSH)', async () => {
    const r = await gongkai(['deploy', '--to', remote(), '--dist', distB], { GONGKAI_DEPLOY_SSH: sshd.ssh });
    expect(r.code, r.output).toBe(0);
    idB = currentRelease(site);
    expect(idB).not.toBe(idA);
    expectServes(mB);
    const diff = diffManifests(mA, mB);
    for (const f of diff.unchanged) expect(inode(rel(idB, f.path)), f.path).toBe(inode(rel(idA, f.path)));
    for (const f of diff.changed) expect(inode(rel(idB, f.path)), f.path).not.toBe(inode(rel(idA, f.path)));
    expect(readFileSync(rel(idB, `doc/${EDITED_SLUG}/index.html`), 'utf8')).not.toBe(
      readFileSync(rel(idA, `doc/${EDITED_SLUG}/index.html`), 'utf8'),
    );
    // the replaced release's search files that B lacks are carried
    const own = new Set(mB.files.map((f) => f.path));
    const lacking = mA.files.filter((f) => f.path.startsWith('pagefind/') && !own.has(f.path));
    expect(lacking.length).toBeGreaterThan(0);
    for (const f of lacking) expect(existsSync(rel(idB, f.path)), f.path).toBe(true);
  });

  it('rolls back over ssh', async () => {
    const list = await gongkai(['rollback', '--to', remote(), '--list', '--ssh', sshd.ssh]);
    expect(list.code, list.output).toBe(0);
    expect(list.stdout).toContain(idA);
    const r = await gongkai(['rollback', '--to', remote(), '--ssh', sshd.ssh]);
    expect(r.code, r.output).toBe(0);
    expect(currentRelease(site)).toBe(idA);
    expectServes(mA);
  });

  it('fails with exit 3 and a Chinese message when ssh cannot connect (nothing listens on the port)', async () => {
    // a port nothing listens on (a closed one: the sshd's port, taken and released)
    const closed = await freePort();
    const r = await gongkai([
      'deploy',
      '--to',
      remote(),
      '--dist',
      distA,
      '--ssh',
      sshd.ssh.replace(/-p \d+/, `-p ${closed}`),
    ]);
    expect(r.code, r.output).toBe(3);
    expect(r.stderr).toContain('无法通过 ssh 连接');
    expect(currentRelease(site)).toBe(idA);
  });
});
