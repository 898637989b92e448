// Every page path the build produces, base excluded ('/', '/doc/x/', '/catalogue/topic/02/2/' …),
// computed from the catalogue the pages are built from. The body-link check uses it to find links
// to pages that do not exist; a build test compares it with the HTML files the build wrote; the
// sitemap lists its pages (sitePages), each with the date it last changed.
import { BROWSE_KINDS, pagePath, type Catalogue } from './catalogue.ts';
import {
  CATALOGUE_CSV,
  CATALOGUE_JSON,
  FEED_PATH,
  SITE_MAP_PAGE,
  SITEMAP_FILE,
  sectionFeedPath,
} from './discover/urls.ts';
import { UpdatedDates } from './discover/updated.ts';
import { isReport, reportPaths } from './report/collection.ts';
import type { DocumentMeta } from './types.ts';

/** Paths of a paginated list whose first page is at `first` (an empty list still has its first page). */
function listPaths(first: string, items: number, size: number): string[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const pages = Math.max(1, Math.ceil(items / size));
  return Array.from({ length: pages }, (_, i) => pagePath(first, i + 1));
}

/** A published page (HTML) and when its content last changed. */
export interface SitePage {
  /** Site path without base, ending with '/'. */
  path: string;
  /**
   * YYYY-MM-DD, from the content's dates (src/lib/discover/updated.ts): a document's own; a list's, the
   * latest of its documents'. Unset for pages no document date describes (依申请公开, 检索, 网站地图).
   */
  lastmod?: string;
}

/**
 * Every page a reader or crawler should find, in a stable order: the home page, the catalogue and its
 * lists, the sections, the documents, the 年报 pages, 依申请公开, 检索 and the HTML 网站地图. Not the 404
 * page, withdrawn documents' notices (noindex), redirect pages or held-back documents (the catalogue
 * holds none of them). One pass over the documents, then one over each group. `dates`: when each
 * document last changed, when the caller has them already.
 */
export function sitePages(
  catalogue: Catalogue,
  pageSize: number,
  dates = new UpdatedDates(catalogue.all, catalogue.bySlug),
): SitePage[] {
  const day = (at: string | undefined) => at?.slice(0, 10);
  const everything = day(dates.latest(catalogue.all));
  const out: SitePage[] = [];
  const add = (path: string, lastmod: string | undefined) => out.push(lastmod ? { path, lastmod } : { path });
  const list = (first: string, docs: DocumentMeta[]) => {
    const lastmod = day(dates.latest(docs));
    for (const p of listPaths(first, docs.length, pageSize)) add(p, lastmod);
  };
  add('/', everything);
  list('/catalogue/', catalogue.all);
  for (const { kind } of BROWSE_KINDS) {
    // the browse index counts every group's documents
    add(`/catalogue/${kind}/`, everything);
    for (const top of catalogue.groups[kind]) {
      for (const g of [top, ...top.children]) list(`/catalogue/${kind}/${g.id}/`, g.docs);
    }
  }
  for (const g of catalogue.groups.section) list(`/section/${g.id}/`, g.docs);
  for (const d of catalogue.all) add(`/doc/${d.slug}/`, day(dates.of(d)));
  // the 年报 index (every report) and each publisher's trends page (its reports)
  const reports = catalogue.all.filter(isReport);
  const byPublisher = new Map<string, DocumentMeta[]>();
  for (const r of reports) {
    const mine = byPublisher.get(r.publisherId);
    if (mine) mine.push(r);
    else byPublisher.set(r.publisherId, [r]);
  }
  for (const p of reportPaths(catalogue)) {
    if (!p.endsWith('/')) continue;
    const trends = /^\/annual-reports\/trends\/([^/]+)\/$/.exec(p);
    add(p, day(dates.latest(trends ? (byPublisher.get(trends[1]!) ?? []) : reports)));
  }
  for (const p of ['/apply/', '/apply/form/', '/search/', SITE_MAP_PAGE]) add(p, undefined);
  return out;
}

/** `withdrawn`: documents whose URL keeps a notice page (撤回), without files below it. */
export function pagePaths(catalogue: Catalogue, pageSize: number, withdrawn: { slug: string }[] = []): Set<string> {
  // redirects.json: the list of redirects and withdrawn pages for the deployment (src/integrations/redirects.ts);
  // the sitemap (sitemap-1.xml … when split: their number depends on the site's address), the Atom feeds
  // and the catalogue's open data (src/lib/discover/)
  const out = new Set<string>(['/404.html', '/redirects.json', SITEMAP_FILE, FEED_PATH, CATALOGUE_CSV, CATALOGUE_JSON]);
  for (const p of sitePages(catalogue, pageSize)) out.add(p.path);
  for (const g of catalogue.groups.section) out.add(sectionFeedPath(g.id));
  for (const d of catalogue.all) {
    for (const a of d.attachments) out.add(`/doc/${d.slug}/files/${a.fileName}`);
  }
  for (const w of withdrawn) out.add(`/doc/${w.slug}/`);
  // the 年报 open data (src/pages/annual-reports/, src/pages/doc/[slug]/)
  for (const p of reportPaths(catalogue)) out.add(p);
  return out;
}
