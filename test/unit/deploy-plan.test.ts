// The pure part of a release (src/lib/deploy/plan.ts): names, the manifest diff, carried files, which
// releases go, which withdrawn documents a rollback would bring back; and the target's parsing
// (target.ts).
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/lib/deploy/manifest.ts';
import {
  diffManifests,
  filesToCarry,
  formatBytes,
  parseReleaseId,
  previousRelease,
  releaseId,
  releasesToRemove,
  releaseTime,
  republishedWithdrawn,
  shortCommit,
  sortReleases,
  type ReleaseInfo,
  type ReleaseMeta,
} from '../../src/lib/deploy/plan.ts';
import { parseTarget, shq, splitCommand } from '../../src/lib/deploy/target.ts';

const manifest = (files: [string, string][]): Manifest => ({
  format: 'gongkai-manifest/1',
  base: '/xxgk/',
  site_url: null,
  commit: null,
  today: '2026-11-27 00:00',
  files: files.map(([path, sha256]) => ({ path, size: sha256.length, sha256 })),
});

const info = (id: string, previous: string | null = null): ReleaseInfo => ({
  id,
  meta: { id, previous } as ReleaseMeta,
});

describe('release names', () => {
  it('are <commit>-<UTC time>, made unique within a second', () => {
    const d = new Date('2026-11-27T08:09:10.123Z');
    expect(releaseTime(d)).toBe('20261127T080910Z');
    expect(releaseId('0123456789abcdef', d)).toBe('0123456789ab-20261127T080910Z');
    expect(releaseId('abc', d, ['abc-20261127T080910Z'])).toBe('abc-20261127T080910Z-2');
    expect(releaseId('abc', d, ['abc-20261127T080910Z', 'abc-20261127T080910Z-2'])).toBe('abc-20261127T080910Z-3');
    expect(shortCommit(null)).toBe('nocommit');
    expect(shortCommit('a/b c')).toBe('abc');
  });

  it('parse back, and sort by time then sequence; anything else is not a release', () => {
    expect(parseReleaseId('abc-20261127T080910Z-2')).toEqual({ commit: 'abc', time: '20261127T080910Z', seq: 2 });
    expect(parseReleaseId('abc-20261127T080910Z.partial')).toBeUndefined();
    expect(parseReleaseId('old-site')).toBeUndefined();
    expect(
      sortReleases([
        'zzz-20261127T080910Z-2',
        'old-site',
        'aaa-20261128T000000Z',
        'zzz-20261127T080910Z',
        'bbb-20250101T000000Z',
      ]),
    ).toEqual(['bbb-20250101T000000Z', 'zzz-20261127T080910Z', 'zzz-20261127T080910Z-2', 'aaa-20261128T000000Z']);
  });
});

describe('the manifest diff', () => {
  it('sorts files into added, changed, removed and unchanged by sha256', () => {
    const old = manifest([
      ['a.html', 'aa'],
      ['b.html', 'bb'],
      ['c.html', 'cc'],
    ]);
    const next = manifest([
      ['a.html', 'aa'],
      ['b.html', 'b2'],
      ['d.html', 'dd'],
    ]);
    const d = diffManifests(old, next);
    expect(d.unchanged.map((f) => f.path)).toEqual(['a.html']);
    expect(d.changed.map((f) => f.path)).toEqual(['b.html']);
    expect(d.added.map((f) => f.path)).toEqual(['d.html']);
    expect(d.removed.map((f) => f.path)).toEqual(['c.html']);
  });

  it('adds everything when there is no current release', () => {
    const d = diffManifests(null, manifest([['a', 'x']]));
    expect(d.added).toHaveLength(1);
    expect(d.unchanged).toHaveLength(0);
  });
});

describe('carried files', () => {
  it("are the old release's own hashed assets and search files that the new one lacks", () => {
    const old = manifest([
      ['_astro/a.111.css', '1'],
      ['_astro/same.css', '2'],
      ['pagefind/s0/index/x.pf_index', '3'],
      ['pagefind/s3/pagefind-entry.json', '4'],
      ['doc/gone/index.html', '5'],
    ]);
    const next = manifest([
      ['_astro/a.222.css', '6'],
      ['_astro/same.css', '2'],
      ['pagefind/s0/index/y.pf_index', '7'],
    ]);
    expect(filesToCarry(old, 'R1', next)).toEqual([
      { path: '_astro/a.111.css', from: 'R1', sha256: '1', size: 1 },
      { path: 'pagefind/s0/index/x.pf_index', from: 'R1', sha256: '3', size: 1 },
      { path: 'pagefind/s3/pagefind-entry.json', from: 'R1', sha256: '4', size: 1 },
    ]);
    // a removed page is not carried: what the new release drops is gone
    expect(filesToCarry(old, 'R1', next).some((f) => f.path.startsWith('doc/'))).toBe(false);
    expect(filesToCarry(null, 'R1', next)).toEqual([]);
  });
});

