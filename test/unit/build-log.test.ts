// The build log's line classifier (src/lib/build-log.ts): per-page entries are counted and dropped,
// Astro's phases recognised, and everything else — warnings, errors, our diagnostics, stack traces,
// lines it does not know — printed as written.
import { describe, expect, it } from 'vitest';
import {
  classifyLine,
  formatDuration,
  LineSplitter,
  pageTotalLine,
  progressText,
  stripAnsi,
} from '../../src/lib/build-log.ts';

const printed = (line: string, inPages = false) => classifyLine(line, inPages).print;

describe('per-page lines', () => {
  it('counts a page that starts and ends on one line, and prints nothing', () => {
    expect(classifyLine('14:30:29   ├─ /catalogue/topic/01/index.html (+54ms) ')).toEqual({
      startedPages: 1,
      startedFiles: 0,
      done: 1,
    });
  });

  it('counts several starts on one line (build.concurrency > 1) and the end that closes the line', () => {
    const line =
      '14:30:28   ├─ /404.html14:30:28   ├─ /annual-reports/trends/gov/index.html14:30:28   ├─ /annual-reports/table2.csv' +
      '14:30:28   ├─ /annual-reports/table3.csv (+468ms) ';
    expect(classifyLine(line)).toEqual({ startedPages: 2, startedFiles: 2, done: 1 });
  });

  it('counts an end alone on its line, and every form of it', () => {
    for (const end of [' (+16ms) ', ' (+1.25s) ', ' (+1m 5s) ', ' (cached)', ' (restored)'])
      expect(classifyLine(end), end).toEqual({ startedPages: 0, startedFiles: 0, done: 1 });
    expect(classifyLine(' (+3ms) (file not created, response body was empty)')).toMatchObject({ done: 1 });
  });

  it('reads the entries through colours and └─', () => {
    const coloured =
      '\u001b[2m14:30:29\u001b[22m   \u001b[34m├─\u001b[39m \u001b[2m/doc/a/index.html\u001b[22m \u001b[2m(+8ms)\u001b[22m ';
    expect(classifyLine(coloured)).toEqual({ startedPages: 1, startedFiles: 0, done: 1 });
    expect(classifyLine('14:30:29   └─ /doc/b/index.html (+8ms) ')).toMatchObject({ startedPages: 1, done: 1 });
  });

  it('prints the whole line when something else was written in the middle of the entries', () => {
    const line = '14:30:29   ├─ /doc/a/index.html14:30:29 [gongkai-x] 页面中的提示';
    expect(classifyLine(line)).toMatchObject({ startedPages: 1, print: line });
    const glued = '14:30:29   ├─ /doc/a/index.htmlconsole output from a page';
    expect(printed(glued)).toBe(glued);
  });

  it('does not take a path-like line that is not an entry for one', () => {
    expect(printed('  /doc/a/index.html')).toBe('  /doc/a/index.html');
    expect(printed('├─ a line without a path')).toBe('├─ a line without a path');
  });
});

describe('phases, the page total and Astro’s chatter', () => {
  it('recognises the phases', () => {
    expect(classifyLine('14:30:25 [build] Building static entrypoints...')).toMatchObject({ phase: 'bundle' });
    expect(classifyLine(' generating static routes ')).toMatchObject({ phase: 'pages' });
    expect(classifyLine('\u001b[42m\u001b[30m generating static routes \u001b[39m\u001b[49m')).toMatchObject({
      phase: 'pages',
    });
    expect(classifyLine('14:30:33 ✓ Completed in 5.03s.', true)).toMatchObject({ phase: 'after-pages' });
    expect(classifyLine('14:34:28 ✓ Completed in 1m 47s.', true)).toMatchObject({ phase: 'after-pages' });
    // outside page generation the same words end another of Astro's steps
    expect(classifyLine('14:34:28 ✓ Completed in 1m 47s.', false).phase).toBeUndefined();
  });

  it('reads the integration’s page total', () => {
    expect(classifyLine(`14:41:33 [gongkai-build-log] ${pageTotalLine(13650)}`)).toMatchObject({ total: 13650 });
    expect(printed(`14:41:33 [gongkai-build-log] ${pageTotalLine(7)}`)).toBeUndefined();
  });

  it('drops Astro’s and Vite’s known progress lines', () => {
    for (const line of [
      '14:30:22 [content] Syncing content',
      '14:30:25 [content] Synced content',
      '14:30:25 [types] Generated 8.81s',
      '14:30:25 [build] output: "static"',
      '14:30:25 [build] mode: "static"',
      '14:30:25 [build] directory: /tmp/bl-sample/',
      '14:30:25 [build] Collecting build info...',
      '14:30:25 [build] ✓ Completed in 9.14s.',
      '14:30:27 [vite] ✓ built in 2.60s',
      '14:30:28 [vite] ✓ built in 167ms',
      '14:30:28 [build] Rearranging server assets...',
      '14:30:17 [vite] [optimizer] bundling dependencies...',
      '14:34:32 [build] 13650 page(s) built in 2m 46s',
      '14:34:32 [build] Complete!',
    ])
      expect(printed(line), line).toBeUndefined();
  });
});

