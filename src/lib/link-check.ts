// The link check over the whole output (the `links` post-build step, src/post-build.ts): every
// internal link of every generated page — and every URL of the feeds and sitemaps — must lead to a
// file of the output and, with a fragment, to an element of that page with that id. The source-level
// check (src/lib/checks/document-links.ts) names a body's Markdown file and line; this one also sees
// what templates, components and raw HTML in bodies produce, anchors included.
//
// What is a link: a[href], area[href], link[href], script[src], img[src|srcset], source[src|srcset],
// iframe/embed/audio/video/track/input[src], video[poster], object[data], form[action],
// <meta http-equiv="refresh" content="0; url=…">; in .xml files <loc>…</loc>, <link>…</link> and
// <link href="…"> (Atom, xhtml:link). Relative URLs resolve against the page's URL (base + its path);
// site_url + base + path maps to the output like /base/path; a directory URL means its index.html,
// and one without its trailing slash too (the server redirects). Query strings are ignored (a static
// server ignores them), percent-encoding is decoded (attachments' Chinese names). Not checked, only
// counted: other hosts, other schemes (mailto:, tel:, data:, javascript:) and this host outside the
// base path (the portal around the column). A missing file that dist/redirects.json moves to an
// existing one is served by the server's redirect: not broken.
//
// Cost: one pass over the output, one file in memory at a time; the output's file names (a Set: 47 MB
// at 100,000 documents, 278,555 files) and the fragments asked of other pages (distinct
// target+fragment pairs) are what grows with the site.
// Pages asked for a fragment are read a second time at the end, for their ids. The tokenizer is a
// regular expression over tags, correct for what Astro's compressHTML and our Markdown renderer
// write (quoted or unquoted attribute values, comments, script/style bodies skipped); character
// references in attribute values are decoded (numeric ones and &amp; &lt; &gt; &quot; &apos; &nbsp;).
import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';
import { redirectTarget } from './redirects.ts';
import type { Redirect } from './types.ts';

export type BrokenReason = 'missing-file' | 'missing-anchor' | 'bad-url';

export const REASON_TEXT: Record<BrokenReason, string> = {
  'missing-file': '文件不存在',
  'missing-anchor': '锚点不存在',
  'bad-url': '网址写法有误',
};

export interface LinkSource {
  /** The file holding the link, relative to the output ('doc/x/index.html'). */
  file: string;
  /** Its URL, base included ('/xxgk/doc/x/'). */
  url: string;
}

/** One broken target and the pages that link to it. */
export interface BrokenTarget {
  reason: BrokenReason;
  /** What the link points to, base included, decoded ('/xxgk/doc/x/files/附件.pdf', '/xxgk/doc/x/#第三条'). */
  target: string;
  /** The link as the first page writes it. */
  href: string;
  /** The first few pages that hold it (at most EXAMPLE_PAGES). */
  pages: LinkSource[];
  /** How many pages hold it. */
  count: number;
}

export interface LinkCheckResult {
  /** .html pages and .xml feeds/sitemaps read. */
  pages: number;
  feeds: number;
  /** Internal links checked (each distinct link once per page), those with a fragment among them. */
  links: number;
  anchors: number;
  /** Links not checked: other hosts and schemes; this host outside the base path. */
  external: number;
  outsideBase: number;
  /** Broken links (each distinct link once per page) and the distinct targets they point to. */
  brokenLinks: number;
  brokenTargets: number;
  /** The broken targets in the order found (pages in code-point order), at most MAX_TARGETS. */
  broken: BrokenTarget[];
}

export interface LinkCheckOptions {
  outDir: string;
  /** '/xxgk/' */
  base: string;
  /** site_url ('https://www.example.gov.cn'): absolute URLs on this host are the site's own. */
  siteUrl?: string;
  /** dist/redirects.json's redirects (site paths without base): a link to an old file URL is served by a redirect. */
  redirects?: readonly Redirect[];
}

export const EXAMPLE_PAGES = 3;
export const MAX_TARGETS = 1000;

