// /doc/<slug>/report-<table>.csv: one table of an annual report as CSV (UTF-8 with BOM; see
// src/lib/report/open-data.ts): report-table2/3/4.csv for the national formats, report-appendix-<n>.csv
// for the CSV tables of a report before 2019.
import type { APIRoute, GetStaticPaths } from 'astro';
import { hasOpenData } from '../../../lib/report/collection.ts';
import { reportCsv, reportCsvFiles } from '../../../lib/report/open-data.ts';
import type { ReportInfo } from '../../../lib/report/read.ts';
import { getSiteView } from '../../../site-data.ts';

export const getStaticPaths = (async () => {
  const view = await getSiteView();
  return view.catalogue.all.flatMap((doc) =>
    doc.report && hasOpenData(doc.report)
      ? reportCsvFiles(doc.report).map((f) => ({
          params: { slug: doc.slug, table: f.key },
          props: { report: doc.report! },
        }))
      : [],
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, params }) => {
  const { report } = props as { report: ReportInfo };
  return new Response(reportCsv(report, params.table!) ?? '', {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
