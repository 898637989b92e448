// Worker thread of the index step: builds the shards it is sent, one at a time (build-shard.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { buildShard, closePagefind, type ShardJob } from './build-shard.ts';

const base = (workerData as { base: string }).base;
parentPort!.on('message', (job: ShardJob | null) => {
  if (job === null) {
    void closePagefind().then(() => process.exit(0));
    return;
  }
  buildShard(job, base).then(
    (result) => parentPort!.postMessage(result),
    (e: unknown) =>
      parentPort!.postMessage({
        shard: job.shard,
        pages: 0,
        ms: 0,
        errors: [e instanceof Error ? e.message : String(e)],
      }),
  );
});
