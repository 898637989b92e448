// `gongkai import-doc`: a Word document (.docx) → a document of the column. mammoth turns the .docx
// into HTML; a unified pipeline (rehype-parse → rehype-remark → remark-gfm → remark-stringify) turns
// that into Markdown, keeping tables as GFM tables, footnotes as GFM footnotes and images as files
// beside the Markdown. The frontmatter is drafted from what a 公文 shows (GB/T 9704, docs/domain.md
// §7–§9): the 版头 "…文件", the 文号 line, the title lines at the top, the 发文机关署名 and the
// 成文日期 at the end; the 体裁 from the title's last word. What cannot be found is left empty with a
// "待补充" comment and listed; what the conversion drops or changes (comments, text boxes, equations,
// merged cells, images browsers cannot show …) is listed too. Plain TypeScript: no file is written here.
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { FootnoteDefinition, FootnoteReference, Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import mammoth from 'mammoth';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { FIELD_NAMES } from '../diagnostics.ts';
import {
  PLACEHOLDER,
  bodyByIdOrName,
  bodyNamed,
  bodyPrefixOf,
  dateLine,
  findDocNo,
  labelKey,
  quoted,
  safeFileStem,
  type ImportNote,
  type KnownBody,
} from './text.ts';
import { readZip } from './zip.ts';

export interface DocImportOptions {
  /** The .docx file's name: the Markdown file is named after it. */
  fileName: string;
  /** bodies.yaml: the 发文机关 is matched against these names. */
  bodies: KnownBody[];
  /** The column's 体裁 (built in and genres.yaml), with their other names. */
  genres: { name: string; aliases: string[] }[];
  /** `--publisher`: a body's id or full name; overrides what the text shows. */
  publisher?: string;
}

/** An image of the document, to be written beside the Markdown under `name`. */
export interface ImportedImage {
  name: string;
  bytes: Uint8Array;
  contentType: string;
  alt?: string;
}

/** What the frontmatter was drafted from; undefined where nothing was found. */
export interface DocFields {
  title?: string;
  publisher?: string;
  publisherId?: string;
  genre?: string;
  doc_no?: string;
  written?: string;
}

export interface DocImport {
  /** The whole Markdown file: frontmatter and body. */
  markdown: string;
  body: string;
  fields: DocFields;
  /** Required fields left empty with a “待补充” comment, in frontmatter order. */
  placeholders: string[];
  images: ImportedImage[];
  notes: ImportNote[];
  /** A file name for the document (no extension), from the .docx's name. */
  stem: string;
  /** How many tables the body holds. */
  tables: number;
}

/** Image types every browser shows and the column publishes. */
const WEB_IMAGES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** Marks a centred or right-aligned paragraph (title lines; 署名 and date) for the heuristics below. */
const ALIGN_STYLE = { center: '__gongkai_center', right: '__gongkai_right' } as const;
const STYLE_MAP = [
  `p[style-name='${ALIGN_STYLE.center}'] => p.gk-center:fresh`,
  `p[style-name='${ALIGN_STYLE.right}'] => p.gk-right:fresh`,
];

/** mammoth's document transforms (not in its type declarations). */
const { transforms } = mammoth as unknown as {
  transforms: { paragraph(f: (p: MammothParagraph) => MammothParagraph): (element: unknown) => unknown };
};

interface MammothParagraph {
  type: string;
  styleName?: string | null;
  alignment?: string | null;
  children?: MammothParagraph[];
}

function markAlignment(element: MammothParagraph): MammothParagraph {
  const style = element.styleName ?? '';
  if (/^(heading|title|标题)/i.test(style)) return element;
  if (element.alignment === 'center') return { ...element, styleName: ALIGN_STYLE.center };
  if (element.alignment === 'right') return { ...element, styleName: ALIGN_STYLE.right };
  return element;
}

/** What is in the .docx that mammoth drops or moves, counted in its XML parts. */
function inspectDocx(bytes: Uint8Array): ImportNote[] {
  let entries: Map<string, () => Buffer>;
  try {
    entries = readZip(bytes);
  } catch {
    return [];
  }
  const xml = (name: string) => entries.get(name)?.().toString('utf8') ?? '';
  const main = xml('word/document.xml');
  const count = (re: RegExp, text = main) => text.match(re)?.length ?? 0;
  const notes: ImportNote[] = [];
  const unmapped = (message: string) => notes.push({ kind: 'unmapped', message });
  const comments = count(/<w:commentReference\b/g);
  if (comments) unmapped(`文中有 ${comments} 条批注，未导入。请在原文件中查看批注，需要公开的内容写入正文。`);
  const boxes = count(/<w:txbxContent\b/g);
  // DrawingML and its VML fallback hold the same text box: count the fallback's once
  const boxCount = main.includes('<mc:AlternateContent') ? Math.ceil(boxes / 2) : boxes;
  if (boxes)
    unmapped(
      `文中有 ${boxCount} 个文本框：其中的文字已放在所在段落之后，版式（位置、边框）未保留，请核对位置是否合适。`,
    );
  const equations = count(/<m:oMath\b/g);
  if (equations) unmapped(`文中有 ${equations} 个公式，未导入。请改写为文字，或截图后作为图片插入。`);
  const charts = count(/<c:chart\b/g);
  if (charts) unmapped(`文中有 ${charts} 个图表，未导入。请另存为图片（PNG）后放在文件旁，并在正文中插入。`);
  const objects = count(/<o:OLEObject\b/g);
  if (objects) unmapped(`文中有 ${objects} 个嵌入对象（如 Excel 表格），只导入了它的预览图或未导入，请核对。`);
  const deletions = count(/<w:del\b/g);
  const insertions = count(/<w:ins\b/g);
  if (deletions || insertions)
    unmapped(
      `文中有未处理的修订（插入 ${insertions} 处、删除 ${deletions} 处）：已按“接受全部修订”导入，请确认这是要公开的最终文本。`,
    );
  const headers = [...entries.keys()].filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n));
  const headerText = headers.some((n) => /<w:t[ >][^<]*[^\s<]/.test(xml(n)));
  if (headerText) unmapped('页眉、页脚中的文字未导入（页码、版记通常不需要公开）；如有需要公开的内容，请写入正文。');
  return notes;
}

