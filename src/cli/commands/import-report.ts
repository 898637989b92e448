// `gongkai import-report FILE.html|FILE.txt [--publisher ID] [--year YYYY] [--out DIR]`: an annual
// report saved from another portal becomes a report of the column (src/lib/import/report.ts): its
// Markdown and its data file are written under documents/annual-reports/ (or --out), named as
// `npm run report:template` names them; the Chinese report lists what was found, what is still to be
// filled in and what could not be mapped; the 勾稽 sums of the tables are printed, and the column's
// checks run on the new files (sums, narrative figures, headings, carry-over from last year's report).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { FIELD_NAMES, formatDiagnostic } from '../../lib/diagnostics.ts';
import { compileIndexPattern, isUsableIndexPattern } from '../../lib/index-no.ts';
import { fieldLabel, formatNotes } from '../../lib/import/text.ts';
import { FORMATS } from '../../lib/report/formats.ts';
import { schemaFile } from '../../lib/report/schema-files.ts';
import { loadSite } from '../../lib/site.ts';
import { contextOf, EXIT, printJson, type CliContext } from '../context.ts';
import { checkWritten, insideContent, knownBodies, refuse, shown } from './import-doc.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface Options {
  publisher?: string;
  year?: string;
  out?: string;
}

export function registerImportReport(program: Command): void {
  program
    .command('import-report')
    .description('把其他网站上的政府信息公开工作年度报告（保存的网页或复制的文字）导入为年报和年报数据文件')
    .argument('<file>', '保存的网页（.html，GBK 编码也可以）或从网页复制的文字（.txt）')
    .option('--publisher <id>', '发布机构：bodies.yaml 中的 id 或全称（默认按原网页识别）')
    .option('--year <年度>', '报告年度（默认取标题中的年份）')
    .option('--out <dir>', '写入的文件夹（默认：内容文件夹的 documents/annual-reports/）')
    .action(async (file: string, options: Options, command: Command) => {
      process.exitCode = await runImportReport(contextOf(command), file, options);
    });
}

