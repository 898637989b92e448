// `gongkai import-doc` and `gongkai import-report` run through the command line (src/cli/main.ts) on a
// small column: the file written is found by the column's checks to lack exactly the fields left
// “待补充”, and passes `check` once they are filled in; a report's blank cell and broken sums are
// reported; nothing is overwritten.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadSite } from '../../src/lib/site.ts';
import { BODIES_YAML, writeColumn } from './fixture-column.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const TODAY = '2026-01-15';
const OFFICE = `- id: gov-office
  name: 示例县人民政府办公室
  code: "1199999999990002XC"
  level: 县级政府部门
- id: finance-x
  name: 示例县财政局
  level: 县级政府部门
`;

let content: string;
let out: string[];
beforeEach(() => {
  content = writeColumn({ 'bodies.yaml': BODIES_YAML + OFFICE });
  out = [];
  process.env.GONGKAI_TODAY = TODAY;
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.GONGKAI_TODAY;
  rmSync(content, { recursive: true, force: true });
});

const run = (...args: string[]) => main(['node', 'gongkai', '--content', content, ...args]);
const errorsOf = (files: string[]) =>
  loadSite(content, { today: TODAY }).diagnostics.filter((d) => files.includes(d.file) && d.level === 'error');

describe('gongkai import-doc', () => {
  it('writes the document and its image, reports exactly the placeholders, and passes check once they are filled', async () => {
    const dir = path.join(content, 'documents', '2021');
    const status = await run('import-doc', path.join(FIXTURES, 'notice.docx'), '--out', dir);
    expect(status).toBe(1);
    const rel = 'documents/2021/gov-office-notice/gov-office-notice.md';
    const file = path.join(content, rel);
    expect(readdirSync(path.dirname(file)).sort()).toEqual(['gov-office-notice.md', '图1.png']);
    const said = out.join('\n');
    expect(said).toContain(
      '未能识别：索引号 / index_no、主题分类 / topic、发布日期 / published、所属栏目 / section，请补充',
    );
    expect(said).toContain('文中有 1 条批注，未导入');
    expect(said).toContain('内容检查发现 4 个错误');
    // the column's checks find the four fields left empty, and nothing else
    expect(
      errorsOf([rel])
        .map((d) => d.field)
        .sort(),
    ).toEqual(['index_no', 'published', 'section', 'topic']);

    const filled = readFileSync(file, 'utf8')
      .replace(/^index_no: "".*$/m, 'index_no: "1199999999990002XC/202103-00001"')
      .replace(/^topic: "".*$/m, 'topic: 综合政务\\政务公开')
      .replace(/^published: "".*$/m, 'published: 2021-03-05')
      .replace(/^section: "".*$/m, 'section: 第二十条第（十五）项');
    writeFileSync(file, filled);
    out.length = 0;
    expect(await run('check', file)).toBe(0);
    expect(out.join('\n')).toContain('没有发现问题');
  });

  it('prints JSON with --json, and refuses to overwrite', async () => {
    const dir = path.join(content, 'documents', '2023');
    expect(await run('--json', 'import-doc', path.join(FIXTURES, 'plain.docx'), '--out', dir)).toBe(1);
    const json = JSON.parse(out.join(''));
    expect(json).toMatchObject({
      fields: { title: '示例县教育局关于做好2023年秋季学期学生资助工作的通知', written: '2023-08-20' },
      placeholders: ['index_no', 'publisher', 'topic', 'published', 'section'],
      checked: true,
    });
    // the placeholders, and the fixture's image that has no alt text (content accessibility: image-alt)
    expect(json.diagnostics.map((d: { field: string }) => d.field).sort()).toEqual(
      ['body', 'index_no', 'publisher', 'published', 'section', 'topic'].sort(),
    );
    expect(json.diagnostics.find((d: { field: string }) => d.field === 'body')).toMatchObject({ code: 'image-alt' });
    out.length = 0;
    expect(await run('import-doc', path.join(FIXTURES, 'plain.docx'), '--out', dir)).toBe(1);
    expect(out.join('\n')).toMatch(/已经存在，不会覆盖/);
  });

  it('refuses a .doc and a file that is not there', async () => {
    expect(await run('import-doc', path.join(FIXTURES, 'old.doc'))).toBe(1);
    expect(out.join('\n')).toContain('找不到文件');
    const doc = path.join(content, 'old.doc');
    writeFileSync(doc, 'x');
    out.length = 0;
    expect(await run('import-doc', doc)).toBe(1);
    expect(out.join('\n')).toContain('另存为”Word 文档（*.docx）');
  });
});

describe('gongkai import-report', () => {
  it('writes the report and its data file beside the reports, prints the 勾稽 findings and the checks', async () => {
    const status = await run('import-report', path.join(FIXTURES, 'report-2021-gbk.html'));
    expect(status).toBe(1);
    const dir = path.join(content, 'documents', 'annual-reports');
    expect(existsSync(path.join(dir, 'finance-x-2021.md'))).toBe(true);
    const said = out.join('\n');
    expect(said).toContain('年报格式：2021 年格式（国办公开办函〔2021〕30号）；原文编码：GB18030');
    expect(said).toContain('勾稽关系检查发现 3 处不符（空格按 0 计算）');
    expect(said).toContain('rule: table3.column-sum.natural_person');
    const errors = errorsOf([
      'documents/annual-reports/finance-x-2021.md',
      'documents/annual-reports/finance-x-2021.report.yaml',
    ]);
    expect(errors.map((d) => d.code).sort()).toEqual(['report-blank-cell', 'schema']);
    // the blank cell filled in: the column's own 勾稽 checks now read the tables
    const data = path.join(dir, 'finance-x-2021.report.yaml');
    writeFileSync(data, readFileSync(data, 'utf8').replace('[0, 0, null, 0, 0, 0, 0]', '[0, 0, 0, 0, 0, 0, 0]'));
    const codes = errorsOf(['documents/annual-reports/finance-x-2021.report.yaml']).map((d) => d.code);
    expect(codes.sort()).toEqual(['report-column-sum', 'report-outcome-sum', 'report-row-sum']);
  });

  it('imports a copied text into --out with --publisher and --year, as JSON', async () => {
    const dir = path.join(content, 'documents', 'imported');
    const status = await run(
      '--json',
      'import-report',
      path.join(FIXTURES, 'report-2021-copy.txt'),
      '--publisher',
      'gov',
      '--year',
      '2022',
      '--out',
      dir,
    );
    const json = JSON.parse(out.join(''));
    expect(json).toMatchObject({ format: '2021', year: 2022, publisher: 'gov', blanks: 0, sums: [], checked: true });
    expect(json.files.data.endsWith('documents/imported/gov-2022.report.yaml')).toBe(true);
    expect(json.placeholders).toEqual(['index_no', 'written']);
    expect(status).toBe(1);
    expect(
      json.diagnostics
        .filter((d: { level: string }) => d.level === 'error')
        .map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['index_no', 'written']);
  });
});
