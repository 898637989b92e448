// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { buildOptionsOrExit } from './src/lib/build-options.ts';
import attachments from './src/integrations/attachments.ts';
import buildLog from './src/integrations/build-log.ts';
import linkCheck from './src/integrations/link-check.ts';
import redirects from './src/integrations/redirects.ts';
import reportPdf from './src/integrations/report-pdf.ts';
import searchIndex from './src/integrations/search-index.ts';

// Content directory, base path and output directory come from content/site.yaml and
// the GONGKAI_* environment variables (docs/design.md).
const options = buildOptionsOrExit(process.env);
// bodies' root-relative links get the base (src/lib/markdown.ts); workers inherit this environment
process.env.GONGKAI_BASE = options.base;
// document bodies render on worker threads (src/lib/render-pool.ts); pages find the script here
process.env.GONGKAI_MARKDOWN_WORKER ??= fileURLToPath(new URL('./src/lib/markdown-worker.ts', import.meta.url));
// the column is read on several threads when large (src/lib/column-read.ts); the loader's bundle finds the worker here
process.env.GONGKAI_COLUMN_WORKER ??= fileURLToPath(new URL('./src/lib/column-read-worker.mjs', import.meta.url));

export default defineConfig({
  base: options.base,
  outDir: options.outDir,
  cacheDir: options.cacheDir,
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // CSP: style-src 'self' — no inline <style> (docs/decisions.md §4)
    inlineStylesheets: 'never',
    // several pages in flight, so the main thread lays out pages while workers render bodies
    concurrency: 4,
  },
  compressHTML: true,
  markdown: { syntaxHighlight: false },
  vite: {
    // CSP: script-src 'self' — Astro would inline small scripts otherwise
    build: { assetsInlineLimit: 0 },
    // the dev server watches the project: not the benchmark's generated columns and builds (hundreds of thousands of files)
    server: { watch: { ignored: ['**/.bench/**', '**/dist/**', '**/.cache/**'] } },
  },
  // report PDFs, the search index, the published-URL check and the link check run after astro build
  // (src/post-build.ts); these integrations prepare them. buildLog prints the number of pages to
  // generate, for scripts/build.mjs's progress line.
  integrations: [buildLog(), attachments(), redirects(), searchIndex(), reportPdf(), linkCheck()],
});
