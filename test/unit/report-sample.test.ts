// The sample column's annual reports (content/documents/annual-reports/): the column loads with no
// error, every report's data is read, and the figures hold together as issue 11 asks of the sample,
// recomputed here from the data independently of the report checks: table 3's sums, table 4's
// blocks, 示例县人民政府's four consecutive 2021-format years with carry-overs and 现行有效件数
// chained, and 本年制发/本年废止 equal to the catalogue's normative documents of the year.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataRows, FORMATS } from '../../src/lib/report/formats.ts';
import { loadSite } from '../../src/lib/site.ts';
import type { DocumentMeta } from '../../src/lib/types.ts';

const site = loadSite(path.resolve(import.meta.dirname, '../../content'), { today: '2026-11-27' });
const reports = site.documents.filter((d) => d.report);
const byName = (publisher: string) =>
  reports.filter((d) => d.publisher === publisher).sort((a, b) => a.report!.year! - b.report!.year!);

describe('the sample column with its annual reports', () => {
  it('loads with no error', () => {
    expect(site.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  });

  it('has the reports issue 11 asks for', () => {
    const summary = reports
      .map((d) => `${d.publisher} ${d.report!.year} ${d.report!.format}${d.report!.tables.length ? ' +CSV' : ''}`)
      .sort();
    expect(summary).toEqual([
      '喀尔钦镇人民政府 2021 2021',
      '示例县人民政府 2022 2021',
      '示例县人民政府 2023 2021',
      '示例县人民政府 2024 2021',
      '示例县人民政府 2025 2021',
      '示例县财政局 2020 2019',
      '示例镇人民政府 2024 2021',
      '赤门乡人民政府 2018 free +CSV',
    ]);
    const chimen = byName('赤门乡人民政府')[0]!.report!;
    expect(chimen.tables[0]).toMatchObject({ title: '附表', header: ['指标', '2018年', '历年累计'] });
    expect(chimen.tables[0]!.rows).toHaveLength(15);
  });

  it.each(reports.filter((d) => d.report!.data).map((d) => [d.file, d] as const))(
    '%s: table 3 and table 4 add up',
    (_file, d: DocumentMeta) => {
      const data = d.report!.data!;
      const format = FORMATS[data.format];
      const t3 = data.table3;
      const problems: string[] = [];
      for (const [id, row] of Object.entries(t3))
        if (row.slice(0, 6).reduce((a, b) => a + b, 0) !== row[6]) problems.push(`row ${id}`);
      const leaves = dataRows(format).filter((r) => r.outcome);
      for (let c = 0; c < 7; c++) {
        if (t3.new_received![c]! + t3.carried_over![c]! !== t3.total![c]! + t3.carried_forward![c]!)
          problems.push(`column ${c}: 一+二 ≠ （七）+四`);
        if (leaves.reduce((a, r) => a + t3[r.id]![c]!, 0) !== t3.total![c]) problems.push(`column ${c}: leaves`);
      }
      for (const [id, row] of Object.entries(data.table4))
        if (row.slice(0, 4).reduce((a, b) => a + b, 0) !== row[4]) problems.push(`table 4 ${id}`);
      expect(problems).toEqual([]);
    },
  );

  it('示例县人民政府: four consecutive 2021-format years, non-zero, chained', () => {
    const gov = byName('示例县人民政府');
    expect(gov.map((d) => d.report!.year)).toEqual([2022, 2023, 2024, 2025]);
    for (const d of gov) {
      expect(d.report!.format).toBe('2021');
      expect(d.report!.data!.table3.new_received![6]).toBeGreaterThan(0);
      // published by the deadline of bodies.yaml (03-31 of the next year)
      expect(d.published <= `${d.report!.year! + 1}-03-31`, d.file).toBe(true);
    }
    for (let i = 1; i < gov.length; i++) {
      const [a, b] = [gov[i - 1]!.report!.data!, gov[i]!.report!.data!];
      expect(b.table3.carried_over, `二 of ${b.year} = 四 of ${a.year}`).toEqual(a.table3.carried_forward);
      const [issued, repealed, inForce] = b.table2.normative!;
      expect(inForce, `现行有效件数 ${b.year}`).toBe(a.table2.normative![2]! + issued! - repealed!);
    }
  });

  it('本年制发/本年废止 equal the catalogue: normative documents by 成文日期 and 废止日期', () => {
    for (const d of reports.filter((r) => r.report!.data?.format === '2021')) {
      const { year, table2 } = d.report!.data!;
      const own = site.documents.filter((o) => o.publisher === d.publisher && o.normative === '行政规范性文件');
      const issued = own.filter((o) => o.written.startsWith(`${year}-`)).length;
      const repealed = own.filter((o) => o.repealed?.startsWith(`${year}-`)).length;
      expect([table2.normative![0], table2.normative![1]], `${d.file}`).toEqual([issued, repealed]);
    }
  });
});
