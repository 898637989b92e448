// The dev server's content watcher (src/lib/dev-watch.ts) with a stand-in for Vite's watcher:
// which paths count, one call per burst, no overlapping runs.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isContentPath, watchContent } from '../../src/lib/dev-watch.ts';

const DIR = path.resolve('/srv/column');
const at = (rel: string) => path.join(DIR, rel);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(ok: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!ok()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await sleep(10);
  }
}

function fakeWatcher() {
  const emitter = new EventEmitter();
  const added: string[] = [];
  const watcher = Object.assign(emitter, { add: (p: string) => added.push(p) });
  return { watcher: watcher as unknown as Parameters<typeof watchContent>[0], emitter, added };
}

describe('isContentPath', () => {
  it('takes the folder and everything below it, outside hidden folders', () => {
    expect(isContentPath(DIR, DIR)).toBe(true);
    expect(isContentPath(DIR, at('site.yaml'))).toBe(true);
    expect(isContentPath(DIR, at('documents/2021/a.md'))).toBe(true);
    expect(isContentPath(DIR, at('documents/2021/附件1.pdf'))).toBe(true);
    expect(isContentPath(DIR, at('.git/index'))).toBe(false);
    expect(isContentPath(DIR, at('documents/.a.md.swp'))).toBe(false);
    expect(isContentPath(DIR, path.resolve('/srv/column-old/site.yaml'))).toBe(false);
    expect(isContentPath(DIR, path.resolve('/srv/src/pages/index.astro'))).toBe(false);
  });
});

describe('watchContent', () => {
  it('adds the folder to the watcher and reports a burst of changes once, relative to the folder', async () => {
    const { watcher, emitter, added } = fakeWatcher();
    const batches: string[][] = [];
    let called!: () => void;
    const firstCall = new Promise<void>((r) => (called = r));
    watchContent(
      watcher,
      DIR,
      (changed) => {
        batches.push(changed);
        called();
      },
      30,
    );
    expect(added).toEqual([DIR]);
    emitter.emit('all', 'change', at('documents/a.md'));
    emitter.emit('all', 'unlink', at('documents/b.md'));
    emitter.emit('all', 'change', at('bodies.yaml'));
    emitter.emit('all', 'change', at('documents/a.md')); // again: named once
    emitter.emit('all', 'change', path.resolve('/srv/src/x.ts')); // outside: ignored
    emitter.emit('all', 'error', at('documents/c.md')); // not a change
    await firstCall;
    await sleep(100); // no second call follows
    expect(batches).toEqual([['documents/a.md', 'documents/b.md', 'bodies.yaml']]);
  });

  it('ignores a file that appeared and vanished between two readings (sed -i, atomic saves)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-watch-'));
    try {
      writeFileSync(path.join(dir, 'new.md'), 'x');
      const { watcher, emitter } = fakeWatcher();
      const batches: string[][] = [];
      watchContent(watcher, dir, (changed) => void batches.push(changed), 20);
      emitter.emit('all', 'add', path.join(dir, 'sedAb12Cd')); // gone by the time the batch runs
      emitter.emit('all', 'change', path.join(dir, 'a.md'));
      emitter.emit('all', 'add', path.join(dir, 'new.md')); // still there: a new file
      await waitUntil(() => batches.length === 1);
      emitter.emit('all', 'unlink', path.join(dir, 'sedAb12Cd')); // chokidar's late report of its removal
      await sleep(100);
      emitter.emit('all', 'unlink', path.join(dir, 'a.md')); // a real deletion
      await waitUntil(() => batches.length === 2);
      await sleep(50);
      expect(batches).toEqual([['a.md', 'new.md'], ['a.md']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never runs two batches at once: changes during a run make one more run after it', async () => {
    const { watcher, emitter } = fakeWatcher();
    const batches: string[][] = [];
    let running = 0;
    let overlapped = false;
    let started!: () => void;
    const firstStarted = new Promise<void>((r) => (started = r));
    let release!: () => void;
    const firstReleased = new Promise<void>((r) => (release = r));
    watchContent(
      watcher,
      DIR,
      async (changed) => {
        running++;
        if (running > 1) overlapped = true;
        batches.push(changed);
        if (batches.length === 1) {
          started();
          await firstReleased;
        }
        running--;
      },
      20,
    );
    emitter.emit('all', 'change', at('a.md'));
    await firstStarted;
    emitter.emit('all', 'change', at('b.md'));
    await sleep(60); // longer than the debounce: still no second run while the first one lasts
    emitter.emit('all', 'change', at('c.md'));
    expect(batches).toEqual([['a.md']]);
    release();
    await sleep(200);
    expect(overlapped).toBe(false);
    expect(batches).toEqual([['a.md'], ['b.md', 'c.md']]);
  });
});
