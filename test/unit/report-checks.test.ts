// The annual-report checks (src/lib/report/checks.ts): each rule passes on the realistic 2021
// report of report-fixture.ts and fails with its exact message when one thing is changed. Every
// case lists everything loadSite reports, so a change that breaks one rule shows what else it drags
// along (a wrong 总计 breaks a row sum and a column sum: both are listed).
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/lib/site.ts';
import type { Diagnostic } from '../../src/lib/types.ts';
import {
  BASE_DOC,
  BODIES_YAML,
  OFFICE_CODE,
  ORG_CODE,
  doc,
  expectDiagnostics as expectAll,
  writeColumn,
  type ExpectedDiagnostic,
} from './fixture-column.ts';
import {
  NARRATIVE_2021,
  NORMATIVE_2021,
  normativeDoc,
  reportBody,
  reportFiles,
  tables2021,
  zeroTables,
  type ReportSpec,
  type Tables,
} from './report-fixture.ts';

const TODAY = '2026-11-27';
const GOV = 'documents/reports/gov-2021.md';
const GOV_DATA = 'documents/reports/gov-2021.yaml';

type Files = Record<string, string | null>;

/** The base column (the 2021 report and its normative documents) with `files` added, replaced or (null) removed. */
function load(
  files: Files = {},
  base: Files = { ...NORMATIVE_2021, ...reportFiles({ name: 'gov-2021', year: 2021 }) },
) {
  const all = { ...base, ...files };
  const text: Record<string, string> = {};
  for (const [rel, v] of Object.entries(all)) if (v !== null) text[rel] = v;
  return loadSite(writeColumn(text), { today: TODAY });
}

/** The base column with its 2021 report changed. */
const withReport = (spec: Partial<ReportSpec>, files: Files = {}) =>
  load({ ...reportFiles({ name: 'gov-2021', year: 2021, ...spec }), ...files });

/** The 2021 tables with `change` applied to them. */
function tables(change: (t: Tables) => void): Tables {
  const t = tables2021();
  change(t);
  return t;
}

/** Every diagnostic, exactly (the report messages name their cells; fieldZh is not compared here). */
const expectDiagnostics = (found: Diagnostic[], expected: ExpectedDiagnostic[]) =>
  expectAll(found, expected, { fieldZh: false });

/** Line of the first line starting with `prefix` in a text. */
const lineOf = (text: string, prefix: string) => text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
const BASE_MD = reportFiles({ name: 'gov-2021', year: 2021 })[GOV]!;
/** Line of a sentence of the base report's body. */
const bodyLine = (text: string, start: string) => lineOf(text, start);

// the data file's rows, as report-fixture.ts writes them
const ROW = {
  normative: 5,
  new_received: 11,
  carried_over: 12,
  granted: 13,
  total: 34,
  carried_forward: 35,
  review: 37,
};

const hint = (rule: string) => `如这是已发布报告中的真实错误，在 report.known_defects 中写 rule: ${rule} 和原因。`;

describe('a correct report passes', () => {
  it('the realistic 2021 report: zero diagnostics, status without findings', () => {
    const site = load();
    expect(site.diagnostics).toEqual([]);
    const report = site.documents.find((d) => d.report)!.report!;
    expect(report.format).toBe('2021');
    expect(report.status).toEqual({ errors: 0, warnings: 0, acknowledged: [] });
  });

  it('seed 002’s all-zero 2021 tables with its narrative (a township without a deadline)', () => {
    const body = [
      '## 一、总体情况',
      '2021年，喀尔钦镇坚持以公开为常态化，以经济社会发展和群众关心关注为重点，加强政府信息公开。',
      '### （一）强化领导责任，明确责任分工',
      '由镇政府镇长分管，政务（便民）服务中心主任主抓，专职人员具体负责政府信息公开工作。',
      '## 二、主动公开政府信息情况',
      '**第二十条第（一）项**',
      '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| --- | ---: | ---: | ---: |\n| 规章 | 0 | 0 | 0 |',
      '## 三、收到和处理政府信息公开申请情况',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      '## 四、政府信息公开行政复议、行政诉讼情况',
      '## 五、存在的主要问题及改进情况',
      '存在的问题：一是对政务公开工作的重要性、紧迫感认识还不足。',
      '## 六、其他需要报告的事项',
      '无',
    ].join('\n\n');
    const site = load(
      {},
      reportFiles({
        name: 'town-2021',
        year: 2021,
        publisher: '测试镇人民政府',
        tables: zeroTables('2021'),
        published: '2022-06-30',
        body,
      }),
    );
    expect(site.diagnostics).toEqual([]);
  });
});

