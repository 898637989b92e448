// The data file of an annual report (its tables), beside the report's Markdown: its zod schema
// (built from the format definitions, so the JSON Schema editors validate against is the one the
// build uses), reading it with every problem named by its cell's labels, and the zero-filled
// template `npm run report:template` writes.
import { isScalar } from 'yaml';
import { z } from 'zod';
import { diag } from '../diagnostics.ts';
import type { Diagnostic } from '../types.ts';
import type { YamlSource } from '../yaml-source.ts';
import {
  FORMATS,
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  dataRows,
  table3Path,
  type CellKind,
  type Column,
  type FormatId,
  type ReportFormat,
} from './formats.ts';

/** An annual report's tables as read: one array per row, in the format's column order. */
export interface ReportData {
  format: FormatId;
  year: number;
  table2: Record<string, number[]>;
  table3: Record<string, number[]>;
  table4: Record<string, number[]>;
  /** Money cells as the editor wrote them ('5949.088667'), by 'table2.<row>.<column index>'. */
  written: Record<string, string>;
}

const TABLE_NAMES = { table2: '表二', table3: '表三', table4: '表四' } as const;
export type TableKey = keyof typeof TABLE_NAMES;

const cellSchema = (kind: CellKind, description: string) => {
  const base = kind === 'money' ? z.number().min(0) : kind === 'signed' ? z.number().int() : z.number().int().min(0);
  return base.describe(description);
};

const rowSchema = (columns: Column[], rowLabel: string) =>
  z
    .tuple(
      columns.map((c) => cellSchema(c.kind, `${c.label}（${KIND_TEXT[c.kind]}）`)) as [z.ZodNumber, ...z.ZodNumber[]],
    )
    .describe(`${rowLabel}：${columns.map((c) => c.label).join('、')}`);

/** What a cell must be, for messages. */
const KIND_RULE: Record<CellKind, string> = { count: '不小于 0 的整数', signed: '整数', money: '不小于 0 的数' };

/** What a cell holds, for the JSON Schema's descriptions. */
const KIND_TEXT: Record<CellKind, string> = {
  count: '不小于 0 的整数',
  signed: '整数，可以为负',
  money: '不小于 0 的数，按填写原样显示',
};

/** The zod schema of a data file in one format; z.toJSONSchema of it is what editors validate against. */
export function reportDataSchema(format: ReportFormat) {
  // built once per format: building it is ~10 ms (zod), and a column holds hundreds of reports
  let schema = SCHEMAS.get(format);
  if (!schema) SCHEMAS.set(format, (schema = buildReportDataSchema(format)));
  return schema;
}

const SCHEMAS = new Map<ReportFormat, ReturnType<typeof buildReportDataSchema>>();

function buildReportDataSchema(format: ReportFormat) {
  const table2 = Object.fromEntries(
    format.table2.flatMap((b) => b.rows.map((r) => [r.id, rowSchema(b.columns, `${b.heading} ${r.label}`)])),
  );
  const table3 = Object.fromEntries(dataRows(format).map((r) => [r.id, rowSchema(TABLE3_COLUMNS, r.label)]));
  const table4 = Object.fromEntries(
    format.table4.map((b) => [b.id, rowSchema(TABLE4_COLUMNS, b.parent ? `${b.parent}（${b.label}）` : b.label)]),
  );
  return z
    .object({
      format: z.literal(format.id).describe(`年报格式：${format.name}`),
      year: z.number().int().min(2008).max(2100).describe('报告年度（统计的年份，不是发布年份）'),
      table2: z.strictObject(table2).describe(`表二 主动公开政府信息情况`),
      table3: z
        .strictObject(table3)
        .describe(
          `表三 收到和处理政府信息公开申请情况（每行 7 个数：${TABLE3_COLUMNS.map((c) => c.label).join('、')}）`,
        ),
      table4: z
        .strictObject(table4)
        .describe(
          `表四 政府信息公开行政复议、行政诉讼情况（每行 5 个数：${TABLE4_COLUMNS.map((c) => c.label).join('、')}）`,
        ),
    })
    .describe(`政府信息公开工作年度报告数据（${format.name}）`);
}

/** JSON Schema of a format's data file, for editors' editors (schemas/annual-report-<format>.schema.json). */
export function reportJsonSchema(format: ReportFormat): object {
  return { ...z.toJSONSchema(reportDataSchema(format)), title: `政府信息公开工作年度报告数据（${format.name}）` };
}

/** 'table3.granted.0' → '表三“（一）予以公开”行“自然人”列' (the cell named by its labels). */
export function cellName(format: ReportFormat, table: TableKey, rowId: string, column?: number): string {
  if (table === 'table2') {
    const block = format.table2.find((b) => b.rows.some((r) => r.id === rowId));
    const row = block?.rows.find((r) => r.id === rowId);
    const col = column !== undefined ? block?.columns[column] : undefined;
    return `表二 ${block?.heading ?? ''}“${row?.label ?? rowId}”${col ? `的“${col.label}”` : ''}`;
  }
  if (table === 'table3') {
    const path = table3Path(format, rowId).map((r) => r.label);
    const col = column !== undefined ? TABLE3_COLUMNS[column] : undefined;
    return `表三“${path.join(' ') || rowId}”${col ? `的“${col.label}”` : ''}`;
  }
  const block = format.table4.find((b) => b.id === rowId);
  const col = column !== undefined ? TABLE4_COLUMNS[column] : undefined;
  const name = block ? (block.parent ? `${block.parent}（${block.label}）` : block.label) : rowId;
  return `表四“${name}”${col ? `的“${col.label}”` : ''}`;
}

