// Reading what a report's frontmatter `report` names (src/lib/report/read.ts, data.ts): the data
// file and the CSV tables. Each case changes the realistic 2021 report of report-fixture.ts and
// lists everything loadSite reports, with the exact message; the report's status counts it.
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/lib/site.ts';
import { writeColumn } from './fixture-column.ts';
import { NORMATIVE_2021, dataFile, reportFiles, tables2021 } from './report-fixture.ts';

const MD = 'documents/reports/gov-2021.md';
const DATA = 'documents/reports/gov-2021.yaml';
const DATA_TEXT = dataFile('2021', 2021, tables2021());
const GRANTED = '表三“三、本年度办理结果 （一）予以公开”';
const COLUMNS_7 = '自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计';

type Files = Record<string, string | null>;

function load(files: Files) {
  const all: Files = { ...NORMATIVE_2021, ...reportFiles({ name: 'gov-2021', year: 2021 }), ...files };
  const text: Record<string, string> = {};
  for (const [rel, v] of Object.entries(all)) if (v !== null) text[rel] = v;
  return loadSite(writeColumn(text), { today: '2026-11-27' });
}

/** The base data file with one replacement. */
const data = (from: string | RegExp, to: string) => {
  const text = DATA_TEXT.replace(from, to);
  if (text === DATA_TEXT) throw new Error(`not in the data file: ${String(from)}`);
  return { [DATA]: text };
};

/** A report for 2018 (free form) with one CSV table. */
const free2018 = (csv: string | null): Files => ({
  ...reportFiles({
    name: 'gov-2018',
    year: 2018,
    format: 'free',
    published: '2019-03-20',
    report: { tables: [{ file: 'gov-2018.csv', title: '附表' }] },
  }),
  'documents/reports/gov-2018.csv': csv,
});

type Row = [
  level: string,
  code: string,
  file: string,
  line: number | undefined,
  field: string | undefined,
  message: string,
  fix: string,
];

