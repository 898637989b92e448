// Searchable text from a document's attachment (PDF, DOCX, XLSX, CSV, TXT), for the site search
// index. Everything runs in this Node process, offline: pdfjs-dist (Mozilla's PDF.js) for PDFs,
// mammoth for DOCX, read-excel-file for XLSX, csv-parse for CSV. The libraries are imported only
// when a file of their type turns up, so a column without PDFs never loads PDF.js (a few tenths of
// a second).
//
// The text is for an index, not for reading: whitespace is normalised, and the layout artefacts
// that would stop a Chinese phrase from matching are undone (see normaliseText). It is capped at
// maxChars; a PDF stops being read at the page that reaches the cap, and a text file is read only
// as far as the cap can need, so a huge attachment costs little more than a big one.
//
// Plain TypeScript (no Astro imports): the index step and the tests use it.
import { open, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import chardet from 'chardet';
import { parse as parseCsv } from 'csv-parse/sync';
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type AttachmentText =
  /**
   * A text layer was found: whitespace normalised, at most maxChars characters. `marks` say where
   * in the text each PDF page or spreadsheet row starts ([offset, '第 3 页'], [offset, '工作表“收支”第 12 行']),
   * so a finding in the text can name its place; `truncated` is set when the cap cut the text.
   */
  | { kind: 'text'; text: string; marks?: [number, string][]; truncated?: true }
  /** The file has no text: a scanned PDF (pages are images), or an empty document. */
  | { kind: 'no-text'; reason: 'scanned-pdf' | 'empty' }
  /** A type this module does not read (images, archives, .doc/.xls/.wps/.ofd, …). */
  | { kind: 'unsupported' }
  /** The file could not be read: missing, corrupt, encrypted, or not what its extension says. Chinese message. */
  | { kind: 'error'; message: string };

export interface AttachmentTextOptions {
  /** Cap on the returned text, in UTF-16 code units (one per Chinese character). Default 200,000. */
  maxChars?: number;
}

export const DEFAULT_MAX_CHARS = 200_000;

type Reader = (file: string, maxChars: number) => Promise<AttachmentText>;

/** The types read, by lower-case extension, with the name messages call them. */
const READERS: Record<string, { name: string; read: Reader }> = {
  pdf: { name: 'PDF 文件', read: readPdf },
  docx: { name: 'Word（.docx）文件', read: readDocx },
  xlsx: { name: 'Excel（.xlsx）文件', read: readXlsx },
  csv: { name: 'CSV 文件', read: readCsv },
  txt: { name: '文本文件', read: readTxt },
};

/** Extensions attachmentText reads (lower case, no dot); every other one is 'unsupported'. */
export const TEXT_EXTENSIONS: readonly string[] = Object.keys(READERS);

/**
 * The searchable text of an attachment. Never throws for a bad file (that is an 'error' result);
 * throws only for a bad maxChars. The type is chosen by extension; the reader then checks that the
 * bytes are of that type, so a Word file renamed .pdf gives an error that says what it is.
 */
export async function attachmentText(file: string, opts: AttachmentTextOptions = {}): Promise<AttachmentText> {
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  if (!Number.isInteger(maxChars) || maxChars < 1) throw new RangeError(`maxChars must be a positive integer`);
  const ext = path.extname(file).slice(1).toLowerCase();
  const reader = READERS[ext];
  if (!reader) return { kind: 'unsupported' };
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) return { kind: 'error', message: `“${path.basename(file)}”不是文件。` };
    size = st.size;
  } catch (err) {
    return { kind: 'error', message: fileErrorMessage(file, err) };
  }
  if (size === 0) {
    // an empty text file is just empty; an empty PDF/DOCX/XLSX is a broken upload
    if (ext === 'txt' || ext === 'csv') return { kind: 'no-text', reason: 'empty' };
    return { kind: 'error', message: `文件是空的（0 字节），不是有效的${spaced(reader.name)}。请重新导出后再上传。` };
  }
  try {
    return await reader.read(file, maxChars);
  } catch (err) {
    if (isFsError(err)) return { kind: 'error', message: fileErrorMessage(file, err) };
    return { kind: 'error', message: readErrorMessage(reader.name, err) };
  }
}

