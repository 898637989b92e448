// Worker thread: renders document bodies (src/lib/markdown.ts) off Astro's main thread, so
// Markdown and page layout run on two cores at once. Messages: {id, contentDir, file} →
// {id, html} or {id, error}.
import { parentPort } from 'node:worker_threads';
import { renderBody } from './markdown.ts';

parentPort!.on('message', async (m: { id: number; contentDir: string; file: string }) => {
  try {
    parentPort!.postMessage({ id: m.id, html: await renderBody(m.contentDir, m.file) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
