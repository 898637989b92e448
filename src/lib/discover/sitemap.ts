// sitemap.xml (Sitemaps protocol 0.9, https://www.sitemaps.org/protocol.html): every published page
// (src/lib/site-paths.ts sitePages) as a full address with the date it last changed. The protocol
// allows 50,000 URLs and 50 MB (52,428,800 bytes, uncompressed) per file: a larger column is split into
// sitemap-1.xml, sitemap-2.xml … and sitemap.xml becomes their index, so what crawlers and the portal's
// robots.txt are given is always /sitemap.xml.
import type { SitePage } from '../site-paths.ts';
import { SITEMAP_FILE, sitemapPartPath } from './urls.ts';
import { xmlText } from './xml.ts';

export interface SitemapLimits {
  /** URLs per file. */
  urls: number;
  /** Bytes per file (UTF-8, uncompressed). */
  bytes: number;
}

/** The protocol's limits. */
export const SITEMAP_LIMITS: SitemapLimits = { urls: 50_000, bytes: 50 * 1024 * 1024 };

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const URLSET_HEAD = `${XML_DECL}<urlset xmlns="${NS}">\n`;
const URLSET_TAIL = '</urlset>\n';

/** One written file: its site path ('/sitemap.xml', '/sitemap-2.xml') and text. */
export interface SitemapFile {
  path: string;
  xml: string;
}

const urlElement = (loc: string, lastmod: string | undefined) =>
  `<url><loc>${xmlText(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>\n`;

/**
 * The sitemap files for `pages`: one `<urlset>` at /sitemap.xml when they fit the limits, else the parts
 * /sitemap-1.xml … (in page order, each filled up to the limits) and a `<sitemapindex>` at /sitemap.xml
 * naming each part with the latest `lastmod` of its pages. `url` makes a site path a full address.
 */
export function sitemapFiles(
  pages: readonly SitePage[],
  url: (sitePath: string) => string,
  limits: SitemapLimits = SITEMAP_LIMITS,
): SitemapFile[] {
  const frame = Buffer.byteLength(URLSET_HEAD) + Buffer.byteLength(URLSET_TAIL);
  const parts: { urls: string[]; lastmod?: string }[] = [];
  let current: { urls: string[]; lastmod?: string } | undefined;
  let bytes = 0;
  for (const page of pages) {
    const el = urlElement(url(page.path), page.lastmod);
    const size = Buffer.byteLength(el);
    if (frame + size > limits.bytes) throw new RangeError(`one sitemap entry is larger than ${limits.bytes} bytes`);
    if (!current || current.urls.length >= limits.urls || bytes + size > limits.bytes) {
      current = { urls: [] };
      parts.push(current);
      bytes = frame;
    }
    current.urls.push(el);
    bytes += size;
    if (page.lastmod && (!current.lastmod || page.lastmod > current.lastmod)) current.lastmod = page.lastmod;
  }
  const urlset = (urls: string[]) => URLSET_HEAD + urls.join('') + URLSET_TAIL;
  if (parts.length <= 1) return [{ path: SITEMAP_FILE, xml: urlset(parts[0]?.urls ?? []) }];
  // an index names at most 50,000 sitemaps (2.5 billion URLs): never reached, but not written wrong
  if (parts.length > SITEMAP_LIMITS.urls)
    throw new RangeError(`${parts.length} sitemap files: more than an index names`);
  const index =
    `${XML_DECL}<sitemapindex xmlns="${NS}">\n` +
    parts
      .map(
        (p, i) =>
          `<sitemap><loc>${xmlText(url(sitemapPartPath(i + 1)))}</loc>${p.lastmod ? `<lastmod>${p.lastmod}</lastmod>` : ''}</sitemap>\n`,
      )
      .join('') +
    '</sitemapindex>\n';
  return [
    { path: SITEMAP_FILE, xml: index },
    ...parts.map((p, i) => ({ path: sitemapPartPath(i + 1), xml: urlset(p.urls) })),
  ];
}