// ---- PDF -------------------------------------------------------------------------------------

let pdfjsPromise: Promise<typeof PdfJs> | undefined;

/** Folder of pdfjs-dist: its CMaps (CJK PDFs with non-embedded fonts need them) and standard fonts. */
const pdfjsDir = (): string => path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

async function readPdf(file: string, maxChars: number): Promise<AttachmentText> {
  const bytes = await readFile(file);
  // viewers accept a little junk before the header, so PDF.js does, and so does this check
  if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) return notThisType(bytes, 'PDF 文件');
  // the legacy build is the one PDF.js supports in Node (the modern one expects DOM globals)
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdfjs = await pdfjsPromise;
  const dir = pdfjsDir();
  const task = pdfjs.getDocument({
    // a Uint8Array view rather than the Buffer itself (PDF.js warns about Buffers)
    data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    cMapUrl: path.join(dir, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep,
    // text only: no font faces, no system font lookups
    disableFontFace: true,
    useSystemFonts: false,
    // errors only: a damaged font or a missing glyph is PDF.js's business, not the build log's
    verbosity: 0,
  });
  try {
    const pdf = await task.promise;
    if (pdf.numPages === 0) return { kind: 'no-text', reason: 'empty' };
    const pages: string[] = [];
    const pageNumbers: number[] = [];
    let length = 0;
    // the cap is checked page by page, on normalised text (PDF.js's raw text has padding and line
    // breaks that normalisation drops): the pages after the one that reaches it are never parsed
    let read = 0;
    for (let n = 1; n <= pdf.numPages && length < maxChars; n++) {
      read = n;
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let raw = '';
      // the items of a line follow each other, and PDF.js adds ' ' items for visible gaps itself
      for (const item of content.items) {
        if ('str' in item) raw += item.str + (item.hasEOL ? '\n' : '');
      }
      page.cleanup();
      const text = normaliseText(raw, { joinCjkLines: true });
      if (text === '') continue;
      pages.push(text);
      pageNumbers.push(n);
      length += text.length + 1;
    }
    // a sentence that goes on over a page break is joined like one over a line break
    const starts: number[] = [];
    const text = joinLines(pages, true, starts);
    // page numbers stamped on a scanned document are no text layer
    if (!hasWords(text)) return { kind: 'no-text', reason: 'scanned-pdf' };
    const marks = starts.map((at, i): [number, string] => [at, `第 ${pageNumbers[i]} 页`]);
    return withMarks(textResult(text, maxChars, read < pdf.numPages), marks);
  } finally {
    await task.destroy();
  }
}

// ---- DOCX ------------------------------------------------------------------------------------

async function readDocx(file: string, maxChars: number): Promise<AttachmentText> {
  const bytes = await readFile(file);
  if (!hasZipEntry(bytes, 'word/')) return notThisType(bytes, 'Word（.docx）文件');
  const mammoth = (await import('mammoth')).default;
  // raw text: one paragraph (table cells included) per line; mammoth leaves out headers, footers
  // and comments, which suits an index of the document's own words
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  return textResult(normaliseText(value), maxChars);
}

// ---- XLSX ------------------------------------------------------------------------------------

