// Every page path the build produces, base excluded ('/', '/doc/x/', '/catalogue/topic/02/2/' …),
// computed from the catalogue the pages are built from. The body-link check uses it to find links
// to pages that do not exist; a build test compares it with the HTML files the build wrote.
import { BROWSE_KINDS, paginate, pagePath, type Catalogue } from './catalogue.ts';
import { reportPaths } from './report/collection.ts';

/** Paths of a paginated list whose first page is at `first`. */
function listPaths(first: string, items: number, size: number): string[] {
  return paginate(new Array<undefined>(items).fill(undefined), size).map((p) => pagePath(first, p.page));
}

/** `withdrawn`: documents whose URL keeps a notice page (撤回), without files below it. */
export function pagePaths(catalogue: Catalogue, pageSize: number, withdrawn: { slug: string }[] = []): Set<string> {
  // redirects.json: the list of redirects and withdrawn pages for the deployment (src/integrations/redirects.ts)
  const out = new Set<string>(['/', '/apply/', '/apply/form/', '/search/', '/404.html', '/redirects.json']);
  const add = (paths: string[]) => paths.forEach((p) => out.add(p));
  add(listPaths('/catalogue/', catalogue.all.length, pageSize));
  for (const { kind } of BROWSE_KINDS) {
    out.add(`/catalogue/${kind}/`);
    for (const top of catalogue.groups[kind]) {
      for (const g of [top, ...top.children]) add(listPaths(`/catalogue/${kind}/${g.id}/`, g.docs.length, pageSize));
    }
  }
  for (const g of catalogue.groups.section) add(listPaths(`/section/${g.id}/`, g.docs.length, pageSize));
  for (const d of catalogue.all) {
    out.add(`/doc/${d.slug}/`);
    for (const a of d.attachments) out.add(`/doc/${d.slug}/files/${a.fileName}`);
  }
  for (const w of withdrawn) out.add(`/doc/${w.slug}/`);
  // the 年报 index, trends pages and open data (src/pages/annual-reports/, src/pages/doc/[slug]/)
  add(reportPaths(catalogue));
  return out;
}
