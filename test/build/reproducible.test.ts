// Reproducible builds (docs/design.md "Build output: manifest, precompressed files"): the same
// commit, content and GONGKAI_TODAY build the same bytes. The sample is built twice, into two
// output directories, and every file is compared byte for byte — pages, assets, the search index,
// the report PDFs (Chromium prints them afresh in each build), the .gz files and manifest.json.
//
// The two builds are independent: Astro's cache, the PDF cache and the search jobs live in a cache
// directory per content and output directory (build-options.ts), so the second build shares nothing
// with the first (a PDF either build takes from its cache was printed by an earlier build into the
// same directory: still a print of its own). The second runs under another time zone and locale, as an operator's server may
// differ from CI: neither may change a byte. The search index is cut into several shards built on
// worker threads side by side, so the threads' finishing order is exercised too.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveBuildOptions } from '../../src/lib/build-options.ts';
import { listOutputFiles, MANIFEST_FILE } from '../../src/lib/deploy/manifest.ts';
import { assertBuilt, buildSample, buildSite, type BuildResult } from '../helpers/build.ts';

let a: BuildResult;
let b: BuildResult;

beforeAll(async () => {
  a = await buildSample();
  // buildSample's spec (base, shard size) under another name: a build of its own into another directory
  b = await buildSite({
    name: 'sample-xxgk-again',
    base: '/xxgk/',
    env: {
      GONGKAI_SEARCH_SHARD_PAGES: '16',
      TZ: 'America/New_York',
      LANG: 'zh_CN.UTF-8',
      LC_ALL: 'zh_CN.UTF-8',
    },
  });
});

/** The offset of the first byte where two buffers differ. */
function firstDifference(x: Buffer, y: Buffer): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return i;
  return n;
}

describe('two builds of the same commit, content and today', () => {
  it('are two builds, not one copied', () => {
    assertBuilt(a);
    assertBuilt(b);
    expect(b.outDir).not.toBe(a.outDir);
    const cache = (r: BuildResult) =>
      resolveBuildOptions({ GONGKAI_CONTENT: r.contentDir, GONGKAI_OUT: r.outDir }).cacheDir;
    expect(cache(b)).not.toBe(cache(a));
    // each build made its report PDFs: printed, or copied from its own PDF cache (in its own cache
    // directory, so printed by an earlier build into the same output directory, never by the other)
    for (const r of [a, b]) expect(r.output, `no report PDFs in ${r.name}'s log`).toMatch(/已生成 [1-9]\d* 份年报 PDF/);
  });

  it('write the same files, byte for byte', () => {
    assertBuilt(a);
    assertBuilt(b);
    const filesA = listOutputFiles(a.outDir);
    const filesB = listOutputFiles(b.outDir);
    const inB = new Set(filesB);
    const inA = new Set(filesA);
    const problems: string[] = [];
    for (const f of filesA) if (!inB.has(f)) problems.push(`only in ${a.name}: ${f}`);
    for (const f of filesB) if (!inA.has(f)) problems.push(`only in ${b.name}: ${f}`);
    for (const f of [...filesA.filter((f) => inB.has(f)), MANIFEST_FILE]) {
      const x = readFileSync(path.join(a.outDir, f));
      const y = readFileSync(path.join(b.outDir, f));
      if (!x.equals(y))
        problems.push(
          `differs: ${f} (${x.length} / ${y.length} bytes, first difference at byte ${firstDifference(x, y)})`,
        );
    }
    expect(filesA.length).toBeGreaterThan(500);
    expect(
      filesA.some((f) => f.endsWith('.pdf')),
      'the builds printed no PDF',
    ).toBe(true);
    expect(
      problems,
      `${problems.length} of ${filesA.length} files not reproduced (${a.outDir} vs ${b.outDir}):\n${problems.slice(0, 100).join('\n')}`,
    ).toEqual([]);
  });
});
