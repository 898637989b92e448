// The build's finish step (src/lib/deploy/): precompressed .gz files, manifest.json, cache classes.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { cacheClassOf, contentHashedName } from '../../src/lib/deploy/cache.ts';
import { finishOutput } from '../../src/lib/deploy/finish.ts';
import {
  gitCommit,
  listOutputFiles,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  readManifest,
  serialiseManifest,
  siteUrlOf,
  type Manifest,
} from '../../src/lib/deploy/manifest.ts';
import { GZIP_MIN_BYTES, gzipBytes, isPrecompressedCopy, shouldPrecompress } from '../../src/lib/deploy/precompress.ts';
import { compareCodePoints } from '../../src/lib/order.ts';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const META = { base: '/xxgk/', site_url: 'https://www.example.gov.cn', commit: null, today: '2026-11-27 23:59' };
/** Text that compresses well, `n` bytes. */
const text = (n: number, seed = 'a') =>
  Buffer.from(`<p>${seed} 政府信息公开</p>\n`.repeat(Math.ceil(n / 20))).subarray(0, n);

function outDir(files: Record<string, Uint8Array | string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-finish-'));
  for (const [f, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), content);
  }
  return dir;
}

describe('code-point order', () => {
  it('sorts by code point, not by locale or by UTF-16 unit', () => {
    // '（' U+FF08 is below '𠀀' U+20000, whose UTF-16 units (D840 DC00) compare below FF08
    expect(['𠀀', '（', 'a', 'Z', '中', 'é'].sort(compareCodePoints)).toEqual(['Z', 'a', 'é', '中', '（', '𠀀']);
    expect(compareCodePoints('ab', 'a')).toBeGreaterThan(0);
    expect(compareCodePoints('a', 'a')).toBe(0);
    // the same order as UTF-8 bytes
    const words = ['附件.pdf', 'a/b', 'a-b', 'A', '𠀀x', '\uffff', 'z'];
    expect([...words].sort(compareCodePoints)).toEqual(
      [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))),
    );
  });
});

describe('precompression', () => {
  it('compresses text types from the threshold up, never gzip data again', () => {
    const big = text(GZIP_MIN_BYTES);
    for (const f of ['a.html', 'x/a.CSS', 'a.js', 'a.mjs', 'a.json', 'a.xml', 'a.csv', 'a.txt', 'a.svg', 'a.atom'])
      expect(shouldPrecompress(f, big), f).toBe(true);
    expect(shouldPrecompress('a.html', text(GZIP_MIN_BYTES - 1))).toBe(false);
    for (const f of [
      'a.pdf',
      'a.png',
      'pagefind/s0/fragment/zh-cn_1.pf_fragment',
      'wasm.unknown.pagefind',
      'html',
      'a.gz',
    ])
      expect(shouldPrecompress(f, big), f).toBe(false);
    expect(shouldPrecompress('a.json', gzipSync(randomBytes(4096)))).toBe(false);
  });

  it('writes a deterministic gzip: no name, mtime 0, OS Unix, the same bytes every time', () => {
    const input = text(5000);
    const gz = gzipBytes(input);
    expect([...gz.subarray(0, 4)]).toEqual([0x1f, 0x8b, 8, 0]); // deflate, no FNAME/FCOMMENT/FEXTRA
    expect(gz.readUInt32LE(4)).toBe(0); // mtime
    expect(gz[9]).toBe(3);
    expect(gunzipSync(gz).equals(input)).toBe(true);
    expect(gzipBytes(input).equals(gz)).toBe(true);
  });

  it('knows its own .gz copies from a .gz an editor published', () => {
    const names = new Set(['a.html', 'a.html.gz', 'data.gz', 'b.pdf', 'b.pdf.gz']);
    expect(isPrecompressedCopy('a.html.gz', names)).toBe(true);
    expect(isPrecompressedCopy('data.gz', names)).toBe(false);
    expect(isPrecompressedCopy('b.pdf.gz', names)).toBe(false);
    expect(isPrecompressedCopy('c.html.gz', names)).toBe(false);
  });
});

