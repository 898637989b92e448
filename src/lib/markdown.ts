// The one Markdown pipeline of gongkai (remark → rehype). Bodies are rendered one at a
// time, from their file, when their page is built; they never enter Astro's data store.
// loadSite scans every body beforehand (scanBody) so that all body errors come in one run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import type { Element, Root as HastRoot } from 'hast';
import { AccessibilityScan, mayHaveStructureFindings, type AccessibilityFinding } from './body-accessibility.ts';
import { normaliseBase } from './build-options.ts';
import { diag } from './diagnostics.ts';
import type { Diagnostic } from './types.ts';

/** Splits a Markdown file into its frontmatter text and body; `bodyLine` is the body's first line (1-based). */
export function splitFrontmatter(raw: string): {
  matter: string;
  body: string;
  bodyLine: number;
  hasFrontmatter: boolean;
  unclosed: boolean;
} {
  const source = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw; // a BOM from Windows editors
  const hasFrontmatter = /^---\s*(?:\r?\n|$)/.test(source);
  // gray-matter would take the whole file as metadata when the closing fence is missing
  const unclosed = hasFrontmatter && !/\r?\n---\s*(?:\r?\n|$)/.test(source.slice(3));
  if (unclosed) return { matter: '', body: '', bodyLine: 1, hasFrontmatter, unclosed };
  // gray-matter only splits here: values are parsed by the `yaml` package (docs/decisions.md §8)
  const f = matter(source, { engines: { yaml: () => ({}) } });
  const prefix = source.length - f.content.length;
  const bodyLine = source.slice(0, prefix).split('\n').length;
  return { matter: f.matter, body: f.content, bodyLine, hasFrontmatter, unclosed };
}

// What editors' Markdown and raw HTML may not contain. One inspection (inspectElement) serves
// both the check (scanBody: every finding is a diagnostic) and the renderer (rehypeGongkai:
// every finding is removed), so what is removed is always what was reported.
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'base',
  'meta',
  'link',
  'style',
  'animate',
  'set',
  'animatemotion',
  'animatetransform',
  'foreignobject',
  'handler',
  'template',
]);
const URL_PROPS = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'data', 'cite', 'background'];
const SCRIPT_URL = /^\s*(?:javascript|vbscript):|^\s*data:text\/html/i;
/** Elements whose src loads a resource into the page (links to other sites are fine; loading from them is not). */
const RESOURCE_ELEMENTS = new Set(['img', 'video', 'audio', 'source', 'track', 'picture', 'input', 'image']);
const OTHER_HOST = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i;

type Finding =
  | { kind: 'element'; tag: string }
  | { kind: 'event'; attr: string }
  | { kind: 'script-url'; attr: string; url: string }
  | { kind: 'other-host'; attr: string; url: string }
  | { kind: 'style' };

const isEventProp = (key: string) => key.length > 2 && /^on/i.test(key);

function inspectElement(node: Element): Finding[] {
  const tag = node.tagName.toLowerCase();
  if (FORBIDDEN_ELEMENTS.has(tag)) return [{ kind: 'element', tag }];
  const out: Finding[] = [];
  const props = node.properties;
  for (const key in props) {
    if (isEventProp(key)) out.push({ kind: 'event', attr: key.toLowerCase() });
    else if (key === 'style') out.push({ kind: 'style' });
  }
  for (const key of URL_PROPS) {
    const v = props[key];
    if (typeof v === 'string' && SCRIPT_URL.test(v)) out.push({ kind: 'script-url', attr: key, url: v.trim() });
  }
  if (RESOURCE_ELEMENTS.has(tag)) {
    for (const key of ['src', 'srcSet', 'poster', 'xLinkHref', 'href']) {
      const v = props[key];
      const value = Array.isArray(v) ? v.join(' ') : v;
      if (
        typeof value === 'string' &&
        (OTHER_HOST.test(value) || /(?:^|[\s,])(?:https?:)?\/\//i.test(value)) &&
        !SCRIPT_URL.test(value)
      ) {
        out.push({ kind: 'other-host', attr: key, url: value.trim() });
      }
    }
  }
  return out;
}

function findingDiagnostic(f: Finding, file: string, line: number | undefined): Diagnostic {
  const at = { line, field: 'body' };
  switch (f.kind) {
    case 'element':
      return diag(
        'error',
        'raw-html-element',
        file,
        `正文含有不允许的 HTML 元素 <${f.tag}>，它可能运行代码或嵌入外部页面。`,
        { ...at, fix: '删除这段 HTML；如需展示外部内容，请改为普通链接或附件。' },
      );
    case 'event':
      return diag('error', 'raw-html-event', file, `正文的 HTML 含有事件属性 ${f.attr}=，它会运行脚本。`, {
        ...at,
        fix: `删除 ${f.attr}= 属性。`,
      });
    case 'script-url':
      return diag(
        'error',
        'javascript-url',
        file,
        `正文含有 ${f.url.split(':')[0]!.toLowerCase()}: 链接，它会运行脚本。`,
        { ...at, fix: '改为普通网址或删除该链接。' },
      );
    case 'other-host':
      return diag(
        'error',
        'other-host-resource',
        file,
        `正文从其他网站加载“${f.url.slice(0, 80)}”，网站只能加载本站的文件（内网部署时也无法访问外部网站）。`,
        {
          ...at,
          fix: '把图片等文件下载后放在 Markdown 文件旁边，用相对路径引用，例如 ![说明](图1.png)。',
        },
      );
    case 'style':
      return diag(
        'warning',
        'raw-html-style',
        file,
        '正文的 HTML 含有 style= 属性，网站安全策略不允许内联样式，发布时已将其删除。',
        {
          ...at,
          fix: '删除 style= 属性；需要的格式请用 Markdown 表达（标题、加粗、列表、表格）。',
        },
      );
  }
}

/** A local file a body links to (an image or a download beside the Markdown). */
export function isLocalTarget(url: string): boolean {
  return !!url && !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\/)/i.test(url) && !url.startsWith('?');
}