/** mammoth's own warnings, in Chinese; style names are not worth a word (headings are read from the text). */
function mammothNote(message: string): ImportNote | undefined {
  if (/^Unrecognised (paragraph|run|table) style/i.test(message)) return undefined;
  if (/style with ID .* was referenced but not defined/i.test(message)) return undefined;
  // images are reported by the converter below, in Chinese
  if (/^Image of type .* is unlikely to display/i.test(message)) return undefined;
  if (/^An unrecognised element was ignored: (.+)$/i.test(message))
    return {
      kind: 'unmapped',
      message: `文中有 Word 元素“${/ignored: (.+)$/.exec(message)![1]}”无法转换，已略去；请对照原文件核对。`,
    };
  return { kind: 'unmapped', message: `转换提示（mammoth）：${message}` };
}

// ---------------------------------------------------------------------------------------------
// hast helpers
// ---------------------------------------------------------------------------------------------

const isElement = (n: RootContent | ElementContent | undefined): n is Element => n?.type === 'element';

function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (node.tagName === 'br') return '\n';
  return node.children.map(textOf).join('');
}

const classesOf = (el: Element): string[] => {
  const c = el.properties.className;
  return Array.isArray(c) ? c.map(String) : [];
};

/** A paragraph whose visible text is all bold (a title or heading typed as bold text). */
function allStrong(el: Element): boolean {
  const parts = el.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  return parts.length > 0 && parts.every((c) => isElement(c) && (c.tagName === 'strong' || c.tagName === 'b'));
}

const hasImage = (el: Element): boolean =>
  el.children.some((c) => isElement(c) && (c.tagName === 'img' || hasImage(c)));

const CJK = '\\u3400-\\u9fff\\u3000-\\u303f\\uff00-\\uffef';
/** Spaces a centred title is padded with ('关 于 …', '通\u3000知') go; spaces between Latin words stay. */
const tidyTitle = (text: string) =>
  text
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .replace(new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'g'), '')
    .replace(new RegExp(`(?<=[${CJK}]) | (?=[${CJK}])`, 'g'), '');

