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
import { visit } from 'unist-util-visit';
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { diag } from './diagnostics.ts';
import type { Diagnostic } from './types.ts';

/** Splits a Markdown file into its frontmatter text and body; `bodyLine` is the body's first line (1-based). */
export function splitFrontmatter(source: string): { matter: string; body: string; bodyLine: number; hasFrontmatter: boolean } {
  // gray-matter only splits here: values are parsed by the `yaml` package (decisions.md §7)
  const f = matter(source, { engines: { yaml: () => ({}) } });
  const hasFrontmatter = source.startsWith('---');
  const prefix = source.length - f.content.length;
  const bodyLine = source.slice(0, prefix).split('\n').length;
  return { matter: f.matter, body: f.content, bodyLine, hasFrontmatter };
}

const FORBIDDEN_ELEMENTS = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'base', 'meta', 'link', 'style'];
const FORBIDDEN_TAG = new RegExp(`<\\s*(${FORBIDDEN_ELEMENTS.join('|')})\\b`, 'i');
const EVENT_ATTR = /\s(on[a-z]+)\s*=/i;
const JS_URL = /^\s*(?:javascript|vbscript|data:text\/html)/i;
const JS_URL_IN_HTML = /(?:href|src|action|formaction)\s*=\s*["']?\s*(?:javascript|vbscript):/i;
const STYLE_ATTR = /\sstyle\s*=/i;

/** A local file a body links to (an image or a download beside the Markdown). */
export function isLocalTarget(url: string): boolean {
  return !!url && !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\/)/i.test(url) && !url.startsWith('?');
}

export interface BodyScan {
  diagnostics: Diagnostic[];
  /** Local files linked from the body, relative to the Markdown file, decoded. */
  localLinks: { target: string; line: number }[];
}

/**
 * Finds raw HTML that could run code (errors), `style=` (warning: removed), and local links.
 * Cheap on plain Markdown: the parser only runs when the body has '<' or a link.
 */
export function scanBody(body: string, file: string, bodyLine: number): BodyScan {
  const diagnostics: Diagnostic[] = [];
  const localLinks: BodyScan['localLinks'] = [];
  if (!/[<[]|javascript:/i.test(body)) return { diagnostics, localLinks };
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as MdastRoot;
  const lineOf = (n: { position?: { start: { line: number } } }) => (n.position ? n.position.start.line + bodyLine - 1 : undefined);
  visit(tree, (node) => {
    if (node.type === 'html') {
      const html = node.value;
      const line = lineOf(node);
      const tag = FORBIDDEN_TAG.exec(html);
      if (tag) {
        diagnostics.push(
          diag('error', 'raw-html-element', file, `正文含有不允许的 HTML 元素 <${tag[1]!.toLowerCase()}>，它可能运行代码或嵌入外部页面。`, {
            line,
            field: 'body',
            fix: '删除这段 HTML；如需展示外部内容，请改为普通链接或附件。',
          }),
        );
      }
      const ev = EVENT_ATTR.exec(html);
      if (ev) {
        diagnostics.push(
          diag('error', 'raw-html-event', file, `正文的 HTML 含有事件属性 ${ev[1]}=，它会运行脚本。`, { line, field: 'body', fix: `删除 ${ev[1]}= 属性。` }),
        );
      }
      if (JS_URL_IN_HTML.test(html)) {
        diagnostics.push(diag('error', 'javascript-url', file, '正文的 HTML 含有 javascript: 链接，它会运行脚本。', { line, field: 'body', fix: '改为普通网址或删除该链接。' }));
      }
      if (STYLE_ATTR.test(html)) {
        diagnostics.push(
          diag('warning', 'raw-html-style', file, '正文的 HTML 含有 style= 属性，网站安全策略不允许内联样式，发布时已将其删除。', {
            line,
            field: 'body',
            fix: '删除 style= 属性；需要的格式请用 Markdown 表达（标题、加粗、列表、表格）。',
          }),
        );
      }
      for (const m of html.matchAll(/(?:href|src)\s*=\s*["']([^"']+)["']/gi)) {
        if (isLocalTarget(m[1]!)) localLinks.push({ target: safeDecode(m[1]!), line: line ?? bodyLine });
      }
    } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const url = (node as { url: string }).url;
      if (JS_URL.test(url)) {
        diagnostics.push(diag('error', 'javascript-url', file, `正文含有 ${url.split(':')[0]}: 链接，它会运行脚本。`, { line: lineOf(node), field: 'body', fix: '改为普通网址或删除该链接。' }));
      } else if (isLocalTarget(url) && !/\.md$/i.test(url.split(/[?#]/)[0]!)) {
        localLinks.push({ target: safeDecode(url.split(/[?#]/)[0]!), line: lineOf(node) ?? bodyLine });
      }
    }
  });
  return { diagnostics, localLinks };
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

/** rehype plugin: what editors' raw HTML may not do, and the shape pages need. */
function rehypeGongkai() {
  return (tree: HastRoot) => {
    // one h1 per page: the document title; a body that uses h1 has its headings moved down one level
    const shift = hasH1(tree) ? 1 : 0;
    // a plain recursive walk: unist-util-visit's generic matching cost more than the rest of this plugin
    const walk = (parent: HastRoot | Element) => {
      const children = parent.children;
      for (let i = 0; i < children.length; i++) {
        const node = children[i]!;
        if (node.type !== 'element') continue;
        if (FORBIDDEN_ELEMENTS.includes(node.tagName)) {
          children.splice(i--, 1);
          continue;
        }
        const props = node.properties;
        for (const key in props) {
          if (key === 'style' || (key.length > 2 && (key[0] === 'o' || key[0] === 'O') && (key[1] === 'n' || key[1] === 'N'))) delete props[key];
        }
        for (const key of URL_PROPS) {
          const v = props[key];
          if (typeof v === 'string') {
            if (JS_URL.test(v)) delete props[key];
            // attachments and images beside the Markdown are published under files/
            else if (isLocalTarget(v) && !/\.md$/i.test(v)) props[key] = `files/${v.replace(/^\.\//, '')}`;
          }
        }
        const tag = node.tagName;
        if (shift && tag.length === 2 && tag[0] === 'h' && tag[1]! >= '1' && tag[1]! <= '6') node.tagName = `h${Math.min(6, Number(tag[1]) + shift)}`;
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

const URL_PROPS = ['href', 'src', 'action', 'formAction'];

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
