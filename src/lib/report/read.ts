// Reading what a report document's frontmatter `report` names: its data file (YAML, the national
// format's tables) and, for reports before 2019, its CSV tables (附表). Problems are reported with
// the file and line; what could be read is returned for the checks and the pages.
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { diag } from '../diagnostics.ts';
import type { DocumentFrontmatter } from '../schema/document.ts';
import { readTextFile } from '../text-file.ts';
import type { Diagnostic } from '../types.ts';
import { parseYamlSource, type YamlSource } from '../yaml-source.ts';
import { readReportData, type ReportData } from './data.ts';
import type { FormatId } from './formats.ts';

/** A table of a report before 2019, from a CSV file: its first row is the header. */
export interface ReportTable {
  title: string;
  /** Path of the CSV file, relative to the content directory. */
  source: string;
  header: string[];
  rows: string[][];
}

/** What a document's `report` holds, as read. */
export interface ReportInfo {
  /** The year the report covers: the data file's, else frontmatter `report.year`. */
  year?: number;
  /** The national format of the data file, or 'free' (a report before 2019: Markdown and CSV tables). */
  format: FormatId | 'free';
  data?: ReportData;
  /** Path of the data file, relative to the content directory. */
  dataFile?: string;
  /** Lines of the data file's rows ('table3.granted' → 12), for messages about them. */
  dataLines?: Record<string, number>;
  tables: ReportTable[];
  knownDefects: { rule: string; reason: string }[];
  /**
   * What the report checks found, set by loadSite after the checks ran (src/lib/site.ts): the
   * 年报 index shows whether a report's checks pass, and whether it was published late.
   */
  status?: ReportStatus;
}

export interface ReportStatus {
  /** Findings of the report checks (codes 'report-…') still errors or warnings; acknowledged ones are warnings. */
  errors: number;
  warnings: number;
  /** Known defects the report acknowledges (its frontmatter), shown as a notice on its page. */
  acknowledged: { rule: string; reason: string; message: string }[];
  /** Set when the report was published after its deadline. */
  late?: { deadline: string; published: string };
}

type ReportField = NonNullable<DocumentFrontmatter['report']>;

/**
 * Reads the files a report names. `line` gives a frontmatter path's line; `exists` says whether a
 * content-relative path is a regular file in the document's folder (attachments' rules).
 */
export function readReport(
  contentDir: string,
  file: string,
  dir: string,
  report: ReportField,
  line: (path: (string | number)[]) => number | undefined,
  exists: (rel: string) => boolean,
): { info: ReportInfo; files: string[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const info: ReportInfo = { year: report.year, format: 'free', tables: [], knownDefects: report.known_defects ?? [] };
  const locate = (written: string, at: (string | number)[], what: string): string | undefined => {
    const rel = path.posix.normalize(path.posix.join(dir, written));
    if (!rel.startsWith(dir + '/') || !exists(rel)) {
      diagnostics.push(
        diag('error', 'missing-report-file', file, `${what}“${written}”不存在（应在本文件所在目录中：${rel}）。`, {
          line: line(at),
          field: 'report',
          fix: '把文件放在 Markdown 文件旁边，或改正文件名（注意扩展名和全角/半角字符）。',
        }),
      );
      return undefined;
    }
    files.push(rel);
    return rel;
  };

  if (report.data) {
    const rel = locate(report.data, ['report', 'data'], '年报数据文件');
    const read = rel ? readTextFile(contentDir, rel) : undefined;
    if (read && !read.ok) diagnostics.push(read.diagnostic);
    if (rel && read?.ok) {
      const src = parseYamlSource(read.text, rel);
      diagnostics.push(...src.diagnostics);
      if (!src.diagnostics.length) {
        const r = readReportData(src, rel);
        diagnostics.push(...r.diagnostics);
        if (r.data) {
          info.data = r.data;
          info.format = r.data.format;
          info.dataFile = rel;
          info.dataLines = rowLines(src, r.data);
          if (report.year !== undefined && report.year !== r.data.year) {
            diagnostics.push(
              diag(
                'error',
                'report-year-mismatch',
                file,
                `报告年度 ${report.year} 与数据文件 ${rel} 中的 ${r.data.year} 不一致。`,
                {
                  line: line(['report', 'year']),
                  field: 'report',
                  fix: '删除 report 中的 year（以数据文件为准），或改正其中一个。',
                },
              ),
            );
          }
          info.year = r.data.year;
        }
      }
    }
  }
  (report.tables ?? []).forEach((t, i) => {
    const rel = locate(t.file, ['report', 'tables', i, 'file'], '附表文件');
    const read = rel ? readTextFile(contentDir, rel) : undefined;
    if (read && !read.ok) diagnostics.push(read.diagnostic);
    if (!rel || !read?.ok) return;
    try {
      const records = parseCsv(read.text, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
      }) as string[][];
      const [header = [], ...rows] = records;
      info.tables.push({ title: t.title, source: rel, header, rows });
    } catch (e) {
      const err = e as { code?: string; message?: string; lines?: number };
      const reason = CSV_ERRORS[err.code ?? ''] ?? `无法读取（${err.message ?? String(e)}）`;
      diagnostics.push(
        diag('error', 'report-csv', rel, `CSV 格式错误：${reason}。`, {
          line: err.lines,
          fix: '用 Excel 或 WPS 打开后“另存为 CSV UTF-8（逗号分隔）”，或检查这一行的引号是否成对。',
        }),
      );
    }
  });
  return { info, files, diagnostics };
}

/** csv-parse's errors that editors' files cause, in Chinese. */
const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: '有一个引号没有结束（引号要成对）',
  CSV_INVALID_CLOSING_QUOTE: '引号结束后紧跟着其他字符',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: '引号结束后紧跟着其他字符',
};

/** The line of each row of a data file that was read ('table3.granted' → 12). */
function rowLines(src: YamlSource, data: ReportData): Record<string, number> {
  const lines: Record<string, number> = {};
  for (const table of ['table2', 'table3', 'table4'] as const) {
    for (const row of Object.keys(data[table])) {
      const line = src.lineOf([table, row]);
      if (line !== undefined) lines[`${table}.${row}`] = line;
    }
  }
  return lines;
}
