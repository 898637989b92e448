// What the search index holds for each document page and how the pages are split into shards
// (docs/decisions.md §3). Plain data, no Pagefind: the index step (src/integrations/search-index.ts)
// feeds it to Pagefind, the search page reads what it writes.
import type { DocumentMeta } from '../types.ts';
import { exactBucket, exactKey, type ExactEntry } from './normalise.ts';

/** Filters of the search page, in the order it shows them: key (URL parameter) and Chinese label. */
export const SEARCH_FILTERS = [
  { key: 'publisher', label: '发布机构' },
  { key: 'topic', label: '主题分类' },
  { key: 'genre', label: '体裁' },
  { key: 'year', label: '年份' },
  { key: 'validity', label: '有效性' },
  { key: 'section', label: '栏目' },
] as const;
export type SearchFilterKey = (typeof SEARCH_FILTERS)[number]['key'];
/** A hidden filter naming each page's shard: newest-first paging asks one shard at a time. */
export const SHARD_FILTER = 'shard';

/** Names a page's filters and metadata need, looked up once by the caller. */
export interface RecordNames {
  topicName: (topicId: string) => string; // the top-level 主题分类's name
  genreName: (genreId: string) => string;
  sectionName: (sectionId: string) => string;
}

/** Filters, metadata and sort key of one document page (Pagefind's data-pagefind-* values). */
export interface SearchRecord {
  url: string; // site path without base
  filters: Record<string, string>;
  meta: Record<string, string>;
  /** 发布时间 as a number, YYYYMMDDHHMM: every page carries it, or it would drop out of sorted results. */
  sortDate: string;
}

export function searchRecord(doc: DocumentMeta, names: RecordNames): SearchRecord {
  const filters: Record<string, string> = {
    publisher: doc.publisher,
    topic: names.topicName(doc.topicId),
    genre: names.genreName(doc.genreId),
    year: doc.published.slice(0, 4),
    section: names.sectionName(doc.sectionId),
  };
  // 有效性 only where a document carries one: the others are not narrowed away by the other filters
  if (doc.validity) filters.validity = doc.validity;
  const meta: Record<string, string> = {
    title: doc.title,
    index_no: doc.indexNo,
    publisher: doc.publisher,
    published: doc.published,
  };
  if (doc.docNo) meta.doc_no = doc.docNo;
  if (doc.validity) meta.validity = doc.validity;
  return { url: `/doc/${doc.slug}/`, filters, meta, sortDate: doc.publishedAt.replace(/\D/g, '') };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** An attachment's text as the index reads it, under an anchor the document page carries. */
export interface AttachmentSection {
  id: string; // element id on the page ('attachment-1')
  title: string;
  text: string;
}

/**
 * The elements the index step adds to a built page before Pagefind reads it (never served): its
 * filters, metadata and sort key, the shard filter, and each attachment's text as its own section
 * (so a result can say the match is in an attachment: Pagefind reports it as a sub-result).
 */
export function indexedExtras(record: SearchRecord, shard: number, attachments: AttachmentSection[]): string {
  const span = (attr: string, key: string, value: string) =>
    `<span data-pagefind-${attr}="${escapeHtml(key)}">${escapeHtml(value)}</span>`;
  let out = '<div hidden>';
  for (const [k, v] of Object.entries(record.filters)) out += span('filter', k, v);
  out += span('filter', SHARD_FILTER, String(shard));
  for (const [k, v] of Object.entries(record.meta)) out += span('meta', k, v);
  out += span('sort', 'date', record.sortDate);
  out += '</div>';
  return out + attachmentSections(attachments);
}

/** Each attachment's text as an indexed section under the id its list item has on the page. */
export function attachmentSections(attachments: AttachmentSection[]): string {
  let out = '';
  for (const a of attachments) {
    out += `<section data-pagefind-body><h2 id="${escapeHtml(a.id)}">附件：${escapeHtml(a.title)}</h2><p>${escapeHtml(a.text)}</p></section>`;
  }
  return out;
}

/** Limits of one shard: Pagefind's memory grows with what a shard holds (docs/decisions.md §3). */
export interface ShardLimits {
  pages: number;
  /** Bytes of indexed text (page HTML and attachment text). */
  bytes: number;
}

/**
 * Documents, newest first, cut into shards by the limits: each shard a date range, shard 0 the
 * newest, so newest-first results page through the shards in order.
 */
export function planShards<T extends { published: string }>(
  docs: T[],
  size: (doc: T) => number,
  limits: ShardLimits,
): T[][] {
  const shards: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const doc of docs) {
    const b = size(doc);
    if (current.length && (current.length >= limits.pages || bytes + b > limits.bytes)) {
      shards.push(current);
      current = [];
      bytes = 0;
    }
    current.push(doc);
    bytes += b;
  }
  if (current.length) shards.push(current);
  return shards;
}

