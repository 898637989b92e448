// Frontmatter of a document (content/documents/**/*.md). Each field carries its Chinese label
// and description; types, the label table of messages, the unknown-field and number-not-string
// checks and the field table of docs/design.md are derived from this schema.
import { z } from 'zod';
import { dateString, dateTimeString, field, fieldsOf, httpUrl, nonEmpty } from './common.ts';

export const VALIDITY = ['有效', '失效', '废止'] as const;
export const NORMATIVE = ['规章', '行政规范性文件'] as const;

export const attachmentSchema = z.object({
  file: field(nonEmpty, '附件文件', '附件的文件名，相对于本 Markdown 文件所在目录。', '附件1.pdf'),
  title: field(nonEmpty, '附件名称', '网页上显示的附件名称。', '附件1：示例县政务公开工作要点'),
});

/** A policy published on another site (a provincial or national one): its title and address. */
export const policyRefSchema = z.object({
  title: field(nonEmpty, '政策标题', '本网站以外的政策：文件的完整标题。', '某省最低生活保障办法'),
  url: field(
    httpUrl,
    '政策网址',
    '本网站以外的政策：原文网页的网址，以 http:// 或 https:// 开头。',
    'https://www.example.gov.cn/zcwj/123.html',
  ),
});

/** What `interprets` names: a 索引号 of this column, or a policy published elsewhere. */
const policyItem = z.union([nonEmpty, policyRefSchema]);

