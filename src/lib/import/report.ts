// `gongkai import-report`: an annual report (政府信息公开工作年度报告) saved from another portal — the
// HTML page, or its text copied from a browser — becomes a report of the column: its Markdown (the
// narrative 一 … 六, the tables left out, as the column's reports are written: the page draws them from
// the data file) and its data file (the format's rows, as `npm run report:template` writes them).
//
// The page is read as a sequence of text lines and table rows: an HTML table is expanded into a grid
// (rowspan and colspan repeated for labels, counted once for numbers); a copied table is tab- or
// space-separated lines. Each row is mapped by its label, whatever its brackets, spaces, digit widths
// or numbering (src/lib/import/text.ts labelCore), to the format's row ids (src/lib/report/formats.ts),
// so a table split in two, merged header cells or a transposed table 4 map alike. The format (2019 or
// 2021) is told by the labels only one of them has. A “—” cell is read as 0, a blank cell stays blank
// (the data file's check reports it), and everything not mapped is listed. The 勾稽 sums
// (src/lib/report/sums.ts) run on the result, blank cells counted as 0.
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { ReportData, ReportValues, TableKey } from '../report/data.ts';
import { reportTemplate } from '../report/data.ts';
import { FORMATS, TABLE3_COLUMNS, TABLE4_COLUMNS, dataRows, table3Path, type FormatId } from '../report/formats.ts';
import { sumFindings } from '../report/sums.ts';
import { didYouMean } from '../suggest.ts';
import type { Diagnostic } from '../types.ts';
import {
  PLACEHOLDER,
  bodyByIdOrName,
  bodyNamed,
  bodyPrefixOf,
  dateLine,
  decodeText,
  findDate,
  halfWidth,
  labelCore,
  labelKey,
  quoted,
  type ImportNote,
  type KnownBody,
} from './text.ts';

export interface ReportImportOptions {
  /** The file's name: .htm/.html is read as HTML, anything else by its content. */
  fileName: string;
  bodies: KnownBody[];
  /** `--publisher`: a body's id or full name. */
  publisher?: string;
  /** `--year`: the year the report covers. */
  year?: number;
}

/** What the page's metadata bar and last lines say. */
export interface PageFacts {
  indexNo?: string;
  publisherText?: string;
  /** 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM'. */
  published?: string;
  /** The date under the signature at the end. */
  written?: string;
}

/** A row's cells: numbers (money as written), or null for a blank cell. */
export type ImportedValues = Record<TableKey, Record<string, (number | string | null)[]>>;

export interface ReportImport {
  encoding: string;
  format: FormatId;
  year?: number;
  title?: string;
  publisher?: KnownBody;
  page: PageFacts;
  /** The Markdown body: the narrative, tables left out. */
  body: string;
  values: ImportedValues;
  /** Cells left blank (null) in the data file. */
  blanks: number;
  notes: ImportNote[];
  /** The 勾稽 sums on the tables as mapped, blank cells counted as 0 (file: the data file's name given). */
  sums(dataFile: string): Diagnostic[];
}

// ---------------------------------------------------------------------------------------------
// The page as lines and rows
// ---------------------------------------------------------------------------------------------

interface Cell {
  text: string;
  /** False for the copies a rowspan or colspan leaves in the grid. */
  origin: boolean;
}

type Item = { kind: 'line'; text: string } | { kind: 'row'; cells: Cell[]; html: boolean };

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'head',
  'select',
  'option',
  'button',
  'iframe',
  'svg',
  'template',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'nav',
  'aside',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'center',
  'form',
  'fieldset',
  'address',
  'figure',
  'figcaption',
  'caption',
  'hr',
  'body',
  'html',
]);

const isElement = (n: RootContent | ElementContent | undefined): n is Element => n?.type === 'element';

function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (!isElement(node) || SKIP.has(node.tagName)) return '';
  if (node.tagName === 'br') return '\n';
  const inner = node.children.map(textOf).join('');
  return BLOCK.has(node.tagName) || node.tagName === 'tr' ? `\n${inner}\n` : inner;
}

