// dist/manifest.json: every file the build wrote, with its size and SHA-256 — what a deployment
// uploads, verifies and compares between releases (docs/design.md "Deploying"), and what a security
// review reads to see what changed between two releases. Written last, after every post-build step,
// by the `finish` step (finish.ts), which writes the precompressed .gz files first: they are listed too.
//
// Format (`gongkai-manifest/1`), one file a line, so that `diff` of two releases' manifests shows
// one line for each changed file:
//   {"format":"gongkai-manifest/1","base":"/xxgk/","site_url":"https://…" | null,
//    "commit":"<git HEAD of the content's repository, site.yaml tracked there>" | null,"today":"YYYY-MM-DD HH:MM","files":[
//   {"path":"404.html","size":1234,"sha256":"<hex>"},
//   …
//   ]}
// Paths are relative to the output directory with '/' separators, sorted by code point (order.ts);
// the manifest does not list itself. `today` is the build's "now" (GONGKAI_TODAY, else the clock).
// No build timestamp: the same commit, content and today give the same bytes.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { compareCodePoints } from '../order.ts';

export { compareCodePoints };

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'gongkai-manifest/1';

export interface ManifestFile {
  /** relative to the output directory, '/' separators */
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  base: string;
  site_url: string | null;
  commit: string | null;
  today: string;
  files: ManifestFile[];
}

/** Every regular file under dir (relative, '/' separators, sorted by code point), the manifest (and its temporary file) excepted. */
export function listOutputFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && child !== MANIFEST_FILE && child !== `${MANIFEST_FILE}.tmp`) out.push(child);
    }
  };
  walk('');
  return out.sort(compareCodePoints);
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export function createManifest(dir: string, meta: Omit<Manifest, 'format' | 'files'>): Manifest {
  const files = listOutputFiles(dir).map((rel) => {
    const bytes = readFileSync(path.join(dir, rel));
    return { path: rel, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  return { format: MANIFEST_FORMAT, ...meta, files };
}

/** The manifest's text: its fields on the first line, then one file a line (see the format above). */
export function serialiseManifest(m: Manifest): string {
  // '{…,"files":[': the fields in the format's order, whatever order the object has them in
  const head = { format: m.format, base: m.base, site_url: m.site_url, commit: m.commit, today: m.today, files: [] };
  const first = JSON.stringify(head).slice(0, -2);
  const lines = m.files.map((f) => JSON.stringify({ path: f.path, size: f.size, sha256: f.sha256 }));
  return `${first}\n${lines.join(',\n')}${lines.length ? '\n' : ''}]}\n`;
}

/**
 * The commit the content directory's git repository has checked out (`git rev-parse HEAD`), or null
 * when it is in none, when `file` (the column's site.yaml) is not tracked there — a column left
 * untracked inside another repository (the benchmark's) is not that repository's commit — or when
 * git is not installed. Uncommitted changes are not recorded.
 */
export function gitCommit(dir: string, file = 'site.yaml'): string | null {
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const tracked = git('ls-files', '--', file);
  if (tracked.status !== 0 || !tracked.stdout.trim()) return null;
  const head = git('rev-parse', 'HEAD');
  const out = head.status === 0 ? head.stdout.trim() : '';
  return /^[0-9a-f]{40,64}$/.test(out) ? out : null;
}

/** site.yaml's site_url as written (null when missing or not text): read alone, not the whole column. */
export function siteUrlOf(contentDir: string): string | null {
  try {
    const site = parse(readFileSync(path.join(contentDir, 'site.yaml'), 'utf8')) as { site_url?: unknown } | null;
    return typeof site?.site_url === 'string' && site.site_url.trim() ? site.site_url.trim() : null;
  } catch {
    return null;
  }
}

/** The manifest's fields other than its files, for a build with these options. */
export function manifestMeta(options: {
  contentDir: string;
  base: string;
  now: string;
}): Omit<Manifest, 'format' | 'files'> {
  return {
    base: options.base,
    site_url: siteUrlOf(options.contentDir),
    commit: gitCommit(options.contentDir),
    today: options.now,
  };
}

/** Reads and validates a manifest; throws a Chinese message naming the file when it is not one. */
export function readManifest(file: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(
      `无法读取发布清单 ${file}：${e instanceof Error ? e.message : String(e)}。请重新运行 npm run build。`,
      { cause: e },
    );
  }
  const m = data as Partial<Manifest>;
  if (m?.format !== MANIFEST_FORMAT || !Array.isArray(m.files))
    throw new Error(`${file} 不是 gongkai 的发布清单（应为 format: ${MANIFEST_FORMAT}）。请重新运行 npm run build。`);
  return m as Manifest;
}

/**
 * How a file on disk differs from its manifest entry, in Chinese (`where` names the folder it should
 * be in, e.g. "dist"), or undefined when it matches: missing, another size, or another SHA-256 (hashed
 * only when the size matches). Used to check dist before a deploy and each release after its upload.
 */
export function fileProblem(file: string, entry: ManifestFile, where: string): string | undefined {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return `${entry.path}：清单中有，${where}中缺少`;
  }
  if (size !== entry.size) return `${entry.path}：大小为 ${size} 字节，清单为 ${entry.size}`;
  if (sha256File(file) !== entry.sha256) return `${entry.path}：内容（SHA-256）与清单不符`;
  return undefined;
}
