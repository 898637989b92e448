// Helpers the importers share (src/lib/import/doc.ts, report.ts): decoding a saved page whatever its
// encoding, reading the 文号 and dates as Chinese documents write them, matching names and labels
// whatever their brackets, spaces and digit widths, and the notes an import hands back to the editor.
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** Something an import could not determine or map, for the Chinese report printed at the end. */
export interface ImportNote {
  /** 'missing': a field left as a placeholder; 'unmapped': content not carried over as it was; 'info': done, but check it. */
  kind: 'missing' | 'unmapped' | 'info';
  /** The frontmatter field or data-file row concerned ('index_no', 'table3.granted'). */
  field?: string;
  message: string;
}

/** A placeholder-marking comment: every field left empty carries it, so an editor's search finds them all. */
export const PLACEHOLDER = '待补充';

/** Full-width digits, letters and ASCII punctuation (Ｆ, １, ／) → ASCII; everything else unchanged. */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * A label as compared: full-width digits made ASCII, every space gone, brackets and colons full-width,
 * quotes dropped, '1、' / '1．' read as '1.'. '(二) 部分公开' and '（二）部分公开' give the same key.
 */
export function labelKey(text: string): string {
  return halfWidth(text)
    .replace(/[\s\u00a0\u200b\ufeff]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/:/g, '：')
    .replace(/,/g, '，')
    .replace(/[“”"‘’'「」『』]/g, '')
    .replace(/^(\d+)[、.．](?=\D)/, '$1.');
}

const ENUMERATOR = /^(?:[一二三四五六七八九十]+[、.．，,]|（[一二三四五六七八九十]+）|\d+\.|\d+）|（\d+）)/;

/** A row label's core: its key without the leading 一、 / （一） / 1. and without a trailing （…） remark. */
export function labelCore(text: string): string {
  let key = labelKey(text);
  for (let i = 0; i < 2 && ENUMERATOR.test(key); i++) key = key.replace(ENUMERATOR, '');
  const remark = /（[^（）]*）$/.exec(key);
  if (remark && remark.index > 0) key = key.slice(0, remark.index);
  return key;
}

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  Ｏ: 0,
  O: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** '二〇二一' → 2021 (digit by digit); '十二' → 12, '三十一' → 31, '二十' → 20; undefined otherwise. */
export function chineseNumber(text: string): number | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (!t.includes('十')) {
    let n = 0;
    for (const c of t) {
      const d = CN_DIGITS[c];
      if (d === undefined) return undefined;
      n = n * 10 + d;
    }
    return n;
  }
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(t);
  if (!m) return undefined;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CN_DIGITS[m[2]]! : 0);
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, m: number, d: number): string | undefined {
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > days ? undefined : `${y}-${pad(m)}-${pad(d)}`;
}

const CN_NUM = '[〇零○Ｏ一二三四五六七八九十]';
const DATE_ARABIC = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const DATE_CHINESE = new RegExp(`(${CN_NUM}{4})\\s*年\\s*(${CN_NUM}{1,3})\\s*月\\s*(${CN_NUM}{1,3})\\s*日`);
const DATE_ISO = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/;

/** The first date in `text` ('2021年3月1日', '二〇二一年三月一日', '2021-03-01', full-width digits too) as YYYY-MM-DD. */
export function findDate(text: string): string | undefined {
  const t = halfWidth(text);
  let m = DATE_ARABIC.exec(t) ?? DATE_ISO.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DATE_CHINESE.exec(t);
  if (m) {
    const [y, mo, d] = [m[1]!, m[2]!, m[3]!].map(chineseNumber);
    if (y !== undefined && mo !== undefined && d !== undefined) return isoDate(y, mo, d);
  }
  return undefined;
}

/** A line that is nothing but a date (and brackets or spaces around it): the 成文日期 line of a 公文. */
export function dateLine(text: string): string | undefined {
  const t = halfWidth(text).replace(/[\s()（）]/g, '');
  const rest = t
    .replace(DATE_ARABIC, '')
    .replace(DATE_CHINESE, '')
    .replace(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, '');
  return rest === '' ? findDate(t) : undefined;
}

/**
 * A 发文字号 in `text`, in any bracket spelling ([] () 【】 ［］ 〔〕), with or without 第 and leading zeros,
 * normalised to 机关代字〔年份〕序号号 (docs/domain.md §9): '示政办[2021]05号' → '示政办〔2021〕5号'.
 */
