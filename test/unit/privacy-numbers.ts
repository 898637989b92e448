// Synthetic personal numbers for the privacy tests: made here from their check rules, never real
// ones (docs/domain.md §12.1). An ID number is built from an area code, a birth date and a
// sequence number; a card from a prefix and its Luhn digit; a 统一社会信用代码 from its body.
import { orgCodeCheckChar, usccCheckChar } from '../../src/lib/index-no.ts';
import { idCheckChar, passesLuhn } from '../../src/lib/privacy/numbers.ts';

/** An 18-character ID number with the right check character. */
export function id18(area: string, birth: string, seq: string): string {
  const first17 = `${area}${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

/** The same ID number with a wrong check character (a typo, or a made-up number). */
export function badId18(area: string, birth: string, seq: string): string {
  const right = id18(area, birth, seq);
  return right.slice(0, 17) + (right[17] === '1' ? '2' : '1');
}

/** A 16–19-digit card number: the prefix, then zeros and counting digits, then the Luhn digit. */
export function card(prefix: string, length: number): string {
  let body = prefix;
  for (let i = 1; body.length < length - 1; i++) body += String(i % 10);
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return body + d;
  throw new Error('unreachable');
}

/** A digits-only 统一社会信用代码 with both check characters right (the first such after `start`). */
export function digitUscc(first8: string, start = 0): string {
  for (let n = start; ; n++) {
    const org8 = String(n).padStart(8, '0');
    const org = org8 + orgCodeCheckChar(org8);
    if (!/^\d{9}$/.test(org)) continue;
    const check = usccCheckChar(first8 + org);
    if (check && /\d/.test(check)) return first8 + org + check;
  }
}
