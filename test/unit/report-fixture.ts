// Annual reports for the unit tests: a realistic 2021-format report of 测试县人民政府 (non-zero
// figures, every sum and narrative figure right, its normative documents in the catalogue) that
// passes every check, and the means to change one thing in it. Data files are written here with
// their own small writer, independently of the template writer of src/lib/report/data.ts.
import { FORMATS, dataRows, type FormatId } from '../../src/lib/report/formats.ts';
import { BASE_DOC, ORG_CODE, doc } from './fixture-column.ts';

export type Tables = {
  table2: Record<string, number[]>;
  table3: Record<string, number[]>;
  table4: Record<string, number[]>;
};

const zeros = (n: number) => new Array<number>(n).fill(0);

/** Every row of a format, zero-filled. */
export function zeroTables(format: FormatId): Tables {
  const f = FORMATS[format];
  return {
    table2: Object.fromEntries(f.table2.flatMap((b) => b.rows.map((r) => [r.id, zeros(b.columns.length)]))),
    table3: Object.fromEntries(dataRows(f).map((r) => [r.id, zeros(7)])),
    table4: Object.fromEntries(f.table4.map((b) => [b.id, zeros(5)])),
  };
}

/** The 2021 report's tables: 29 received, 3 carried over, 28 handled, 4 carried forward. */
export function tables2021(): Tables {
  const t = zeroTables('2021');
  Object.assign(t.table2, {
    rules: [0, 0, 0],
    normative: [2, 1, 15],
    licensing: [356],
    penalty: [128],
    coercion: [3],
    fees: [12.5],
  });
  Object.assign(t.table3, {
    new_received: [20, 5, 1, 0, 2, 1, 29],
    carried_over: [2, 1, 0, 0, 0, 0, 3],
    granted: [8, 2, 0, 0, 1, 0, 11],
    partly_granted: [2, 1, 0, 0, 0, 0, 3],
    withheld_third_party: [1, 0, 0, 0, 0, 0, 1],
    withheld_process: [1, 0, 0, 0, 0, 0, 1],
    unavailable_not_held: [5, 1, 1, 0, 0, 1, 8],
    unavailable_needs_creation: [1, 0, 0, 0, 0, 0, 1],
    not_processed_petition: [1, 0, 0, 0, 0, 0, 1],
    not_processed_repeat: [1, 0, 0, 0, 0, 0, 1],
    other_no_correction: [1, 0, 0, 0, 0, 0, 1],
    total: [21, 4, 1, 0, 1, 1, 28],
    carried_forward: [1, 2, 0, 0, 1, 0, 4],
  });
  Object.assign(t.table4, {
    review: [1, 1, 0, 0, 2],
    litigation_direct: [1, 0, 0, 0, 1],
    litigation_after_review: [0, 0, 0, 1, 1],
  });
  return t;
}

/** A data file: rows in flow style ([1, 2, 3]), as editors write them. */
export function dataFile(format: FormatId, year: number, tables: Tables): string {
  const block = (name: string, rows: Record<string, number[]>) =>
    [`${name}:`, ...Object.entries(rows).map(([id, v]) => `  ${id}: [${v.join(', ')}]`)].join('\n');
  return [
    `format: "${format}"`,
    `year: ${year}`,
    block('table2', tables.table2),
    block('table3', tables.table3),
    block('table4', tables.table4),
    '',
  ].join('\n');
}

/** The six headings' section texts of the base narrative, by heading number. */
export const NARRATIVE_2021 = {
  intro:
    '本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。',
  overview: [
    '### （一）主动公开',
    '',
    '2021年，县人民政府主动公开政府信息856条，制发行政规范性文件2件，废止1件。',
    '',
    '### （二）依申请公开',
    '',
    '全年新收政府信息公开申请29件，上年结转3件。全年办结28件，其中予以公开11件，占39.29%；部分公开3件，不予公开2件，无法提供9件，不予处理2件，其他处理1件；结转下年度继续办理4件。',
    '',
    '### （三）监督保障',
    '',
    '全年因政府信息公开工作被申请行政复议2件，提起行政诉讼2件。',
  ].join('\n'),
  problems: '一是政策解读形式较为单一；二是依申请公开答复文书有待规范。',
  other: '2021年，县人民政府未收取信息处理费。',
};

