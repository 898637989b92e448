// Where the build reads content and writes output, resolved once from the environment
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
}

export function normaliseBase(base: string | undefined): string {
  let b = (base ?? '/').trim();
  if (!b.startsWith('/')) b = '/' + b;
  if (!b.endsWith('/')) b += '/';
  return b.replace(/\/{2,}/g, '/');
}

/** Today's date in Asia/Shanghai as YYYY-MM-DD. */
export function shanghaiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
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
  const today =
    env.GONGKAI_TODAY && /^\d{4}-\d{2}-\d{2}$/.test(env.GONGKAI_TODAY) ? env.GONGKAI_TODAY : shanghaiToday();
  const outDir = path.resolve(cwd, env.GONGKAI_OUT || 'dist');
  const key = createHash('sha256').update(`${contentDir}\n${outDir}`).digest('hex').slice(0, 12);
  return {
    contentDir,
    base: normaliseBase(env.GONGKAI_BASE || siteBase),
    outDir,
    cacheDir: path.resolve(cwd, 'node_modules/.astro', `gongkai-${key}`),
    today,
  };
}