export const documentSchema = z.object({
  title: field(nonEmpty, '标题', '文件的完整标题。', '示例县人民政府办公室关于……的通知'),
  index_no: field(
    nonEmpty,
    '索引号',
    '文件在本网站唯一的索引号，按 site.yaml 的索引号规则编写；加引号。',
    '"11999999999900011L/202103-00012"',
  ),
  publisher: field(nonEmpty, '发布机构', '发布机构的全称，必须是 bodies.yaml 中的名称。', '示例县人民政府办公室'),
  topic: field(nonEmpty, '主题分类', '大类\\小类，或只写大类；不加引号或用单引号。', '综合政务\\政务公开'),
  genre: field(nonEmpty, '体裁', '公文种类或其他体裁，如 通知、公告、年报、解读。', '通知'),
  doc_no: field(nonEmpty.optional(), '文号', '发文字号：机关代字〔年份〕序号号。', '示政办〔2021〕5号'),
  written: field(dateString, '成文日期', '文件的成文（生成）日期，年-月-日。', '2021-03-01'),
  published: field(
    dateTimeString,
    '发布日期',
    '在本网站发布的日期，可带时间（北京时间）；晚于今天的文件到期才发布。',
    '2021-03-05 或 2021-03-05 10:30',
  ),
  validity: field(z.enum(VALIDITY).optional(), '有效性', '有效、失效 或 废止；规范性文件必须填写。', '有效'),
  normative: field(
    z.enum(NORMATIVE).optional(),
    '规范性文件类型',
    '规章 或 行政规范性文件；填写后必须注明有效性。',
    '行政规范性文件',
  ),
  repealed: field(dateString.optional(), '废止/失效日期', '规范性文件废止或失效的日期。', '2024-01-01'),
  superseded_by: field(
    nonEmpty.optional(),
    '替代文件索引号',
    '替代本文件的那份文件的索引号。',
    '"11999999999900011L/202401-00003"',
  ),
  withdrawn: field(
    z
      .object({
        date: field(dateString.optional(), '撤回日期', '撤回的日期，年-月-日（撤回时必须填写）。', '2025-06-01'),
        reason: field(
          z.string().optional(),
          '撤回原因',
          '撤回的原因，显示在页面上（撤回时必须填写）；不要写入需要撤下的内容本身。',
          '含有不应公开的个人信息',
        ),
      })
      .optional(),
    '撤回',
    '撤回本文件：网址保留，页面只显示标题、索引号、撤回日期和原因；正文和附件不再发布，文件不再出现在目录、列表和检索中。用 gongkai withdraw 填写。',
  ),
  interprets: field(
    z.union([nonEmpty, policyRefSchema, z.array(policyItem).min(1)]).optional(),
    '解读对象',
    '解读（体裁 解读）所解读的政策：本网站的文件写它的索引号（加引号）；本网站以外的政策写 title 和 url 两项；解读几份政策时写成列表。两份文件的网页互相链接。',
    '"11999999999900011L/202406-00021"',
  ),
  keywords: field(
    z.union([z.array(z.union([z.string(), z.number()]).transform(String)), z.string()]).optional(),
    '关键词',
    '列表，或用顿号、逗号分隔的一行文字。',
    '[政务公开, 工作要点]',
  ),
  summary: field(z.string().optional(), '内容概述', '目录中显示的内容概述；不填时取正文第一句（100 字以内）。'),
  section: field(
    nonEmpty,
    '所属栏目',
    '栏目名称或别名，如 政府信息公开指南、第二十条第（一）项、政府信息公开年报。',
    '第二十条第（一）项',
  ),
  slug: field(
    z
      .string()
      .regex(/^[0-9a-z](?:[0-9a-z-]*[0-9a-z])?$/, '网址标识只能用小写字母、数字和连字符“-”，且不以“-”开头或结尾。')
      .optional(),
    '网址标识',
    '网址 doc/<网址标识>/；不填时由索引号生成。只在索引号无法生成网址或两份文件冲突时填写。',
    'zhengce-2021-001',
  ),
  note: field(z.string().optional(), '说明', '显示在正文上方的说明，例如“本文为真实公开文本示例”。'),
  attachments: field(z.array(attachmentSchema).optional(), '附件', '附件列表，每项写 file 和 title。'),
  privacy_exceptions: field(
    z
      .array(
        z.object({
          fingerprint: z
            .string()
            .trim()
            .regex(/^[0-9a-f]{12}$/, '指纹是检查提示中“指纹”后面的 12 位字符（0–9、a–f），请原样复制。'),
          reason: nonEmpty,
        }),
      )
      .optional(),
    '个人信息例外',
    '经审核、依法必须公开的个人信息（如法律规定的公示）：每项写检查提示给出的指纹 fingerprint 和公开理由 reason；也适用于本文件的附件。',
    '[{ fingerprint: "3ef8a6600681", reason: 依法公示 }]',
  ),
  report: field(
    z
      .object({
        data: field(
          nonEmpty.optional(),
          '年报数据文件',
          '2019 年起的年报：表格数据的 YAML 文件，放在本文件旁边；用 npm run report:template 生成。',
          '年报数据.yaml',
        ),
        year: field(
          z.number().int().min(2000).max(2100).optional(),
          '报告年度',
          '报告统计的年份；有数据文件时以数据文件为准，可以不填。',
          '2018',
        ),
        tables: field(
          z.array(z.object({ file: nonEmpty, title: nonEmpty })).optional(),
          '附表',
          '2019 年以前的年报：CSV 格式的附表（file、title），按顺序显示在正文之后。',
        ),
        known_defects: field(
          z.array(z.object({ rule: nonEmpty, reason: nonEmpty })).optional(),
          '已知问题',
          '按原样发布的报告中已知的错误：每项写规则或单元格（rule）和原因（reason）；这些错误改为警告，页面列出说明。',
        ),
      })
      .optional(),
    '年度报告',
    '政府信息公开工作年度报告（体裁 年报）的表格数据、附表和已知问题。',
  ),
});

export type DocumentFrontmatter = z.infer<typeof documentSchema>;

/** Every frontmatter field with its label, derived from the schema. */
export const DOCUMENT_FIELDS = fieldsOf(documentSchema);

/** One policy `interprets` names: a 索引号 of this column, or a policy elsewhere. */
export type PolicyRef = { indexNo: string } | z.output<typeof policyRefSchema>;

/** The policies of `interprets`, as a list (one may be written without a list). */
export function policyRefs(v: DocumentFrontmatter['interprets']): PolicyRef[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((item) => (typeof item === 'string' ? { indexNo: item.trim() } : item));
}

/** Splits `keywords` written as a string ("政务公开，年报") or a list. */
export function splitKeywords(k: string[] | string | undefined): string[] {
  if (!k) return [];
  const list = Array.isArray(k) ? k : k.split(/[，,、;；\s]+/);
  return list.map((s) => s.trim()).filter(Boolean);
}
