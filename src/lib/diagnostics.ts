// Diagnostics: what the checks find, and how editors read it. One format for the build,
// the command line and the tests.
import { FORMATS } from './report/formats.ts';
import { fieldsOf } from './schema/common.ts';
import { DOCUMENT_FIELDS, policyRefSchema } from './schema/document.ts';
import { REDIRECT_FIELDS } from './schema/redirects.ts';
import { PUBLISHER_FIELDS, SITE_FIELDS, genreSchema, sectionSchema, topicOverrideSchema } from './schema/site.ts';
import type { Diagnostic } from './types.ts';

export type { Diagnostic };

/** The rows of an annual report's data file ('table3.granted' → '表三 （一）予以公开'), both formats, 2021's label first. */
const REPORT_FIELDS = [FORMATS['2021'], FORMATS['2019']].flatMap((f) => [
  { path: 'table2', label: '表二' },
  { path: 'table3', label: '表三' },
  { path: 'table4', label: '表四' },
  ...f.table2.flatMap((b) => b.rows.map((r) => ({ path: `table2.${r.id}`, label: `表二 ${r.label}` }))),
  ...f.table3.map((r) => ({ path: `table3.${r.id}`, label: `表三 ${r.label}` })),
  ...f.table4.map((b) => ({
    path: `table4.${b.id}`,
    label: `表四 ${b.parent ? `${b.parent}（${b.label}）` : b.label}`,
  })),
]);

/**
 * Field names, English key → Chinese name, for messages that name a field both ways. Derived
 * from the schemas (each field carries its label); the first schema that names a key wins.
 */
export const FIELD_NAMES: Record<string, string> = Object.fromEntries(
  [
    ...DOCUMENT_FIELDS,
    ...fieldsOf(policyRefSchema, 'interprets'),
    ...SITE_FIELDS,
    ...PUBLISHER_FIELDS,
    ...[topicOverrideSchema, genreSchema, sectionSchema].flatMap((s) => fieldsOf(s)),
    ...REDIRECT_FIELDS,
    { path: 'body', label: '正文' },
    ...REPORT_FIELDS,
  ]
    .reverse()
    .map((f) => [f.path, f.label]),
);

/** Builds a Diagnostic, filling fieldZh from the field table. */
export function diag(
  level: Diagnostic['level'],
  code: string,
  file: string,
  message: string,
  opts: { line?: number; field?: string; fix?: string; related?: string[] } = {},
): Diagnostic {
  const d: Diagnostic = { level, code, file, message };
  if (opts.related?.length) d.related = opts.related;
  if (opts.line !== undefined) d.line = opts.line;
  if (opts.field !== undefined) {
    d.field = opts.field;
    const zh = FIELD_NAMES[opts.field] ?? FIELD_NAMES[opts.field.replace(/\.\d+.*$/, '')];
    if (zh) d.fieldZh = zh;
  }
  if (opts.fix !== undefined) d.fix = opts.fix;
  return d;
}

/**
 * One diagnostic as editors read it:
 *   documents/2021/a.md 第 5 行  错误  索引号 / index_no：索引号“…”重复……
 *     修改方法：……
 */
export function formatDiagnostic(d: Diagnostic, contentPrefix = ''): string {
  const where = `${contentPrefix}${d.file}${d.line ? ` 第 ${d.line} 行` : ''}`;
  const level = d.level === 'error' ? '错误' : '警告';
  const field = d.field ? `${d.fieldZh ? `${d.fieldZh} / ${d.field}` : d.field}：` : '';
  let out = `${where}  ${level}  ${field}${d.message}`;
  if (d.fix) out += `\n    修改方法：${d.fix}`;
  return out;
}

export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return [...diags].sort(
    (a, b) =>
      (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1) ||
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.code.localeCompare(b.code),
  );
}

/** The whole report: a count line, then every diagnostic, errors first. */
export function formatReport(diags: Diagnostic[], contentPrefix = ''): string {
  const errors = diags.filter((d) => d.level === 'error').length;
  const warnings = diags.length - errors;
  const head =
    errors > 0
      ? `内容检查发现 ${errors} 个错误${warnings ? `、${warnings} 个警告` : ''}，网站无法构建。请逐条修改：`
      : `内容检查发现 ${warnings} 个警告（不影响构建，请尽快处理）：`;
  return [head, '', ...sortDiagnostics(diags).map((d) => formatDiagnostic(d, contentPrefix))].join('\n');
}

export function hasErrors(diags: Diagnostic[]): boolean {
  return diags.some((d) => d.level === 'error');
}
