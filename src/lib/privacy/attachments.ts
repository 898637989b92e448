// The attachments' part of the personal-information guard (docs/domain.md §12.4): an async step
// that runs after the column is read and before the checks (src/lib/site.ts loadSiteAsync), so
// the build, `npm run check` and `npx gongkai check` all scan attachments the same way.
//
// - PDF, DOCX, XLSX: the search's extraction (src/lib/search/attachment-text.ts) and its cache in
//   the build cache (attachment-text/<content hash>.json). A file not yet there is extracted here
//   in full and its search entry written capped, so the build's search step finds it and a build
//   extracts each file once. A cached search text that was capped is extracted again in full, once.
// - TXT, CSV, YAML (a type a site may add): read as they are, so a finding names its line.
// - Images, scanned PDFs and the types nobody can read here: "could not check" (the check warns).
// Results are kept in privacy/attachments-<version>-<key id>.json in the same cache: by path with
// size and modification time (an unchanged file is not even read again), and by content hash (a
// copied or renamed file is not scanned again).
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { attachmentText, decodeText, type AttachmentText } from '../search/attachment-text.ts';
import {
  attachmentHash,
  capAttachmentText,
  INDEXED_ATTACHMENT_CHARS,
  textCacheFile,
} from '../search/attachment-texts.ts';
import type { PrivacyKey } from './fingerprint.ts';
import type { PersonalKind } from './numbers.ts';
import { scanText } from './scan.ts';

/** Raise when the scanner's rules or this format change, so every attachment is scanned again. */
const SCAN_VERSION = 1;
/** Characters of an attachment the guard reads (the search keeps INDEXED_ATTACHMENT_CHARS). */
export const SCANNED_ATTACHMENT_CHARS = 10_000_000;

const TEXT_TYPES: Record<string, 'csv' | undefined> = {
  txt: undefined,
  csv: 'csv',
  yaml: undefined,
  yml: undefined,
};
const EXTRACTED_TYPES = new Set(['pdf', 'docx', 'xlsx']);
const IMAGE_TYPES = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'tif', 'tiff', 'avif']);

export interface AttachmentFinding {
  kind: PersonalKind;
  /** Where in the file, in Chinese: '第 3 页', '工作表“收支”第 12 行', '第 4 段', '第 7 行'. */
  where: string;
  masked: string;
  fingerprint: string;
}

/** What the guard found in one attachment. */
export interface AttachmentScan {
  /**
   * 'text': read and scanned; 'empty': nothing to read; 'scanned-pdf': a PDF without a text layer;
   * 'image'; 'unsupported': a type whose text is not read (.doc, .wps, .ofd, archives …);
   * 'error': the file could not be read (`message`).
   */
  state: 'text' | 'empty' | 'scanned-pdf' | 'image' | 'unsupported' | 'error';
  message?: string;
  /** Set when the text was longer than the guard reads: how many characters it checked. */
  checkedChars?: number;
  findings: AttachmentFinding[];
}

export type AttachmentScans = Map<string, AttachmentScan>;

interface IndexEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  scan: AttachmentScan;
}

export interface ScanAttachmentsOptions {
  cacheDir: string;
  key: PrivacyKey;
  today: string;
  /** Characters of a PDF, DOCX or XLSX read (default SCANNED_ATTACHMENT_CHARS). */
  maxChars?: number;
}

/**
 * Scans every attachment (content-relative paths) for personal numbers, from the cache where a
 * file is unchanged. Never throws for a bad file (its scan says 'error').
 */