/** [name, files, every diagnostic: level, code, file, line, field, message, fix] */
const cases: [string, Files, Row[]][] = [
  [
    'an unknown format',
    data('format: "2021"', 'format: "2020"'),
    [
      [
        'error',
        'report-format',
        DATA,
        1,
        'format',
        '年报格式“2020”无法识别。',
        '写 format: "2021"（2021 年及以后的年报）或 format: "2019"（2019、2020 年的年报）。',
      ],
    ],
  ],
  [
    'a blank cell (null)',
    data('granted: [8, 2,', 'granted: [8, null,'),
    [
      [
        'error',
        'report-blank-cell',
        DATA,
        13,
        'table3.granted',
        `${GRANTED}的“商业企业”是空的。`,
        '填写数字；没有的写 0，不要留空。',
      ],
    ],
  ],
  [
    'a short row',
    data('granted: [8, 2, 0, 0, 1, 0, 11]', 'granted: [8, 2, 0, 0, 1]'),
    [
      [
        'error',
        'report-blank-cell',
        DATA,
        13,
        'table3.granted',
        `${GRANTED}少填了 2 个数：“其他”、“总计”是空的。`,
        `这一行要按顺序填 7 个数（${COLUMNS_7}），没有的写 0。`,
      ],
    ],
  ],
  [
    'a missing row',
    data(/ {2}granted: .*\n/, ''),
    [
      [
        'error',
        'report-blank-cell',
        DATA,
        10,
        'table3.granted',
        `缺少${GRANTED}这一行。`,
        `写成 granted: [0, 0, 0, 0, 0, 0, 0]（${COLUMNS_7}）。`,
      ],
    ],
  ],
  [
    '[8, , 2]: a YAML syntax error with its line',
    data('granted: [8, 2,', 'granted: [8, ,'),
    [
      [
        'error',
        'yaml-syntax',
        DATA,
        13,
        undefined,
        'YAML 语法错误：方括号中有空项：两个逗号之间没有值（空格子请写 0）。',
        '检查这一行及上一行的冒号、缩进（用空格，不用 Tab）、引号是否成对；列表中的空值请写 0 或删除。',
      ],
    ],
  ],
  [
    'a negative count',
    data('granted: [8,', 'granted: [-1,'),
    [
      [
        'error',
        'report-cell-value',
        DATA,
        13,
        'table3.granted',
        `${GRANTED}的“自然人”的值“-1”不对：应为不小于 0 的整数。`,
        '写整数，不加单位、逗号或小数点。',
      ],
    ],
  ],
  [
    'a fraction where a count belongs',
    data('licensing: [356]', 'licensing: [35.6]'),
    [
      [
        'error',
        'report-cell-value',
        DATA,
        6,
        'table2.licensing',
        '表二 第二十条第（五）项“行政许可”的“本年处理决定数量”的值“35.6”不对：应为不小于 0 的整数。',
        '写整数，不加单位、逗号或小数点。',
      ],
    ],
  ],
  [
    'negative money',
    data('fees: [12.5]', 'fees: [-3]'),
    [
      [
        'error',
        'report-cell-value',
        DATA,
        9,
        'table2.fees',
        '表二 第二十条第（八）项“行政事业性收费”的“本年收费金额（单位：万元）”的值“-3”不对：应为不小于 0 的数。',
        '金额写数字，例如 12.5（单位见表头），不加单位和逗号。',
      ],
    ],
  ],
  [
    'a row that is not a list',
    data('licensing: [356]', 'licensing: 356'),
    [
      [
        'error',
        'report-data',
        DATA,
        6,
        'table2.licensing',
        '表二 第二十条第（五）项“行政许可”应写成一行数字，例如 [0, 0, 0]。',
        '写成 licensing: [0]（本年处理决定数量）。',
      ],
    ],
  ],
  [
    'a row with one number too many',
    data('granted: [8, 2, 0, 0, 1, 0, 11]', 'granted: [8, 2, 0, 0, 1, 0, 11, 0]'),
    [
      [
        'error',
        'report-data',
        DATA,
        13,
        'table3.granted',
        `${GRANTED}多填了数：只有 7 列。`,
        `这一行按顺序填 7 个数：${COLUMNS_7}。`,
      ],
    ],
  ],
  [
    'a misspelt row id: named, with the ids it may be, and the row it should be is missing',
    data('withheld_inquiry: [', 'withheld_inquery: ['),
    [
      [
        'error',
        'report-blank-cell',
        DATA,
        10,
        'table3.withheld_inquiry',
        '缺少表三“三、本年度办理结果 （三）不予公开 8.属于行政查询事项”这一行。',
        '写成 withheld_inquiry: [0, 0, 0, 0, 0, 0, 0]（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）。',
      ],
      [
        'error',
        'report-data',
        DATA,
        22,
        'table3',
        '表三中无法识别的行：withheld_inquery。',
        '行的名称只能是模板中的英文标识（new_received、carried_over、granted、partly_granted、withheld_state_secret、withheld_prohibited、withheld_security、withheld_third_party、withheld_internal、withheld_process、withheld_enforcement、withheld_inquiry、unavailable_not_held、unavailable_needs_creation、unavailable_unclear、not_processed_petition、not_processed_repeat、not_processed_publication、not_processed_excessive、not_processed_confirmation、other_no_correction、other_no_fee、other_other、total、carried_forward）；用 npm run report:template 生成模板。',
      ],
    ],
  ],
  [
    'a year written in Chinese numerals',
    data(/^year: \d+$/m, 'year: 二〇二一'),
    [
      [
        'error',
        'report-data',
        DATA,
        2,
        'year',
        '报告年度“二〇二一”不对：应为 2008 至 2100 之间的整数年份。',
        '写统计的年份（不是发布年份），例如 year: 2023，不加引号。',
      ],
    ],
  ],
  [
    'no table 4',
    data(/table4:[\s\S]*$/, ''),
    [
      [
        'error',
        'report-data',
        DATA,
        1,
        'table4',
        '缺少“table4”。',
        '按 npm run report:template 生成的模板填写，不要改动行的名称。',
      ],
    ],
  ],
  [
    'report.year differs from the data file’s',
    { [MD]: reportFiles({ name: 'gov-2021', year: 2021, report: { year: 2020 } })[MD]! },
    [
      [
        'error',
        'report-year-mismatch',
        MD,
        15,
        'report',
        '报告年度 2020 与数据文件 documents/reports/gov-2021.yaml 中的 2021 不一致。',
        '删除 report 中的 year（以数据文件为准），或改正其中一个。',
      ],
    ],
  ],
  [
    'no data file',
    { [DATA]: null },
    [
      [
        'error',
        'missing-report-file',
        MD,
        14,
        'report',
        '年报数据文件“gov-2021.yaml”不存在（应在本文件所在目录中：documents/reports/gov-2021.yaml）。',
        '把文件放在 Markdown 文件旁边，或改正文件名（注意扩展名和全角/半角字符）。',
      ],
    ],
  ],
  [
    'no CSV table',
    free2018(null),
    [
      [
        'error',
        'missing-report-file',
        'documents/reports/gov-2018.md',
        16,
        'report',
        '附表文件“gov-2018.csv”不存在（应在本文件所在目录中：documents/reports/gov-2018.csv）。',
        '把文件放在 Markdown 文件旁边，或改正文件名（注意扩展名和全角/半角字符）。',
      ],
    ],
  ],
  [
    'a CSV table with an unclosed quote',
    free2018('指标,单位,2018\n"受理申请总数,件,12\n'),
    [
      [
        'error',
        'report-csv',
        'documents/reports/gov-2018.csv',
        2,
        undefined,
        'CSV 格式错误：有一个引号没有结束（引号要成对）。',
        '用 Excel 或 WPS 打开后“另存为 CSV UTF-8（逗号分隔）”，或检查这一行的引号是否成对。',
      ],
    ],
  ],
];

