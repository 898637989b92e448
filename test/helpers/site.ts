// Reading a built site in tests: map URLs to files under dist, and read the catalogue's counts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { all, intIn, readHtml, text, type El } from './html.ts';

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
 * The groups a browse index page (/catalogue/<kind>/) lists with their counts: every element
 * carrying `data-count` that contains (or is) a link to one group page `<base>catalogue/<kind>/<id>/`.
 * Only the outermost level is returned for nested lists (top-level topics).
 */
export function browseCounts(doc: El, base: string, kind: string): GroupCount[] {
  const prefix = `${base}catalogue/${kind}/`;
  const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^/]+)/$`);
  const out: GroupCount[] = [];
  const counted = all(doc, '*', (e) => e.attrs['data-count'] !== undefined);
  for (const e of counted) {
    // skip groups nested inside another counted group (sub-categories)
    let nested = false;
    for (let p = e.parent; p; p = p.parent) if (p.attrs['data-count'] !== undefined) nested = true;
    if (nested) continue;
    // the link is the counted element, inside it, or (count in a sibling) in its row/item
    let link: El | undefined;
    for (let scope: El | undefined = e, up = 0; scope && up < 3 && !link; scope = scope.parent, up++) {
      const links = [scope, ...all(scope, 'a')].filter((a) => a.tag === 'a' && re.test(a.attrs.href ?? ''));
      if (new Set(links.map((a) => a.attrs.href)).size === 1) link = links[0];
      else if (links.length > 1) break;
    }
    if (!link) continue;
    const id = decodeURIComponent(re.exec(link.attrs.href!)![1]!);
    out.push({ id, name: text(link).replace(/\s*[（(]?\d+[)）]?\s*$/, ''), count: Number(e.attrs['data-count']), href: link.attrs.href! });
  }
  return out;
}
