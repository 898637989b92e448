// What the built column must be served with. One place for the Content Security Policy: the test
// server sends it (test/helpers/server.ts) and the deployment's server configuration will (issue 14),
// so the policy the browser tests prove the site runs under is the one operators deploy.
import type { CacheClass } from '../deploy/cache.ts';

export { cacheClassOf, IMMUTABLE_PATHS, type CacheClass } from '../deploy/cache.ts';

/**
 * The Content Security Policy of docs/decisions.md §4, as one header value. The site requests nothing
 * from any other host; the search (Pagefind) runs WebAssembly ('wasm-unsafe-eval'); no inline script or
 * style anywhere; `frame-ancestors` only works as a header, never as a <meta>.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The other security headers every response of the column carries (the 404, 410 and 301 answers too). */
export function securityHeaders(options: { https: boolean }): [name: string, value: string][] {
  const headers: [string, string][] = [
    ['Content-Security-Policy', CSP],
    // a file is what its Content-Type says: an uploaded text file is never run as a script or page
    ['X-Content-Type-Options', 'nosniff'],
    // for scanners and old browsers that do not know CSP's frame-ancestors
    ['X-Frame-Options', 'DENY'],
    // other sites see our origin, never the page (a search query in the URL stays here)
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    // features the column never uses; only names Chromium knows (an unknown one is a console error)
    [
      'Permissions-Policy',
      'accelerometer=(), camera=(), geolocation=(), gyroscope=(), microphone=(), payment=(), usb=()',
    ],
  ];
  // browsers take it only over https; no includeSubDomains: the portal's other hosts are not ours to decide
  if (options.https) headers.push(['Strict-Transport-Security', 'max-age=31536000']);
  return headers;
}

/**
 * Content types by extension (lower case, no dot) for everything a build writes or an editor may
 * attach; a text type carries `; charset=utf-8` (every text file of the build is UTF-8). Anything
 * else is application/octet-stream. The nginx configuration and the test server both serve this table.
 */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  yaml: 'text/yaml; charset=utf-8',
  yml: 'text/yaml; charset=utf-8',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  rtf: 'application/rtf',
  odt: 'application/vnd.oasis.opendocument.text',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odp: 'application/vnd.oasis.opendocument.presentation',
  ofd: 'application/ofd',
  wps: 'application/vnd.ms-works',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  gz: 'application/gzip',
  // Pagefind's index files (binary, gzip inside, read by its WebAssembly)
  pf_meta: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
  pagefind: 'application/octet-stream',
};

/** The type of anything not in CONTENT_TYPES: the browser downloads it and never guesses (nosniff). */
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** The extension of a path, lower case without the dot ('' for none). */
export function extensionOf(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The Content-Type a file of the column is served with. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extensionOf(file)] ?? DEFAULT_CONTENT_TYPE;
}

/**
 * Attachment types served with `Content-Disposition: attachment`: office documents, OFD and archives,
 * which a browser cannot show, are saved under their own name. PDFs, images, audio, video, text and
 * CSV open in the browser. The extensions a site adds (site.yaml `attachment_types`) download too.
 */
export const DOWNLOAD_EXTENSIONS: readonly string[] = [
  'doc',
  'docx',
  'wps',
  'rtf',
  'odt',
  'xls',
  'xlsx',
  'et',
  'ods',
  'ppt',
  'pptx',
  'dps',
  'odp',
  'ofd',
  'zip',
  'rar',
  '7z',
];

/**
 * Cache classes (docs/decisions.md §19): `immutable` for files whose name carries a hash of their
 * content, kept a year; `short` for everything else — pages, Pagefind's unhashed entry files
 * (pagefind.js, pagefind-entry.json, the WebAssembly, the worker) that name the hashed ones, our search
 * manifest, feeds, open data and attachments — which a browser or CDN may keep but must check (ETag)
 * before using, so a new release, a withdrawal or a corrected attachment is seen at once.
 *
 * Which files are immutable is the build output's fact (src/lib/deploy/cache.ts: CacheClass,
 * IMMUTABLE_PATHS, cacheClassOf, re-exported here for the server's code); the headers each class gets
 * are the server's, here.
 */

export const CACHE_CONTROL: Readonly<Record<CacheClass, string>> = {
  immutable: 'public, max-age=31536000, immutable',
  short: 'no-cache',
};
