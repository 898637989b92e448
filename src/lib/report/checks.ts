// The checks of the 政府信息公开工作年度报告 (issue 11 §2; docs/design.md "Annual reports"): a report
// is a document with frontmatter `report` (a document of 体裁 年报 without it is an ordinary
// document). One column check groups the reports by 发布机构 and year once, then runs per report:
// the sums inside its tables (sums.ts), the figures of its narrative (narrative.ts), its headings,
// statistics period and deadline (structure.ts); across years, the carry-over of table 3, the
// continuity of 现行有效件数 and a report copied from last year's; against the catalogue, the
// normative documents issued and repealed in the year; and two reports for one body and year.
// Every finding carries a stable rule key; `report.known_defects` names keys to keep a published
// report as it was: those findings become warnings (their code unchanged, the reason appended),
// and a known defect that matches nothing is itself a warning. After the checks, reportStatus()
// (called by loadSite) records on each report what was found.
import { diag } from '../diagnostics.ts';
import type { CheckedColumn, CheckedDocument, ColumnCheck } from '../checks/types.ts';
import type { Diagnostic } from '../types.ts';
import { cellName, type ReportData } from './data.ts';
import { FORMATS, TABLE3_COLUMNS } from './formats.ts';
import { finding, type Finding } from './finding.ts';
import { narrativeFindings } from './narrative.ts';
import type { ReportInfo, ReportStatus } from './read.ts';
import { headingFindings, lateFinding, periodFindings, reportDeadline } from './structure.ts';
import { sumFindings } from './sums.ts';

/** A report as the checks see it. */
interface Report {
  doc: CheckedDocument;
  info: ReportInfo;
  year: number;
  /** The 发布机构: its id in bodies.yaml, else the name as written. */
  publisherKey: string;
  publisherName: string;
  published: string;
}

/** Every report of the column with a year and a 发布机构, grouped by 发布机构, then year (published order). */
function groupReports(documents: CheckedDocument[]): Map<string, Map<number, Report[]>> {
  const groups = new Map<string, Map<number, Report[]>>();
  for (const doc of documents) {
    const info = doc.report;
    if (!info || info.year === undefined) continue;
    const name = doc.publisher?.name ?? (typeof doc.data.publisher === 'string' ? doc.data.publisher.trim() : '');
    if (!name) continue;
    const publisherKey = doc.publisher ? `id:${doc.publisher.id}` : `name:${name}`;
    const published = typeof doc.data.published === 'string' ? doc.data.published.slice(0, 10) : '';
    const report: Report = { doc, info, year: info.year, publisherKey, publisherName: name, published };
    const byYear = groups.get(publisherKey) ?? new Map<number, Report[]>();
    groups.set(publisherKey, byYear);
    const list = byYear.get(report.year);
    if (list) list.push(report);
    else byYear.set(report.year, [report]);
  }
  for (const byYear of groups.values()) {
    for (const list of byYear.values()) {
      list.sort((a, b) => a.published.localeCompare(b.published) || a.doc.file.localeCompare(b.doc.file));
    }
  }
  return groups;
}

/** The report of a year that later years are compared with: the last published (a correction, if any). */
const latest = (list: Report[] | undefined) => list?.[list.length - 1];

/**
 * Normative documents by 发布机构 and year: those written in it and those repealed in it. A withdrawn
 * document (撤回) counts: it was still issued (or repealed) that year, and table 2 counts what was
 * issued, not what the column shows now (docs/design.md "Withdrawal").
 */
interface NormativeIndex {
  issued: Map<string, CheckedDocument[]>;
  repealed: Map<string, CheckedDocument[]>;
}

function normativeIndex(documents: CheckedDocument[], publishers: Set<string>): NormativeIndex {
  const index: NormativeIndex = { issued: new Map(), repealed: new Map() };
  const add = (map: Map<string, CheckedDocument[]>, key: string, doc: CheckedDocument) => {
    const list = map.get(key);
    if (list) list.push(doc);
    else map.set(key, [doc]);
  };
  for (const doc of documents) {
    const meta = doc.meta;
    if (!meta?.normative || !doc.publisher || !publishers.has(`id:${doc.publisher.id}`)) continue;
    const key = (year: string) => `${doc.publisher!.id}|${year}|${meta.normative}`;
    add(index.issued, key(meta.written.slice(0, 4)), doc);
    if (meta.repealed) add(index.repealed, key(meta.repealed.slice(0, 4)), doc);
  }
  return index;
}

