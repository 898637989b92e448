// The dev server's content watcher: Astro gives a content loader Vite's chokidar watcher
// (LoaderContext.watcher, only under `astro dev`); this module makes it watch the content
// directory, wherever it is, and calls back once per burst of changes (docs/decisions.md §12).
import { existsSync } from 'node:fs';
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
  let changed: { event: string; file: string }[] = [];
  // files that appeared and vanished between two readings (a tool's temporary file: `sed -i`, an
  // editor's atomic save): never part of a reading, so neither their creation nor their removal,
  // which chokidar may report later, is a change
  const transient = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const run = async () => {
    timer = undefined;
    if (running) return; // the running batch schedules the next one
    const batch = relevant(changed, transient);
    changed = [];
    if (!batch.length) return;
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
    changed.push({ event, file: path.resolve(file) });
    if (timer) clearTimeout(timer);
    if (!running) timer = setTimeout(run, debounceMs);
  });
}

/**
 * The paths of a batch that may change the column: a path first reported as added and gone by
 * now is transient (remembered, so its late `unlink` is dropped too); every other path counts.
 */
function relevant(events: { event: string; file: string }[], transient: Set<string>): string[] {
  const first = new Map<string, string>();
  for (const { event, file } of events) if (!first.has(file)) first.set(file, event);
  const out: string[] = [];
  for (const [file, event] of first) {
    if (event === 'add' && !existsSync(file)) transient.add(file);
    else if (event === 'unlink' && transient.delete(file)) continue;
    else out.push(file);
  }
  return out;
}
