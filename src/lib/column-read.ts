// Reading a large column on every core, synchronously. readColumn (column.ts) is synchronous — the
// loader, `npm run check` and the CLI call it as a function — so the threads share the work through
// an atomic counter of chunks: the calling thread reads chunks itself while worker threads read
// others (column-read-worker.mjs), then it collects theirs with receiveMessageOnPort, blocking on
// Atomics.wait. Results come back in file order, so diagnostics are listed exactly as a
// single-threaded read lists them. A worker that cannot start only means the calling thread reads
// every chunk: correctness never depends on the workers (docs/decisions.md §1).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** Files per chunk: small enough to balance the threads, large enough that messages are few. */
const CHUNK = 250;
/** Below this many files a worker's start-up (~0.7 s to load the modules) costs more than it saves. */
const PARALLEL_FROM = 1500;

export interface ChunkResult<T> {
  items: T[];
}

/** What a worker is told: the files, and the shared chunk counter and per-chunk state. */
export interface ReadJob {
  contentDir: string;
  files: string[];
  chunk: number;
  /** Int32Array view: [0] next chunk to claim; [1 + c] 0 unclaimed, 1 claimed, 2 posted, 3 failed. */
  shared: SharedArrayBuffer;
  port: MessagePort;
}

const CLAIMED = 1;
const POSTED = 2;
const FAILED = 3;

/** The worker script: GONGKAI_COLUMN_WORKER (set by astro.config.mjs, whose bundles cannot locate sources), else beside this file. */
function workerScript(): string | undefined {
  const fromEnv = process.env.GONGKAI_COLUMN_WORKER;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  if (!import.meta.url.startsWith('file:')) return undefined;
  const here = fileURLToPath(new URL('./column-read-worker.mjs', import.meta.url));
  return existsSync(here) ? here : undefined;
}

/** How many worker threads to add to the calling thread (GONGKAI_READ_WORKERS overrides; 0 reads on one thread). */
function workerCount(files: number): number {
  const configured = process.env.GONGKAI_READ_WORKERS;
  if (configured !== undefined && configured !== '') return Math.max(0, Math.min(8, Number(configured) || 0));
  if (files < PARALLEL_FROM) return 0;
  return Math.min(availableParallelism() - 1, 3);
}

/**
 * `readChunk` over every chunk of `files`, on this thread and on worker threads that run the same
 * function (column-read-worker.mjs imports it from column.ts as `readChunk`). Returns the chunks'
 * results in file order.
 */
export function readInParallel<T>(
  contentDir: string,
  files: string[],
  readChunk: (contentDir: string, files: string[]) => T,
): T[] {
  const chunks = Math.ceil(files.length / CHUNK);
  const script = workerScript();
  const count = script ? workerCount(files.length) : 0;
  const results: (T | undefined)[] = new Array(chunks);
  if (count === 0 || chunks < 2) {
    for (let c = 0; c < chunks; c++) results[c] = readChunk(contentDir, files.slice(c * CHUNK, (c + 1) * CHUNK));
    return results as T[];
  }
  const shared = new SharedArrayBuffer(4 * (chunks + 1));
  const state = new Int32Array(shared);
  const channels = Array.from({ length: count }, () => new MessageChannel());
  const workers = channels.map((ch) => {
    const job: ReadJob = { contentDir, files, chunk: CHUNK, shared, port: ch.port2 };
    const w = new Worker(script!, { workerData: job, transferList: [ch.port2] });
    w.unref();
    w.on('error', () => {}); // reported through the chunk state (FAILED), read here again
    return w;
  });
  // this thread claims chunks like the workers do
  for (let c = Atomics.add(state, 0, 1); c < chunks; c = Atomics.add(state, 0, 1)) {
    state[1 + c] = CLAIMED;
    results[c] = readChunk(contentDir, files.slice(c * CHUNK, (c + 1) * CHUNK));
  }
  const drain = () => {
    for (const ch of channels) {
      for (let m = receiveMessageOnPort(ch.port1); m; m = receiveMessageOnPort(ch.port1)) {
        const { chunk, result } = m.message as { chunk: number; result: T };
        results[chunk] = result;
      }
    }
  };
  for (let c = 0; c < chunks; c++) {
    while (results[c] === undefined) {
      drain();
      if (results[c] !== undefined) break;
      const s = Atomics.load(state, 1 + c);
      if (s === FAILED) {
        results[c] = readChunk(contentDir, files.slice(c * CHUNK, (c + 1) * CHUNK));
        break;
      }
      // a claimed chunk is being read; its worker notifies when it has posted it
      if (s !== POSTED) Atomics.wait(state, 1 + c, s, 1000);
    }
  }
  for (const w of workers) void w.terminate();
  for (const ch of channels) ch.port1.close();
  return results as T[];
}

export const CHUNK_STATE = { CLAIMED, POSTED, FAILED } as const;
