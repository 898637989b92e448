// The column's annual reports as a whole, computed once per build from the catalogue: every report
// with its year and 发布机构, the year × publisher overview (missing and late reports), the trend
// series of each publisher with two or more years of table data, and the paths of the pages and
// files they make (/annual-reports/…, /doc/<slug>/report-*.csv, report.json). "Per publisher"
// means the report's 发布机构, the body the report covers (issue 11).
import type { Catalogue } from '../catalogue.ts';
import { compareCodePoints } from '../order.ts';
import type { DocumentMeta, Publisher } from '../types.ts';
import type { ReportData } from './data.ts';
import { dataRows, FORMATS, TABLE3_COLUMNS, TABLE4_COLUMNS, type FormatId } from './formats.ts';
import { NATIONAL_TABLES, reportCsvFiles } from './open-data.ts';
import type { ReportStatus, ReportTable } from './read.ts';
import { reportDeadline } from './structure.ts';

/** The section and 体裁 of the 政府信息公开年报 (built in: src/lib/taxonomy.ts). */
export const REPORT_SECTION = 'annual-reports';
export const REPORT_GENRE = 'annual-report';

export interface ReportEntry {
  doc: DocumentMeta;
  /** The year the report covers: `report` (its data file or frontmatter), else the title's “2024年”. */
  year?: number;
  /** 'free' for a report before 2019; undefined when the document names no `report` at all. */
  format?: FormatId | 'free';
  data?: ReportData;
  tables: ReportTable[];
  status?: ReportStatus;
}

/** A document is a report when it has `report`, or is a 年报 in the 政府信息公开年报 section. */
export const isReport = (d: DocumentMeta) =>
  d.report !== undefined || (d.genreId === REPORT_GENRE && d.sectionId === REPORT_SECTION);

/** '赤门乡2018年政府信息公开工作年度报告' → 2018. */
export function titleYear(title: string): number | undefined {
  const m = /((?:19|20)\d{2})\s*年/.exec(title);
  return m ? Number(m[1]) : undefined;
}

export function reportEntry(doc: DocumentMeta): ReportEntry {
  const r = doc.report;
  return {
    doc,
    year: r?.year ?? titleYear(doc.title),
    format: r?.format,
    data: r?.data,
    tables: r?.tables ?? [],
    status: r?.status,
  };
}

/** Pages that have open data: a report with a data file, or with CSV tables. */
export const hasOpenData = (e: Pick<ReportEntry, 'data' | 'tables'>) => !!e.data || e.tables.length > 0;

export type OverviewState = 'published' | 'late' | 'missing' | 'pending' | 'none';

export interface OverviewCell {
  year: number;
  state: OverviewState;
  reports: ReportEntry[];
}

export interface OverviewRow {
  publisher: { id: string; name: string };
  cells: OverviewCell[];
  missing: number;
  late: number;
}

export interface Overview {
  years: number[];
  rows: OverviewRow[];
}

/**
 * The year × publisher overview. A publisher's row covers its first report's year to its last;
 * a year in between without a report is missing, and so is every later year up to the previous
 * calendar year once that year's deadline has passed (`today`, 'YYYY-MM-DD'); before it the
 * previous year is pending. A report is late when its checks say so (status.late).
 */
export function reportOverview(entries: ReportEntry[], publishers: Publisher[], today: string): Overview {
  const previous = Number(today.slice(0, 4)) - 1;
  const byPublisher = new Map<string, Map<number, ReportEntry[]>>();
  for (const e of entries) {
    if (e.year === undefined) continue;
    let years = byPublisher.get(e.doc.publisherId);
    if (!years) byPublisher.set(e.doc.publisherId, (years = new Map()));
    let list = years.get(e.year);
    if (!list) years.set(e.year, (list = []));
    list.push(e);
  }
  const spans = [...byPublisher].map(([id, years]) => {
    const publisher = publishers.find((p) => p.id === id);
    const written = [...years.keys()];
    const first = Math.min(...written);
    const last = Math.max(...written);
    // the report checks' deadline rules (structure.ts), so the overview and status.late agree
    const deadline = reportDeadline(publisher, previous)?.date;
    const due = last < previous && !!deadline;
    const end = due && today > deadline! ? previous : last;
    const pending = due && today <= deadline! ? previous : undefined;
    return { id, publisher, years, first, end, pending };
  });
  if (!spans.length) return { years: [], rows: [] };
  const from = Math.min(...spans.map((s) => s.first));
  const to = Math.max(...spans.map((s) => Math.max(s.end, s.pending ?? 0)));
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const order = new Map(publishers.map((p, i) => [p.id, i]));
  spans.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) || compareCodePoints(a.id, b.id));
  const rows = spans.map((s): OverviewRow => {
    const cells = years.map((year): OverviewCell => {
      const reports = s.years.get(year) ?? [];
      let state: OverviewState = 'none';
      if (reports.length) state = reports.some((r) => r.status?.late) ? 'late' : 'published';
      else if (year >= s.first && year <= s.end) state = 'missing';
      else if (year === s.pending) state = 'pending';
      return { year, state, reports };
    });
    const name = s.publisher?.name ?? [...s.years.values()][0]![0]!.doc.publisher;
    return {
      publisher: { id: s.id, name },
      cells,
      missing: cells.filter((c) => c.state === 'missing').length,
      late: cells.filter((c) => c.state === 'late').length,
    };
  });
  return { years, rows };
}

