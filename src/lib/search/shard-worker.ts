// Worker thread of the index step: builds the shards whose job files it is sent, one at a time
// (build-shard.ts). A shard's job is read here, in this thread, and its file removed
// (index-job.ts writeIndexJob).
import { readFileSync, rmSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { buildShard, closePagefind, type ShardJob } from './build-shard.ts';

const base = (workerData as { base: string }).base;
parentPort!.on('message', (file: string | null) => {
  if (file === null) {
    void closePagefind().then(() => process.exit(0));
    return;
  }
  const shard = Number(/s(\d+)\.json$/.exec(file)?.[1] ?? -1);
  Promise.resolve()
    .then(() => {
      const job = JSON.parse(readFileSync(file, 'utf8')) as ShardJob;
      rmSync(file, { force: true });
      return buildShard(job, base);
    })
    .then(
      (result) => parentPort!.postMessage(result),
      (e: unknown) =>
        parentPort!.postMessage({ shard, pages: 0, ms: 0, errors: [e instanceof Error ? e.message : String(e)] }),
    );
});
