// Build concern: content/redirects.yaml in the output (docs/design.md "Redirects"). A page at each
// old page URL that moves the reader on (src/lib/redirects.ts redirectPage: meta refresh, a visible
// link, rel=canonical — no script), so an old URL does not 404 without any server configuration; and
// dist/redirects.json, the list the deployment turns into server rules (301s, and 410 for what was
// below a withdrawn document's page).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolveBuildOptions } from '../lib/build-options.ts';
import { outputFileFor } from '../lib/published-urls.ts';
import { redirectPage, type RedirectManifest } from '../lib/redirects.ts';
import { getSite } from '../lib/site.ts';

export default function redirects(): AstroIntegration {
  return {
    name: 'gongkai-redirects',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const options = resolveBuildOptions(process.env);
        const site = await getSite(options.contentDir, options);
        const outDir = fileURLToPath(dir);
        const page = { ...site.settings, base: options.base };
        let pages = 0;
        for (const r of site.redirects) {
          // a file's old URL (an attachment) cannot carry a page: the server's rule serves it
          if (!r.from.endsWith('/')) continue;
          const file = path.join(outDir, outputFileFor(r.from));
          // the checks refuse a redirect from a live page; never overwrite one
          if (existsSync(file)) continue;
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, redirectPage(r.to, page));
          pages++;
        }
        const manifest: RedirectManifest = {
          base: options.base,
          redirects: site.redirects.map(({ from, to, date }) => (date ? { from, to, date } : { from, to })),
          withdrawn: site.withdrawn.map((w) => `/doc/${w.slug}/`),
        };
        writeFileSync(path.join(outDir, 'redirects.json'), JSON.stringify(manifest, null, 2) + '\n');
        logger.info(
          `网址跳转：${site.redirects.length} 条，生成跳转页面 ${pages} 个；已撤回文件 ${site.withdrawn.length} 份`,
        );
      },
    },
  };
}
