// Finds personal numbers in text (docs/domain.md §12.1–12.2): one regular expression pass finds
// the candidates — digit runs with digit boundaries, and the grouped spellings of mobile, card and
// ID numbers — and each candidate is then classified by its check characters and the few
// characters before it on its line. The number itself never leaves this module: a finding holds
// its kind, where it is, its masked form and its keyed fingerprint.
import { fingerprint, type PrivacyKey } from './fingerprint.ts';
import {
  isBankCard,
  isMobile,
  isPlausibleId18,
  isValidId15,
  isValidId18,
  isValidUscc,
  maskNumber,
  type PersonalKind,
} from './numbers.ts';

export interface PersonalFinding {
  kind: PersonalKind;
  /** 1-based line of the text the number is on. */
  line: number;
  /** Offset of the number in the text (UTF-16 code units). */
  offset: number;
  /** What messages print (440106********1232, 139****5678, 6222 **** **** 1234). */
  masked: string;
  /** HMAC of kind and number (fingerprint.ts): what an exception names. */
  fingerprint: string;
}

export interface ScanOptions {
  key: PrivacyKey;
  /** YYYY-MM-DD: birth dates after it are not plausible. */
  today: string;
  /**
   * How tables are laid out, so a header naming 身份证 or 姓名 labels the rows below it (§12.2):
   * 'markdown' (a block of lines starting with |, its first line the header), 'csv' (the first
   * line of the text), or none.
   */
  tables?: 'markdown' | 'csv';
}

/**
 * The candidates (§12.1). Boundaries: no ASCII letter, digit or _ on either side (a run inside a
 * longer run or a code is not a number of its own), no decimal point and digit after (an amount),
 * and a grouped spelling is not followed by another group. Alternatives, first match wins:
 * - mobile: optional +86 / 0086 / (+86) / 86- prefix, then 1[3-9]x as 11 digits, 3-4-4 or 3-8;
 * - card: four groups of four digits and an optional last group of 1–3 (16–19 digits);
 * - idGroups: an 18-character ID written 6-8-4;
 * - run: 11 to 19 digits, an ID's X at the end.
 */
const CANDIDATE = new RegExp(
  String.raw`(?=[\d+(])(?<![0-9A-Za-z_]|\d[.])(?:` +
    String.raw`(?<mobile>(?:\+86[ -]?|\(\+?86\) ?|0086[ -]?|86[ -])?1[3-9]\d(?:\d{8}|(?:([ -])\d{4}\2\d{4}|[ -]\d{8})(?![ -]\d)))` +
    String.raw`|(?<card>\d{4}([ -])\d{4}\4\d{4}\4\d{4}(?:\4\d{1,3})?(?![ -]\d))` +
    String.raw`|(?<idGroups>\d{6}([ -])\d{8}\6\d{3}[\dXx](?![ -]\d))` +
    String.raw`|(?<run>\d{11,19}[Xx]?)` +
    String.raw`)(?![0-9A-Za-z_]|[.]\d)`,
  'g',
);

/** Full-width digits and letters, full-width and typographic dashes, the ideographic space → ASCII (same length). */
const WIDE = /[０-９Ｘｘ＋（）－\u2010-\u2015\u2212\u3000]/g;
const NEEDS_WIDE = /[０-９]|\d[\u2010-\u2015\u2212－\u3000]\d/;

function narrow(text: string): string {
  return text.replace(WIDE, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    return ch === '\u3000' ? ' ' : '-';
  });
}

/** The line (up to this many characters) before a candidate: where its label would be. */
const CONTEXT = 16;
/** A label naming an ID number (身份证号码, 公民身份号码, 证件号码 …), then up to 8 non-digits. */
const ID_LABEL = /(?:身份证|身份号码|证件号)[^\d\n]{0,8}$/;
/** A label naming a card or account. */
const CARD_LABEL = /(?:卡号|银行卡|账号|帐号)[^\d\n]{0,8}$/;
/** A label naming a code of an organisation, a document or a thing (§12.2): what follows is no personal number. */
const CODE_LABEL =
  /(?:代码|编码|编号|序号|批号|流水号|单号|合同号|证书号|许可证|登记号|备案号|注册号|索引号|文号|案号|识别号|税号|项目号|标识码|邮编|发票号码?)[^\d\n]{0,8}$/;
/** A unit right after the number: an amount or a quantity, not a phone or card number. */
const UNIT_AFTER =
  /^[ \t]?(?:元|万|亿|千|百|角|美元|%|％|‰|个|件|人|户|次|吨|米|亩|平方|公里|千克|公斤|克|升|立方|台|辆|张|份|册|页|套|项|家|座|条|股|倍|天)/;
/** A 2–4-character Chinese word standing alone right before the number: a name in a list or a table row. */
const NAME_BEFORE = /(?:^|[\s|,，、;；:：])\p{Script=Han}{2,4}[\s|,，、:：]+$/u;
/** The characters that end a URL or path, looking back from the number. */
const URL_START = /[\s<>"'`()[\]{}\u3000-\u303f\uff08\uff09\uff0c\uff1a\uff1b\u4e00-\u9fff]/;
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|\/|\.\.?\/)/i;