/** A link to a page of this site rather than to a file: '/catalogue/', '../other-doc/', '/'. */
const isPageLink = (url: string) => {
  const p = url.split(/[?#]/)[0]!;
  return (
    (p.startsWith('/') && !p.startsWith('//')) || (isLocalTarget(url) && (p.endsWith('/') || p === '..' || p === '.'))
  );
};

const isMarkdownLink = (url: string) => /\.md$/i.test(url.split(/[?#]/)[0]!);

export interface BodyScan {
  diagnostics: Diagnostic[];
  /** Local files linked from the body, relative to the Markdown file, decoded. */
  localLinks: { target: string; line: number }[];
  /** Links to other Markdown files (documents), relative to this file, decoded. */
  documentLinks: { target: string; line: number }[];
  /**
   * Links to pages of the site: root-relative ('/catalogue/') or ending in '/' ('../other-doc/'), decoded,
   * without query or fragment.
   */
  pageLinks: { target: string; line: number }[];
  /** Images, links, tables and headings readers of assistive technology cannot use (src/lib/body-accessibility.ts). */
  accessibility: AccessibilityFinding[];
}

/**
 * Finds what the renderer would remove (errors; `style=` a warning), resources from other
 * hosts, local links, and what assistive technology cannot use (images without alt, nameless or
 * vague links, tables without header cells, skipped heading levels). One parse at most: bodies
 * without '<', '[' or a URL are parsed only when a line scan finds a heading that may skip a
 * level or a table whose first row may be empty (mayHaveStructureFindings); the others cost no
 * parser. `alwaysParse` (tests) parses every body.
 */
export function scanBody(body: string, file: string, bodyLine: number, { alwaysParse = false } = {}): BodyScan {
  const out: BodyScan = { diagnostics: [], localLinks: [], documentLinks: [], pageLinks: [], accessibility: [] };
  if (!alwaysParse && !/[<[]|:\/\/|javascript:/i.test(body) && !mayHaveStructureFindings(body)) return out;
  const tree = toHast(body);
  const a11y = new AccessibilityScan(body);
  const lineOf = (n: Element) => (n.position ? n.position.start.line + bodyLine - 1 : bodyLine);
  const walk = (parent: HastRoot | Element, quietImages: boolean) => {
    for (const node of parent.children) {
      if (node.type !== 'element') continue;
      const line = lineOf(node);
      for (const f of inspectElement(node)) out.diagnostics.push(findingDiagnostic(f, file, line));
      for (const key of ['href', 'src']) {
        const v = node.properties[key];
        if (typeof v !== 'string' || SCRIPT_URL.test(v)) continue;
        const target = safeDecode(v.split(/[?#]/)[0]!);
        if (!target) continue;
        if (isPageLink(v)) out.pageLinks.push({ target, line });
        else if (!isLocalTarget(v)) continue;
        else (isMarkdownLink(v) ? out.documentLinks : out.localLinks).push({ target, line });
      }
      walk(node, a11y.element(node, line, quietImages));
    }
  };
  walk(tree, false);
  out.accessibility = a11y.done();
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/**
 * 内容概述 from the body when `summary` is absent: the first sentence of the first
 * paragraph, at most `max` characters. Line-based, so it costs nothing at 100,000 documents.
 */
export function firstSentence(body: string, max = 100): string {
  const paragraphs: string[] = [];
  let para = '';
  const end = () => {
    if (para) paragraphs.push(para);
    para = '';
  };
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (!line || /^(#|\||<|>|```|~~~|---|\*\*\*|!\[)/.test(line)) {
      end();
      if (paragraphs.length >= 3) break;
      continue;
    }
    para += line.replace(/^(?:[-*+]|\d+[.)])\s+/, '');
  }
  end();
  const plain = paragraphs.map((p) =>
    p
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`~]+/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  // a salutation ("县人民代表大会常务委员会：", "各乡镇人民政府，县直各单位：") says nothing of the content
  const text = plain.find((p) => !(p.length <= 60 && /[：:]$/.test(p))) ?? plain[0] ?? '';
  const stop = text.search(/[。！？!?]/);
  const sentence = stop >= 0 ? text.slice(0, stop + 1) : text;
  return sentence.length > max ? sentence.slice(0, max - 1) + '…' : sentence;
}

/**
 * The site's base path for root-relative links in bodies ('/catalogue/' → '/xxgk/catalogue/'):
 * editors write site paths as the link check knows them, without base. astro.config.mjs puts the
 * resolved base in GONGKAI_BASE before any worker starts; unset (unit tests, checks) it is '/'.
 */
const siteBase = () => normaliseBase(process.env.GONGKAI_BASE);

/** rehype plugin: what editors' raw HTML may not do, and the shape pages need. */
function rehypeGongkai() {
  return (tree: HastRoot) => {
    const base = siteBase();
    // one h1 per page: the document title; a body that uses h1 has its headings moved down one level
    const shift = hasH1(tree) ? 1 : 0;
    // a plain recursive walk: unist-util-visit's generic matching cost more than the rest of this plugin
    const walk = (parent: HastRoot | Element) => {
      const children = parent.children;
      for (let i = 0; i < children.length; i++) {
        const node = children[i]!;
        if (node.type !== 'element') continue;
        const props = node.properties;
        let removed = false;
        for (const f of inspectElement(node)) {
          if (f.kind === 'element') removed = true;
          else if (f.kind === 'event') {
            for (const key in props) if (isEventProp(key)) delete props[key];
          } else if (f.kind === 'style') delete props.style;
          else delete props[f.attr];
        }
        if (removed) {
          children.splice(i--, 1);
          continue;
        }
        for (const key of ['href', 'src']) {
          const v = props[key];
          // attachments and images beside the Markdown are published under files/
          // (a link to another page, '../other-doc/', stays as written)
          if (typeof v === 'string' && isLocalTarget(v) && !isMarkdownLink(v) && !isPageLink(v))
            props[key] = `files/${v.replace(/^\.\//, '')}`;
          else if (base !== '/' && typeof v === 'string' && v.startsWith('/') && !v.startsWith('//'))
            props[key] = base + v.slice(1);
        }
        const tag = node.tagName;
        if (shift && tag.length === 2 && tag[0] === 'h' && tag[1]! >= '1' && tag[1]! <= '6')
          node.tagName = `h${Math.min(6, Number(tag[1]) + shift)}`;
        if (tag === 'th' && parent.type === 'element' && parent.tagName === 'tr') props.scope ??= 'col';
        if (tag === 'table') {
          // wide tables scroll inside a focusable, labelled region instead of the page
          children[i] = {
            type: 'element',
            tagName: 'div',
            properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: '表格（可左右滚动）' },
            children: [node],
          };
        }
        walk(node);
      }
    };
    walk(tree);
  };
}

function hasH1(parent: HastRoot | Element): boolean {
  for (const node of parent.children) {
    if (node.type === 'element' && (node.tagName === 'h1' || hasH1(node))) return true;
  }
  return false;
}

// Re-parsing raw HTML (rehype-raw) doubles the cost of a body, so only bodies with '<' pay it.
const withRawHtml = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeGongkai)
  .use(rehypeStringify);
const plain = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeGongkai).use(rehypeStringify);

const toHastRaw = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw);
const toHastPlain = unified().use(remarkParse).use(remarkGfm).use(remarkRehype);

/** The hast tree of a body as the renderer sees it before our plugin (raw HTML parsed, entities decoded). */
function toHast(body: string): HastRoot {
  const p = body.includes('<') ? toHastRaw : toHastPlain;
  return p.runSync(p.parse(body)) as HastRoot;
}

/** HTML of a Markdown body (no plugin is asynchronous, so this runs synchronously). */
export function renderMarkdownSync(body: string): string {
  return String((body.includes('<') ? withRawHtml : plain).processSync(body));
}

export async function renderMarkdown(body: string): Promise<string> {
  return renderMarkdownSync(body);
}

/** Reads one document and renders its body (the file was checked by loadSite). */
export async function renderBody(contentDir: string, file: string): Promise<string> {
  const source = readFileSync(path.join(contentDir, file), 'utf8');
  return renderMarkdown(splitFrontmatter(source).body);
}
