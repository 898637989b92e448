// A worker of readInParallel (column-read.ts): claims chunks of the file list from the shared
// counter, reads them with column.ts's readChunk and posts each result. Plain JavaScript so that it
// always starts: if the TypeScript modules cannot load, every chunk it claims is marked failed and
// the calling thread reads it itself.
import { workerData } from 'node:worker_threads';

const { contentDir, files, chunk: size, shared, port } = workerData;
const state = new Int32Array(shared);
const chunks = Math.ceil(files.length / size);
const POSTED = 2;
const FAILED = 3;

let readChunk;
try {
  ({ readChunk } = await import('./column.ts'));
} catch {
  readChunk = undefined;
}
for (let c = Atomics.add(state, 0, 1); c < chunks; c = Atomics.add(state, 0, 1)) {
  Atomics.store(state, 1 + c, 1);
  try {
    if (!readChunk) throw new Error('column.ts could not be loaded');
    const result = readChunk(contentDir, files.slice(c * size, (c + 1) * size));
    port.postMessage({ chunk: c, result });
    Atomics.store(state, 1 + c, POSTED);
  } catch {
    Atomics.store(state, 1 + c, FAILED);
  }
  Atomics.notify(state, 1 + c);
}
port.close();