type Resolved =
  | { kind: 'external' }
  | { kind: 'outside' }
  | { kind: 'bad'; target: string }
  /** path: below base, decoded; url: base + path (for messages) */
  | { kind: 'internal'; path: string; fragment?: string; url: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Character references in an attribute value (numeric, and the few named ones URLs and ids carry). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);?/g, (all, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[ref] ?? all;
  });
}

/**
 * The attributes of a tag's attribute text, names lower-cased, values as written (character
 * references not decoded: `decode` them); an attribute without value is ''. The first of a name wins.
 */
export function parseAttributes(text: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  embed: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  input: ['src'],
  object: ['data'],
  form: ['action'],
};
/** Elements whose content is text, not markup: skipped to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes']);

/** Characters of a tag name after its first letter. */
const isNameChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
/** An attribute named id (any case), not one that ends in "id" (data-astro-cid-…, data-id). */
const ID_ATTR = /(?:^|[\s"'])id\s*=/i;

/**
 * A page's links (as written, in order) and its ids (id on any element, name on <a>). `latin1`: the
 * page was decoded byte for byte (Buffer latin1, much faster than UTF-8 for CJK text); the values
 * read are then decoded as UTF-8.
 */
export function scanHtml(html: string, latin1 = false): { links: string[]; ids: Set<string> } {
  const links: string[] = [];
  const ids = new Set<string>();
  const value = latin1
    ? (v: string) => decodeEntities(/[\x80-\xff]/.test(v) ? Buffer.from(v, 'latin1').toString('utf8') : v)
    : decodeEntities;
  const n = html.length;
  let i = html.indexOf('<');
  while (i >= 0 && i < n - 1) {
    const c = html.charCodeAt(i + 1);
    if (c === 33) {
      // <!-- comment -->, <!DOCTYPE …>
      const end = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) + 3 : html.indexOf('>', i + 2) + 1;
      if (end <= 0) break;
      i = html.indexOf('<', end);
      continue;
    }
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) {
      // an end tag, or a '<' in text
      i = html.indexOf('<', i + 1);
      continue;
    }
    let j = i + 2;
    while (j < n && isNameChar(html.charCodeAt(j))) j++;
    // the tag ends at the first '>' outside a quoted attribute value
    let k = j;
    let afterEquals = false;
    for (; k < n; k++) {
      const ch = html.charCodeAt(k);
      if (ch === 62) break;
      if (ch === 61) afterEquals = true;
      else if (afterEquals && (ch === 34 || ch === 39)) {
        const close = html.indexOf(ch === 34 ? '"' : "'", k + 1);
        k = close < 0 ? n : close;
        afterEquals = false;
      } else if (!isSpace(ch)) afterEquals = false;
    }
    let name = html.slice(i + 1, j);
    if (/[A-Z]/.test(name)) name = name.toLowerCase();
    const attrText = html.slice(j, k);
    const urlAttrs = URL_ATTRS[name];
    if (urlAttrs || name === 'meta' || ID_ATTR.test(attrText)) {
      const attrs = parseAttributes(attrText);
      const id = attrs.get('id');
      if (id) ids.add(value(id));
      if (name === 'a' && attrs.get('name')) ids.add(value(attrs.get('name')!));
      for (const a of urlAttrs ?? []) {
        const v = attrs.get(a);
        if (v === undefined) continue;
        if (a === 'srcset') links.push(...srcsetUrls(value(v)));
        else links.push(value(v));
      }
      if (name === 'meta' && attrs.get('http-equiv')?.toLowerCase() === 'refresh') {
        const url = refreshUrl(value(attrs.get('content') ?? ''));
        if (url) links.push(url);
      }
    }
    i = k + 1;
    if (RAW_TEXT.has(name)) {
      // its content is text up to its end tag (an unclosed one runs to the end of the page)
      const close = new RegExp(`</${name}`, 'ig');
      close.lastIndex = i;
      i = close.exec(html)?.index ?? n;
    }
    i = html.indexOf('<', i);
  }
  return { links, ids };
}

