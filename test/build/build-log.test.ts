// The build's log for an operator (scripts/build.mjs, src/lib/build-log.ts): real builds of the sample
// print the phases, progress lines with the page total and no line per page, stay short, and still
// show every warning in full; a broken copy's errors are shown in full; GONGKAI_VERBOSE=1 gives
// Astro's full output, the line per page included.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, buildSite, tail, type BuildResult } from '../helpers/build.ts';
import { setField } from '../helpers/fixture.ts';
import { BASE, SAMPLE_CONTENT, TODAY } from '../helpers/paths.ts';
import { partition, readSources } from '../helpers/sources.ts';

// no PDFs (Chromium is slow and other tests cover them); progress lines every 300 ms, so a few fall
// into the sample's seconds of page generation (the default is every 5 s)
const ENV = { GONGKAI_CHROMIUM: 'off', GONGKAI_PROGRESS_MS: '300' };
/** Astro's line per page: `HH:MM:SS   ├─ /doc/x/index.html (+12ms)`. */
const PER_PAGE = /[├└]─ \/\S*|\/index\.html \(\+\d/;
const PROGRESS = /\[gongkai-build\] 生成页面：(\d+)\/(\d+)（\d+%），已用 [^，]+(?:，预计还需 .+)?$/;

const lines = (r: BuildResult) => r.output.split('\n');
const htmlFiles = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? htmlFiles(path.join(dir, e.name)) : e.name.endsWith('.html') ? 1 : 0),
    0,
  );

describe('the default build log', () => {
  let r: BuildResult;
  beforeAll(async () => {
    r = await buildSite({ name: 'build-log', base: BASE, env: ENV });
    assertBuilt(r);
  });

  it('prints the phases in order, from reading the column to the summary', () => {
    const phases = [
      /\[gongkai-build\] 读取、检查内容（.+）……$/,
      /\[gongkai-build\] 打包页面模板和脚本……$/,
      /\[gongkai-build\] 生成页面……$/,
      /\[gongkai-build\] 生成页面：完成 \d+ 个（\d+ 个页面、\d+ 个数据文件），用时 /,
      /\[gongkai-build\] 整理输出：/,
      /\[gongkai-build\] 年报 PDF……$/,
      /\[gongkai-build\] 站内搜索索引……$/,
      /\[gongkai-search-index\] 站内搜索：\d+ 个页面/,
      /\[gongkai-build\] 已发布网址检查……$/,
      /\[gongkai-build\] 全站链接检查……$/,
      /\[gongkai-links\] 全站链接检查：/,
      /\[gongkai-build\] 构建完成：/,
    ];
    const at = phases.map((p) => lines(r).findIndex((l) => p.test(l)));
    expect(
      at.map((i, n) => (i < 0 ? `missing: ${phases[n]}` : 'ok')),
      tail(r),
    ).toEqual(phases.map(() => 'ok'));
    expect(
      [...at].sort((a, b) => a - b),
      tail(r),
    ).toEqual(at);
  });

  it('shows progress lines with done of total, and the total is what Astro generated', () => {
    const progress = lines(r)
      .map((l) => PROGRESS.exec(l))
      .filter((m) => m !== null);
    expect(progress.length, tail(r)).toBeGreaterThan(0);
    const done = lines(r)
      .map((l) => /生成页面：完成 (\d+) 个（(\d+) 个页面、(\d+) 个数据文件）/.exec(l))
      .find((m) => m)!;
    const total = Number(done[1]);
    for (const m of progress) {
      expect(Number(m[2])).toBe(total);
      expect(Number(m[1])).toBeLessThanOrEqual(total);
    }
    // done counts only grow
    const counts = progress.map((m) => Number(m[1]));
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    // pages are the .html files Astro wrote (the sample has no redirects, whose pages are written later)
    expect(Number(done[2])).toBe(htmlFiles(r.outDir));
    expect(Number(done[2]) + Number(done[3])).toBe(total);
  });

  it('prints no line per page and stays short', () => {
    expect(lines(r).filter((l) => PER_PAGE.test(l))).toEqual([]);
    // 310 pages and files; before this log the sample's build printed some 350 lines. Progress lines
    // (every 300 ms here, every 5 s by default) depend on the machine's speed: not counted
    expect(lines(r).filter((l) => !PROGRESS.test(l)).length, r.output).toBeLessThan(50);
  });

  it('shows the sample’s warnings in full: the content check’s block and the published-URL check’s list', () => {
    const out = r.output;
    // the content check's block: its header, each finding with file and line, and the fix under it
    expect(out).toMatch(/\[WARN\] \[gongkai-[a-z]+\] *\n内容检查发现 \d+ 个警告/);
    expect(out).toMatch(
      /content\/documents\/2023\/emergency-chufa-jueding-2023-5\.md 第 \d+ 行 {2}警告 {2}附件 \/ attachments\.0：.*\n {4}修改方法：/,
    );
    // a post-build step's warning: no PDFs, so the published report PDFs are missing, each listed
    const at = out.indexOf('在本次构建中不再存在');
    expect(at, tail(r)).toBeGreaterThan(-1);
    const listed = out
      .slice(at)
      .split('\n')
      .slice(1)
      .filter((l) => /^ {2}\/doc\/.+\.pdf$/.test(l));
    expect(listed.length).toBeGreaterThan(0);
    expect(out.slice(at)).toContain('修改方法：');
  });

  it('ends with a summary: pages, time, warnings, output directory', () => {
    const summary = lines(r).find((l) => l.includes('[gongkai-build] 构建完成：'));
    const warnings = lines(r).filter((l) => l.includes('[WARN]')).length;
    expect(summary).toMatch(
      new RegExp(
        `构建完成：${htmlFiles(r.outDir)} 个页面、\\d+ 个数据文件，用时 .+；警告 ${warnings} 条（见上）；输出目录 `,
      ),
    );
    expect(summary!.endsWith(r.outDir)).toBe(true);
  });
});

