// The search index step as its own process (docs/decisions.md §3): the Astro build plans the shards
// and writes this job to the build cache (src/integrations/search-index.ts); after Astro has exited
// and freed its memory, scripts/build.mjs runs src/post-build.ts, which builds the shards on worker
// threads (one at a time on 2 cores: Pagefind parses a shard's pages on every core).
import { availableParallelism, freemem } from 'node:os';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ShardJob, ShardResult } from './build-shard.ts';

export interface IndexJob {
  base: string;
  /** Pages in all shards. */
  pages: number;
  /** Each shard's job is a file of its own, read by the thread that builds it: the step's main thread
   * never holds 100,000 pages' extras at once (~90 MB of JSON at 100,000 documents). */
  shards: ShardRef[];
}

/** One shard of the index job: its number, its pages, and the file holding its ShardJob. */
export interface ShardRef {
  shard: number;
  pages: number;
  file: string;
}

/** Where the build leaves the job: beside the other build caches of this column and output. */
export const indexJobFile = (cacheDir: string) => path.join(cacheDir, 'search-index-job.json');

/** Writes each shard's job to a file of its own and the index job that lists them (to `indexJobFile`). */
export function writeIndexJob(cacheDir: string, base: string, jobs: ShardJob[]): IndexJob {
  const dir = path.join(cacheDir, 'search-jobs');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const shards = jobs.map((j) => {
    const file = path.join(dir, `s${j.shard}.json`);
    writeFileSync(file, JSON.stringify(j));
    return { shard: j.shard, pages: j.pages.length, file };
  });
  const job: IndexJob = { base, pages: shards.reduce((n, s) => n + s.pages, 0), shards };
  writeFileSync(indexJobFile(cacheDir), JSON.stringify(job));
  return job;
}

/** Memory one shard's indexing may take at the default limits (measured: 1.25 GB at 2,000 pages). */
export const SHARD_MEMORY = 1.3 * 1024 ** 3;

/**
 * Shards indexed at once: GONGKAI_SEARCH_PARALLEL, else one per two cores (Pagefind parses a shard's
 * pages on every core) as far as free memory allows, at most 2.
 */
export function parallelShards(jobs: number, setting?: number): number {
  const byMemory = Math.max(1, Math.floor(freemem() / SHARD_MEMORY));
  const byCores = Math.max(1, Math.floor(availableParallelism() / 2));
  return Math.max(1, Math.min(setting ?? Math.min(byCores, byMemory), 2, jobs));
}

/**
 * Pagefind's index chunk size, in word positions (its default 20,000): a query fetches one chunk per
 * word per shard, so smaller chunks cut what a cold query transfers (docs/decisions.md §3, one shard of
 * 1,000 pages: metadata + the chunk of 预算 12.8 + 25.4 KB gzip by default, 17.8 + 5.3 KB at 4,000). Pagefind 1.6
 * reads it from its service's environment (`PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`, an unstable knob:
 * the bench's cold-query bytes show whether a Pagefind upgrade still honours it). An operator's own
 * value wins.
 */
export const PAGEFIND_ENV = {
  PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? '4000',
};

/** Builds the shards on `parallel` worker threads; resolves with every shard's result, in shard order. */
export function runShards(jobs: ShardRef[], parallel: number, base: string): Promise<ShardResult[]> {
  const script = new URL('./shard-worker.ts', import.meta.url);
  const queue = [...jobs];
  const results: ShardResult[] = [];
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData: { base }, env: { ...process.env, ...PAGEFIND_ENV } });
      const next = () => worker.postMessage(queue.shift() ?? null);
      worker.on('message', (r: ShardResult) => {
        results.push(r);
        next();
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
      next();
    });
  return Promise.all(Array.from({ length: parallel }, one)).then(() => results.sort((a, b) => a.shard - b.shard));
}
