// Precompressed files beside the build's text files: nginx's gzip_static (Debian's nginx has it)
// sends `x.html.gz` to a reader whose browser accepts gzip instead of compressing `x.html` on every
// request (docs/design.md "Build output: manifest, precompressed files").
//
// Which files: the text types below, from GZIP_MIN_BYTES up, and only when the .gz is smaller.
// Not: Pagefind's index files (.pf_meta, .pf_index, .pf_fragment, .pf_filter) and its WebAssembly
// (wasm.<lang>.pagefind), which Pagefind writes gzip-compressed already, nor anything else that
// starts with gzip's magic bytes; not PDFs, images or attachments of other types.
//
// The .gz bytes are deterministic: zlib's gzip header carries no file name, mtime 0, and an
// operating-system byte that this module sets to 3 (Unix) on every platform. The compressed stream
// is what Node's zlib makes at GZIP_LEVEL: the same Node version (package.json pins it) gives the
// same bytes on the same kind of processor (Node's zlib hashes with CRC32C where the CPU has it —
// x86-64 with SSE4.2 since ~2010, ARMv8 with CRC — and falls back to zlib's own hash elsewhere).
import { gzipSync } from 'node:zlib';

/** Extensions (lower case, no dot) of the files that get a .gz. */
export const GZIP_EXTENSIONS: ReadonlySet<string> = new Set([
  'html',
  'css',
  'js',
  'mjs',
  'json',
  'xml',
  'atom',
  'csv',
  'txt',
  'svg',
  'wasm',
  'map',
  'webmanifest',
]);

/**
 * Files smaller than this get no .gz: a response under ~1 KB fits in one packet with its headers
 * either way, and every .gz is one more file to upload, verify and keep.
 */
export const GZIP_MIN_BYTES = 1024;

/**
 * zlib level 9: measured on the 10,000-document benchmark's output (docs/design.md), the .gz files
 * are smaller than at the default 6, and the finish step is fast enough with it.
 */
export const GZIP_LEVEL = 9;

/** The byte of the gzip header that names the operating system (RFC 1952): 3, Unix, everywhere. */
const OS_BYTE = 9;
const OS_UNIX = 3;

/** The extension of a path (lower case, no dot), '' when it has none. */
function extensionOf(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Whether a file of this name is of a type that gets a .gz (its size and bytes decide the rest). */
export function isCompressibleType(file: string): boolean {
  return GZIP_EXTENSIONS.has(extensionOf(file));
}

/** Whether the bytes are gzip data already (Pagefind's .pf_* files, a .json that is gzip'd). */
export function isGzipData(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Whether a file with this name and these bytes should get a .gz (before trying: the .gz must also be smaller). */
export function shouldPrecompress(file: string, bytes: Uint8Array): boolean {
  return bytes.length >= GZIP_MIN_BYTES && isCompressibleType(file) && !isGzipData(bytes);
}

/** The path of a file's precompressed copy. */
export const gzPathOf = (file: string) => `${file}.gz`;

/**
 * Whether `file` is a precompressed copy that the finish step writes: `x.gz` beside an `x` of a
 * compressible type (`names` holds the other files of the output). A `.gz` an editor published on
 * its own (no `x` beside it) is not.
 */
export function isPrecompressedCopy(file: string, names: { has(name: string): boolean }): boolean {
  return file.endsWith('.gz') && isCompressibleType(file.slice(0, -3)) && names.has(file.slice(0, -3));
}

function fixHeader(gz: Buffer): Buffer {
  gz[OS_BYTE] = OS_UNIX;
  return gz;
}

/** Deterministic gzip of `bytes` (no name, mtime 0, OS Unix, GZIP_LEVEL). */
export function gzipBytes(bytes: Uint8Array, level = GZIP_LEVEL): Buffer {
  return fixHeader(gzipSync(bytes, { level }));
}
