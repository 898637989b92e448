// The whole 政府信息公开目录 as open data: /catalogue/catalogue.csv and /catalogue/catalogue.json, one
// record per published document (withdrawn and held-back ones are not in the catalogue), in the
// catalogue's order (newest first). Columns and labels: CATALOGUE_FIELDS (src/lib/catalogue.ts).
//
// CSV as the annual reports' open data (docs/design.md "Open data"): csv-stringify, UTF-8 with a
// byte-order mark and CRLF line ends, so Excel and WPS on Chinese Windows (which read a CSV without BOM
// as GBK) open it; the header row holds the Chinese labels. JSON: plain UTF-8, the field keys in English
// (the frontmatter's) with their labels listed once, one record per line.
import { stringify } from 'csv-stringify/sync';
import { CATALOGUE_FIELDS } from '../catalogue.ts';
import type { DocumentMeta } from '../types.ts';

export type CatalogueField = keyof typeof CATALOGUE_FIELDS;
export type CatalogueRecord = Record<CatalogueField, string>;

const KEYS = Object.keys(CATALOGUE_FIELDS) as CatalogueField[];

/** How a record names a document's classification: 主题分类 as 大类\小类, 体裁 by name. */
export interface RecordNames {
  topic(id: string): string;
  genre(id: string): string;
}

/** One document as a record; `url` makes a site path a full address. Empty fields are ''. */
export function catalogueRecord(
  d: DocumentMeta,
  names: RecordNames,
  url: (sitePath: string) => string,
): CatalogueRecord {
  return {
    index_no: d.indexNo,
    title: d.title,
    summary: d.summary,
    publisher: d.publisher,
    doc_no: d.docNo ?? '',
    written: d.written,
    published: d.published,
    topic: names.topic(d.topicId),
    genre: names.genre(d.genreId),
    validity: d.validity ?? '',
    url: url(`/doc/${d.slug}/`),
  };
}

/** The records as CSV: BOM, a header row of the Chinese labels, CRLF, fields quoted where needed. */
export function catalogueCsv(records: readonly CatalogueRecord[]): string {
  const header = KEYS.map((k) => CATALOGUE_FIELDS[k]);
  return stringify([header, ...records.map((r) => KEYS.map((k) => r[k]))], { bom: true, record_delimiter: 'windows' });
}

/** What the JSON says about itself besides the records. */
export interface CatalogueJsonHead {
  /** '示例县人民政府政府信息公开目录'. */
  title: string;
  /** The catalogue page's full address. */
  page: string;
  /** When the data last changed (YYYY-MM-DD): the column's latest content date (docUpdatedAt); '' without records. */
  updated: string;
}

/**
 * The records as JSON: `{ title, page, updated, count, fields: [{ key, label }], records: [{ index_no, … }] }`,
 * one record per line (a large catalogue stays readable and diffs line by line).
 */
export function catalogueJson(head: CatalogueJsonHead, records: readonly CatalogueRecord[]): string {
  const fields = KEYS.map((key) => ({ key, label: CATALOGUE_FIELDS[key] }));
  const top = JSON.stringify({ ...head, count: records.length, fields });
  const body = records.map((r) => JSON.stringify(r)).join(',\n');
  return `${top.slice(0, -1)},"records":[${records.length ? `\n${body}\n` : ''}]}\n`;
}
