// Worker thread of the index step: builds the shards it is sent (their job files), one at a time
// (build-shard.ts). A shard's job is read here, in this thread, and its file removed
// (index-job.ts writeIndexJob).
import { readFileSync, rmSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { buildShard, closePagefind, type ShardJob } from './build-shard.ts';
import type { ShardRef } from './index-job.ts';

const base = (workerData as { base: string }).base;
parentPort!.on('message', (ref: ShardRef | null) => {
  if (ref === null) {
    void closePagefind().then(() => process.exit(0));
    return;
  }
  Promise.resolve()
    .then(() => {
      const job = JSON.parse(readFileSync(ref.file, 'utf8')) as ShardJob;
      rmSync(ref.file, { force: true });
      return buildShard(job, base);
    })
    .then(
      (result) => parentPort!.postMessage(result),
      (e: unknown) =>
        parentPort!.postMessage({
          shard: ref.shard,
          pages: 0,
          ms: 0,
          errors: [e instanceof Error ? e.message : String(e)],
        }),
    );
});