describe('rollback target and old releases', () => {
  const a = 'a-20260101T000000Z';
  const b = 'b-20260102T000000Z';
  const c = 'c-20260103T000000Z';
  const d = 'd-20260104T000000Z';

  it('goes back to the release the current one replaced, else the newest older one', () => {
    expect(previousRelease([info(a), info(b, a), info(c, b)], c)).toBe(b);
    // after a rollback to a, c was deployed: c replaced a
    expect(previousRelease([info(a), info(b, a), info(c, a)], c)).toBe(a);
    // the recorded one was removed by hand: the newest older one
    expect(previousRelease([info(a), info(c, b)], c)).toBe(a);
    expect(previousRelease([info(a)], a)).toBeUndefined();
    expect(previousRelease([info(a)], null)).toBeUndefined();
  });

  it('keeps the newest N, the current release and its rollback target', () => {
    const all = [info(a), info(b, a), info(c, b), info(d, c)];
    expect(releasesToRemove(all, d, 2)).toEqual([a, b]);
    expect(releasesToRemove(all, d, 5)).toEqual([]);
    // keep 1 still keeps the rollback target
    expect(releasesToRemove(all, d, 1)).toEqual([a, b]);
    // rolled back to a: a is current, and the newest stay
    expect(releasesToRemove(all, a, 2)).toEqual([b]);
    // a release replaced an old one: that one stays whatever its age
    const rolled = [info(a), info(b, a), info(c, b), info(d, a)];
    expect(releasesToRemove(rolled, d, 1)).toEqual([b, c]);
  });
});

describe('withdrawn documents a rollback would publish again', () => {
  it('are those withdrawn now that the target lists as normal pages', () => {
    const now = { base: '/xxgk/', withdrawn: ['/doc/a/', '/doc/b/', '/doc/c/'] };
    const target = { base: '/xxgk/', withdrawn: ['/doc/b/'] };
    const files = new Set(['doc/a/index.html', 'doc/b/index.html', 'index.html']);
    // a: a normal page there; b: withdrawn there too (a notice); c: not there at all
    expect(republishedWithdrawn(now, target, files)).toEqual(['/doc/a/']);
    expect(republishedWithdrawn(now, null, files)).toEqual(['/doc/a/', '/doc/b/']);
    expect(republishedWithdrawn(null, target, files)).toEqual([]);
  });
});

describe('targets', () => {
  it('tell ssh targets from local paths', () => {
    expect(parseTarget('/srv/www/xxgk')).toEqual({ remote: false, dir: '/srv/www/xxgk' });
    expect(parseTarget('./out:x')).toEqual({ remote: false, dir: './out:x' });
    expect(parseTarget('deploy@web1:/srv/www/xxgk')).toEqual({
      remote: true,
      host: 'deploy@web1',
      dir: '/srv/www/xxgk',
    });
    expect(parseTarget('web1.example.gov.cn:/srv')).toEqual({ remote: true, host: 'web1.example.gov.cn', dir: '/srv' });
    expect(parseTarget('root@[::1]:/srv')).toEqual({ remote: true, host: 'root@[::1]', dir: '/srv' });
    expect(parseTarget('C:\\www')).toEqual({ remote: false, dir: 'C:\\www' });
  });

  it('split the ssh command line and quote words for sh', () => {
    expect(splitCommand(`ssh -p 2222 -i '/keys/my key' -o "StrictHostKeyChecking=no"`)).toEqual([
      'ssh',
      '-p',
      '2222',
      '-i',
      '/keys/my key',
      '-o',
      'StrictHostKeyChecking=no',
    ]);
    expect(() => splitCommand(`ssh -i 'x`)).toThrow();
    expect(shq(`it's`)).toBe(`'it'\\''s'`);
  });

  it('formats bytes', () => {
    expect(formatBytes(12)).toBe('12 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(463 * 1024 * 1024)).toBe('463 MB');
  });
});
