// Open data of the annual reports: each report's tables as CSV (one file per table) and JSON (the
// whole report), and every report of the column in one CSV per table. Row and column ids are the
// data file's, labels the format's (the same the page shows); money cells are written exactly as
// the editor wrote them. CSV is written by csv-stringify, UTF-8 with a byte-order mark and CRLF
// line ends, so Excel and WPS (which read a CSV without BOM in the system's GBK code page) open it
// correctly; JSON is plain UTF-8.
import { stringify } from 'csv-stringify/sync';
import type { ReportData } from './data.ts';
import {
  FORMATS,
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  TABLE_TITLES,
  dataRows,
  table3Path,
  type FormatId,
} from './formats.ts';
import type { ReportInfo } from './read.ts';

export type NationalTable = 'table2' | 'table3' | 'table4';
export const NATIONAL_TABLES: NationalTable[] = ['table2', 'table3', 'table4'];

/** What the open data says about the document a report is. */
export interface ReportRef {
  title: string;
  indexNo: string;
  publisherId: string;
  publisher: string;
  published: string;
  year?: number;
  /** The report page's path, base included. */
  page: string;
}

/** One CSV file of a report: its key in the file name (report-<key>.csv) and what it holds. */
export interface ReportCsvFile {
  key: string;
  title: string;
  fileName: string;
}

/** The CSV files of one report: tables 2–4 of a national format, else one per CSV table (附表). */
export function reportCsvFiles(info: ReportInfo): ReportCsvFile[] {
  if (info.data)
    return NATIONAL_TABLES.map((key) => ({
      key,
      title: `${TABLE_NAMES[key]} ${TABLE_TITLES[key]}`,
      fileName: `report-${key}.csv`,
    }));
  return info.tables.map((t, i) => ({
    key: `appendix-${i + 1}`,
    title: t.title,
    fileName: `report-appendix-${i + 1}.csv`,
  }));
}

export const TABLE_NAMES: Record<NationalTable, string> = { table2: '表二', table3: '表三', table4: '表四' };

export const FORMAT_NAMES: Record<FormatId | 'free', string> = {
  '2021': '2021 年格式',
  '2019': '2019 年试行格式',
  free: '2019 年以前（自由格式）',
};

type Record_ = (string | number)[];

/** Header and records of one national table of a report (no report columns). */
export function tableRecords(data: ReportData, table: NationalTable): { header: string[]; rows: Record_[] } {
  const format = FORMATS[data.format];
  if (table === 'table2') {
    const rows: Record_[] = [];
    for (const block of format.table2) {
      for (const row of block.rows) {
        block.columns.forEach((c, i) => {
          const value = data.table2[row.id]![i]!;
          const cell = c.kind === 'money' ? (data.written[`table2.${row.id}.${i}`] ?? String(value)) : value;
          rows.push([block.id, block.heading, row.id, row.label, c.id, c.label, cell]);
        });
      }
    }
    return { header: ['区块标识', '区块', '行标识', '信息内容', '列标识', '列名称', '数值'], rows };
  }
  if (table === 'table3') {
    const rows = dataRows(format).map((row): Record_ => {
      const groups = table3Path(format, row.id)
        .slice(0, -1)
        .map((g) => g.label);
      return [row.id, groups.join(' / '), row.label, ...data.table3[row.id]!];
    });
    return { header: ['行标识', '分组', '行名称', ...TABLE3_COLUMNS.map((c) => c.label)], rows };
  }
  const rows = format.table4.map((b): Record_ => [b.id, b.parent ?? '', b.label, ...data.table4[b.id]!]);
  return { header: ['行标识', '分组', '行名称', ...TABLE4_COLUMNS.map((c) => c.label)], rows };
}

/** CSV text: UTF-8 BOM, CRLF, fields quoted where needed (csv-stringify). */
export function toCsv(header: string[], rows: Record_[]): string {
  return stringify([header, ...rows], { bom: true, record_delimiter: 'windows' });
}

