// content/site.yaml and the data files beside it: bodies.yaml (the publishers, 发布机构),
// topics.yaml, genres.yaml, sections.yaml. Each field carries its Chinese label; the settings type,
// the label table and docs/design.md derive from these schemas.
import { z } from 'zod';
import { camel } from '../camel.ts';
import { field, fieldsOf, httpUrl, itemSchemaOf, nonEmpty, type FieldInfo } from './common.ts';

const optionalText = z.string().optional();

export const siteSchema = z.object({
  sample: field(z.boolean().default(false), '示例数据', 'true 时每页显示“示例数据”提示条。', 'false'),
  site_name: field(nonEmpty, '网站名称', '网站名称，写入 <meta name="SiteName">。', '示例县人民政府'),
  column_name: field(nonEmpty.default('政府信息公开专栏'), '栏目名称', '专栏名称。', '政府信息公开专栏'),
  site_url: field(
    z
      .string()
      .regex(
        /^https?:\/\/[^/\s?#]+$/,
        '网站地址只写协议和主机名，例如 https://www.example.gov.cn（结尾不加“/”和路径）。',
      ),
    '网站地址',
    '协议和主机名；页面的完整网址、<meta name="SiteDomain">、订阅和网站地图由它生成。',
    'https://www.shilixian.gov.cn',
  ),
  domain: field(optionalText, '网站域名', '已由 site_url 代替；填写时必须与 site_url 的主机名一致。'),
  site_id_code: field(
    z
      .string()
      .regex(/^(?:\d{10}|bm\d{8})$/, '政府网站标识码应为 10 位：6 位行政区划代码加 4 位序号，或 bm 加 8 位数字。'),
    '政府网站标识码',
    '10 位政府网站标识码，写入 <meta name="SiteIDCode">；加引号。',
    '"9999000001"',
  ),
  organisation: field(
    z.object({
      name: field(nonEmpty, '主管机关名称', '本网站主管机关的全称。', '示例县人民政府'),
      code: field(
        nonEmpty,
        '机构代码',
        '主管机关的统一社会信用代码（18 位）或组织机构代码（9 位）；加引号。',
        '"11999999999900011L"',
      ),
    }),
    '主管机关',
    '本网站的主管机关。',
  ),
  index_no: field(
    z
      .object({
        pattern: field(
          nonEmpty.default('{code}/{yyyymm}-{serial:5}'),
          '索引号规则',
          '占位符：{code} 机构代码、{year} 年份、{yyyymm} 年月、{serial:N} N 位顺序号。',
          '"{code}/{yyyymm}-{serial:5}"',
        ),
        year_from: field(
          z.enum(['published', 'written']).default('published'),
          '索引号年份来源',
          'published（发布日期）或 written（成文日期）。',
          'published',
        ),
      })
      .prefault({}),
    '索引号',
    '索引号的编写规则。',
  ),
  base: field(z.string().default('/'), '网站路径', '网站所在的路径，例如 /xxgk/；GONGKAI_BASE 可以覆盖。', '/'),
  page_size: field(z.number().int().min(5).max(200).default(20), '每页条数', '目录每页显示的条数（5–200）。', '20'),
  attachment_types: field(
    z.array(z.string().regex(/^[a-z0-9]+$/, '文件类型写扩展名，小写，不带点，例如 dwg。')).default([]),
    '附件类型',
    '在默认允许的附件类型之外再允许的扩展名；网页和脚本类文件不能添加。',
    '[dwg, ceb]',
  ),
  levels: field(
    z.array(nonEmpty).default([]),
    '机构层级',
    '在内置的机构层级之外再允许的层级名称（bodies.yaml 的 level）。',
    '[开发区管委会]',
  ),
  public_phones: field(
    z
      .array(
        z
          .union([z.string(), z.number()])
          .transform(String)
          .refine(
            (v) => /^1[3-9]\d{9}$/.test(v.replace(/^(?:\+86|0086|86)|[\s\-()（）]/g, '')),
            '公开联系电话只需列出手机号码（11 位，以 13–19 开头，可写成 139-1234-5678）；固定电话不会被当作个人信息，不必列出。',
          ),
      )
      .default([]),
    '公开联系电话',
    '单位对外公布的手机号码（例如办事咨询电话）：正文和附件中的这些号码不算个人信息。',
    '["139-0000-0000"]',
  ),
  privacy_key: field(
    z
      .string()
      .trim()
      .refine((v) => v.length >= 16, '个人信息指纹密钥至少写 16 个字符，用随机生成的字符串。')
      .optional(),
    '个人信息指纹密钥',
    '计算个人信息指纹的密钥（16 个以上的随机字符，设置后不要再改）；不填时用主管机关的机构代码，指纹可被反推。',
    '"k3Jq9wX2mP7vR4tY8zB1"',
  ),
  footer: field(
    z.object({
      sponsor: field(nonEmpty, '主办单位', '页脚“主办单位”。', '示例县人民政府'),
      organizer: field(optionalText, '承办单位', '页脚“承办单位”。', '示例县人民政府办公室'),
      contact: field(optionalText, '联系方式', '页脚“联系方式”。', '0000-6012345'),
      address: field(optionalText, '地址', '页脚“地址”。'),
      icp: field(optionalText, 'ICP备案号', '链接到工业和信息化部备案管理系统。', '示ICP备00000000号'),
      police_record: field(optionalText, '公安机关备案号', '公安机关备案号。'),
      /**
       * 党政机关网站标识 (the mark registered websites of Party and government bodies carry): an image
       * file the site provides inside the content directory, published at /site-files/conac.<ext>
       * (src/pages/site-files/[file].ts), linked to its registration page. A missing or unsafe file
       * is an error (src/lib/checks/site-settings.ts). Nothing is loaded from another host.
       */
      conac: field(
        z
          .object({
            image: field(
              nonEmpty,
              '标识图片',
              '党政机关网站标识的图片文件（PNG、JPG、GIF、WebP 或 SVG），写内容目录中的路径；构建时复制到网站中。',
              'images/dzjg.png',
            ),
            link: field(
              httpUrl,
              '标识链接',
              '点击标识打开的网页，通常是本网站在党政机关网站标识管理系统（bszs.conac.cn）的注册信息页。',
              '"https://bszs.conac.cn/sitename?method=show&id=…"',
            ),
            alt: field(
              nonEmpty.default('党政机关网站标识'),
              '标识替代文本',
              '图片的替代文本，读屏软件读出它。',
              '党政机关网站标识',
            ),
          })
          .optional(),
        '党政机关网站标识',
        '页脚显示的党政机关网站标识（本站提供的图片和它的链接）；不填时不显示。',
      ),
      /**
       * 找错 / 纠错: a link in the footer to where readers report errors on the site (the national
       * 政府网站找错 platform, or the portal's own page).
       */
      error_report: field(
        z
          .object({
            link: field(
              httpUrl,
              '找错链接',
              '读者报告网站错误的网页：全国政府网站找错平台（加上本站的政府网站标识码）或本网站的纠错页面。',
              '"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=9999000001"',
            ),
            text: field(nonEmpty.default('我要找错'), '找错链接文字', '页脚显示的链接文字。', '我要找错'),
          })
          .optional(),
        '找错',
        '页脚的找错（纠错）链接；不填时不显示。',
      ),
    }),
    '页脚',
    '页脚显示的网站信息。',
  ),
  office: field(
    z.object({
      name: field(nonEmpty, '受理机构', '政府信息公开工作机构（受理依申请公开）的名称。'),
      address: field(optionalText, '办公地址', '办公地址。'),
      postcode: field(optionalText, '邮政编码', '邮政编码；加引号。', '"999000"'),
      hours: field(optionalText, '办公时间', '办公时间。'),
      phone: field(optionalText, '联系电话', '联系电话。'),
      fax: field(optionalText, '传真号码', '受理信函以外书面申请的传真号码。'),
      email: field(optionalText, '电子邮箱', '受理网络申请的电子邮箱。'),
    }),
    '政府信息公开工作机构',
    '用于依申请公开页面和申请表。',
  ),
});
export const SITE_FIELDS = fieldsOf(siteSchema);

const asciiId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '标识只能用小写字母、数字和连字符“-”。');

