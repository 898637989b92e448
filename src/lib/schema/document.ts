// Frontmatter of a document (content/documents/**/*.md). docs/design.md lists the fields.
import { z } from 'zod';
import { dateString, nonEmpty } from './common.ts';

export const VALIDITY = ['有效', '失效', '废止'] as const;
export const NORMATIVE = ['规章', '行政规范性文件'] as const;

export const attachmentSchema = z.object({
  file: nonEmpty, // path relative to the Markdown file
  title: nonEmpty,
});

export const documentSchema = z.object({
  title: nonEmpty,
  index_no: nonEmpty, // 索引号
  publisher: nonEmpty, // 发布机构
  topic: nonEmpty, // 主题分类
  genre: nonEmpty, // 体裁
  doc_no: nonEmpty.optional(), // 文号
  written: dateString, // 成文日期
  published: dateString, // 发布日期
  validity: z.enum(VALIDITY).optional(), // 有效性
  normative: z.enum(NORMATIVE).optional(),
  repealed: dateString.optional(), // 废止/失效日期
  superseded_by: nonEmpty.optional(),
  keywords: z.union([z.array(z.union([z.string(), z.number()]).transform(String)), z.string()]).optional(),
  summary: z.string().optional(), // 内容概述
  section: nonEmpty, // 所属栏目
  slug: z
    .string()
    .regex(/^[0-9a-z](?:[0-9a-z-]*[0-9a-z])?$/, '网址标识只能用小写字母、数字和连字符“-”，且不以“-”开头或结尾。')
    .optional(),
  note: z.string().optional(),
  attachments: z.array(attachmentSchema).optional(),
});

export type DocumentFrontmatter = z.infer<typeof documentSchema>;

export const DOCUMENT_FIELDS = Object.keys(documentSchema.shape);

/** Fields whose value must be text even when it looks like a number. */
export const DOCUMENT_STRING_FIELDS = [
  'title',
  'index_no',
  'publisher',
  'doc_no',
  'superseded_by',
  'summary',
  'slug',
  'section',
  'genre',
  'topic',
];

/** Splits `keywords` written as a string ("政务公开，年报") or a list. */
export function splitKeywords(k: string[] | string | undefined): string[] {
  if (!k) return [];
  const list = Array.isArray(k) ? k : k.split(/[，,、;；\s]+/);
  return list.map((s) => s.trim()).filter(Boolean);
}
