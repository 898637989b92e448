// The dev server's content watcher: Astro gives a content loader Vite's chokidar watcher
// (LoaderContext.watcher, only under `astro dev`); this module makes it watch the content
// directory, wherever it is, and calls back once per burst of changes (docs/decisions.md §12).
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';

type Watcher = NonNullable<LoaderContext['watcher']>;

/** Quiet time after the last change before the column is read again (a git checkout is one burst). */
export const DEV_DEBOUNCE_MS = 150;

const EVENTS = new Set(['add', 'change', 'unlink', 'addDir', 'unlinkDir']);

/** Whether `file` (absolute) is in `dir` or below it, outside hidden folders such as .git. */
export function isContentPath(dir: string, file: string): boolean {
  const rel = path.relative(dir, path.resolve(file));
  if (!rel) return true;
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  return !rel.split(path.sep).some((part) => part.startsWith('.'));
}

/**
 * Watches `contentDir` with Astro's watcher and calls `onBatch` with the changed paths (relative to
 * the content directory) when `debounceMs` pass without another change. Batches never overlap:
 * changes during a run start one more run after it. Listeners go through the watcher Astro wraps,
 * which removes them before each full content sync (the loader then calls this again).
 */
export function watchContent(
  watcher: Watcher,
  contentDir: string,
  onBatch: (changed: string[]) => Promise<void> | void,
  debounceMs = DEV_DEBOUNCE_MS,
): void {
  const dir = path.resolve(contentDir);
  // Vite watches the project root; a content directory elsewhere (GONGKAI_CONTENT) must be added
  // (adding a watched directory again is harmless)
  watcher.add(dir);
  let changed: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const run = async () => {
    timer = undefined;
    if (running) return; // the running batch schedules the next one
    const batch = changed;
    changed = [];
    running = (async () => {
      try {
        await onBatch(batch.map((f) => path.relative(dir, f).split(path.sep).join('/')));
      } finally {
        running = undefined;
        if (changed.length && !timer) timer = setTimeout(run, debounceMs);
      }
    })();
    await running;
  };
  watcher.on('all', (event: string, file: string) => {
    if (!EVENTS.has(event) || !isContentPath(dir, file)) return;
    changed.push(path.resolve(file));
    if (timer) clearTimeout(timer);
    if (!running) timer = setTimeout(run, debounceMs);
  });
}
