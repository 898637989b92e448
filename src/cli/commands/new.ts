// `gongkai new`: writes a new document for the editor — asks (or takes flags) for 发布机构, 体裁, 栏目,
// 主题分类 and title, offering the known values; gives it the next free 索引号, today's dates and a
// body template for its 体裁 (src/lib/new-document.ts); a 年报 also gets its zero-filled data file.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prompts from '@clack/prompts';
import type { Command } from 'commander';
import { compileIndexPattern, isUsableIndexPattern } from '../../lib/index-no.ts';
import { newDocumentPath, newDocumentText, nextIndexNo, type NewDocumentInput } from '../../lib/new-document.ts';
import { NameIndex } from '../../lib/names.ts';
import { loadSite } from '../../lib/site.ts';
import { run as writeReportTemplate, formatForYear } from '../../../scripts/report-template.mjs';
import { runCheck } from './check.ts';
import { contextOf, EXIT, printJson, UsageError } from '../context.ts';

interface NewOptions {
  title?: string;
  publisher?: string;
  genre?: string;
  topic?: string;
  section?: string;
  written?: string;
  published?: string;
  normative?: string;
  docNo?: string;
  year?: string;
}

export function registerNew(program: Command): void {
  program
    .command('new')
    .description('新建一份文件：自动编排下一个索引号，填好日期，按体裁给出正文模板')
    .option('--title <标题>', '标题 / title')
    .option('--publisher <机构>', '发布机构 / publisher：bodies.yaml 中的 id 或全称')
    .option('--genre <体裁>', '体裁 / genre，例如 通知、公告、解读、年报')
    .option('--topic <主题分类>', '主题分类 / topic，例如 综合政务\\政务公开')
    .option('--section <栏目>', '栏目 / section，例如 第二十条第（一）项')
    .option('--written <日期>', '成文日期 / written（默认今天）')
    .option('--published <日期>', '发布日期 / published（默认今天）')
    .option('--normative <类别>', '规范性文件类别 / normative：规章 或 行政规范性文件')
    .option('--doc-no <文号>', '文号 / doc_no')
    .option('--year <年度>', '年报的报告年度（默认去年）')
    .action(async (options: NewOptions, command: Command) => {
      process.exitCode = await runNew(contextOf(command), options);
    });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function runNew(ctx: ReturnType<typeof contextOf>, options: NewOptions): Promise<number> {
  const site = loadSite(ctx.contentDir, { today: ctx.today, now: ctx.now });
  const { settings } = site;
  const names = new NameIndex(site.publishers, site.topics, site.genres, site.sections);
  if (!isUsableIndexPattern(settings.indexNo.pattern))
    throw new UsageError('site.yaml 中的索引号格式 index_no.pattern 不可用：先运行 npx gongkai check 改正。');
  const interactive = !ctx.json && process.stdin.isTTY && process.stdout.isTTY;
  const ask = async (
    value: string | undefined,
    flag: string,
    question: () => Promise<string | symbol>,
  ): Promise<string> => {
    if (value !== undefined) return value;
    if (!interactive) throw new UsageError(`缺少参数 ${flag}（不在终端中运行时，必须用参数给出）。`);
    const answer = await question();
    if (prompts.isCancel(answer)) throw new UsageError('已取消，没有写入任何文件。');
    return String(answer);
  };
  if (interactive) prompts.intro('新建文件');

  const publisherName = await ask(options.publisher, '--publisher', () =>
    prompts.autocomplete({
      message: '发布机构',
      options: site.publishers.map((p) => ({ value: p.name, label: p.name, hint: p.id })),
    }),
  );
  // the names the checks accept (full names, old names, aliases: names.ts), and the ids
  const publisher = names.publisher(publisherName) ?? site.publishers.find((p) => p.id === publisherName);
  if (!publisher)
    throw new UsageError(
      `发布机构 / publisher（--publisher）“${publisherName}”不在机构清单 bodies.yaml 中。写机构全称或 id：${site.publishers.map((p) => `${p.name}（${p.id}）`).join('、')}；新机构先在 bodies.yaml 中添加。`,
    );
  const genreName = await ask(options.genre, '--genre', () =>
    prompts.select({ message: '体裁', options: site.genres.map((g) => ({ value: g.name, label: g.name })) }),
  );
  const genre = names.genre(genreName) ?? site.genres.find((g) => g.id === genreName);
  if (!genre)
    throw new UsageError(
      `体裁 / genre（--genre）“${genreName}”不是已知的体裁。可写：${site.genres.map((g) => g.name).join('、')}；新体裁先在 genres.yaml 中添加。`,
    );
  const annual = genre.id === 'annual-report';
  const reportYear = annual ? Number(options.year ?? Number(ctx.today.slice(0, 4)) - 1) : undefined;
  if (annual && !(reportYear! >= 2008 && reportYear! <= Number(ctx.today.slice(0, 4))))
    throw new UsageError(
      `报告年度（--year）“${options.year}”不对：写报告统计的年份，四位数字，例如 --year 2025（2008 年至今年）。`,
    );
  const title = await ask(
    options.title ?? (annual ? `${publisher.name}${reportYear}年政府信息公开工作年度报告` : undefined),
    '--title',
    () =>
      prompts.text({
        message: '标题',
        placeholder: `${publisher.name}关于……的通知`,
        validate: (v) => (v?.trim() ? undefined : '标题不能为空'),
      }),
  );
  const topicName = await ask(options.topic ?? (annual ? '综合政务\\政务公开' : undefined), '--topic', () =>
    prompts.autocomplete({
      message: '主题分类（可输入文字筛选）',
      options: site.topics.map((t) => ({ value: t.fullName, label: t.fullName })),
    }),
  );
  const { topic } = names.topic(topicName);
  if (!topic)
    throw new UsageError(
      `主题分类 / topic（--topic）“${topicName}”不在主题分类表中：写“大类\\小类”，例如 综合政务\\政务公开（全部分类见 docs/design.md）。`,
    );
  const sectionName = await ask(options.section ?? (annual ? '政府信息公开年报' : undefined), '--section', () =>
    prompts.select({
      message: '栏目',
      options: site.sections.map((s) => ({ value: s.name, label: s.name, hint: s.description })),
    }),
  );
  const section = names.section(sectionName) ?? site.sections.find((s) => s.id === sectionName);
  if (!section)
    throw new UsageError(
      `栏目 / section（--section）“${sectionName}”不是已知的栏目。可写：${site.sections.map((s) => s.name).join('、')}`,
    );
  let normative = options.normative;
  if (normative === undefined && interactive && !annual && genre.id !== 'interpretation') {
    const answer = await prompts.select({
      message: '是否为规范性文件',
      options: [
        { value: '', label: '否' },
        { value: '行政规范性文件', label: '行政规范性文件' },
        { value: '规章', label: '规章' },
      ],
    });
    if (prompts.isCancel(answer)) throw new UsageError('已取消，没有写入任何文件。');
    normative = answer || undefined;
  }
  if (normative && normative !== '规章' && normative !== '行政规范性文件')
    throw new UsageError(
      `规范性文件类别 / normative（--normative）“${normative}”不对：只能写 规章 或 行政规范性文件；不是规范性文件时不写这个参数。`,
    );
  const written = options.written ?? ctx.today;
  const published = options.published ?? ctx.today;
  for (const [flag, v] of [
    ['--written', written],
    ['--published', published],
  ] as const)
    if (!DATE.test(v))
      throw new UsageError(
        `${flag === '--written' ? '成文日期 / written' : '发布日期 / published'}（${flag}）“${v}”不对：写成 年-月-日，例如 ${ctx.today}。`,
      );

  const pattern = compileIndexPattern(settings.indexNo.pattern);
  const code = publisher.code ?? settings.organisation.code;
  const yearDate = settings.indexNo.yearFrom === 'written' ? written : published;
  const indexNo = nextIndexNo(
    pattern,
    code,
    yearDate,
    site.documents.map((d) => d.indexNo),
  );
  const input: NewDocumentInput = {
    title: title.trim(),
    publisher,
    genre: genre.name,
    topic: topic.fullName,
    section: section.name,
    written,
    published,
    normative,
    docNo: options.docNo,
    reportYear,
  };
  const rel = newDocumentPath(input, indexNo);
  const file = path.join(ctx.contentDir, rel);
  if (existsSync(file))
    throw new UsageError(
      `文件 ${ctx.contentPrefix}${rel} 已经存在，不会覆盖：核对是否已经新建过；确需另建时先把已有的文件改名。`,
    );
  const written_: string[] = [];
  if (annual) {
    if (reportYear! < 2019)
      throw new UsageError(
        `${reportYear} 年度的年报没有全国统一格式：请直接写 Markdown，附表存为 CSV（见 docs/编辑指南.md）。`,
      );
    const dataFile = file.replace(/\.md$/, '.report.yaml');
    mkdirSync(path.dirname(file), { recursive: true });
    const made = writeReportTemplate(['--publisher', publisher.id, '--year', String(reportYear), '--out', dataFile], {
      env: { GONGKAI_CONTENT: ctx.contentDir },
    });
    if (made.status !== 0) throw new UsageError(made.err.join('\n'));
    input.reportData = path.basename(dataFile);
    written_.push(
      `${ctx.contentPrefix}${path.relative(ctx.contentDir, dataFile).split(path.sep).join('/')}（${formatForYear(reportYear!)} 年格式的数据文件，各数均为 0）`,
    );
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, newDocumentText(input, indexNo), { flag: 'wx' });
  written_.unshift(`${ctx.contentPrefix}${rel}`);

  if (ctx.json) {
    printJson({ file: `${ctx.contentPrefix}${rel}`, indexNo, files: written_ });
    return EXIT.ok;
  }
  const lines = [
    `已新建 ${written_.join('、')}`,
    `索引号：${indexNo}`,
    '下一步：写正文和关键词，保存后运行 npx gongkai check 检查，再提交。',
  ];
  if (interactive) prompts.outro(lines.join('\n'));
  else console.log(lines.join('\n'));
  // the new file as the build will see it (a template has no errors; the column's others are not listed)
  return runCheck({ ...ctx, json: false }, [file]);
}
