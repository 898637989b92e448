// /sitemap-1.xml, /sitemap-2.xml …: the parts of a sitemap split at the protocol's limits (50,000 URLs,
// 50 MB); none when the whole sitemap fits /sitemap.xml.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSitemapFiles } from '../discover-data.ts';
import { sitemapPartPath } from '../lib/discover/urls.ts';

export const getStaticPaths = (async () => {
  const [, ...parts] = await getSitemapFiles();
  return parts.map((part, i) => {
    if (part.path !== sitemapPartPath(i + 1)) throw new Error(`sitemap part ${i + 1} is ${part.path}`);
    return { params: { n: String(i + 1) }, props: { xml: part.xml } };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ xml: string }> = ({ props }) =>
  new Response(props.xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