async function readXlsx(file: string, maxChars: number): Promise<AttachmentText> {
  const bytes = await readFile(file);
  if (!hasZipEntry(bytes, 'xl/')) return notThisType(bytes, 'Excel（.xlsx）文件');
  const readXlsxFile = (await import('read-excel-file/node')).default;
  const sheets = await readXlsxFile(bytes);
  const lines: string[] = [];
  const rowMarks: string[] = [];
  let length = 0;
  let cut = false;
  for (const { sheet, data } of sheets) {
    if (length >= maxChars) {
      cut = true;
      break;
    }
    // a sheet's own name often says what the table is (第1表 部门收支总表); Excel's defaults say nothing
    const name = normaliseText(sheet);
    if (!/^(sheet|工作表)\s*\d+$/i.test(sheet.trim()) && name) {
      lines.push(name);
      rowMarks.push(`工作表“${name}”`);
    }
    for (const [r, row] of data.entries()) {
      // one line per row, cells separated by a space (kept even between Chinese cells: they are
      // separate values, not a word split by layout)
      const line = row
        .map(cellText)
        .filter((cell) => cell !== '')
        .join(' ');
      if (line === '') continue;
      lines.push(line);
      rowMarks.push(`工作表“${name || sheet}”第 ${r + 1} 行`);
      length += line.length + 1;
      if (length >= maxChars) {
        cut = r < data.length - 1;
        break;
      }
    }
  }
  const marks: [number, string][] = [];
  let at = 0;
  lines.forEach((line, i) => {
    marks.push([at, rowMarks[i]!]);
    at += line.length + 1;
  });
  return withMarks(textResult(lines.join('\n'), maxChars, cut), marks);
}

/**
 * One cell as text: a date as 2024-03-15 (with the time when it has one), TRUE/FALSE as Excel shows
 * them. Typed `unknown` because read-excel-file's types call a date cell `typeof Date`, not `Date`.
 */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    // read-excel-file gives a spreadsheet date as the UTC instant of its wall-clock time
    if (Number.isNaN(cell.getTime())) return '';
    const iso = cell.toISOString();
    const time = iso.slice(11, 19);
    return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
  }
  return normaliseText(String(cell)).replace(/\n/g, ' ');
}

// ---- CSV and TXT -----------------------------------------------------------------------------

async function readCsv(file: string, maxChars: number): Promise<AttachmentText> {
  const text = await readTextPrefix(file, maxChars);
  let rows: string[][];
  try {
    // relaxed: a stray quote or a short row is an editor's slip, and the words are still there
    rows = parseCsv(text, { relax_quotes: true, relax_column_count: true, skip_empty_lines: true });
  } catch {
    // quoting beyond repair: the raw text serves the index just as well
    return textResult(normaliseText(text), maxChars);
  }
  const lines = rows.map((row) =>
    row
      .map((cell) => normaliseText(cell).replace(/\n/g, ' '))
      .filter((cell) => cell !== '')
      .join(' '),
  );
  return textResult(lines.filter(Boolean).join('\n'), maxChars);
}

async function readTxt(file: string, maxChars: number): Promise<AttachmentText> {
  return textResult(normaliseText(await readTextPrefix(file, maxChars)), maxChars);
}

/**
 * The decoded start of a text file: as many bytes as maxChars characters can take (at most 4 each
 * in UTF-8 and GB18030, plus slack for the whitespace normalisation removes), cut at a line end so
 * no character is split. The whole file when it is smaller.
 */
async function readTextPrefix(file: string, maxChars: number): Promise<string> {
  const limit = maxChars * 4 + 64 * 1024;
  const handle = await open(file, 'r');
  let bytes: Buffer;
  try {
    const size = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(size, limit));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    bytes = buffer.subarray(0, bytesRead);
    if (size > limit) {
      // LF never occurs inside a UTF-8 or GBK character; UTF-16 only needs an even length
      const lf = isUtf16(bytes) ? -1 : bytes.lastIndexOf(0x0a);
      bytes = bytes.subarray(0, lf > 0 ? lf : bytes.length - (bytes.length % 2));
    }
  } finally {
    await handle.close();
  }
  return decodeText(bytes);
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * Bytes of a text file as a string: UTF-8 (BOM or not) and UTF-16 with a BOM as they are; anything
 * else in the encoding chardet names, and GB18030 (a superset of GBK and GB2312) when it names none
 * that fits, since Chinese editors on Windows save GBK. Never throws: undecodable bytes become U+FFFD.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: what chardet makes of the start decides (64 KB tell as much as the whole file)
  }
  let sample = bytes.subarray(0, 64 * 1024);
  if (sample.length < bytes.length) {
    // end the sample at a line end, so its last character is whole (readsAsChinese decodes strictly)
    const lf = sample.lastIndexOf(0x0a);
    if (lf > 0) sample = sample.subarray(0, lf);
  }
  const best = chardet.analyse(sample)[0];
  const guess = best?.name ?? '';
  const sure = (best?.confidence ?? 0) >= 50;
  let encoding = 'gb18030';
  if (/^UTF-16(LE|BE)$/i.test(guess)) encoding = guess.toLowerCase();
  else if (/^Big5/i.test(guess) && sure) encoding = 'big5';
  // short text leaves chardet unsure (a few GBK characters look like Big5, Shift_JIS or Latin-1
  // to it); in a Chinese government's attachments GBK is by far the likeliest
  else if (readsAsChinese(sample)) encoding = 'gb18030';
  else if (/^(windows-125\d|ISO-8859-\d+)$/i.test(guess) && (best?.confidence ?? 0) >= 20)
    encoding = guess.toLowerCase();
  return decode(bytes, encoding);
}