/** 'x = N−1 + 本年制发 − 本年废止' for table 2's 规章 and 行政规范性文件 (2021 format in both years). */
function inForceFindings(report: Report, data: ReportData, previous: Report, prev: ReportData): Finding[] {
  const format = FORMATS['2021'];
  const out: Finding[] = [];
  for (const row of ['rules', 'normative']) {
    const [issued, repealed, inForce] = data.table2[row]!;
    const expected = prev.table2[row]![2]! + issued! - repealed!;
    if (expected === inForce) continue;
    out.push(
      finding(
        `in-force.${row}`,
        diag(
          'warning',
          'report-in-force',
          report.info.dataFile!,
          `${cellName(format, 'table2', row, 2)}：上年 ${prev.table2[row]![2]} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected}，本年填写 ${inForce}，相差 ${Math.abs(expected - inForce!)}。`,
          {
            line: report.info.dataLines?.[`table2.${row}`],
            field: `table2.${row}`,
            fix: `上年数字见 ${previous.doc.file}。清理、自然失效或重新统计都可能使两者不一致：核对后如无误可忽略本警告。`,
          },
        ),
      ),
    );
  }
  return out;
}

/** 二、上年结转 of this year = 四、结转下年度继续办理 of last year, per column. */
function carryOverFindings(report: Report, data: ReportData, previous: Report, prev: ReportData): Finding[] {
  const format = FORMATS[data.format];
  const out: Finding[] = [];
  TABLE3_COLUMNS.forEach((col, c) => {
    const now = data.table3.carried_over![c]!;
    const before = prev.table3.carried_forward![c]!;
    if (now === before) return;
    out.push(
      finding(
        `carry-over.${col.id}`,
        diag(
          'error',
          'report-carry-over',
          report.info.dataFile!,
          `${cellName(format, 'table3', 'carried_over', c)}是 ${now}，${previous.year} 年报告（${previous.doc.file}）“四、结转下年度继续办理”的“${col.label}”是 ${before}，相差 ${Math.abs(now - before)}。`,
          {
            line: report.info.dataLines?.['table3.carried_over'],
            field: 'table3.carried_over',
            fix: `本年的“二、上年结转”应等于上年的“四、结转下年度继续办理”：核对两份报告（${previous.doc.file}）。`,
          },
        ),
      ),
    );
  });
  return out;
}

/** The body with whitespace removed and each year written relative to the report's ('Y+1年'). */
function comparable(report: Report): string {
  const shift = (text: string) =>
    text
      .replace(/\s+/g, '')
      .replace(/(\d{4})(?=年)/g, (y) => `Y${Number(y) - report.year >= 0 ? '+' : ''}${Number(y) - report.year}`);
  const { data, tables } = report.info;
  const tablesText = data
    ? JSON.stringify([data.format, data.table2, data.table3, data.table4, data.written])
    : JSON.stringify(tables.map((t) => [t.title, t.header, t.rows]));
  return `${shift(tablesText)}\n${shift(report.doc.body)}`;
}

function sameAsLastYear(report: Report, previous: Report): Finding[] {
  if (comparable(report) !== comparable(previous)) return [];
  return [
    finding(
      'duplicate-content',
      diag(
        'warning',
        'report-duplicate-content',
        report.doc.file,
        `报告的表格和正文与 ${previous.year} 年报告 ${previous.doc.file} 相同（年份除外），内容雷同。`,
        {
          field: 'body',
          fix: '按本年度的实际情况编写正文、填写表格；年度报告不得与往年内容雷同。',
        },
      ),
    ),
  ];
}

const NORMATIVE_ROWS = [
  { row: 'rules', normative: '规章' },
  { row: 'normative', normative: '行政规范性文件' },
] as const;