describe('finishOutput', () => {
  it('writes a .gz beside each qualifying file and lists every file with its size and hash', () => {
    const fragment = gzipSync(text(3000, 'frag'));
    const dir = outDir({
      'index.html': text(4000),
      'tiny.html': '<p>x</p>',
      'doc/a/index.html': text(3000, 'b'),
      'doc/a/files/附件.pdf': randomBytes(5000),
      'doc/a/files/data.gz': gzipSync('editor'),
      'doc/a/random.json': randomBytes(3000), // gzip would not make it smaller
      'pagefind/s0/fragment/zh-cn_1.pf_fragment': fragment,
      '_astro/x.1234.css': text(2000, 'css'),
    });
    const r = finishOutput(dir, META);
    const gzs = ['_astro/x.1234.css.gz', 'doc/a/index.html.gz', 'index.html.gz'];
    for (const g of gzs) {
      const original = readFileSync(path.join(dir, g.slice(0, -3)));
      const gz = readFileSync(path.join(dir, g));
      expect(gunzipSync(gz).equals(original), g).toBe(true);
      expect(gz.length).toBeLessThan(original.length);
    }
    expect(existsSync(path.join(dir, 'tiny.html.gz'))).toBe(false);
    expect(existsSync(path.join(dir, 'doc/a/random.json.gz'))).toBe(false);
    expect(existsSync(path.join(dir, 'doc/a/files/附件.pdf.gz'))).toBe(false);
    expect(existsSync(path.join(dir, 'pagefind/s0/fragment/zh-cn_1.pf_fragment.gz'))).toBe(false);
    expect(r.gzipped).toBe(3);

    const manifest = readManifest(path.join(dir, MANIFEST_FILE));
    expect(manifest).toEqual(r.manifest);
    expect(manifest.format).toBe(MANIFEST_FORMAT);
    expect({ ...manifest, files: [] }).toEqual({ format: MANIFEST_FORMAT, ...META, files: [] });
    const onDisk = listOutputFiles(dir);
    expect(onDisk).not.toContain(MANIFEST_FILE);
    expect(manifest.files.map((f) => f.path)).toEqual(onDisk);
    expect(onDisk).toEqual(expect.arrayContaining(gzs));
    for (const f of manifest.files) {
      const bytes = readFileSync(path.join(dir, f.path));
      expect(f.size, f.path).toBe(bytes.length);
      expect(f.sha256, f.path).toBe(sha256(bytes));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same bytes when run again, and removes a .gz its original no longer earns', () => {
    const dir = outDir({ 'a.html': text(4000), 'b.css': text(3000, 'c'), 'c.gz': gzipSync('x') });
    finishOutput(dir, META);
    const first = readFileSync(path.join(dir, MANIFEST_FILE));
    const gzA = readFileSync(path.join(dir, 'a.html.gz'));
    finishOutput(dir, META);
    expect(readFileSync(path.join(dir, MANIFEST_FILE)).equals(first)).toBe(true);
    expect(readFileSync(path.join(dir, 'a.html.gz')).equals(gzA)).toBe(true);

    writeFileSync(path.join(dir, 'b.css'), 'small');
    const again = finishOutput(dir, META);
    expect(existsSync(path.join(dir, 'b.css.gz'))).toBe(false);
    expect(existsSync(path.join(dir, 'c.gz'))).toBe(true); // not ours
    expect(again.manifest.files.map((f) => f.path)).toEqual(['a.html', 'a.html.gz', 'b.css', 'c.gz']);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('manifest.json', () => {
  const m: Manifest = {
    format: MANIFEST_FORMAT,
    ...META,
    files: [
      { path: 'a.html', size: 3, sha256: 'a'.repeat(64) },
      { path: 'doc/附件.pdf', size: 5, sha256: 'b'.repeat(64) },
    ],
  };

  it('is JSON with one file a line (a diff of two releases shows one line per changed file)', () => {
    const s = serialiseManifest(m);
    expect(JSON.parse(s)).toEqual(m);
    const lines = s.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      '{"format":"gongkai-manifest/1","base":"/xxgk/","site_url":"https://www.example.gov.cn","commit":null,"today":"2026-11-27 23:59","files":[',
    );
    expect(lines[2]).toBe(`{"path":"doc/附件.pdf","size":5,"sha256":"${'b'.repeat(64)}"}`);
    expect(JSON.parse(serialiseManifest({ ...m, files: [] }))).toEqual({ ...m, files: [] });
    // the fields' order is the format's, not the object's
    const { format, ...rest } = m;
    expect(serialiseManifest({ ...rest, format } as Manifest)).toBe(s);
  });

  it('refuses a file that is not a manifest, in Chinese, naming it', () => {
    const dir = outDir({ 'x.json': '{"files":[]}', 'y.json': 'nope' });
    expect(() => readManifest(path.join(dir, 'x.json'))).toThrow(/x\.json 不是 gongkai 的发布清单/);
    expect(() => readManifest(path.join(dir, 'y.json'))).toThrow(/无法读取发布清单 .*y\.json/);
  });

  it('records the content repository’s commit, null outside git', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'gongkai-git-'));
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
        cwd: repo,
        encoding: 'utf8',
      });
    expect(gitCommit(repo)).toBeNull();
    expect(git('init', '-q').status).toBe(0);
    writeFileSync(path.join(repo, 'site.yaml'), 'site_url: https://www.example.gov.cn\n');
    // a column inside the repository that is not tracked there (as the benchmark's is not)
    mkdirSync(path.join(repo, 'untracked'));
    writeFileSync(path.join(repo, 'untracked', 'site.yaml'), 'site_url: https://x.example\n');
    writeFileSync(path.join(repo, '.gitignore'), 'untracked/\n');
    expect(git('add', '.').status).toBe(0);
    expect(gitCommit(repo), 'site.yaml not committed yet').toBeNull();
    expect(git('commit', '-q', '-m', 'x').status).toBe(0);
    const head = git('rev-parse', 'HEAD').stdout.trim();
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    expect(gitCommit(repo)).toBe(head);
    expect(gitCommit(path.join(repo, 'untracked'))).toBeNull();
    expect(siteUrlOf(repo)).toBe('https://www.example.gov.cn');
    expect(siteUrlOf(path.join(repo, 'missing'))).toBeNull();
    rmSync(repo, { recursive: true, force: true });
  });
});