export interface TrendSeries {
  id: string;
  label: string;
  /** One value per year of the trend; undefined where that year has no report or the format no such figure. */
  values: (number | undefined)[];
}

export interface TrendChart {
  id: string;
  title: string;
  /** What the numbers count ('件'). */
  unit: string;
  series: TrendSeries[];
  /** Why some values are missing, when some are. */
  note?: string;
}

export interface PublisherTrends {
  publisher: { id: string; name: string };
  /** Every year from the first report with data to the last. */
  years: number[];
  /** The report each year's figures come from (undefined: no report with data that year). */
  reports: (ReportEntry | undefined)[];
  charts: TrendChart[];
}

/** Index of 总计 in table 3's and table 4's rows. */
const TOTAL = TABLE3_COLUMNS.findIndex((c) => c.id === 'total');
const TOTAL4 = TABLE4_COLUMNS.findIndex((c) => c.id === 'total');
const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

/** The 总计 of table-3 rows whose id is `id` or starts with `id_` (a group's leaf rows). */
function table3Total(data: ReportData, id: string): number {
  const rows = dataRows(FORMATS[data.format]).filter((r) => r.id === id || r.id.startsWith(`${id}_`));
  return sum(rows.map((r) => data.table3[r.id]![TOTAL]!));
}

/** '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' → '部分公开'. */
const shortLabel = (label: string) => label.replace(/^（[一二三四五六七八九十]+）/, '').replace(/（.*$/, '');

const OUTCOMES = ['granted', 'partly_granted', 'withheld', 'unavailable', 'not_processed', 'other'];

/**
 * Trend charts of one publisher's reports with data: applications received (table 3 一 总计),
 * outcomes ((一)–(六) 总计, groups summed), 行政复议 and the two kinds of 行政诉讼 (table 4 总计), and
 * the 规章 and 行政规范性文件 in force (table 2, 2021 format only: the 2019 format has no such column).
 */
export function trendCharts(data: (ReportData | undefined)[]): TrendChart[] {
  const label3 = (id: string) => shortLabel(FORMATS['2021'].table3.find((r) => r.id === id)!.label);
  const series = (id: string, label: string, f: (d: ReportData) => number | undefined): TrendSeries => ({
    id,
    label,
    values: data.map((d) => (d ? f(d) : undefined)),
  });
  const inForce = (rowId: string) => (d: ReportData) => (d.format === '2021' ? d.table2[rowId]![2] : undefined);
  const t4 = FORMATS['2021'].table4;
  const litigation = (b: (typeof t4)[number]) => (b.parent ? `${b.parent}（${b.label}）` : b.label);
  const charts: TrendChart[] = [
    {
      id: 'received',
      title: '收到的政府信息公开申请',
      unit: '件',
      series: [series('new_received', '本年新收申请', (d) => d.table3.new_received![TOTAL])],
    },
    {
      id: 'outcomes',
      title: '申请的办理结果',
      unit: '件',
      series: OUTCOMES.map((id) => series(id, label3(id), (d) => table3Total(d, id))),
    },
    {
      id: 'appeals',
      title: '政府信息公开行政复议、行政诉讼',
      unit: '件',
      series: t4.map((b) => series(b.id, litigation(b), (d) => d.table4[b.id]![TOTAL4])),
    },
    {
      id: 'in-force',
      title: '现行有效的规章和行政规范性文件',
      unit: '件',
      series: FORMATS['2021'].table2[0]!.rows.map((r) => series(r.id, r.label, inForce(r.id))),
      note: data.some((d) => d?.format === '2019')
        ? '2019 年试行格式的报告（2019、2020 年度）没有“现行有效件数”一栏，这两年不显示。'
        : undefined,
    },
  ];
  const gaps = data.some((d) => !d) ? '没有表格数据的年度（未发布报告或报告无数据文件）不显示。' : undefined;
  return charts
    .filter((c) => c.series.some((s) => s.values.some((v) => v !== undefined)))
    .map((c) => ({ ...c, note: [c.note, gaps].filter(Boolean).join('') || undefined }));
}

