// Bare Astro baseline for the benchmark: one plain page per Markdown document, nothing else.
// Paths come from the runner (scripts/bench/run.mjs) through the environment:
//   BENCH_DOCS   the generated documents directory (.bench/<N>/content/documents)
//   BENCH_OUT    output directory (.bench/<N>/dist-baseline)
//   BENCH_CACHE  Astro's cacheDir, where the content data store lives (.bench/<N>/cache-baseline)
//   BENCH_STORE  'default' (Astro's single-file data store) or 'chunked' (experimental.collectionStorage)
import { defineConfig } from 'astro/config';

const store = process.env.BENCH_STORE === 'chunked' ? 'chunked' : 'single-file';

export default defineConfig({
  outDir: process.env.BENCH_OUT || './dist',
  cacheDir: process.env.BENCH_CACHE || './node_modules/.astro',
  build: { format: 'directory' },
  markdown: { syntaxHighlight: false },
  experimental: { collectionStorage: store },
});
