// The text of every attachment of a build, for the search index and for the document pages (which
// say when a PDF is a scan the search cannot read). Extracted once per build, before pages render
// (src/integrations/search-index.ts, astro:build:start), and kept on disk in the build cache under
// the file's content hash, so a rebuild reads only new or changed attachments. The pages' bundle
// and the integration are separate module instances: the result is shared through globalThis.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { diag } from '../diagnostics.ts';
import type { Diagnostic, DocumentMeta } from '../types.ts';
import { attachmentText, type AttachmentText } from './attachment-text.ts';

/** Characters of an attachment the index holds: enough for budgets and 决算 tables, bounded for the shards. */
export const INDEXED_ATTACHMENT_CHARS = 100_000;
/** Raise when attachmentText's output changes, so cached texts are read again. */
const CACHE_VERSION = 1;

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
      hash = createHash('sha256')
        .update(`${CACHE_VERSION}:${path.extname(source).toLowerCase()}:`)
        .update(readFileSync(file))
        .digest('hex');
    } catch {
      texts.set(source, { kind: 'error', message: '附件文件无法读取。' });
      continue;
    }
    const cacheFile = path.join(dir, `${hash}.json`);
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

/**
 * A warning for each attachment whose file could not be read for the search (corrupt, encrypted,
 * not what its extension says): the page still links it, but its text is not searchable.
 */
export function unreadableAttachments(
  documents: Pick<DocumentMeta, 'file' | 'attachments'>[],
  texts: Map<string, AttachmentText>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of documents)
    doc.attachments.forEach((a, i) => {
      const t = texts.get(a.source);
      if (t?.kind !== 'error') return;
      out.push(
        diag(
          'warning',
          'attachment-unreadable',
          doc.file,
          `附件“${a.title}”（${a.fileName}）无法读取，站内搜索检索不到其内容：${t.message}`,
          {
            field: `attachments.${i}`,
            fix: '用原软件重新导出或另存该文件（PDF 不要加密），替换后重新构建；文件本身无误时可忽略此提示。',
          },
        ),
      );
    });
  return out;
}