describe('cacheClassOf', () => {
  it('names a file by its content', () => {
    const name = contentHashedName('exact/3', 'json', '{"a":1}');
    expect(name).toMatch(/^exact\/3\.[0-9a-f]{10}\.json$/);
    expect(contentHashedName('exact/3', 'json', '{"a":1}')).toBe(name);
    expect(contentHashedName('exact/3', 'json', '{"a":2}')).not.toBe(name);
    expect(cacheClassOf(`pagefind/${name}`)).toBe('immutable');
  });

  it('calls content-hashed files immutable and everything that keeps its name short', () => {
    for (const f of [
      '_astro/BaseLayout.DrnIS2I8.css',
      '_astro/prefs.C_G63Gki.js',
      '_astro/prefs.C_G63Gki.js.gz',
      'pagefind/s0/fragment/zh-cn_13177a6.pf_fragment',
      'pagefind/s3/index/zh-cn_1255897.pf_index',
      'pagefind/s0/filter/zh-cn_1993c2d.pf_filter',
      'pagefind/s0/pagefind.zh-cn_6615c441e898a.pf_meta',
      'pagefind/exact/3.1a2b3c4d5e.json',
      'pagefind/t2s/31.0123456789.json',
      '/_astro/favicon.DlItVrCc.svg',
    ])
      expect(cacheClassOf(f), f).toBe('immutable');
    for (const f of [
      'index.html',
      'index.html.gz',
      'doc/a/index.html',
      'doc/a/files/附件.pdf',
      'manifest.json',
      'redirects.json',
      'pagefind/gongkai.json',
      'pagefind/exact/3.json',
      'pagefind/t2s/0.json',
      'pagefind/exact/3.1a2b3c4d5e.json.tmp',
      'pagefind/s0/pagefind.js',
      'pagefind/s0/pagefind-worker.js',
      'pagefind/s0/pagefind-entry.json',
      'pagefind/s0/wasm.unknown.pagefind',
      'doc/_astro/x.css',
    ])
      expect(cacheClassOf(f), f).toBe('short');
  });
});
