import { z } from 'zod';

/** True when `s` is a real calendar date written YYYY-MM-DD (2021-02-30 is not). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** A date written YYYY-MM-DD (YAML 1.2 keeps an unquoted 2021-09-26 as text). */
export const dateString = z.string().superRefine((s, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: `日期“${s}”格式不对，应写成 年-月-日，例如 2021-09-26。` });
  } else if (!isRealDate(s)) {
    ctx.addIssue({ code: 'custom', message: `日期“${s}”不存在（请核对月份和日期）。` });
  }
});

export const nonEmpty = z.string().trim().min(1);
