// Build concern: the site search (docs/decisions.md §3).
// - astro:build:start, before pages render: every attachment's text is read (cached by content
//   hash; the content checks' personal-information scan has extracted the new ones already), so a
//   document page can say its PDF is a scan the search cannot read.
// - astro:build:done: the document pages are planned into shards (src/lib/search/plan.ts), newest
//   first, each limited in pages and bytes so Pagefind's memory stays bounded; the search manifest
//   (pagefind/gongkai.json), the exact-match table of 文号, 索引号 and titles (pagefind/exact/) and the
//   繁→简 buckets (pagefind/t2s/, both under content-hashed names that gongkai.json lists) are written, and the shards' job goes to the build cache. scripts/build.mjs then builds the shards in
//   a process of its own, after Astro has exited (src/post-build.ts).
//
// GONGKAI_SEARCH_SHARD_PAGES / GONGKAI_SEARCH_SHARD_MB / GONGKAI_SEARCH_PARALLEL override the
// shard limits and the number of shards indexed at once (the tests use small shards).
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolveBuildOptions } from '../lib/build-options.ts';
import { contentHashedName } from '../lib/deploy/cache.ts';
import { getSite } from '../lib/site.ts';
import type { ShardJob } from '../lib/search/build-shard.ts';
import { writeIndexJob } from '../lib/search/index-job.ts';
import { t2sMap, t2sSplit, type SearchManifest } from '../lib/search/normalise.ts';
import { exactTable, indexedExtras, planShards, searchRecord, type ShardLimits } from '../lib/search/plan.ts';
import { t2sPairs } from '../lib/search/t2s.ts';
import { extractAttachmentTexts } from '../lib/search/attachment-texts.ts';
import type { AttachmentText } from '../lib/search/attachment-text.ts';

/**
 * Default shard limits (docs/decisions.md §3): Pagefind's service holds ~0.6 MB a page (1.25 GB at
 * 2,000 pages) and the index step builds one shard at a time; fewer shards, fewer bytes a query fetches.
 */
const DEFAULT_LIMITS: ShardLimits = { pages: 2000, bytes: 48 * 1024 * 1024 };

const positive = (v: string | undefined) => (v && Number(v) > 0 ? Number(v) : undefined);

export default function searchIndex(): AstroIntegration {
  let attachmentTexts = new Map<string, AttachmentText>();
  let attachmentFiles = new Map<string, string>();
  return {
    name: 'gongkai-search-index',
    hooks: {
      // before pages render: a document page says when its PDF is a scan the search cannot read
      'astro:build:start': async ({ logger }) => {
        const started = Date.now();
        const options = resolveBuildOptions(process.env);
        const site = await getSite(options.contentDir, options);
        const sources = site.documents.flatMap((d) => d.attachments.map((a) => a.source));
        if (!sources.length) return;
        // the content checks (loadSiteAsync) have read every new attachment already and reported
        // those that cannot be read: what is new here comes from the cache
        const r = await extractAttachmentTexts(site.contentDir, sources, options.cacheDir);
        attachmentTexts = r.texts;
        attachmentFiles = r.files;
        logger.info(
          `附件文字：${r.texts.size} 个附件，读取 ${r.extracted} 个，${r.cached} 个未变、取自缓存（${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
        );
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now();
        const options = resolveBuildOptions(process.env);
        const site = await getSite(options.contentDir, options);
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
          pagesDir: path.join(options.cacheDir, 'search-pages', `s${shard}`),
          pages: docs.map((d) => {
            const record = records.get(d.slug)!;
            const attachments = d.attachments.flatMap((a, i) =>
              attachmentTexts.get(a.source)?.kind === 'text'
                ? [{ id: `attachment-${i + 1}`, title: a.title, textFile: attachmentFiles.get(a.source)! }]
                : [],
            );
            return { url: record.url, file: pageFile(d.slug), extras: indexedExtras(record, shard, []), attachments };
          }),
        }));

        const t2s = t2sPairs();
        const exact = exactTable(site.documents, (d) => records.get(d.slug)!, t2sMap(t2s));
        // the tables' files are named by content hash (long caching, docs/design.md "Build output");
        // gongkai.json names them
        const writeHashed = (dir: string, bucket: number, json: string) => {
          const file = contentHashedName(`${dir}/${bucket}`, 'json', json);
          mkdirSync(path.join(bundleDir, dir), { recursive: true });
          writeFileSync(path.join(bundleDir, file), json);
          return file;
        };
        const exactFiles = exact.buckets.map((b, i) => writeHashed('exact', i, JSON.stringify(b)));
        const t2sFiles = t2sSplit(t2s).map((b, i) => writeHashed('t2s', i, JSON.stringify(b)));
        const manifest: SearchManifest = {
          version: 2,
          shards: shards.map((docs, i) => ({
            dir: `s${i}/`,
            pages: docs.length,
            newest: docs[0]!.published,
            oldest: docs.at(-1)!.published,
          })),
          exactBuckets: exact.count,
          exactFiles,
          t2sFiles,
        };
        writeFileSync(path.join(bundleDir, 'gongkai.json'), JSON.stringify(manifest));
        writeIndexJob(options.cacheDir, options.base, jobs);
        logger.info(
          `站内搜索：已规划 ${site.documents.length} 个页面、${shards.length} 个分片（${((Date.now() - started) / 1000).toFixed(1)} 秒）；` +
            '构建结束后由 scripts/build.mjs 建立索引',
        );
      },
    },
  };
}
