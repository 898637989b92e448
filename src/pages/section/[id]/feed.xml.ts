// /section/<id>/feed.xml: the Atom feed of one column section's latest documents (src/lib/discover/feed.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDiscover } from '../../../discover-data.ts';
import { sectionLabel } from '../../../components/format.ts';
import { atomXml, FEED_SIZE, feedEntries } from '../../../lib/discover/feed.ts';
import { rfc3339 } from '../../../lib/discover/updated.ts';
import { sectionFeedPath } from '../../../lib/discover/urls.ts';
import type { DocumentMeta, Section } from '../../../lib/types.ts';

export const getStaticPaths = (async () => {
  const { view } = await getDiscover();
  return view.catalogue.groups.section.map((g) => ({
    params: { id: g.id },
    // only what the feed shows: each section's newest documents
    props: { section: view.sectionById.get(g.id)!, docs: g.docs.slice(0, FEED_SIZE) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ section: Section; docs: DocumentMeta[] }> = async ({ props }) => {
  const d = await getDiscover();
  const { settings } = d.view;
  const { section, docs } = props;
  const name = section.group === 'statutory' ? `法定主动公开内容${sectionLabel(section)}` : sectionLabel(section);
  const xml = atomXml({
    self: d.url(sectionFeedPath(section.id)),
    page: d.url(`/section/${section.id}/`),
    title: `${settings.siteName}${settings.columnName}：${name}`,
    ...(section.description && { subtitle: section.description }),
    author: settings.organisation.name,
    entries: feedEntries(docs, d.dates, d.url),
    // an empty section: the column's latest date, so the feed stays the same from build to build
    emptyUpdated: rfc3339(d.latest ?? '2000-01-01'),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