describe('sums inside the tables (errors)', () => {
  it('table 3, per column: 一 + 二 = 三（七）总计 + 四', () => {
    const site = withReport({
      tables: tables((t) => {
        t.table3.carried_forward = [0, 2, 0, 0, 1, 0, 3];
      }),
    });
    expectDiagnostics(site.diagnostics, [
      {
        level: 'error',
        code: 'report-column-sum',
        file: GOV_DATA,
        line: ROW.total,
        field: 'table3.total',
        message: '表三“自然人”列：一+二 = 22，三（七）总计+四 = 21，相差 1。',
        fix:
          '核对这一列的数字：每份申请在“三、本年度办理结果”中只计一次，未办结的计入“四、结转下年度继续办理”。' +
          hint('table3.column-sum.natural_person'),
      },
      {
        level: 'error',
        code: 'report-column-sum',
        file: GOV_DATA,
        line: ROW.total,
        field: 'table3.total',
        message: '表三“总计”列：一+二 = 32，三（七）总计+四 = 31，相差 1。',
      },
    ]);
  });

  it('table 3, per row: the six applicant columns sum to 总计 (and the outcome rows to （七）)', () => {
    const site = withReport({
      tables: tables((t) => {
        t.table3.granted = [9, 2, 0, 0, 1, 0, 11];
      }),
    });
    expectDiagnostics(site.diagnostics, [
      {
        level: 'error',
        code: 'report-row-sum',
        file: GOV_DATA,
        line: ROW.granted,
        field: 'table3.granted',
        message:
          '表三“三、本年度办理结果 （一）予以公开”行：自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他 = 12，总计 = 11，相差 1。',
        fix: '“总计”是前六列（自然人和五类法人或其他组织）之和：核对这一行。' + hint('table3.row-sum.granted'),
      },
      {
        level: 'error',
        code: 'report-outcome-sum',
        file: GOV_DATA,
        line: ROW.total,
        field: 'table3.total',
        message: '表三“自然人”列：（一）至（六）各项之和 = 22，（七）总计 = 21，相差 1。',
        fix:
          '“（七）总计”是（一）至（六）各项（含其下各小项）之和：核对这一列的办理结果。' +
          hint('table3.outcome-sum.natural_person'),
      },
    ]);
  });

  it('table 3, per column: the outcome rows of （一）–（六） sum to （七）总计', () => {
    // one application moved from 予以公开 to 部分公开 for 自然人 is fine; one lost from （六） is not
    const fine = withReport({
      tables: tables((t) => {
        t.table3.granted = [7, 2, 0, 0, 1, 0, 10];
        t.table3.partly_granted = [3, 1, 0, 0, 0, 0, 4];
      }),
      body: reportBody('2021', {
        overview: NARRATIVE_2021.overview.replace('予以公开11件，占39.29%', '予以公开10件，占35.71%'),
      }),
    });
    expect(fine.diagnostics).toEqual([]);
    const site = withReport({
      tables: tables((t) => {
        t.table3.other_no_correction = [0, 0, 0, 0, 0, 0, 0];
      }),
    });
    expectDiagnostics(site.diagnostics, [
      {
        level: 'error',
        code: 'report-outcome-sum',
        file: GOV_DATA,
        line: ROW.total,
        field: 'table3.total',
        message: '表三“自然人”列：（一）至（六）各项之和 = 20，（七）总计 = 21，相差 1。',
      },
      {
        level: 'error',
        code: 'report-outcome-sum',
        file: GOV_DATA,
        line: ROW.total,
        field: 'table3.total',
        message: '表三“总计”列：（一）至（六）各项之和 = 27，（七）总计 = 28，相差 1。',
      },
    ]);
  });

  it('table 4: each block’s four results sum to its 总计 (a 总计 printed as 0 beside non-zero parts)', () => {
    const site = withReport({
      tables: tables((t) => {
        t.table4.litigation_after_review = [0, 0, 0, 1, 0];
      }),
      body: reportBody('2021', {
        overview: NARRATIVE_2021.overview.replace('提起行政诉讼2件', '提起行政诉讼1件'),
      }),
    });
    expectDiagnostics(site.diagnostics, [
      {
        level: 'error',
        code: 'report-table4-sum',
        file: GOV_DATA,
        line: 39,
        field: 'table4.litigation_after_review',
        message: '表四“行政诉讼（复议后起诉）”：结果维持+结果纠正+其他结果+尚未审结 = 1，总计 = 0，相差 1。',
        fix:
          '“总计”是结果维持、结果纠正、其他结果和尚未审结之和：核对这一组数字。' +
          hint('table4.block-sum.litigation_after_review'),
      },
    ]);
  });

  it('the 2019 trial format: （六）其他处理 is one outcome row', () => {
    const t = zeroTables('2019');
    t.table3.new_received = [3, 0, 0, 0, 0, 0, 3];
    t.table3.other = [3, 0, 0, 0, 0, 0, 3];
    t.table3.total = [3, 0, 0, 0, 0, 0, 3];
    const spec = { name: 'gov-2020', year: 2020, format: '2019' as const, tables: t, published: '2021-03-20' };
    expect(load(reportFiles(spec), {}).diagnostics).toEqual([]);
    t.table3.other = [2, 0, 0, 0, 0, 0, 2];
    expectDiagnostics(load(reportFiles(spec), {}).diagnostics, [
      {
        level: 'error',
        code: 'report-outcome-sum',
        file: 'documents/reports/gov-2020.yaml',
        line: 34,
        field: 'table3.total',
        message: '表三“自然人”列：（一）至（六）各项之和 = 2，（七）总计 = 3，相差 1。',
      },
      {
        level: 'error',
        code: 'report-outcome-sum',
        file: 'documents/reports/gov-2020.yaml',
        line: 34,
        field: 'table3.total',
        message: '表三“总计”列：（一）至（六）各项之和 = 2，（七）总计 = 3，相差 1。',
      },
    ]);
  });
});

