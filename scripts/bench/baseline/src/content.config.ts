// The same generated documents gongkai builds, through Astro's own glob loader; no schema:
// frontmatter is stored as parsed and every body is rendered into the data store.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const base = process.env.BENCH_DOCS;
if (!base) throw new Error('BENCH_DOCS is not set (run the baseline through scripts/bench/run.mjs)');

export const collections = {
  docs: defineCollection({ loader: glob({ pattern: '**/*.md', base }) }),
};