/** The rows of a table (not those of tables inside it). */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (el: Element) => {
    for (const c of el.children) {
      if (!isElement(c) || c.tagName === 'table') continue;
      if (c.tagName === 'tr') rows.push(c);
      else walk(c);
    }
  };
  walk(table);
  return rows;
}

const cellsOf = (tr: Element) => tr.children.filter((c): c is Element => isElement(c) && /^t[dh]$/.test(c.tagName));

const hasTable = (el: Element): boolean =>
  el.children.some((c) => isElement(c) && (c.tagName === 'table' || hasTable(c)));

/** A table used for layout (it holds tables, or long text): its cells are read as blocks. */
const isLayoutTable = (table: Element) =>
  hasTable(table) || rowsOf(table).some((tr) => cellsOf(tr).some((td) => textOf(td).trim().length > 200));

/** A table as a grid: a spanning cell's text in every position it covers, marked as a copy after the first. */
export function tableGrid(table: Element): Cell[][] {
  const grid: Cell[][] = [];
  rowsOf(table).forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const td of cellsOf(tr)) {
      while (grid[r]![c]) c++;
      const text = textOf(td).replace(/\s+/g, ' ').trim();
      const colSpan = Math.max(1, Math.min(50, Number(td.properties.colSpan ?? 1) || 1));
      const rowSpan = Math.max(1, Math.min(200, Number(td.properties.rowSpan ?? 1) || 1));
      for (let i = 0; i < rowSpan; i++) {
        grid[r + i] ??= [];
        for (let j = 0; j < colSpan; j++) grid[r + i]![c + j] = { text, origin: i === 0 && j === 0 };
      }
      c += colSpan;
    }
  });
  return grid.map((row) => Array.from(row, (cell) => cell ?? { text: '', origin: true }));
}

/** An HTML page as lines (block text) and rows (of data tables), in reading order. */
function htmlItems(html: string): { items: Item[]; title?: string } {
  const tree = unified().use(rehypeParse).parse(html) as HastRoot;
  const items: Item[] = [];
  let buffer = '';
  const flush = () => {
    for (const line of buffer.split('\n')) {
      const t = line.replace(/[\s\u00a0]+/g, ' ').trim();
      if (t) items.push({ kind: 'line', text: t });
    }
    buffer = '';
  };
  let title: string | undefined;
  const walk = (node: RootContent | ElementContent) => {
    if (node.type === 'text') {
      buffer += node.value;
      return;
    }
    if (!isElement(node)) return;
    if (node.tagName === 'title') title = textOf({ ...node, tagName: 'span' }).trim();
    if (SKIP.has(node.tagName)) return;
    if (node.tagName === 'br') {
      buffer += '\n';
      return;
    }
    if (node.tagName === 'table' && !isLayoutTable(node)) {
      flush();
      for (const cells of tableGrid(node)) items.push({ kind: 'row', cells, html: true });
      return;
    }
    const block = BLOCK.has(node.tagName) || /^(table|tbody|thead|tfoot|tr|td|th)$/.test(node.tagName);
    if (block) flush();
    node.children.forEach(walk);
    if (block) flush();
  };
  tree.children.forEach(walk);
  flush();
  return { items, title };
}

const VALUE = /^[+-−]?\d[\d,，]*(?:\.\d+)?$/;
const DASH = /^(?:[-—–－_/／\\~～]+|无)$/;

type Value =
  | { kind: 'number'; value: number; written: string }
  | { kind: 'dash'; written: string }
  | { kind: 'blank' }
  | { kind: 'text' };

/** A cell as a value: '１２' and ' 12 ' are 12, '1,250' is 1250, '—' is a dash, '' is blank. */
export function readCell(text: string): Value {
  const t = halfWidth(text)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/−/g, '-');
  if (!t) return { kind: 'blank' };
  if (DASH.test(t)) return { kind: 'dash', written: text.trim() };
  if (VALUE.test(t)) {
    const written = t.replace(/[,，]/g, '');
    return { kind: 'number', value: Number(written), written };
  }
  return { kind: 'text' };
}

