// /annual-reports/table2.csv, table3.csv, table4.csv: one table of every report of the column with a
// data file, oldest year first, each record led by the report's year, publisher, format and 索引号
// (UTF-8 with BOM; see src/lib/report/open-data.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { reportCollection } from '../../lib/report/collection.ts';
import { columnCsv, NATIONAL_TABLES, type NationalTable } from '../../lib/report/open-data.ts';
import { getSiteView, href } from '../../site-data.ts';

export const getStaticPaths = (() => NATIONAL_TABLES.map((table) => ({ params: { table } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const view = await getSiteView();
  const { entries } = reportCollection(view.catalogue, view.publishers);
  const reports = entries
    .filter((e) => e.data)
    // oldest year first; within a year the publishers keep bodies.yaml's order (a stable sort)
    .sort((a, b) => a.data!.year - b.data!.year)
    .map((e) => ({ ref: { ...e.doc, page: href(`/doc/${e.doc.slug}/`) }, data: e.data! }));
  return new Response(columnCsv(reports, params.table as NationalTable), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
