// The committed list of published URLs (content/published.txt): one site path per line,
// without base, '#' comments. The build warns for each listed URL it no longer produces (a redirected
// URL and the files of a withdrawn document are not missing: dist/redirects.json says where they went).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isPrecompressedCopy } from './deploy/precompress.ts';
import { FEED_PATH, SITEMAP_FILE } from './discover/urls.ts';
import { redirectTarget, type RedirectManifest } from './redirects.ts';

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

/**
 * The listed URLs the build no longer serves. A URL is served when its file is there, when
 * redirects.json (src/integrations/redirects.ts) moves it to a file that is there, or when it lay
 * below a withdrawn document's page (its attachments and open data are gone on purpose).
 */
export function missingPublishedUrls(list: string[], outDir: string): string[] {
  const manifestFile = path.join(outDir, 'redirects.json');
  const manifest: RedirectManifest = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as RedirectManifest)
    : { base: '/', redirects: [], withdrawn: [] };
  const built = (u: string) => existsSync(path.join(outDir, outputFileFor(u)));
  return list.filter((u) => {
    if (built(u)) return false;
    const moved = redirectTarget(u, manifest.redirects);
    if (moved && built(moved)) return false;
    return !manifest.withdrawn.some((w) => u.startsWith(w));
  });
}

/**
 * Top-level files others keep addresses of: feed readers subscribe to the column's feed, search-engine
 * consoles and robots.txt name its sitemap (src/lib/discover/urls.ts).
 */
const KEPT_TOP_LEVEL = new Set([FEED_PATH, SITEMAP_FILE].map((p) => p.slice(1)));

/**
 * Every page and published file of a built site as site paths, sorted: the new published list.
 * Pages, attachments, report PDFs, open data and feeds count; the site's own assets do not (hashed
 * `_astro/`, the search index, the top-level files such as 404.html and manifest.json, but for the
 * column's feed and sitemap, and the precompressed .gz copies).
 */
export function listSiteUrls(outDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    const names = new Set(entries.map((e) => e.name));
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (r === '_astro' || r === 'pagefind') continue;
        walk(path.join(dir, e.name), r);
      } else if (e.name === 'index.html') out.push('/' + (rel ? rel + '/' : ''));
      // the .gz the build's finish step writes beside a file is the same URL to a reader
      else if ((rel || KEPT_TOP_LEVEL.has(e.name)) && !isPrecompressedCopy(e.name, names)) out.push('/' + r);
    }
  };
  walk(outDir, '');
  return out.sort();
}