/** A copied line as a table row: tab-separated, or a label followed by space-separated values. */
function textRow(line: string): Cell[] | undefined {
  if (line.includes('\t')) return line.split('\t').map((t) => ({ text: t.trim(), origin: true }));
  const tokens = line.trim().split(/[ \u3000]+/);
  let i = tokens.length;
  while (i > 0 && /^(number|dash)$/.test(readCell(tokens[i - 1]!).kind)) i--;
  if (i === tokens.length) return undefined;
  const label = tokens.slice(0, i).join(' ');
  return [...(label ? [label] : []), ...tokens.slice(i)].map((text) => ({ text, origin: true }));
}

/** Copied text as lines and rows (a space-separated row only when its label is a known one: see below). */
function textItems(text: string): Item[] {
  const items: Item[] = [];
  for (const raw of text.split(/\r?\n|\r/)) {
    const line = raw.replace(/\u00a0/g, ' ').trimEnd();
    if (!line.trim()) continue;
    const cells = line.includes('\t') ? textRow(line) : undefined;
    if (cells) items.push({ kind: 'row', cells, html: false });
    else items.push({ kind: 'line', text: line.trim() });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Rows → the format's row ids
// ---------------------------------------------------------------------------------------------

interface Target {
  table: TableKey;
  id: string;
  /** How many values the row has. */
  width: number;
  /** How the row is named in messages. */
  name: string;
}

/** Every data row of a format by the core of its label. */
function targets(format: FormatId): Map<string, Target> {
  const f = FORMATS[format];
  const map = new Map<string, Target>();
  for (const b of f.table2)
    for (const r of b.rows)
      map.set(labelCore(r.label), { table: 'table2', id: r.id, width: b.columns.length, name: `表二“${r.label}”` });
  for (const r of dataRows(f)) {
    const name = `表三“${table3Path(f, r.id)
      .map((p) => p.label)
      .join(' ')}”`;
    map.set(labelCore(r.label), { table: 'table3', id: r.id, width: TABLE3_COLUMNS.length, name });
  }
  for (const b of f.table4)
    map.set(labelCore(b.label), {
      table: 'table4',
      id: b.id,
      width: TABLE4_COLUMNS.length,
      name: `表四“${b.parent ? `${b.parent}（${b.label}）` : b.label}”`,
    });
  return map;
}

/** The row a label names in `format`, tolerant of numbering, brackets and a shorter or longer name. */
function matchLabel(labels: string[], map: Map<string, Target>): Target | undefined {
  const last = labels[labels.length - 1];
  if (!last) return undefined;
  const core = labelCore(last);
  const exact = map.get(core);
  if (exact) return exact;
  const key = labelKey(labels.join(''));
  // table 4 written as three labelled rows: '行政诉讼（未经复议直接起诉）'
  if (/直接起诉/.test(key)) return map.get('未经复议直接起诉');
  if (/复议后起诉/.test(key)) return map.get('复议后起诉');
  // '规范性文件' for '行政规范性文件' and the like: a name of 4 or more characters, one ending the other
  for (const [k, t] of map) {
    if (t.table !== 'table2' || k.length < 4) continue;
    if (core.endsWith(k) || (k.endsWith(core) && core.length >= 4)) return t;
  }
  return undefined;
}

/** Texts of the tables that are not data rows: headers, block headings, group rows, the 勾稽 note. */
function headerTexts(): Set<string> {
  const set = new Set<string>();
  for (const f of Object.values(FORMATS)) {
    for (const b of f.table2) {
      set.add(labelCore(b.heading));
      for (const c of b.columns) set.add(labelCore(c.label));
    }
    for (const r of f.table3) if (r.group) set.add(labelCore(r.label));
  }
  for (const c of [...TABLE3_COLUMNS, ...TABLE4_COLUMNS]) set.add(labelCore(c.label));
  for (const t of ['信息内容', '申请人情况', '法人或其他组织', '行政诉讼', '类别', '项目', '序号', '单位']) set.add(t);
  return set;
}
const HEADER_TEXTS = headerTexts();
/** The cores of every data row of both formats. */
const ALL_LABELS = new Set([...targets('2021').keys(), ...targets('2019').keys()]);
const isHeaderText = (text: string) => {
  const core = labelCore(text);
  return (
    !core ||
    HEADER_TEXTS.has(core) ||
    /^第二十条第（[一二三四五六七八九十]+）项$/.test(core) ||
    core.includes('勾稽关系') ||
    /^[（]?(续表|表格续|接上表|续)[）]?$/.test(core)
  );
};

/**
 * A row label standing alone on its line, its numbers on the next ('（二）部分公开（…）' wrapped when
 * copied). Column headers ('总计', '其他') are not: only such a text with its numbering ('（七）总计').
 */
function labelAlone(labels: string[], map: Map<string, Target>): string | undefined {
  if (labels.length !== 1) return undefined;
  const label = labels[0]!;
  const core = labelCore(label);
  return map.has(core) && (!isHeaderText(label) || labelKey(label) !== core) ? label : undefined;
}

/** Which format the labels are in: each format has labels the other lacks. */
function detectFormat(
  rows: { labels: string[]; values: Value[] }[],
  lines: string[],
  year: number | undefined,
): { format: FormatId; evidence: Record<FormatId, string[]> } {
  const evidence: Record<FormatId, string[]> = { '2021': [], '2019': [] };
  const only = (a: FormatId, b: FormatId) => {
    const other = new Set([
      ...FORMATS[b].table2.flatMap((x) => [
        ...x.columns.map((c) => labelCore(c.label)),
        ...x.rows.map((r) => labelCore(r.label)),
      ]),
      ...FORMATS[b].table3.map((r) => labelCore(r.label)),
    ]);
    return new Set(
      [
        ...FORMATS[a].table2.flatMap((x) => [
          ...x.columns.map((c) => labelCore(c.label)),
          ...x.rows.map((r) => labelCore(r.label)),
        ]),
        ...dataRows(FORMATS[a]).map((r) => labelCore(r.label)),
      ].filter((k) => !other.has(k) && k.length >= 4),
    );
  };
  const own: Record<FormatId, Set<string>> = { '2021': only('2021', '2019'), '2019': only('2019', '2021') };
  for (const r of rows) {
    for (const l of r.labels) {
      const core = labelCore(l);
      for (const f of ['2021', '2019'] as const)
        if (own[f].has(core) && !evidence[f].includes(core)) evidence[f].push(core);
    }
    // （六）其他处理 with numbers of its own is the 2019 format's single row
    const last = r.labels[r.labels.length - 1];
    if (last && labelCore(last) === '其他处理' && r.values.some((v) => v.kind === 'number'))
      evidence['2019'].push('其他处理（一行）');
  }
  const five = FORMATS['2019'].headings[4]!;
  if (lines.some((l) => labelKey(l).startsWith(five))) evidence['2019'].push(five);
  const score = (f: FormatId) => evidence[f].length;
  const byYear: FormatId | undefined = year === undefined ? undefined : year >= 2021 ? '2021' : '2019';
  const format = score('2021') > score('2019') ? '2021' : score('2019') > score('2021') ? '2019' : (byYear ?? '2021');
  return { format, evidence };
}

// ---------------------------------------------------------------------------------------------
// The page around the report
// ---------------------------------------------------------------------------------------------

const TITLE = /(\d{4}|[〇零一二三四五六七八九]{4})\s*年度?.{0,20}(政府信息公开|政务公开).{0,10}年度报告/;
const FOOTER =
  /^(主办[:：]|主办单位|承办[:：]|承办单位|版权所有|Copyright|网站标识码|技术支持|【?打印本页|【?关闭窗口|【?打印】|上一篇|下一篇|分享到|相关链接|扫一扫)/i;
const META_KEYS = [
  '索引号',
  '发布机构',
  '发布时间',
  '发布日期',
  '来源',
  '信息来源',
  '浏览次数',
  '访问量',
  '字号',
  '成文日期',
  '生成日期',
  '文号',
  '主题分类',
  '点击数',
  '作者',
];
const META = new RegExp(`^(${META_KEYS.join('|')})\\s*[:：]`);

/** Facts of a metadata line ('索引号：…\u3000发布时间：2022-01-28 09:30\u3000来源：…'). */
function readMeta(line: string, page: PageFacts): void {
  const parts = halfWidth(line).split(new RegExp(`(?=(?:${META_KEYS.join('|')})\\s*:)`));
  for (const part of parts) {
    const m = /^(\S+?)\s*:\s*(.*)$/.exec(part.trim());
    if (!m) continue;
    const value = m[2]!.trim();
    if (m[1] === '索引号' && value) page.indexNo = value.split(/\s/)[0];
    else if ((m[1] === '发布机构' || m[1] === '来源' || m[1] === '信息来源') && value)
      page.publisherText ??= value.split(/\s/)[0];
    else if (m[1] === '发布时间' || m[1] === '发布日期') {
      const date = findDate(value);
      const time = /\b(\d{1,2}):(\d{2})\b/.exec(value);
      if (date) page.published = time ? `${date} ${time[1]!.padStart(2, '0')}:${time[2]}` : date;
    } else if ((m[1] === '成文日期' || m[1] === '生成日期') && findDate(value)) page.written = findDate(value);
  }
}

const SECTION_HEAD = /^[一二三四五六七八九十]+[、.．]/;
const SUB_HEAD = /^（[一二三四五六七八九十]+）/;

/** A narrative line as Markdown: 一、 headings h2, short （一） heads h3, the rest paragraphs (escaped). */
function markdownLine(line: string): string {
  const text = line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  const key = labelKey(text);
  const short = text.length <= 40 && !/[。；;]/.test(text);
  if (SECTION_HEAD.test(key) && short) return `## ${text.replace(/^([一二三四五六七八九十]+)[.．，,]\s*/, '$1、')}`;
  if (SUB_HEAD.test(key) && short) return `### ${text.replace(/^\(([一二三四五六七八九十]+)\)\s*/, '（$1）')}`;
  return text
    .replace(/^([#>+]|[-*](?=\s)|\d+[.)](?=\s))/, '\\$1')
    .replace(/[<|]/g, (c) => `\\${c}`)
    .replace(/^(\d+)([.)])(?=\s)/, '$1\\$2');
}

// ---------------------------------------------------------------------------------------------
// The import
// ---------------------------------------------------------------------------------------------

export function importReport(bytes: Uint8Array, options: ReportImportOptions): ReportImport {
  const { text, encoding } = decodeText(bytes);
  const notes: ImportNote[] = [];
  const note = (kind: ImportNote['kind'], message: string, field?: string) =>
    notes.push(field ? { kind, field, message } : { kind, message });
  const isHtml =
    /\.x?html?$/i.test(options.fileName) || /^\s*(<!doctype|<html|<head|<body|<meta|<div|<table|<p\b)/i.test(text);
  const parsed = isHtml ? htmlItems(text) : { items: textItems(text), title: undefined };
  if (!/^UTF-(8|16)$/.test(encoding)) note('info', `原文件的编码是 ${encoding}，已转为 UTF-8。`);

  // the report's extent: from its title to the portal's footer
  let items = parsed.items;
  const titleAt = items.findIndex((i) => i.kind === 'line' && i.text.length <= 80 && TITLE.test(halfWidth(i.text)));
  const title =
    titleAt >= 0
      ? (items[titleAt] as { text: string }).text.replace(/\s+/g, '')
      : parsed.title?.split(/[_|｜-]/)[0]?.trim() || undefined;
  if (titleAt >= 0) items = items.slice(titleAt + 1);
  else {
    const first = items.findIndex((i) => i.kind === 'line' && labelKey(i.text).startsWith('一、总体情况'));
    if (first > 0) items = items.slice(first);
  }
  const footerAt = items.findIndex((i, n) => n > 0 && i.kind === 'line' && FOOTER.test(i.text));
  if (footerAt > 0) items = items.slice(0, footerAt);

  const page: PageFacts = {};
  const lines: string[] = [];
  const rows: { labels: string[]; values: Value[]; html: boolean; cells: Cell[] }[] = [];
  const order: ({ line: string } | { row: number })[] = [];
  for (const item of items) {
    if (item.kind === 'line') {
      if (META.test(item.text)) {
        readMeta(item.text, page);
        continue;
      }
      const cells = textRow(item.text);
      // a line of numbers, or a known label and its numbers: a row copied without tabs
      if (cells && !isHtml) {
        const labels = cells.filter((c) => readCell(c.text).kind === 'text').map((c) => c.text);
        const last = labels.at(-1);
        const known = last ? ALL_LABELS.has(labelCore(last)) : cells.length >= 5;
        if (known) {
          rows.push({ labels, values: cells.slice(labels.length).map((c) => readCell(c.text)), html: false, cells });
          order.push({ row: rows.length - 1 });
          continue;
        }
      }
      lines.push(item.text);
      order.push({ line: item.text });
      continue;
    }
    const kinds = item.cells.map((c) => readCell(c.text));
    const lastText = kinds.map((k) => k.kind).lastIndexOf('text');
    const labels: string[] = [];
    for (const c of item.cells.slice(0, lastText + 1)) {
      const t = c.text.trim();
      if (t && labels[labels.length - 1] !== t) labels.push(t);
    }
    const values = item.cells
      .slice(lastText + 1)
      .map((c, i) => ({ c, v: kinds[lastText + 1 + i]! }))
      .filter(({ c }) => c.origin)
      .map(({ v }) => v);
    rows.push({ labels, values, html: item.html, cells: item.cells });
    order.push({ row: rows.length - 1 });
  }

  // year, format, publisher
  let year = options.year;
  const yearText = title ? TITLE.exec(halfWidth(title))?.[1] : undefined;
  const titleYear = yearText ? (/^\d+$/.test(yearText) ? Number(yearText) : undefined) : undefined;
  if (year === undefined) year = titleYear;
  if (year === undefined) {
    const period = lines
      .map((l) => /统计期限[^。]*?(\d{4})\s*年\s*1\s*月\s*1\s*日/.exec(halfWidth(l))?.[1])
      .find(Boolean);
    if (period) year = Number(period);
  }
  if (options.year !== undefined && titleYear !== undefined && titleYear !== options.year)
    note('info', `标题中的年度是 ${titleYear} 年，按 --year 写成了 ${options.year} 年：请确认。`, 'year');
  const { format, evidence } = detectFormat(rows, lines, year);
  if (evidence['2021'].length && evidence['2019'].length)
    note(
      'info',
      `表格中既有 2021 年格式的项目（${evidence['2021'].join('、')}），也有 2019 年试行格式的项目（${evidence['2019'].join('、')}）：按${FORMATS[format].name}导入，请核对。`,
    );
  if (year !== undefined && year >= 2021 !== (format === '2021'))
    note(
      'info',
      `${year} 年度的年报通常使用${FORMATS[year >= 2021 ? '2021' : '2019'].name}，原文是${FORMATS[format].name}：已按原文的格式导入。`,
    );

  // the values, row by row
  const map = targets(format);
  const values: ImportedValues = { table2: {}, table3: {}, table4: {} };
  let blanks = 0;
  let pending: string | undefined;
  const describe = (v: Value) => (v.kind === 'dash' ? `“${v.written}”` : v.kind === 'blank' ? '空格' : '');
  const put = (target: Target, cells: Value[], label: string) => {
    if (values[target.table][target.id]) {
      note(
        'unmapped',
        `${target.name}出现了两次（第二次是“${label}”），取第一次的数字。`,
        `${target.table}.${target.id}`,
      );
      return;
    }
    let vs = cells;
    while (vs.length > target.width && vs[vs.length - 1]!.kind === 'blank') vs = vs.slice(0, -1);
    if (vs.length !== target.width)
      note(
        'unmapped',
        `${target.name}一行有 ${vs.length} 个数，应有 ${target.width} 个：${vs.length < target.width ? '缺少的留空' : `只取前 ${target.width} 个`}，请对照原文填写。`,
        `${target.table}.${target.id}`,
      );
    const columns = columnLabels(format, target);
    const row: (number | string | null)[] = [];
    for (let i = 0; i < target.width; i++) {
      const v = vs[i];
      const where = `${target.name}的“${columns[i]}”`;
      if (!v || v.kind === 'blank') {
        row.push(null);
        blanks++;
        if (v)
          note(
            'unmapped',
            `${where}是空格，数据文件中留空（null）：请填写数字，没有的写 0。`,
            `${target.table}.${target.id}`,
          );
      } else if (v.kind === 'dash') {
        row.push(0);
        note('unmapped', `${where}原文是${describe(v)}，已按 0 写入：请核对。`, `${target.table}.${target.id}`);
      } else if (v.kind === 'number') {
        const money = kindOf(format, target, i) === 'money';
        const signed = kindOf(format, target, i) === 'signed';
        if (!money && (!Number.isInteger(v.value) || (!signed && v.value < 0)))
          note(
            'unmapped',
            `${where}原文是“${v.written}”，不是${signed ? '整数' : '不小于 0 的整数'}：已照录，请改正。`,
            `${target.table}.${target.id}`,
          );
        row.push(money ? v.written : v.value);
      } else row.push(null);
    }
    values[target.table][target.id] = row;
  };
  for (const entry of order) {
    if ('line' in entry) {
      pending = labelAlone([entry.line], map);
      continue;
    }
    const r = rows[entry.row]!;
    const hasValues = r.values.length > 0;
    if (!hasValues) {
      // a label on a row of its own, its numbers on the next ('（二）部分公开…' wrapped when copied)
      pending = labelAlone(r.labels, map);
      const unknown = r.labels.filter((l) => !isHeaderText(l) && !map.has(labelCore(l)));
      if (r.html && unknown.length) note('unmapped', `表格中无法识别的文字：“${unknown.join('”“')}”，未导入。`);
      continue;
    }
    const labels = r.labels.length ? r.labels : pending ? [pending] : [];
    pending = undefined;
    const target = matchLabel(labels, map);
    if (target) {
      put(target, r.values, labels.join(' '));
      continue;
    }
    // table 4 as one row of 15 numbers under its three headers
    if (!labels.length && r.values.length >= 15 && r.values.length <= 16) {
      FORMATS[format].table4.forEach((b, i) =>
        put(map.get(labelCore(b.label))!, r.values.slice(i * 5, i * 5 + 5), b.label),
      );
      continue;
    }
    const label = labels.join(' ') || '（没有名称）';
    const hint = labels.length ? didYouMean(labelCore(labels.at(-1)!), [...map.keys()]) : '';
    note('unmapped', `无法识别的表格行“${label}”（${r.values.length} 个数），未导入。${hint}`);
  }
  for (const target of map.values()) {
    if (values[target.table][target.id]) continue;
    values[target.table][target.id] = new Array(target.width).fill(null);
    blanks += target.width;
    note(
      'unmapped',
      `原文中没有找到${target.name}这一行：数据文件中留空（null），请按原文填写。`,
      `${target.table}.${target.id}`,
    );
  }

  // the narrative
  const body: string[] = [];
  for (const line of lines) {
    if (isHeaderText(line) || map.has(labelCore(line))) continue;
    body.push(markdownLine(line));
  }
  // the date under the signature at the end: 成文日期
  const lastLines = lines.slice(-4);
  for (let i = lastLines.length - 1; i >= 0; i--) {
    const d = dateLine(lastLines[i]!);
    if (d) {
      page.written ??= d;
      if (!page.publisherText && i > 0 && lastLines[i - 1]!.length <= 30) page.publisherText = lastLines[i - 1];
      break;
    }
  }

  // the publisher
  let publisher: KnownBody | undefined;
  if (options.publisher) {
    publisher = bodyByIdOrName(options.publisher, options.bodies);
    if (!publisher)
      note('missing', `--publisher “${options.publisher}”不在 bodies.yaml 中（写机构的 id 或全称）。`, 'publisher');
  } else {
    publisher =
      (page.publisherText ? bodyNamed(page.publisherText, options.bodies) : undefined) ??
      (title ? bodyPrefixOf(title, options.bodies) : undefined) ??
      (title ? byShortName(title, options.bodies) : undefined);
    if (!publisher)
      note(
        'missing',
        `没有找到发布机构${page.publisherText ? `（原网页写的是“${page.publisherText}”，不在 bodies.yaml 中）` : ''}：用 --publisher 指定 bodies.yaml 中的机构，或在 bodies.yaml 中添加该机构。`,
        'publisher',
      );
  }
  if (year === undefined) note('missing', '没有找到报告年度（标题中的“2021年”）：用 --year 指定。', 'year');

  return {
    encoding,
    format,
    year,
    title,
    publisher,
    page,
    body: body.join('\n\n') + '\n',
    values,
    blanks,
    notes,
    sums(dataFile: string) {
      if (year === undefined) return [];
      const zero = (t: Record<string, (number | string | null)[]>) =>
        Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.map((x) => (x === null ? 0 : Number(x)))]));
      const data: ReportData = {
        format,
        year,
        table2: zero(values.table2),
        table3: zero(values.table3),
        table4: zero(values.table4),
        written: {},
      };
      return sumFindings(data, dataFile).map((f) => f.diagnostic);
    },
  };
}

/** '示例镇2022年…' → 示例镇人民政府: the one body whose name starts with the title's words before the year. */
function byShortName(title: string, bodies: KnownBody[]): KnownBody | undefined {
  const short = labelKey(title).split(/\d{4}|[〇零一二三四五六七八九]{4}/)[0];
  if (!short || short.length < 2) return undefined;
  const found = bodies.filter((b) => labelKey(b.name).startsWith(short));
  return found.length === 1 ? found[0] : undefined;
}

function columnLabels(format: FormatId, target: Target): string[] {
  if (target.table === 'table3') return TABLE3_COLUMNS.map((c) => c.label);
  if (target.table === 'table4') return TABLE4_COLUMNS.map((c) => c.label);
  return FORMATS[format].table2.find((b) => b.rows.some((r) => r.id === target.id))!.columns.map((c) => c.label);
}

function kindOf(format: FormatId, target: Target, i: number) {
  if (target.table !== 'table2') return 'count';
  return FORMATS[format].table2.find((b) => b.rows.some((r) => r.id === target.id))!.columns[i]!.kind;
}

/** The data file, as `npm run report:template` writes it, with the figures read (blank cells `null`). */
export function reportDataFile(result: ReportImport, publisherName: string, schemaPath: string): string {
  const values: ReportValues = {};
  for (const table of ['table2', 'table3', 'table4'] as const)
    values[table] = Object.fromEntries(
      Object.entries(result.values[table]).map(([id, row]) => [id, row.map((v) => (v === null ? 'null' : v))]),
    );
  return reportTemplate(result.format, result.year!, publisherName, schemaPath, values);
}

/** The report's Markdown: frontmatter (what was found; the rest empty with a “待补充” comment) and body. */
export function reportDocument(
  result: ReportImport,
  dataFile: string,
  indexNo: string | undefined,
): { markdown: string; placeholders: string[] } {
  const placeholders: string[] = [];
  const lines: string[] = [];
  const put = (key: string, value: string | undefined, help: string, quote = false) => {
    if (value) lines.push(`${key}: ${quote ? quoted(value) : value}`);
    else {
      placeholders.push(key);
      lines.push(`${key}: "" # ${PLACEHOLDER}：${help}`);
    }
  };
  put(
    'title',
    result.title && quotedIfNeeded(result.title),
    '年报的完整标题，例如 示例县人民政府2024年政府信息公开工作年度报告。',
  );
  put('index_no', indexNo, '索引号，按 site.yaml 的索引号规则编写。', true);
  put('publisher', result.publisher?.name, 'bodies.yaml 中的机构全称。');
  lines.push('topic: 综合政务\\政务公开');
  lines.push('genre: 年报');
  put('written', result.page.written, '成文日期，年-月-日（原文落款下的日期）。');
  put('published', result.page.published, '发布日期，年-月-日（原网页的发布时间）。');
  lines.push(`keywords: [政府信息公开, 年度报告${result.year ? `, ${result.year}年` : ''}]`);
  lines.push('section: 政府信息公开年报');
  lines.push(`report: { data: ${dataFile} }`);
  return { markdown: `---\n${lines.join('\n')}\n---\n\n${result.body}`, placeholders };
}

const quotedIfNeeded = (v: string) => (/^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|^\d/.test(v) ? quoted(v) : v);
