// How long a browser or CDN may keep each file of the output: the one list the server config
// (npm run nginx-config) and anything else that sets cache headers use (docs/design.md "Build
// output: manifest, precompressed files").
//
// - 'immutable': the file's name carries a hash of its content, so a changed file is a new name
//   and the old one may be kept for a year (`Cache-Control: public, max-age=31536000, immutable`):
//   - `_astro/…` — Vite names every asset by content hash: the style sheets, the page scripts, and
//     prefs.js and the icon (imported with `?url` in BaseLayout.astro for that reason);
//   - Pagefind's index files in each shard (`pagefind/s<n>/…`): `fragment/*.pf_fragment`,
//     `index/*.pf_index`, `filter/*.pf_filter` and `pagefind.<lang>_<hash>.pf_meta`, named by content
//     hash (stable between builds since Pagefind 1.3);
//   - our search tables, `pagefind/exact/<n>.<hash>.json` and `pagefind/t2s/<n>.<hash>.json`
//     (contentHashedName; pagefind/gongkai.json lists them).
// - 'short': everything else, which keeps its name when its content changes: the pages (HTML),
//   attachments, report PDFs, open data (CSV, JSON), feeds, sitemaps, redirects.json,
//   manifest.json, and Pagefind's entry files — pagefind.js, pagefind-worker.js,
//   wasm.<lang>.pagefind, pagefind-entry.json (which names the current .pf_meta; pagefind.js fetches
//   it with a `?ts=` of the time, past any cache), its UI files — and our gongkai.json, which names
//   the current search tables. A reader must see a new release of these
//   soon (revalidate; minutes at most), and a search begun before a release switch still finds the
//   immutable files the old entry files name (the deploy keeps them reachable).
//
// A precompressed `x.gz` has the class of `x`: nginx's gzip_static answers the request for `x`.

import { createHash } from 'node:crypto';

export type CacheClass = 'immutable' | 'short';

/** Hex characters of the SHA-256 in a content-hashed name: 40 bits, so a changed file keeps its old name once in 10^12. */
const HASH_CHARS = 10;

/** `<stem>.<hash>.<ext>`: a name that changes when the content does (e.g. 'exact/3' → 'exact/3.1a2b3c4d5e.json'). */
export function contentHashedName(stem: string, ext: string, content: string | Uint8Array): string {
  return `${stem}.${createHash('sha256').update(content).digest('hex').slice(0, HASH_CHARS)}.${ext}`;
}

/**
 * The paths (relative to the output directory, '/' separators, no leading '/') whose files are
 * immutable. Each pattern's `source` is also a valid PCRE for nginx: prefix it with the site's
 * base (`location ~ ^/xxgk/(?:<source without ^>)`).
 */
export const IMMUTABLE_PATHS: readonly { what: string; pattern: RegExp }[] = [
  { what: 'Astro/Vite 按内容哈希命名的样式、脚本和图标', pattern: /^_astro\// },
  {
    what: 'Pagefind 按内容哈希命名的索引文件',
    pattern:
      /^pagefind\/[^/]+\/(?:fragment\/[^/]+\.pf_fragment|index\/[^/]+\.pf_index|filter\/[^/]+\.pf_filter|pagefind\.[^/]+_[0-9a-f]+\.pf_meta)$/,
  },
  {
    what: '站内搜索的精确匹配表和繁简对照表（按内容哈希命名）',
    pattern: /^pagefind\/(?:exact|t2s)\/\d+\.[0-9a-f]{10}\.json$/,
  },
];

/** 'immutable' for a content-hashed file of the output (see above), else 'short'. */
export function cacheClassOf(file: string): CacheClass {
  const p = file.replace(/^\/+/, '').replace(/\.gz$/, '');
  return IMMUTABLE_PATHS.some((r) => r.pattern.test(p)) ? 'immutable' : 'short';
}
