// The build's log for an operator (scripts/build.mjs): Astro prints a line per page it writes, which
// at 100,000 documents is some 140,000 lines (10 MB). This module classifies one line of Astro's
// output at a time so that the build can print, instead, its phases, a progress line and every
// warning and error in full. It never hides what it does not know: a line is dropped only when it
// is wholly made of per-page entries, is Astro's own progress chatter, or is our count of pages.
//
// What Astro 7 prints while it generates pages (node_modules/astro/dist/core/build/generate.js):
//   a header `\n generating static routes ` (or `prerendering static routes`), then for every path
//   `HH:MM:SS   ├─ /doc/x/index.html` without a newline when the page starts, and ` (+12ms) ` with a
//   newline when it is written (` (cached)` / ` (restored)` from the incremental cache; ` (+3ms)
//   (file not created, response body was empty)` when nothing is written). With build.concurrency > 1
//   the starts of several pages come before their ends, so one line can hold several starts and an
//   end, and a line can hold an end alone. Astro does not print how many paths there are: the
//   gongkai-build-log integration (src/integrations/build-log.ts) does, as PAGE_TOTAL_LINE.

/** The label of the integration's lines and of scripts/build.mjs's own. */
export const BUILD_LOG_LABEL = 'gongkai-build-log';

/** The line the integration prints when Astro has listed its paths (parsed by classifyLine). */
export function pageTotalLine(total: number): string {
  return `生成页面：共 ${total} 个页面和文件`;
}

export type Phase = 'bundle' | 'pages' | 'after-pages';

