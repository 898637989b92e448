// What an editor's body does to readers of assistive technology, found while scanBody
// (src/lib/markdown.ts) walks the body's one hast tree: images without a text alternative,
// links without a name or with one that says nothing ("点击这里"), tables without header cells,
// and headings that skip a level. Only the defects are kept (a document is held 100,000 times).
// The checks that turn them into diagnostics: src/lib/checks/content-accessibility.ts; the rules
// and their levels: docs/decisions.md §18.
import type { Element, ElementContent } from 'hast';

export type AccessibilityFinding =
  /** An image without a text alternative: Markdown `![](x.png)`, or `<img>` without `alt`. */
  | { kind: 'image-alt'; line: number; src: string; html: boolean }
  /** A link nothing names: no text, or only images without alt (`[![](a.png)](b.pdf)`). */
  | { kind: 'link-name'; line: number; href: string; image: boolean; html: boolean }
  /** A link whose text says nothing of its target: 点击这里, 详见附件, here … */
  | { kind: 'link-text'; line: number; href: string; text: string }
  /** A table without header cells: a Markdown table whose first row is empty, `<table>` without `<th>`. */
  | { kind: 'table-header'; line: number; html: boolean }
  /**
   * A heading more than one level below the one before it (the page title, an h1, before the first).
   * Levels are as the page shows them (a body using `#` is moved down one level); `mark` is as written.
   */
  | {
      kind: 'heading-skip';
      line: number;
      text: string;
      mark: string;
      level: number;
      prev?: HeadingRef;
      expected: string;
    };

export interface HeadingRef {
  text: string;
  mark: string;
  level: number;
}

/** Whitespace as editors paste it: ideographic and no-break spaces included. */
const SPACE = /[\s\u3000\u00a0]+/g;
const trimAll = (s: string) => s.replace(SPACE, ' ').trim();

/** Text of a subtree as a reader hears it: text, and images by their alt. */
export function accessibleText(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  const label = node.properties.ariaLabel;
  if (typeof label === 'string' && label.trim()) return label;
  if (node.tagName === 'img') return typeof node.properties.alt === 'string' ? node.properties.alt : '';
  let out = '';
  for (const c of node.children) out += accessibleText(c);
  return out;
}

const hasImage = (node: Element): boolean =>
  node.children.some((c) => c.type === 'element' && (c.tagName === 'img' || hasImage(c)));

/**
 * Link texts that say nothing of the target, after NFKC, lower case, spaces and punctuation removed:
 * any run of "请 / 点击 / 这里 / 查看 / 详情" words (点击这里, 点此下载, 详见这里, 详见附件, 查看全文, 更多, 链接,
 * 下载, 附件 …) and the English ones (here, click here, read more, more, link, download …).
 */
const VAGUE_ZH =
  /^(?:请)?(?:点击|单击|点)?(?:这里|此处|这儿|此)?(?:查看|下载|阅读|浏览|进入|了解|详见|见)?(?:这里|此处)?(?:详情|全文|原文|更多|附件|链接|本链接|此链接|网址|更多信息|更多内容|更多详情)?$/u;
const VAGUE_EN =
  /^(?:click|tap)?(?:here|this|thislink|thispage|more|readmore|learnmore|moreinfo|moreinformation|details|link|download|continue|continuereading)?$/;

/** The form link texts are compared in: NFKC, lower case, no spaces, no punctuation or symbols. */
export function linkTextKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Whether a link text names nothing (see VAGUE_ZH); an empty text is a missing name, not this. */
export function isVagueLinkText(text: string): boolean {
  const key = linkTextKey(text);
  return key !== '' && (VAGUE_ZH.test(key) || VAGUE_EN.test(key));
}

const HEADING = /^h[1-6]$/;