function decode(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** Whether the non-ASCII characters of the bytes, read as GB18030, are (nearly) all Chinese. */
function readsAsChinese(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  let chinese = 0;
  let other = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    if (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2010-\u206f]/u.test(ch)) chinese++;
    else other++;
  }
  return chinese > 0 && other <= chinese * 0.1;
}

// ---- text normalisation ----------------------------------------------------------------------

/**
 * Kangxi radicals and CJK radicals (U+2E80–U+2FDF) → the ideographs they stand for, as pairs
 * ('⺁厂⺂乛…'), from Unicode's EquivalentUnifiedIdeograph.txt. PDFs that Chromium, WPS and some
 * Word versions make with Noto/Source Han fonts map glyphs shared with a radical to the radical
 * (⼈⺠政府 for 人民政府), PDF.js passes that on, and text copied from such PDFs into Word carries it
 * too: a search for 人民 would never find them.
 */
const RADICAL_PAIRS =
  '⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺇𠘨⺈刀⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺏尣⺐尢⺑𡯂⺒巳⺓幺⺔彑⺕彐⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王' +
  '⺪𤴔⺫目⺬示⺭礻⺮𥫗⺯糹⺰纟⺱罓⺲罒⺳㓁⺴冗⺵𦉫⺶羊⺷𦍌⺸𦍋⺹耂⺺肀⺻聿⺼肉⺽𦥑⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇𧢲⻈讠⻉贝⻊𧾷⻋车⻌辶⻍辶⻎辶⻏邑⻐钅⻑長' +
  '⻒镸⻓长⻔门⻕𨸏⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻞𩙿⻟飠⻠饣⻡𩠐⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟⼀一⼁丨⼂丶⼃丿⼄乙⼅亅' +
  '⼆二⼇亠⼈人⼉儿⼊入⼋八⼌冂⼍冖⼎冫⼏几⼐凵⼑刀⼒力⼓勹⼔匕⼕匚⼖匸⼗十⼘卜⼙卩⼚厂⼛厶⼜又⼝口⼞囗⼟土⼠士⼡夂⼢夊⼣夕⼤大⼥女⼦子⼧宀⼨寸⼩小⼪尢⼫尸⼬屮⼭山' +
  '⼮巛⼯工⼰己⼱巾⼲干⼳幺⼴广⼵廴⼶廾⼷弋⼸弓⼹彐⼺彡⼻彳⼼心⼽戈⼾戶⼿手⽀支⽁攴⽂文⽃斗⽄斤⽅方⽆无⽇日⽈曰⽉月⽊木⽋欠⽌止⽍歹⽎殳⽏毋⽐比⽑毛⽒氏⽓气⽔水⽕火' +
  '⽖爪⽗父⽘爻⽙爿⽚片⽛牙⽜牛⽝犬⽞玄⽟玉⽠瓜⽡瓦⽢甘⽣生⽤用⽥田⽦疋⽧疒⽨癶⽩白⽪皮⽫皿⽬目⽭矛⽮矢⽯石⽰示⽱禸⽲禾⽳穴⽴立⽵竹⽶米⽷糸⽸缶⽹网⽺羊⽻羽⽼老⽽而' +
  '⽾耒⽿耳⾀聿⾁肉⾂臣⾃自⾄至⾅臼⾆舌⾇舛⾈舟⾉艮⾊色⾋艸⾌虍⾍虫⾎血⾏行⾐衣⾑襾⾒見⾓角⾔言⾕谷⾖豆⾗豕⾘豸⾙貝⾚赤⾛走⾜足⾝身⾞車⾟辛⾠辰⾡辵⾢邑⾣酉⾤釆⾥里' +
  '⾦金⾧長⾨門⾩阜⾪隶⾫隹⾬雨⾭靑⾮非⾯面⾰革⾱韋⾲韭⾳音⾴頁⾵風⾶飛⾷食⾸首⾹香⾺馬⾻骨⾼高⾽髟⾾鬥⾿鬯⿀鬲⿁鬼⿂魚⿃鳥⿄鹵⿅鹿⿆麥⿇麻⿈黃⿉黍⿊黑⿋黹⿌黽⿍鼎' +
  '⿎鼓⿏鼠⿐鼻⿑齊⿒齒⿓龍⿔龜⿕龠';

