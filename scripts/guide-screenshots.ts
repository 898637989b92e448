#!/usr/bin/env node
// npm run guide:screenshots [-- --reuse]
//
// The pictures of docs/编辑指南.md (docs/images/guide/*.png): the sample column built as the tests
// build it (test/helpers/build.ts; no report PDFs), served by the tests' static server and shot with
// Debian's Chromium through playwright-core (test/helpers/browser.ts) — the column home, the
// catalogue, a document page, an annual report's table 3, a search, large text — and the editors'
// command line run for real on a copy of the sample in a temporary folder (new, new --help, check with
// the commonest mistakes, a 年报's data file with wrong sums, a commit refused by the pre-commit check),
// its output rendered as a terminal window (local fonts only, no network).
//
// Deterministic: fixed viewport (1280×800, device scale 1), fixed "today" (GONGKAI_TODAY), fixed
// inputs; the only thing changed in the command output is the seconds a check took, printed as
// TIMING below. `--reuse` reuses an earlier build of the same inputs (GONGKAI_TEST_REUSE=1).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { slugFromIndexNo } from '../src/lib/index-no.ts';
import { assertBuilt, buildSite } from '../test/helpers/build.ts';
import { launchBrowser, quiet, settle } from '../test/helpers/browser.ts';
import { copyContent } from '../test/helpers/fixture.ts';
import { ROOT, SAMPLE_CONTENT, TODAY } from '../test/helpers/paths.ts';
import { startServer } from '../test/helpers/server.ts';

const OUT = path.join(ROOT, 'docs', 'images', 'guide');
const VIEWPORT = { width: 1280, height: 800 };
/** The seconds a check took, as shown in every picture (the real figure varies from run to run). */
const TIMING = '2.6';
/** A PNG above this size is reported: the guide is read on slow intranets. */
const MAX_BYTES = 200 * 1024;

const { values: flags } = parseArgs({ options: { reuse: { type: 'boolean' } } });
if (flags.reuse) process.env.GONGKAI_TEST_REUSE = '1';

/** The page of a sample document: its 索引号 → doc/<slug>/. */
function docPath(rel: string): string {
  const text = readFileSync(path.join(SAMPLE_CONTENT, rel), 'utf8');
  const indexNo = /^index_no:\s*"([^"]+)"/m.exec(text)?.[1];
  if (!indexNo) throw new Error(`${rel}: no index_no`);
  return `doc/${slugFromIndexNo(indexNo)}/`;
}

const written: { file: string; bytes: number }[] = [];

async function save(name: string, shot: () => Promise<Buffer>): Promise<void> {
  const file = path.join(OUT, name);
  writeFileSync(file, await shot());
  written.push({ file: path.relative(ROOT, file), bytes: statSync(file).size });
}

/** Clip from the top of `from` to the bottom of `to` (page coordinates), full width, at most `max` tall. */
async function clipBetween(page: Page, from: string, to: string, max = 900, pad = 16) {
  const a = await page.locator(from).first().boundingBox();
  const b = await page.locator(to).first().boundingBox();
  if (!a || !b) throw new Error(`not on the page: ${a ? to : from}`);
  const y = Math.max(0, Math.floor(a.y - pad));
  return { x: 0, y, width: VIEWPORT.width, height: Math.min(max, Math.ceil(b.y + b.height + pad - y)) };
}

