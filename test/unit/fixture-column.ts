// A minimal, valid column written into a temp dir, for unit tests of loadSite's checks.
// Each test changes one thing and expects exactly the diagnostic that change causes.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { stringify } from 'yaml';
import { sortDiagnostics } from '../../src/lib/diagnostics.ts';
import type { Diagnostic } from '../../src/lib/types.ts';

export const ORG_CODE = '11999999999900011L'; // fictitious 示例县人民政府, valid check characters
export const OFFICE_CODE = '1199999999990002XC'; // fictitious 示例县财政局

export const SITE_YAML = `sample: true
site_name: 测试县人民政府
column_name: 政府信息公开专栏
site_url: https://www.ceshi.gov.cn
site_id_code: "9999000001"
organisation:
  name: 测试县人民政府
  code: "${ORG_CODE}"
index_no:
  pattern: "{code}/{yyyymm}-{serial:5}"
  year_from: published
base: /
page_size: 20
footer:
  sponsor: 测试县人民政府办公室
office:
  name: 测试县人民政府办公室
`;

export const BODIES_YAML = `- id: gov
  name: 测试县人民政府
  code: "${ORG_CODE}"
  level: 县级人民政府
- id: finance
  name: 测试县财政局
  code: "${OFFICE_CODE}"
  level: 县级政府部门
- id: town
  name: 测试镇人民政府
  level: 乡镇人民政府
`;

export const BASE_DOC: Record<string, unknown> = {
  title: '关于做好政务公开工作的通知',
  index_no: `${ORG_CODE}/202103-00001`,
  publisher: '测试县人民政府',
  topic: '综合政务\\政务公开',
  genre: '通知',
  doc_no: '测政办〔2021〕3号',
  written: '2021-03-01',
  published: '2021-03-05',
  keywords: ['政务公开'],
  section: '第二十条第（一）项',
};

export const BASE_BODY = '各乡镇人民政府，县直各单位：现将有关事项通知如下。\n\n一、加强组织领导。\n';

/** Serialises frontmatter the way editors write it (unquoted dates, unquoted topic). */
export function frontmatter(fields: Record<string, unknown>): string {
  return stringify(fields, { lineWidth: 0 }).replace(
    /^(written|published|repealed): '(\d{4}-\d{2}-\d{2})'$/gm,
    '$1: $2',
  );
}

export function doc(fields: Record<string, unknown>, body = BASE_BODY): string {
  return `---\n${frontmatter(fields)}---\n\n${body}`;
}

/** Writes a column: `files` maps paths relative to the content dir to text. */
export function writeColumn(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-unit-'));
  const all: Record<string, string> = { 'site.yaml': SITE_YAML, 'bodies.yaml': BODIES_YAML, ...files };
  for (const [rel, text] of Object.entries(all)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

/** What a test expects of one diagnostic; `fix` (and `fieldZh`) are compared only where given. */
export interface ExpectedDiagnostic {
  level: Diagnostic['level'];
  code: string;
  file: string;
  line?: number;
  field?: string;
  fieldZh?: string;
  message: string;
  fix?: string;
}

/**
 * Every diagnostic, exactly, in report order: level, code, file, line, field, message, fieldZh
 * (unless `fieldZh: false`) and fix where a case gives one.
 */
export function expectDiagnostics(
  found: Diagnostic[],
  expected: ExpectedDiagnostic[],
  { fieldZh = true }: { fieldZh?: boolean } = {},
): void {
  const want = sortDiagnostics(expected as Diagnostic[]) as ExpectedDiagnostic[];
  const got = sortDiagnostics(found).map((d, i) => ({
    level: d.level,
    code: d.code,
    file: d.file,
    line: d.line,
    field: d.field,
    ...(fieldZh ? { fieldZh: d.fieldZh } : {}),
    message: d.message,
    ...(want[i] && 'fix' in want[i] ? { fix: d.fix } : {}),
  }));
  const blank = { line: undefined, field: undefined, ...(fieldZh ? { fieldZh: undefined } : {}) };
  expect(got).toEqual(want.map((e) => ({ ...blank, ...e })));
}
