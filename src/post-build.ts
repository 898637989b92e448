// What npm run build does after `astro build` has exited (scripts/build.mjs), one step per process
// so that no step's memory adds to another's (docs/decisions.md §3, §11), in this order:
// - `reports`: the annual reports printed to PDF (src/lib/report-pdf-print.ts), from the job the build left;
// - `search`: the search index's shards (src/lib/search/index-job.ts), from the job the build left;
// - `published`: the published-URL check (src/lib/published-urls.ts) over the finished output;
// - `links`: the link check over the whole output (src/lib/link-check.ts): a broken internal link fails the build.
// - `finish`, always last: the precompressed .gz files and manifest.json (src/lib/deploy/finish.ts).
// Logs in the build's format; exits non-zero, with Chinese messages, when a step fails.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildOptionsOrExit } from './lib/build-options.ts';
import { checkLinks, formatBrokenLinks, linkJobFile, type LinkJob } from './lib/link-check.ts';
import { finishOutput } from './lib/deploy/finish.ts';
import { manifestMeta, MANIFEST_FILE } from './lib/deploy/manifest.ts';
import { missingPublishedUrls, readPublishedList } from './lib/published-urls.ts';
import type { RedirectManifest } from './lib/redirects.ts';
import { reportPdfJobFile, runReportPdfJob, type ReportPdfJob } from './lib/report-pdf-print.ts';
import { indexJobFile, parallelShards, runShards, type IndexJob } from './lib/search/index-job.ts';

const time = () => new Date().toTimeString().slice(0, 8);
const logger = (name: string) => ({
  info: (m: string) => console.log(`${time()} [${name}] ${m}`),
  warn: (m: string) => console.warn(`${time()} [WARN] [${name}] ${m}`),
  error: (m: string) => console.error(`${time()} [ERROR] [${name}] ${m}`),
});
const readJob = <T>(file: string): T | undefined => {
  if (!existsSync(file)) return undefined;
  const job = JSON.parse(readFileSync(file, 'utf8')) as T;
  rmSync(file, { force: true });
  return job;
};

const options = buildOptionsOrExit(process.env);
const step = process.argv[2];
const STEPS = ['reports', 'search', 'published', 'links', 'finish'];
if (!STEPS.includes(step ?? '')) {
  console.error(`用法：node src/post-build.ts ${STEPS.join('|')}（由 npm run build 调用），收到：${step ?? '（无）'}`);
  process.exit(2);
}

if (step === 'reports') {
  const pdfJob = readJob<ReportPdfJob>(reportPdfJobFile(options.cacheDir));
  if (pdfJob) {
    try {
      await runReportPdfJob(pdfJob, options.cacheDir, logger('gongkai-report-pdf'));
    } catch (e) {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    }
  }
}

if (step === 'search') {
  const indexJob = readJob<IndexJob>(indexJobFile(options.cacheDir));
  if (!indexJob) {
    console.error(`站内搜索：没有找到索引任务（${indexJobFile(options.cacheDir)}）。请用 npm run build 构建。`);
    process.exit(1);
  }
  const log = logger('gongkai-search-index');
  const setting =
    Number(process.env.GONGKAI_SEARCH_PARALLEL) > 0 ? Number(process.env.GONGKAI_SEARCH_PARALLEL) : undefined;
  const parallel = parallelShards(indexJob.shards.length, setting);
  const started = Date.now();
  log.info(`站内搜索：开始建立索引（${indexJob.pages} 个页面，${indexJob.shards.length} 个分片）`);
  const results = await runShards(indexJob.shards, parallel, indexJob.base);
  const errors = results.flatMap((r) => r.errors.map((e) => `  索引分片 ${r.shard}：${e}`));
  for (const s of indexJob.shards)
    if (!results.some((r) => r.shard === s.shard)) errors.push(`  索引分片 ${s.shard}：未完成（工作线程异常退出）`);
  if (errors.length) {
    console.error(`站内搜索索引生成失败（Pagefind 报告的错误）：\n${errors.join('\n')}`);
    process.exit(1);
  }
  log.info(
    `站内搜索：${indexJob.pages} 个页面，${indexJob.shards.length} 个分片（同时 ${parallel} 个），` +
      `${((Date.now() - started) / 1000).toFixed(1)} 秒`,
  );
}

// published URLs (docs/decisions.md §6): every file is written now
const listFile = path.join(options.contentDir, 'published.txt');
if (step === 'published' && existsSync(listFile)) {
  const missing = missingPublishedUrls(readPublishedList(readFileSync(listFile, 'utf8')), options.outDir);
  if (missing.length)
    logger('gongkai-published-urls').warn(
      `已发布的 ${missing.length} 个网址在本次构建中不再存在（读者和搜索引擎的链接将失效）：\n` +
        missing.map((u) => `  ${u}`).join('\n') +
        '\n  修改方法：恢复对应文件或其索引号/slug；网址改变时在 content/redirects.yaml 中写跳转（npx gongkai renumber 会自动写）；确需撤下时用 npx gongkai withdraw 撤回（网址保留撤回说明），或在确认后运行 npm run urls:update 更新 content/published.txt。',
    );
}

// the link check over the whole output: after every step that writes files, before the last one
if (step === 'links') {
  const job = readJob<LinkJob>(linkJobFile(options.cacheDir));
  if (!job) {
    console.error(`全站链接检查：没有找到检查任务（${linkJobFile(options.cacheDir)}）。请用 npm run build 构建。`);
    process.exit(1);
  }
  const log = logger('gongkai-links');
  const started = Date.now();
  const redirectsFile = path.join(options.outDir, 'redirects.json');
  const redirects = existsSync(redirectsFile)
    ? (JSON.parse(readFileSync(redirectsFile, 'utf8')) as RedirectManifest).redirects
    : [];
  const r = checkLinks({ outDir: options.outDir, base: job.base, siteUrl: job.siteUrl, redirects });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.brokenLinks) {
    log.error(formatBrokenLinks(r, job.sources));
    process.exit(1);
  }
  log.info(
    `全站链接检查：${r.pages} 个页面、${r.feeds} 个订阅和网站地图中的 ${r.links} 个站内链接都有效（其中 ${r.anchors} 个带锚点）；` +
      `未检查站外链接 ${r.external} 个、本网站其他栏目的链接 ${r.outsideBase} 个（${seconds} 秒）`,
  );
}

// the last step: nothing writes into the output after it (docs/design.md "Build output: manifest, precompressed files")
if (step === 'finish') {
  const started = Date.now();
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  try {
    const r = finishOutput(options.outDir, manifestMeta(options));
    logger('gongkai-finish').info(
      `预压缩：${r.gzipped} 个 .gz（${mb(r.gzipInBytes)} MB → ${mb(r.gzipOutBytes)} MB）；` +
        `发布清单 ${MANIFEST_FILE}：${r.manifest.files.length} 个文件，${mb(r.totalBytes)} MB` +
        `（${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
    );
  } catch (e) {
    console.error(
      `生成预压缩文件和发布清单时出错：${e instanceof Error ? e.message : String(e)}\n` +
        `  输出目录：${options.outDir}。请确认该目录可写、磁盘空间充足后重新运行 npm run build。`,
    );
    process.exit(1);
  }
}
