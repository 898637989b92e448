// The sample column as the browser tests see it: built under /xxgk/, served with the CSP header,
// and the pages to visit, chosen from the sources (not from the built output).
import { buildSample, assertBuilt, type BuildResult } from './build.ts';
import { BASE, SAMPLE_CONTENT, TODAY } from './paths.ts';
import { startServer, type StaticServer } from './server.ts';
import { partition, readSources, type SourceDoc } from './sources.ts';

export interface SamplePage {
  name: string;
  /** Path under the base, e.g. 'catalogue/' ('' for the home page). */
  path: string;
  /** The response status the page must answer with. */
  status: number;
}

export interface SampleSite {
  build: BuildResult;
  server: StaticServer;
  docs: SourceDoc[];
  /** Absolute URL of a path under the base. */
  url(path: string): string;
  pages: SamplePage[];
  /** A document page (with attachments when the sample has one). */
  doc: SourceDoc;
  /** A 废止 document. */
  repealed: SourceDoc;
}

export async function startSample(): Promise<SampleSite> {
  const build = await buildSample();
  assertBuilt(build);
  const server = await startServer({ dir: build.outDir, base: BASE });
  const { pages: docs } = partition(readSources(SAMPLE_CONTENT), TODAY);
  const newestFirst = [...docs].sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : 0));
  const repealed = docs.find((d) => d.validity === '废止');
  if (!repealed) throw new Error('the sample column has no document with validity: 废止');
  const doc =
    newestFirst.find((d) => d.attachments.length > 0 && !d.validity?.match(/废止|失效/)) ??
    newestFirst.find((d) => !d.validity?.match(/废止|失效/)) ??
    newestFirst[0]!;
  const year = newestFirst[0]!.published.slice(0, 4);
  const pages: SamplePage[] = [
    { name: '专栏 home', path: '', status: 200 },
    { name: 'catalogue', path: 'catalogue/', status: 200 },
    { name: `browse group (year ${year})`, path: `catalogue/year/${year}/`, status: 200 },
    { name: `document ${doc.file}`, path: `doc/${doc.slug}/`, status: 200 },
    { name: `废止 document ${repealed.file}`, path: `doc/${repealed.slug}/`, status: 200 },
    { name: 'application form', path: 'apply/form/', status: 200 },
    { name: '网站地图', path: 'sitemap/', status: 200 },
    { name: '404 page', path: 'no-such-page-gongkai-test/', status: 404 },
  ];
  return {
    build,
    server,
    docs,
    url: (p) => server.baseUrl + p,
    pages,
    doc,
    repealed,
  };
}