/** Leading and trailing whitespace of a block (the two full-width spaces of a Chinese first line) go. */
function trimBlock(el: Element): void {
  const first = el.children[0];
  if (first?.type === 'text') first.value = first.value.replace(/^[\s\u3000]+/, '');
  else if (isElement(first)) trimBlock(first);
  const last = el.children[el.children.length - 1];
  if (last?.type === 'text') last.value = last.value.replace(/[\s\u3000]+$/, '');
  else if (isElement(last) && last.tagName !== 'img') trimBlock(last);
}

const SECTION_HEAD = /^[一二三四五六七八九十]+、/;
const SUB_HEAD = /^（[一二三四五六七八九十]+）/;
const SENTENCE_END = /[。；;！!？?]/;

/** 一、 and （一） paragraphs that are headings (short, not a sentence) become h2 and h3, as in the column's documents. */
function headingLevel(text: string): 2 | 3 | undefined {
  const t = text.trim();
  if (t.length > 40 || SENTENCE_END.test(t) || /[：:，,]$/.test(t)) return undefined;
  if (SECTION_HEAD.test(t)) return 2;
  if (SUB_HEAD.test(labelKey(t))) return 3;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Frontmatter from the text
// ---------------------------------------------------------------------------------------------

interface Block {
  el: Element;
  text: string;
  centred: boolean;
  right: boolean;
  heading: boolean;
  strong: boolean;
}

/** The genre a title ends with (its last word; a trailing （试行） aside); `年度报告` is 年报. */
function genreOfTitle(title: string, genres: DocImportOptions['genres']): { genre?: string; lastWord?: string } {
  const t = labelKey(title).replace(/（(试行|暂行|修订|修正|草案|征求意见稿|送审稿)）$/, '');
  if (/年度报告$/.test(t) && genres.some((g) => g.name === '年报')) return { genre: '年报' };
  const names = genres
    .flatMap((g) => [g.name, ...g.aliases].filter((n) => !/[（(]/.test(n)).map((n) => ({ n, g: g.name })))
    .filter((x) => x.n.length >= 1)
    .sort((a, b) => b.n.length - a.n.length);
  for (const { n, g } of names) {
    // one-character names (函, 令) only after 的: '…的函'
    if (n.length === 1 ? t.endsWith(`的${n}`) : t.endsWith(n)) return { genre: g };
  }
  const last = /(办法|规定|细则|规则|方案|规划|计划|要点|制度|须知|清单|目录|名单|公示|说明|解读)$/.exec(t)?.[1];
  return { lastWord: last };
}

const TITLE_HINT = /关于|通知$|公告$|通告$|意见$|决定$|办法$|方案$|规定$|通报$|报告$|批复$|函$|纪要$|公示$|细则$/;

/** A block that may be (part of) the title: short, not a sentence, and set apart by its form or its words. */
function titleLike(b: Block): boolean {
  if (!b.text || b.text.length > 80 || hasImage(b.el) || b.el.tagName === 'table') return false;
  if (/[。；：:，,]$/.test(b.text)) return false;
  return b.centred || b.heading || b.strong || TITLE_HINT.test(labelKey(b.text));
}

interface Head {
  title?: string;
  titleBlocks: Block[];
  banner?: string;
  docNo?: { written: string; normalised: string; block: Block };
}

/** The 版头, 文号 and title among the first blocks. */
function readHead(blocks: Block[], genres: DocImportOptions['genres']): Head {
  const head: Head = { titleBlocks: [] };
  const top = blocks.slice(0, 10);
  for (const b of top.slice(0, 3)) {
    const m = /^(.{2,40}?)文件$/.exec(b.text.replace(/\s+/g, ''));
    if (m && !head.banner) head.banner = m[1];
  }
  for (const b of top) {
    if (b.text.length > 60) continue;
    const found = findDocNo(b.text);
    if (found) {
      head.docNo = { ...found, block: b };
      break;
    }
  }
  const start = top.findIndex(
    (b) => titleLike(b) && b !== head.docNo?.block && !(head.banner && b.text.replace(/\s+/g, '').endsWith('文件')),
  );
  if (start < 0) return head;
  const first = top[start]!;
  const lines = [first];
  const done = () => {
    const t = tidyTitle(lines.map((l) => l.text).join(''));
    return !!genreOfTitle(t, genres).genre;
  };
  for (let i = start + 1; i < top.length && lines.length < 4 && !done(); i++) {
    const b = top[i]!;
    const sameForm = (first.centred && b.centred) || (first.heading && b.heading) || (first.strong && b.strong);
    const plain = !first.centred && !first.heading && !first.strong;
    if (!titleLike(b) || b === head.docNo?.block || !(sameForm || (plain && b.text.length <= 40))) break;
    lines.push(b);
  }
  // a plain first line that never reached a genre word is a heading or a sentence, not the title
  if (lines.length > 1 && !done() && !first.centred && !first.heading && !first.strong) lines.splice(1);
  head.titleBlocks = lines;
  head.title = tidyTitle(lines.map((l) => l.text).join(''));
  return head;
}

interface Tail {
  written?: string;
  signature?: string;
}

/** The 成文日期 and the 发文机关署名 above (or beside) it among the last blocks. */
function readTail(blocks: Block[]): Tail {
  const tail = blocks.slice(-8);
  for (let i = tail.length - 1; i >= 0; i--) {
    const b = tail[i]!;
    const lines = b.text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const dateAt = lines.findIndex((l) => dateLine(l));
    if (dateAt < 0) continue;
    const written = dateLine(lines[dateAt]!)!;
    const candidates = [...lines.slice(0, dateAt).reverse(), ...(dateAt === 0 ? [tail[i - 1]?.text ?? ''] : [])];
    const signature = candidates
      .map((l) => l.trim())
      .find((l) => l && l.length <= 40 && !SENTENCE_END.test(l) && !/[：:，,]$/.test(l) && !/^附件/.test(l));
    return { written, signature: signature?.split('\n').pop()?.trim() };
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

const FOOTNOTE_REF = /^#(footnote|endnote)-(\d+)$/;
const FOOTNOTE_ID = /^(footnote|endnote)-(\d+)$/;
const noteLabel = (kind: string, n: string) => (kind === 'endnote' ? `尾注${n}` : n);

const toMarkdown = unified()
  .use(rehypeRemark, {
    handlers: {
      sup(state, el) {
        const a = el.children.find(isElement);
        const m = a && a.tagName === 'a' ? FOOTNOTE_REF.exec(String(a.properties.href ?? '')) : null;
        if (!m) return state.all(el);
        const label = noteLabel(m[1]!, m[2]!);
        const ref: FootnoteReference = { type: 'footnoteReference', identifier: label, label };
        return ref;
      },
      ol(state, el, parent) {
        const items = el.children.filter(isElement);
        const ids = items.map((li) => FOOTNOTE_ID.exec(String(li.properties.id ?? '')));
        if (!items.length || ids.some((m) => !m)) return state.handlers.ol!(state, el, parent);
        return items.map((li, i) => {
          const label = noteLabel(ids[i]![1]!, ids[i]![2]!);
          const children = state.toFlow(state.all(li)) as FootnoteDefinition['children'];
          const def: FootnoteDefinition = { type: 'footnoteDefinition', identifier: label, label, children };
          return def;
        });
      },
    },
  })
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    fences: true,
    listItemIndent: 'one',
  });

/** Tables: the first row is the header (Markdown tables have one); merged cells are counted. */
function prepareTable(table: Element): { merged: number } {
  let merged = 0;
  const rows: Element[] = [];
  const collect = (el: Element) => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.tagName === 'tr') rows.push(c);
      else if (c.tagName !== 'table') collect(c);
    }
  };
  collect(table);
  rows.forEach((tr, r) => {
    for (const cell of tr.children) {
      if (!isElement(cell)) continue;
      if (Number(cell.properties.colSpan ?? 1) > 1 || Number(cell.properties.rowSpan ?? 1) > 1) merged++;
      if (r === 0 && cell.tagName === 'td') cell.tagName = 'th';
    }
  });
  return { merged };
}