/** The URLs of a feed or sitemap: <loc>, <link> text (RSS) and <link href> (Atom, xhtml:link). */
export function scanXml(xml: string): string[] {
  const out: string[] = [];
  const re = /<(?:[\w-]+:)?(loc|link)\b((?:[^>"']|"[^"]*"|'[^']*')*)>(?:([^<]*)<\/(?:[\w-]+:)?\1>)?/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const attrs = parseAttributes((m[2] ?? '').replace(/\/$/, ''));
    const href = attrs.get('href');
    if (m[1] === 'link' && href !== undefined) out.push(decodeEntities(href));
    else if (m[3]?.trim()) out.push(decodeEntities(m[3].trim()));
  }
  return out;
}

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** The URL of `<meta http-equiv="refresh" content="0; url=…">`, if any. */
export function refreshUrl(content: string): string | undefined {
  const m = /^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(.*)$/i.exec(content);
  const url = m?.[1]?.trim().replace(/^(['"])(.*)\1$/, '$2');
  return url || undefined;
}

/** The output file for a page URL's path below base ('doc/x/' → 'doc/x/index.html'). */
function pageUrlOf(file: string, base: string): string {
  return (
    base + (file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file)
  );
}

/** Removes '.' and '..' segments of an absolute URL path (a '..' above the root stays at the root). */
function normalisePath(p: string): string {
  if (!p.includes('/.')) return p;
  const out: string[] = [];
  const segs = p.split('/');
  for (let i = 1; i < segs.length; i++) {
    const s = segs[i]!;
    const last = i === segs.length - 1;
    if (s === '.' || s === '..') {
      if (s === '..') out.pop();
      if (last) out.push('');
    } else out.push(s);
  }
  return '/' + out.join('/');
}

/**
 * Resolves a link of the page at `pageDir` (a URL path ending in '/', base included) to a path below
 * base (decoded, without query or fragment), or says it is not the site's, or unreadable.
 */
export function resolveLink(href: string, pageDir: string, base: string, host: string | undefined): Resolved {
  // an attribute's URL: leading and trailing ASCII whitespace stripped, tabs and newlines removed
  let url = href.replace(/^[\s]+|[\s]+$/g, '').replace(/[\t\n\r]/g, '');
  const hash = url.indexOf('#');
  const fragment = hash >= 0 ? url.slice(hash + 1) : undefined;
  if (hash >= 0) url = url.slice(0, hash);
  const q = url.indexOf('?');
  if (q >= 0) url = url.slice(0, q);
  url = url.replace(/\\/g, '/');
  let p: string;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (scheme || url.startsWith('//')) {
    if (scheme && !/^https?$/i.test(scheme[1]!)) return { kind: 'external' };
    const m = /^(?:[a-zA-Z]+:)?\/\/([^/]*)(.*)$/.exec(url);
    const authority = m?.[1]?.replace(/^[^@]*@/, '').toLowerCase();
    if (!m || !host || authority !== host) return { kind: 'external' };
    p = m[2] || '/';
  } else if (url.startsWith('/')) p = url;
  else p = pageDir + url;
  p = normalisePath(p);
  const baseDir = base.replace(/\/$/, '');
  if (p !== baseDir && !p.startsWith(base)) return { kind: 'outside' };
  const below = p === baseDir ? '' : p.slice(base.length);
  let decoded: string;
  try {
    decoded = decodeURIComponent(below);
  } catch {
    return { kind: 'bad', target: p };
  }
  return { kind: 'internal', path: decoded, ...(fragment !== undefined && { fragment }), url: base + decoded };
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/**
 * Reads files into one buffer, reused (grown when a file is larger): at 200,000 files a fresh
 * buffer per file (readFileSync) leaves hundreds of MB of freed buffers for the collector.
 */
function fileReader(): (file: string, encoding: 'latin1' | 'utf8') => string {
  let buf = Buffer.alloc(1 << 20);
  return (file, encoding) => {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > buf.length) buf = Buffer.alloc(Math.max(size, buf.length * 2));
      let read = 0;
      while (read < size) {
        const n = readSync(fd, buf, read, size - read, read);
        if (n === 0) break;
        read += n;
      }
      return buf.toString(encoding, 0, read);
    } finally {
      closeSync(fd);
    }
  };
}

/** Every file below `dir`, relative with '/' separators, in code-point order. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(rel ? path.join(dir, rel) : dir, { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else if (e.isFile() || e.isSymbolicLink()) out.push(child);
    }
  };
  walk('');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Checks every link of the output; see the file's head for what is checked and how. */
export function checkLinks(options: LinkCheckOptions): LinkCheckResult {
  const { outDir } = options;
  const base = options.base.endsWith('/') ? options.base : options.base + '/';
  let host: string | undefined;
  try {
    host = options.siteUrl ? new URL(options.siteUrl).host.toLowerCase() : undefined;
  } catch {
    host = undefined;
  }
  const all = listFiles(outDir);
  const read = fileReader();
  const files = new Set(all);
  const result: LinkCheckResult = {
    pages: 0,
    feeds: 0,
    links: 0,
    anchors: 0,
    external: 0,
    outsideBase: 0,
    brokenLinks: 0,
    brokenTargets: 0,
    broken: [],
  };
  const brokenByKey = new Map<string, BrokenTarget>();
  /** `count` pages link `href` to the broken `target`; `from` are the first of them. */
  const report = (reason: BrokenReason, target: string, href: string, from: LinkSource[], count = 1) => {
    result.brokenLinks += count;
    const key = `${reason}\0${target}`;
    let b = brokenByKey.get(key);
    if (!b) {
      result.brokenTargets++;
      if (brokenByKey.size >= MAX_TARGETS) return;
      b = { reason, target: detach(target), href: detach(href), pages: [], count: 0 };
      brokenByKey.set(detach(key), b);
      result.broken.push(b);
    }
    b.count += count;
    for (const f of from) if (b.pages.length < EXAMPLE_PAGES) b.pages.push(f);
  };
  /** The file a path below base is served from, or undefined. */
  const fileFor = (p: string): string | undefined => {
    if (p === '' || p.endsWith('/')) {
      const index = p + 'index.html';
      return files.has(index) ? index : undefined;
    }
    if (files.has(p)) return p;
    if (files.has(p + '/index.html')) return p + '/index.html';
    return undefined;
  };
  const redirected = (p: string): string | undefined => {
    if (!options.redirects?.length) return undefined;
    const to = redirectTarget('/' + p, options.redirects);
    return to === undefined ? undefined : fileFor(to.replace(/^\//, ''));
  };
  // fragments asked of other pages: target file → fragment → where it was asked first, and how often
  const wanted = new Map<string, Map<string, { href: string; target: string; from: LinkSource[]; count: number }>>();

  for (const file of all) {
    const isHtml = file.endsWith('.html');
    const isXml = file.endsWith('.xml');
    if (!isHtml && !isXml) continue;
    const from: LinkSource = { file, url: pageUrlOf(file, base) };
    const pageDir = base + file.slice(0, file.lastIndexOf('/') + 1);
    let links: string[];
    let ids: Set<string> | undefined;
    if (isHtml) {
      result.pages++;
      ({ links, ids } = scanHtml(read(path.join(outDir, file), 'latin1'), true));
    } else {
      result.feeds++;
      links = scanXml(read(path.join(outDir, file), 'utf8'));
    }
    const seen = new Set<string>();
    for (const href of links) {
      if (seen.has(href)) continue;
      seen.add(href);
      const r = resolveLink(href, pageDir, base, host);
      if (r.kind === 'external') {
        result.external++;
        continue;
      }
      if (r.kind === 'outside') {
        result.outsideBase++;
        continue;
      }
      result.links++;
      if (r.kind === 'bad') {
        report('bad-url', r.target, href, [from]);
        continue;
      }
      const target = fileFor(r.path) ?? redirected(r.path);
      if (!target) {
        report('missing-file', r.url, href, [from]);
        continue;
      }
      if (r.fragment === undefined || !target.endsWith('.html')) continue;
      result.anchors++;
      const fragment = r.fragment;
      if (fragment === '' || fragment.toLowerCase() === 'top') continue;
      const anchor = `${r.url}#${safeDecode(fragment) ?? fragment}`;
      if (target === file && ids) {
        if (!hasId(ids, fragment)) report('missing-anchor', anchor, href, [from]);
        continue;
      }
      let byFragment = wanted.get(target);
      if (!byFragment) wanted.set(detach(target), (byFragment = new Map()));
      const w = byFragment.get(fragment);
      if (w) {
        w.count++;
        if (w.from.length < EXAMPLE_PAGES) w.from.push(from);
      } else byFragment.set(detach(fragment), { href: detach(href), target: detach(anchor), from: [from], count: 1 });
    }
  }
  // the pages asked for a fragment, once each, for their ids
  for (const [target, byFragment] of wanted) {
    const { ids } = scanHtml(read(path.join(outDir, target), 'latin1'), true);
    for (const [fragment, w] of byFragment) {
      if (!hasId(ids, fragment)) report('missing-anchor', w.target, w.href, w.from, w.count);
    }
  }
  return result;
}

/**
 * A copy of a string that shares no memory with the page it was read from: V8 keeps a substring as a
 * view of the whole page, and what outlives the page (broken targets, fragments asked of other
 * pages) would keep every such page in memory.
 */
function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

/** A fragment names an element by its id as written or percent-decoded (how browsers find it). */
function hasId(ids: Set<string>, fragment: string): boolean {
  if (ids.has(fragment)) return true;
  const decoded = safeDecode(fragment);
  return decoded !== undefined && ids.has(decoded);
}

/** What the build leaves for the `links` step (src/integrations/link-check.ts writes it). */
export interface LinkJob {
  base: string;
  /** site_url */
  siteUrl: string;
  /** Each document page's Markdown file: slug → file relative to the content directory. */
  sources: Record<string, string>;
}

/** Where the build leaves the job: beside the other build caches of this column and output. */
export const linkJobFile = (cacheDir: string) => path.join(cacheDir, 'link-check-job.json');

/** The Markdown file a page of the output comes from ('doc/<slug>/index.html'), when the job knows it. */
export function sourceOf(file: string, sources: Record<string, string>): string | undefined {
  const m = /^doc\/([^/]+)\/index\.html$/.exec(file);
  return m ? sources[m[1]!] : undefined;
}

/**
 * The step's message for broken links (Chinese, for the operator): each broken target with why, the
 * link as written and the pages that hold it (the first EXAMPLE_PAGES), the first `limit` targets.
 */
export function formatBrokenLinks(result: LinkCheckResult, sources: Record<string, string>, limit = 50): string {
  const lines = [
    `全站链接检查发现 ${result.brokenLinks} 个失效的站内链接，指向 ${result.brokenTargets} 个不存在的文件或锚点：`,
  ];
  let fromDocuments = false;
  for (const b of result.broken.slice(0, limit)) {
    const why =
      b.reason === 'missing-anchor'
        ? `锚点不存在（页面中没有 id 为“${b.target.slice(b.target.indexOf('#') + 1)}”的元素）`
        : b.reason === 'bad-url'
          ? '网址写法有误（百分号编码无效）'
          : '文件不存在（输出目录中没有这个文件）';
    lines.push(`  ${b.target}  ${why}`);
    lines.push(`    链接写作“${b.href}”，${b.count > 1 ? `共 ${b.count} 个页面，例如：` : '在页面：'}`);
    for (const p of b.pages) {
      const source = sourceOf(p.file, sources);
      if (source) fromDocuments = true;
      lines.push(`      ${p.file}（网址 ${p.url}${source ? `，源文件 ${source}` : ''}）`);
    }
  }
  if (result.brokenTargets > limit) lines.push(`  ……另有 ${result.brokenTargets - limit} 个失效目标未列出。`);
  lines.push(
    '  修改方法：多个页面相同的链接来自页面模板或组件（src/pages、src/components），改正后重新构建；' +
      '文件页面（/doc/…/）的链接来自源文件的正文：改正源文件中的链接或锚点。',
  );
  if (fromDocuments)
    lines.push(
      '  正文中指向本站页面和附件的 Markdown 链接，构建前的内容检查（npm run check）通常已指出其文件和行号；' +
        '这里发现的多半是锚点（#…）或正文中直接写的 HTML 链接。',
    );
  return lines.join('\n');
}
