// The sums inside one report's tables (docs/domain.md §13, 勾稽关系): in table 3, per column
// 一 + 二 = （七）总计 + 四, per row the six applicant columns sum to 总计, per column the
// outcome rows of （一）–（六） sum to （七）总计; in table 4, each block's four results sum to
// its 总计. Every broken sum is an error showing both sides and the difference.
import { diag } from '../diagnostics.ts';
import { cellName, type ReportData } from './data.ts';
import { FORMATS, TABLE3_COLUMNS, TABLE4_COLUMNS, dataRows } from './formats.ts';
import { finding, type Finding } from './finding.ts';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** 'x = 12，y = 11，相差 1' */
const sides = (left: string, a: number, right: string, b: number) =>
  `${left} = ${a}，${right} = ${b}，相差 ${Math.abs(a - b)}`;

const APPLICANTS = TABLE3_COLUMNS.slice(0, -1)
  .map((c) => c.label)
  .join('+');
const RESULTS = TABLE4_COLUMNS.slice(0, -1)
  .map((c) => c.label)
  .join('+');

/** Every broken sum of one report's tables; `file` is the data file, `lines` its rows' lines. */
export function sumFindings(data: ReportData, file: string, lines: Record<string, number> = {}): Finding[] {
  const format = FORMATS[data.format];
  const t3 = data.table3;
  const out: Finding[] = [];
  const totalCol = TABLE3_COLUMNS.length - 1;
  const fix3 = '核对这一列的数字：每份申请在“三、本年度办理结果”中只计一次，未办结的计入“四、结转下年度继续办理”。';

  TABLE3_COLUMNS.forEach((col, c) => {
    const inflow = t3.new_received![c]! + t3.carried_over![c]!;
    const outflow = t3.total![c]! + t3.carried_forward![c]!;
    if (inflow !== outflow) {
      out.push(
        finding(
          `table3.column-sum.${col.id}`,
          diag(
            'error',
            'report-column-sum',
            file,
            `表三“${col.label}”列：${sides('一+二', inflow, '三（七）总计+四', outflow)}。`,
            { line: lines['table3.total'], field: 'table3.total', fix: fix3 },
          ),
        ),
      );
    }
  });

  for (const row of dataRows(format)) {
    const values = t3[row.id]!;
    const parts = sum(values.slice(0, totalCol));
    if (parts !== values[totalCol]) {
      out.push(
        finding(
          `table3.row-sum.${row.id}`,
          diag(
            'error',
            'report-row-sum',
            file,
            `${cellName(format, 'table3', row.id)}行：${sides(APPLICANTS, parts, '总计', values[totalCol]!)}。`,
            {
              line: lines[`table3.${row.id}`],
              field: `table3.${row.id}`,
              fix: '“总计”是前六列（自然人和五类法人或其他组织）之和：核对这一行。',
            },
          ),
        ),
      );
    }
  }

  const outcomes = format.table3.filter((r) => r.outcome);
  TABLE3_COLUMNS.forEach((col, c) => {
    const parts = sum(outcomes.map((r) => t3[r.id]![c]!));
    if (parts !== t3.total![c]) {
      out.push(
        finding(
          `table3.outcome-sum.${col.id}`,
          diag(
            'error',
            'report-outcome-sum',
            file,
            `表三“${col.label}”列：${sides('（一）至（六）各项之和', parts, '（七）总计', t3.total![c]!)}。`,
            {
              line: lines['table3.total'],
              field: 'table3.total',
              fix: '“（七）总计”是（一）至（六）各项（含其下各小项）之和：核对这一列的办理结果。',
            },
          ),
        ),
      );
    }
  });

  for (const block of format.table4) {
    const values = data.table4[block.id]!;
    const parts = sum(values.slice(0, -1));
    const total = values[values.length - 1]!;
    if (parts !== total) {
      out.push(
        finding(
          `table4.block-sum.${block.id}`,
          diag(
            'error',
            'report-table4-sum',
            file,
            `${cellName(format, 'table4', block.id)}：${sides(RESULTS, parts, '总计', total)}。`,
            {
              line: lines[`table4.${block.id}`],
              field: `table4.${block.id}`,
              fix: '“总计”是结果维持、结果纠正、其他结果和尚未审结之和：核对这一组数字。',
            },
          ),
        ),
      );
    }
  }
  return out;
}
