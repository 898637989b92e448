#!/usr/bin/env node
// npm run build: the site with Astro, then, after Astro has exited, the report PDFs, the search index,
// the published-URL check, the link check over the whole output and, last, the .gz files and
// manifest.json (`finish`: nothing may write into the output after it), each in a process of its own
// (src/post-build.ts), so neither Chromium's nor Pagefind's memory adds to Astro's or to each other's
// (docs/decisions.md §3). Extra arguments go to `astro build`.
//
// The log is for an operator (docs/design.md "Build log"): the phases, a progress line while Astro
// generates pages (pages done of total, elapsed, time left — redrawn in place on a terminal, a new
// line every GONGKAI_PROGRESS_MS, default 5 s, otherwise), every warning and error in full, and a
// summary. Astro's line per page is left out (src/lib/build-log.ts says what is and what is never);
// `--verbose` or GONGKAI_VERBOSE=1 passes Astro's output through unchanged, as `astro build` prints it.
// The exit status is the failing step's; a signal that ends a step ends the build with that signal.
// Runs under the project's Node 24 (npm scripts put node_modules/.bin first on the PATH).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOptionsOrExit } from '../src/lib/build-options.ts';
import { classifyLine, formatDuration, LineSplitter, progressText } from '../src/lib/build-log.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// a malformed variable (GONGKAI_TODAY) stops the build here with its message alone
const options = buildOptionsOrExit(process.env);

const verbose = process.argv.includes('--verbose') || process.env.GONGKAI_VERBOSE === '1';
const astroArgs = process.argv.slice(2).filter((a) => a !== '--verbose');
const tty = !!process.stdout.isTTY;
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
// the children write to pipes: keep Astro's colours when the operator sees a terminal
if (tty && !process.env.NO_COLOR && env.FORCE_COLOR === undefined) env.FORCE_COLOR = '1';
const intervalMs = Number(process.env.GONGKAI_PROGRESS_MS) > 0 ? Number(process.env.GONGKAI_PROGRESS_MS) : 5000;

/** The post-build steps, in order (src/post-build.ts), with the phase each is. */
const STEPS = [
  ['reports', '年报 PDF'],
  ['search', '站内搜索索引'],
  ['published', '已发布网址检查'],
  ['links', '全站链接检查'],
  ['finish', '压缩文件和发布清单'],
];

const started = Date.now();
const time = () => new Date().toTimeString().slice(0, 8);
const stats = { pages: 0, files: 0, done: 0, total: undefined, warnings: 0, errors: 0 };
/** Page generation under way: when it began, and the progress line shown on the terminal, if any. */
let pages;
let shown = '';

/** Writes whole lines to a stream, keeping a terminal's progress line below them. */
function emit(stream, text) {
  if (shown) process.stdout.write('\r\x1b[K');
  stream.write(text + '\n');
  if (shown) process.stdout.write(shown);
}
const log = (message) => emit(process.stdout, `${time()} [gongkai-build] ${message}`);
const progress = () => progressText(stats.done, stats.total, Date.now() - pages.since);

function pagesBegin() {
  log('生成页面……');
  pages = { since: Date.now() };
  pages.timer = setInterval(
    () => {
      if (!tty) return emit(process.stdout, `${time()} [gongkai-build] ${progress()}`);
      const text = progress();
      if (text === shown) return;
      process.stdout.write(`\r\x1b[K${text}`);
      shown = text;
    },
    tty ? 250 : intervalMs,
  );
}

function pagesEnd() {
  if (!pages) return;
  clearInterval(pages.timer);
  if (shown) process.stdout.write('\r\x1b[K');
  shown = '';
  const ms = Date.now() - pages.since;
  pages = undefined;
  log(
    `生成页面：完成 ${stats.done} 个（${stats.pages} 个页面、${stats.files} 个数据文件），用时 ${formatDuration(ms)}`,
  );
}

function onPhase(phase) {
  if (phase === 'bundle') log('打包页面模板和脚本……');
  else if (phase === 'pages' && !pages) pagesBegin();
  else if (phase === 'after-pages') {
    pagesEnd();
    log('整理输出：复制附件、生成跳转页面、规划站内搜索……');
  }
}

/** Runs node with `args`, its output through the line classifier (or unchanged with --verbose). */
function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: ['inherit', 'pipe', 'pipe'] });
    const forward = (signal) => child.kill(signal);
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, forward);
    const ended = [];
    for (const [from, to] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      let blank = 0;
      const splitter = new LineSplitter((line) => {
        const info = classifyLine(line, !!pages);
        stats.pages += info.startedPages;
        stats.files += info.startedFiles;
        stats.done += info.done;
        if (info.total !== undefined) stats.total = info.total;
        if (info.warning) stats.warnings++;
        if (info.error) stats.errors++;
        if (verbose) return;
        if (info.phase) onPhase(info.phase);
        // a blank line is kept when what follows it is printed (inside a diagnostics block), else dropped
        if (!line.trim()) return void blank++;
        if (info.print === undefined) return void (blank = 0);
        for (; blank > 0; blank--) emit(to, '');
        emit(to, info.print);
      });
      from.setEncoding('utf8');
      from.on('data', (chunk) => {
        if (verbose) to.write(chunk);
        splitter.push(chunk);
      });
      ended.push(new Promise((r) => from.on('end', () => r(splitter.end()))));
    }
    child.on('close', async (code, signal) => {
      await Promise.all(ended);
      for (const s of signals) process.off(s, forward);
      resolve({ code, signal });
    });
  });
}

/** Says which step failed; the build then ends as the step did: with its signal, or its exit status. */
function fail(what, { code, signal }) {
  pagesEnd();
  emit(
    process.stderr,
    `${time()} [ERROR] [gongkai-build] 构建失败：${what}${signal ? `被信号 ${signal} 终止` : `出错（退出码 ${code}）`}，` +
      `用时 ${formatDuration(Date.now() - started)}。${signal ? '' : '错误见上。'}`,
  );
  if (signal) process.kill(process.pid, signal);
  else process.exitCode = code ?? 1;
}

async function build() {
  log(`读取、检查内容（${options.contentDir}）……`);
  const astro = await run([path.join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', ...astroArgs]);
  pagesEnd();
  if (astro.code !== 0) return fail('astro build ', astro);
  // one process per step: the index step does not carry the PDF step's heap (src/post-build.ts)
  for (const [step, label] of STEPS) {
    log(`${label}……`);
    const post = await run([path.join(REPO, 'src/post-build.ts'), step]);
    if (post.code !== 0) return fail(`${label}（src/post-build.ts ${step}）`, post);
  }
  // an [ERROR] line in a build that succeeds (a step that logs an error and goes on) is said too
  const errors = stats.errors ? `；错误信息 ${stats.errors} 条（见上）` : '';
  const warned = (stats.warnings ? `；警告 ${stats.warnings} 条（见上）` : '；没有警告') + errors;
  log(
    `构建完成：${stats.pages} 个页面、${stats.files} 个数据文件，用时 ${formatDuration(Date.now() - started)}${warned}；` +
      `输出目录 ${options.outDir}`,
  );
}

await build();
