// The report pages' pure parts: the official-layout table models (spans, ids and headers), where
// the tables go in the narrative, the open data (CSV and JSON), the 年报 index's overview (missing,
// late, pending), the trend series and chart geometry, and the paths site-paths lists.
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/lib/catalogue.ts';
import { pagePaths } from '../../src/lib/site-paths.ts';
import { barChart, chartMax, seriesName, trendTableModel } from '../../src/lib/report/chart.ts';
import {
  publisherTrends,
  reportCollection,
  reportEntry,
  reportOverview,
  reportPaths,
  statusText,
  titleYear,
  trendCharts,
  type ReportEntry,
} from '../../src/lib/report/collection.ts';
import type { ReportData } from '../../src/lib/report/data.ts';
import {
  FORMATS,
  TABLE3_COLUMNS,
  TABLE3_NOTE,
  TABLE4_COLUMNS,
  dataRows,
  type FormatId,
} from '../../src/lib/report/formats.ts';
import { columnCsv, reportCsv, reportCsvFiles, reportJson, tableRecords } from '../../src/lib/report/open-data.ts';
import type { ReportInfo, ReportStatus } from '../../src/lib/report/read.ts';
import {
  csvTableModel,
  splitNarrative,
  table2Model,
  table3Model,
  table4Model,
  type Cell,
  type TableModel,
} from '../../src/lib/report/tables.ts';
import type { DocumentMeta, Publisher } from '../../src/lib/types.ts';

/** A report's data: every cell `fill(row, column)` (default: row index + column), money written with two decimals. */
function reportData(
  format: FormatId,
  year: number,
  fill?: (table: string, row: string, i: number) => number,
): ReportData {
  const f = FORMATS[format];
  const value = fill ?? ((_t: string, _r: string, i: number) => i + 1);
  const data: ReportData = { format, year, table2: {}, table3: {}, table4: {}, written: {} };
  for (const b of f.table2) {
    for (const r of b.rows) {
      data.table2[r.id] = b.columns.map((_c, i) => value('table2', r.id, i));
      b.columns.forEach((c, i) => {
        if (c.kind === 'money') data.written[`table2.${r.id}.${i}`] = `${data.table2[r.id]![i]}.50`;
      });
    }
  }
  for (const r of dataRows(f)) {
    const six = [0, 1, 2, 3, 4, 5].map((i) => value('table3', r.id, i));
    data.table3[r.id] = [...six, six.reduce((a, b) => a + b, 0)];
  }
  for (const b of f.table4) {
    const four = [0, 1, 2, 3].map((i) => value('table4', b.id, i));
    data.table4[b.id] = [...four, four.reduce((a, b) => a + b, 0)];
  }
  return data;
}

/**
 * Lays the rows of a table out on a grid as a browser does (rowspan and colspan), returning each
 * row's width; throws when two cells overlap.
 */
function gridWidths(rows: Cell[][]): number[] {
  const taken: boolean[][] = [];
  const widths: number[] = [];
  rows.forEach((row, r) => {
    taken[r] ??= [];
    let col = 0;
    for (const cell of row) {
      while (taken[r]![col]) col++;
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) {
        taken[r + dr] ??= [];
        for (let dc = 0; dc < (cell.colspan ?? 1); dc++) {
          if (taken[r + dr]![col + dc]) throw new Error(`cells overlap at row ${r + dr}, column ${col + dc}`);
          taken[r + dr]![col + dc] = true;
        }
      }
      col += cell.colspan ?? 1;
    }
  });
  taken.forEach((t, r) => (widths[r] = t.filter(Boolean).length));
  return widths;
}

/** Every id a cell's `headers` names is a header cell of the same table; ids are unique. */
function headerProblems(t: TableModel): string[] {
  const cells = [...t.head.flat(), ...t.bodies.flat(2)];
  const ids = cells.filter((c) => c.id).map((c) => c.id!);
  const problems: string[] = [];
  if (new Set(ids).size !== ids.length) problems.push('duplicate ids');
  const headerIds = new Set(cells.filter((c) => c.tag === 'th' && c.id).map((c) => c.id!));
  for (const c of cells)
    for (const h of c.headers ?? []) if (!headerIds.has(h)) problems.push(`${c.text}: headers names ${h}, no header`);
  return problems;
}

