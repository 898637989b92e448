// Reading a built site in tests: map URLs to files under dist, and read the catalogue's counts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { all, ancestors, hasClass, intIn, readHtml, text, type El } from './html.ts';

/** The file a URL path (with or without base) is served from: directory URLs → index.html. */
export function fileFor(outDir: string, base: string, urlPath: string): string {
  let p = urlPath.split('#')[0]!.split('?')[0]!;
  if (base !== '/' && p.startsWith(base)) p = '/' + p.slice(base.length);
  p = decodeURIComponent(p);
  const f = path.join(outDir, p);
  return p.endsWith('/') ? path.join(f, 'index.html') : f;
}

export function pageExists(outDir: string, base: string, urlPath: string): boolean {
  return existsSync(fileFor(outDir, base, urlPath));
}

/** Parses a built page by its site path (without base), e.g. '/catalogue/'. */
export function readPage(outDir: string, sitePath: string): El {
  return readHtml(fileFor(outDir, '/', sitePath));
}

/**
 * The total a catalogue page states: an element's `data-total` attribute, else its table
 * caption's "共 N 条/件/份/个/项".
 */
export function statedTotal(doc: El): number | undefined {
  const withAttr = all(doc, '*', (e) => e.attrs['data-total'] !== undefined);
  if (withAttr.length) return intIn(withAttr[0]!.attrs['data-total']);
  for (const c of all(doc, 'caption')) {
    const m = /共\s*(\d[\d,]*)\s*[条件份个项篇]/.exec(text(c));
    if (m) return Number(m[1]!.replace(/,/g, ''));
  }
  return undefined;
}

export interface GroupCount {
  id: string;
  name: string;
  count: number;
  href: string;
}

/**
 * The groups a browse index page (/catalogue/<kind>/) lists with their counts. Hooks: an element
 * with a `data-count` attribute, or the pages' `.group-count` (text "11 条") — each inside, or
 * beside, the link to its group page `<base>catalogue/<kind>/<id>/` (name: `.group-name` or the link
 * text). For nested lists (topics: 大类 with 小类) only the outermost level is returned.
 */
export function browseCounts(doc: El, base: string, kind: string): GroupCount[] {
  const prefix = `${base}catalogue/${kind}/`;
  const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^/]+)/$`);
  const found: (GroupCount & { depth: number })[] = [];
  const seen = new Set<string>();
  const counted = all(doc, '*', (e) => e.attrs['data-count'] !== undefined || hasClass(e, 'group-count'));
  for (const e of counted) {
    // the link is the counted element, an ancestor, inside it, or (count in a sibling) in its row/item
    let link: El | undefined;
    for (let scope: El | undefined = e, up = 0; scope && up < 3 && !link; scope = scope.parent, up++) {
      if (scope.tag === 'a' && re.test(scope.attrs.href ?? '')) {
        link = scope;
        break;
      }
      const links = all(scope, 'a', (a) => re.test(a.attrs.href ?? ''));
      if (new Set(links.map((a) => a.attrs.href)).size === 1) link = links[0];
      else if (links.length > 1) break;
    }
    if (!link || seen.has(link.attrs.href!)) continue;
    seen.add(link.attrs.href!);
    const count = e.attrs['data-count'] !== undefined ? Number(e.attrs['data-count']) : intIn(text(e));
    if (count === undefined || Number.isNaN(count)) continue;
    const id = decodeURIComponent(re.exec(link.attrs.href!)![1]!);
    const nameEl = all(link, '*', (x) => hasClass(x, 'group-name'))[0];
    const name = nameEl ? text(nameEl) : text(link).replace(/\s*[（(]?\d+\s*[条件份个项]?[)）]?\s*$/, '');
    const depth = ancestors(link).filter((a) => a.tag === 'li').length;
    found.push({ id, name, count, href: link.attrs.href!, depth });
  }
  const top = Math.min(...found.map((g) => g.depth));
  return found.filter((g) => g.depth === top).map(({ depth: _d, ...g }) => g);
}
