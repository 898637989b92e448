// npm run report:template (scripts/report-template.mjs): the data file it writes loads back with no
// problem, names its JSON Schema by a path that exists, and the command explains in Chinese what it
// refuses (an unknown publisher, a bad year, a report before 2019, an existing file).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatForYear, run } from '../../scripts/report-template.mjs';
import { readReportData } from '../../src/lib/report/data.ts';
import { dataRows, FORMATS } from '../../src/lib/report/formats.ts';
import { parseYamlSource } from '../../src/lib/yaml-source.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let tmp: string;
const options = () => ({ cwd: tmp, env: {}, thisYear: 2026 });
const reportsDir = () => path.join(tmp, 'content', 'documents', 'annual-reports');

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'gongkai-report-template-'));
  mkdirSync(reportsDir(), { recursive: true });
  cpSync(path.join(ROOT, 'content', 'bodies.yaml'), path.join(tmp, 'content', 'bodies.yaml'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function load(file: string) {
  const text = readFileSync(file, 'utf8');
  return { text, ...readReportData(parseYamlSource(text, 'x.yaml'), 'x.yaml') };
}

describe('report:template', () => {
  it('writes a zero-filled 2021-format file beside the reports, which loads back with no problem', () => {
    const r = run(['--publisher', 'gov', '--year', '2026'], options());
    expect(r.err).toEqual([]);
    expect(r.status).toBe(0);
    const file = path.join(reportsDir(), 'gov-2026.report.yaml');
    const { text, data, diagnostics } = load(file);
    expect(diagnostics).toEqual([]);
    expect(data?.format).toBe('2021');
    expect(data?.year).toBe(2026);
    expect(Object.keys(data!.table3)).toEqual(dataRows(FORMATS['2021']).map((row) => row.id));
    for (const t of [data!.table2, data!.table3, data!.table4])
      for (const row of Object.values(t)) expect(row.every((n) => n === 0)).toBe(true);
    expect(text).toContain('示例县人民政府 2026 年政府信息公开工作年度报告的表格数据');
    expect(text).toContain('# 三、本年度办理结果 （三）不予公开 1.属于国家秘密');
    // what to do next, in Chinese: the frontmatter line
    const said = r.out.join('\n');
    expect(said).toContain('已生成 content/documents/annual-reports/gov-2026.report.yaml');
    expect(said).toContain('report: { data: gov-2026.report.yaml }');
    expect(said).toContain('不晚于 2027 年 3 月 31 日');
  });

  it('points $schema at the committed JSON Schema by a path relative to the file', () => {
    const out = path.join(tmp, 'content', 'documents', '2021', 'deep');
    mkdirSync(out, { recursive: true });
    const file = path.join(out, 'finance-2020.yaml');
    expect(run(['-p', 'finance', '-y', '2020', '-o', file], options()).status).toBe(0);
    const first = readFileSync(file, 'utf8').split('\n')[0]!;
    const m = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
    expect(m).not.toBeNull();
    const target = path.resolve(out, m![1]!);
    expect(target).toBe(path.join(ROOT, 'schemas', 'annual-report-2019.schema.json'));
    expect(existsSync(target)).toBe(true);
    expect(load(file).data?.format).toBe('2019');
  });

  it('takes the format from the year: 2019 and 2020 → 2019, 2021 on → 2021', () => {
    expect([2019, 2020, 2021, 2025].map(formatForYear)).toEqual(['2019', '2019', '2021', '2021']);
    const file = path.join(reportsDir(), 'stats-2019.report.yaml');
    expect(run(['-p', 'stats', '-y', '2019'], options()).status).toBe(0);
    const { data, diagnostics } = load(file);
    expect(diagnostics).toEqual([]);
    expect(data?.format).toBe('2019');
    expect(Object.keys(data!.table3)).toHaveLength(23);
  });

  it('accepts the publisher by its full name and names a township deadline from bodies.yaml', () => {
    const r = run(['--publisher', '示例镇人民政府', '--year', '2024'], options());
    expect(r.status).toBe(0);
    expect(r.out.join('\n')).toContain('不晚于 2025 年 2 月 20 日');
    expect(existsSync(path.join(reportsDir(), 'shizhen-2024.report.yaml'))).toBe(true);
  });

  it('never overwrites a file', () => {
    const file = path.join(reportsDir(), 'hrss-2023.report.yaml');
    writeFileSync(file, 'keep\n');
    const r = run(['-p', 'hrss', '-y', '2023'], options());
    expect(r.status).toBe(1);
    expect(r.err[0]).toBe('文件 content/documents/annual-reports/hrss-2023.report.yaml 已经存在，不会覆盖。');
    expect(readFileSync(file, 'utf8')).toBe('keep\n');
  });

  it('lists the ids when the publisher is unknown', () => {
    const r = run(['-p', 'transport', '-y', '2024'], options());
    expect(r.status).toBe(1);
    expect(r.err[0]).toBe('发布机构“transport”不在 bodies.yaml 中。可用的机构 id：');
    expect(r.err.join('\n')).toMatch(/ {2}gov +示例县人民政府/);
    expect(r.err.join('\n')).toContain('kaerqin');
  });

  it('refuses a bad year, a future year and an unknown format', () => {
    for (const y of ['24', '2024年', '2007', '2027']) {
      const r = run(['-p', 'gov', '-y', y], options());
      expect(r.status, y).toBe(1);
      expect(r.err[0], y).toContain(`报告年度“${y}”不对`);
    }
    const r = run(['-p', 'gov', '-y', '2024', '--format', '2020'], options());
    expect(r.status).toBe(1);
    expect(r.err[0]).toBe('年报格式“2020”无法识别：只能写 2021（2021 年度及以后）或 2019（2019、2020 年度）。');
  });

  it('explains that a report before 2019 is free Markdown with CSV tables', () => {
    const r = run(['-p', 'chimen', '-y', '2018'], options());
    expect(r.status).toBe(1);
    expect(r.err.join('\n')).toContain('2018 年度的年报没有全国统一格式');
    expect(r.err.join('\n')).toContain('report: { year: 2018, tables: [{ file: 附表.csv, title: 附表 }] }');
    expect(existsSync(path.join(reportsDir(), 'chimen-2018.report.yaml'))).toBe(false);
  });

  it('says in Chinese what is missing or not understood', () => {
    expect(run(['-p', 'gov'], options()).err[0]).toBe('缺少参数 --year。');
    expect(run(['-p', 'gov', '2024'], options()).err[0]).toBe(
      '无法识别的参数“2024”：每个值前要写参数名，例如 --year 2024。',
    );
    expect(run(['--publisher', 'gov', '--yaer', '2024'], options()).err[0]).toBe('无法识别的参数“--yaer”。');
    expect(run(['--help'], options())).toMatchObject({ status: 0, err: [] });
  });

  it('uses GONGKAI_CONTENT for bodies.yaml and the default folder', () => {
    const other = path.join(tmp, 'column');
    mkdirSync(path.join(other, 'documents', 'annual-reports'), { recursive: true });
    writeFileSync(path.join(other, 'bodies.yaml'), '- id: town\n  name: 某镇人民政府\n  level: 乡镇人民政府\n');
    const r = run(['-p', 'town', '-y', '2022'], { ...options(), env: { GONGKAI_CONTENT: 'column' } });
    expect(r.status).toBe(0);
    expect(existsSync(path.join(other, 'documents', 'annual-reports', 'town-2022.report.yaml'))).toBe(true);
    expect(r.out.join('\n')).toContain('按本地规定的期限');
  });
});
