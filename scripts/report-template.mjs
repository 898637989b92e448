#!/usr/bin/env node
// npm run report:template -- --publisher ID --year YYYY [--format 2021|2019] [--out FILE]
//
// Writes the zero-filled data file of one publisher's annual report (政府信息公开工作年度报告):
// every row of the national format's tables with its Chinese label as a comment, and a
// `# yaml-language-server: $schema=` line pointing at the committed JSON Schema (schemas/) so an
// editor's editor validates the numbers as they are typed. The publisher is looked up in the
// content folder's bodies.yaml (GONGKAI_CONTENT, default content/). The format follows the year
// (docs/domain.md §13): 2019 and 2020 → the 2019 trial format, 2021 on → the 2021 format; reports
// before 2019 have no national format and no data file (free Markdown, CSV tables beside it).
// Never overwrites a file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { reportTemplate } from '../src/lib/report/data.ts';
import { FORMATS } from '../src/lib/report/formats.ts';
import { schemaFile } from '../src/lib/report/schema-files.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const USAGE = `用法：npm run report:template -- --publisher 机构id --year 年度 [--format 2021|2019] [--out 文件]

  --publisher, -p  发布机构：bodies.yaml 中的 id（或机构全称）
  --year, -y       报告年度：统计的年份（2024 年的年报写 2024，不是发布的年份）
  --format         年报格式：2019、2020 年度默认 2019 年试行格式，2021 年度起默认 2021 年格式
  --out, -o        数据文件的路径；默认 content/documents/annual-reports/<id>-<年度>.report.yaml
                   （内容目录由 GONGKAI_CONTENT 指定时在该目录下）。数据文件要和年报的 Markdown 文件放在同一目录。`;

/** The format a report of `year` is written in: 2019 and 2020 → '2019', later → '2021'. */
export const formatForYear = (year) => (year >= 2021 ? '2021' : '2019');

/** The current year in Asia/Shanghai. */
function currentYear() {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
}

const toPosix = (p) => p.split(path.sep).join('/');
/** A path as shown: relative to `cwd` when inside it, else absolute. */
const shownPath = (cwd, p) => {
  const rel = path.relative(cwd, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? toPosix(rel) : p;
};

/**
 * When the report is due (条例 第四十九条, docs/domain.md §10): the body's report_deadline, else
 * 01-31 for a 政府部门 and 03-31 for a people's government's whole-area report; 乡镇 and 街道 are set locally.
 */
export function deadlineText(body, year) {
  const next = year + 1;
  const md = (d) => `${next} 年 ${Number(d.slice(0, 2))} 月 ${Number(d.slice(3, 5))} 日`;
  const level = String(body.level ?? '');
  if (typeof body.report_deadline === 'string' && /^\d\d-\d\d$/.test(body.report_deadline))
    return `发布日期 published 不晚于 ${md(body.report_deadline)}（bodies.yaml 中该机构的 report_deadline）。`;
  if (/政府部门$/.test(level)) return `发布日期 published 不晚于 ${md('01-31')}（县级以上人民政府部门的期限）。`;
  if (/^(省级|市级|县级)人民政府$/.test(level))
    return `发布日期 published 不晚于 ${md('03-31')}（人民政府年度报告的期限）。`;
  return '发布日期 published 按本地规定的期限填写（可在 bodies.yaml 中为该机构写 report_deadline: "MM-DD"）。';
}

/**
 * Runs the command: `args` as after `--`; returns the exit status and the lines printed, so that
 * the unit test runs it in-process.
 */
export function run(args, { cwd = process.cwd(), env = process.env, thisYear = currentYear() } = {}) {
  const out = [];
  const err = [];
  const fail = (...lines) => {
    err.push(...lines);
    return { status: 1, out, err };
  };

  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        publisher: { type: 'string', short: 'p' },
        year: { type: 'string', short: 'y' },
        format: { type: 'string' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    // parseArgs' own message is English: name the argument in Chinese
    const arg = /'([^']+)'/.exec(e instanceof Error ? e.message : '')?.[1];
    const what =
      e?.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
        ? `参数 ${arg ?? ''} 后面缺少值。`
        : e?.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
          ? `无法识别的参数“${arg ?? ''}”：每个值前要写参数名，例如 --year 2024。`
          : `无法识别的参数${arg ? `“${arg}”` : ''}。`;
    return fail(what, '', USAGE);
  }
  if (values.help) {
    out.push(USAGE);
    return { status: 0, out, err };
  }
  if (!values.publisher || !values.year) {
    const missing = [!values.publisher && '--publisher', !values.year && '--year'].filter(Boolean);
    return fail(`缺少参数 ${missing.join('、')}。`, '', USAGE);
  }

  // year
  const yearText = values.year.trim();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!Number.isInteger(year) || year < 2008 || year > thisYear) {
    return fail(
      `报告年度“${values.year}”不对：应为 2008 年（《政府信息公开条例》施行）至 ${thisYear} 年之间的四位年份，` +
        '即报告统计的年份（2024 年的年报写 2024）。',
    );
  }
  if (year < 2019) {
    return fail(
      `${year} 年度的年报没有全国统一格式（2019 年试行格式从 2019 年度起使用），不需要数据文件。`,
      '请把报告正文按原样写成 Markdown；附表存为 CSV 文件（UTF-8，第一行为表头，可用 Excel/WPS“另存为 CSV UTF-8”），',
      '放在 Markdown 文件旁边，并在 frontmatter 中写：',
      `  report: { year: ${year}, tables: [{ file: 附表.csv, title: 附表 }] }`,
    );
  }

  // format
  const expected = formatForYear(year);
  const formatId = values.format?.trim() ?? expected;
  if (!(formatId in FORMATS)) {
    return fail(
      `年报格式“${values.format}”无法识别：只能写 2021（2021 年度及以后）或 2019（2019、2020 年度）。`,
      `${year} 年度的年报默认使用 ${FORMATS[expected].name}，可以不写 --format。`,
    );
  }
  const format = FORMATS[formatId];

  // publisher
  const contentDir = path.resolve(cwd, env.GONGKAI_CONTENT || 'content');
  const bodiesFile = path.join(contentDir, 'bodies.yaml');
  if (!existsSync(bodiesFile)) {
    return fail(
      `找不到机构清单 ${shownPath(cwd, bodiesFile)}。`,
      '在内容目录中运行，或用 GONGKAI_CONTENT 指定内容目录。',
    );
  }
  let bodies;
  try {
    bodies = parseYaml(readFileSync(bodiesFile, 'utf8'));
  } catch (e) {
    return fail(
      `bodies.yaml 无法读取：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      '先运行 npm run check 查看并改正。',
    );
  }
  const list = (Array.isArray(bodies) ? bodies : []).filter((b) => b && typeof b === 'object' && b.id && b.name);
  const wanted = values.publisher.trim();
  const body = list.find((b) => String(b.id) === wanted) ?? list.find((b) => String(b.name) === wanted);
  if (!body) {
    const width = Math.max(...list.map((b) => String(b.id).length), 2);
    return fail(
      `发布机构“${wanted}”不在 bodies.yaml 中。可用的机构 id：`,
      ...list.map((b) => `  ${String(b.id).padEnd(width)}  ${b.name}`),
    );
  }
  const id = String(body.id);
  const name = String(body.name);

  // file
  const target = path.resolve(
    cwd,
    values.out ?? path.join(contentDir, 'documents', 'annual-reports', `${id}-${year}.report.yaml`),
  );
  const shown = shownPath(cwd, target);
  if (existsSync(target)) {
    return fail(`文件 ${shown} 已经存在，不会覆盖。`, '如要重新生成，先删除或改名；或用 --out 指定另一个文件名。');
  }
  if (!/\.ya?ml$/i.test(target)) return fail(`数据文件 ${shown} 的扩展名应为 .yaml。`);
  const schemaPath = toPosix(path.relative(path.dirname(target), path.join(REPO, schemaFile(formatId))));
  try {
    writeFileSync(target, reportTemplate(formatId, year, name, schemaPath), { flag: 'wx' });
  } catch (e) {
    const code = e?.code;
    return fail(
      code === 'ENOENT'
        ? `目录 ${shownPath(cwd, path.dirname(target))} 不存在：先建立目录，或用 --out 指定已有目录中的文件。`
        : `无法写入 ${shown}：${e instanceof Error ? e.message : String(e)}`,
    );
  }

  const dataName = path.basename(target);
  const mdName = `${path.basename(target).replace(/(\.report)?\.ya?ml$/i, '')}.md`;
  out.push(`已生成 ${shown}：${name} ${year} 年度政府信息公开工作年度报告的数据文件（${format.name}），各数均为 0。`);
  if (formatId !== expected)
    out.push(`注意：${year} 年度的年报通常使用 ${FORMATS[expected].name}，请确认确实要用 ${format.name}。`);
  const documentsDir = path.join(contentDir, 'documents');
  if (path.relative(documentsDir, target).startsWith('..'))
    out.push(`注意：数据文件不在内容目录的 documents/ 中；它要和年报的 Markdown 文件放在同一目录，否则构建找不到它。`);
  out.push(
    '',
    '下一步：',
    '  1. 按每行注释中的顺序填写数字（没有的写 0，不要留空；不要改动行的英文名称）。',
    `     编辑器装有 YAML 插件（yaml-language-server）时，会按第一行引用的 ${schemaFile(formatId)} 即时检查。`,
    `  2. 在同一目录中写年报的 Markdown 文件（例如 ${mdName}），frontmatter 中加一行：`,
    `       report: { data: ${dataName} }`,
    `     并写 发布机构 publisher: ${name}、体裁 genre: 年报、所属栏目 section: 政府信息公开年报；`,
    `     ${deadlineText(body, year)}`,
    `  3. 正文按六个部分书写：${format.headings.join('、')}。`,
    '     二、三、四部分的表格不必写在正文中：网页按数据文件生成。正文中的“收到申请 N 件”“予以公开 N 件”等数字要与表格一致。',
    '  4. 运行 npm run check：检查表三、表四的勾稽关系、与上年报告的结转、与正文数字是否一致。',
  );
  return { status: 0, out, err };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const r = run(process.argv.slice(2));
  if (r.out.length) console.log(r.out.join('\n'));
  if (r.err.length) console.error(r.err.join('\n'));
  process.exitCode = r.status;
}
