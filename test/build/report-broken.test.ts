// A broken copy of the sample's annual reports must fail the build, listing in one run the errors
// (a wrong 总计, a carry-over that does not match last year's, a blank cell) and the warning (a
// narrative number the tables contradict), each with its file and line.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, tail, type BuildResult } from '../helpers/build.ts';

const DIR = 'documents/annual-reports';

/** Replaces `from` by `to` in one file of the copy; fails when the sample no longer holds `from`. */
function edit(dir: string, file: string, from: string, to: string): void {
  const full = path.join(dir, DIR, file);
  const text = readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture: ${file} no longer contains “${from}”`);
  writeFileSync(full, text.replace(from, to));
}

const BREAKAGES: [file: string, from: string, to: string][] = [
  // a wrong 总计: （七）总计 one short in the 总计 column
  ['gov-2023.report.yaml', 'total: [21, 2, 1, 0, 2, 1, 27]', 'total: [21, 2, 1, 0, 2, 1, 26]'],
  // 二、上年结转 of 2025 no longer equals 四 of 2024 (一 lowered so the year's own sums hold)
  ['gov-2025.report.yaml', 'new_received: [31, 4, 0, 1, 1, 2, 39]', 'new_received: [30, 4, 0, 1, 1, 2, 38]'],
  ['gov-2025.report.yaml', 'carried_over: [1, 0, 0, 0, 0, 0, 1]', 'carried_over: [2, 0, 0, 0, 0, 0, 2]'],
  // a blank cell
  ['gov-2022.report.yaml', 'granted: [9, 2, 0, 0, 1, 0, 12]', 'granted: [9, null, 0, 0, 1, 0, 12]'],
  // the narrative says 16 where table 3 says 15
  ['gov-2024.md', '予以公开15件', '予以公开16件'],
];

describe('a broken copy of the sample’s annual reports', () => {
  let r: BuildResult;
  const lines = () => r.output.split('\n');
  const find = (file: string, text: string) => lines().filter((l) => l.includes(`${DIR}/${file}`) && l.includes(text));

  beforeAll(async () => {
    r = await buildSite({
      name: 'report-broken',
      key: JSON.stringify(BREAKAGES),
      fixture: (dir) => {
        for (const [file, from, to] of BREAKAGES) edit(dir, file, from, to);
      },
    });
  });

  it('fails the build', () => {
    expect(r.exitCode, tail(r)).not.toBe(0);
    expect(r.exitCode).not.toBeNull();
  });

  it('reports the wrong 总计 with both sides of each broken sum and the difference', () => {
    const hits = find('gov-2023.report.yaml', '错误');
    expect(hits.join('\n'), tail(r, 8000)).toContain('表三“总计”列：一+二 = 29，三（七）总计+四 = 28，相差 1。');
    expect(hits.join('\n')).toContain(
      '表三“三、本年度办理结果 （七）总计”行：自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他 = 27，总计 = 26，相差 1。',
    );
    expect(hits.every((l) => /第 37 行/.test(l))).toBe(true);
  });

  it('reports the carry-over that does not match last year’s 四、结转下年度继续办理', () => {
    const hits = find('gov-2025.report.yaml', '错误');
    expect(hits.join('\n'), tail(r, 8000)).toContain(
      '表三“二、上年结转政府信息公开申请数量”的“自然人”是 2，2024 年报告（documents/annual-reports/gov-2024.md）“四、结转下年度继续办理”的“自然人”是 1，相差 1。',
    );
    expect(hits[0]).toMatch(/第 15 行/);
  });

  it('reports the blank cell by its row and column labels', () => {
    const hits = find('gov-2022.report.yaml', '是空的');
    expect(hits, tail(r, 8000)).toHaveLength(1);
    expect(hits[0]).toMatch(
      /第 16 行\s+错误\s+表三 （一）予以公开 \/ table3\.granted：表三“三、本年度办理结果 （一）予以公开”的“商业企业”是空的。/,
    );
  });

  it('warns about the narrative number, quoting the sentence', () => {
    const hits = find('gov-2024.md', '警告');
    expect(hits.join('\n'), tail(r, 8000)).toContain(
      '说予以公开 16 件，但表三“三、本年度办理结果 （一）予以公开”的“总计”是 15。',
    );
    expect(hits.join('\n')).toContain('正文 / body');
  });

  it('lists them all in one run, errors before warnings, and writes no pages', () => {
    const errorLine = lines().findIndex((l) => l.includes('gov-2025.report.yaml') && l.includes('错误'));
    const warningLine = lines().findIndex((l) => l.includes('gov-2024.md') && l.includes('警告'));
    expect(errorLine).toBeGreaterThan(-1);
    expect(warningLine).toBeGreaterThan(errorLine);
    expect(r.output).not.toMatch(/doc\/[^\s]+\/index\.html/);
  });
});
