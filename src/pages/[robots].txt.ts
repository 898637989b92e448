// /robots.txt, only when the column is the host's root (base '/'): under a sub-path the host's
// robots.txt is the portal's, and `npm run nginx-config` prints the lines it needs (src/lib/deploy/robots.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDiscover } from '../discover-data.ts';
import { ownsRobotsTxt, robotsTxt } from '../lib/deploy/robots.ts';

export const getStaticPaths = (async () => {
  const { base } = await getDiscover();
  return ownsRobotsTxt(base) ? [{ params: { robots: 'robots' } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const { view, base } = await getDiscover();
  return new Response(robotsTxt(view.settings.siteUrl, base), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