/** One CSV file of a report (see reportCsvFiles); undefined for a key the report does not have. */
export function reportCsv(info: ReportInfo, key: string): string | undefined {
  if (info.data && (NATIONAL_TABLES as string[]).includes(key)) {
    const { header, rows } = tableRecords(info.data, key as NationalTable);
    return toCsv(header, rows);
  }
  const m = /^appendix-(\d+)$/.exec(key);
  const table = m ? info.tables[Number(m[1]) - 1] : undefined;
  if (!table || info.data) return undefined;
  return toCsv(table.header, table.rows);
}

/** Columns that say which report a record of a column-wide CSV belongs to. */
const REPORT_COLUMNS = ['年度', '发布机构标识', '发布机构', '年报格式', '索引号'];

/** One national table of every report with data, in the order given, in one CSV. */
export function columnCsv(reports: { ref: ReportRef; data: ReportData }[], table: NationalTable): string {
  const rows: Record_[] = [];
  let header: string[] = [];
  for (const { ref, data } of reports) {
    const t = tableRecords(data, table);
    header = t.header;
    const lead = [data.year, ref.publisherId, ref.publisher, FORMAT_NAMES[data.format], ref.indexNo];
    for (const r of t.rows) rows.push([...lead, ...r]);
  }
  if (!header.length) header = tableRecords(emptyData('2021'), table).header;
  return toCsv([...REPORT_COLUMNS, ...header], rows);
}

/** A zero-filled ReportData of a format (for headers when there is no report). */
function emptyData(format: FormatId): ReportData {
  const f = FORMATS[format];
  const zeros = (n: number) => new Array<number>(n).fill(0);
  return {
    format,
    year: 0,
    table2: Object.fromEntries(f.table2.flatMap((b) => b.rows.map((r) => [r.id, zeros(b.columns.length)]))),
    table3: Object.fromEntries(dataRows(f).map((r) => [r.id, zeros(TABLE3_COLUMNS.length)])),
    table4: Object.fromEntries(f.table4.map((b) => [b.id, zeros(TABLE4_COLUMNS.length)])),
    written: {},
  };
}

/** A report as JSON: what it is, and its tables with the format's ids and labels. */
export function reportJson(ref: ReportRef, info: ReportInfo): object {
  const head = {
    title: ref.title,
    indexNo: ref.indexNo,
    publisher: { id: ref.publisherId, name: ref.publisher },
    published: ref.published,
    year: info.year ?? ref.year ?? null,
    format: info.format,
    formatName: info.format === 'free' ? FORMAT_NAMES.free : FORMATS[info.format].name,
    page: ref.page,
  };
  const data = info.data;
  if (!data) {
    return { ...head, tables: info.tables.map((t) => ({ title: t.title, header: t.header, rows: t.rows })) };
  }
  const format = FORMATS[data.format];
  const columns = (cs: { id: string; label: string; kind: string }[]) =>
    cs.map((c) => ({ id: c.id, label: c.label, kind: c.kind }));
  return {
    ...head,
    table2: {
      title: TABLE_TITLES.table2,
      blocks: format.table2.map((b) => ({
        id: b.id,
        heading: b.heading,
        columns: columns(b.columns),
        rows: b.rows.map((r) => {
          const money = b.columns.flatMap((c, i) => (c.kind === 'money' ? [[c.id, i] as const] : []));
          const written = Object.fromEntries(
            money.map(([id, i]) => [id, data.written[`table2.${r.id}.${i}`] ?? String(data.table2[r.id]![i])]),
          );
          return { id: r.id, label: r.label, values: data.table2[r.id], ...(money.length ? { written } : {}) };
        }),
      })),
    },
    table3: {
      title: TABLE_TITLES.table3,
      columns: columns(TABLE3_COLUMNS),
      rows: dataRows(format).map((r) => ({
        id: r.id,
        label: r.label,
        groups: table3Path(format, r.id)
          .slice(0, -1)
          .map((g) => g.label),
        values: data.table3[r.id],
      })),
    },
    table4: {
      title: TABLE_TITLES.table4,
      columns: columns(TABLE4_COLUMNS),
      rows: format.table4.map((b) => ({
        id: b.id,
        label: b.label,
        ...(b.parent ? { group: b.parent } : {}),
        values: data.table4[b.id],
      })),
    },
  };
}