export function findDocNo(text: string): { written: string; normalised: string } | undefined {
  const t = halfWidth(text);
  const m =
    /([\u4e00-\u9fa5A-Za-z]{1,20})\s*[[(【〔（]\s*((?:19|20)\d{2})\s*[\])】〕）]\s*第?\s*0*([1-9]\d*)\s*号/.exec(t);
  if (!m) return undefined;
  return { written: m[0], normalised: `${m[1]}〔${m[2]}〕${m[3]}号` };
}

/**
 * Text bytes in whatever encoding a saved page or a copied text has: a BOM, UTF-8, the charset an HTML
 * page declares, else what chardet finds (GBK/GB18030 and Big5 are common on government portals).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: Buffer.from(bytes.subarray(3)).toString('utf8'), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(Buffer.from(bytes), 'utf-16le'), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(Buffer.from(bytes), 'utf-16be'), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // not UTF-8
  }
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  let encoding = declared && iconv.encodingExists(declared) && !/^utf-?8$/i.test(declared) ? declared : undefined;
  if (!encoding) {
    const guess = chardet.detect(bytes);
    encoding =
      guess && iconv.encodingExists(guess) && !/^(UTF-8|ISO-8859-\d+|windows-125\d)$/i.test(guess) ? guess : 'gb18030';
  }
  // GB2312 and GBK pages are read as GB18030, their superset
  if (/^(gb2312|gbk|gb_2312-80|x-gbk|euc-cn)$/i.test(encoding)) encoding = 'gb18030';
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding: encoding.toUpperCase() };
}

/** A name of bodies.yaml as the importers match it. */
export interface KnownBody {
  id: string;
  name: string;
  aliases: string[];
}

/** The body whose name (or old name) `text` is, ignoring spaces; undefined when none is. */
export function bodyNamed(text: string, bodies: KnownBody[]): KnownBody | undefined {
  const key = labelKey(text);
  if (!key) return undefined;
  return bodies.find((b) => labelKey(b.name) === key || b.aliases.some((a) => labelKey(a) === key));
}

/** The body whose full name `text` starts with (the longest such name): '示例县人民政府办公室关于…' → 示例县人民政府办公室. */
export function bodyPrefixOf(text: string, bodies: KnownBody[]): KnownBody | undefined {
  const key = labelKey(text);
  let best: { body: KnownBody; length: number } | undefined;
  for (const b of bodies) {
    for (const name of [b.name, ...b.aliases]) {
      const k = labelKey(name);
      if (k && key.startsWith(k) && (!best || k.length > best.length)) best = { body: b, length: k.length };
    }
  }
  return best?.body;
}

/** A body by its id or its full name (the `--publisher` option). */
export function bodyByIdOrName(value: string, bodies: KnownBody[]): KnownBody | undefined {
  const v = value.trim();
  return bodies.find((b) => b.id === v) ?? bodyNamed(v, bodies);
}

/** A YAML scalar written in double quotes (codes, 文号, placeholders), escaped. */
export const quoted = (value: string) => JSON.stringify(value);

/** A file name from a title or a file's name: no path separators, spaces or characters file systems refuse. */
export function safeFileStem(text: string, max = 60): string {
  const stem = text
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return [...stem].slice(0, max).join('') || 'import';
}

/** The field's names for the editor: '索引号 / index_no'. */
export const fieldLabel = (field: string, labels: Record<string, string>) =>
  labels[field] ? `${labels[field]} / ${field}` : field;

/**
 * The notes of an import as the editor reads them, in three groups: what was not found (the “待补充”
 * fields), what could not be carried over as it was, and what was done but should be checked.
 */
export function formatNotes(notes: ImportNote[], labels: Record<string, string>): string[] {
  const out: string[] = [];
  const missing = notes.filter((n) => n.kind === 'missing');
  if (missing.length) {
    const names = [...new Set(missing.map((n) => fieldLabel(n.field ?? '', labels)))];
    out.push(`未能识别：${names.join('、')}，请补充（文件中标有“${PLACEHOLDER}”）：`);
    for (const n of missing) out.push(`  - ${fieldLabel(n.field ?? '', labels)}：${n.message}`);
  }
  const unmapped = notes.filter((n) => n.kind === 'unmapped');
  if (unmapped.length) {
    out.push('未能照原样导入的内容（请对照原件核对）：');
    for (const n of unmapped) out.push(`  - ${n.message}`);
  }
  const info = notes.filter((n) => n.kind === 'info');
  if (info.length) {
    out.push('请核对：');
    for (const n of info) out.push(`  - ${n.message}`);
  }
  return out;
}
