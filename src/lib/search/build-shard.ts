// Builds one shard of the search index with Pagefind's Node API: reads each built page, keeps only
// its indexed elements (plan.ts indexedHtml), adds the elements of plan.ts's indexedExtras and its
// attachments' text (read from the build cache, where attachment-texts.ts keeps it), writes the
// bundle, and frees the index. Runs in a worker thread (shard-worker.ts), so two shards can be
// indexed at once: each thread loads its own Pagefind module, which starts its own service process.
import { readFileSync } from 'node:fs';
import * as pagefind from 'pagefind';
import type { AttachmentText } from './attachment-text.ts';
import { attachmentSections, indexedHtml } from './plan.ts';

export interface ShardJob {
  shard: number;
  /** Bundle directory (absolute), e.g. dist/pagefind/s0. */
  outputPath: string;
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
      const content = at < 0 ? html + extras : html.slice(0, at) + extras + html.slice(at);
      const added = await index.addHTMLFile({ url: base + page.url.replace(/^\//, ''), content });
      check(page.url, added.errors, errors);
    }
    const written = await index.writeFiles({ outputPath: job.outputPath });
    check('writeFiles', written.errors, errors);
  } finally {
    await index.deleteIndex().catch(() => undefined);
  }
  return { shard: job.shard, pages: job.pages.length, ms: Date.now() - started, errors };
}

/** Stops this thread's Pagefind service. */
export async function closePagefind(): Promise<void> {
  await pagefind.close();
}