async function sitePictures(browser: Browser, baseUrl: string): Promise<void> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const open = async (p: string) => {
    await page.goto(baseUrl + p);
    await settle(page);
    await quiet(page);
  };

  await open('');
  await save('01-home.png', () => page.screenshot());

  await open('catalogue/');
  await save('02-catalogue.png', () => page.screenshot());

  // a document with attachments: title, metadata, tools
  const doc = docPath('documents/2023/market-shipin-choujian-2023-3/market-shipin-choujian-2023-3.md');
  await open(doc);
  await save('03-document.png', async () =>
    page.screenshot({ clip: await clipBetween(page, '.doc-title', '.doc-tools'), fullPage: true }),
  );

  // an annual report: table 3 (收到和处理政府信息公开申请情况), drawn from the report's data file
  await open(docPath('documents/annual-reports/gov-2024.md'));
  const table3 = page.locator('[role="region"]').filter({ hasText: '本年新收政府信息公开申请数量' }).first();
  await table3.scrollIntoViewIfNeeded();
  await save('04-report-table.png', () => table3.screenshot());

  await open(`search/?${new URLSearchParams({ q: '预算' })}`);
  await page.waitForFunction(() => {
    const root = document.getElementById('search');
    return !!root && root.dataset.state !== 'searching' && Number(root.dataset.run ?? 0) > 0;
  });
  await quiet(page);
  // the box with the query, the filters, the count and the first three results
  await save('05-search.png', async () =>
    page.screenshot({ clip: await clipBetween(page, 'h1', '.search-hit:nth-child(3)', 2000), fullPage: true }),
  );

  // 适老化: the largest text size (remembered in this context only)
  await open(doc);
  await page.locator('button[data-text-size]').last().click();
  await quiet(page);
  await save('06-large-text.png', () => page.screenshot());
  await context.close();
}

// ---- the command line, run for real -------------------------------------------------------------

interface Run {
  /** The command as the editor types it. */
  shown: string;
  output: string;
}

/** A scratch folder holding a copy of the sample at content/, as an editor's clone has it. */
function scratchColumn(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-guide-'));
  copyContent(path.join(dir, 'content'), SAMPLE_CONTENT);
  return dir;
}

function runIn(cwd: string, shown: string, command: string, args: string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_TODAY: TODAY, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const k of Object.keys(env)) if (/^GONGKAI_(CONTENT|BASE|OUT)$/.test(k)) delete env[k];
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (r.error) throw r.error;
  const output = (r.stdout + r.stderr).replace(/（\d+\.\d 秒）/g, `（${TIMING} 秒）`).trimEnd();
  return { shown, output };
}

const gongkai = (cwd: string, args: string[], shown = `npx gongkai ${args.join(' ')}`) =>
  runIn(cwd, shown, process.execPath, [path.join(ROOT, 'bin', 'gongkai.mjs'), ...args]);

