// Renders bodies in worker threads when the machine has a core to spare (the build's main
// thread is busy rendering layouts); falls back to the calling thread otherwise. Output is
// identical either way: the worker runs the same renderBody.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderBody } from './markdown.ts';

interface Pending {
  resolve: (html: string) => void;
  reject: (e: Error) => void;
  contentDir: string;
  file: string;
}

class RenderPool {
  private workers: Worker[] = [];
  private pending = new Map<number, Pending>();
  private next = 0;
  private turn = 0;
  broken = false;

  constructor(script: string, size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(script);
      w.on('message', (m: { id: number; html?: string; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.error !== undefined) p.reject(new Error(m.error));
        else p.resolve(m.html!);
        if (!this.pending.size) this.workers.forEach((x) => x.unref());
      });
      // a worker that cannot run (e.g. a Node without TypeScript support) must not fail the
      // build: its work, and all later work, is done in process
      w.on('error', () => {
        this.broken = true;
        for (const p of this.pending.values()) renderBody(p.contentDir, p.file).then(p.resolve, p.reject);
        this.pending.clear();
      });
      w.unref(); // never keeps the build process alive
      this.workers.push(w);
    }
  }

  render(contentDir: string, file: string): Promise<string> {
    if (this.broken) return renderBody(contentDir, file);
    const id = this.next++;
    const w = this.workers[this.turn++ % this.workers.length]!;
    w.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, contentDir, file });
      w.postMessage({ id, contentDir, file });
    });
  }
}

let pool: RenderPool | null | undefined;

/**
 * The worker script is passed in by the build (GONGKAI_MARKDOWN_WORKER, set in astro.config.mjs)
 * because bundled page code cannot locate source files on its own.
 */
function getPool(): RenderPool | null {
  if (pool !== undefined) return pool;
  const script = process.env.GONGKAI_MARKDOWN_WORKER;
  const spare = availableParallelism() - 1;
  const size = Math.min(Number(process.env.GONGKAI_RENDER_WORKERS ?? spare), 3);
  pool = script && size > 0 ? new RenderPool(script, size) : null;
  return pool;
}

/** HTML of one document's body, rendered on a worker thread when possible. */
export function renderBodyParallel(contentDir: string, file: string): Promise<string> {
  const p = getPool();
  return p ? p.render(contentDir, file) : renderBody(contentDir, file);
}