/** A URL as the editor wrote it (Markdown's URLs reach the tree percent-encoded). */
function decoded(url: unknown): string {
  const s = typeof url === 'string' ? url : '';
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** Collects findings while scanBody walks the tree; `done()` adds the heading findings. */
export class AccessibilityScan {
  readonly findings: AccessibilityFinding[] = [];
  private headings: (HeadingRef & { line: number; html: boolean })[] = [];
  private readonly body: string;
  constructor(body: string) {
    this.body = body;
  }

  /** Whether an element comes from raw HTML (else from Markdown): the source at its start. */
  private isHtml(node: Element): boolean {
    const offset = node.position?.start.offset;
    return offset !== undefined && this.body.charCodeAt(offset) === 60; // '<'
  }

  /**
   * One element of the walk. Returns true when images below it are not to be reported on their
   * own (a link they alone would name: the link's finding says it).
   */
  element(node: Element, line: number, quietImages: boolean): boolean {
    const tag = node.tagName;
    const props = node.properties;
    if (tag === 'img') {
      if (quietImages) return false;
      const alt = props.alt;
      const role = typeof props.role === 'string' ? props.role : '';
      const named = typeof props.ariaLabel === 'string' && props.ariaLabel.trim() !== '';
      const html = this.isHtml(node);
      // in raw HTML alt="" says "decorative" on purpose; Markdown has no way to say it, so ![] is a missing alt
      const missing = html ? alt === undefined || alt === null : typeof alt !== 'string' || !trimAll(alt);
      if (missing && !named && !/^(?:presentation|none)$/.test(role)) {
        this.findings.push({ kind: 'image-alt', line, src: decoded(props.src), html });
      }
    } else if (tag === 'a' && typeof props.href === 'string') {
      const text = trimAll(accessibleText(node));
      if (!text) {
        const image = hasImage(node);
        this.findings.push({ kind: 'link-name', line, href: decoded(props.href), image, html: this.isHtml(node) });
        return image;
      }
      if (isVagueLinkText(text)) this.findings.push({ kind: 'link-text', line, href: decoded(props.href), text });
    } else if (tag === 'table') {
      const role = typeof props.role === 'string' ? props.role : '';
      if (!/^(?:presentation|none)$/.test(role) && !hasHeaderText(node))
        this.findings.push({ kind: 'table-header', line, html: this.isHtml(node) });
    } else if (HEADING.test(tag)) {
      const html = this.isHtml(node);
      const level = Number(tag[1]);
      const text = trimAll(accessibleText(node));
      this.headings.push({ level, line, html, text, mark: html ? `<${tag}>` : '#'.repeat(level) });
    }
    return quietImages;
  }

  /** The findings, heading skips included (the page renders a body that uses h1 one level down). */
  done(): AccessibilityFinding[] {
    const shift = this.headings.some((h) => h.level === 1) ? 1 : 0;
    let prev: (HeadingRef & { html: boolean }) | undefined;
    let prevLevel = 1; // the page title
    for (const h of this.headings) {
      const level = Math.min(6, h.level + shift);
      if (level > prevLevel + 1) {
        const want = prevLevel + 1 - shift; // the level to write, as written
        this.findings.push({
          kind: 'heading-skip',
          line: h.line,
          text: h.text,
          mark: h.mark,
          level,
          prev: prev && { text: prev.text, mark: prev.mark, level: prevLevel },
          expected: h.html ? `<h${want}>` : '#'.repeat(want),
        });
      }
      prev = h;
      prevLevel = level;
    }
    this.headings = [];
    return this.findings;
  }
}

/** Whether some header cell of a table (nested tables aside) has text. */
function hasHeaderText(table: Element): boolean {
  const walk = (n: Element): boolean =>
    n.children.some(
      (c) =>
        c.type === 'element' &&
        c.tagName !== 'table' &&
        (c.tagName === 'th' ? trimAll(accessibleText(c)) !== '' : walk(c)),
    );
  return walk(table);
}

// --- the line scan: whether a body scanBody would not parse can have a finding at all ---

/** An ATX heading, inside block quotes and list items too. */
const ATX = /^(?: {0,3}(?:>|[-*+] |\d{1,9}[.)] ))* {0,3}(#{1,6})(?:[ \t]|$)/;
/** What might be an ATX heading written some other way (indented, a tab, no space after a list marker). */
const ATX_LOOSE = /^[ \t>*+\-\d.)]*#{1,6}(?:[ \t]|$)/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const FENCE = /^[ \t>*+\-\d.)]*(?:```|~~~)/;
const DELIMITER_ROW = /^[ \t>*+\-\d.)]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A header cell of `&nbsp;` is empty: entities count as no letter (nor does a \ escape's letter). */
const unentity = (line: string) => line.replace(/&#?\w+;?|\\./g, '');

/**
 * Whether a body without links, images or raw HTML (which scanBody does not parse) may have a
 * heading that skips a level or a table with an empty first row. Line-based and cheap, and
 * conservative: true whenever a line could be read more than one way (a code fence, an indented
 * or setext heading); the parse then decides. Bodies with one-step headings and filled header
 * rows — nearly all — cost no parse.
 */
export function mayHaveStructureFindings(body: string): boolean {
  if (!body.includes('#') && !body.includes('|') && !body.includes('=') && !body.includes('-')) return false;
  const lines = body.split('\n');
  const levels: number[] = [];
  let prevBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const blank = line.trim() === '';
    if (!blank) {
      if (FENCE.test(line)) return true;
      const m = ATX.exec(line);
      if (m) {
        if (line.includes('|')) return true;
        levels.push(m[1]!.length);
      } else if (ATX_LOOSE.test(line)) return true;
      else if (!prevBlank && SETEXT.test(line)) return true;
      else if (
        line.includes('|') &&
        DELIMITER_ROW.test(line) &&
        i > 0 &&
        !LETTER_OR_DIGIT.test(unentity(lines[i - 1]!))
      )
        return true;
    }
    prevBlank = blank;
  }
  const shift = levels.includes(1) ? 1 : 0;
  let prev = 1;
  for (const l of levels) {
    const level = Math.min(6, l + shift);
    if (level > prev + 1) return true;
    prev = level;
  }
  return false;
}