const columnsOf = (format: ReportFormat, table: TableKey, rowId: string): Column[] =>
  table === 'table3'
    ? TABLE3_COLUMNS
    : table === 'table4'
      ? TABLE4_COLUMNS
      : (format.table2.find((b) => b.rows.some((r) => r.id === rowId))?.columns ?? []);

/** Reads a parsed data file: every problem named by its cell; the data when there is none. */
export function readReportData(src: YamlSource, file: string): { data?: ReportData; diagnostics: Diagnostic[] } {
  const value = src.value as { format?: unknown } | null;
  const formatId = String(value?.format ?? '');
  const format = FORMATS[formatId as FormatId];
  if (!format) {
    return {
      diagnostics: [
        diag('error', 'report-format', file, `年报格式“${formatId}”无法识别。`, {
          line: src.lineOf(['format']) ?? 1,
          field: 'format',
          fix: '写 format: "2021"（2021 年及以后的年报）或 format: "2019"（2019、2020 年的年报）。',
        }),
      ],
    };
  }
  const r = reportDataSchema(format).safeParse(src.value, { reportInput: true });
  if (r.success) {
    const data: ReportData = { ...r.data, written: {} };
    for (const block of format.table2) {
      block.columns.forEach((c, ci) => {
        if (c.kind !== 'money') return;
        for (const row of block.rows) {
          const node = src.doc.getIn(['table2', row.id, ci], true);
          const text = isScalar(node) ? (node as { source?: string }).source : undefined;
          data.written[`table2.${row.id}.${ci}`] = text ?? String(data.table2[row.id]![ci]);
        }
      });
    }
    return { data, diagnostics: [] };
  }
  const diagnostics = r.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const [table, rowId, column] = path as [string | undefined, string | undefined, number | undefined];
    const line = src.lineOf(path);
    const isTable = table === 'table2' || table === 'table3' || table === 'table4';
    if (isTable && (rowId !== undefined || issue.code === 'unrecognized_keys')) {
      return cellDiagnostic(format, table, rowId, column, issue, src, file, line);
    }
    if (table === 'year') {
      const written = 'input' in issue && issue.input !== undefined ? `“${String(issue.input)}”` : '';
      return diag('error', 'report-data', file, `报告年度${written}不对：应为 2008 至 2100 之间的整数年份。`, {
        line: line ?? 1,
        field: 'year',
        fix: '写统计的年份（不是发布年份），例如 year: 2023，不加引号。',
      });
    }
    if (table && (issue.code === 'invalid_type' || issue.code === 'unrecognized_keys')) {
      const message =
        issue.code === 'unrecognized_keys'
          ? `无法识别的项：${issue.keys.join('、')}。`
          : issue.input === undefined
            ? `缺少“${table}”。`
            : `“${table}”的写法不对。`;
      return diag('error', 'report-data', file, message, {
        line,
        field: table,
        fix: '按 npm run report:template 生成的模板填写，不要改动行的名称。',
      });
    }
    return diag('error', 'report-data', file, `数据文件中“${String(table ?? '')}”的写法不对。`, {
      line,
      field: String(table ?? '') || undefined,
      fix: '按 npm run report:template 生成的模板填写：只有 format、year、table2、table3、table4 五项。',
    });
  });
  return { diagnostics };
}