describe('reading a report’s data file and tables', () => {
  it.each(cases)('%s', (_name, files, expected) => {
    const site = load(files);
    expect(site.diagnostics.map((d) => [d.level, d.code, d.file, d.line, d.field, d.message, d.fix])).toEqual(expected);
    // the report whose file it is counts the error in its status
    const reports = site.documents.filter((d) => d.report).map((d) => d.report!.status!);
    expect(reports.reduce((n, s) => n + s.errors, 0)).toBe(expected.length);
  });

  it('a CSV table that reads: its header and rows', () => {
    const site = load(free2018('指标,单位,2018\n受理政府信息公开申请总数,件,12\n"当面申请数, 含来访",件,3\n'));
    expect(site.diagnostics).toEqual([]);
    const report = site.documents.find((d) => d.file === 'documents/reports/gov-2018.md')!.report!;
    expect(report.format).toBe('free');
    expect(report.tables).toEqual([
      {
        title: '附表',
        source: 'documents/reports/gov-2018.csv',
        header: ['指标', '单位', '2018'],
        rows: [
          ['受理政府信息公开申请总数', '件', '12'],
          ['当面申请数, 含来访', '件', '3'],
        ],
      },
    ]);
  });

  it('the data file: figures, money as written, the lines of its rows', () => {
    const site = load(data('fees: [12.5]', 'fees: [12.50]'));
    const report = site.documents.find((d) => d.report)!.report!;
    expect(report.data!.table3.total).toEqual([21, 4, 1, 0, 1, 1, 28]);
    expect(report.data!.written).toEqual({ 'table2.fees.0': '12.50' });
    expect(report.dataLines!['table3.total']).toBe(34);
  });
});