/** A shell word as an editor would quote it (only when needed). */
const quoteArg = (s: string) => (/^[\w\-./=\u4e00-\u9fa5〔〕]+$/.test(s) ? s : `'${s}'`);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function terminalHtml(runs: Run[]): string {
  const body = runs
    .map(
      (r) =>
        `<span class="prompt">$</span> <span class="cmd">${escapeHtml(r.shown)}</span>${r.output ? '\n' + escapeHtml(r.output) : ''}`,
    )
    .join('\n\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { margin: 0; padding: 0; background: #fff; }
.term { width: 1000px; background: #1f2428; color: #e1e4e8; border-radius: 8px; overflow: hidden; }
.bar { background: #3a3f44; color: #c9ced3; padding: 6px 14px; font: 13px/1.4 "Noto Sans CJK SC", sans-serif; }
pre { margin: 0; padding: 12px 16px 16px; white-space: pre-wrap; overflow-wrap: anywhere;
  font: 14px/1.6 "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; }
.prompt { color: #85e89d; } .cmd { color: #fff; font-weight: bold; }
</style></head><body><div class="term"><div class="bar">终端</div><pre>${body}</pre></div></body></html>`;
}

async function terminalPicture(browser: Browser, name: string, runs: Run[]): Promise<void> {
  const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await page.setContent(terminalHtml(runs));
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await save(name, () => page.locator('.term').screenshot());
  await page.close();
}

/** A document as an editor might save it with the mistakes the guide explains. */
const MISTAKES: Record<string, string> = {
  'content/documents/2026/gov-office-00005.md': `---
title: 示例县人民政府办公室关于开展2026年冬季安全生产大检查的通知
index_no: "1199999999990002XC/202611-00005"
publisher: 示例县人民政府办公室
topic: 综合政务\\安全生产
genre: 通知
written: 2026.11.20
published: 2026-11-25
section: 第二十条第（十五）项
attachments:
  - file: 附件1.pdf
    title: 附件1：检查安排表
---

各乡镇人民政府，县直各单位：

（正文）
`,
  'content/documents/2026/emergency-00010.md': `---
title: 示例县应急管理局关于做好冬春森林防火工作的通知
index_no: "11999999999900070P/202610-00010"
publisher: 示例县应急管理局
topic: 综合政务\\应急管理
genre: 通知书
written: 2026-11-20
published: 2026-11-25
section: 第二十条第（十五）项
---

各乡镇人民政府：

（正文）
`,
};

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

async function commandPictures(browser: Browser): Promise<void> {
  // a new 通知 with flags, and the flags themselves
  let dir = scratchColumn();
  try {
    const args = {
      '--publisher': 'gov-office',
      '--genre': '通知',
      '--topic': '综合政务\\政务公开',
      '--section': '第二十条第（一）项',
      '--title': '示例县人民政府办公室关于做好2027年元旦春节期间有关工作的通知',
      '--doc-no': '示政办〔2026〕31号',
    };
    const argv = ['new', ...Object.entries(args).flat()];
    const shown = `npx gongkai ${argv.map(quoteArg).join(' ')}`;
    await terminalPicture(browser, '07-new.png', [gongkai(dir, argv, shown)]);
    await terminalPicture(browser, '08-new-help.png', [gongkai(dir, ['new', '--help'])]);

    // the commonest mistakes, as check prints them
    writeFiles(dir, MISTAKES);
    await terminalPicture(browser, '09-check-errors.png', [gongkai(dir, ['check'])]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // an annual report: the data file written by new, three numbers typed wrong
  dir = scratchColumn();
  try {
    const argv = ['new', '--genre', '年报', '--publisher', 'education', '--year', '2025'];
    argv.push('--written', '2026-01-16', '--published', '2026-01-20');
    const made = gongkai(dir, argv);
    await terminalPicture(browser, '10-new-report.png', [made]);
    const data = path.join(dir, 'content/documents/annual-reports/education-2025.report.yaml');
    const text = readFileSync(data, 'utf8')
      .replace(/^( {2}new_received: )\[0, 0, 0, 0, 0, 0, 0\]/m, '$1[3, 0, 0, 0, 0, 0, 3]')
      .replace(/^( {2}granted: )\[0, 0, 0, 0, 0, 0, 0\]/m, '$1[2, 0, 0, 0, 0, 0, 2]')
      .replace(/^( {2}total: )\[0, 0, 0, 0, 0, 0, 0\]/m, '$1[2, 0, 0, 0, 0, 0, 2]');
    writeFileSync(data, text);
    await terminalPicture(browser, '11-check-report.png', [gongkai(dir, ['check'])]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // the pre-commit check refusing a commit
  dir = scratchColumn();
  try {
    const git = (args: string[]) => runIn(dir, `git ${args.join(' ')}`, 'git', args);
    git(['init', '-q', '-b', 'main']);
    gongkai(dir, ['hook', 'install']);
    const rel = 'content/documents/2026/emergency-00010.md';
    writeFiles(dir, { [rel]: MISTAKES[rel]! });
    const add = git(['add', rel]);
    const commit = runIn(dir, 'git commit -m "发布：关于做好冬春森林防火工作的通知"', 'git', [
      '-c',
      'user.name=编辑',
      '-c',
      'user.email=editor@example.gov.cn',
      'commit',
      '-m',
      '发布：关于做好冬春森林防火工作的通知',
    ]);
    await terminalPicture(browser, '12-hook.png', [add, commit]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(OUT, { recursive: true });
  const build = await buildSite({ name: 'guide', today: TODAY, env: { GONGKAI_CHROMIUM: 'off' } });
  assertBuilt(build);
  console.log(`构建示例专栏：${(build.ms / 1000).toFixed(0)} 秒${build.reused ? '（沿用上次的构建）' : ''}`);
  const server = await startServer({ dir: build.outDir, base: build.base });
  const browser = await launchBrowser();
  try {
    await sitePictures(browser, server.baseUrl);
    await commandPictures(browser);
  } finally {
    await browser.close();
    await server.close();
  }
  for (const w of written)
    console.log(`${w.file}  ${(w.bytes / 1024).toFixed(0)} KB${w.bytes > MAX_BYTES ? '  （超过 200 KB）' : ''}`);
  console.log(`共 ${written.length} 张，${((Date.now() - started) / 1000).toFixed(0)} 秒。`);
  if (written.some((w) => w.bytes > MAX_BYTES)) process.exitCode = 1;
}

await main();
