// An annual report's tables in the official layout of its national format (docs/domain.md §13), as
// plain data the page renders cell by cell: spanning headers (申请人情况 over the seven columns,
// 法人或其他组织 over five; 行政诉讼 over its two kinds), table 3's row groups as spanning row
// headers (三、本年度办理结果 → （三）不予公开 → 1.…8.), the verbatim 勾稽 note in the top-left cell,
// table 2's blocks each with its own 信息内容 / column header row. Every header cell has an id and
// every cell lists the ids of all its headers (`headers`), so a screen reader announces the whole
// path of a cell in a multi-level table; money is shown as written. Tables of reports before 2019
// (CSV) are simple: `scope` suffices there.
import type { ReportData } from './data.ts';
import {
  FORMATS,
  TABLE2_ROW_HEADER,
  TABLE3_COLUMNS,
  TABLE3_HEADERS,
  TABLE3_NOTE,
  TABLE4_COLUMNS,
  TABLE_TITLES,
  type Column,
  type ReportFormat,
} from './formats.ts';
import type { ReportTable } from './read.ts';

export interface Cell {
  tag: 'th' | 'td';
  text: string;
  id?: string;
  /** Ids of every header of this cell, outermost first (the `headers` attribute). */
  headers?: string[];
  /** 'col' also for headers spanning columns (no <colgroup>: the cells they cover are their columns'). */
  scope?: 'col' | 'row';
  colspan?: number;
  rowspan?: number;
  /** A number: right-aligned in tabular figures. */
  numeric?: boolean;
  /** A layout hint for the page: the 勾稽 note, a table-2 block heading, a row's level in table 3. */
  kind?: 'note' | 'block' | 'level-0' | 'level-1' | 'level-2';
}

export interface TableModel {
  /** 'table2' … 'table4', or 'appendix-1' … for the CSV tables of a report before 2019. */
  key: string;
  /** Id of the <table>; its caption's id is `${id}-caption`; every cell id starts with it. */
  id: string;
  caption: string;
  /** Header rows (<thead>); empty when the table's headers are in its body (table 2). */
  head: Cell[][];
  /** Row groups (<tbody>), each a list of rows. */
  bodies: Cell[][][];
}

/** The section numbers the tables sit under in the national formats. */
const SECTION_NO = { table2: '二', table3: '三', table4: '四' } as const;

/** A table's caption: its section heading as printed ('二、主动公开政府信息情况'). */
export const tableCaption = (key: keyof typeof SECTION_NO) => `${SECTION_NO[key]}、${TABLE_TITLES[key]}`;

/** A cell value as shown: counts as numbers, money exactly as written in the data file. */
function shown(data: ReportData, table: 'table2' | 'table3' | 'table4', rowId: string, i: number, c: Column): string {
  const value = data[table][rowId]?.[i];
  if (c.kind === 'money') return data.written[`${table}.${rowId}.${i}`] ?? String(value ?? '');
  return value === undefined ? '' : String(value);
}

/**
 * Table 2: one row group per block of 第二十条. Each block: its heading across the table, a header
 * row (信息内容 and the block's columns), then its rows. Blocks with fewer columns than the widest
 * let their last column span the rest, as on the printed form.
 */
export function table2Model(data: ReportData, prefix = 'rt2'): TableModel {
  const format = FORMATS[data.format];
  const width = Math.max(...format.table2.map((b) => b.columns.length));
  const bodies = format.table2.map((block) => {
    const blockId = `${prefix}-${block.id}`;
    const infoId = `${blockId}-info`;
    const span = (i: number) => (i === block.columns.length - 1 ? width - block.columns.length + 1 : 1);
    const heading: Cell[] = [{ tag: 'th', text: block.heading, id: blockId, colspan: width + 1, kind: 'block' }];
    const header: Cell[] = [
      { tag: 'th', text: TABLE2_ROW_HEADER, id: infoId, headers: [blockId], scope: 'col' },
      ...block.columns.map((c, i): Cell => ({
        tag: 'th',
        text: c.label,
        id: `${blockId}-c-${c.id}`,
        headers: [blockId],
        scope: 'col',
        colspan: span(i),
      })),
    ];
    const rows = block.rows.map((row): Cell[] => {
      const rowHeader = `${blockId}-r-${row.id}`;
      return [
        { tag: 'th', text: row.label, id: rowHeader, headers: [blockId, infoId], scope: 'row' },
        ...block.columns.map((c, i): Cell => ({
          tag: 'td',
          text: shown(data, 'table2', row.id, i, c),
          headers: [blockId, `${blockId}-c-${c.id}`, rowHeader],
          colspan: span(i),
          numeric: true,
        })),
      ];
    });
    return [heading, header, ...rows];
  });
  return { key: 'table2', id: prefix, caption: tableCaption('table2'), head: [], bodies };
}

