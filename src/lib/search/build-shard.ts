// Builds one shard of the search index with Pagefind's Node API: writes each built page's indexed
// elements (plan.ts indexedHtml), the elements of plan.ts's indexedExtras and its attachments' text
// (read from the build cache, where attachment-texts.ts keeps it) to a directory of the build cache,
// has Pagefind read that directory (addDirectory parses the pages on every core, where addHTMLFile
// takes them one at a time), writes the bundle, and frees the index. Runs in a worker thread
// (shard-worker.ts) with its own Pagefind service (docs/decisions.md §3).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { AttachmentText } from './attachment-text.ts';
import { attachmentSections, indexedHtml } from './plan.ts';

export interface ShardJob {
  shard: number;
  /** Bundle directory (absolute), e.g. dist/pagefind/s0. */
  outputPath: string;
  /** Where the pages Pagefind reads are written (absolute, in the build cache; removed afterwards). */
  pagesDir: string;
  pages: {
    url: string;
    /** The built page (absolute). */
    file: string;
    /** Hidden filter, metadata and sort elements (plan.ts indexedExtras). */
    extras: string;
    /** Attachments with a text layer: the id of their list item and the cached text's file. */
    attachments: { id: string; title: string; textFile: string }[];
  }[];
}

export interface ShardResult {
  shard: number;
  pages: number;
  ms: number;
  errors: string[];
}

/** Every error Pagefind reports, with what it was doing. */
function check(what: string, errors: string[], into: string[]) {
  for (const e of errors) into.push(`${what}: ${e}`);
}

export async function buildShard(job: ShardJob, base: string): Promise<ShardResult> {
  const started = Date.now();
  const errors: string[] = [];
  // <html lang="zh-CN"> is read as zh-cn by the search page; one language for every shard
  const created = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  check('createIndex', created.errors, errors);
  const index = created.index;
  if (!index) return { shard: job.shard, pages: 0, ms: Date.now() - started, errors };
  rmSync(job.pagesDir, { recursive: true, force: true });
  try {
    for (const page of job.pages) {
      // only the indexed elements: Pagefind no longer parses the chrome it drops (13 % of the step)
      const full = readFileSync(page.file, 'utf8');
      const html = indexedHtml(full) ?? full;
      const at = html.lastIndexOf('</body>');
      const sections = attachmentSections(
        page.attachments.flatMap((a) => {
          const t = JSON.parse(readFileSync(a.textFile, 'utf8')) as AttachmentText;
          return t.kind === 'text' ? [{ id: a.id, title: a.title, text: t.text }] : [];
        }),
      );
      const extras = page.extras + sections;
      // under the base, so Pagefind's URL for the file is the page's URL ('/xxgk/doc/<slug>/')
      const file = path.join(job.pagesDir, base, page.url, 'index.html');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, at < 0 ? html + extras : html.slice(0, at) + extras + html.slice(at));
    }
    const added = await index.addDirectory({ path: job.pagesDir });
    check('addDirectory', added.errors, errors);
    if (added.page_count !== job.pages.length)
      errors.push(
        `addDirectory：Pagefind 读入 ${added.page_count} 个页面，应为 ${job.pages.length} 个（${job.pagesDir}）。请确认构建缓存所在磁盘可写、空间充足后重新构建。`,
      );
    const written = await index.writeFiles({ outputPath: job.outputPath });
    check('writeFiles', written.errors, errors);
  } finally {
    await index.deleteIndex().catch(() => undefined);
    rmSync(job.pagesDir, { recursive: true, force: true });
  }
  return { shard: job.shard, pages: job.pages.length, ms: Date.now() - started, errors };
}

/** Stops this thread's Pagefind service. */
export async function closePagefind(): Promise<void> {
  await pagefind.close();
}