/** One publisher (发布机构) in bodies.yaml. */
export const publisherSchema = z.object({
  id: field(asciiId, '标识', '机构的英文标识，用于网址，写后不要再改。', 'gov-office'),
  name: field(nonEmpty, '名称', '机构全称；文件的 publisher 必须与它完全一致。', '示例县人民政府办公室'),
  code: field(
    nonEmpty.optional(),
    '机构代码',
    '统一社会信用代码或组织机构代码；加引号。不填时索引号使用主管机关的代码。',
    '"1199999999990002XC"',
  ),
  level: field(
    z.string().optional(),
    '机构层级',
    '县级人民政府、县级政府部门、乡镇人民政府、街道办事处等。',
    '县级政府部门',
  ),
  report_deadline: field(
    z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '年报发布期限写成 月-日，例如 01-31。')
      .optional(),
    '年报发布期限',
    '年度报告的发布期限（月-日）；不填时按机构层级取默认值。',
    '"01-31"',
  ),
  aliases: field(z.array(nonEmpty).default([]), '曾用名', '机构改名后，旧名称仍可被文件使用。', '[示例县人事局]'),
});
export const publishersSchema = z.array(publisherSchema);
export const PUBLISHER_FIELDS = fieldsOf(itemSchemaOf(publishersSchema));