/** Removes footnotes' back-links ('↑') so that only their text is carried over. */
function dropBackLinks(el: Element): void {
  el.children = el.children.filter(
    (c) => !(isElement(c) && c.tagName === 'a' && /^#(footnote|endnote)-ref-/.test(String(c.properties.href ?? ''))),
  );
  for (const c of el.children) if (isElement(c)) dropBackLinks(c);
}

// ---------------------------------------------------------------------------------------------
// The import
// ---------------------------------------------------------------------------------------------

/** Converts one .docx; nothing is written (the command writes `markdown` and `images`). */
export async function importDoc(bytes: Uint8Array, options: DocImportOptions): Promise<DocImport> {
  const notes: ImportNote[] = [];
  const images: ImportedImage[] = [];
  let imageNo = 0;
  const converted = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    {
      styleMap: STYLE_MAP,
      ignoreEmptyParagraphs: true,
      transformDocument: transforms.paragraph(markAlignment),
      convertImage: mammoth.images.imgElement(async (image) => {
        imageNo++;
        const ext = WEB_IMAGES[image.contentType];
        const alt = (image as { altText?: string }).altText?.trim();
        if (!ext) {
          notes.push({
            kind: 'unmapped',
            message: `第 ${imageNo} 张图片是 ${image.contentType || '未知'} 格式，网页无法显示，未导入。请在 Word/WPS 中另存为 PNG，放在文件旁并在正文中插入 ![说明](文件名.png)。`,
          });
          return { src: `unsupported:${imageNo}` };
        }
        const name = `图${imageNo}.${ext}`;
        images.push({ name, bytes: await image.readAsBuffer(), contentType: image.contentType, alt });
        if (!alt)
          notes.push({
            kind: 'unmapped',
            message: `图片 ${name} 没有替代文字（Word 中的“可选文字”），已留空：请在正文的 ![](${name}) 中写上图片内容的说明，供读屏软件朗读。`,
          });
        return { src: name };
      }),
    },
  );
  for (const m of converted.messages) {
    const note = mammothNote(m.message);
    if (note && !notes.some((n) => n.message === note.message)) notes.push(note);
  }
  notes.push(...inspectDocx(bytes));

  const tree = unified().use(rehypeParse, { fragment: true }).parse(converted.value) as HastRoot;
  // images of types browsers cannot show were listed above
  const dropUnsupported = (el: Element | HastRoot) => {
    el.children = el.children.filter(
      (c) => !(isElement(c) && c.tagName === 'img' && String(c.properties.src ?? '').startsWith('unsupported:')),
    ) as typeof el.children;
    for (const c of el.children) if (isElement(c)) dropUnsupported(c);
  };
  dropUnsupported(tree);

  const blocks: Block[] = tree.children.filter(isElement).map((el) => {
    const classes = classesOf(el);
    return {
      el,
      text: textOf(el).trim(),
      centred: classes.includes('gk-center'),
      right: classes.includes('gk-right'),
      heading: /^h[1-6]$/.test(el.tagName),
      strong: el.tagName === 'p' && allStrong(el),
    };
  });
  const isNotes = (b: Block) =>
    b.el.tagName === 'ol' && b.el.children.filter(isElement).every((li) => FOOTNOTE_ID.test(String(li.properties.id)));
  const text = blocks.filter((b) => (b.text || hasImage(b.el)) && !isNotes(b));
  const head = readHead(text, options.genres);
  const tail = readTail(text);

  // the fields
  const fields: DocFields = {};
  if (head.title) fields.title = head.title;
  if (head.docNo) {
    fields.doc_no = head.docNo.normalised;
    if (labelKey(head.docNo.written) !== labelKey(head.docNo.normalised))
      notes.push({
        kind: 'info',
        field: 'doc_no',
        message: `文号原文写作“${head.docNo.written.trim()}”，已按规范写成“${head.docNo.normalised}”（年份用六角括号〔〕，序号不加“第”和前导零）。`,
      });
  } else
    notes.push({
      kind: 'missing',
      field: 'doc_no',
      message:
        '没有找到文号（文件开头“示政办〔2021〕5号”这样的一行）：有文号的请填写 doc_no；没有文号的文件（如公示、解读）不填。',
    });
  if (tail.written) fields.written = tail.written;
  const publisher = pickPublisher(options, head, tail, fields.title, notes);
  if (publisher) {
    fields.publisher = publisher.name;
    fields.publisherId = publisher.id;
  }
  if (fields.title) {
    const { genre, lastWord } = genreOfTitle(fields.title, options.genres);
    if (genre) fields.genre = genre;
    else if (lastWord)
      notes.push({
        kind: 'missing',
        field: 'genre',
        message: `标题以“${lastWord}”结尾，“${lastWord}”不在体裁清单中：按印发它的公文种类填写（如 通知），或填 其他；也可以在 genres.yaml 中添加体裁。`,
      });
  }
  if (fields.doc_no && /规〔/.test(fields.doc_no))
    notes.push({
      kind: 'info',
      field: 'normative',
      message: `文号“${fields.doc_no}”中有“规”字，可能是行政规范性文件：如是，请填写 normative: 行政规范性文件 和 validity: 有效。`,
    });

  // the body: the head's blocks go (they are the frontmatter now), the rest becomes Markdown
  const removed = new Set<Element>(head.titleBlocks.map((b) => b.el));
  if (head.docNo && head.docNo.block.text.length <= 60) removed.add(head.docNo.block.el);
  const bannerBlock = text.slice(0, 3).find((b) => head.banner && b.text.replace(/\s+/g, '') === `${head.banner}文件`);
  if (bannerBlock) removed.add(bannerBlock.el);
  let tables = 0;
  let merged = 0;
  const attachmentLines: string[] = [];
  tree.children = tree.children.filter((c) => !(isElement(c) && removed.has(c)));
  for (const b of blocks) {
    if (removed.has(b.el)) continue;
    const el = b.el;
    delete el.properties.className;
    dropBackLinks(el);
    if (el.tagName === 'table') {
      tables++;
      merged += prepareTable(el).merged;
      continue;
    }
    trimBlock(el);
    if (el.tagName === 'p') {
      const level = headingLevel(b.text);
      if (level && !hasImage(el)) {
        el.tagName = `h${level}`;
        // bold inside a heading is the heading's own weight
        el.children = el.children.flatMap((c) =>
          isElement(c) && (c.tagName === 'strong' || c.tagName === 'b') ? c.children : [c],
        );
      }
      if (/^附件[：:]/.test(b.text)) attachmentLines.push(b.text.replace(/\s+/g, ' '));
    }
    // Word's Heading 1 is the title's level: the column's pages give the title h1
    if (el.tagName === 'h1') el.tagName = 'h2';
  }
  if (merged)
    notes.push({
      kind: 'unmapped',
      message: `表格中有 ${merged} 个合并单元格：Markdown 表格不能合并单元格，合并的格已拆开、只在第一格保留文字，请核对表格。`,
    });
  if (tables)
    notes.push({
      kind: 'info',
      message: `正文中有 ${tables} 个表格，已转为 Markdown 表格，第一行作为表头：请核对表头和各列是否对齐。`,
    });
  if (attachmentLines.length)
    notes.push({
      kind: 'unmapped',
      field: 'attachments',
      message: `正文提到附件（${attachmentLines.join('；')}）：附件文件不在 .docx 中，请把附件文件放在 Markdown 文件旁边，并在 attachments 中列出（file、title）。`,
    });
  const footnotes = blocks.filter(isNotes).reduce((n, b) => n + b.el.children.filter(isElement).length, 0);
  if (footnotes)
    notes.push({
      kind: 'info',
      message: `文中有 ${footnotes} 个脚注或尾注，已转为 Markdown 脚注（[^1]），显示在正文末尾，请核对。`,
    });

  const mdast = (await toMarkdown.run(tree)) as MdastRoot;
  const body = tidyMarkdown(String(toMarkdown.stringify(mdast as MdastNodes as MdastRoot)));
  const { frontmatter, placeholders } = writeFrontmatter(fields);
  for (const field of placeholders) {
    if (notes.some((n) => n.kind === 'missing' && n.field === field)) continue;
    notes.push({ kind: 'missing', field, message: MISSING_HELP[field] ?? '' });
  }
  // the missing fields first, in frontmatter order
  notes.sort((a, b) => rank(a) - rank(b));
  const stem = safeFileStem(options.fileName.replace(/\.docx$/i, ''));
  return { markdown: `---\n${frontmatter}---\n\n${body}`, body, fields, placeholders, images, notes, stem, tables };
}

