// gongkai import-report (src/lib/import/report.ts): the three report pages of
// scripts/make-import-fixtures.mjs — a GBK 2021-format page with rowspan/colspan tables and the usual
// defects, a 2019-format page, a 2021 page copied as text — each read into the format it is in, every
// row mapped by its label, the defects listed, the 勾稽 sums run, and the data file written loading
// back through the column's reader.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import {
  importReport,
  readCell,
  reportDataFile,
  reportDocument,
  tableGrid,
  type ReportImport,
} from '../../src/lib/import/report.ts';
import { decodeText } from '../../src/lib/import/text.ts';
import { readReportData } from '../../src/lib/report/data.ts';
import { dataRows, FORMATS } from '../../src/lib/report/formats.ts';
import { headingFindings } from '../../src/lib/report/structure.ts';
import { parseYamlSource } from '../../src/lib/yaml-source.ts';
import { splitFrontmatter } from '../../src/lib/markdown.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const BODIES = [
  { id: 'finance', name: '示例县财政局', aliases: [] },
  { id: 'stats', name: '示例县统计局', aliases: [] },
  { id: 'shizhen', name: '示例镇人民政府', aliases: [] },
];
const load = (name: string, options: { publisher?: string; year?: number } = {}) =>
  importReport(readFileSync(path.join(FIXTURES, name)), { fileName: name, bodies: BODIES, ...options });
const zeros = (n: number) => new Array(n).fill(0);

describe('cells', () => {
  it.each([
    ['12', { kind: 'number', value: 12 }],
    [' 12 ', { kind: 'number', value: 12 }],
    ['１２', { kind: 'number', value: 12 }],
    ['1,250', { kind: 'number', value: 1250 }],
    ['58.62', { kind: 'number', value: 58.62, written: '58.62' }],
    ['-1', { kind: 'number', value: -1 }],
    ['—', { kind: 'dash' }],
    ['－', { kind: 'dash' }],
    ['/', { kind: 'dash' }],
    ['', { kind: 'blank' }],
    ['自然人', { kind: 'text' }],
    ['1.属于国家秘密', { kind: 'text' }],
  ])('“%s”', (text, want) => {
    expect(readCell(text)).toMatchObject(want);
  });

  it('expands rowspan and colspan, the copies marked', () => {
    const tree = unified()
      .use(rehypeParse, { fragment: true })
      .parse(
        '<table><tr><td rowspan="2">三</td><td colspan="2">（一）予以公开</td><td>1</td></tr><tr><td>（三）</td><td>1.属于国家秘密</td><td>0</td></tr></table>',
      ) as Root;
    const grid = tableGrid(tree.children[0] as Element);
    expect(grid.map((r) => r.map((c) => `${c.text}${c.origin ? '' : '*'}`))).toEqual([
      ['三', '（一）予以公开', '（一）予以公开*', '1'],
      ['三*', '（三）', '1.属于国家秘密', '0'],
    ]);
  });

  it('decodes GBK pages and UTF-8 alike', () => {
    expect(decodeText(readFileSync(path.join(FIXTURES, 'report-2021-gbk.html'))).encoding).toBe('GB18030');
    expect(decodeText(Buffer.from('申请人情况', 'utf8'))).toEqual({ text: '申请人情况', encoding: 'UTF-8' });
  });
});

interface Case {
  file: string;
  encoding: string;
  format: '2019' | '2021';
  year: number;
  publisher: string;
  page: object;
  table2: Record<string, (number | string | null)[]>;
  table3: Record<string, (number | string | null)[]>;
  table4: Record<string, (number | string | null)[]>;
  blanks: number;
  /** The unmapped notes, in order (substrings). */
  unmapped: string[];
  /** The 勾稽 rules broken. */
  sums: string[];
}

