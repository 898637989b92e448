// The text of every attachment of a build, for the search index and for the document pages (which
// say when a PDF is a scan the search cannot read). Extracted once per build, before pages render
// (src/integrations/search-index.ts, astro:build:start), and kept on disk in the build cache under
// the file's content hash, so a rebuild reads only new or changed attachments. The pages' bundle
// and the integration are separate module instances: the result is shared through globalThis.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { attachmentText, type AttachmentText } from './attachment-text.ts';

/** Characters of an attachment the index holds: enough for budgets and 决算 tables, bounded for the shards. */
export const INDEXED_ATTACHMENT_CHARS = 100_000;
/** Raise when attachmentText's output changes, so cached texts are read again (2: marks and truncated). */
const CACHE_VERSION = 2;

const registry = globalThis as { __gongkaiAttachmentTexts?: Map<string, AttachmentText> };

/** What the build found in an attachment (content-relative path), once extractAttachmentTexts ran. */
export function attachmentTextOf(source: string): AttachmentText | undefined {
  return registry.__gongkaiAttachmentTexts?.get(source);
}

/**
 * Reads every attachment's text (content-relative paths), from the cache where the file is
 * unchanged; registers the result for attachmentTextOf. Returns it with how many were read anew.
 */
export async function extractAttachmentTexts(
  contentDir: string,
  sources: string[],
  cacheDir: string,
): Promise<{
  texts: Map<string, AttachmentText>;
  /** The cache file holding each attachment's result (JSON of AttachmentText). */
  files: Map<string, string>;
  extracted: number;
  cached: number;
}> {
  const dir = path.join(cacheDir, 'attachment-text');
  mkdirSync(dir, { recursive: true });
  const texts = new Map<string, AttachmentText>();
  const files = new Map<string, string>();
  let extracted = 0;
  let cached = 0;
  for (const source of [...new Set(sources)]) {
    const file = path.join(contentDir, source);
    let hash: string;
    try {
      hash = attachmentHash(source, readFileSync(file));
    } catch {
      texts.set(source, { kind: 'error', message: '附件文件无法读取。' });
      continue;
    }
    const cacheFile = textCacheFile(cacheDir, hash);
    files.set(source, cacheFile);
    if (existsSync(cacheFile)) {
      try {
        texts.set(source, JSON.parse(readFileSync(cacheFile, 'utf8')) as AttachmentText);
        cached++;
        continue;
      } catch {
        // unreadable cache entry: extract again
      }
    }
    const result = await attachmentText(file, { maxChars: INDEXED_ATTACHMENT_CHARS });
    writeFileSync(cacheFile, JSON.stringify(result));
    texts.set(source, result);
    extracted++;
  }
  registry.__gongkaiAttachmentTexts = texts;
  return { texts, files, extracted, cached };
}

/** The cache key of an attachment's text: its type and bytes (and the cache version). */
export function attachmentHash(source: string, bytes: Uint8Array): string {
  return createHash('sha256')
    .update(`${CACHE_VERSION}:${path.extname(source).toLowerCase()}:`)
    .update(bytes)
    .digest('hex');
}

/** The cache file of an attachment's text, by attachmentHash. */
export function textCacheFile(cacheDir: string, hash: string): string {
  return path.join(cacheDir, 'attachment-text', `${hash}.json`);
}

/**
 * What attachmentText gives with maxChars, made from a result read with a larger cap: the text
 * capped the same way (a PDF or sheet read further only goes on past the cap), marks inside it.
 */
export function capAttachmentText(result: AttachmentText, maxChars: number): AttachmentText {
  if (result.kind !== 'text' || result.text.length <= maxChars) return result;
  let end = maxChars;
  const last = result.text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  const text = result.text.slice(0, end).trimEnd();
  const marks = result.marks?.filter(([at]) => at < text.length);
  return { kind: 'text', text, ...(marks?.length ? { marks } : {}), truncated: true };
}
