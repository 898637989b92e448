// Reading the text files gongkai parses (Markdown, YAML, CSV). They must be UTF-8: editors on
// Windows often save GBK (GB18030), sometimes Big5 or UTF-16, and decoding such a file as UTF-8
// yields mojibake that every later check would report in confusing ways. A file that is not
// valid UTF-8 gives one 'encoding' diagnostic that names the encoding it looks like and shows
// a few characters of it decoded that way, so the editor recognises their file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import chardet from 'chardet';
import { diag } from './diagnostics.ts';
import type { Diagnostic } from './types.ts';

export type TextRead = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Reads `rel` (path relative to contentDir, forward slashes) as UTF-8. A UTF-8 BOM is kept in
 * the text (splitFrontmatter and the YAML reader strip it). Any byte sequence that is not valid
 * UTF-8 gives an error diagnostic, code 'encoding'. A file that cannot be read at all throws,
 * as readFileSync does.
 */
export function readTextFile(contentDir: string, rel: string): TextRead {
  return decodeUtf8(readFileSync(path.join(contentDir, rel)), rel);
}

/** Same check on bytes already read. */
export function decodeUtf8(bytes: Uint8Array, rel: string): TextRead {
  const utf16 = utf16Kind(bytes);
  if (utf16) return { ok: false, diagnostic: foreignDiagnostic(bytes, rel, utf16) };
  try {
    // ignoreBOM: keep a UTF-8 BOM in the text, as readFileSync(…, 'utf8') does
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // not UTF-8: find out what it looks like
  }
  const mixed = mixedDiagnostic(bytes, rel);
  if (mixed) return { ok: false, diagnostic: mixed };
  return { ok: false, diagnostic: foreignDiagnostic(bytes, rel, guessEncoding(bytes)) };
}

/** An encoding as editors know it. */
interface Encoding {
  /** What the message calls it: 'GBK（GB18030）'. */
  label: string;
  /** Short name for the sample: '按 GBK 解读'. */
  short: string;
  /** WHATWG label for TextDecoder, when Node can decode it. */
  decoder?: string;
  /** What VS Code's “通过编码重新打开” list calls it, when VS Code does not detect it itself. */
  vscode?: string;
  /** Whether the message speaks of 中文 (CJK encodings) or 文字. */
  cjk: boolean;
}

const GBK: Encoding = {
  label: 'GBK（GB18030）',
  short: 'GBK',
  decoder: 'gb18030',
  vscode: '简体中文 (GB 18030)',
  cjk: true,
};
const BIG5: Encoding = { label: 'Big5（繁体）', short: 'Big5', decoder: 'big5', vscode: '繁体中文 (Big5)', cjk: true };
const UTF16LE: Encoding = { label: 'UTF-16', short: 'UTF-16', decoder: 'utf-16le', vscode: 'UTF-16 LE', cjk: true };
const UTF16BE: Encoding = { label: 'UTF-16', short: 'UTF-16', decoder: 'utf-16be', vscode: 'UTF-16 BE', cjk: true };

/** chardet's answer → an Encoding editors know; undefined for answers that are not worth naming. */
function fromChardet(name: string): Encoding | undefined {
  if (/^(GB18030|GBK|GB2312)$/i.test(name)) return GBK;
  if (/^Big5/i.test(name)) return BIG5;
  if (/^UTF-16LE$/i.test(name)) return UTF16LE;
  if (/^UTF-16BE$/i.test(name)) return UTF16BE;
  if (/^(windows-125\d|ISO-8859-\d+)$/i.test(name)) {
    // Node's TextDecoder knows these WHATWG labels (ISO-8859-1 is read as windows-1252, as browsers do)
    return { label: name, short: name, decoder: name.toLowerCase(), cjk: false };
  }
  return undefined;
}

/** UTF-16 by its BOM, or by the NUL bytes that ASCII characters leave in every other byte. */
function utf16Kind(bytes: Uint8Array): Encoding | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return UTF16LE;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return UTF16BE;
  const pairs = Math.floor(bytes.length / 2);
  if (pairs < 2 || !bytes.includes(0)) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.02) return UTF16LE;
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.02) return UTF16BE;
  return undefined;
}

/** What a non-UTF-8, non-UTF-16 file most likely is; undefined when nothing fits well. */
function guessEncoding(bytes: Uint8Array): Encoding | undefined {
  const matches = chardet.analyse(bytes);
  const best = matches[0];
  const named = best ? fromChardet(best.name) : undefined;
  if (best && named?.cjk && best.confidence >= 50) return named;
  // short files leave chardet unsure (a GBK line often looks like Latin-1 to it); in a Chinese
  // government's content a file whose characters all read as Chinese in GB18030 is a GBK file
  if (readsAsChinese(bytes, 'gb18030')) return GBK;
  if (readsAsChinese(bytes, 'big5')) return BIG5;
  if (best && named && best.confidence >= 20) return named;
  return undefined;
}