/** A body with the format's six headings; `parts` replaces the texts of the base narrative. */
export function reportBody(format: FormatId = '2021', parts: Partial<typeof NARRATIVE_2021> = {}): string {
  const p = { ...NARRATIVE_2021, ...parts };
  const [h1, h2, h3, h4, h5, h6] = FORMATS[format].headings;
  return [
    p.intro,
    `## ${h1}`,
    p.overview,
    `## ${h2}`,
    '主动公开情况见下表。',
    `## ${h3}`,
    '依申请公开情况见下表。',
    `## ${h4}`,
    '复议、诉讼情况见下表。',
    `## ${h5}`,
    p.problems,
    `## ${h6}`,
    p.other,
    '',
  ].join('\n\n');
}

export interface ReportSpec {
  /** File name under documents/reports/, without .md. */
  name: string;
  year: number;
  format?: FormatId | 'free';
  tables?: Tables;
  publisher?: string;
  published?: string;
  body?: string;
  /** Frontmatter `report` besides `data` (known_defects, tables …). */
  report?: Record<string, unknown>;
  serial?: number;
  /** The code in the 索引号: the publisher's (default: the organisation's). */
  code?: string;
}

/** A body for any year with the format's headings, the statistics period and no figures. */
export function neutralBody(year: number, format: FormatId = '2021'): string {
  return reportBody(format, {
    intro: `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    overview: `${year}年，本机关认真贯彻落实《条例》，依法做好政府信息公开工作。`,
    problems: '一是公开内容不够全面；二是更新不够及时。',
    other: '无。',
  });
}

/** The Markdown file and data file of a report, by path under the content directory. */
export function reportFiles(spec: ReportSpec): Record<string, string> {
  const format = spec.format ?? '2021';
  const published = spec.published ?? `${spec.year + 1}-03-25`;
  const yyyymm = published.slice(0, 7).replace('-', '');
  const dataName = `${spec.name}.yaml`;
  const fields: Record<string, unknown> = {
    ...BASE_DOC,
    title: `${spec.publisher ?? '测试县人民政府'}${spec.year}年政府信息公开工作年度报告`,
    index_no: `${spec.code ?? ORG_CODE}/${yyyymm}-${String(900 + (spec.serial ?? 1)).padStart(5, '0')}`,
    publisher: spec.publisher ?? '测试县人民政府',
    genre: '年报',
    written: published,
    published,
    keywords: ['政府信息公开', '年度报告'],
    section: '政府信息公开年报',
    report: format === 'free' ? { year: spec.year, ...spec.report } : { data: dataName, ...spec.report },
  };
  delete fields.doc_no;
  const files: Record<string, string> = {
    [`documents/reports/${spec.name}.md`]: doc(
      fields,
      // the base narrative belongs to the base tables; other reports get one without figures
      spec.body ??
        (spec.year === 2021 && !spec.tables && format === '2021'
          ? reportBody()
          : neutralBody(spec.year, format === 'free' ? '2021' : format)),
    ),
  };
  if (format !== 'free') {
    files[`documents/reports/${dataName}`] = dataFile(format, spec.year, spec.tables ?? tables2021());
  }
  return files;
}

/** A 行政规范性文件 of 测试县人民政府 (the catalogue side of table 2). */
export function normativeDoc(serial: number, written: string, extra: Record<string, unknown> = {}): string {
  return doc({
    ...BASE_DOC,
    title: `测试县人民政府关于印发示例管理办法（${serial}）的通知`,
    index_no: `${ORG_CODE}/${written.slice(0, 7).replace('-', '')}-${String(serial).padStart(5, '0')}`,
    doc_no: `测政规〔${written.slice(0, 4)}〕${serial}号`,
    written,
    published: written,
    normative: '行政规范性文件',
    validity: '有效',
    ...extra,
  });
}

/** The catalogue behind the 2021 report's table 2: two 行政规范性文件 written in 2021, one repealed in it. */
export const NORMATIVE_2021: Record<string, string> = {
  'documents/n1.md': normativeDoc(1, '2021-04-06'),
  'documents/n2.md': normativeDoc(2, '2021-09-13'),
  'documents/n3.md': normativeDoc(3, '2018-05-02', { validity: '废止', repealed: '2021-09-13' }),
};