const textOf = (t: TableModel, id: string) => [...t.head.flat(), ...t.bodies.flat(2)].find((c) => c.id === id)?.text;

describe('table 3 in the official layout', () => {
  for (const format of ['2021', '2019'] as const) {
    it(`${format}: three header rows beside the 勾稽 note, one row per data row, every row 10 columns wide`, () => {
      const data = reportData(format, 2021);
      const t = table3Model(data);
      const rows = [...t.head, ...t.bodies[0]!];
      expect(gridWidths(rows)).toEqual(rows.map(() => 10));
      expect(t.head).toHaveLength(3);
      expect(t.bodies[0]).toHaveLength(dataRows(FORMATS[format]).length);
      expect(t.head[0]![0]).toMatchObject({ tag: 'td', text: TABLE3_NOTE, rowspan: 3, colspan: 3, kind: 'note' });
      expect(t.head[0]![1]).toMatchObject({ tag: 'th', text: '申请人情况', colspan: 7 });
      expect(t.head[1]!.map((c) => [c.text, c.colspan ?? 1, c.rowspan ?? 1])).toEqual([
        ['自然人', 1, 2],
        ['法人或其他组织', 5, 1],
        ['总计', 1, 2],
      ]);
      expect(t.head[2]!.map((c) => c.text)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
      expect(headerProblems(t)).toEqual([]);
      expect(t.caption).toBe('三、收到和处理政府信息公开申请情况');
    });
  }

  it('row groups span their rows: 三、本年度办理结果 over 22, （三）不予公开 over 8, each leaf one column', () => {
    const t = table3Model(reportData('2021', 2021));
    const body = t.bodies[0]!;
    const group = (text: string) => body.flat().find((c) => c.text === text)!;
    expect(group('三、本年度办理结果')).toMatchObject({ tag: 'th', rowspan: 22 });
    expect(group('（三）不予公开')).toMatchObject({ tag: 'th', rowspan: 8, headers: ['rt3-r-results'] });
    expect(group('（四）无法提供').rowspan).toBe(3);
    expect(group('（五）不予处理').rowspan).toBe(5);
    expect(group('（六）其他处理').rowspan).toBe(3);
    expect(group('一、本年新收政府信息公开申请数量')).toMatchObject({ scope: 'row', colspan: 3 });
    expect(group('（一）予以公开')).toMatchObject({ scope: 'row', colspan: 2, headers: ['rt3-r-results'] });
    expect(group('1.属于国家秘密')).toMatchObject({
      scope: 'row',
      colspan: 1,
      headers: ['rt3-r-results', 'rt3-r-withheld'],
    });
    // 2019: （六）其他处理 is one data row beside 三
    const t19 = table3Model(reportData('2019', 2019));
    expect(t19.bodies[0]!.flat().find((c) => c.text === '三、本年度办理结果')!.rowspan).toBe(20);
    expect(t19.bodies[0]!.flat().find((c) => c.text === '（六）其他处理')).toMatchObject({ scope: 'row', colspan: 2 });
  });

  it('a cell names all its headers: column path, row groups, row; numbers right-aligned', () => {
    const data = reportData('2021', 2021);
    const t = table3Model(data);
    const row = t.bodies[0]!.find((r) => r.some((c) => c.text === '1.属于国家秘密'))!;
    const cells = row.filter((c) => c.tag === 'td');
    expect(cells).toHaveLength(7);
    expect(cells.every((c) => c.numeric)).toBe(true);
    expect(cells.map((c) => c.text)).toEqual(data.table3.withheld_state_secret!.map(String));
    const named = (c: Cell) => c.headers!.map((h) => textOf(t, h));
    expect(named(cells[1]!)).toEqual([
      '申请人情况',
      '法人或其他组织',
      '商业企业',
      '三、本年度办理结果',
      '（三）不予公开',
      '1.属于国家秘密',
    ]);
    expect(named(cells[0]!)).toEqual([
      '申请人情况',
      '自然人',
      '三、本年度办理结果',
      '（三）不予公开',
      '1.属于国家秘密',
    ]);
    expect(named(cells[6]!).slice(0, 2)).toEqual(['申请人情况', '总计']);
  });
});

describe('table 4 in the official layout', () => {
  it('行政复议 (two rows high) and 行政诉讼 over its two kinds, 15 leaf headers, one row of 15 numbers', () => {
    const data = reportData('2021', 2021);
    const t = table4Model(data);
    expect(gridWidths([...t.head, ...t.bodies[0]!])).toEqual([15, 15, 15, 15]);
    expect(t.head[0]!.map((c) => [c.text, c.colspan, c.rowspan ?? 1])).toEqual([
      ['行政复议', 5, 2],
      ['行政诉讼', 10, 1],
    ]);
    expect(t.head[1]!.map((c) => c.text)).toEqual(['未经复议直接起诉', '复议后起诉']);
    expect(t.head[2]!.map((c) => c.text)).toEqual([0, 1, 2].flatMap(() => TABLE4_COLUMNS.map((c) => c.label)));
    const cells = t.bodies[0]![0]!;
    expect(cells.map((c) => c.text)).toEqual(
      ['review', 'litigation_direct', 'litigation_after_review'].flatMap((b) => data.table4[b]!.map(String)),
    );
    expect(cells[7]!.headers!.map((h) => textOf(t, h))).toEqual(['行政诉讼', '未经复议直接起诉', '其他结果']);
    expect(cells[0]!.headers!.map((h) => textOf(t, h))).toEqual(['行政复议', '结果维持']);
    expect(headerProblems(t)).toEqual([]);
  });
});

describe('table 2 in the official layout', () => {
  for (const format of ['2021', '2019'] as const) {
    it(`${format}: each block its heading, a 信息内容 header row and its rows, all ${format === '2021' ? 4 : 4} columns wide`, () => {
      const data = reportData(format, 2021);
      const t = table2Model(data);
      expect(t.bodies).toHaveLength(FORMATS[format].table2.length);
      for (const body of t.bodies) {
        expect(gridWidths(body)).toEqual(body.map(() => 4));
        expect(body[0]![0]).toMatchObject({ tag: 'th', kind: 'block' });
        expect(body[1]![0]!.text).toBe('信息内容');
      }
      expect(headerProblems(t)).toEqual([]);
      expect(t.bodies.map((b) => b[0]![0]!.text)).toEqual(FORMATS[format].table2.map((b) => b.heading));
    });
  }

  it('money is shown exactly as written; a block with one column lets it span the row', () => {
    const t = table2Model(reportData('2021', 2021));
    const fees = t.bodies[3]!.find((r) => r[0]!.text === '行政事业性收费')!;
    expect(fees[1]).toMatchObject({ tag: 'td', text: '1.50', colspan: 3, numeric: true });
    const rules = t.bodies[0]!.find((r) => r[0]!.text === '规章')!;
    expect(rules[2]!.headers!.map((h) => textOf(t, h))).toEqual(['第二十条第（一）项', '本年废止件数', '规章']);
  });
});

describe('CSV tables of reports before 2019', () => {
  it('header row scope=col, first column scope=row, numbers flagged', () => {
    const t = csvTableModel(
      {
        title: '附表',
        source: 'x.csv',
        header: ['指标', '2018年'],
        rows: [
          ['主动公开', '57'],
          ['说明', '无'],
        ],
      },
      1,
    );
    expect(t).toMatchObject({ key: 'appendix-1', caption: '附表' });
    expect(t.head[0]!.map((c) => [c.tag, c.scope])).toEqual([
      ['th', 'col'],
      ['th', 'col'],
    ]);
    expect(t.bodies[0]!.map((r) => r.map((c) => [c.tag, c.scope ?? '', c.numeric ?? false]))).toEqual([
      [
        ['th', 'row', false],
        ['td', '', true],
      ],
      [
        ['th', 'row', false],
        ['td', '', false],
      ],
    ]);
  });
});

describe('tables placed in the narrative', () => {
  const h2 = (t: string) => `<h2>${t}</h2><p>…</p>`;
  it('cuts before 三、 四、 五、 when 二 … 五 are there in order', () => {
    const html =
      h2('一、总体情况') + h2('二、主动公开') + h2('三、收到') + h2('四、复议') + h2('五、问题') + h2('六、其他');
    const parts = splitNarrative(html);
    expect(parts).toHaveLength(4);
    expect(parts.join('')).toBe(html);
    expect(parts.map((p) => /<h2>(.)/.exec(p)![1])).toEqual(['一', '三', '四', '五']);
  });
  it('keeps the narrative whole when a heading is missing or out of order', () => {
    expect(splitNarrative(h2('二、a') + h2('三、b') + h2('五、c'))).toHaveLength(1);
    expect(splitNarrative(h2('三、b') + h2('二、a') + h2('四、c') + h2('五、d'))).toHaveLength(1);
    expect(splitNarrative('<p>无标题</p>')).toEqual(['<p>无标题</p>']);
  });
});

const info = (data: ReportData): ReportInfo => ({
  year: data.year,
  format: data.format,
  data,
  tables: [],
  knownDefects: [],
});

describe('open data', () => {
  it('a report has a CSV per national table, with BOM, CRLF and the data file values', () => {
    const data = reportData('2021', 2024);
    const i = info(data);
    expect(reportCsvFiles(i).map((f) => f.fileName)).toEqual([
      'report-table2.csv',
      'report-table3.csv',
      'report-table4.csv',
    ]);
    const csv = reportCsv(i, 'table3')!;
    expect(csv.startsWith('\uFEFF行标识,分组,行名称,自然人,')).toBe(true);
    expect(csv).toContain('\r\n');
    const records = parseCsv(csv, { bom: true }) as string[][];
    expect(records[0]).toEqual(['行标识', '分组', '行名称', ...TABLE3_COLUMNS.map((c) => c.label)]);
    const leaf = records.find((r) => r[0] === 'withheld_process')!;
    expect(leaf.slice(1, 3)).toEqual(['三、本年度办理结果 / （三）不予公开', '6.属于四类过程性信息']);
    expect(leaf.slice(3).map(Number)).toEqual(data.table3.withheld_process);
    expect(records).toHaveLength(1 + dataRows(FORMATS['2021']).length);
    const t2 = parseCsv(reportCsv(i, 'table2')!, { bom: true }) as string[][];
    expect(t2.find((r) => r[2] === 'fees')).toEqual([
      'art20_8',
      '第二十条第（八）项',
      'fees',
      '行政事业性收费',
      'amount',
      '本年收费金额（单位：万元）',
      '1.50',
    ]);
    expect(reportCsv(i, 'appendix-1')).toBeUndefined();
  });

  it('tableRecords: table 4 with its groups', () => {
    const { header, rows } = tableRecords(reportData('2019', 2020), 'table4');
    expect(header).toEqual(['行标识', '分组', '行名称', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['review', '', '行政复议'],
      ['litigation_direct', '行政诉讼', '未经复议直接起诉'],
      ['litigation_after_review', '行政诉讼', '复议后起诉'],
    ]);
  });

  it('a report before 2019 has its CSV tables as they are', () => {
    const i: ReportInfo = {
      year: 2018,
      format: 'free',
      tables: [{ title: '附表', source: 'a.csv', header: ['指标', '数量'], rows: [['申请, 含网络', '3']] }],
      knownDefects: [],
    };
    expect(reportCsvFiles(i)).toEqual([{ key: 'appendix-1', title: '附表', fileName: 'report-appendix-1.csv' }]);
    expect(reportCsv(i, 'appendix-1')).toBe('\uFEFF指标,数量\r\n"申请, 含网络",3\r\n');
  });

  it('JSON: ids, labels, values and money as written', () => {
    const data = reportData('2021', 2024);
    const ref = {
      title: 'T',
      indexNo: 'I',
      publisherId: 'p',
      publisher: 'P',
      published: '2025-01-20',
      page: '/doc/x/',
    };
    const json = JSON.parse(JSON.stringify(reportJson(ref, info(data))));
    expect(json).toMatchObject({
      title: 'T',
      year: 2024,
      format: '2021',
      publisher: { id: 'p', name: 'P' },
      page: '/doc/x/',
    });
    expect(json.table3.rows).toHaveLength(25);
    expect(json.table3.rows[4]).toEqual({
      id: 'withheld_state_secret',
      label: '1.属于国家秘密',
      groups: ['三、本年度办理结果', '（三）不予公开'],
      values: data.table3.withheld_state_secret,
    });
    expect(json.table2.blocks[3].rows[0]).toEqual({
      id: 'fees',
      label: '行政事业性收费',
      values: [1],
      written: { amount: '1.50' },
    });
    expect(json.table4.rows[1]).toEqual({
      id: 'litigation_direct',
      label: '未经复议直接起诉',
      group: '行政诉讼',
      values: data.table4.litigation_direct,
    });
  });

  it('the column CSV: every report, led by year, publisher, format and 索引号', () => {
    const ref = (p: string) => ({
      title: 'T',
      indexNo: `I-${p}`,
      publisherId: p,
      publisher: p.toUpperCase(),
      published: '',
      page: '',
    });
    const csv = columnCsv(
      [
        { ref: ref('a'), data: reportData('2019', 2020) },
        { ref: ref('b'), data: reportData('2021', 2021) },
      ],
      'table4',
    );
    const records = parseCsv(csv, { bom: true }) as string[][];
    expect(records[0]!.slice(0, 6)).toEqual(['年度', '发布机构标识', '发布机构', '年报格式', '索引号', '行标识']);
    expect(records.slice(1).map((r) => r.slice(0, 6))).toEqual([
      ['2020', 'a', 'A', '2019 年试行格式', 'I-a', 'review'],
      ['2020', 'a', 'A', '2019 年试行格式', 'I-a', 'litigation_direct'],
      ['2020', 'a', 'A', '2019 年试行格式', 'I-a', 'litigation_after_review'],
      ['2021', 'b', 'B', '2021 年格式', 'I-b', 'review'],
      ['2021', 'b', 'B', '2021 年格式', 'I-b', 'litigation_direct'],
      ['2021', 'b', 'B', '2021 年格式', 'I-b', 'litigation_after_review'],
    ]);
    expect(parseCsv(columnCsv([], 'table3'), { bom: true })).toHaveLength(1);
  });
});

const publisher = (id: string, level?: string, reportDeadline?: string): Publisher =>
  ({ id, name: `机构${id}`, level, reportDeadline, aliases: [] }) as Publisher;

let serial = 0;
function doc(
  publisherId: string,
  year: number | undefined,
  fields: Partial<DocumentMeta> = {},
  status?: ReportStatus,
  data?: ReportData,
): DocumentMeta {
  const n = ++serial;
  const published = fields.published ?? `${(year ?? 2020) + 1}-01-10`;
  return {
    title: `机构${publisherId}${year ?? ''}年政府信息公开工作年度报告`,
    indexNo: `X/${n}`,
    slug: `r${n}`,
    file: `documents/r${n}.md`,
    published,
    publishedAt: `${published} 00:00`,
    written: published,
    publisherId,
    publisher: `机构${publisherId}`,
    topicId: '02-01',
    genreId: 'annual-report',
    sectionId: 'annual-reports',
    supersedes: [],
    keywords: [],
    summary: '',
    attachments: [],
    assets: [],
    report:
      data || status
        ? { year: data?.year ?? year, format: data?.format ?? 'free', data, tables: [], knownDefects: [], status }
        : undefined,
    ...fields,
  } as DocumentMeta;
}

describe('the year × publisher overview', () => {
  const publishers = [
    publisher('dept', '县级政府部门'),
    publisher('town', '乡镇人民政府'),
    publisher('gov', '县级人民政府'),
  ];
  const late: ReportStatus = {
    errors: 0,
    warnings: 1,
    acknowledged: [],
    late: { deadline: '2024-01-31', published: '2024-02-20' },
  };
  const entries: ReportEntry[] = [
    doc('dept', 2021),
    doc('dept', 2023, { published: '2024-02-20' }, late),
    doc('town', 2020),
    doc('town', 2022),
    doc('gov', 2024),
  ].map(reportEntry);

  it('a gap between first and last is missing; past the deadline, so are the years up to the previous one', () => {
    const o = reportOverview(entries, publishers, '2025-11-27');
    expect(o.years).toEqual([2020, 2021, 2022, 2023, 2024]);
    const states = Object.fromEntries(o.rows.map((r) => [r.publisher.id, r.cells.map((c) => c.state)]));
    expect(states).toEqual({
      dept: ['none', 'published', 'missing', 'late', 'missing'],
      town: ['published', 'missing', 'published', 'none', 'none'],
      gov: ['none', 'none', 'none', 'none', 'published'],
    });
    expect(o.rows.map((r) => [r.publisher.id, r.missing, r.late])).toEqual([
      ['dept', 2, 1],
      ['town', 1, 0],
      ['gov', 0, 0],
    ]);
  });

  it('before the deadline the previous year is pending, not missing', () => {
    const o = reportOverview(entries, publishers, '2025-01-15');
    const dept = o.rows.find((r) => r.publisher.id === 'dept')!;
    expect(dept.cells.map((c) => c.state)).toEqual(['none', 'published', 'missing', 'late', 'pending']);
  });

  it('a report without a known year is listed, not placed in the overview', () => {
    const e = reportEntry(doc('dept', undefined, { title: '年度报告' }));
    expect(e.year).toBeUndefined();
    expect(reportOverview([e], publishers, '2025-11-27')).toEqual({ years: [], rows: [] });
    expect(titleYear('赤门乡2018年政府信息公开工作年度报告')).toBe(2018);
  });

  it('status in words', () => {
    expect(statusText(undefined)).toBeUndefined();
    expect(statusText({ errors: 0, warnings: 0, acknowledged: [] })).toBe('通过');
    expect(statusText({ errors: 1, warnings: 2, acknowledged: [] })).toBe('1 个错误、2 个警告');
  });
});

describe('trends', () => {
  const d21 = reportData('2021', 2021, (t, _r, i) => (t === 'table2' ? [2, 1, 9][i]! : i === 0 ? 2 : 0));
  const d19 = reportData('2019', 2020, (_t, _r, i) => (i === 0 ? 1 : 0));
  const d23 = reportData('2021', 2023, (t, _r, i) => (t === 'table2' ? [0, 0, 10][i]! : i === 0 ? 3 : 0));

  it('needs two years of data; gaps are years without values', () => {
    const entries = [
      doc('a', 2023, {}, undefined, d23),
      doc('a', 2021, {}, undefined, d21),
      doc('a', 2020, {}, undefined, d19),
      doc('b', 2021, {}, undefined, d21),
    ].map(reportEntry);
    const trends = publisherTrends(entries, [publisher('b'), publisher('a')]);
    expect(trends.map((t) => t.publisher.id)).toEqual(['a']);
    const t = trends[0]!;
    expect(t.years).toEqual([2020, 2021, 2022, 2023]);
    expect(t.reports.map((r) => r?.year)).toEqual([2020, 2021, undefined, 2023]);
    const chart = (id: string) => t.charts.find((c) => c.id === id)!;
    expect(chart('received').series[0]!.values).toEqual([1, 2, undefined, 3]);
    // the 2021 format's （三） has 8 leaf rows, each 2 in its 总计; 2019's （六） is one row
    expect(chart('outcomes').series.map((s) => [s.label, s.values])).toEqual([
      ['予以公开', [1, 2, undefined, 3]],
      ['部分公开', [1, 2, undefined, 3]],
      ['不予公开', [8, 16, undefined, 24]],
      ['无法提供', [3, 6, undefined, 9]],
      ['不予处理', [5, 10, undefined, 15]],
      ['其他处理', [1, 6, undefined, 9]],
    ]);
    expect(chart('appeals').series.map((s) => s.label)).toEqual([
      '行政复议',
      '行政诉讼（未经复议直接起诉）',
      '行政诉讼（复议后起诉）',
    ]);
    expect(chart('in-force').series.map((s) => s.values)).toEqual([
      [undefined, 9, undefined, 10],
      [undefined, 9, undefined, 10],
    ]);
    expect(chart('in-force').note).toMatch(/2019 年试行格式/);
  });

  it('a chart with no values at all is left out', () => {
    const charts = trendCharts([d19, d19]);
    expect(charts.map((c) => c.id)).toEqual(['received', 'outcomes', 'appeals']);
  });

  it('bar geometry: one scale per chart, labels above bars, no bar for 0 or no value', () => {
    const layout = barChart([2020, 2021, 2022], [5, 0, undefined], 10);
    expect(layout.bars.map((b) => [b.label, b.height, b.missing])).toEqual([
      ['5', 50, false],
      ['0', 0, false],
      ['无数据', 0, true],
    ]);
    expect(layout.bars[0]!.y + layout.bars[0]!.height).toBe(layout.baseline);
    expect(layout.bars[0]!.labelY).toBeLessThan(layout.bars[0]!.y);
    expect(layout.width).toBe(16 + 56 * 3);
    expect(
      chartMax({ id: 'x', title: '', unit: '件', series: [{ id: 'a', label: 'a', values: [1, undefined, 7] }] }),
    ).toBe(7);
    expect(seriesName('予以公开', '件', [2020, 2021], [3, undefined])).toBe(
      '予以公开（件）柱状图：2020年 3，2021年 无数据',
    );
    const table = trendTableModel(
      { id: 'x', title: '标题', unit: '件', series: [{ id: 'a', label: 'A', values: [1, undefined] }] },
      [2020, 2021],
      'tx',
    );
    expect(table.head[0]!.map((c) => c.text)).toEqual(['项目', '2020年', '2021年']);
    expect(table.bodies[0]![0]!.map((c) => [c.text, c.numeric ?? false])).toEqual([
      ['A', false],
      ['1', true],
      ['无数据', false],
    ]);
  });
});

describe('paths of the report pages', () => {
  it('site-paths lists the index, the column CSVs, each trends page and each report’s open data', () => {
    const d = [
      doc('a', 2021, {}, undefined, reportData('2021', 2021)),
      doc('a', 2022, {}, undefined, reportData('2021', 2022)),
      doc('b', 2018, {
        report: {
          year: 2018,
          format: 'free',
          tables: [{ title: 't', source: 's', header: [], rows: [] }],
          knownDefects: [],
        },
      }),
      doc('c', 2019),
    ];
    const catalogue = buildCatalogue({ documents: d, publishers: [], topics: [], genres: [], sections: [] });
    const paths = reportPaths(catalogue);
    expect(paths).toEqual([
      '/annual-reports/',
      '/annual-reports/table2.csv',
      '/annual-reports/table3.csv',
      '/annual-reports/table4.csv',
      '/annual-reports/trends/a/',
      ...[d[1]!, d[0]!].flatMap((x) => [
        `/doc/${x.slug}/report.json`,
        ...['2', '3', '4'].map((n) => `/doc/${x.slug}/report-table${n}.csv`),
      ]),
      `/doc/${d[2]!.slug}/report.json`,
      `/doc/${d[2]!.slug}/report-appendix-1.csv`,
    ]);
    const all = pagePaths(catalogue, 20);
    for (const p of paths) expect(all.has(p), p).toBe(true);
    expect(reportCollection(catalogue, []).entries.map((e) => e.doc.slug)).toEqual([
      d[1]!.slug,
      d[0]!.slug,
      d[3]!.slug,
      d[2]!.slug,
    ]);
  });
});