describe('what is always printed', () => {
  it('prints warnings and errors, flagged', () => {
    const warn = '14:30:25 [WARN] [gongkai-documents] ';
    expect(classifyLine(warn)).toMatchObject({ print: warn, warning: true });
    const astroWarn = '14:30:25 [WARN] [build] Skipping src/pages/x.astro because a file with the same name exists';
    expect(classifyLine(astroWarn)).toMatchObject({ print: astroWarn, warning: true });
    const error = '14:30:29 [ERROR] [build] Caught error rendering /doc/a/: TypeError: x is undefined';
    expect(classifyLine(error)).toMatchObject({ print: error, error: true });
    expect(classifyLine('TypeError: Cannot read properties of undefined')).toMatchObject({ error: true });
  });

  it('prints our diagnostics blocks line by line, stack traces and unknown lines as written', () => {
    for (const line of [
      '内容检查发现 2 个警告（不影响构建，请尽快处理）：',
      'content/documents/2023/a.md 第 13 行  警告  附件 / attachments.0：……',
      '    修改方法：请人工核对其中有没有身份证号……',
      '    at renderPage (file:///work/node_modules/astro/dist/runtime/server/render/page.js:12:3)',
      '14:31:47 [vite] Re-optimizing dependencies because vite config has changed',
      '14:30:33 [gongkai-attachments] 已复制 7 个附件',
      '14:30:33 [build] something Astro adds in a later version',
      'Error: 出错了',
    ])
      expect(printed(line), line).toBe(line);
  });

  it('prints nothing for a blank line (build.mjs keeps blank lines inside what it prints)', () => {
    expect(printed('')).toBeUndefined();
    expect(printed('   ')).toBeUndefined();
  });
});

describe('line splitter and progress text', () => {
  it('splits chunks into lines, holding an unfinished one until more comes or the stream ends', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l));
    s.push('14:30:28   ├─ /a/index.html');
    s.push(' (+3ms) \nsecond');
    s.push(' line\nthird');
    expect(lines).toEqual(['14:30:28   ├─ /a/index.html (+3ms) ', 'second line']);
    s.end();
    expect(lines).toEqual(['14:30:28   ├─ /a/index.html (+3ms) ', 'second line', 'third']);
  });

  it('says done of total, elapsed and the time left', () => {
    expect(progressText(0, 100, 1000)).toBe('生成页面：0/100（0%），已用 1 秒');
    expect(progressText(25, 100, 10_000)).toBe('生成页面：25/100（25%），已用 10 秒，预计还需 30 秒');
    expect(progressText(5000, 10000, 125_000)).toBe(
      '生成页面：5000/10000（50%），已用 2 分 05 秒，预计还需 2 分 05 秒',
    );
    expect(progressText(100, 100, 40_000)).toBe('生成页面：100/100（100%），已用 40 秒');
    expect(progressText(7, undefined, 3000)).toBe('生成页面：已完成 7 个，已用 3 秒');
    // no estimate before 1% is done
    expect(progressText(2, 310, 1000)).toBe('生成页面：2/310（0%），已用 1 秒');
    expect(progressText(4, 310, 1000)).toBe('生成页面：4/310（1%），已用 1 秒，预计还需 1 分 17 秒');
    expect(formatDuration(3_725_000)).toBe('1 小时 02 分');
  });

  it('strips colours', () => {
    expect(stripAnsi('\u001b[33m14:30:25 [WARN]\u001b[39m x')).toBe('14:30:25 [WARN] x');
  });
});
