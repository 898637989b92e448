// /sitemap.xml: every published page with the date it last changed (src/lib/discover/sitemap.ts); the
// index of /sitemap-1.xml … when the column is too large for one file.
import type { APIRoute } from 'astro';
import { getSitemapFiles } from '../discover-data.ts';

export const GET: APIRoute = async () => {
  const [main] = await getSitemapFiles();
  return new Response(main!.xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
