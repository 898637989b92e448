// Build concern: the link check over the whole output (src/lib/link-check.ts), which runs after
// Astro has exited (src/post-build.ts `links`). Astro's build leaves it what the output does not say:
// site_url (absolute URLs on that host are the site's own: feeds, sitemaps, canonical links) and
// each document page's Markdown file, so a broken link on a document page names its source.
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { resolveBuildOptions } from '../lib/build-options.ts';
import { linkJobFile, type LinkJob } from '../lib/link-check.ts';
import { getSite } from '../lib/site.ts';

export default function linkCheck(): AstroIntegration {
  return {
    name: 'gongkai-link-check',
    hooks: {
      'astro:build:done': async () => {
        const options = resolveBuildOptions(process.env);
        const site = await getSite(options.contentDir, options);
        const job: LinkJob = {
          base: options.base,
          siteUrl: site.settings.siteUrl,
          sources: Object.fromEntries(site.documents.map((d) => [d.slug, d.file])),
        };
        writeFileSync(linkJobFile(options.cacheDir), JSON.stringify(job));
      },
    },
  };
}