/** A 2020 report (2019 format) of 测试县人民政府 whose 四、结转下年度继续办理 is `forward`. */
function report2020(forward: number[]) {
  const t = zeroTables('2019');
  t.table3.new_received = forward;
  t.table3.carried_forward = forward;
  return reportFiles({
    name: 'gov-2020',
    year: 2020,
    format: '2019',
    tables: t,
    published: '2021-03-20',
    body: reportBody('2019', {
      intro: '本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。',
      overview: '2020年，县人民政府依法做好政府信息公开工作。',
      other: '无。',
    }),
    serial: 2,
  });
}

/** A 2022 report (2021 format) of 测试县人民政府 carrying over 2021's 四 with table 2's 行政规范性文件 `normative`. */
function report2022(normative: number[]) {
  const t = zeroTables('2021');
  t.table2.normative = normative;
  t.table3.carried_over = [1, 2, 0, 0, 1, 0, 4];
  t.table3.carried_forward = [1, 2, 0, 0, 1, 0, 4];
  return reportFiles({
    name: 'gov-2022',
    year: 2022,
    tables: t,
    published: '2023-03-20',
    body: reportBody('2021', {
      intro: '本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。',
      overview: '2022年，县人民政府依法做好政府信息公开工作。',
      other: '无。',
    }),
    serial: 3,
  });
}

