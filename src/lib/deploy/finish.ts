// The build's last step (`finish`, src/post-build.ts, after every other step has written its files):
// a precompressed .gz beside each text file that gains from one (precompress.ts), then
// manifest.json listing every file of the output with its size and SHA-256, the .gz files included
// (manifest.ts). One pass over the output: each file is read once, hashed, compressed when it
// qualifies, and let go — memory holds the list of files, never their contents (200,000 files:
// docs/design.md "Build output: manifest, precompressed files" has the measured figures).
// Synchronous on one thread: measured, zlib on libuv's pool beside it cost more CPU and saved no time.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  listOutputFiles,
  serialiseManifest,
  type Manifest,
  type ManifestFile,
} from './manifest.ts';
import { compareCodePoints } from '../order.ts';
import { gzipBytes, gzPathOf, isPrecompressedCopy, shouldPrecompress } from './precompress.ts';

export interface FinishSummary {
  manifest: Manifest;
  /** Files of the output before this step (the .gz of an earlier finish excepted). */
  files: number;
  /** .gz files written. */
  gzipped: number;
  /** Bytes of the files that got a .gz, and of their .gz. */
  gzipInBytes: number;
  gzipOutBytes: number;
  /** Bytes of every file listed, the .gz included. */
  totalBytes: number;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Writes the .gz files and manifest.json into `outDir`. Running it again on the same output gives
 * the same files: the .gz of an earlier run are rewritten from their originals, or removed where
 * the original no longer gets one.
 */
export function finishOutput(outDir: string, meta: Omit<Manifest, 'format' | 'files'>): FinishSummary {
  const listed = listOutputFiles(outDir);
  const names = new Set(listed);
  const earlier = new Set(listed.filter((f) => isPrecompressedCopy(f, names)));
  const entries: ManifestFile[] = [];
  let gzipped = 0;
  let gzipInBytes = 0;
  let gzipOutBytes = 0;
  let totalBytes = 0;
  const add = (file: string, bytes: Uint8Array) => {
    entries.push({ path: file, size: bytes.length, sha256: sha256(bytes) });
    totalBytes += bytes.length;
  };
  for (const file of listed) {
    if (earlier.has(file)) continue;
    const abs = path.join(outDir, file);
    const bytes = readFileSync(abs);
    add(file, bytes);
    const gz = shouldPrecompress(file, bytes) ? gzipBytes(bytes) : undefined;
    const gzFile = gzPathOf(file);
    if (gz && gz.length < bytes.length) {
      writeFileSync(path.join(outDir, gzFile), gz);
      add(gzFile, gz);
      gzipped++;
      gzipInBytes += bytes.length;
      gzipOutBytes += gz.length;
    } else if (earlier.has(gzFile)) {
      rmSync(path.join(outDir, gzFile), { force: true });
    }
  }
  entries.sort((a, b) => compareCodePoints(a.path, b.path));
  const manifest: Manifest = { format: MANIFEST_FORMAT, ...meta, files: entries };
  // written beside and renamed: a reader never sees half a manifest
  const target = path.join(outDir, MANIFEST_FILE);
  writeFileSync(`${target}.tmp`, serialiseManifest(manifest));
  renameSync(`${target}.tmp`, target);
  return { manifest, files: listed.length - earlier.size, gzipped, gzipInBytes, gzipOutBytes, totalBytes };
}