/** About 200 entries a bucket, a power of two, at least 1: a look-up fetches one small file. */
export function exactBucketCount(entries: number): number {
  let n = 1;
  while (n * 200 < entries) n *= 2;
  return n;
}

/**
 * The exact-match table: each document under the keys of its 文号, 索引号 and title, in buckets.
 * Several documents may share a key (a title used twice); each is listed.
 */
export function exactTable(
  docs: DocumentMeta[],
  recordOf: (doc: DocumentMeta) => SearchRecord,
  t2s: Map<string, string>,
): { buckets: Record<string, ExactEntry[]>[]; count: number } {
  const keyed: [string, ExactEntry][] = [];
  for (const doc of docs) {
    const base = {
      filters: recordOf(doc).filters,
      url: `/doc/${doc.slug}/`,
      title: doc.title,
      indexNo: doc.indexNo,
      ...(doc.docNo && { docNo: doc.docNo }),
      publisher: doc.publisher,
      published: doc.published,
      ...(doc.validity && { validity: doc.validity }),
    };
    if (doc.docNo) keyed.push([exactKey(doc.docNo, t2s), { ...base, by: 'doc-no' }]);
    keyed.push([exactKey(doc.indexNo, t2s), { ...base, by: 'index-no' }]);
    keyed.push([exactKey(doc.title, t2s), { ...base, by: 'title' }]);
  }
  const count = exactBucketCount(keyed.length);
  const buckets: Record<string, ExactEntry[]>[] = Array.from({ length: count }, () => ({}));
  for (const [key, entry] of keyed) {
    if (!key) continue;
    const bucket = buckets[exactBucket(key, count)]!;
    (bucket[key] ??= []).push(entry);
  }
  return { buckets, count };
}

/**
 * What Pagefind needs of a built page: the `data-pagefind-body` elements (title and body), in a bare
 * document with the page's language, without the chrome it would parse and drop. Undefined when an
 * element's end cannot be found (the caller then sends the whole page).
 */
export function indexedHtml(html: string): string | undefined {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const attr = html.indexOf(' data-pagefind-body', from);
    if (attr < 0) break;
    const start = html.lastIndexOf('<', attr);
    const tag = /^<([a-zA-Z][a-zA-Z0-9]*)/.exec(html.slice(start, attr))?.[1];
    if (!tag) return undefined;
    const open = new RegExp(`<(/?)${tag}[\\s>]`, 'gi');
    open.lastIndex = attr;
    let depth = 1;
    let end = -1;
    for (let m = open.exec(html); m; m = open.exec(html)) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) {
        end = html.indexOf('>', m.index) + 1;
        break;
      }
    }
    if (end <= 0) return undefined;
    parts.push(html.slice(start, end));
    from = end;
  }
  if (!parts.length) return undefined;
  return `<!DOCTYPE html><html lang="zh-CN"><head></head><body>${parts.join('')}</body></html>`;
}