export interface LineInfo {
  /** The line, or the part of it that is not per-page entries, to print; undefined: print nothing. */
  print?: string;
  /** Pages started on this line (`├─ /path`), split by kind: `.html` pages and other files (CSV, JSON). */
  startedPages: number;
  startedFiles: number;
  /** Pages finished on this line (`(+12ms)`, `(cached)`, `(restored)`). */
  done: number;
  /** Astro's lines that open a phase of its build. */
  phase?: Phase;
  /** The number of paths Astro will generate (from the integration's line). */
  total?: number;
  warning?: boolean;
  error?: boolean;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

/** Astro's time stamp (Intl, 24 h; some locales use '.'). */
const TIME = String.raw`\d{1,2}[:.]\d{2}[:.]\d{2}`;
/** `HH:MM:SS   ├─ /path` — the path runs to the next entry's time stamp or the end. */
const START = new RegExp(String.raw`^(?:${TIME})? *[├└]─ (\/(?:(?!${TIME} )\S)*)`, 'u');
/** ` (+12ms)`, ` (+1.25s)`, ` (+1m 5s)`, optionally `(file not created, …)`; ` (cached)`, ` (restored)`. */
const END =
  /^ *\((?:\+(?:\d+m \d+s|[\d.]+m?s)|cached|restored)\) *(?:\(file not created, response body was empty\) *)?/;

/** Astro's and Vite's progress chatter during `astro build`: known, harmless, not shown by default. */
const QUIET: RegExp[] = [
  new RegExp(String.raw`^${TIME} \[content\] (?:Syncing content|Synced content)$`),
  new RegExp(String.raw`^${TIME} \[types\] Generated [\d.]+m?s$`),
  new RegExp(String.raw`^${TIME} \[build\] (?:output|mode): "\w+"$`),
  new RegExp(String.raw`^${TIME} \[build\] directory: .*$`),
  new RegExp(String.raw`^${TIME} \[build\] (?:Collecting build info|Rearranging server assets)\.\.\.$`),
  new RegExp(String.raw`^${TIME} (?:\[build\] )?✓ Completed in [\w. ]+\.$`),
  new RegExp(String.raw`^${TIME} \[vite\] ✓ built in [\w. ]+$`),
  new RegExp(String.raw`^${TIME} \[vite\] \[optimizer\] bundling dependencies\.\.\.$`),
  new RegExp(String.raw`^${TIME} \[build\] \d+ page\(s\) built in [\w. ]+$`),
  new RegExp(String.raw`^${TIME} \[build\] Complete!$`),
];
const BUNDLE = new RegExp(String.raw`^${TIME} \[build\] Building static entrypoints\.\.\.$`);
const ROUTES = /^ (?:generating|prerendering) static routes $/;
const PAGES_DONE = new RegExp(String.raw`^${TIME} ✓ Completed in [\w. ]+\.$`);
const TOTAL = new RegExp(String.raw`^${TIME} \[${BUILD_LOG_LABEL}\] 生成页面：共 (\d+) 个页面和文件$`);
const WARN = /\[WARN\]/;
const ERROR = /\[ERROR\]|^\s*\w*Error\b.*:/;

/**
 * Classifies one line (without its newline) of the build's output. `inPages`: Astro is generating
 * pages (its ` ✓ Completed in …` line then ends that phase rather than an earlier one).
 */
export function classifyLine(raw: string, inPages = false): LineInfo {
  const line = stripAnsi(raw).replace(/\r$/, '');
  const info: LineInfo = { startedPages: 0, startedFiles: 0, done: 0 };
  // per-page entries, as many as the line holds; what follows the last one is printed
  let rest = line;
  let entries = 0;
  for (;;) {
    const s = START.exec(rest);
    if (s) {
      if (/\.html$/.test(s[1]!)) info.startedPages++;
      else info.startedFiles++;
      rest = rest.slice(s[0].length);
      entries++;
      continue;
    }
    const e = entries > 0 || rest === line ? END.exec(rest) : null;
    if (e && e[0].length > 0) {
      info.done++;
      rest = rest.slice(e[0].length);
      entries++;
      continue;
    }
    break;
  }
  if (entries > 0) {
    // something else was printed in the middle of the entries (console.log from a page): print the
    // whole line, entries and all, rather than guess where the page's path ends and it begins
    if (rest.trim()) Object.assign(info, { print: raw.replace(/\r$/, '') }, flags(line));
    return info;
  }
  if (!line.trim()) return info;
  if (ROUTES.test(line)) return { ...info, phase: 'pages' };
  if (BUNDLE.test(line)) return { ...info, phase: 'bundle' };
  if (inPages && PAGES_DONE.test(line)) return { ...info, phase: 'after-pages' };
  const total = TOTAL.exec(line);
  if (total) return { ...info, total: Number(total[1]) };
  if (QUIET.some((q) => q.test(line))) return info;
  return { ...info, print: raw.replace(/\r$/, ''), ...flags(line) };
}

function flags(line: string): { warning?: true; error?: true } {
  if (WARN.test(line)) return { warning: true };
  if (ERROR.test(line)) return { error: true };
  return {};
}

/** Splits a stream's text into whole lines; the last, unfinished line waits for more. */
export class LineSplitter {
  private pending = '';
  private readonly onLine: (line: string) => void;
  constructor(onLine: (line: string) => void) {
    this.onLine = onLine;
  }
  push(chunk: string): void {
    const text = this.pending + chunk;
    const parts = text.split('\n');
    this.pending = parts.pop()!;
    for (const p of parts) this.onLine(p);
  }
  /** The unfinished last line, if any (the stream has ended). */
  end(): void {
    if (this.pending) this.onLine(this.pending);
    this.pending = '';
  }
}

/** '1 分 05 秒', '12 秒', '1 小时 02 分' */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} 秒`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} 分 ${String(s % 60).padStart(2, '0')} 秒`;
  return `${Math.floor(m / 60)} 小时 ${String(m % 60).padStart(2, '0')} 分`;
}

/** The progress line of page generation: done of total, elapsed and, once some are done, the time left. */
export function progressText(done: number, total: number | undefined, elapsedMs: number): string {
  const elapsed = `已用 ${formatDuration(elapsedMs)}`;
  if (!total) return `生成页面：已完成 ${done} 个，${elapsed}`;
  const pct = Math.floor((Math.min(done, total) / total) * 100);
  // the time left once 1% is done: the first pages (workers starting) say little about the rest
  const left =
    done < total && done * 100 >= total && elapsedMs > 0
      ? `，预计还需 ${formatDuration(((total - done) * elapsedMs) / done)}`
      : '';
  return `生成页面：${done}/${total}（${pct}%），${elapsed}${left}`;
}