/** 本年制发件数 / 本年废止件数 of table 2 against the normative documents of the catalogue. */
function catalogueFindings(report: Report, data: ReportData, index: NormativeIndex): Finding[] {
  const publisher = report.doc.publisher;
  if (data.format !== '2021' || !publisher) return [];
  const format = FORMATS['2021'];
  const out: Finding[] = [];
  for (const { row, normative } of NORMATIVE_ROWS) {
    const key = `${publisher.id}|${report.year}|${normative}`;
    for (const [column, kind, map] of [
      [0, 'issued', index.issued],
      [1, 'repealed', index.repealed],
    ] as const) {
      const written = data.table2[row]![column]!;
      const docs = map.get(key) ?? [];
      if (written === docs.length) continue;
      const when = kind === 'issued' ? '成文日期' : '废止或失效日期';
      const listed = docs.slice(0, 10).map((d) => `《${d.meta!.title}》（${d.file}）`);
      const found = docs.length
        ? `本栏目中${publisher.name}${when}在 ${report.year} 年的${normative}有 ${docs.length} 件：${listed.join('、')}${docs.length > listed.length ? ' 等' : ''}`
        : `本栏目中没有${publisher.name}${when}在 ${report.year} 年的${normative}`;
      out.push(
        finding(
          `catalogue.${kind}.${row}`,
          diag(
            'warning',
            'report-catalogue-count',
            report.info.dataFile!,
            `${cellName(format, 'table2', row, column)}是 ${written}，${found}。`,
            {
              line: report.info.dataLines?.[`table2.${row}`],
              field: `table2.${row}`,
              fix: `核对表二和本栏目中这些文件的发布机构、规范性文件类型、${when}；文件未在本栏目发布的，核对无误后可忽略本警告。`,
            },
          ),
        ),
      );
    }
  }
  return out;
}

function duplicateFindings(list: Report[]): Finding[] {
  const [first, ...rest] = list;
  return rest.map((r) =>
    finding(
      'duplicate-report',
      diag(
        'error',
        'report-duplicate',
        r.doc.file,
        `${r.publisherName} ${r.year} 年的年度报告已有 ${first!.doc.file}，同一发布机构同一年度只能有一份年度报告。`,
        {
          line: r.doc.line('publisher'),
          field: 'publisher',
          fix: '删除多余的一份，或改正发布机构、报告年度（数据文件的 year 或 report.year）。',
        },
      ),
    ),
  );
}

/** What one report's own files show: its tables' sums, its narrative, headings, period and deadline. */
function ownFindings(doc: CheckedDocument, info: ReportInfo): Finding[] {
  const out: Finding[] = [];
  const { data, year } = info;
  if (data && info.dataFile) out.push(...sumFindings(data, info.dataFile, info.dataLines));
  if (info.format !== 'free') out.push(...headingFindings(doc.body, doc.bodyLine, info.format, doc.file));
  if (year === undefined) return out;
  if (data) out.push(...narrativeFindings(doc.body, doc.bodyLine, data, year, doc.file));
  out.push(...periodFindings(doc.body, doc.bodyLine, year, doc.file));
  if (doc.meta) out.push(...lateFinding(doc.publisher, year, doc.meta.published, doc.file, doc.line('published')));
  return out;
}

/** What a report shows beside the others of its 发布机构 and the catalogue. */
function crossFindings(report: Report, byYear: Map<number, Report[]>, index: NormativeIndex): Finding[] {
  const { info, year } = report;
  const out: Finding[] = [];
  const data = info.data;
  if (data && info.dataFile) out.push(...catalogueFindings(report, data, index));
  const previous = latest(byYear.get(year - 1));
  if (previous) {
    const prev = previous.info.data;
    if (data && prev && info.dataFile) {
      out.push(...carryOverFindings(report, data, previous, prev));
      if (data.format === '2021' && prev.format === '2021') out.push(...inForceFindings(report, data, previous, prev));
    }
    out.push(...sameAsLastYear(report, previous));
  }
  return out;
}

