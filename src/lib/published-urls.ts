// The committed list of published URLs (content/published.txt): one site path per line,
// without base, '#' comments. The build warns for each listed URL it no longer produces.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export function readPublishedList(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** The output file a site path maps to ('/doc/x/' → doc/x/index.html). */
export function outputFileFor(urlPath: string): string {
  const clean = decodeURI(urlPath.split(/[?#]/)[0]!).replace(/^\/+/, '');
  return clean === '' || clean.endsWith('/') ? path.join(clean, 'index.html') : clean;
}

export function missingPublishedUrls(list: string[], outDir: string): string[] {
  return list.filter((u) => !existsSync(path.join(outDir, outputFileFor(u))));
}

/**
 * Every page and published file of a built site as site paths, sorted: the new published list.
 * Pages, attachments, report PDFs and open data count; the site's own assets do not (hashed
 * `_astro/`, the search index, and the top-level files such as 404.html and prefs.js).
 */
export function listSiteUrls(outDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (r === '_astro' || r === 'pagefind') continue;
        walk(path.join(dir, e.name), r);
      } else if (e.name === 'index.html') out.push('/' + (rel ? rel + '/' : ''));
      else if (rel) out.push('/' + r);
    }
  };
  walk(outDir, '');
  return out.sort();
}