/** Per publisher, the report with data of each year (entries newest first: the newest of a year wins). */
function dataByYear(entries: ReportEntry[]): Map<string, Map<number, ReportEntry>> {
  const out = new Map<string, Map<number, ReportEntry>>();
  for (const e of entries) {
    if (!e.data || e.year === undefined) continue;
    let years = out.get(e.doc.publisherId);
    if (!years) out.set(e.doc.publisherId, (years = new Map()));
    if (!years.has(e.year)) years.set(e.year, e);
  }
  return out;
}

/** Publishers with table data for at least two years: they get a trends page. */
export function trendPublisherIds(entries: ReportEntry[]): string[] {
  return [...dataByYear(entries)].filter(([, years]) => years.size >= 2).map(([id]) => id);
}

/** Trends of every publisher with table data for at least two years, in bodies.yaml order. */
export function publisherTrends(entries: ReportEntry[], publishers: Publisher[]): PublisherTrends[] {
  const byPublisher = dataByYear(entries);
  const order = new Map(publishers.map((p, i) => [p.id, i]));
  const ids = trendPublisherIds(entries).sort(
    (a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || compareCodePoints(a, b),
  );
  return ids.map((id): PublisherTrends => {
    const byYear = byPublisher.get(id)!;
    const first = Math.min(...byYear.keys());
    const last = Math.max(...byYear.keys());
    const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    const reports = years.map((y) => byYear.get(y));
    const name = publishers.find((p) => p.id === id)?.name ?? byYear.get(last)!.doc.publisher;
    return { publisher: { id, name }, years, reports, charts: trendCharts(reports.map((r) => r?.data)) };
  });
}

export interface ReportCollection {
  /** Every report, by year (newest first, unknown years last), then publisher (bodies.yaml order), then newest first. */
  entries: ReportEntry[];
  trends: PublisherTrends[];
  /** Publishers that have a trends page. */
  trendIds: Set<string>;
}

const cache = new WeakMap<Catalogue, ReportCollection>();

/** The column's reports, computed once per catalogue. */
export function reportCollection(catalogue: Catalogue, publishers: Publisher[]): ReportCollection {
  let c = cache.get(catalogue);
  if (c) return c;
  const order = new Map(publishers.map((p, i) => [p.id, i]));
  const newestFirst = catalogue.all.filter(isReport).map(reportEntry);
  const entries = newestFirst
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        (b.e.year ?? -Infinity) - (a.e.year ?? -Infinity) ||
        (order.get(a.e.doc.publisherId) ?? Infinity) - (order.get(b.e.doc.publisherId) ?? Infinity) ||
        a.i - b.i,
    )
    .map(({ e }) => e);
  const trends = publisherTrends(newestFirst, publishers);
  c = { entries, trends, trendIds: new Set(trends.map((t) => t.publisher.id)) };
  cache.set(catalogue, c);
  return c;
}

/** Paths (base excluded) of the 年报 pages and every open-data file of the reports. */
export function reportPaths(catalogue: Catalogue): string[] {
  const entries = catalogue.all.filter(isReport).map(reportEntry);
  const out = ['/annual-reports/', ...NATIONAL_TABLES.map((t) => `/annual-reports/${t}.csv`)];
  for (const id of trendPublisherIds(entries)) out.push(`/annual-reports/trends/${id}/`);
  for (const e of entries) {
    if (!e.doc.report || !hasOpenData(e)) continue;
    out.push(`/doc/${e.doc.slug}/report.json`);
    for (const f of reportCsvFiles(e.doc.report)) out.push(`/doc/${e.doc.slug}/${f.fileName}`);
  }
  return out;
}

/** A report's checks as the index shows them: '通过', '2 个警告', '1 个错误、2 个警告'; undefined when not checked. */
export function statusText(status: ReportStatus | undefined): string | undefined {
  if (!status) return undefined;
  const parts = [
    status.errors ? `${status.errors} 个错误` : '',
    status.warnings ? `${status.warnings} 个警告` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('、') : '通过';
}
