// What the endpoints for readers, crawlers and reusers share (src/lib/discover/): full addresses, the
// date each document last changed, the sitemap files, the catalogue's open data. Each is computed once
// per build (memoised like getSiteView), so a page or endpoint never walks the whole column itself.
import { normaliseBase } from './lib/build-options.ts';
import { UpdatedDates } from './lib/discover/updated.ts';
import { absoluteUrl, CATALOGUE_CSV, CATALOGUE_JSON } from './lib/discover/urls.ts';
import { sitemapFiles, type SitemapFile } from './lib/discover/sitemap.ts';
import { catalogueCsv, catalogueJson, catalogueRecord, type CatalogueRecord } from './lib/discover/open-data.ts';
import { sitePages } from './lib/site-paths.ts';
import { getSiteView, type SiteView } from './site-data.ts';

export interface Discover {
  view: SiteView;
  /** The column's base, '/' or '/xxgk/'. */
  base: string;
  /** A site path as a full address (site_url + base + path). */
  url(sitePath: string): string;
  dates: UpdatedDates;
  /** The latest content date of the column, 'YYYY-MM-DD HH:MM' (undefined without documents). */
  latest: string | undefined;
}

let discover: Promise<Discover> | undefined;

export function getDiscover(): Promise<Discover> {
  discover ??= (async () => {
    const view = await getSiteView();
    const base = normaliseBase(import.meta.env.BASE_URL);
    const dates = new UpdatedDates(view.catalogue.all, view.catalogue.bySlug);
    return {
      view,
      base,
      url: (p: string) => absoluteUrl(view.settings.siteUrl, base, p),
      dates,
      latest: dates.latest(view.catalogue.all),
    };
  })();
  return discover;
}

let sitemaps: Promise<SitemapFile[]> | undefined;

/** /sitemap.xml and, for a column too large for one file, /sitemap-1.xml … (src/lib/discover/sitemap.ts). */
export function getSitemapFiles(): Promise<SitemapFile[]> {
  sitemaps ??= getDiscover().then((d) =>
    sitemapFiles(sitePages(d.view.catalogue, d.view.settings.pageSize, d.dates), d.url),
  );
  return sitemaps;
}

function records(d: Discover): CatalogueRecord[] {
  const { view } = d;
  const names = {
    topic: (id: string) => view.topicById.get(id)?.fullName ?? id,
    genre: (id: string) => view.genreById.get(id)?.name ?? id,
  };
  return view.catalogue.all.map((doc) => catalogueRecord(doc, names, d.url));
}

/** The catalogue's open data as text (UTF-8 CSV with BOM, or JSON). */
async function buildOpenData(format: OpenDataFormat): Promise<string> {
  const d = await getDiscover();
  const rows = records(d);
  if (format === 'csv') return catalogueCsv(rows);
  const { settings } = d.view;
  return catalogueJson(
    {
      title: `${settings.siteName}政府信息公开目录`,
      page: d.url('/catalogue/'),
      updated: d.latest?.slice(0, 10) ?? '',
    },
    rows,
  );
}

type OpenDataFormat = 'csv' | 'json';

/**
 * Each open-data file is built once per build: whichever of its endpoint and the catalogue's 开放数据
 * block comes first builds it; the endpoint leaves its size, the block leaves the text for the endpoint
 * (handed over once, then dropped).
 */
const measured = new Map<OpenDataFormat, string>();
/** Sizes in bytes of the files the endpoints wrote (Astro renders them before the catalogue's pages). */
const written = new Map<OpenDataFormat, number>();

/** The catalogue's open data for its endpoint (src/pages/catalogue/catalogue.*.ts). */
export async function catalogueOpenData(format: OpenDataFormat): Promise<string> {
  const text = measured.get(format) ?? (await buildOpenData(format));
  measured.delete(format);
  written.set(format, Buffer.byteLength(text));
  return text;
}

export interface OpenDataFile {
  path: string;
  format: 'CSV' | 'JSON';
  bytes: number;
}

let sizes: Promise<{ records: number; files: OpenDataFile[] }> | undefined;

/** What the catalogue's 开放数据 block states: the record count and each file's size (computed once). */
export function openDataSummary(): Promise<{ records: number; files: OpenDataFile[] }> {
  sizes ??= (async () => {
    const d = await getDiscover();
    const size = async (format: OpenDataFormat) => {
      const known = written.get(format);
      if (known !== undefined) return known;
      const text = await buildOpenData(format);
      // kept for the endpoint only when it has not run yet
      if (!written.has(format)) measured.set(format, text);
      return Buffer.byteLength(text);
    };
    return {
      records: d.view.catalogue.all.length,
      files: [
        { path: CATALOGUE_CSV, format: 'CSV', bytes: await size('csv') },
        { path: CATALOGUE_JSON, format: 'JSON', bytes: await size('json') },
      ],
    };
  })();
  return sizes;
}