const RADICALS: Map<string, string> = (() => {
  const chars = [...RADICAL_PAIRS];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  // Unicode says 戶, but simplified-Chinese fonts (Noto/Source Han SC) draw ⼾ as 户 and share
  // that glyph, which is how ⼾ gets into the text; this site's text is simplified Chinese
  map.set('\u2f3e', '户');
  return map;
})();

/** A Chinese character or Chinese punctuation: no space belongs on either side of one. */
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201f\\u2026\\u2014';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'gu');
const ENDS_CJK = new RegExp(`[${CJK}]$`, 'u');
const STARTS_CJK = new RegExp(`^[${CJK}]`, 'u');

/**
 * Text as the index wants it:
 * - radicals → ideographs (RADICALS), compatibility ideographs → unified ones (NFC);
 * - invisible characters (BOM, zero-width space, soft hyphen) and control characters removed;
 * - in each line, runs of whitespace (the ideographic space too) → one space, trimmed;
 * - a space between two Chinese characters removed: Chinese does not separate words by spaces, so
 *   such a space is layout (headings spaced out like 说\u3000明, justified PDF lines) and would keep
 *   a phrase search from matching;
 * - empty lines dropped; lines joined by '\n', or with nothing when joinCjkLines and the break
 *   falls between two Chinese characters (a PDF's line wrap inside a sentence).
 */
export function normaliseText(text: string, { joinCjkLines = false } = {}): string {
  const lines = text
    .normalize('NFC')
    .replace(/[\u2e80-\u2fdf]/g, (ch) => RADICALS.get(ch) ?? ch)
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .split(/\r\n|[\n\r\v\f\u2028\u2029\x85]/)
    .map((line) =>
      line
        // eslint-disable-next-line no-control-regex -- control characters are what this removes
        .replace(/[\x00-\x08\x0e-\x1f\x7f]/g, '')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(SPACE_BETWEEN_CJK, ''),
    )
    .filter(Boolean);
  return joinLines(lines, joinCjkLines);
}

/**
 * Non-empty lines joined by '\n', or with nothing between two Chinese characters when joinCjkLines.
 * `starts`, when given, receives the offset where each line begins in the result.
 */
function joinLines(lines: readonly string[], joinCjkLines: boolean, starts?: number[]): string {
  let joined = lines[0] ?? '';
  starts?.push(0);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    // the last two code units hold the last character even when it is astral; a $-anchored test
    // of the text joined so far would scan all of it again for every line
    const wrapped = joinCjkLines && ENDS_CJK.test(lines[i - 1]!.slice(-2)) && STARTS_CJK.test(line);
    joined += wrapped ? line : `\n${line}`;
    starts?.push(joined.length - line.length);
  }
  return joined;
}

/** Whether the text has a letter or character at all: digits and punctuation alone (page numbers) are no text. */
function hasWords(text: string): boolean {
  return /\p{L}/u.test(text);
}

