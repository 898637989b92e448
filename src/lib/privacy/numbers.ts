// The personal numbers the guard looks for and how each is recognised and masked
// (docs/domain.md §12.1): 居民身份证号码 (GB 11643-1999, 18 characters; the old 15-digit form),
// mainland mobile numbers and bank-card numbers (Luhn). Plain functions over digit strings; the
// scanner (scan.ts) finds the candidates in text.
import { usccCheckChar, orgCodeCheckChar } from '../index-no.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * First two digits of a 居民身份证号码: the province-level 行政区划代码 (GB/T 2260) — 11–15, 21–23,
 * 31–37, 41–46, 50–54, 61–65 — and 71 台湾, 81 香港, 82 澳门, 83 (residence permits of 台湾居民).
 */
const PROVINCES = new Set([
  ...[11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46],
  ...[50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83],
]);

/** The check character of the first 17 digits of an 18-character ID number (GB 11643-1999). */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** Whether the first two digits are a province-level area code. */
export function hasProvinceCode(id: string): boolean {
  return PROVINCES.has(Number(id.slice(0, 2)));
}

/** Whether YYYY-MM-DD is a real calendar date from 1900-01-01 up to `today` (YYYY-MM-DD). */
export function isBirthDate(year: number, month: number, day: number, today: string): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > days) return false;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return iso <= today;
}

/** An 18-character ID number's structure: province code and birth date (digits 7–14) plausible. */
export function isPlausibleId18(id: string, today: string): boolean {
  return (
    /^[1-9]\d{16}[\dX]$/.test(id) &&
    hasProvinceCode(id) &&
    isBirthDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)), today)
  );
}

/** A valid 18-character ID number: plausible structure and the right check character. */
export function isValidId18(id: string, today: string): boolean {
  return isPlausibleId18(id, today) && idCheckChar(id) === id[17];
}

/** An old 15-digit ID number (no check character): province code and a real date 19YYMMDD in digits 7–12. */
export function isValidId15(id: string, today: string): boolean {
  return (
    /^[1-9]\d{14}$/.test(id) &&
    hasProvinceCode(id) &&
    isBirthDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)), today)
  );
}

/** A 统一社会信用代码 (GB 32100-2015) with both check characters right: its own and its 组织机构代码's. */
export function isValidUscc(code: string): boolean {
  if (code.length !== 18 || usccCheckChar(code.slice(0, 17)) !== code[17]) return false;
  return orgCodeCheckChar(code.slice(8, 16)) === code[16];
}

/** Mainland mobile number: 11 digits starting 13–19. */
export function isMobile(digits: string): boolean {
  return /^1[3-9]\d{9}$/.test(digits);
}

/** The Luhn (ISO/IEC 7812) check over all digits, the last being the check digit. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A bank-card number: 16–19 digits passing Luhn, whose first digit is a bank or financial
 * industry's (ISO/IEC 7812: 3 JCB/American Express, 4 Visa, 5 Mastercard, 6 UnionPay 62…) or
 * who starts 95 (older domestic cards, e.g. 9558…).
 */
export function isBankCard(digits: string): boolean {
  return /^(?:[3-6]|95)\d+$/.test(digits) && digits.length >= 16 && digits.length <= 19 && passesLuhn(digits);
}

export type PersonalKind = 'id' | 'id15' | 'id-like' | 'mobile' | 'bank-card';

/** What each kind is called in messages. */
export const KIND_NAMES: Record<PersonalKind, string> = {
  id: '身份证号',
  id15: '15 位旧身份证号',
  'id-like': '疑似身份证号（校验码不符）',
  mobile: '手机号码',
  'bank-card': '银行卡号',
};

/**
 * The masked form shown in messages — never more than this of a number is printed:
 * ID 440106********1232 (15 digits: 440106*****1232), mobile 139****5678, card 6222 **** **** 1234
 * (first four, last four, the rest as groups of four stars).
 */
export function maskNumber(kind: PersonalKind, digits: string): string {
  if (kind === 'mobile') return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (kind === 'bank-card') {
    const hidden = digits.length - 8;
    const groups = Array.from({ length: Math.ceil(hidden / 4) }, (_, i) => '*'.repeat(Math.min(4, hidden - i * 4)));
    return [digits.slice(0, 4), ...groups, digits.slice(-4)].join(' ');
  }
  return `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`;
}
