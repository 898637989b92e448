// Where the build publishes what readers, crawlers and reusers fetch besides the pages (docs/design.md
// "URLs"): the sitemaps, the Atom feeds, the catalogue's open data, the HTML 网站地图 and the site's own
// files from site.yaml (the 党政机关网站标识). One place for these paths: the endpoints that write them,
// the pages that link to them and the list of every path the build produces (site-paths.ts) read them here.
import { withBase } from '../redirects.ts';

/** The HTML 网站地图 (the column's structure for readers). */
export const SITE_MAP_PAGE = '/sitemap/';
/** The sitemap (Sitemaps protocol 0.9): the one file, or the index of sitemap-1.xml … when split. */
export const SITEMAP_FILE = '/sitemap.xml';
/** The n-th (1-based) part of a split sitemap. */
export const sitemapPartPath = (n: number): string => `/sitemap-${n}.xml`;
/** The Atom feed of the latest disclosures of the whole column. */
export const FEED_PATH = '/feed.xml';
/** The Atom feed of one column section (栏目). */
export const sectionFeedPath = (sectionId: string): string => `/section/${sectionId}/feed.xml`;
/** The whole 政府信息公开目录 as open data. */
export const CATALOGUE_CSV = '/catalogue/catalogue.csv';
export const CATALOGUE_JSON = '/catalogue/catalogue.json';
/** Where the catalogue page's 开放数据 block is (the HTML 网站地图 links here). */
export const OPEN_DATA_ANCHOR = '/catalogue/#open-data';
/** Folder of the files site.yaml names (the 党政机关网站标识 image), copied from the content directory. */
export const SITE_FILES_DIR = '/site-files/';

/**
 * The published name of the 党政机关网站标识 image: a fixed ASCII name with the file's own extension
 * (the editor's file may have any name, Chinese included).
 */
export function siteMarkPath(file: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? 'img';
  return `${SITE_FILES_DIR}conac.${ext}`;
}

/** A site path as a full address: site_url + base + path, URL-encoded ('/doc/x/' → 'https://host/xxgk/doc/x/'). */
export function absoluteUrl(siteUrl: string, base: string, sitePath: string): string {
  return siteUrl.replace(/\/+$/, '') + withBase(base, sitePath);
}
