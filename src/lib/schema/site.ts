// content/site.yaml and the data files beside it (bodies, topics, genres, sections).
import { z } from 'zod';
import { nonEmpty } from './common.ts';

export const siteSchema = z.object({
  sample: z.boolean().default(false),
  site_name: nonEmpty,
  column_name: nonEmpty.default('政府信息公开专栏'),
  domain: nonEmpty,
  site_id_code: z
    .string()
    .regex(/^(?:\d{10}|bm\d{8})$/, '政府网站标识码应为 10 位：6 位行政区划代码加 4 位序号，或 bm 加 8 位数字。'),
  organisation: z.object({ name: nonEmpty, code: nonEmpty }),
  index_no: z
    .object({
      pattern: nonEmpty.default('{code}/{yyyymm}-{serial:5}'),
      year_from: z.enum(['published', 'written']).default('published'),
    })
    .prefault({}),
  base: z.string().default('/'),
  page_size: z.number().int().min(5).max(200).default(20),
  footer: z.object({
    sponsor: nonEmpty,
    organizer: z.string().optional(),
    contact: z.string().optional(),
    address: z.string().optional(),
    icp: z.string().optional(),
    police_record: z.string().optional(),
  }),
  office: z.object({
    name: nonEmpty,
    address: z.string().optional(),
    postcode: z.string().optional(),
    hours: z.string().optional(),
    phone: z.string().optional(),
    fax: z.string().optional(),
    email: z.string().optional(),
  }),
});
export type SiteYaml = z.infer<typeof siteSchema>;
export const SITE_STRING_FIELDS = ['site_id_code', 'domain', 'base'];

const asciiId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '标识只能用小写字母、数字和连字符“-”。');

export const bodySchema = z.object({
  id: asciiId,
  name: nonEmpty,
  code: nonEmpty.optional(),
  level: z.string().optional(),
  report_deadline: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '年报发布期限写成 月-日，例如 01-31。')
    .optional(),
});
export const bodiesSchema = z.array(bodySchema);

export const topicOverrideSchema = z.object({
  id: z
    .string()
    .regex(
      /^\d{2}(?:-\d{2})?$|^[a-z][a-z0-9-]*$/,
      '主题分类标识写成两位数字（如 "23"）或“大类-小类”（如 "17-08"），加引号。',
    ),
  name: nonEmpty,
  parent: z.string().optional(),
});
export const topicsSchema = z.array(topicOverrideSchema);

export const genreSchema = z.object({ id: asciiId, name: nonEmpty });
export const genresSchema = z.array(genreSchema);

export const sectionSchema = z.object({
  id: asciiId,
  name: nonEmpty,
  aliases: z.array(z.string()).default([]),
  description: z.string().optional(),
});
export const sectionsSchema = z.array(sectionSchema);