/** Whether the bytes decode into (nearly) nothing but Chinese characters and punctuation. */
function readsAsChinese(bytes: Uint8Array, encoding: string): boolean {
  const text = tryDecode(bytes, encoding);
  if (text === undefined) return false;
  let chinese = 0;
  let other = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    if (
      (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
      (cp >= 0x3400 && cp <= 0x4dbf) || // extension A
      (cp >= 0x20000 && cp <= 0x3ffff) || // extensions B… (GB18030's four-byte characters)
      (cp >= 0x3000 && cp <= 0x303f) || // CJK punctuation: 、。《》【】
      (cp >= 0xff00 && cp <= 0xffef) || // full-width forms: （），：；
      (cp >= 0x2010 && cp <= 0x206f) || // general punctuation: “”‘’…—
      cp === 0x00b7 // middle dot ·
    )
      chinese++;
    else other++;
  }
  return chinese > 0 && other <= chinese * 0.1;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const SAMPLE_CHARS = 20;

/** A Latin name followed by a space before Chinese text: 'UTF-16 ', but 'GBK（GB18030）'. */
function spaced(name: string): string {
  return /[\x21-\x7e]$/.test(name) ? `${name} ` : name;
}

/** At most SAMPLE_CHARS characters of `line`, whitespace collapsed, starting near `from`. */
function sample(line: string, from = 0): string {
  const chars = [...line.replace(/\s+/g, ' ').trim()];
  const start = Math.max(0, Math.min(from, chars.length - SAMPLE_CHARS));
  const head = start > 0 ? '……' : '';
  const tail = start + SAMPLE_CHARS < chars.length ? '……' : '';
  return head + chars.slice(start, start + SAMPLE_CHARS).join('') + tail;
}

/** The whole file is in another encoding (or one we cannot name). */
function foreignDiagnostic(bytes: Uint8Array, rel: string, enc: Encoding | undefined): Diagnostic {
  const what = enc ? `（看起来是 ${spaced(enc.label)}编码）` : '';
  const readable = enc && !enc.cjk ? '文字' : '中文';
  let message = `文件不是 UTF-8 编码${what}，gongkai 无法正确读取其中的${readable}。`;
  const text = enc?.decoder ? tryDecode(bytes, enc.decoder) : undefined;
  if (enc && text !== undefined) {
    // the first line with non-ASCII characters: the one the editor will recognise
    const lines = text.split('\n');
    const i = lines.findIndex((l) => [...l].some(isReadable));
    if (i >= 0) message += `按 ${spaced(enc.short)}解读，第 ${i + 1} 行是“${sample(lines[i]!)}”。`;
  }
  const reopen = enc?.vscode
    ? `用 VS Code 打开，若中文显示为乱码，先点右下角的编码名称 → “通过编码重新打开” → 选“${enc.vscode}”；显示正常后，再点编码名称 → “通过编码保存” → 选 UTF-8。`
    : '用 VS Code 打开，点右下角的编码名称 → “通过编码保存” → 选 UTF-8（若文字显示为乱码，先用“通过编码重新打开”选对原来的编码）。';
  const fix = `${reopen}也可以用记事本打开，选择“另存为”，编码选 UTF-8 后保存；WPS/Word 中另存为“纯文本”时选择 UTF-8。`;
  return diag('error', 'encoding', rel, message, { fix });
}

/**
 * Mostly UTF-8, with a few invalid bytes (text pasted from a GBK file, a truncated character):
 * point at the lines instead of calling the whole file foreign. Undefined when the file is not
 * mostly UTF-8.
 */
function mixedDiagnostic(bytes: Uint8Array, rel: string): Diagnostic | undefined {
  const text = new TextDecoder('utf-8').decode(bytes); // invalid sequences become U+FFFD
  // readable non-ASCII characters against runs of undecodable bytes: a GBK file read as UTF-8
  // has few of the former, broken up by many of the latter
  let good = 0;
  let bad = 0;
  let previous = '';
  for (const ch of text) {
    if (ch === '\ufffd' && previous !== '\ufffd') bad++;
    else if (isReadable(ch)) good++;
    previous = ch;
  }
  if (bad === 0 || good < bad * 4) return undefined;
  const lines = text.split('\n');
  const badLines = lines.flatMap((l, i) => (l.includes('\ufffd') ? [i + 1] : []));
  const first = badLines[0]!;
  const shown = badLines.slice(0, 5).join('、');
  const where = badLines.length > 5 ? `第 ${shown} 行等 ${badLines.length} 行` : `第 ${shown} 行`;
  // one “�” for each run of undecodable bytes
  const firstLine = lines[first - 1]!.replace(/\ufffd+/g, '\ufffd');
  const at = [...firstLine.replace(/\s+/g, ' ').trim()].indexOf('\ufffd');
  let message =
    `文件中${where}有不符合 UTF-8 编码的字节（可能是从其他编码的文件中复制粘贴而来），gongkai 无法正确读取这些文字。` +
    `第 ${first} 行读出来是“${sample(firstLine, at - 8)}”（“\ufffd”处是无法识别的字节）`;
  // a line pasted whole from a GBK file: show what it says
  const lineBytes = splitLines(bytes)[first - 1]!;
  const asGbk = [...firstLine].some(isReadable) ? undefined : tryDecode(lineBytes, 'gb18030');
  if (asGbk !== undefined && readsAsChinese(lineBytes, 'gb18030')) message += `，按 GBK 解读是“${sample(asGbk)}”`;
  message += '。';
  const fix = `打开文件，把${where}中显示为乱码或“\ufffd”的文字删掉，重新输入正确的文字，再以 UTF-8 编码保存。`;
  return diag('error', 'encoding', rel, message, { line: first, fix });
}

/** A non-ASCII character that was decoded (not U+FFFD, not a BOM). */
function isReadable(ch: string): boolean {
  return ch.codePointAt(0)! >= 0x80 && ch !== '\ufffd' && ch !== '\ufeff';
}

/** The bytes of each line (split at LF, which no multi-byte character of an ASCII-compatible encoding contains). */
function splitLines(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      out.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return out;
}