describe('GONGKAI_VERBOSE=1', () => {
  let r: BuildResult;
  beforeAll(async () => {
    r = await buildSite({ name: 'build-log-verbose', base: BASE, env: { ...ENV, GONGKAI_VERBOSE: '1' } });
    assertBuilt(r);
  });

  it('shows Astro’s full output: a line per page', () => {
    const starts = r.output.match(/[├└]─ \/\S+?\.html/g) ?? [];
    expect(starts.length, tail(r)).toBe(htmlFiles(r.outDir));
    expect(r.output).toContain(' generating static routes ');
    expect(r.output).toMatch(/\[build\] \d+ page\(s\) built in/);
  });

  it('and still the summary, without our progress lines', () => {
    expect(lines(r).filter((l) => PROGRESS.test(l))).toEqual([]);
    expect(r.output).toContain('[gongkai-build] 构建完成：');
  });
});

describe('a build that fails', () => {
  const doc = partition(readSources(SAMPLE_CONTENT), TODAY).pages[0]!;
  let r: BuildResult;
  beforeAll(async () => {
    r = await buildSite({
      name: 'build-log-broken',
      env: ENV,
      key: doc.file,
      fixture: (dir) => setField(path.join(dir, doc.file), 'publisher', '示例县不存在的局'),
    });
  });

  it('fails with Astro’s exit status and says which step failed', () => {
    expect(r.exitCode, tail(r)).toBe(1);
    expect(r.output).toMatch(/\[ERROR\] \[gongkai-build\] 构建失败：astro build 出错（退出码 1），用时 .+。错误见上。/);
    expect(r.output).not.toContain('构建完成');
  });

  it('shows the content check’s error in full: file, line, field, what is wrong and how to fix it', () => {
    const at = lines(r).findIndex((l) => l.includes(doc.file) && l.includes('错误') && l.includes('publisher'));
    expect(at, tail(r, 8000)).toBeGreaterThan(-1);
    expect(lines(r)[at]).toMatch(/第 \d+ 行/);
    expect(lines(r)[at]).toContain('示例县不存在的局');
    expect(lines(r)[at + 1], tail(r, 8000)).toMatch(/^ {4}修改方法：/);
  });
});
