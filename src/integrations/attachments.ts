// Build concern: publish each document's attachments and linked files under doc/<slug>/files/.
// Under `astro dev` the same URLs are answered from the content directory (nothing is copied).
import { copyFileSync, createReadStream, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolveBuildOptions } from '../lib/build-options.ts';
import { getSite } from '../lib/site.ts';
import type { DocumentMeta } from '../lib/types.ts';

/** The content file a document publishes as doc/<slug>/files/<published>, if it does. */
function publishedSource(doc: DocumentMeta, published: string): string | undefined {
  const docDir = path.posix.dirname(doc.file);
  const sources = [...doc.attachments.map((a) => a.source), ...doc.assets];
  return sources.find((source) => path.posix.relative(docDir, source) === published);
}

const DEV_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

export default function attachments(): AstroIntegration {
  return {
    name: 'gongkai-attachments',
    hooks: {
      'astro:server:setup': ({ server }) => {
        // the column as last read: the content loader re-reads it when files change (src/lib/dev-watch.ts)
        server.middlewares.use(async (req, res, next) => {
          if (!req.url?.includes('/files/')) return next();
          let pathname: string;
          try {
            pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
          } catch {
            return next();
          }
          // Astro's base middleware has taken `base` off the URL already
          const m = /^\/doc\/([^/]+)\/files\/(.+)$/.exec(pathname);
          if (!m) return next();
          const options = resolveBuildOptions(process.env);
          const site = await getSite(options.contentDir, options);
          const doc = site.documents.find((d) => d.slug === m[1]);
          const source = doc && publishedSource(doc, m[2]!);
          if (!source) return next();
          const file = path.join(site.contentDir, source);
          let size: number;
          try {
            size = statSync(file).size;
          } catch {
            return next();
          }
          res.writeHead(200, {
            'Content-Type': DEV_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
            'Content-Length': size,
            'Cache-Control': 'no-store',
          });
          createReadStream(file).pipe(res);
        });
      },
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