/** How many data rows a table-3 group spans: its rows up to the next row of its level or above. */
function spanOf(format: ReportFormat, index: number): number {
  const rows = format.table3;
  const level = rows[index]!.level;
  let n = 0;
  for (let j = index + 1; j < rows.length && rows[j]!.level > level; j++) if (!rows[j]!.group) n++;
  return n;
}

/**
 * Table 3: three header rows (申请人情况 / 自然人, 法人或其他组织, 总计 / the five kinds of 法人或其他
 * 组织) beside the 勾稽 note, which spans the three row-header columns; one row per data row, its
 * groups as row headers spanning their rows (三、本年度办理结果 over 22 rows, （三）不予公开 over 8 …).
 */
export function table3Model(data: ReportData, prefix = 'rt3'): TableModel {
  const format = FORMATS[data.format];
  const applicant = `${prefix}-applicant`;
  const organisation = `${prefix}-organisation`;
  const colId = (c: Column) => `${prefix}-c-${c.id}`;
  const [person, ...rest] = TABLE3_COLUMNS;
  const total = rest.pop()!;
  const head: Cell[][] = [
    [
      { tag: 'td', text: TABLE3_NOTE, rowspan: 3, colspan: 3, kind: 'note' },
      { tag: 'th', text: TABLE3_HEADERS.applicant, id: applicant, colspan: 7, scope: 'col' },
    ],
    [
      { tag: 'th', text: person!.label, id: colId(person!), headers: [applicant], rowspan: 2, scope: 'col' },
      {
        tag: 'th',
        text: TABLE3_HEADERS.organisation,
        id: organisation,
        headers: [applicant],
        colspan: rest.length,
        scope: 'col',
      },
      { tag: 'th', text: total.label, id: colId(total), headers: [applicant], rowspan: 2, scope: 'col' },
    ],
    rest.map((c) => ({ tag: 'th', text: c.label, id: colId(c), headers: [applicant, organisation], scope: 'col' })),
  ];
  const columnHeaders = (i: number) => {
    const c = TABLE3_COLUMNS[i]!;
    return i === 0 || i === TABLE3_COLUMNS.length - 1 ? [applicant, colId(c)] : [applicant, organisation, colId(c)];
  };

  const rows: Cell[][] = [];
  const open: { id: string; level: number }[] = []; // the groups above the current row
  let pending: Cell[] = []; // group headers that start on the next data row
  format.table3.forEach((row, index) => {
    while (open.length && open[open.length - 1]!.level >= row.level) open.pop();
    const id = `${prefix}-r-${row.id}`;
    const parents = open.map((g) => g.id);
    const kind = `level-${row.level}` as const;
    if (row.group) {
      pending.push({ tag: 'th', text: row.label, id, headers: parents, rowspan: spanOf(format, index), kind });
      open.push({ id, level: row.level });
      return;
    }
    // a row header fills the columns its level leaves free: 3 at level 0, 2 at level 1, 1 at level 2
    const header: Cell = {
      tag: 'th',
      text: row.label,
      id,
      headers: parents,
      scope: 'row',
      colspan: 3 - row.level,
      kind,
    };
    rows.push([
      ...pending,
      header,
      ...TABLE3_COLUMNS.map((c, i): Cell => ({
        tag: 'td',
        text: shown(data, 'table3', row.id, i, c),
        headers: [...columnHeaders(i), ...parents, id],
        numeric: true,
      })),
    ]);
    pending = [];
  });
  return { key: 'table3', id: prefix, caption: tableCaption('table3'), head: tidy(head), bodies: [tidy(rows)] };
}

/**
 * Table 4: 行政复议 (over its five columns, two header rows high) and 行政诉讼 over 未经复议直接起诉 and
 * 复议后起诉 (five columns each); one row of 15 numbers.
 */