const CASES: Case[] = [
  {
    file: 'report-2021-gbk.html',
    encoding: 'GB18030',
    format: '2021',
    year: 2021,
    publisher: 'finance',
    page: { published: '2022-01-28 09:30', written: '2022-01-20', indexNo: '11999999999900046X/2022-00003' },
    // full-width ２, ' 12 ', 1,250 and money as written; 行政强制 “—” read as 0
    table2: {
      rules: [0, 0, 0],
      normative: [2, 1, 12],
      licensing: [1250],
      penalty: [36],
      coercion: [0],
      fees: ['58.62'],
    },
    table3: {
      new_received: [10, 3, 0, 0, 0, 0, 13],
      granted: [6, 2, 0, 0, 0, 0, 8],
      unavailable_not_held: [2, 1, 0, 0, 0, 0, 3],
      // the part after the page break, and the blank cell
      not_processed_confirmation: [0, 0, null, 0, 0, 0, 0],
      other_no_correction: [1, 0, 0, 0, 0, 0, 1],
      total: [12, 3, 0, 0, 0, 0, 14],
      carried_forward: [1, 0, 0, 0, 0, 0, 1],
    },
    // one row of 15 numbers under merged headers
    table4: { review: [1, 0, 0, 0, 1], litigation_direct: zeros(5), litigation_after_review: zeros(5) },
    blanks: 1,
    unmapped: [
      '表二“行政强制”的“本年处理决定数量”原文是“—”，已按 0 写入',
      '的“科研机构”是空格，数据文件中留空（null）',
    ],
    // （七）总计 自然人 written 12 for 11
    sums: ['table3.total:report-column-sum', 'table3.total:report-row-sum', 'table3.total:report-outcome-sum'],
  },
  {
    file: 'report-2019.html',
    encoding: 'UTF-8',
    format: '2019',
    year: 2019,
    publisher: 'stats',
    page: { published: '2020-01-20' },
    table2: {
      normative: [1, 1, 5],
      other_services: [2, -1, 3],
      penalty: [4, 0, 7],
      fees: [0, 0],
      procurement: [3, '45.6'],
    },
    table3: { new_received: [2, 0, 0, 0, 0, 0, 2], other: zeros(7), total: [2, 0, 0, 0, 0, 0, 2] },
    // three labelled rows: 行政诉讼（未经复议直接起诉）…
    table4: { review: zeros(5), litigation_direct: zeros(5), litigation_after_review: zeros(5) },
    blanks: 0,
    unmapped: [],
    sums: [],
  },
  {
    file: 'report-2021-copy.txt',
    encoding: 'UTF-8',
    format: '2021',
    year: 2022,
    publisher: 'shizhen',
    page: { published: '2023-02-10' },
    table2: { normative: [0, 0, 2], licensing: [15], fees: ['0'] },
    // rowspan cells only on their first line; （二）部分公开 wrapped onto a line of its own
    table3: {
      granted: [2, 0, 0, 0, 0, 0, 2],
      partly_granted: zeros(7),
      withheld_state_secret: zeros(7),
      unavailable_not_held: [1, 0, 0, 0, 0, 0, 1],
      total: [3, 0, 0, 0, 0, 0, 3],
    },
    table4: { review: zeros(5) },
    blanks: 0,
    unmapped: [],
    sums: [],
  },
];

