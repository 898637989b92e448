import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderBody } from '../../src/lib/markdown.ts';
import { BASE_DOC, doc, writeColumn } from './fixture-column.ts';

describe('renderBodyParallel', () => {
  it('renders on a worker thread exactly what renderBody renders in process', async () => {
    process.env.GONGKAI_MARKDOWN_WORKER = fileURLToPath(new URL('../../src/lib/markdown-worker.ts', import.meta.url));
    process.env.GONGKAI_RENDER_WORKERS = '1';
    const { renderBodyParallel } = await import('../../src/lib/render-pool.ts');
    const body = '# 一、总体情况\n\n| 项目 | 数量 |\n| --- | --- |\n| 规章 | 0 |\n\n<p style="x">字</p>\n';
    const dir = writeColumn({ 'documents/a.md': doc(BASE_DOC, body), 'documents/b.md': doc(BASE_DOC, '第二份。') });
    const [a, b] = await Promise.all([
      renderBodyParallel(dir, 'documents/a.md'),
      renderBodyParallel(dir, 'documents/b.md'),
    ]);
    expect(a).toBe(await renderBody(dir, 'documents/a.md'));
    expect(b).toBe('<p>第二份。</p>');
    await expect(renderBodyParallel(dir, path.join('documents', 'missing.md'))).rejects.toThrow(/ENOENT/);
    // starting a worker thread that loads the Markdown pipeline takes seconds on a loaded machine
  }, 60_000);
});