/**
 * Text of a DOCX, XLSX, CSV or TXT: numbers alone are text here (a table of figures is searchable).
 * `cut`: the reader already stopped before the end of the file.
 */
function textResult(text: string, maxChars: number, cut = false): AttachmentText {
  if (text === '') return { kind: 'no-text', reason: 'empty' };
  const capped = cap(text, maxChars);
  return cut || capped.length < text.length ? { kind: 'text', text: capped, truncated: true } : { kind: 'text', text };
}

/** A text result with the marks that fall inside its (capped) text. */
function withMarks(result: AttachmentText, marks: [number, string][]): AttachmentText {
  if (result.kind !== 'text') return result;
  const inside = marks.filter(([at]) => at < result.text.length);
  return inside.length ? { ...result, marks: inside } : result;
}

/** At most maxChars UTF-16 code units, without splitting a surrogate pair or ending in whitespace. */
function cap(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = maxChars;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end).trimEnd();
}

// ---- errors ----------------------------------------------------------------------------------

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Whether the bytes are a ZIP archive with an entry whose name contains `name` (word/ in a .docx,
 * xl/ in an .xlsx): entry names are stored uncompressed, so this tells them apart from each other
 * and from a plain ZIP without unpacking anything.
 */
function hasZipEntry(bytes: Buffer, name: string): boolean {
  return isZip(bytes) && bytes.includes(name, 0, 'latin1');
}

/** The file is not of the type its extension says: say what it looks like, when that is clear. */
function notThisType(bytes: Buffer, expected: string): AttachmentText {
  const head = bytes.subarray(0, 512).toString('latin1');
  let actual = '';
  if (head.startsWith('\xd0\xcf\x11\xe0')) actual = '旧版 Office 或 WPS 文件（.doc、.xls、.wps 等）';
  else if (hasZipEntry(bytes, 'word/')) actual = 'Word（.docx）文件';
  else if (hasZipEntry(bytes, 'xl/')) actual = 'Excel（.xlsx）文件';
  else if (hasZipEntry(bytes, 'ppt/')) actual = 'PowerPoint（.pptx）文件';
  else if (isZip(bytes)) actual = 'ZIP 压缩包';
  else if (head.includes('%PDF-')) actual = 'PDF 文件';
  else if (/^\s*<(!doctype html|html|\?xml)/i.test(head)) actual = '网页或 XML 文件（可能是下载失败时保存的网页）';
  else if (head.startsWith('\xff\xd8\xff')) actual = 'JPEG 图片';
  else if (head.startsWith('\x89PNG')) actual = 'PNG 图片';
  else if (head.startsWith('Rar!')) actual = 'RAR 压缩包';
  const what = actual ? `，看起来是${spaced(actual)}` : '';
  return { kind: 'error', message: `文件内容不是${spaced(expected)}${what}。请确认上传的文件无误，或改正扩展名。` };
}

/** A name that starts with a Latin letter gets a space before it after Chinese text: 'PDF 文件' → ' PDF 文件'. */
function spaced(name: string): string {
  return /^[\x21-\x7e]/.test(name) ? ` ${name}` : name;
}

/** A library's failure as a Chinese message: the causes that have a name, anything else as damage. */
function readErrorMessage(typeName: string, err: unknown): string {
  if (err instanceof Error && err.name === 'PasswordException')
    return `${typeName}已加密，需要密码才能打开，无法读取其中的文字。请上传未加密的版本。`;
  return `无法读取${spaced(typeName)}：文件已损坏或格式不正确。请用原软件打开检查，重新导出后再上传。`;
}

function isFsError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).syscall === 'string';
}

function fileErrorMessage(file: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const name = path.basename(file);
  if (code === 'ENOENT') return `找不到文件“${name}”。`;
  if (code === 'EACCES' || code === 'EPERM') return `没有权限读取文件“${name}”。`;
  if (code === 'EISDIR') return `“${name}”是文件夹，不是文件。`;
  return `无法读取文件“${name}”（${code ?? '未知错误'}）。`;
}
