// 索引号 (index numbers): site patterns, slugs, and the check characters of the
// 统一社会信用代码 (GB 32100-2015) and 组织机构代码 (GB 11714-1997) embedded in them.

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The check character a 17-character 统一社会信用代码 prefix should end with, or undefined if the prefix is malformed. */
export function usccCheckChar(first17: string): string | undefined {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  const c = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[c];
}

/** The check character of an 8-character 组织机构代码 body, or undefined if malformed. */
export function orgCodeCheckChar(first8: string): string | undefined {
  if (!/^[0-9A-Z]{8}$/.test(first8)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i]!;
    const v = /[0-9]/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55; // A=10 … Z=35
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export type CodeKind = 'uscc' | 'org';

export interface CodeCheck {
  ok: boolean;
  kind?: CodeKind;
  /** Why not ok, in Chinese. */
  problem?: string;
  expected?: string;
}

/** Checks a 统一社会信用代码 (18 chars) or 组织机构代码 (9 chars, optional hyphen before the check char). */
export function checkOrganisationCode(raw: string): CodeCheck {
  const code = raw.trim().toUpperCase();
  if (code.length === 18) {
    const expected = /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) ? usccCheckChar(code.slice(0, 17)) : undefined;
    if (!expected)
      return { ok: false, kind: 'uscc', problem: '含有统一社会信用代码不允许的字符（不使用 I、O、S、V、Z）' };
    // positions 9–17 are the 组织机构代码, itself check-charactered
    const org = code.slice(8, 17);
    const orgExpected = orgCodeCheckChar(org.slice(0, 8));
    if (orgExpected !== org[8]) {
      return {
        ok: false,
        kind: 'uscc',
        problem: `其中第 9–17 位的组织机构代码 ${org} 校验码应为 ${orgExpected ?? '?'}`,
        expected,
      };
    }
    if (code[17] !== expected)
      return { ok: false, kind: 'uscc', problem: `校验码（第 18 位）应为 ${expected}，实为 ${code[17]}`, expected };
    return { ok: true, kind: 'uscc' };
  }
  const org = code.replace('-', '');
  if (org.length === 9) {
    const expected = orgCodeCheckChar(org.slice(0, 8));
    if (!expected) return { ok: false, kind: 'org', problem: '组织机构代码前 8 位只能是数字或大写字母' };
    if (org[8] !== expected)
      return { ok: false, kind: 'org', problem: `校验码（第 9 位）应为 ${expected}，实为 ${org[8]}`, expected };
    return { ok: true, kind: 'org' };
  }
  return { ok: false, problem: `长度为 ${code.length} 位；统一社会信用代码应为 18 位，组织机构代码应为 9 位` };
}

/** URL slug of a 索引号: lowercase, every run outside [0-9a-z] becomes '-', trimmed. */
export function slugFromIndexNo(indexNo: string): string {
  return indexNo
    .toLowerCase()
    .replace(/[^0-9a-z]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface IndexPattern {
  source: string;
  regex: RegExp;
  /** Example built from the pattern, for messages. */
  example: string;
  parse(indexNo: string): { code?: string; year?: string; month?: string; serial?: string } | undefined;
}

const PLACEHOLDER = /\{(code|year|yyyymm|serial(?::(\d+))?)\}/g;

/** A 索引号 in a pattern's form: its placeholders filled with the code, the date's year (and month), the serial. */
export function formatIndexNo(pattern: string, code: string, date: string, serial: number): string {
  return pattern.replace(PLACEHOLDER, (_, name: string, width?: string) => {
    if (name === 'code') return code;
    if (name === 'year') return date.slice(0, 4);
    if (name === 'yyyymm') return date.slice(0, 4) + date.slice(5, 7);
    return String(serial).padStart(width ? Number(width) : 1, '0');
  });
}

/**
 * Whether a site's 索引号 pattern can be used: only known placeholders, and a {serial}. An unusable
 * pattern is reported once (checks/site-settings.ts); documents are not checked against it.
 */
export function isUsableIndexPattern(pattern: string): boolean {
  return !/\{(?!(?:code|year|yyyymm|serial(?::\d+)?)\})[^}]*\}/.test(pattern) && /\{serial(?::\d+)?\}/.test(pattern);
}

/**
 * Compiles a site's 索引号 pattern, e.g. "{code}/{yyyymm}-{serial:5}".
 * Placeholders: {code} (18- or 9-char organisation code), {year} (4 digits), {yyyymm}, {serial[:N]}.
 * Every other character stands for itself.
 */
export function compileIndexPattern(pattern: string): IndexPattern {
  const groups: string[] = [];
  let re = '^';
  let example = '';
  let last = 0;
  for (const m of pattern.matchAll(PLACEHOLDER)) {
    const literal = pattern.slice(last, m.index);
    re += escapeRegex(literal);
    example += literal;
    last = m.index! + m[0].length;
    const name = m[1]!;
    if (name === 'code') {
      re += '([0-9A-Z]{18}|[0-9A-Z]{8}-?[0-9X])';
      groups.push('code');
      example += '11100000000000000X'.slice(0, 18);
    } else if (name === 'year') {
      re += '((?:19|20)\\d{2})';
      groups.push('year');
      example += '2024';
    } else if (name === 'yyyymm') {
      re += '((?:19|20)\\d{2})(0[1-9]|1[0-2])';
      groups.push('year', 'month');
      example += '202401';
    } else {
      const n = m[2] ? Number(m[2]) : undefined;
      re += n ? `(\\d{${n}})` : '(\\d+)';
      groups.push('serial');
      example += n ? '1'.padStart(n, '0') : '1';
    }
  }
  re += escapeRegex(pattern.slice(last)) + '$';
  example += pattern.slice(last);
  const regex = new RegExp(re);
  return {
    source: pattern,
    regex,
    example,
    parse(indexNo) {
      const m = regex.exec(indexNo);
      if (!m) return undefined;
      const out: Record<string, string> = {};
      groups.forEach((g, i) => (out[g] = m[i + 1]!));
      return out;
    },
  };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
