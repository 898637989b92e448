// Redirects (content/redirects.yaml, docs/design.md "Redirects"): where an old site path leads now.
// A redirect between two document pages ('/doc/a/' → '/doc/b/') also moves the files below them
// (attachments, open data, the report PDF): '/doc/a/files/x.pdf' → '/doc/b/files/x.pdf'. The build's
// redirect pages, the published-URL check and the body-link check answer through here.
import type { Redirect } from './types.ts';

/** The path `sitePath` now lives at (one step: the checks allow no chains), or undefined when it is not redirected. */
export function redirectTarget(sitePath: string, redirects: readonly Redirect[]): string | undefined {
  let best: Redirect | undefined;
  for (const r of redirects) {
    if (r.from === sitePath) return r.to;
    const folder = r.from.endsWith('/') && r.to.endsWith('/') && sitePath.startsWith(r.from);
    if (folder && (!best || r.from.length > best.from.length)) best = r;
  }
  return best && best.to + sitePath.slice(best.from.length);
}

/** A site path as redirects.yaml must write it: '/…', no host, query, fragment, '..' or base; or why not. */
export function sitePathProblem(p: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(p)) return '应写本站路径（以 / 开头），不写协议和域名';
  if (!p.startsWith('/')) return '应以 / 开头';
  if (/[?#]/.test(p)) return '不能带 ? 或 # 之后的部分';
  if (/\s/.test(p)) return '不能含有空格';
  if (p.split('/').some((s) => s === '..' || s === '.')) return '不能含有 . 或 .. 这样的路径段';
  if (p.includes('//')) return '不能含有连续的 //';
  return undefined;
}

/** '/doc/x' → '/doc/x/' (a page's path ends with '/'); a path to a file ('….pdf') is kept. */
export function pagePathOf(p: string): string {
  return p.endsWith('/') || /\.[a-z0-9]+$/i.test(p) ? p : `${p}/`;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A path joined to base ('/doc/x/' under '/xxgk/' → '/xxgk/doc/x/'), URL-encoded as a browser sends it. */
export function withBase(base: string, sitePath: string): string {
  return encodeURI(base.replace(/\/$/, '') + sitePath);
}

/**
 * The page written at an old URL: it moves the reader on at once (<meta http-equiv="refresh">, which
 * the Content Security Policy allows: no script), names the new address as a link for whoever stays,
 * and tells search engines the new one is canonical. Used where no server redirect is configured.
 */
export function redirectPage(
  to: string,
  site: { siteUrl: string; siteName: string; columnName: string; base: string; domain: string; siteIdCode: string },
): string {
  const target = withBase(site.base, to);
  const full = escapeHtml(site.siteUrl.replace(/\/$/, '') + target);
  const href = escapeHtml(target);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>页面已迁移 - ${escapeHtml(site.columnName)} - ${escapeHtml(site.siteName)}</title>
<meta http-equiv="refresh" content="0; url=${href}">
<meta name="robots" content="noindex">
<meta name="SiteName" content="${escapeHtml(site.siteName)}">
<meta name="SiteDomain" content="${escapeHtml(site.domain)}">
<meta name="SiteIDCode" content="${escapeHtml(site.siteIdCode)}">
<link rel="canonical" href="${full}">
</head>
<body>
<main>
<h1>页面已迁移</h1>
<p>本页面已迁移到新网址：<a href="${href}">${full}</a></p>
<p>如果页面没有自动打开，请点击上面的链接。</p>
</main>
</body>
</html>
`;
}

/** dist/redirects.json: what the deployment turns into server rules (301s, and 410 below withdrawn pages). */
export interface RedirectManifest {
  /** The site's base path; every path below is written without it. */
  base: string;
  /** Old path → new path; a pair of pages also moves the files below them (redirectTarget). */
  redirects: Redirect[];
  /** Pages of withdrawn documents: the page stays, every path below it (attachments, open data) is gone. */
  withdrawn: string[];
}
