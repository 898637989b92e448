// @ts-check
import { defineConfig } from 'astro/config';
import { resolveBuildOptions } from './src/lib/build-options.ts';
import attachments from './src/integrations/attachments.ts';

// Content directory, base path and output directory come from content/site.yaml and
// the GONGKAI_* environment variables (docs/design.md).
const options = resolveBuildOptions(process.env);

export default defineConfig({
  base: options.base,
  outDir: options.outDir,
  cacheDir: options.cacheDir,
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // CSP: style-src 'self' — no inline <style> (decisions.md §6)
    inlineStylesheets: 'never',
  },
  compressHTML: true,
  markdown: { syntaxHighlight: false },
  vite: {
    // CSP: script-src 'self' — Astro would inline small scripts otherwise
    build: { assetsInlineLimit: 0 },
  },
  integrations: [attachments()],
});
