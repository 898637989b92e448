// The one bridge between Astro's content store and the domain code: pages call
// getSiteView() (memoised per build), which reads the two collections once and groups the
// catalogue once. Pages then receive slices through getStaticPaths props.
import { getCollection } from 'astro:content';
import { buildCatalogue, type Catalogue } from './lib/catalogue.ts';
import type { DevStatus, Genre, Publisher, Section, SiteData, Topic } from './lib/types.ts';

/** What loadSite found (without the documents, which live in `catalogue`), plus lookups. */
export interface SiteView extends Pick<
  SiteData,
  'contentDir' | 'settings' | 'publishers' | 'topics' | 'genres' | 'sections' | 'withdrawn'
> {
  catalogue: Catalogue;
  /** `astro dev` only: the content errors the banner lists (src/components/DevProblems.astro). */
  dev?: DevStatus;
  publisherById: Map<string, Publisher>;
  topicById: Map<string, Topic>;
  genreById: Map<string, Genre>;
  sectionById: Map<string, Section>;
}

let view: Promise<SiteView> | undefined;

export function getSiteView(): Promise<SiteView> {
  view ??= load();
  return view;
}

async function load(): Promise<SiteView> {
  const [siteEntries, docEntries] = await Promise.all([getCollection('site'), getCollection('documents')]);
  const site = siteEntries[0]?.data;
  if (!site) throw new Error('gongkai: the site collection is empty (content/site.yaml was not loaded)');
  const documents = docEntries.map((e) => e.data);
  return {
    ...site,
    catalogue: buildCatalogue({ ...site, documents }),
    publisherById: new Map(site.publishers.map((p) => [p.id, p])),
    topicById: new Map(site.topics.map((t) => [t.id, t])),
    genreById: new Map(site.genres.map((g) => [g.id, g])),
    sectionById: new Map(site.sections.map((s) => [s.id, s])),
  };
}

/** Joins BASE_URL and a site path ('/doc/x/' → '/xxgk/doc/x/'). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path.startsWith('/') ? path : '/' + path}`;
}
