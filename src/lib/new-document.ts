// A new document as `gongkai new` writes it (src/cli/commands/new.ts): the next free 索引号 of a
// publisher and month/year in the site's pattern, the file's place, and a frontmatter + body
// template per 体裁. Plain functions over what loadSite read; the command asks the questions.
import { stringify } from 'yaml';
import { formatIndexNo, type IndexPattern } from './index-no.ts';

/** What the editor chose. Dates are YYYY-MM-DD. */
export interface NewDocumentInput {
  title: string;
  publisher: { id: string; name: string; code?: string };
  genre: string; // 体裁 name, e.g. 通知
  topic: string; // 主题分类 full name, e.g. 综合政务\政务公开
  section?: string; // 栏目 name
  written: string; // 成文日期
  published: string; // 发布日期
  /** 规章 | 行政规范性文件: a normative document also gets `validity: 有效`. */
  normative?: string;
  docNo?: string; // 文号
  /** A 年报's data file name (beside the Markdown), when one was written. */
  reportData?: string;
  reportYear?: number;
}

/**
 * The next free 索引号 for a code and date in the site's pattern: one more than the highest serial
 * already used with the same code and period (year, or year and month when the pattern has
 * {yyyymm}); serials are counted per code and year in both cases, as 索引号 registers number them.
 */
export function nextIndexNo(pattern: IndexPattern, code: string, date: string, existing: Iterable<string>): string {
  const year = date.slice(0, 4);
  let max = 0;
  for (const indexNo of existing) {
    const parts = pattern.parse(indexNo);
    if (!parts || parts.code?.toUpperCase() !== code.toUpperCase() || parts.year !== year) continue;
    max = Math.max(max, Number(parts.serial ?? 0));
  }
  return formatIndexNo(pattern.source, code, date, max + 1);
}

/** Where the file goes: documents/<year of 发布日期>/<publisher id>-<serial>.md (年报: documents/annual-reports/<id>-<year>.md). */
export function newDocumentPath(input: NewDocumentInput, indexNo: string): string {
  if (input.reportYear) return `documents/annual-reports/${input.publisher.id}-${input.reportYear}.md`;
  const serial = /(\d+)\D*$/.exec(indexNo)?.[1] ?? '1';
  return `documents/${input.published.slice(0, 4)}/${input.publisher.id}-${serial}.md`;
}

/** 2024-06-12 → 2024年6月12日 (the date line under a signature). */
export const chineseDate = (date: string) =>
  `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** The Markdown file: frontmatter in the field order of README's example, then a body template for the 体裁. */
export function newDocumentText(input: NewDocumentInput, indexNo: string): string {
  const fields: Record<string, unknown> = {
    title: input.title,
    index_no: indexNo,
    publisher: input.publisher.name,
    topic: input.topic,
    genre: input.genre,
  };
  if (input.docNo) fields.doc_no = input.docNo;
  fields.written = input.written;
  fields.published = input.published;
  if (input.normative) {
    fields.normative = input.normative;
    fields.validity = '有效';
  }
  fields.keywords = [];
  if (input.section) fields.section = input.section;
  if (input.reportData) fields.report = { data: input.reportData };
  // quoted codes and dates as text (docs/decisions.md §3): the yaml package quotes what would read as another type
  let front = stringify(fields, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  front = front
    .replace(/^index_no: (?!")(.*)$/m, 'index_no: "$1"')
    .replace(/^(written|published): "(.*)"$/gm, '$1: $2');
  const hints = [
    '# 内容概述（可选，不写则取正文第一句）：summary: ……',
    input.docNo ? undefined : '# 文号（有文号的公文填写，例如 示政办〔2024〕5号）：doc_no: ……',
    input.genre === '解读'
      ? '# 解读的政策：interprets: 政策的索引号（本栏目内），或 { title: 标题, url: 网址 }'
      : undefined,
    '# 附件：attachments: [{ file: 附件1.pdf, title: 附件1：…… }]',
  ].filter(Boolean);
  return `---\n${front}${hints.join('\n')}\n---\n\n${bodyTemplate(input)}`;
}

function bodyTemplate(input: NewDocumentInput): string {
  const signature = `${input.publisher.name}\n\n${chineseDate(input.written)}`;
  switch (input.genre) {
    case '年报':
      return [
        `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布${input.publisher.name}${input.reportYear ?? ''}年度政府信息公开工作年度报告。`,
        '## 一、总体情况',
        '（主动公开、依申请公开、政府信息管理、平台建设、监督保障等情况）',
        '## 二、主动公开政府信息情况',
        '（表格由数据文件生成，此处不写表格）',
        '## 三、收到和处理政府信息公开申请情况',
        '## 四、政府信息公开行政复议、行政诉讼情况',
        '## 五、存在的主要问题及改进情况',
        '## 六、其他需要报告的事项',
        '（信息处理费收取情况等）',
        '',
      ].join('\n\n');
    case '解读':
      return [
        `近日，${input.publisher.name}印发了《（政策名称）》。现就有关问题解读如下。`,
        '## 一、出台背景',
        '## 二、主要内容',
        '## 三、政策咨询',
        '',
      ].join('\n\n');
    case '公告':
    case '通告':
      return ['（公告正文）', '特此公告。', signature, ''].join('\n\n');
    case '公示':
      return [
        '（公示内容。公示个人信息前请核对：身份证号、手机号等不得完整公开。）',
        `公示期：自发布之日起 （ ） 个工作日。`,
        signature,
        '',
      ].join('\n\n');
    default:
      return [
        '各有关单位：',
        input.normative ? '现将《（文件名称）》印发给你们，请认真贯彻执行。' : '（正文）',
        signature,
        '（此件公开发布）',
        '',
      ].join('\n\n');
  }
}
