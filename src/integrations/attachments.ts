// Build concern: publish each document's attachments and linked files under doc/<slug>/files/.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolveBuildOptions } from '../lib/build-options.ts';
import { getSite } from '../lib/site.ts';

export default function attachments(): AstroIntegration {
  return {
    name: 'gongkai-attachments',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const options = resolveBuildOptions(process.env);
        const site = await getSite(options.contentDir, options);
        const outDir = fileURLToPath(dir);
        let copied = 0;
        for (const doc of site.documents) {
          const sources = [...doc.attachments.map((a) => a.source), ...doc.assets];
          if (!sources.length) continue;
          const docDir = path.posix.dirname(doc.file);
          for (const source of sources) {
            const target = path.join(outDir, 'doc', doc.slug, 'files', path.posix.relative(docDir, source));
            mkdirSync(path.dirname(target), { recursive: true });
            copyFileSync(path.join(site.contentDir, source), target);
            copied++;
          }
        }
        logger.info(`已复制 ${copied} 个附件`);
      },
    },
  };
}