/** Diagnostics that acknowledge a known defect: for reportStatus(). */
const ACKNOWLEDGED = new WeakMap<Diagnostic, { rule: string; reason: string; message: string }>();

/** Applies a report's known defects to its findings; an unused known defect is a warning. */
function applyKnownDefects(doc: CheckedDocument, info: ReportInfo, findings: Finding[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const used = new Set<number>();
  for (const f of findings) {
    const i = info.knownDefects.findIndex((k) => k.rule.trim() === f.rule);
    if (i < 0) {
      out.push(f.diagnostic);
      continue;
    }
    used.add(i);
    const { reason } = info.knownDefects[i]!;
    const d: Diagnostic = {
      ...f.diagnostic,
      message: `${f.diagnostic.message}（已在 known_defects 中说明：${reason.trim()}）`,
    };
    d.level = 'warning';
    ACKNOWLEDGED.set(d, { rule: f.rule, reason: reason.trim(), message: f.diagnostic.message });
    out.push(d);
  }
  info.knownDefects.forEach((k, i) => {
    if (used.has(i)) return;
    out.push(
      diag(
        'warning',
        'report-defect-unused',
        doc.file,
        `report.known_defects 中的“${k.rule}”没有对应的检查结果（问题可能已改正，或规则写错了）。`,
        {
          line: doc.yaml?.lineOf(['report', 'known_defects', i, 'rule']),
          field: 'report',
          fix: '删除这一项，或把 rule 改成检查结果的“修改方法”中给出的规则，例如 table3.column-sum.natural_person。',
        },
      ),
    );
  });
  return out;
}

export const reportCheck: ColumnCheck = {
  scope: 'column',
  name: '政府信息公开工作年度报告',
  run({ documents }) {
    const groups = groupReports(documents);
    const index = normativeIndex(documents, new Set(groups.keys()));
    const cross = new Map<CheckedDocument, Finding[]>();
    for (const byYear of groups.values()) {
      for (const list of byYear.values()) {
        duplicateFindings(list).forEach((f, i) => cross.set(list[i + 1]!.doc, [f]));
        for (const report of list) {
          cross.set(report.doc, [...(cross.get(report.doc) ?? []), ...crossFindings(report, byYear, index)]);
        }
      }
    }
    const out: Diagnostic[] = [];
    for (const doc of documents) {
      if (!doc.report) continue;
      const findings = [...ownFindings(doc, doc.report), ...(cross.get(doc) ?? [])];
      out.push(...applyKnownDefects(doc, doc.report, findings));
    }
    return out;
  },
};

/**
 * Records on each report what the checks found (ReportInfo.status): its errors and warnings (codes
 * 'report-…' and missing-report-file on the report, every diagnostic on its data file and tables),
 * the known defects it acknowledges with their messages, and whether it was published late.
 */
export function reportStatus(column: CheckedColumn, diagnostics: Diagnostic[]): void {
  const byFile = new Map<string, ReportStatus>();
  for (const doc of column.documents) {
    const info = doc.report;
    if (!info) continue;
    const status: ReportStatus = { errors: 0, warnings: 0, acknowledged: [] };
    info.status = status;
    byFile.set(doc.file, status);
    for (const f of doc.reportFiles) byFile.set(f, status);
    const deadline = info.year !== undefined && doc.meta ? reportDeadline(doc.publisher, info.year) : undefined;
    if (deadline && doc.meta && doc.meta.published > deadline.date) {
      status.late = { deadline: deadline.date, published: doc.meta.published };
    }
  }
  if (!byFile.size) return;
  const reportFiles = new Set(column.documents.flatMap((d) => d.reportFiles));
  for (const d of diagnostics) {
    const status = byFile.get(d.file);
    if (!status) continue;
    if (!reportFiles.has(d.file) && !d.code.startsWith('report-') && d.code !== 'missing-report-file') continue;
    if (d.level === 'error') status.errors++;
    else status.warnings++;
    const ack = ACKNOWLEDGED.get(d);
    if (ack) status.acknowledged.push(ack);
  }
}