async function runImportReport(ctx: CliContext, file: string, options: Options): Promise<number> {
  const source = path.resolve(file);
  if (!existsSync(source)) return refuse(ctx, `找不到文件 ${file}。`);
  if (/\.(docx?|pdf|xlsx?|wps|et)$/i.test(source))
    return refuse(
      ctx,
      `${file} 不是网页或文字文件：在浏览器中打开年报，“另存为”网页（.html），或全选复制正文和表格后存为 .txt 再导入。`,
    );
  let year: number | undefined;
  if (options.year !== undefined) {
    if (!/^\d{4}$/.test(options.year.trim()))
      return refuse(ctx, `报告年度“${options.year}”不对：写四位年份，即报告统计的年份，例如 --year 2023。`);
    year = Number(options.year.trim());
  }

  const site = loadSite(ctx.contentDir, { today: ctx.today, now: ctx.now });
  // loaded when used, as import-doc's converter
  const { importReport, reportDataFile, reportDocument } = await import('../../lib/import/report.ts');
  const result = importReport(readFileSync(source), {
    fileName: path.basename(source),
    bodies: knownBodies(site),
    publisher: options.publisher,
    year,
  });
  if (result.year === undefined)
    return refuse(ctx, `没有找到报告年度（标题中的“2021年”）：用 --year 指定，例如 --year 2021。`);
  if (result.year < 2019)
    return refuse(
      ctx,
      `${result.year} 年度的年报没有全国统一格式（2019 年试行格式从 2019 年度起使用），不导入为数据文件。` +
        '请把正文写成 Markdown，附表存为 CSV 文件，在 frontmatter 中写 report: { year, tables }（见 npm run report:template 的说明）。',
    );

  // the 索引号 the old page shows, when it fits this site's rule
  let indexNo: string | undefined;
  const pattern = site.settings.indexNo.pattern;
  if (result.page.indexNo) {
    if (isUsableIndexPattern(pattern) && compileIndexPattern(pattern).regex.test(result.page.indexNo))
      indexNo = result.page.indexNo;
    else
      result.notes.push({
        kind: 'info',
        field: 'index_no',
        message: `原网页的索引号“${result.page.indexNo}”不符合本站的索引号规则（${pattern}），未采用：请按本站规则编写。`,
      });
  }

  const dir = options.out ? path.resolve(options.out) : path.join(ctx.contentDir, 'documents', 'annual-reports');
  const stem = `${result.publisher?.id ?? 'report'}-${result.year}`;
  const target = path.join(dir, `${stem}.md`);
  const dataTarget = path.join(dir, `${stem}.report.yaml`);
  const existing = [target, dataTarget].filter((f) => existsSync(f));
  if (existing.length)
    return refuse(
      ctx,
      `${existing.map(shown).join('、')} 已经存在，不会覆盖。先删除或改名，或用 --out 指定另一个文件夹。`,
    );
  const schemaPath = path
    .relative(dir, path.join(REPO, schemaFile(result.format)))
    .split(path.sep)
    .join('/');
  const { markdown, placeholders } = reportDocument(result, path.basename(dataTarget), indexNo);
  // the fields left empty, in frontmatter order, before the other notes
  const missing = placeholders
    .filter((field) => !result.notes.some((n) => n.kind === 'missing' && n.field === field))
    .map((field) => ({ kind: 'missing' as const, field, message: PLACEHOLDER_HELP[field] ?? '请补充。' }));
  result.notes.unshift(...missing);
  const publisherName = result.publisher?.name ?? '（发布机构待补充）';
  mkdirSync(dir, { recursive: true });
  writeFileSync(dataTarget, reportDataFile(result, publisherName, schemaPath), { flag: 'wx' });
  writeFileSync(target, markdown, { flag: 'wx' });
  const sums = result.sums(path.relative(ctx.contentDir, dataTarget).split(path.sep).join('/'));
  const inside = insideContent(ctx, target);

  if (ctx.json) {
    const check = await checkWritten(ctx, [target, dataTarget]);
    printJson({
      source: file,
      encoding: result.encoding,
      format: result.format,
      year: result.year,
      publisher: result.publisher?.id,
      files: { document: shown(target), data: shown(dataTarget) },
      placeholders,
      blanks: result.blanks,
      notes: result.notes,
      sums,
      checked: !!check,
      diagnostics: check?.diagnostics ?? [],
    });
    return check?.status ?? (placeholders.length || sums.length || result.blanks ? EXIT.contentErrors : EXIT.ok);
  }

  console.log(`已导入 ${file} → ${shown(target)} 和 ${shown(dataTarget)}。`);
  console.log('识别到：');
  const found: [string, string | undefined][] = [
    ['title', result.title],
    ['publisher', result.publisher?.name],
    ['report.year', String(result.year)],
    ['written', result.page.written],
    ['published', result.page.published],
    ['index_no', indexNo],
  ];
  for (const [field, value] of found) if (value) console.log(`  ${fieldLabel(field, FIELD_NAMES)}：${value}`);
  console.log(`  年报格式：${FORMATS[result.format].name}；原文编码：${result.encoding}`);
  for (const line of formatNotes(result.notes, FIELD_NAMES)) console.log(line);
  // the sums: the column's check prints them for a data file it can read (no blank cell)
  if (!inside || result.blanks) {
    console.log('');
    if (!sums.length)
      console.log(`勾稽关系检查：表三、表四的各项合计相符${result.blanks ? '（空格按 0 计算）' : ''}。`);
    else {
      console.log(`勾稽关系检查发现 ${sums.length} 处不符${result.blanks ? '（空格按 0 计算）' : ''}：`);
      for (const d of sums) console.log(formatDiagnostic(d, inside ? ctx.contentPrefix : ''));
    }
  }
  const check = await checkWritten(ctx, [target, dataTarget]);
  if (!check) {
    console.log(
      `\n${shown(target)} 不在专栏内容文件夹 ${ctx.contentPrefix} 中，未运行其他检查：移入 documents/ 后运行 npx gongkai check <文件>。`,
    );
    return placeholders.length || sums.length || result.blanks ? EXIT.contentErrors : EXIT.ok;
  }
  return check.status;
}

const PLACEHOLDER_HELP: Record<string, string> = {
  title: '没有找到标题：请填写年报的完整标题。',
  index_no: '索引号按 site.yaml 的索引号规则编写，在本栏目中唯一。',
  publisher: '请填写 bodies.yaml 中的机构全称。',
  written: '没有找到成文日期（文末落款下的日期）：请按 年-月-日 填写。',
  published: '没有找到原网页的发布时间：请按 年-月-日 填写年报的发布日期。',
};
