// Query and key normalisation for the site search, shared by the index step (Node) and the search
// page (browser), so a 文号 or 索引号 is keyed the same way on both sides (docs/decisions.md §3).
// No imports: this file is bundled into the page's script.

/**
 * Traditional → simplified characters as a flat string of pairs ('醫医療疗…'), made at build time
 * from opencc-js (t2s.ts): a query typed in 繁体 finds 简体 text. Shipped in buckets by code point
 * (pagefind/t2s/<n>.json, t2sBucket), so a query fetches only the pairs of its own characters
 * (~0.5 KB each instead of the whole 14 KB table).
 */
export type T2sPairs = string;

/** Buckets of the 繁→简 table. */
export const T2S_BUCKETS = 32;

/** Code points the 繁→简 table covers: CJK unified ideographs with extension A (U+3400–U+9FFF). */
export const T2S_RANGE = { from: 0x3400, to: 0x9fff } as const;

/** The bucket of the 繁→简 table that holds a character's pair. */
export function t2sBucket(ch: string): number {
  return ch.codePointAt(0)! % T2S_BUCKETS;
}

/** The buckets a text needs: those of its characters the table covers (T2S_RANGE). */
export function t2sBucketsOf(text: string): number[] {
  const out = new Set<number>();
  for (const ch of text.normalize('NFKC')) {
    const cp = ch.codePointAt(0)!;
    if (cp >= T2S_RANGE.from && cp <= T2S_RANGE.to) out.add(t2sBucket(ch));
  }
  return [...out].sort((a, b) => a - b);
}

/** The table cut into T2S_BUCKETS pair strings. */
export function t2sSplit(pairs: T2sPairs): T2sPairs[] {
  const out: string[] = Array.from({ length: T2S_BUCKETS }, () => '');
  const chars = [...pairs];
  for (let i = 0; i + 1 < chars.length; i += 2) out[t2sBucket(chars[i]!)] += chars[i]! + chars[i + 1]!;
  return out;
}

/** A lookup from a T2sPairs string. */
export function t2sMap(pairs: T2sPairs): Map<string, string> {
  const chars = [...pairs];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
}

/** The text with each traditional character replaced by its simplified form (character by character). */
export function toSimplified(text: string, map: Map<string, string>): string {
  let out = '';
  for (const ch of text) out += map.get(ch) ?? ch;
  return out;
}

/**
 * A query as the index reads it: NFKC (full-width letters and digits as ASCII, ［］ as []), simplified
 * characters, spaces collapsed and trimmed.
 */
export function normaliseQuery(query: string, map: Map<string, string>): string {
  return toSimplified(query.normalize('NFKC'), map).replace(/\s+/g, ' ').trim();
}

/**
 * The exact-match key of a 文号, 索引号 or title: the normalised text lower-cased with every space and
 * punctuation mark removed, so 示政办〔2021〕5号, 示政办[2021]5号, 示政办（2021）5号, 示政办【2021】5号 and
 * 示政办2021 5号 share one key, and a 索引号 matches in any letter case, with or without hyphens.
 */
export function exactKey(text: string, map: Map<string, string>): string {
  return normaliseQuery(text, map)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The bucket of the exact-match table that holds a key: FNV-1a of its UTF-16 code units, modulo the count. */
export function exactBucket(key: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % buckets;
}

/** One entry of the exact-match table: what a result line shows, without loading the index. */
export interface ExactEntry {
  /** Site path of the document page without base ('/doc/<slug>/'). */
  url: string;
  title: string;
  indexNo: string;
  docNo?: string;
  publisher: string;
  published: string;
  validity?: string;
  /** The page's search filters (plan.ts searchRecord), so a look-up honours the selected ones. */
  filters: Record<string, string>;
  /** What matched: the 文号, the 索引号 or the title. */
  by: 'doc-no' | 'index-no' | 'title';
}

/**
 * The search manifest (pagefind/gongkai.json): the shards, newest first, and the files of the
 * exact-match table and of the 繁→简 buckets. It is the one file of ours a search loads under a fixed
 * name (short-cached); the tables' files are named by their content's hash (immutable,
 * src/lib/deploy/cache.ts), like Pagefind's index files.
 */
export interface SearchManifest {
  version: 2;
  /** Shard bundle directories below pagefind/ ('s0/'), newest documents first; each holds a date range. */
  shards: { dir: string; pages: number; newest: string; oldest: string }[];
  /** Buckets of the exact-match table, each a Record<key, ExactEntry[]>. */
  exactBuckets: number;
  /** The exact-match buckets' files below pagefind/, by bucket number: 'exact/<n>.<hash>.json'. */
  exactFiles: string[];
  /** The 繁→简 buckets' files below pagefind/, by bucket number: 't2s/<n>.<hash>.json'. */
  t2sFiles: string[];
}
