// The search index step, run by scripts/build.mjs after `astro build` (index-job.ts): reads the job
// the build wrote, builds every shard, prints what it did in the build's log format, and exits
// non-zero with Chinese messages listing every error Pagefind reported.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { buildOptionsOrExit } from '../build-options.ts';
import { indexJobFile, parallelShards, runShards, type IndexJob } from './index-job.ts';

const time = () => new Date().toTimeString().slice(0, 8);
const log = (text: string) => console.log(`${time()} [gongkai-search-index] ${text}`);

const options = buildOptionsOrExit(process.env);
const file = indexJobFile(options.cacheDir);
if (!existsSync(file)) {
  console.error(`站内搜索：没有找到索引任务 ${file}。请用 npm run build 构建（它先运行 astro build，再建立索引）。`);
  process.exit(1);
}
const job = JSON.parse(readFileSync(file, 'utf8')) as IndexJob;
const setting =
  Number(process.env.GONGKAI_SEARCH_PARALLEL) > 0 ? Number(process.env.GONGKAI_SEARCH_PARALLEL) : undefined;
const parallel = parallelShards(job.shards.length, setting);
const started = Date.now();
log(`站内搜索：开始建立索引（${job.pages} 个页面，${job.shards.length} 个分片）`);
const results = await runShards(job.shards, parallel, job.base);
const errors = results.flatMap((r) => r.errors.map((e) => `  索引分片 ${r.shard}：${e}`));
const missing = job.shards.filter((s) => !results.some((r) => r.shard === s.shard));
for (const s of missing) errors.push(`  索引分片 ${s.shard}：未完成（工作线程异常退出）`);
if (errors.length) {
  console.error(`站内搜索索引生成失败（Pagefind 报告的错误）：\n${errors.join('\n')}`);
  process.exit(1);
}
rmSync(file, { force: true });
log(
  `站内搜索：${job.pages} 个页面，${job.shards.length} 个分片（同时 ${parallel} 个），` +
    `${((Date.now() - started) / 1000).toFixed(1)} 秒`,
);
