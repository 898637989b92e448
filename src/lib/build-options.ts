// Where the build reads content and writes output, and what "now" is, resolved from the environment
// (GONGKAI_CONTENT, GONGKAI_BASE, GONGKAI_OUT, GONGKAI_TODAY) and content/site.yaml.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parse } from 'yaml';

export interface BuildOptions {
  contentDir: string; // absolute
  base: string; // always starts and ends with '/'
  outDir: string; // absolute
  /** Astro's cache (its content store lives here): one per content dir and output, so builds of different columns never share a store. */
  cacheDir: string;
  today: string; // YYYY-MM-DD
  /** Now, 'YYYY-MM-DD HH:MM' (Asia/Shanghai): documents published later are held back. */
  now: string;
}

export function normaliseBase(base: string | undefined): string {
  let b = (base ?? '/').trim();
  if (!b.startsWith('/')) b = '/' + b;
  if (!b.endsWith('/')) b += '/';
  return b.replace(/\/{2,}/g, '/');
}

/** The time in Asia/Shanghai as 'YYYY-MM-DD HH:MM'. */
export function shanghaiNow(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/**
 * "Now" from GONGKAI_TODAY: 'YYYY-MM-DD' (a real date; the end of that day, 23:59, so everything
 * dated that day is published) or 'YYYY-MM-DD HH:MM'. Throws, naming the variable, the value and
 * the expected form, for anything else. Undefined or blank: undefined (the caller uses the clock).
 */
export function parseTodayVariable(value: string | undefined, name = 'GONGKAI_TODAY'): string | undefined {
  if (value === undefined || !value.trim()) return undefined;
  const v = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(v);
  const ok =
    !!m &&
    isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
    (m[4] === undefined || (Number(m[4]) <= 23 && Number(m[5]) <= 59));
  if (!ok)
    throw new Error(
      `环境变量 ${name} 的值“${value}”不是有效的日期：应写成 年-月-日（例如 2026-11-30）或 年-月-日 时:分（例如 2026-11-30 10:30）。`,
    );
  return m[4] === undefined ? `${v} 23:59` : v;
}

/**
 * The clock read once per process: the config, the content loader and the integrations each resolve
 * the options, and must agree on which documents are published (kept on globalThis because Astro
 * loads them through different module graphs).
 */
function processNow(): string {
  const g = globalThis as { __gongkaiNow?: string };
  g.__gongkaiNow ??= shanghaiNow();
  return g.__gongkaiNow;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

export function resolveBuildOptions(env: Record<string, string | undefined>, cwd = process.cwd()): BuildOptions {
  const contentDir = path.resolve(cwd, env.GONGKAI_CONTENT || 'content');
  let siteBase: string | undefined;
  try {
    const site = parse(readFileSync(path.join(contentDir, 'site.yaml'), 'utf8'));
    if (site && typeof site.base === 'string') siteBase = site.base;
  } catch {
    // a missing or broken site.yaml is reported by loadSite with its own message
  }
  const now = parseTodayVariable(env.GONGKAI_TODAY) ?? processNow();
  const outDir = path.resolve(cwd, env.GONGKAI_OUT || 'dist');
  const key = createHash('sha256').update(`${contentDir}\n${outDir}`).digest('hex').slice(0, 12);
  return {
    contentDir,
    base: normaliseBase(env.GONGKAI_BASE || siteBase),
    outDir,
    cacheDir: path.resolve(cwd, 'node_modules/.astro', `gongkai-${key}`),
    today: now.slice(0, 10),
    now,
  };
}

/**
 * resolveBuildOptions for a command (the build's config, npm run check, urls:update): a malformed
 * variable (e.g. GONGKAI_TODAY) prints its Chinese message alone and exits 1, instead of a stack
 * trace (or Astro's "Unable to load your Astro config").
 */
export function buildOptionsOrExit(env: Record<string, string | undefined>): BuildOptions {
  try {
    return resolveBuildOptions(env);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