export function table4Model(data: ReportData, prefix = 'rt4'): TableModel {
  const format = FORMATS[data.format];
  const top: Cell[] = [];
  const middle: Cell[] = [];
  const leaves: Cell[] = [];
  const cells: Cell[] = [];
  const parents = new Map<string, string>();
  for (const block of format.table4) {
    const blockId = `${prefix}-${block.id}`;
    let outer: string[] = [];
    if (block.parent) {
      let parentId = parents.get(block.parent);
      if (!parentId) {
        parentId = `${prefix}-p${parents.size + 1}`;
        parents.set(block.parent, parentId);
        const span = format.table4.filter((b) => b.parent === block.parent).length * TABLE4_COLUMNS.length;
        top.push({ tag: 'th', text: block.parent, id: parentId, colspan: span, scope: 'col' });
      }
      outer = [parentId];
      middle.push({
        tag: 'th',
        text: block.label,
        id: blockId,
        headers: outer,
        colspan: TABLE4_COLUMNS.length,
        scope: 'col',
      });
    } else {
      top.push({ tag: 'th', text: block.label, id: blockId, colspan: TABLE4_COLUMNS.length, rowspan: 2, scope: 'col' });
    }
    TABLE4_COLUMNS.forEach((c, i) => {
      const leafId = `${blockId}-${c.id}`;
      leaves.push({ tag: 'th', text: c.label, id: leafId, headers: [...outer, blockId], scope: 'col' });
      cells.push({
        tag: 'td',
        text: shown(data, 'table4', block.id, i, c),
        headers: [...outer, blockId, leafId],
        numeric: true,
      });
    });
  }
  return {
    key: 'table4',
    id: prefix,
    caption: tableCaption('table4'),
    head: tidy([top, middle, leaves]),
    bodies: [[cells]],
  };
}

/** The three tables of a report in a national format. */
export function reportTableModels(data: ReportData): TableModel[] {
  return [table2Model(data), table3Model(data), table4Model(data)];
}

const NUMBER = /^[-+−]?\d[\d,，]*(?:\.\d+)?\s*%?$/;

/** A CSV table of a report before 2019: header row of column headers, the first column as row headers. */
export function csvTableModel(table: ReportTable, n: number): TableModel {
  const id = `ra${n}`;
  const width = Math.max(table.header.length, ...table.rows.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...new Array<string>(width - r.length).fill('')];
  const head: Cell[][] = table.header.length
    ? [pad(table.header).map((text): Cell => ({ tag: 'th', text, scope: 'col' }))]
    : [];
  const rows = table.rows.map((r) =>
    pad(r).map((text, i): Cell =>
      i === 0 ? { tag: 'th', text, scope: 'row' } : { tag: 'td', text, numeric: NUMBER.test(text) },
    ),
  );
  return { key: `appendix-${n}`, id, caption: table.title, head, bodies: [rows] };
}

/** Drops empty `headers` lists (a cell with no header above it). */
function tidy(rows: Cell[][]): Cell[][] {
  return rows.map((r) => r.map((c) => (c.headers && !c.headers.length ? { ...c, headers: undefined } : c)));
}

const H2 = /<h2\b[^>]*>([\s\S]*?)<\/h2>/g;
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|\s+/g, '')
    .trim();

/**
 * Where a report's tables go in its rendered narrative: each at the end of its section (二, 三,
 * 四), as on the printed report. Returns the narrative cut before the headings of sections 三, 四
 * and 五 (four parts: table 2 after the first, table 3 after the second, table 4 after the third),
 * or the whole narrative as one part when those headings (h2, starting 二、 三、 四、 五、) are
 * not all there in order: the tables then follow the narrative.
 */
export function splitNarrative(html: string): string[] {
  const starts: number[] = [];
  const wanted = ['二、', '三、', '四、', '五、'];
  for (const m of html.matchAll(H2)) {
    if (starts.length < wanted.length && textOf(m[1]!).startsWith(wanted[starts.length]!)) starts.push(m.index);
  }
  if (starts.length < wanted.length) return [html];
  const [, three, four, five] = starts as [number, number, number, number];
  return [html.slice(0, three), html.slice(three, four), html.slice(four, five), html.slice(five)];
}
