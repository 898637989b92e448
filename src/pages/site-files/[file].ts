// /site-files/conac.<ext>: the 党政机关网站标识 image site.yaml names (footer.conac.image), copied from the
// content directory (the content check has refused a missing, outside or unsafe file before any page).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteView } from '../../site-data.ts';
import { SITE_FILES_DIR, siteMarkPath } from '../../lib/discover/urls.ts';

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

export const getStaticPaths = (async () => {
  const { settings, contentDir } = await getSiteView();
  const mark = settings.footer.conac;
  if (!mark) return [];
  const published = siteMarkPath(mark.image);
  return [
    {
      params: { file: published.slice(SITE_FILES_DIR.length) },
      props: { source: path.join(contentDir, mark.image), ext: path.extname(published).slice(1) },
    },
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ source: string; ext: string }> = ({ props }) =>
  new Response(readFileSync(props.source), {
    headers: { 'Content-Type': TYPES[props.ext] ?? 'application/octet-stream' },
  });
