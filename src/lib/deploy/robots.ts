// robots.txt (RFC 9309) belongs to the host: crawlers read it only at the root, /robots.txt. A column
// that is the host's root (base '/') writes its own (src/pages/[robots].txt.ts): allow everything,
// name the sitemap. Under a sub-path (/xxgk/) the portal owns the host's robots.txt; the column cannot
// write one there, so `npm run nginx-config` prints the lines the portal's file needs (portalRobotsLines).
import { absoluteUrl, SITEMAP_FILE } from '../discover/urls.ts';
import { normaliseBase } from '../build-options.ts';

/** Whether the column owns the host's robots.txt: it is served at the host's root. */
export function ownsRobotsTxt(base: string): boolean {
  return normaliseBase(base) === '/';
}

/**
 * The lines the host's robots.txt needs for this column, whatever else it says: the `Sitemap:` line with
 * the column's sitemap's full address (a `Sitemap:` line stands outside any User-agent group, so it
 * can be appended to an existing file as it is).
 */
export function portalRobotsLines(siteUrl: string, base: string): string[] {
  return [`Sitemap: ${absoluteUrl(siteUrl, normaliseBase(base), SITEMAP_FILE)}`];
}

/**
 * The column's robots.txt when it is the host's root (every crawler may fetch everything; the sitemap
 * named); undefined under a sub-path, where the host's file is the portal's (see portalRobotsLines).
 */
export function robotsTxt(siteUrl: string, base: string): string | undefined {
  if (!ownsRobotsTxt(base)) return undefined;
  return ['User-agent: *', 'Allow: /', '', ...portalRobotsLines(siteUrl, base), ''].join('\n');
}