const rank = (n: ImportNote) =>
  n.kind === 'missing' ? FIELD_ORDER.indexOf(n.field ?? '') : n.kind === 'unmapped' ? 100 : 200;

/** mdast-util-to-markdown escapes what needs no escaping in Chinese text; blank runs are collapsed. */
function tidyMarkdown(md: string): string {
  return md.replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** The 发布机构: `--publisher`, else the 署名, the 版头 or the title's first words matched against bodies.yaml. */
function pickPublisher(
  options: DocImportOptions,
  head: Head,
  tail: Tail,
  title: string | undefined,
  notes: ImportNote[],
): KnownBody | undefined {
  if (options.publisher) {
    const body = bodyByIdOrName(options.publisher, options.bodies);
    if (body) return body;
    notes.push({
      kind: 'missing',
      field: 'publisher',
      message: `--publisher “${options.publisher}”不在 bodies.yaml 中（写机构的 id 或全称）：请填写清单中的机构全称，或先在 bodies.yaml 中添加该机构。`,
    });
    return undefined;
  }
  const bySignature = tail.signature ? bodyNamed(tail.signature, options.bodies) : undefined;
  if (bySignature) return bySignature;
  const byBanner = head.banner ? bodyNamed(head.banner, options.bodies) : undefined;
  if (byBanner) return byBanner;
  const byTitle = title ? bodyPrefixOf(title, options.bodies) : undefined;
  if (byTitle) {
    notes.push({
      kind: 'info',
      field: 'publisher',
      message: `发布机构按标题开头认定为“${byTitle.name}”${tail.signature ? `（落款“${tail.signature}”不在 bodies.yaml 中）` : ''}，请核对。`,
    });
    return byTitle;
  }
  const written = tail.signature ?? head.banner;
  notes.push({
    kind: 'missing',
    field: 'publisher',
    message: written
      ? `发文机关“${written}”不在机构清单 bodies.yaml 中：请填写清单中的机构全称，或先在 bodies.yaml 中添加该机构（也可以用 --publisher 指定）。`
      : '没有找到发文机关署名：请填写 bodies.yaml 中的机构全称（也可以用 --publisher 指定）。',
  });
  return undefined;
}

const FIELD_ORDER = ['title', 'index_no', 'publisher', 'topic', 'genre', 'doc_no', 'written', 'published', 'section'];

/** What to write in a field left empty: its “待补充” comment and the note. */
const MISSING_HELP: Record<string, string> = {
  title: '没有找到标题（文件开头居中或加粗的“……关于……的通知”一行）：请填写文件的完整标题。',
  index_no: '索引号按 site.yaml 的索引号规则编写，在本栏目中唯一。',
  publisher: '请填写 bodies.yaml 中的机构全称。',
  topic: '主题分类写“大类\\小类”，例如 综合政务\\政务公开。',
  genre: '体裁写公文种类或其他体裁，例如 通知、公告、意见。',
  written: '没有找到成文日期（文末落款下的“2021年3月1日”一行）：请按 年-月-日 填写。',
  published: '发布日期是在本网站发布的日期，按 年-月-日 填写，例如 2021-03-05。',
  section: '所属栏目写栏目名称，例如 第二十条第（一）项、政府信息公开指南。',
};

/** The frontmatter: what was found, and each required field not found left empty with a “待补充” comment. */
function writeFrontmatter(fields: DocFields): { frontmatter: string; placeholders: string[] } {
  const placeholders: string[] = [];
  const lines: string[] = [];
  const put = (key: string, value: string | undefined, as: 'quoted' | 'auto' | 'date' = 'auto') => {
    if (value) {
      const plain = as === 'date' || (as === 'auto' && !needsQuotes(value));
      lines.push(`${key}: ${plain ? value : quoted(value)}`);
      return;
    }
    placeholders.push(key);
    lines.push(`${key}: "" # ${PLACEHOLDER}：${FIELD_NAMES[key] ?? key}。${MISSING_HELP[key] ?? ''}`);
  };
  put('title', fields.title);
  put('index_no', undefined);
  put('publisher', fields.publisher);
  put('topic', undefined);
  put('genre', fields.genre);
  if (fields.doc_no) put('doc_no', fields.doc_no, 'quoted');
  else lines.push(`# doc_no: "" # 没有找到文号；有文号的文件写 doc_no: "机关代字〔年份〕序号号"，没有的删除本行。`);
  put('written', fields.written, 'date');
  put('published', undefined);
  put('section', undefined);
  return { frontmatter: lines.join('\n') + '\n', placeholders };
}

/** A plain YAML scalar that would not read back as the same string. */
const needsQuotes = (v: string) => /^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|^\d|[\\]|\s$/.test(v);