/** A 主题分类 renamed or added by the site (topics.yaml). */
export const topicOverrideSchema = z.object({
  id: field(
    z
      .string()
      .regex(
        /^\d{2}(?:-\d{2})?$|^[a-z][a-z0-9-]*$/,
        '主题分类标识写成两位数字（如 "23"）或“大类-小类”（如 "17-08"），加引号。',
      ),
    '标识',
    '内置分类写它的编号（"17"、"17-06"）；新增分类写新编号。',
    '"17"',
  ),
  name: field(nonEmpty, '名称', '分类名称（小类只写小类名）。', '民政、乡村振兴、救灾'),
  parent: field(z.string().optional(), '上级分类', '新增小类所属大类的标识。', '"17"'),
});
export const topicsSchema = z.array(topicOverrideSchema);

/** A 体裁 renamed or added by the site (genres.yaml). */
export const genreSchema = z.object({
  id: field(asciiId, '标识', '体裁的英文标识，用于网址。', 'notice'),
  name: field(nonEmpty, '名称', '体裁名称。', '通知'),
});
export const genresSchema = z.array(genreSchema);

/** A column section (栏目) renamed or added by the site (sections.yaml). */
export const sectionSchema = z.object({
  id: field(asciiId, '标识', '栏目的英文标识，用于网址。', 'art20-11'),
  name: field(nonEmpty, '名称', '栏目名称。', '民生政策措施'),
  aliases: field(z.array(z.string()).default([]), '曾用名', '文件的 section 还可以写的名称。'),
  description: field(z.string().optional(), '说明', '栏目页上的说明文字。'),
});
export const sectionsSchema = z.array(sectionSchema);

/**
 * The filled-in fields of one group of site.yaml (`footer`, `office`) as [label, value] rows, in
 * schema order, labels from the schema: what the footer and the 依申请公开 page list.
 */
export function labelledRows(group: 'footer' | 'office', values: object, omit: string[] = []): [string, string][] {
  const byKey = new Map(Object.entries(values).map(([k, v]) => [k, v as unknown]));
  // the group's own text fields: not the fields of an object inside it (footer.conac.image)
  const own = (f: FieldInfo) => f.path === `${group}.${f.key}` && !omit.includes(f.key);
  return SITE_FIELDS.filter(own).flatMap((f) => {
    const v = byKey.get(camel(f.key));
    return typeof v === 'string' && v ? [[f.label, v] as [string, string]] : [];
  });
}