describe.each(CASES)('$file', (c) => {
  const r: ReportImport = load(c.file);

  it("is read in its format, with its year, publisher and the page's facts", () => {
    expect([r.encoding, r.format, r.year, r.publisher?.id]).toEqual([c.encoding, c.format, c.year, c.publisher]);
    expect(r.page).toMatchObject(c.page);
  });

  it('maps every row of the format, by its label', () => {
    const format = FORMATS[c.format];
    expect(Object.keys(r.values.table3).sort()).toEqual(
      dataRows(format)
        .map((row) => row.id)
        .sort(),
    );
    expect(Object.keys(r.values.table2).sort()).toEqual(format.table2.flatMap((b) => b.rows.map((x) => x.id)).sort());
    expect(r.values.table2).toMatchObject(c.table2);
    expect(r.values.table3).toMatchObject(c.table3);
    expect(r.values.table4).toMatchObject(c.table4);
    expect(r.blanks).toBe(c.blanks);
  });

  it('lists what it could not map, and nothing else', () => {
    const unmapped = r.notes.filter((n) => n.kind === 'unmapped').map((n) => n.message);
    expect(unmapped).toHaveLength(c.unmapped.length);
    c.unmapped.forEach((text, i) => expect(unmapped[i]).toContain(text));
    expect(r.notes.filter((n) => n.kind === 'missing')).toEqual([]);
  });

  it('runs the 勾稽 sums on the tables', () => {
    expect(r.sums('x.report.yaml').map((d) => `${d.field}:${d.code}`)).toEqual(c.sums);
  });

  it('writes the narrative with the six headings and no table text, and a data file the column reads', () => {
    expect(headingFindings(r.body, 1, c.format, 'x.md')).toEqual([]);
    expect(r.body).not.toMatch(/本年新收|勾稽关系|第二十条第|结果维持|主办|打印/);
    const data = reportDataFile(r, '某机构', '../../schemas/x.json');
    const read = readReportData(parseYamlSource(data, 'x.report.yaml'), 'x.report.yaml');
    if (c.blanks) expect(read.diagnostics.map((d) => d.code)).toEqual(['report-blank-cell']);
    else {
      expect(read.diagnostics).toEqual([]);
      expect(read.data).toMatchObject({ format: c.format, year: c.year });
    }
    const { markdown, placeholders } = reportDocument(r, 'x.report.yaml', undefined);
    const fm = parseYaml(splitFrontmatter(markdown).matter);
    expect(fm).toMatchObject({ genre: '年报', section: '政府信息公开年报', report: { data: 'x.report.yaml' } });
    expect(placeholders).toEqual(['index_no', ...('written' in c.page ? [] : ['written'])]);
  });
});

describe('the copied text and the 2019 page in detail', () => {
  it('keeps the narrative line by line, headings as Markdown headings', () => {
    const copy = load('report-2021-copy.txt');
    expect(copy.body).toContain('## 一、总体情况\n\n2022年，示例镇主动公开政府信息128条');
    expect(copy.body.trimEnd().endsWith('## 六、其他需要报告的事项\n\n无')).toBe(true);
    const gbk = load('report-2021-gbk.html');
    expect(gbk.body).toContain('## 一、总体情况\n\n### （一）主动公开');
    expect(gbk.body.startsWith('本报告根据《中华人民共和国政府信息公开条例》编制。')).toBe(true);
  });

  it('follows --year and --publisher, and says when the year does not fit the title or the format', () => {
    const r = load('report-2019.html', { year: 2021, publisher: 'finance' });
    expect([r.year, r.format, r.publisher?.id]).toEqual([2021, '2019', 'finance']);
    const info = r.notes.filter((n) => n.kind === 'info').map((n) => n.message);
    expect(info).toContainEqual(expect.stringContaining('标题中的年度是 2019 年，按 --year 写成了 2021 年'));
    expect(info).toContainEqual(expect.stringContaining('2021 年度的年报通常使用2021 年格式'));
  });

  it('lists an unknown publisher and a row it cannot name', () => {
    const text = [
      '某乡2023年政府信息公开工作年度报告',
      '一、总体情况',
      '申请人数量\t1\t0\t0\t0\t0\t0\t1',
      '(一)予以公开\t1\t0\t0\t0\t0\t0\t1',
    ].join('\n');
    const r = importReport(Buffer.from(text), { fileName: 'x.txt', bodies: BODIES });
    expect(r.publisher).toBeUndefined();
    expect(r.notes.find((n) => n.field === 'publisher')?.kind).toBe('missing');
    expect(r.values.table3.granted).toEqual([1, 0, 0, 0, 0, 0, 1]);
    const unmapped = r.notes.filter((n) => n.kind === 'unmapped').map((n) => n.message);
    expect(unmapped[0]).toBe('无法识别的表格行“申请人数量”（7 个数），未导入。');
    // every row not found is listed and left blank
    expect(unmapped).toContainEqual(
      expect.stringContaining('原文中没有找到表三“一、本年新收政府信息公开申请数量”这一行'),
    );
    expect(r.values.table3.new_received).toEqual(new Array(7).fill(null));
  });
});