function cellDiagnostic(
  format: ReportFormat,
  table: TableKey,
  rowId: string | undefined,
  column: number | undefined,
  issue: z.core.$ZodIssue,
  src: YamlSource,
  file: string,
  line: number | undefined,
): Diagnostic {
  if (issue.code === 'unrecognized_keys' || rowId === undefined) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const known =
      table === 'table3'
        ? dataRows(format).map((r) => r.id)
        : table === 'table4'
          ? format.table4.map((b) => b.id)
          : format.table2.flatMap((b) => b.rows.map((r) => r.id));
    return diag('error', 'report-data', file, `${TABLE_NAMES[table]}中无法识别的行：${keys.join('、')}。`, {
      line: src.lineOf([table, keys[0] ?? '']) ?? line,
      field: table,
      fix: `行的名称只能是模板中的英文标识（${known.join('、')}）；用 npm run report:template 生成模板。`,
    });
  }
  const field = `${table}.${rowId}`;
  const columns = columnsOf(format, table, rowId);
  if (column === undefined) {
    const written = (src.value as Record<string, Record<string, unknown> | undefined>)[table]?.[rowId];
    const got = Array.isArray(written) ? written.length : 0;
    if (issue.code === 'too_small' && Array.isArray(written)) {
      const missing = columns.slice(got).map((c) => `“${c.label}”`);
      return diag(
        'error',
        'report-blank-cell',
        file,
        `${cellName(format, table, rowId)}少填了 ${missing.length} 个数：${missing.join('、')}是空的。`,
        {
          line,
          field,
          fix: `这一行要按顺序填 ${columns.length} 个数（${columns.map((c) => c.label).join('、')}），没有的写 0。`,
        },
      );
    }
    if (issue.code === 'too_big') {
      return diag(
        'error',
        'report-data',
        file,
        `${cellName(format, table, rowId)}多填了数：只有 ${columns.length} 列。`,
        {
          line,
          field,
          fix: `这一行按顺序填 ${columns.length} 个数：${columns.map((c) => c.label).join('、')}。`,
        },
      );
    }
    const fix = `写成 ${rowId}: [${columns.map(() => 0).join(', ')}]（${columns.map((c) => c.label).join('、')}）。`;
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return diag('error', 'report-blank-cell', file, `缺少${cellName(format, table, rowId)}这一行。`, {
        line,
        field,
        fix,
      });
    }
    return diag('error', 'report-data', file, `${cellName(format, table, rowId)}应写成一行数字，例如 [0, 0, 0]。`, {
      line,
      field,
      fix,
    });
  }
  const cell = cellName(format, table, rowId, column);
  const kind = columns[column]?.kind ?? 'count';
  const input = 'input' in issue ? issue.input : undefined;
  if (input === null || input === undefined) {
    return diag('error', 'report-blank-cell', file, `${cell}是空的。`, {
      line,
      field,
      fix: '填写数字；没有的写 0，不要留空。',
    });
  }
  return diag('error', 'report-cell-value', file, `${cell}的值“${String(input)}”不对：应为${KIND_RULE[kind]}。`, {
    line,
    field,
    fix:
      kind === 'money' ? '金额写数字，例如 12.5（单位见表头），不加单位和逗号。' : '写整数，不加单位、逗号或小数点。',
  });
}

/** Figures to write into a data file instead of zeros, by table and row id (money as written, e.g. '5862.37'). */
export type ReportValues = Partial<Record<TableKey, Record<string, (number | string)[]>>>;

/**
 * A zero-filled data file for one publisher and year, each row's Chinese label as a comment,
 * referencing the format's JSON Schema so an editor's editor validates it as they type. With
 * `values`, the rows it names hold those figures (the seed-cleaning script and the benchmark's
 * generator write filled files in the same layout).
 */
export function reportTemplate(
  formatId: FormatId,
  year: number,
  publisherName: string,
  schemaPath: string,
  values: ReportValues = {},
): string {
  const format = FORMATS[formatId];
  const row = (table: TableKey, id: string, n: number, comment: string) => {
    const given = values[table]?.[id];
    if (given && given.length !== n)
      throw new Error(`${cellName(format, table, id)}：应有 ${n} 个数，给了 ${given.length} 个`);
    return `  ${id}: [${(given ?? new Array(n).fill(0)).join(', ')}] # ${comment}`;
  };
  const known: Record<TableKey, string[]> = {
    table2: format.table2.flatMap((b) => b.rows.map((r) => r.id)),
    table3: dataRows(format).map((r) => r.id),
    table4: format.table4.map((b) => b.id),
  };
  for (const [table, rows] of Object.entries(values) as [TableKey, Record<string, unknown>][])
    for (const id of Object.keys(rows))
      if (!known[table]?.includes(id)) throw new Error(`${TABLE_NAMES[table] ?? table}中没有“${id}”这一行`);
  const lines = [
    `# yaml-language-server: $schema=${schemaPath}`,
    `# ${publisherName} ${year} 年政府信息公开工作年度报告的表格数据（${format.name}）。`,
    '# 只填数字：每行按注释中列出的顺序填写，没有的写 0，不要留空；行的英文名称不要改动。',
    `format: "${format.id}"`,
    `year: ${year}`,
    `table2: # 二、${'主动公开政府信息情况'}`,
    ...format.table2.flatMap((b) =>
      b.rows.map((r) =>
        row('table2', r.id, b.columns.length, `${b.heading} ${r.label}：${b.columns.map((c) => c.label).join('、')}`),
      ),
    ),
    `table3: # 三、收到和处理政府信息公开申请情况；每行 7 个数：${TABLE3_COLUMNS.map((c) => c.label).join('、')}`,
    ...dataRows(format).map((r) =>
      row(
        'table3',
        r.id,
        TABLE3_COLUMNS.length,
        table3Path(format, r.id)
          .map((p) => p.label)
          .join(' '),
      ),
    ),
    `table4: # 四、政府信息公开行政复议、行政诉讼情况；每行 5 个数：${TABLE4_COLUMNS.map((c) => c.label).join('、')}`,
    ...format.table4.map((b) =>
      row('table4', b.id, TABLE4_COLUMNS.length, b.parent ? `${b.parent}（${b.label}）` : b.label),
    ),
  ];
  return lines.join('\n') + '\n';
}
