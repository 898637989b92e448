// /feed.xml: the Atom feed of the column's latest disclosures (src/lib/discover/feed.ts).
import type { APIRoute } from 'astro';
import { getDiscover } from '../discover-data.ts';
import { atomXml, feedEntries } from '../lib/discover/feed.ts';
import { rfc3339 } from '../lib/discover/updated.ts';
import { FEED_PATH } from '../lib/discover/urls.ts';

export const GET: APIRoute = async () => {
  const d = await getDiscover();
  const { settings, catalogue } = d.view;
  const xml = atomXml({
    self: d.url(FEED_PATH),
    page: d.url('/'),
    title: `${settings.siteName}${settings.columnName}：最新公开信息`,
    subtitle: `${settings.siteName}${settings.columnName}最新发布的政府信息`,
    author: settings.organisation.name,
    entries: feedEntries(catalogue.all, d.dates, d.url),
    emptyUpdated: rfc3339(d.latest ?? '2000-01-01'),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
