// The build's finish step on the sample (docs/design.md "Build output: manifest, precompressed
// files"): manifest.json lists every file of the output but itself, with the right size and SHA-256;
// each .gz is the gzip of the file beside it, and every text file that gzip makes smaller has one;
// the pages load only content-hashed (immutable) scripts, style sheets and icons, and the search
// tables are content-hashed too.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheClassOf } from '../../src/lib/deploy/cache.ts';
import { listOutputFiles, MANIFEST_FILE, MANIFEST_FORMAT, readManifest } from '../../src/lib/deploy/manifest.ts';
import { gzipBytes, shouldPrecompress } from '../../src/lib/deploy/precompress.ts';
import { T2S_BUCKETS, type SearchManifest } from '../../src/lib/search/normalise.ts';
import { assertBuilt, buildSample, type BuildResult } from '../helpers/build.ts';

let r: BuildResult;
const read = (f: string) => readFileSync(path.join(r.outDir, f));

beforeAll(async () => {
  r = await buildSample();
});

describe('manifest.json', () => {
  it('says which build it lists: base, site_url, the content’s commit and today', () => {
    assertBuilt(r);
    const m = readManifest(path.join(r.outDir, MANIFEST_FILE));
    expect(m.format).toBe(MANIFEST_FORMAT);
    expect(m.base).toBe('/xxgk/');
    expect(m.today).toBe(`${r.today} 23:59`);
    const site = readFileSync(path.join(r.contentDir, 'site.yaml'), 'utf8');
    expect(m.site_url).toBe(/^site_url:\s*(\S+)/m.exec(site)?.[1] ?? null);
    const git = (...args: string[]) => spawnSync('git', args, { cwd: r.contentDir, encoding: 'utf8' });
    const tracked = git('ls-files', '--', 'site.yaml').stdout?.trim();
    const head = git('rev-parse', 'HEAD');
    expect(m.commit).toBe(tracked && head.status === 0 ? head.stdout.trim() : null);
  });

  it('lists every file of the output but itself, sorted, with its size and SHA-256', () => {
    assertBuilt(r);
    const m = readManifest(path.join(r.outDir, MANIFEST_FILE));
    const files = listOutputFiles(r.outDir);
    expect(files.length).toBeGreaterThan(500);
    expect(m.files.map((f) => f.path)).toEqual(files);
    const wrong: string[] = [];
    for (const f of m.files) {
      const bytes = read(f.path);
      const sha = createHash('sha256').update(bytes).digest('hex');
      if (f.size !== bytes.length || f.sha256 !== sha)
        wrong.push(`${f.path}: ${f.size} ${f.sha256} ≠ ${bytes.length} ${sha}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('precompressed files', () => {
  it('are the gzip of the file beside them, smaller, and every text file that gains has one', () => {
    assertBuilt(r);
    const files = listOutputFiles(r.outDir);
    const names = new Set(files);
    const gz = files.filter((f) => f.endsWith('.gz'));
    expect(gz.length).toBeGreaterThan(100);
    for (const page of ['index.html', 'catalogue/index.html', 'pagefind/gongkai.json'])
      expect(names.has(`${page}.gz`), page).toBe(true);
    const problems: string[] = [];
    for (const f of gz) {
      const original = f.slice(0, -3);
      if (!names.has(original)) {
        problems.push(`${f}: no ${original}`);
        continue;
      }
      const bytes = read(original);
      const packed = read(f);
      if (!gunzipSync(packed).equals(bytes)) problems.push(`${f}: does not decompress to ${original}`);
      if (packed.length >= bytes.length) problems.push(`${f}: not smaller than ${original}`);
      if (/\.pf_[a-z]+$|\.pagefind$/.test(original)) problems.push(`${f}: Pagefind's files are gzip already`);
    }
    for (const f of files) {
      if (f.endsWith('.gz') || names.has(`${f}.gz`)) continue;
      const bytes = read(f);
      if (shouldPrecompress(f, bytes) && gzipBytes(bytes).length < bytes.length) problems.push(`${f}: no .gz`);
    }
    expect(problems).toEqual([]);
  });
});

describe('asset names for long caching', () => {
  it('pages load only content-hashed scripts, style sheets and icons', () => {
    assertBuilt(r);
    const pages = listOutputFiles(r.outDir).filter((f) => f.endsWith('.html'));
    const refs = new Map<string, string>();
    for (const page of pages) {
      const html = read(page).toString('utf8');
      for (const m of html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"|<link\b[^>]*\shref="([^"]+)"[^>]*>/g)) {
        const tag = m[0];
        if (m[2] && !/\srel="(?:stylesheet|icon|preload|modulepreload)"/.test(tag)) continue;
        refs.set(m[1] ?? m[2]!, page);
      }
    }
    expect(
      [...refs.keys()].some((u) => /\/_astro\/prefs\.[\w-]+\.js$/.test(u)),
      'prefs.js',
    ).toBe(true);
    expect(
      [...refs.keys()].some((u) => /\/_astro\/favicon\.[\w-]+\.svg$/.test(u)),
      'favicon',
    ).toBe(true);
    const bad: string[] = [];
    for (const [url, page] of refs) {
      if (!url.startsWith(r.base)) {
        bad.push(`${page}: ${url} is not under ${r.base}`);
        continue;
      }
      const file = url.slice(r.base.length);
      if (!existsSync(path.join(r.outDir, file))) bad.push(`${page}: ${url} does not exist`);
      if (cacheClassOf(file) !== 'immutable') bad.push(`${page}: ${url} has no content hash`);
    }
    expect(bad).toEqual([]);
    expect(existsSync(path.join(r.outDir, 'prefs.js'))).toBe(false);
    expect(existsSync(path.join(r.outDir, 'favicon.svg'))).toBe(false);
  });

  it('the search tables gongkai.json names are content-hashed, and every file of them is named', () => {
    assertBuilt(r);
    const m = JSON.parse(read('pagefind/gongkai.json').toString('utf8')) as SearchManifest;
    expect(m.exactFiles).toHaveLength(m.exactBuckets);
    expect(m.t2sFiles).toHaveLength(T2S_BUCKETS);
    for (const f of [...m.exactFiles, ...m.t2sFiles]) {
      expect(cacheClassOf(`pagefind/${f}`), f).toBe('immutable');
      const bytes = read(`pagefind/${f}`);
      expect(f.split('.')[1], f).toBe(createHash('sha256').update(bytes).digest('hex').slice(0, 10));
    }
    const tables = listOutputFiles(r.outDir).filter((f) => /^pagefind\/(?:exact|t2s)\/[^/]+\.json$/.test(f));
    expect(tables.sort()).toEqual([...m.exactFiles, ...m.t2sFiles].map((f) => `pagefind/${f}`).sort());
  });
});
