// Building blocks of the content schemas, and the walk that derives everything else from them:
// each field carries its Chinese label and description (`field()`), so the label table of the
// messages, the unknown-field check, the number-not-string check and the field tables of
// docs/design.md all come from the schema (one fact, one place).
import { z } from 'zod';

/** What the schema says about one field, for editors: its Chinese name and what it holds. */
export interface FieldMeta {
  /** Chinese name, e.g. '索引号'. */
  label: string;
  /** One sentence for docs/design.md and the JSON schema, in Chinese. */
  description: string;
  /** An example value for docs/design.md, as an editor writes it. */
  example?: string;
}

/** Attaches a field's Chinese label and description to its schema. */
export function field<T extends z.ZodType>(schema: T, label: string, description: string, example?: string): T {
  return schema.meta(example === undefined ? { label, description } : { label, description, example });
}

/** True when `s` is a real calendar date written YYYY-MM-DD (2021-02-30 is not). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

const dateIssue = (s: string, withTime: boolean) =>
  withTime
    ? `日期“${s}”格式不对，应写成 年-月-日 或 年-月-日 时:分，例如 2021-09-26 或 2021-09-26 10:30。`
    : `日期“${s}”格式不对，应写成 年-月-日，例如 2021-09-26。`;

/** A date written YYYY-MM-DD (YAML 1.2 keeps an unquoted 2021-09-26 as text). */
export const dateString = z.string().superRefine((s, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) ctx.addIssue({ code: 'custom', message: dateIssue(s, false) });
  else if (!isRealDate(s)) ctx.addIssue({ code: 'custom', message: `日期“${s}”不存在（请核对月份和日期）。` });
});

/** A date with an optional time of day (Asia/Shanghai): `2021-03-05` or `2021-03-05 10:30`. */
export const dateTimeString = z.string().superRefine((s, ctx) => {
  const m = /^(\d{4}-\d{2}-\d{2})(?: ([01]\d|2[0-3]):([0-5]\d))?$/.exec(s);
  if (!m) ctx.addIssue({ code: 'custom', message: dateIssue(s, true) });
  else if (!isRealDate(m[1]!)) ctx.addIssue({ code: 'custom', message: `日期“${s}”不存在（请核对月份和日期）。` });
});

export const nonEmpty = z.string().trim().min(1);

/** A web address: http:// or https://, a host, nothing the browser would not open. */
export const httpUrl = z
  .string()
  .trim()
  .superRefine((s, ctx) => {
    if (!isHttpUrl(s))
      ctx.addIssue({ code: 'custom', message: `网址“${s}”不是以 http:// 或 https:// 开头的完整网址。` });
  });

function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
  } catch {
    return false;
  }
}

/** One field of a schema, found by walking it: its dotted path, meta and (unwrapped) schema. */
export interface FieldInfo extends FieldMeta {
  /** 'index_no', or 'footer.sponsor' for a nested field. */
  path: string;
  /** The key alone: 'sponsor'. */
  key: string;
  required: boolean;
  /** Text fields: a YAML number written there is an error asking for quotes. */
  text: boolean;
  /** The field's own schema with optional/default wrappers removed. */
  inner: z.ZodType;
}

/** Removes optional / default / prefault / nullable wrappers and pipes (transforms). */
export function unwrap(s: z.ZodType): { inner: z.ZodType; required: boolean } {
  let required = true;
  let cur: z.ZodType = s;
  for (;;) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodDefault || cur instanceof z.ZodPrefault) {
      required = false;
      cur = cur.unwrap() as z.ZodType;
    } else if (cur instanceof z.ZodNullable) cur = cur.unwrap() as z.ZodType;
    else if (cur instanceof z.ZodPipe) cur = cur.in as z.ZodType;
    else return { inner: cur, required };
  }
}

const metaOf = (s: z.ZodType): FieldMeta | undefined => z.globalRegistry.get(s) as FieldMeta | undefined;

/**
 * Every field of an object schema, nested objects included (their own entry first, then their
 * fields), in schema order. A field without a label is a programming error: the test suite
 * calls this for every schema.
 */
export function fieldsOf(schema: z.ZodObject, prefix = ''): FieldInfo[] {
  const out: FieldInfo[] = [];
  for (const [key, s] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const path = prefix ? `${prefix}.${key}` : key;
    const { inner, required } = unwrap(s);
    const meta = metaOf(s) ?? metaOf(inner);
    if (!meta) throw new Error(`schema field ${path} has no label: wrap it in field()`);
    out.push({ ...meta, path, key, required, text: inner instanceof z.ZodString, inner });
    if (inner instanceof z.ZodObject) out.push(...fieldsOf(inner, path));
  }
  return out;
}

/** The element schema of an array-of-objects schema (bodies.yaml is a list of publishers). */
export function itemSchemaOf(list: z.ZodType): z.ZodObject {
  const { inner } = unwrap(list);
  const item = inner instanceof z.ZodArray ? unwrap(inner.element as z.ZodType).inner : undefined;
  if (!(item instanceof z.ZodObject)) throw new Error('itemSchemaOf: not a list of objects');
  return item;
}