/** Every personal number in the text, in order. */
export function scanText(source: string, options: ScanOptions): PersonalFinding[] {
  const text = NEEDS_WIDE.test(source) ? narrow(source) : source;
  const out: PersonalFinding[] = [];
  let lineAt = 0;
  let line = 1;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const g = m.groups!;
    const found = classify(text, start, end, g, options);
    if (!found) continue;
    for (let i = text.indexOf('\n', lineAt); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) line++;
    lineAt = start;
    out.push({
      kind: found.kind,
      line,
      offset: start,
      masked: maskNumber(found.kind, found.digits),
      fingerprint: fingerprint(options.key, found.kind, found.digits),
    });
  }
  return out;
}

function classify(
  text: string,
  start: number,
  end: number,
  g: Record<string, string | undefined>,
  options: ScanOptions,
): { kind: PersonalKind; digits: string } | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(Math.max(lineStart, start - CONTEXT), start);
  if (inUrl(text, lineStart, start)) return undefined;
  const unitAfter = () => UNIT_AFTER.test(text.slice(end, end + 4));
  const idLabel = () => ID_LABEL.test(before) || headerSays(text, lineStart, options, /身份证|身份号码|证件号/);
  const codeLabel = CODE_LABEL.test(before) && !ID_LABEL.test(before);

  if (g.mobile) {
    const digits = g.mobile.replace(/\D/g, '').slice(-11);
    if (!isMobile(digits) || codeLabel || unitAfter()) return undefined;
    return { kind: 'mobile', digits };
  }
  if (g.card) {
    const digits = g.card.replace(/\D/g, '');
    if (!isBankCard(digits) || codeLabel || unitAfter()) return undefined;
    return { kind: 'bank-card', digits };
  }
  const value = (g.idGroups ?? g.run!).replace(/[ -]/g, '').toUpperCase();
  const cardLabel = CARD_LABEL.test(before);
  if (value.length === 18) {
    // §12.2: 统一社会信用代码 and ID numbers told apart by their check characters and labels
    const uscc = isValidUscc(value);
    if (isValidId18(value, options.today)) {
      const indexNo = /^\/\d/.test(text.slice(end, end + 2));
      if (uscc && (codeLabel || indexNo)) return undefined;
      return { kind: 'id', digits: value };
    }
    if (uscc || codeLabel) return undefined;
    if (/^[1-9]\d{16}[\dX]$/.test(value)) {
      if (idLabel()) return { kind: 'id-like', digits: value };
      if (isPlausibleId18(value, options.today) && nameNear(text, lineStart, start, before, options))
        return { kind: 'id-like', digits: value };
    }
    if (cardLabel && isBankCard(value)) return { kind: 'bank-card', digits: value };
    return undefined;
  }
  if (value.endsWith('X') || codeLabel) return undefined;
  if (value.length === 15 && isValidId15(value, options.today)) return { kind: 'id15', digits: value };
  if (value.length === 11) return undefined; // not a mobile number: the first alternative took those
  const cardLength = value.length === 16 || value.length === 19 || cardLabel;
  if (cardLength && isBankCard(value) && !unitAfter()) return { kind: 'bank-card', digits: value };
  return undefined;
}

/** Whether the candidate is part of a URL or a path (a page address holds numbers that are no one's). */
function inUrl(text: string, lineStart: number, start: number): boolean {
  let i = start - 1;
  for (const stop = Math.max(lineStart, start - 300); i >= stop && !URL_START.test(text[i]!); i--);
  return URL_LIKE.test(text.slice(i + 1, start));
}

/** A name next to the number (§12.2): 姓名 earlier on its line, a lone 2–4-character word right before it, or a table header naming 姓名. */
function nameNear(text: string, lineStart: number, start: number, before: string, options: ScanOptions): boolean {
  if (text.slice(lineStart, start).includes('姓名')) return true;
  if (NAME_BEFORE.test(before)) return true;
  return headerSays(text, lineStart, options, /姓名/);
}

/** Whether the header of the table the line belongs to matches `label` (ScanOptions.tables). */
function headerSays(text: string, lineStart: number, options: ScanOptions, label: RegExp): boolean {
  if (options.tables === 'csv') {
    const end = text.indexOf('\n');
    return label.test(end === -1 ? text : text.slice(0, end));
  }
  if (options.tables !== 'markdown' || !/^\s*\|/.test(text.slice(lineStart, lineStart + 8))) return false;
  // walk up the block of table lines to its first line
  let header = lineStart;
  while (header > 0) {
    const prev = text.lastIndexOf('\n', header - 2) + 1;
    if (!/^\s*\|/.test(text.slice(prev, prev + 8))) break;
    header = prev;
  }
  const end = text.indexOf('\n', header);
  return label.test(text.slice(header, end === -1 ? undefined : end));
}