describe('across years, same 发布机构', () => {
  it('二、上年结转 equals last year’s 四、结转下年度继续办理, per column (error)', () => {
    expect(load(report2020([2, 1, 0, 0, 0, 0, 3])).diagnostics).toEqual([]);
    const site = load(report2020([3, 1, 0, 0, 0, 0, 4]));
    expectDiagnostics(site.diagnostics, [
      {
        level: 'error',
        code: 'report-carry-over',
        file: GOV_DATA,
        line: ROW.carried_over,
        field: 'table3.carried_over',
        message:
          '表三“二、上年结转政府信息公开申请数量”的“自然人”是 2，2020 年报告（documents/reports/gov-2020.md）“四、结转下年度继续办理”的“自然人”是 3，相差 1。',
        fix:
          '本年的“二、上年结转”应等于上年的“四、结转下年度继续办理”：核对两份报告（documents/reports/gov-2020.md）。' +
          hint('carry-over.natural_person'),
      },
      {
        level: 'error',
        code: 'report-carry-over',
        file: GOV_DATA,
        line: ROW.carried_over,
        field: 'table3.carried_over',
        message:
          '表三“二、上年结转政府信息公开申请数量”的“总计”是 3，2020 年报告（documents/reports/gov-2020.md）“四、结转下年度继续办理”的“总计”是 4，相差 1。',
      },
    ]);
  });

  it('no carry-over check when last year’s report has no data file, or belongs to another 发布机构', () => {
    const free = reportFiles({ name: 'gov-2020', year: 2020, format: 'free', published: '2021-03-20', serial: 2 });
    expect(load(free).diagnostics).toEqual([]);
    const other = report2020([3, 1, 0, 0, 0, 0, 4]);
    const md = 'documents/reports/gov-2020.md';
    other[md] = other[md]!.replace('publisher: 测试县人民政府', 'publisher: 测试县财政局').replace(
      ORG_CODE,
      OFFICE_CODE,
    );
    // the 财政局's 2020 report is late for a department (01-31): that is its only finding
    expect(load(other).diagnostics.map((d) => d.code)).toEqual(['report-late']);
  });

  it('现行有效件数 = last year’s + 本年制发 − 本年废止 (warning)', () => {
    expect(load(report2022([0, 0, 15])).diagnostics).toEqual([]);
    const site = load(report2022([0, 0, 14]));
    expectDiagnostics(site.diagnostics, [
      {
        level: 'warning',
        code: 'report-in-force',
        file: 'documents/reports/gov-2022.yaml',
        line: ROW.normative,
        field: 'table2.normative',
        message:
          '表二 第二十条第（一）项“行政规范性文件”的“现行有效件数”：上年 15 + 本年制发 0 − 本年废止 0 = 15，本年填写 14，相差 1。',
        fix:
          '上年数字见 documents/reports/gov-2021.md。清理、自然失效或重新统计都可能使两者不一致：核对后如无误可忽略本警告。' +
          hint('in-force.normative'),
      },
    ]);
  });

  it('a report whose tables and narrative equal last year’s (years aside) is 内容雷同 (warning)', () => {
    const town = (year: number, problems: string) =>
      reportFiles({
        name: `town-${year}`,
        year,
        publisher: '测试镇人民政府',
        tables: zeroTables('2021'),
        published: `${year + 1}-02-10`,
        serial: year - 2000,
        body: reportBody('2021', {
          intro: `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
          overview: `${year}年，本镇认真贯彻落实《条例》，依法做好政府信息公开工作。`,
          problems,
          other: '无。',
        }),
      });
    const same = '一是公开内容不够全面；二是更新不够及时。';
    expect(load({ ...town(2021, same), ...town(2022, '一是政策解读不够深入。') }).diagnostics).toEqual([]);
    const site = load({ ...town(2021, same), ...town(2022, same) });
    expectDiagnostics(site.diagnostics, [
      {
        level: 'warning',
        code: 'report-duplicate-content',
        file: 'documents/reports/town-2022.md',
        field: 'body',
        message: '报告的表格和正文与 2021 年报告 documents/reports/town-2021.md 相同（年份除外），内容雷同。',
        fix: '按本年度的实际情况编写正文、填写表格；年度报告不得与往年内容雷同。' + hint('duplicate-content'),
      },
    ]);
  });
});

describe('against the catalogue: 本年制发件数 and 本年废止件数 of table 2', () => {
  it('a 行政规范性文件 missing from the column, one repealed in another year', () => {
    const site = load({
      'documents/n2.md': null,
      'documents/n3.md': normativeDoc(3, '2018-05-02', { validity: '废止', repealed: '2022-01-10' }),
    });
    expectDiagnostics(site.diagnostics, [
      {
        level: 'warning',
        code: 'report-catalogue-count',
        file: GOV_DATA,
        line: ROW.normative,
        field: 'table2.normative',
        message:
          '表二 第二十条第（一）项“行政规范性文件”的“本年制发件数”是 2，本栏目中测试县人民政府成文日期在 2021 年的行政规范性文件有 1 件：《测试县人民政府关于印发示例管理办法（1）的通知》（documents/n1.md）。',
        fix:
          '核对表二和本栏目中这些文件的发布机构、规范性文件类型、成文日期；文件未在本栏目发布的，核对无误后可忽略本警告。' +
          hint('catalogue.issued.normative'),
      },
      {
        level: 'warning',
        code: 'report-catalogue-count',
        file: GOV_DATA,
        line: ROW.normative,
        field: 'table2.normative',
        message:
          '表二 第二十条第（一）项“行政规范性文件”的“本年废止件数”是 1，本栏目中没有测试县人民政府废止或失效日期在 2021 年的行政规范性文件。',
      },
    ]);
  });

  it('规章 in the column that table 2 does not count', () => {
    const site = load({ 'documents/g1.md': normativeDoc(7, '2021-06-01', { normative: '规章' }) });
    expectDiagnostics(site.diagnostics, [
      {
        level: 'warning',
        code: 'report-catalogue-count',
        file: GOV_DATA,
        line: 4,
        field: 'table2.rules',
        message:
          '表二 第二十条第（一）项“规章”的“本年制发件数”是 0，本栏目中测试县人民政府成文日期在 2021 年的规章有 1 件：《测试县人民政府关于印发示例管理办法（7）的通知》（documents/g1.md）。',
      },
    ]);
  });
});

describe('narrative vs tables (warnings quoting the sentence)', () => {
  /** The base report with a sentence of its overview replaced. */
  const saying = (from: string, to: string) =>
    withReport({ body: reportBody('2021', { overview: NARRATIVE_2021.overview.replace(from, to) }) });
  const line = (start: string) => bodyLine(BASE_MD, start);
  const FIX = '核对正文中的数字与表格：以表格为准改正正文，或改正表格中填错的数字。';

  it.each([
    [
      '收到申请',
      '全年新收政府信息公开申请29件',
      '全年新收政府信息公开申请30件',
      '正文“全年新收政府信息公开申请30件，上年结转3件。”说收到申请 30 件，但表三“一、本年新收政府信息公开申请数量”的“总计”是 29（加上“二、上年结转政府信息公开申请数量”为 32）。',
      'narrative.received',
      '全年新收',
    ],
    [
      '予以公开',
      '予以公开11件，占39.29%',
      '予以公开12件，占39.29%',
      '正文“全年办结28件，其中予以公开12件，占39.29%；”说予以公开 12 件，但表三“三、本年度办理结果 （一）予以公开”的“总计”是 11。',
      'narrative.granted',
      '全年新收',
    ],
    [
      '办结',
      '全年办结28件',
      '全年办结27件',
      '正文“全年办结27件，其中予以公开11件，占39.29%；”说办结 27 件，但表三“三、本年度办理结果 （七）总计”的“总计”是 28。',
      'narrative.closed',
      '全年新收',
    ],
    [
      '行政复议',
      '被申请行政复议2件',
      '被申请行政复议3件',
      '正文“全年因政府信息公开工作被申请行政复议3件，提起行政诉讼2件。”说行政复议 3 件，但表四“行政复议”的“总计”是 2。',
      'narrative.review',
      '全年因',
    ],
    [
      '行政诉讼',
      '提起行政诉讼2件',
      '提起行政诉讼1件',
      '正文“全年因政府信息公开工作被申请行政复议2件，提起行政诉讼1件。”说行政诉讼 1 件，但表四“行政诉讼（未经复议直接起诉）”的“总计”与表四“行政诉讼（复议后起诉）”的“总计”之和是 2。',
      'narrative.litigation',
      '全年因',
    ],
    [
      '百分比',
      '占39.29%',
      '占40.5%',
      '正文“全年办结28件，其中予以公开11件，占40.5%；”中的 40.5% 与表三不符：11 件占表三“三、本年度办理结果 （七）总计”的“总计” 28 件的 39.29%。',
      'narrative.percent',
      '全年新收',
    ],
    [
      '予以公开及部分公开',
      '其中予以公开11件',
      '其中予以公开及部分公开15件',
      '正文“全年办结28件，其中予以公开及部分公开15件，占39.29%；”说予以公开及部分公开 15 件，但表三“三、本年度办理结果 （一）予以公开”的“总计”与表三“三、本年度办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形）”的“总计”之和是 14。',
      'narrative.grantedPartly',
      '全年新收',
    ],
  ])('%s', (_name, from, to, message, rule, start) => {
    const site = saying(from, to);
    const found = site.diagnostics.filter((d) => d.message === message);
    expect(site.diagnostics.map((d) => d.message)).toContain(message);
    expectDiagnostics(found, [
      {
        level: 'warning',
        code: 'report-narrative',
        file: GOV,
        line: line(start),
        field: 'body',
        message,
        fix: FIX + hint(rule),
      },
    ]);
  });

  it('a percentage of the applications received (not handled) is right too', () => {
    // 11 of 29 received = 37.93%
    expect(saying('占39.29%', '占37.93%').diagnostics).toEqual([]);
  });

  it.each([
    ['a part: one kind of applicant', '全年新收政府信息公开申请29件', '全年收到自然人申请20件'],
    ['a part: one channel', '全年新收政府信息公开申请29件', '全年新收政府信息公开申请29件，其中网络申请20件'],
    ['a comparison with last year', '全年新收政府信息公开申请29件', '全年新收政府信息公开申请25件，较上年增加4件'],
    ['another year named', '全年新收政府信息公开申请29件', '2020年收到政府信息公开申请18件'],
    [
      'applications received counted with those carried over',
      '全年新收政府信息公开申请29件',
      '全年共收到政府信息公开申请32件（含上年结转3件）',
    ],
    [
      'the bodies of the whole county together',
      '全年新收政府信息公开申请29件',
      '全县各级行政机关共收到政府信息公开申请1200件，县人民政府新收政府信息公开申请29件',
    ],
    ['the right figure in Chinese numerals', '全年新收政府信息公开申请29件', '全年新收政府信息公开申请二十九件'],
    ['一起 meaning “together”', '被申请行政复议2件', '被申请行政复议2件，与复议机关一起核查'],
    ['予以公开 of applicants of one kind', '其中予以公开11件', '其中自然人申请予以公开8件'],
    ['办结 within the time limit, a part', '全年办结28件', '全年办结28件，按时办结26件'],
    [
      '行政复议 handled as the 复议机关',
      '被申请行政复议2件',
      '被申请行政复议2件；本机关作为复议机关受理行政复议案件40件',
    ],
    ['a share of something else', '占39.29%', '占39.29%；依申请公开答复满意率达98%'],
  ])('no warning for %s', (_name, from, to) => {
    expect(saying(from, to).diagnostics).toEqual([]);
  });

  it.each([
    ['三十', 30],
    ['一百零五', 105],
    ['两', 2],
    ['〇', 0],
  ])('Chinese numerals before 件 are read: %s件', (numeral, n) => {
    const site = saying('全年新收政府信息公开申请29件', `全年新收政府信息公开申请${numeral}件`);
    expect(site.diagnostics.map((d) => d.message)).toEqual([
      `正文“全年新收政府信息公开申请${numeral}件，上年结转3件。”说收到申请 ${n} 件，但表三“一、本年新收政府信息公开申请数量”的“总计”是 29（加上“二、上年结转政府信息公开申请数量”为 32）。`,
    ]);
  });

  it('full-width digits and percent signs are read', () => {
    const site = saying('全年新收政府信息公开申请29件', '全年新收政府信息公开申请３０件');
    expect(site.diagnostics.map((d) => d.code)).toEqual(['report-narrative']);
  });
});

describe('structure (warnings)', () => {
  it('a heading of the format missing', () => {
    const site = withReport({ body: reportBody().replace('## 五、存在的主要问题及改进情况\n\n', '') });
    expectDiagnostics(site.diagnostics, [
      {
        level: 'warning',
        code: 'report-headings',
        file: GOV,
        field: 'body',
        message: '正文缺少年报格式规定的标题：“五、存在的主要问题及改进情况”。',
        fix:
          '按年报格式，正文依次使用六个标题（各占一行，可写成 ## 标题）：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。' +
          hint('headings.missing'),
      },
    ]);
  });

  it('the 2019 format’s 五 in a 2021-format report is missing the 2021 heading', () => {
    const body = reportBody().replace('五、存在的主要问题', '五、政府信息公开工作存在的主要问题');
    expect(withReport({ body }).diagnostics.map((d) => d.message)).toEqual([
      '正文缺少年报格式规定的标题：“五、存在的主要问题及改进情况”。',
    ]);
  });

  it('headings out of order', () => {
    const five = `## 五、存在的主要问题及改进情况\n\n${NARRATIVE_2021.problems}`;
    const six = `## 六、其他需要报告的事项\n\n${NARRATIVE_2021.other}`;
    const body = reportBody().replace(`${five}\n\n${six}`, `${six}\n\n${five}`);
    const md = reportFiles({ name: 'gov-2021', year: 2021, body })[GOV]!;
    expectDiagnostics(withReport({ body }).diagnostics, [
      {
        level: 'warning',
        code: 'report-heading-order',
        file: GOV,
        line: lineOf(md, '## 六、'),
        field: 'body',
        message: '标题顺序与年报格式不符：“六、其他需要报告的事项”出现在“五、存在的主要问题及改进情况”之前。',
        fix:
          '按年报格式，正文依次使用六个标题（各占一行，可写成 ## 标题）：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。' +
          hint('headings.order'),
      },
    ]);
  });

  it('headings as bold lines, with spaces, half-width brackets or a colon are accepted', () => {
    const body = reportBody()
      .replace('## 一、总体情况', '# 一、 总体情况')
      .replace('## 二、主动公开政府信息情况', '**二、主动公开政府信息情况**')
      .replace('## 四、政府信息公开行政复议、行政诉讼情况', '四.政府信息公开行政复议、行政诉讼情况：')
      .replace('### （一）主动公开', '### (一)主动公开');
    // the report's headings are accepted; the # before ### is a skipped level, which the content-accessibility
    // check warns about (tested in content-accessibility.test.ts)
    expect(withReport({ body }).diagnostics.filter((d) => d.code !== 'heading-skip')).toEqual([]);
  });

  it('a report before 2019 (free form, CSV tables) gets no heading checks', () => {
    const files = reportFiles({
      name: 'gov-2018',
      year: 2018,
      format: 'free',
      published: '2019-03-20',
      body: '## 一、概述\n\n2018年，县人民政府依法做好政府信息公开工作。\n',
      report: { tables: [{ file: 'gov-2018.csv', title: '附表' }] },
    });
    files['documents/reports/gov-2018.csv'] = '指标,单位,2018\n受理政府信息公开申请总数,件,12\n';
    expect(load(files).diagnostics).toEqual([]);
  });

  it('the statistics period does not match the report’s year', () => {
    const site = withReport({
      body: reportBody('2021', {
        intro: '本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。',
      }),
    });
    expectDiagnostics(site.diagnostics, [
      {
        level: 'warning',
        code: 'report-period',
        file: GOV,
        line: lineOf(BASE_MD, '本报告根据'),
        field: 'body',
        message: '正文写的统计期限“2020年1月1日起至2020年12月31日止”与报告年度 2021 年不符。',
        fix: '统计期限应为 2021年1月1日至 2021年12月31日；核对正文或报告年度。' + hint('period'),
      },
    ]);
  });

  it('statistics period variants that match, and none at all', () => {
    for (const intro of [
      '本年度报告统计期限为2021年1月1日至12月31日。',
      '统计时限：2021年1月1日—2021年12月31日。',
      '本报告由县人民政府办公室编制。',
    ]) {
      expect(withReport({ body: reportBody('2021', { intro }) }).diagnostics).toEqual([]);
    }
  });
});

describe('published after the deadline (warning)', () => {
  const late = (file: string, message: string, line: number): ExpectedDiagnostic => ({
    level: 'warning',
    code: 'report-late',
    file,
    line,
    field: 'published',
    message,
  });

  it('a 县级人民政府’s report after 03-31 of the next year; status.late', () => {
    const site = withReport({ published: '2022-04-02' });
    const md = reportFiles({ name: 'gov-2021', year: 2021, published: '2022-04-02' })[GOV]!;
    expectDiagnostics(site.diagnostics, [
      late(
        GOV,
        '发布日期 2022-04-02 晚于年度报告的发布期限 2022-03-31（县级人民政府的本级政府年度报告：条例第四十九条，每年 3 月 31 日前）。',
        lineOf(md, 'published:'),
      ),
    ]);
    expect(site.documents.find((d) => d.report)!.report!.status).toEqual({
      errors: 0,
      warnings: 1,
      acknowledged: [],
      late: { deadline: '2022-03-31', published: '2022-04-02' },
    });
  });

  it('a 县级政府部门’s report after 01-31', () => {
    const files = reportFiles({
      name: 'finance-2021',
      year: 2021,
      publisher: '测试县财政局',
      code: OFFICE_CODE,
      tables: zeroTables('2021'),
      published: '2022-02-10',
    });
    const md = 'documents/reports/finance-2021.md';
    expectDiagnostics(load(files, {}).diagnostics, [
      late(
        md,
        '发布日期 2022-02-10 晚于年度报告的发布期限 2022-01-31（县级政府部门：条例第四十九条，每年 1 月 31 日前）。',
        lineOf(files[md]!, 'published:'),
      ),
    ]);
  });

  it('a township: no deadline unless bodies.yaml sets report_deadline', () => {
    const files = reportFiles({
      name: 'town-2021',
      year: 2021,
      publisher: '测试镇人民政府',
      tables: zeroTables('2021'),
      published: '2022-02-25',
    });
    expect(load(files, {}).diagnostics).toEqual([]);
    const md = 'documents/reports/town-2021.md';
    const bodies = BODIES_YAML.replace(
      '  level: 乡镇人民政府\n',
      '  level: 乡镇人民政府\n  report_deadline: "02-20"\n',
    );
    expectDiagnostics(load({ ...files, 'bodies.yaml': bodies }, {}).diagnostics, [
      late(
        md,
        '发布日期 2022-02-25 晚于年度报告的发布期限 2022-02-20（bodies.yaml 中测试镇人民政府的 report_deadline）。',
        lineOf(files[md]!, 'published:'),
      ),
    ]);
  });

  it('a report for 2018 or earlier: 03-31 of the next year, for every body', () => {
    const files = reportFiles({
      name: 'town-2018',
      year: 2018,
      format: 'free',
      publisher: '测试镇人民政府',
      published: '2019-04-15',
    });
    const md = 'documents/reports/town-2018.md';
    expectDiagnostics(load(files, {}).diagnostics, [
      late(
        md,
        '发布日期 2019-04-15 晚于年度报告的发布期限 2019-03-31（2019 年以前的年度报告：每年 3 月 31 日前）。',
        lineOf(files[md]!, 'published:'),
      ),
    ]);
  });
});

describe('two reports for one 发布机构 and year (error)', () => {
  const second = (report: Record<string, unknown> = {}) =>
    reportFiles({ name: 'gov-2021-b', year: 2021, published: '2022-03-28', serial: 5, report });

  it('the later one is reported', () => {
    const files = second();
    const md = 'documents/reports/gov-2021-b.md';
    expectDiagnostics(load(files).diagnostics, [
      {
        level: 'error',
        code: 'report-duplicate',
        file: md,
        line: lineOf(files[md]!, 'publisher:'),
        field: 'publisher',
        message:
          '测试县人民政府 2021 年的年度报告已有 documents/reports/gov-2021.md，同一发布机构同一年度只能有一份年度报告。',
        fix: '删除多余的一份，或改正发布机构、报告年度（数据文件的 year 或 report.year）。' + hint('duplicate-report'),
      },
    ]);
  });

  it('a correction published beside the original acknowledges it', () => {
    const site = load(second({ known_defects: [{ rule: 'duplicate-report', reason: '更正，原报告按原样保留' }] }));
    expect(site.diagnostics.map((d) => [d.level, d.code, d.message])).toEqual([
      [
        'warning',
        'report-duplicate',
        '测试县人民政府 2021 年的年度报告已有 documents/reports/gov-2021.md，同一发布机构同一年度只能有一份年度报告。（已在 known_defects 中说明：更正，原报告按原样保留）',
      ],
    ]);
  });
});

describe('known defects', () => {
  const broken = tables((t) => {
    t.table3.carried_forward = [0, 2, 0, 0, 1, 0, 3];
  });

  it('an acknowledged error becomes a warning with its reason; the others stay errors; status lists it', () => {
    const site = withReport({
      tables: broken,
      report: { known_defects: [{ rule: 'table3.column-sum.natural_person', reason: '原报告如此，已发布更正说明' }] },
    });
    expectDiagnostics(site.diagnostics, [
      {
        level: 'warning',
        code: 'report-column-sum',
        file: GOV_DATA,
        line: ROW.total,
        field: 'table3.total',
        message:
          '表三“自然人”列：一+二 = 22，三（七）总计+四 = 21，相差 1。（已在 known_defects 中说明：原报告如此，已发布更正说明）',
      },
      {
        level: 'error',
        code: 'report-column-sum',
        file: GOV_DATA,
        line: ROW.total,
        field: 'table3.total',
        message: '表三“总计”列：一+二 = 32，三（七）总计+四 = 31，相差 1。',
      },
    ]);
    expect(site.documents.find((d) => d.report)!.report!.status).toEqual({
      errors: 1,
      warnings: 1,
      acknowledged: [
        {
          rule: 'table3.column-sum.natural_person',
          reason: '原报告如此，已发布更正说明',
          message: '表三“自然人”列：一+二 = 22，三（七）总计+四 = 21，相差 1。',
        },
      ],
    });
  });

  it('a known defect that matches nothing is a warning', () => {
    const site = withReport({ report: { known_defects: [{ rule: 'table3.row-sum.granted', reason: '原报告如此' }] } });
    const md = reportFiles({
      name: 'gov-2021',
      year: 2021,
      report: { known_defects: [{ rule: 'table3.row-sum.granted', reason: '原报告如此' }] },
    })[GOV]!;
    expectDiagnostics(site.diagnostics, [
      {
        level: 'warning',
        code: 'report-defect-unused',
        file: GOV,
        line: lineOf(md, '    - rule:'),
        field: 'report',
        message:
          'report.known_defects 中的“table3.row-sum.granted”没有对应的检查结果（问题可能已改正，或规则写错了）。',
        fix: '删除这一项，或把 rule 改成检查结果的“修改方法”中给出的规则，例如 table3.column-sum.natural_person。',
      },
    ]);
  });
});

describe('what is and is not a report', () => {
  it('a document of 体裁 年报 without frontmatter report is an ordinary document: no report checks', () => {
    const site = load({
      'documents/old-report.md': doc(
        { ...BASE_DOC, index_no: `${ORG_CODE}/202103-00009`, genre: '年报', section: '政府信息公开年报' },
        '2020年共收到政府信息公开申请99件。\n',
      ),
    });
    expect(site.diagnostics).toEqual([]);
    expect(site.documents.find((d) => d.file === 'documents/old-report.md')!.report).toBeUndefined();
  });
});
