// Build concern: the site search (docs/decisions.md §3). After the pages are written, every
// document page is indexed with Pagefind in shards (src/lib/search/plan.ts): newest documents
// first, each shard limited in pages and bytes so Pagefind's memory stays bounded, two shards at a
// time on worker threads where the machine has the cores. Beside the shards it writes the search
// manifest (pagefind/gongkai.json) and the exact-match table of 文号, 索引号 and titles
// (pagefind/exact/<n>.json). Any error Pagefind reports fails the build.
//
// GONGKAI_SEARCH_SHARD_PAGES / GONGKAI_SEARCH_SHARD_MB / GONGKAI_SEARCH_PARALLEL override the
// shard limits and the number of shards indexed at once (the tests use small shards).
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { resolveBuildOptions } from '../lib/build-options.ts';
import { getSite } from '../lib/site.ts';
import type { ShardJob, ShardResult } from '../lib/search/build-shard.ts';
import { t2sMap, type SearchManifest } from '../lib/search/normalise.ts';
import { exactTable, indexedExtras, planShards, searchRecord, type ShardLimits } from '../lib/search/plan.ts';
import { t2sPairs } from '../lib/search/t2s.ts';
import { extractAttachmentTexts } from '../lib/search/attachment-texts.ts';
import type { AttachmentText } from '../lib/search/attachment-text.ts';

/** Default shard limits: measured with npm run bench (docs/decisions.md §3). */
const DEFAULT_LIMITS: ShardLimits = { pages: 2500, bytes: 48 * 1024 * 1024 };

const positive = (v: string | undefined) => (v && Number(v) > 0 ? Number(v) : undefined);

export default function searchIndex(): AstroIntegration {
  let attachmentTexts = new Map<string, AttachmentText>();
  return {
    name: 'gongkai-search-index',
    hooks: {
      // before pages render: a document page says when its PDF is a scan the search cannot read
      'astro:build:start': async ({ logger }) => {
        const started = Date.now();
        const options = resolveBuildOptions(process.env);
        const site = getSite(options.contentDir, { today: options.today, now: options.now });
        const sources = site.documents.flatMap((d) => d.attachments.map((a) => a.source));
        if (!sources.length) return;
        const r = await extractAttachmentTexts(site.contentDir, sources, options.cacheDir);
        attachmentTexts = r.texts;
        logger.info(
          `附件文字：${r.texts.size} 个附件，读取 ${r.extracted} 个，${r.cached} 个未变、取自缓存（${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
        );
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now();
        const options = resolveBuildOptions(process.env);
        const site = getSite(options.contentDir, { today: options.today, now: options.now });
        logger.info(`站内搜索：开始建立索引（${site.documents.length} 个页面）`);
        const outDir = fileURLToPath(dir);
        const bundleDir = path.join(outDir, 'pagefind');
        rmSync(bundleDir, { recursive: true, force: true });

        const topicById = new Map(site.topics.map((t) => [t.id, t]));
        const genreById = new Map(site.genres.map((g) => [g.id, g]));
        const sectionById = new Map(site.sections.map((s) => [s.id, s]));
        const names = {
          topicName: (id: string) => {
            const t = topicById.get(id);
            return (t?.parentId ? topicById.get(t.parentId)?.name : t?.name) ?? id;
          },
          genreName: (id: string) => genreById.get(id)?.name ?? id,
          sectionName: (id: string) => sectionById.get(id)?.name ?? id,
        };
        const pageFile = (slug: string) => path.join(outDir, 'doc', slug, 'index.html');
        const limits: ShardLimits = {
          pages: positive(process.env.GONGKAI_SEARCH_SHARD_PAGES) ?? DEFAULT_LIMITS.pages,
          bytes: (positive(process.env.GONGKAI_SEARCH_SHARD_MB) ?? DEFAULT_LIMITS.bytes / 1024 / 1024) * 1024 * 1024,
        };
        const attachmentBytes = (d: (typeof site.documents)[number]) =>
          d.attachments.reduce((n, a) => {
            const t = attachmentTexts.get(a.source);
            return n + (t?.kind === 'text' ? Buffer.byteLength(t.text) : 0);
          }, 0);
        const shards = planShards(site.documents, (d) => statSync(pageFile(d.slug)).size + attachmentBytes(d), limits);
        const records = new Map(site.documents.map((d) => [d.slug, searchRecord(d, names)]));
        const jobs: ShardJob[] = shards.map((docs, shard) => ({
          shard,
          outputPath: path.join(bundleDir, `s${shard}`),
          pages: docs.map((d) => {
            const record = records.get(d.slug)!;
            const attachments = d.attachments.flatMap((a, i) => {
              const t = attachmentTexts.get(a.source);
              return t?.kind === 'text' ? [{ id: `attachment-${i + 1}`, title: a.title, text: t.text }] : [];
            });
            return { url: record.url, file: pageFile(d.slug), extras: indexedExtras(record, shard, attachments) };
          }),
        }));

        const parallel = Math.max(
          1,
          Math.min(positive(process.env.GONGKAI_SEARCH_PARALLEL) ?? availableParallelism(), 2, jobs.length),
        );
        const results = await runShards(jobs, parallel, options.base);
        const errors = results.flatMap((r) => r.errors.map((e) => `  索引分片 ${r.shard}：${e}`));
        if (errors.length) throw new Error(`站内搜索索引生成失败（Pagefind 报告的错误）：\n${errors.join('\n')}`);

        const t2s = t2sPairs();
        const exact = exactTable(site.documents, (d) => records.get(d.slug)!, t2sMap(t2s));
        mkdirSync(path.join(bundleDir, 'exact'), { recursive: true });
        exact.buckets.forEach((b, i) => writeFileSync(path.join(bundleDir, 'exact', `${i}.json`), JSON.stringify(b)));
        const manifest: SearchManifest = {
          version: 1,
          shards: shards.map((docs, i) => ({
            dir: `s${i}/`,
            pages: docs.length,
            newest: docs[0]!.published,
            oldest: docs.at(-1)!.published,
          })),
          exactBuckets: exact.count,
          t2s,
        };
        writeFileSync(path.join(bundleDir, 'gongkai.json'), JSON.stringify(manifest));
        logger.info(
          `站内搜索：${site.documents.length} 个页面，${shards.length} 个分片（同时 ${parallel} 个），` +
            `${((Date.now() - started) / 1000).toFixed(1)} 秒`,
        );
      },
    },
  };
}

/** Builds the shards on `parallel` worker threads; resolves with every shard's result. */
function runShards(jobs: ShardJob[], parallel: number, base: string): Promise<ShardResult[]> {
  // set in astro.config.mjs: this module may run from a bundled copy of the config
  const script = process.env.GONGKAI_SEARCH_WORKER;
  if (!script) throw new Error('GONGKAI_SEARCH_WORKER is not set (astro.config.mjs sets it)');
  const queue = [...jobs];
  const results: ShardResult[] = [];
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData: { base } });
      const next = () => worker.postMessage(queue.shift() ?? null);
      worker.on('message', (r: ShardResult) => {
        results.push(r);
        next();
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
      next();
    });
  return Promise.all(Array.from({ length: parallel }, one)).then(() => results.sort((a, b) => a.shard - b.shard));
}
