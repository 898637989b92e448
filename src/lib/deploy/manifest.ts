// dist/manifest.json: every file the build wrote, with its size and SHA-256 — what a deployment
// uploads, verifies and compares between releases (docs/design.md "Deploying"), and what a security
// review reads to see what changed between two releases. Written last, after every post-build step.
//
// Format (`gongkai-manifest/1`):
//   { "format": "gongkai-manifest/1", "base": "/xxgk/", "site_url": "https://…" | null,
//     "commit": "<git HEAD of the content's repository>" | null, "today": "YYYY-MM-DD HH:MM",
//     "files": [ { "path": "doc/x/index.html", "size": 1234, "sha256": "<hex>" }, … ] }
// Paths are relative to the output directory with '/' separators, sorted by code point; the manifest
// does not list itself. No build timestamp: the same commit, content and today give the same bytes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

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

/** Every regular file under dir (relative, '/' separators, sorted by code point), the manifest excepted. */
export function listOutputFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && child !== MANIFEST_FILE) out.push(child);
    }
  };
  walk('');
  return out.sort(compareCodePoints);
}

/** Code-point order (not locale order): the same on every machine. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

export function serialiseManifest(m: Manifest): string {
  return JSON.stringify(m, null, 1) + '\n';
}

/** Reads and validates a manifest; throws a Chinese message naming the file when it is not one. */
export function readManifest(file: string): Manifest {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`无法读取发布清单 ${file}：${e instanceof Error ? e.message : String(e)}。请重新运行 npm run build。`);
  }
  const m = data as Partial<Manifest>;
  if (m?.format !== MANIFEST_FORMAT || !Array.isArray(m.files))
    throw new Error(`${file} 不是 gongkai 的发布清单（应为 format: ${MANIFEST_FORMAT}）。请重新运行 npm run build。`);
  return m as Manifest;
}
