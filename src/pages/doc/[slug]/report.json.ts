// /doc/<slug>/report.json: an annual report's tables as JSON (src/lib/report/open-data.ts), for
// every report with a data file or CSV tables.
import type { APIRoute, GetStaticPaths } from 'astro';
import { hasOpenData } from '../../../lib/report/collection.ts';
import { reportJson } from '../../../lib/report/open-data.ts';
import type { ReportInfo } from '../../../lib/report/read.ts';
import type { DocumentMeta } from '../../../lib/types.ts';
import { getSiteView, href } from '../../../site-data.ts';

export const getStaticPaths = (async () => {
  const view = await getSiteView();
  return view.catalogue.all
    .filter((doc) => doc.report && hasOpenData(doc.report))
    .map((doc) => ({ params: { slug: doc.slug }, props: { doc } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const doc = (props as { doc: DocumentMeta & { report: ReportInfo } }).doc;
  const ref = { ...doc, year: doc.report.year, page: href(`/doc/${doc.slug}/`) };
  return new Response(JSON.stringify(reportJson(ref, doc.report), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