export async function scanAttachments(
  contentDir: string,
  sources: string[],
  { cacheDir, key, today, maxChars = SCANNED_ATTACHMENT_CHARS }: ScanAttachmentsOptions,
): Promise<{ scans: AttachmentScans; scanned: number; cached: number }> {
  const indexFile = path.join(cacheDir, 'privacy', `attachments-${SCAN_VERSION}-${key.id}.json`);
  const previous = readIndex(indexFile);
  const byHash = new Map([...previous.values()].map((e) => [e.hash, e.scan]));
  const next = new Map<string, IndexEntry>();
  const scans: AttachmentScans = new Map();
  let scanned = 0;
  let cached = 0;
  for (const source of [...new Set(sources)]) {
    const file = path.join(contentDir, source);
    const ext = path.extname(source).slice(1).toLowerCase();
    if (!(ext in TEXT_TYPES) && !EXTRACTED_TYPES.has(ext)) {
      scans.set(source, { state: IMAGE_TYPES.has(ext) ? 'image' : 'unsupported', findings: [] });
      continue;
    }
    let st: { size: number; mtimeMs: number };
    let bytes: Buffer;
    try {
      st = statSync(file);
      const known = previous.get(source);
      if (known && known.size === st.size && known.mtimeMs === st.mtimeMs) {
        next.set(source, known);
        scans.set(source, known.scan);
        cached++;
        continue;
      }
      bytes = readFileSync(file);
    } catch {
      scans.set(source, { state: 'error', message: '附件文件无法读取。', findings: [] });
      continue;
    }
    const hash = attachmentHash(source, bytes);
    let scan = byHash.get(hash);
    if (scan) cached++;
    else {
      scan =
        ext in TEXT_TYPES
          ? scanTextFile(bytes, TEXT_TYPES[ext], key, today)
          : scanExtracted(await extracted(file, hash, cacheDir, maxChars), key, today, ext, maxChars);
      byHash.set(hash, scan);
      scanned++;
    }
    next.set(source, { size: st.size, mtimeMs: st.mtimeMs, hash, scan });
    scans.set(source, scan);
  }
  if (scanned || next.size !== previous.size || [...next.keys()].some((k) => !previous.has(k)))
    writeIndex(indexFile, next);
  return { scans, scanned, cached };
}

function scanTextFile(bytes: Buffer, tables: 'csv' | undefined, key: PrivacyKey, today: string) {
  const text = decodeText(bytes);
  if (!text.trim()) return { state: 'empty', findings: [] } satisfies AttachmentScan;
  const findings = scanText(text, { key, today, tables }).map((f) => ({
    kind: f.kind,
    where: `第 ${f.line} 行`,
    masked: f.masked,
    fingerprint: f.fingerprint,
  }));
  return { state: 'text', findings } satisfies AttachmentScan;
}

/** The text of a PDF, DOCX or XLSX in full (up to maxChars), through the search's cache. */
async function extracted(file: string, hash: string, cacheDir: string, maxChars: number): Promise<AttachmentText> {
  const cacheFile = textCacheFile(cacheDir, hash);
  if (existsSync(cacheFile)) {
    try {
      const known = JSON.parse(readFileSync(cacheFile, 'utf8')) as AttachmentText;
      if (known.kind !== 'text' || !known.truncated) return known;
    } catch {
      // unreadable cache entry: extract again, and write it anew below
    }
  }
  const full = await attachmentText(file, { maxChars });
  // (a cap below the search's would leave it a shorter text: then the search reads the file itself)
  if (!existsSync(cacheFile) && (full.kind !== 'text' || !full.truncated || maxChars >= INDEXED_ATTACHMENT_CHARS)) {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(capAttachmentText(full, INDEXED_ATTACHMENT_CHARS)));
  }
  return full;
}

function scanExtracted(
  t: AttachmentText,
  key: PrivacyKey,
  today: string,
  ext: string,
  maxChars: number,
): AttachmentScan {
  if (t.kind === 'error') return { state: 'error', message: t.message, findings: [] };
  if (t.kind === 'unsupported') return { state: 'unsupported', findings: [] };
  if (t.kind === 'no-text') return { state: t.reason === 'scanned-pdf' ? 'scanned-pdf' : 'empty', findings: [] };
  const marks = t.marks ?? [];
  const findings = scanText(t.text, { key, today }).map((f) => ({
    kind: f.kind,
    where: placeOf(f.offset, f.line, marks, ext),
    masked: f.masked,
    fingerprint: f.fingerprint,
  }));
  return { state: 'text', ...(t.truncated ? { checkedChars: Math.min(maxChars, t.text.length) } : {}), findings };
}

/** Where an offset of extracted text is: the PDF page or sheet row that starts last before it; a DOCX's paragraph. */
function placeOf(offset: number, line: number, marks: [number, string][], ext: string): string {
  if (ext === 'docx') return `第 ${line} 段`;
  let lo = 0;
  let hi = marks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid]![0] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? marks[found]![1] : '';
}

function readIndex(file: string): Map<string, IndexEntry> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, IndexEntry>));
  } catch {
    return new Map();
  }
}

/** Writes the index through a temporary file, so a run stopped half-way leaves the old one whole. */
function writeIndex(file: string, entries: Map<string, IndexEntry>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(Object.fromEntries(entries)));
  renameSync(tmp, file);
}
