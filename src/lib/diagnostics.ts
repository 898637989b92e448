// Diagnostics: what the checks find, and how editors read it. One format for the build,
// the command line and the tests.
import type { Diagnostic } from './types.ts';

export type { Diagnostic };

/** Field names, English key → Chinese name, for messages that name a field both ways. */
export const FIELD_NAMES: Record<string, string> = {
  title: '标题',
  index_no: '索引号',
  publisher: '发布机构',
  topic: '主题分类',
  genre: '体裁',
  doc_no: '文号',
  written: '成文日期',
  published: '发布日期',
  validity: '有效性',
  normative: '规范性文件类型',
  repealed: '废止/失效日期',
  superseded_by: '替代文件索引号',
  keywords: '关键词',
  summary: '内容概述',
  section: '所属栏目',
  slug: '网址标识',
  note: '说明',
  attachments: '附件',
  body: '正文',
  // site.yaml
  site_name: '网站名称',
  column_name: '栏目名称',
  domain: '网站域名',
  site_id_code: '政府网站标识码',
  organisation: '主管机关',
  'organisation.name': '主管机关名称',
  'organisation.code': '机构代码',
  'index_no.pattern': '索引号规则',
  'index_no.year_from': '索引号年份来源',
  base: '网站路径',
  page_size: '每页条数',
  footer: '页脚',
  'footer.sponsor': '主办单位',
  'footer.organizer': '承办单位',
  'footer.contact': '联系方式',
  'footer.address': '地址',
  'footer.icp': 'ICP备案号',
  'footer.police_record': '公安机关备案号',
  office: '政府信息公开工作机构',
  'office.name': '工作机构名称',
  'office.address': '办公地址',
  'office.postcode': '邮政编码',
  'office.hours': '办公时间',
  'office.phone': '联系电话',
  'office.fax': '传真',
  'office.email': '电子邮箱',
  // bodies.yaml, topics.yaml, genres.yaml, sections.yaml
  id: '标识',
  name: '名称',
  code: '机构代码',
  level: '机构层级',
  report_deadline: '年报发布期限',
  parent: '上级分类',
  aliases: '曾用名',
};

/** Builds a Diagnostic, filling fieldZh from the field table. */
export function diag(
  level: Diagnostic['level'],
  code: string,
  file: string,
  message: string,
  opts: { line?: number; field?: string; fix?: string } = {},
): Diagnostic {
  const d: Diagnostic = { level, code, file, message };
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
