// The exact diagnostics of every rule checks.test.ts leaves out: reading (encoding, YAML, missing
// files), site.yaml and bodies.yaml, document fields, files, and rules across documents. Each case
// changes the valid fixture column (fixture-column.ts) and lists everything loadSite reports, so a
// problem is reported once and does not drag other diagnostics along.
import iconv from 'iconv-lite';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite, type LoadOptions } from '../../src/lib/site.ts';
import {
  BASE_DOC,
  BODIES_YAML,
  OFFICE_CODE,
  ORG_CODE,
  SITE_YAML,
  doc,
  writeColumn,
  expectDiagnostics,
  type ExpectedDiagnostic,
} from './fixture-column.ts';

const TODAY = '2026-11-27';
const A = 'documents/a.md';
const B = 'documents/b.md';
const C = 'documents/c.md';

/** Text files, raw bytes (other encodings), or null to delete a fixture file. */
type Files = Record<string, string | Uint8Array | null>;

function columnDir(files: Files): string {
  const text: Record<string, string> = {};
  for (const [rel, v] of Object.entries(files)) if (typeof v === 'string') text[rel] = v;
  const dir = writeColumn(text);
  for (const [rel, v] of Object.entries(files)) {
    const full = path.join(dir, rel);
    if (v === null) rmSync(full, { recursive: true, force: true });
    else if (typeof v !== 'string') {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, v);
    }
  }
  return dir;
}

function load(files: Files, options: Partial<LoadOptions> = {}) {
  return loadSite(columnDir(files), { today: TODAY, ...options });
}

/** A 索引号 of the fixture's organisation in March 2021. */
const indexNo = (serial: number) => `${ORG_CODE}/202103-${String(serial).padStart(5, '0')}`;
/** The fixture document with `change` applied. */
const docWith = (change: Record<string, unknown>, body?: string) => doc({ ...BASE_DOC, ...change }, body);
const attaching = (file: string) => ({ attachments: [{ file, title: '附件' }] });

const GBK_FIX =
  '用 VS Code 打开，若中文显示为乱码，先点右下角的编码名称 → “通过编码重新打开” → 选“简体中文 (GB 18030)”；' +
  '显示正常后，再点编码名称 → “通过编码保存” → 选 UTF-8。' +
  '也可以用记事本打开，选择“另存为”，编码选 UTF-8 后保存；WPS/Word 中另存为“纯文本”时选择 UTF-8。';
const notUtf8 = (line: number, text: string) =>
  `文件不是 UTF-8 编码（看起来是 GBK（GB18030）编码），gongkai 无法正确读取其中的中文。按 GBK 解读，第 ${line} 行是“${text}”。`;

const INVISIBLE_FIX = '这些字符通常是从 Word、WPS 或网页复制时带入的：删除后重新输入这个值，避免检索和查重出错。';
const NOT_MD = '文件不是 .md 文件：gongkai 只把扩展名为 .md 的文件作为文件发布，它会被遗漏。';
const LEVELS =
  '省级人民政府、省级政府部门、市级人民政府、市级政府部门、县级人民政府、县级政府部门、乡镇人民政府、街道办事处';
const INDEX_PATTERN_FIX =
  '可用的占位符：{code} {year} {yyyymm} {serial:N}，且必须有顺序号 {serial}；例如写成 "{code}/{yyyymm}-{serial:5}"。';
const LOOP_FIX = '现行有效的那份文件不应填写 superseded_by：删除它的 superseded_by 一行，并把有效性改为 有效。';
const PAGE_LINK_FIX =
  '改正链接：其他文件的网页写 ../<网址标识>/（网址标识见该文件网页地址 doc/ 之后的部分），目录页写 ../../catalogue/。';
const SLUG_A = '11999999999900011l-202103-00001';
const SLUG_B = '11999999999900011l-202103-00002';

/** The fixture's site.yaml with a 党政机关网站标识 whose image is `image` (footer.conac.image on line 17). */
const withMark = (image: string) =>
  SITE_YAML.replace(
    '  sponsor: 测试县人民政府办公室\n',
    `  sponsor: 测试县人民政府办公室\n  conac:\n    image: ${image}\n    link: https://bszs.conac.cn/\n`,
  );

/** [name, files, every diagnostic expected, loadSite options] */
type Case = [string, Files, ExpectedDiagnostic[], Partial<LoadOptions>?];

const reading: Case[] = [
  [
    'a GBK document is one encoding error (not also “no documents”)',
    { [A]: iconv.encode(doc(BASE_DOC), 'gbk') },
    [
      {
        level: 'error',
        code: 'encoding',
        file: A,
        message: notUtf8(2, 'title: 关于做好政务公开工作的通知'),
        fix: GBK_FIX,
      },
    ],
  ],
  [
    'a GB18030 document with a character GBK lacks',
    {
      [A]: iconv.encode(docWith({ title: '关于𠮷祥村道路建设的通知' }), 'gb18030'),
      [B]: docWith({ index_no: indexNo(2) }),
    },
    [{ level: 'error', code: 'encoding', file: A, message: notUtf8(2, 'title: 关于𠮷祥村道路建设的通知') }],
  ],
  [
    'a GB18030 bodies.yaml is one error, not one unknown 发布机构 per document',
    {
      'bodies.yaml': iconv.encode(BODIES_YAML, 'gb18030'),
      [A]: doc(BASE_DOC),
      // another body's code in its 索引号: not judged while bodies.yaml cannot be read
      [B]: docWith({ publisher: '测试县财政局', index_no: `${OFFICE_CODE}/202103-00002` }),
    },
    [
      {
        level: 'error',
        code: 'encoding',
        file: 'bodies.yaml',
        message: notUtf8(2, 'name: 测试县人民政府'),
        fix: GBK_FIX,
      },
    ],
  ],
  [
    'a GBK site.yaml',
    { 'site.yaml': iconv.encode(SITE_YAML, 'gbk'), [A]: doc(BASE_DOC) },
    [{ level: 'error', code: 'encoding', file: 'site.yaml', message: notUtf8(2, 'site_name: 测试县人民政府') }],
  ],
  [
    'a field written twice',
    { [A]: doc(BASE_DOC).replace('genre: 通知\n', 'genre: 通知\ngenre: 公告\n') },
    [
      {
        level: 'error',
        code: 'yaml-duplicate-key',
        file: A,
        line: 7,
        message: '字段“genre”写了两次。',
        fix: '删除重复的一行，只保留一个值。',
      },
    ],
  ],
  [
    'empty frontmatter',
    { [A]: '---\n---\n\n正文。\n' },
    [
      {
        level: 'error',
        code: 'yaml-not-mapping',
        file: A,
        line: 1,
        message: '元数据是空的。',
        fix: '按 README 的示例填写字段，例如 title: ……',
      },
    ],
  ],
  [
    'site.yaml that is one line of text',
    { 'site.yaml': '测试县人民政府\n', [A]: doc(BASE_DOC) },
    [
      {
        level: 'error',
        code: 'yaml-not-mapping',
        file: 'site.yaml',
        line: 1,
        message: '元数据应是“字段: 值”的形式，每行一个字段。',
      },
    ],
  ],
  [
    'no site.yaml',
    { 'site.yaml': null, [A]: doc(BASE_DOC) },
    [
      {
        level: 'error',
        code: 'missing-file',
        file: 'site.yaml',
        message: '缺少必需的文件 site.yaml。',
        fix: '在内容目录中创建 site.yaml（格式见 README）。',
      },
    ],
  ],
  [
    'no bodies.yaml: one error, not one unknown 发布机构 per document',
    { 'bodies.yaml': null, [A]: doc(BASE_DOC), [B]: docWith({ index_no: indexNo(2) }) },
    [{ level: 'error', code: 'missing-file', file: 'bodies.yaml', message: '缺少必需的文件 bodies.yaml。' }],
  ],
  [
    'no documents/ folder',
    {},
    [
      {
        level: 'error',
        code: 'no-documents',
        file: 'documents/',
        message: '没有找到任何文件（content/documents/ 下的 .md 文件）。',
        fix: '把文件放在 content/documents/ 目录下，扩展名为 .md。',
      },
    ],
  ],
  [
    'a document without frontmatter (not also “no documents”)',
    { [A]: '# 关于做好政务公开工作的通知\n\n正文。\n' },
    [
      {
        level: 'error',
        code: 'no-frontmatter',
        file: A,
        line: 1,
        message: '文件开头没有元数据（以 --- 开始和结束的一段）。',
        fix: '在文件第一行写 ---，随后写标题、索引号等字段，再写一行 --- 结束。',
      },
    ],
  ],
];

const siteFiles: Case[] = [
  [
    'a body listed twice',
    { 'bodies.yaml': `${BODIES_YAML}- id: gov\n  name: 测试县人民政府\n`, [A]: doc(BASE_DOC) },
    [
      {
        level: 'error',
        code: 'duplicate-publisher-id',
        file: 'bodies.yaml',
        line: 12,
        field: 'id',
        fieldZh: '标识',
        message: '机构标识“gov”重复。',
        fix: '每个机构使用不同的标识。',
      },
      {
        level: 'error',
        code: 'duplicate-publisher-name',
        file: 'bodies.yaml',
        line: 12,
        field: 'name',
        fieldZh: '名称',
        message: '机构名称“测试县人民政府”重复。',
        fix: '删除重复的一项。',
      },
    ],
  ],
  [
    'two bodies with one id',
    { 'bodies.yaml': `${BODIES_YAML}- id: finance\n  name: 测试县审计局\n`, [A]: doc(BASE_DOC) },
    [
      {
        level: 'error',
        code: 'duplicate-publisher-id',
        file: 'bodies.yaml',
        line: 12,
        field: 'id',
        fieldZh: '标识',
        message: '机构标识“finance”重复。',
      },
    ],
  ],
  [
    'unknown body levels, with the nearest known levels',
    {
      'bodies.yaml': `${BODIES_YAML}- id: kfq\n  name: 测试县开发区管委会\n  level: 开发区管委会\n- id: office\n  name: 测试县人民政府办公室\n  level: 县级人民政府部门\n`,
      [A]: doc(BASE_DOC),
    },
    [
      {
        level: 'error',
        code: 'publisher-level',
        file: 'bodies.yaml',
        line: 14,
        field: 'level',
        fieldZh: '机构层级',
        message: '“测试县开发区管委会”的机构层级“开发区管委会”无法识别。',
        fix: `填写以下层级之一：${LEVELS}；其他层级请先在 site.yaml 的 levels 中添加。`,
      },
      {
        level: 'error',
        code: 'publisher-level',
        file: 'bodies.yaml',
        line: 17,
        field: 'level',
        fieldZh: '机构层级',
        message: '“测试县人民政府办公室”的机构层级“县级人民政府部门”无法识别。是不是“县级人民政府”或“县级政府部门”？',
      },
    ],
  ],
  [
    'a level added in site.yaml levels is accepted',
    {
      'site.yaml': `${SITE_YAML}levels: [开发区管委会]\n`,
      'bodies.yaml': `${BODIES_YAML}- id: kfq\n  name: 测试县开发区管委会\n  level: 开发区管委会\n`,
      [A]: doc(BASE_DOC),
    },
    [],
  ],
  [
    'site.yaml domain differs from the host of site_url',
    { 'site.yaml': `${SITE_YAML}domain: ceshi.gov.cn\n`, [A]: doc(BASE_DOC) },
    [
      {
        level: 'error',
        code: 'domain-mismatch',
        file: 'site.yaml',
        line: 18,
        field: 'domain',
        fieldZh: '网站域名',
        message: '网站域名“ceshi.gov.cn”与网站地址 https://www.ceshi.gov.cn 的主机名不一致。',
        fix: '删除 domain 这一行（域名由 site_url 得出），或改正 site_url。',
      },
    ],
  ],
  [
    'site.yaml domain equal to the host of site_url',
    { 'site.yaml': `${SITE_YAML}domain: www.ceshi.gov.cn\n`, [A]: doc(BASE_DOC) },
    [],
  ],
  [
    'the 党政机关网站标识 image site.yaml names is there (under documents/ too: not an unused file)',
    { 'site.yaml': withMark('documents/dzjg.png'), 'documents/dzjg.png': 'PNG', [A]: doc(BASE_DOC) },
    [],
  ],
  [
    'the 党政机关网站标识 image site.yaml names is missing',
    { 'site.yaml': withMark('images/dzjg.png'), [A]: doc(BASE_DOC) },
    [
      {
        level: 'error',
        code: 'site-mark-file',
        file: 'site.yaml',
        line: 17,
        field: 'footer.conac.image',
        fieldZh: '标识图片',
        message: '党政机关网站标识的图片“images/dzjg.png”不存在。',
        fix: '把标识图片放到内容目录中的这个位置，或改正 footer.conac.image 的路径（相对于内容目录）；不显示标识时删除 footer.conac。',
      },
    ],
  ],
  [
    'the 党政机关网站标识 image lies outside the content directory',
    { 'site.yaml': withMark('../dzjg.png'), [A]: doc(BASE_DOC) },
    [
      {
        level: 'error',
        code: 'site-mark-file',
        file: 'site.yaml',
        line: 17,
        field: 'footer.conac.image',
        fieldZh: '标识图片',
        message: '党政机关网站标识的图片“../dzjg.png”不在内容目录中。',
        fix: '把图片放进内容目录（例如 images/dzjg.png），写相对于内容目录的路径，不以 / 开头，不含 ..。',
      },
    ],
  ],
  [
    'the 党政机关网站标识 image is no image a page can show',
    { 'site.yaml': withMark('images/dzjg.pdf'), 'images/dzjg.pdf': '%PDF-1.4', [A]: doc(BASE_DOC) },
    [
      {
        level: 'error',
        code: 'site-mark-file',
        file: 'site.yaml',
        line: 17,
        field: 'footer.conac.image',
        fieldZh: '标识图片',
        message:
          '党政机关网站标识的图片“images/dzjg.pdf”不是网页能显示的图片（允许 .png、.jpg、.jpeg、.gif、.webp、.svg）。',
        fix: '使用 PNG、JPG、GIF、WebP 或 SVG 格式的标识图片（.png、.jpg、.jpeg、.gif、.webp、.svg）。',
      },
    ],
  ],
  [
    'the 党政机关网站标识 image is an SVG that runs script',
    {
      'site.yaml': withMark('images/dzjg.svg'),
      'images/dzjg.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      [A]: doc(BASE_DOC),
    },
    [
      {
        level: 'error',
        code: 'site-mark-file',
        file: 'site.yaml',
        line: 17,
        field: 'footer.conac.image',
        fieldZh: '标识图片',
        message: '党政机关网站标识的图片“images/dzjg.svg”是 SVG 图片，含有脚本 <script>，出于安全考虑不能发布。',
        fix: '导出为 PNG 图片，或删除 SVG 中的脚本和外部引用。',
      },
    ],
  ],
  [
    'a 索引号 pattern without {serial} is reported once, not for every document',
    { 'site.yaml': SITE_YAML.replace('{code}/{yyyymm}-{serial:5}', '{code}/{yyyymm}'), [A]: doc(BASE_DOC) },
    [
      {
        level: 'error',
        code: 'index-pattern',
        file: 'site.yaml',
        line: 10,
        field: 'index_no.pattern',
        fieldZh: '索引号规则',
        message: '索引号规则“{code}/{yyyymm}”无法识别。',
        fix: INDEX_PATTERN_FIX,
      },
    ],
  ],
  [
    'a 索引号 pattern with an unknown placeholder',
    { 'site.yaml': SITE_YAML.replace('{code}/{yyyymm}-{serial:5}', '{code}/{dept}-{serial:5}'), [A]: doc(BASE_DOC) },
    [
      {
        level: 'error',
        code: 'index-pattern',
        file: 'site.yaml',
        line: 10,
        field: 'index_no.pattern',
        fieldZh: '索引号规则',
        message: '索引号规则“{code}/{dept}-{serial:5}”无法识别。',
      },
    ],
  ],
  [
    'a wrong check character in the organisation code',
    { 'site.yaml': SITE_YAML.replace(`code: "${ORG_CODE}"`, 'code: "11999999999900011K"'), [A]: doc(BASE_DOC) },
    [
      {
        level: 'error',
        code: 'organisation-code',
        file: 'site.yaml',
        line: 8,
        field: 'organisation.code',
        fieldZh: '机构代码',
        message: '机构代码“11999999999900011K”校验码（第 18 位）应为 L，实为 K。',
        fix: '核对本机关的统一社会信用代码（18 位）或组织机构代码（9 位）。',
      },
    ],
  ],
  [
    'a new sub-category whose id names no category',
    { 'topics.yaml': '- id: "99-01"\n  name: 新小类\n', [A]: doc(BASE_DOC) },
    [
      {
        level: 'error',
        code: 'unknown-topic-parent',
        file: 'topics.yaml',
        line: 1,
        field: 'parent',
        fieldZh: '上级分类',
        message: '主题分类“新小类”的上级分类“99”不存在。',
        fix: '上级分类写已有大类的标识，例如 "17"。',
      },
    ],
  ],
  [
    'a new sub-category whose parent does not exist',
    {
      'topics.yaml': '- id: "17-08"\n  name: 乡村振兴\n- id: town-affairs\n  name: 村务公开\n  parent: "23"\n',
      [A]: doc(BASE_DOC),
    },
    [
      {
        level: 'error',
        code: 'unknown-topic-parent',
        file: 'topics.yaml',
        line: 3,
        field: 'parent',
        fieldZh: '上级分类',
        message: '主题分类“村务公开”的上级分类“23”不存在。',
      },
    ],
  ],
];

const fields: Case[] = [
  [
    'a 废止 date on a document in force',
    { [A]: docWith({ validity: '有效', repealed: '2022-01-01' }) },
    [
      {
        level: 'error',
        code: 'repealed-but-valid',
        file: A,
        line: 14,
        field: 'validity',
        fieldZh: '有效性',
        message: '填写了废止/失效日期 2022-01-01，但有效性不是“废止”或“失效”。',
        fix: '把 validity 改为 废止 或 失效，或删除 repealed。',
      },
    ],
  ],
  [
    'a 废止 date before the 成文日期',
    { [A]: docWith({ validity: '废止', repealed: '2020-01-01' }) },
    [
      {
        level: 'error',
        code: 'repealed-before-written',
        file: A,
        line: 14,
        field: 'repealed',
        fieldZh: '废止/失效日期',
        message: '废止/失效日期 2020-01-01 早于成文日期 2021-03-01。',
        fix: '核对废止/失效日期。',
      },
    ],
  ],
  [
    'a replaced document still in force warns',
    { [A]: docWith({ superseded_by: indexNo(2) }), [B]: docWith({ index_no: indexNo(2) }) },
    [
      {
        level: 'warning',
        code: 'superseded-but-valid',
        file: A,
        line: 13,
        field: 'validity',
        fieldZh: '有效性',
        message: '填写了替代文件，但有效性不是“废止”或“失效”。',
        fix: '被替代的文件通常应注明 validity: 废止（或 失效）。',
      },
    ],
  ],
  [
    'a document replaced by itself',
    { [A]: docWith({ validity: '废止', superseded_by: indexNo(1) }) },
    [
      {
        level: 'error',
        code: 'self-superseded',
        file: A,
        line: 14,
        field: 'superseded_by',
        fieldZh: '替代文件索引号',
        message: '文件不能被自己替代。',
        fix: '填写新文件的索引号。',
      },
    ],
  ],
  [
    'a lower-case letter in the code of a 索引号',
    { [A]: docWith({ index_no: '11999999999900011l/202103-00001' }) },
    [
      {
        level: 'error',
        code: 'index-no-case',
        file: A,
        line: 3,
        field: 'index_no',
        fieldZh: '索引号',
        message: '索引号“11999999999900011l/202103-00001”中的字母应为大写。',
        fix: '改为 11999999999900011L/202103-00001（机构代码中的字母一律大写）。',
      },
    ],
  ],
  [
    'a 发布机构 close to a known one',
    { [A]: docWith({ publisher: '县政府' }) },
    [
      {
        level: 'error',
        code: 'unknown-publisher',
        file: A,
        line: 4,
        field: 'publisher',
        fieldZh: '发布机构',
        message: '发布机构“县政府”不在机构清单 bodies.yaml 中。是不是“测试县人民政府”？',
      },
    ],
  ],
  [
    'invisible characters in the title, 索引号 and 文号; the duplicate check sees the cleaned 索引号',
    {
      [A]: docWith({
        title: '关于做好\u200B政务公开工作的通知',
        index_no: `\uFEFF${indexNo(1)}`,
        doc_no: '测政办〔2021〕\u00A03\u00AD号',
      }),
      [B]: docWith({ title: '另一份文件' }),
    },
    [
      {
        level: 'warning',
        code: 'invisible-characters',
        file: A,
        line: 2,
        field: 'title',
        fieldZh: '标题',
        message: '值中含有看不见的字符（零宽空格 U+200B），已自动删除。',
        fix: INVISIBLE_FIX,
      },
      {
        level: 'warning',
        code: 'invisible-characters',
        file: A,
        line: 3,
        field: 'index_no',
        fieldZh: '索引号',
        message: '值中含有看不见的字符（字节顺序标记 U+FEFF），已自动删除。',
      },
      {
        level: 'warning',
        code: 'invisible-characters',
        file: A,
        line: 7,
        field: 'doc_no',
        fieldZh: '文号',
        message: '值中含有看不见的字符（软连字符 U+00AD、不换行空格 U+00A0），已自动删除。',
      },
      {
        level: 'error',
        code: 'duplicate-index-no',
        file: B,
        line: 3,
        field: 'index_no',
        fieldZh: '索引号',
        message: `索引号“${indexNo(1)}”与 documents/a.md 第 3 行 重复。`,
      },
    ],
  ],
  [
    'a timed 发布日期 later than now is held back',
    { [A]: docWith({ index_no: `${ORG_CODE}/202611-00001`, written: '2026-11-20', published: '2026-11-27 10:30' }) },
    [
      {
        level: 'warning',
        code: 'held-back',
        file: A,
        line: 9,
        field: 'published',
        fieldZh: '发布日期',
        message: '发布时间 2026-11-27 10:30 晚于现在（2026-11-27 09:00），本次构建暂不发布（不生成页面，不计入目录）。',
      },
    ],
    { now: '2026-11-27 09:00' },
  ],
];

const files: Case[] = [
  [
    'an .html attachment',
    { [A]: docWith(attaching('附件.html')), 'documents/附件.html': '<p>正文</p>' },
    [
      {
        level: 'error',
        code: 'file-type',
        file: A,
        line: 14,
        field: 'attachments',
        fieldZh: '附件',
        message: '附件“附件.html”是 .html 文件，出于安全考虑不能发布：网页文件在本站打开时可以运行脚本。',
        fix: '把内容转换为 PDF 或 Word 文档后再作为附件发布。',
      },
    ],
  ],
  [
    'an .exe attachment',
    { [A]: docWith(attaching('setup.exe')), 'documents/setup.exe': 'MZ' },
    [
      {
        level: 'error',
        code: 'file-type',
        file: A,
        line: 14,
        field: 'attachments',
        fieldZh: '附件',
        message: '附件“setup.exe”是 .exe 文件，出于安全考虑不能发布：可执行文件和脚本会在读者的电脑上运行程序。',
        fix: '不要直接发布程序文件；如确需提供，压缩为 ZIP 压缩包后再作为附件发布。',
      },
    ],
  ],
  [
    'an SVG with a script shown in the body',
    {
      [A]: docWith({}, '正文。\n\n![示意图](示意图.svg)\n'),
      'documents/示意图.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    },
    [
      {
        level: 'error',
        code: 'file-type',
        file: A,
        line: 17,
        field: 'body',
        fieldZh: '正文',
        message: '正文链接的文件“示意图.svg”是 SVG 图片，含有脚本 <script>，出于安全考虑不能发布。',
        fix: '导出为 PNG 图片，或删除 SVG 中的脚本和外部引用。',
      },
    ],
  ],
  [
    'an attachment of a type not allowed by default',
    { [A]: docWith(attaching('图纸.dwg')), 'documents/图纸.dwg': 'AC1027' },
    [
      {
        level: 'error',
        code: 'file-type',
        file: A,
        line: 14,
        field: 'attachments',
        fieldZh: '附件',
        message: '附件“图纸.dwg”的类型 .dwg 不在允许发布的文件类型中。',
      },
    ],
  ],
  [
    'the same type allowed by site.yaml attachment_types',
    {
      'site.yaml': `${SITE_YAML}attachment_types: [dwg]\n`,
      [A]: docWith(attaching('图纸.dwg')),
      'documents/图纸.dwg': 'AC1027',
    },
    [],
  ],
  [
    'an attachment outside the document’s folder',
    { [A]: docWith(attaching('../通知.pdf')), '通知.pdf': '%PDF-1.4' },
    [
      {
        level: 'error',
        code: 'attachment-outside',
        file: A,
        line: 14,
        field: 'attachments',
        fieldZh: '附件',
        message: '附件“../通知.pdf”不在本文件所在目录中。',
        fix: '把附件放在 Markdown 文件旁边（同一目录或其子目录），file 写相对路径。',
      },
    ],
  ],
  [
    'documents saved as .markdown, .mdx and .txt',
    {
      [A]: doc(BASE_DOC),
      'documents/b.markdown': docWith({ index_no: indexNo(2) }),
      'documents/2021/c.mdx': docWith({ index_no: indexNo(3) }),
      'documents/d.txt': '草稿',
    },
    [
      {
        level: 'error',
        code: 'not-markdown',
        file: 'documents/2021/c.mdx',
        message: NOT_MD,
        fix: '把扩展名改为 .md（documents/2021/c.md）；如果它是某份文件的附件，请在那份文件的 attachments 中列出它。',
      },
      { level: 'error', code: 'not-markdown', file: 'documents/b.markdown', message: NOT_MD },
      { level: 'error', code: 'not-markdown', file: 'documents/d.txt', message: NOT_MD },
    ],
  ],
];

const replaced = (serial: number, by: number) =>
  docWith({ index_no: indexNo(serial), validity: '废止', superseded_by: indexNo(by) });
const loop = (files: string[], serials: number[]) =>
  `替代关系成环：${[...files, files[0]]
    .map((f, i) => `${f}（${indexNo(serials[i % serials.length]!)}）`)
    .join(' → ')}。每份文件都被另一份替代，没有现行文件。`;

const acrossDocuments: Case[] = [
  [
    'two documents with one slug',
    { [A]: doc(BASE_DOC), [B]: docWith({ index_no: indexNo(2), slug: SLUG_A }) },
    [
      {
        level: 'error',
        code: 'slug-collision',
        file: B,
        line: 13,
        field: 'slug',
        fieldZh: '网址标识',
        message: `网址 doc/${SLUG_A}/ 与 documents/a.md 相同（两份文件的网址标识转换后一致）。`,
        fix: `给其中一份文件添加不同的 slug 字段，例如 slug: ${SLUG_A}-2。`,
      },
    ],
  ],
  [
    'two 索引号 that give one slug',
    { [A]: doc(BASE_DOC), [B]: docWith({ index_no: `${ORG_CODE}-202103-00001` }) },
    [
      {
        level: 'error',
        code: 'index-no-pattern',
        file: B,
        line: 3,
        field: 'index_no',
        fieldZh: '索引号',
        message: `索引号“${ORG_CODE}-202103-00001”不符合本网站的索引号规则 {code}/{yyyymm}-{serial:5}。`,
      },
      {
        level: 'error',
        code: 'slug-collision',
        file: B,
        line: 3,
        field: 'slug',
        fieldZh: '网址标识',
        message: `网址 doc/${SLUG_A}/ 与 documents/a.md 相同（两份文件的索引号转换后一致）。`,
      },
    ],
  ],
  [
    'a 索引号 without letters or digits',
    { [A]: docWith({ index_no: '——' }) },
    [
      {
        level: 'error',
        code: 'index-no-pattern',
        file: A,
        line: 3,
        field: 'index_no',
        fieldZh: '索引号',
        message: '索引号“——”不符合本网站的索引号规则 {code}/{yyyymm}-{serial:5}。',
      },
      {
        level: 'error',
        code: 'empty-slug',
        file: A,
        line: 3,
        field: 'slug',
        fieldZh: '网址标识',
        message: '无法从索引号“——”生成网址（没有字母或数字）。',
        fix: '添加 slug 字段，例如 slug: zhengce-2021-001。',
      },
    ],
  ],
  [
    'two 索引号 that differ only in letter case',
    { [A]: doc(BASE_DOC), [B]: docWith({ title: '另一份文件', index_no: '11999999999900011l/202103-00001' }) },
    [
      {
        level: 'error',
        code: 'index-no-case',
        file: B,
        line: 3,
        field: 'index_no',
        fieldZh: '索引号',
        message: '索引号“11999999999900011l/202103-00001”中的字母应为大写。',
      },
      {
        level: 'error',
        code: 'duplicate-index-no',
        file: B,
        line: 3,
        field: 'index_no',
        fieldZh: '索引号',
        message: `索引号“11999999999900011l/202103-00001”与 documents/a.md 第 3 行 的“${ORG_CODE}/202103-00001”只差字母大小写，是同一个索引号。`,
      },
    ],
  ],
  [
    'two documents that replace each other',
    { [A]: replaced(1, 2), [B]: replaced(2, 1) },
    [
      {
        level: 'error',
        code: 'superseded-loop',
        file: A,
        line: 14,
        field: 'superseded_by',
        fieldZh: '替代文件索引号',
        message: loop([A, B], [1, 2]),
        fix: LOOP_FIX,
      },
    ],
  ],
  [
    'three documents that replace each other in a ring',
    { [A]: replaced(1, 2), [B]: replaced(2, 3), [C]: replaced(3, 1) },
    [
      {
        level: 'error',
        code: 'superseded-loop',
        file: A,
        line: 14,
        field: 'superseded_by',
        fieldZh: '替代文件索引号',
        message: loop([A, B, C], [1, 2, 3]),
      },
    ],
  ],
  [
    'a replacement that is not published yet',
    {
      [A]: docWith({ validity: '废止', superseded_by: `${ORG_CODE}/202701-00002` }),
      [B]: docWith({ index_no: `${ORG_CODE}/202701-00002`, written: '2026-11-01', published: '2027-01-05' }),
    },
    [
      {
        level: 'warning',
        code: 'held-back',
        file: B,
        line: 9,
        field: 'published',
        fieldZh: '发布日期',
        message: '发布日期 2027-01-05 晚于今天（2026-11-27），本次构建暂不发布（不生成页面，不计入目录）。',
      },
      {
        level: 'warning',
        code: 'superseded-by-held-back',
        file: A,
        line: 14,
        field: 'superseded_by',
        fieldZh: '替代文件索引号',
        message: `替代文件“${ORG_CODE}/202701-00002”尚未到发布日期，本次构建暂不显示指向它的链接。`,
      },
    ],
  ],
  [
    'links to pages the site does not have (links to pages it has are fine)',
    {
      [A]: docWith(
        {},
        '[另一份通知](/doc/no-such-doc/)。\n\n[目录](../../catalogue/topic/99/)\n\n' +
          `[另一份](../${SLUG_B}/)、[全部文件](/catalogue/)、[本页](/doc/${SLUG_A}/)\n`,
      ),
      [B]: docWith({ index_no: indexNo(2) }),
    },
    [
      {
        level: 'error',
        code: 'broken-page-link',
        file: A,
        line: 15,
        field: 'body',
        fieldZh: '正文',
        message: '正文链接的页面“/doc/no-such-doc/”在本网站中不存在（构建不会生成 /doc/no-such-doc/）。',
        fix: PAGE_LINK_FIX,
      },
      {
        level: 'error',
        code: 'broken-page-link',
        file: A,
        line: 17,
        field: 'body',
        fieldZh: '正文',
        message: '正文链接的页面“../../catalogue/topic/99/”在本网站中不存在（构建不会生成 /catalogue/topic/99/）。',
      },
    ],
  ],
];

describe.each([
  ['reading the column', reading],
  ['site.yaml, bodies.yaml, topics.yaml', siteFiles],
  ['document fields', fields],
  ['attachments and files', files],
  ['across documents', acrossDocuments],
] as const)('%s: every diagnostic, exactly', (_group, cases) => {
  it.each(cases)('%s', (_name, input, expected, options) => {
    expectDiagnostics(load(input, options).diagnostics, expected);
  });
});

describe('outcomes beyond the messages', () => {
  it('an empty documents/ folder has no documents', () => {
    const dir = columnDir({});
    mkdirSync(path.join(dir, 'documents'));
    expectDiagnostics(loadSite(dir, { today: TODAY }).diagnostics, [
      {
        level: 'error',
        code: 'no-documents',
        file: 'documents/',
        message: '没有找到任何文件（content/documents/ 下的 .md 文件）。',
      },
    ]);
  });

  it('symbolic links: a linked attachment and a linked document', () => {
    const dir = columnDir({ [A]: docWith(attaching('secret.pdf')) });
    symlinkSync('/etc/hostname', path.join(dir, 'documents/secret.pdf'));
    symlinkSync(path.join(dir, A), path.join(dir, 'documents/copy.md'));
    expectDiagnostics(loadSite(dir, { today: TODAY }).diagnostics, [
      {
        level: 'error',
        code: 'symlink',
        file: A,
        line: 14,
        field: 'attachments',
        fieldZh: '附件',
        message: '附件“secret.pdf”是符号链接，出于安全考虑不予发布。',
        fix: '把真实文件复制到 Markdown 文件旁边，不要使用链接。',
      },
      {
        level: 'error',
        code: 'symlink',
        file: 'documents/copy.md',
        message: '这是一个符号链接；出于安全考虑，documents/ 中的链接不会被读取或发布。',
        fix: '把真实的文件或目录放在这里，不要使用链接。',
      },
    ]);
  });

  it('invisible characters are removed from the published values', () => {
    const site = load({
      [A]: docWith({ title: '关于做好\u00A0政务公开\u200B工作的通知', doc_no: '测政办〔2021〕\u00A03\u00AD号' }),
    });
    expect(site.documents[0]).toMatchObject({ title: '关于做好 政务公开工作的通知', docNo: '测政办〔2021〕3号' });
  });

  it('a timed 发布日期 is published once its time has come', () => {
    const files = {
      [A]: docWith({ index_no: `${ORG_CODE}/202611-00001`, written: '2026-11-20', published: '2026-11-27 10:30' }),
    };
    const early = load(files, { now: '2026-11-27 09:00' });
    expect(early.documents).toEqual([]);
    expect(early.heldBack).toEqual([{ file: A, title: BASE_DOC.title, published: '2026-11-27' }]);
    const later = load(files, { now: '2026-11-27 11:00' });
    expect(later.diagnostics).toEqual([]);
    expect(later.heldBack).toEqual([]);
    expect(later.documents.map((d) => [d.file, d.published, d.publishedAt])).toEqual([
      [A, '2026-11-27', '2026-11-27 10:30'],
    ]);
  });

  it('a document with an error in one field still uses its attachment and linked files: no “unused file”', () => {
    const site = load({
      [A]: docWith({ written: '2021-02-30', ...attaching('附件1.pdf') }, '见[附表](附表.xlsx)。\n'),
      'documents/附件1.pdf': '%PDF-1.4',
      'documents/附表.xlsx': 'PK',
    });
    expectDiagnostics(site.diagnostics, [
      {
        level: 'error',
        code: 'schema',
        file: A,
        line: 8,
        field: 'written',
        fieldZh: '成文日期',
        message: '日期“2021-02-30”不存在（请核对月份和日期）。',
      },
    ]);
  });
});

describe('renamed topics, genres and sections keep their old names', () => {
  const topicIds = (files: Files) => {
    const site = load(files);
    expect(site.diagnostics).toEqual([]);
    return Object.fromEntries(site.documents.map((d) => [d.file, d.topicId]));
  };

  it('a renamed category: documents written with its old name still resolve', () => {
    const ids = topicIds({
      'topics.yaml': '- id: "17"\n  name: 民政、乡村振兴、救灾\n',
      [A]: docWith({ topic: '民政、扶贫、救灾\\扶贫' }),
      [B]: docWith({ index_no: indexNo(2), topic: '民政、扶贫、救灾' }),
      [C]: docWith({ index_no: indexNo(3), topic: '民政、乡村振兴、救灾\\扶贫' }),
    });
    expect(ids).toEqual({ [A]: '17-06', [B]: '17', [C]: '17-06' });
  });

  it('a renamed sub-category keeps its old full name', () => {
    const ids = topicIds({
      'topics.yaml': '- id: "17-06"\n  name: 乡村振兴\n',
      [A]: docWith({ topic: '民政、扶贫、救灾\\扶贫' }),
      [B]: docWith({ index_no: indexNo(2), topic: '民政、扶贫、救灾\\乡村振兴' }),
    });
    expect(ids).toEqual({ [A]: '17-06', [B]: '17-06' });
  });

  it('a sub-category renamed together with its category keeps its old full name', () => {
    const ids = topicIds({
      'topics.yaml': '- id: "17"\n  name: 民政、乡村振兴、救灾\n- id: "17-06"\n  name: 乡村振兴\n',
      [A]: docWith({ topic: '民政、扶贫、救灾\\扶贫' }),
      [B]: docWith({ index_no: indexNo(2), topic: '民政、扶贫、救灾\\乡村振兴' }),
      [C]: docWith({ index_no: indexNo(3), topic: '民政、乡村振兴、救灾\\乡村振兴' }),
    });
    expect(ids).toEqual({ [A]: '17-06', [B]: '17-06', [C]: '17-06' });
  });

  it('after a rename, a wrong sub-category lists the current names', () => {
    const site = load({
      'topics.yaml': '- id: "17"\n  name: 民政、乡村振兴、救灾\n- id: "17-06"\n  name: 乡村振兴\n',
      [A]: docWith({ topic: '民政、扶贫、救灾\\扶贫开发' }),
    });
    expectDiagnostics(site.diagnostics, [
      {
        level: 'error',
        code: 'unknown-topic',
        file: A,
        line: 5,
        field: 'topic',
        fieldZh: '主题分类',
        message: '主题分类“民政、扶贫、救灾\\扶贫开发”不存在。',
        fix: '“民政、乡村振兴、救灾”下的小类有：“减灾救灾”“优抚安置”“社会福利”“行政区划与地名”“社团管理”“乡村振兴”“其他”；写成 民政、乡村振兴、救灾\\小类（不加引号或用单引号，双引号会把“\\”当作转义符）。',
      },
    ]);
  });

  it('a renamed genre and a renamed section resolve by their old and new names', () => {
    const site = load({
      'genres.yaml': '- id: notice\n  name: 通知公告\n',
      'sections.yaml': '- id: art20-11\n  name: 惠民政策\n',
      [A]: docWith({ genre: '通知', section: '民生政策措施' }),
      [B]: docWith({ index_no: indexNo(2), genre: '通知公告', section: '惠民政策' }),
      [C]: docWith({ index_no: indexNo(3), section: '第二十条第（十一）项' }),
    });
    expect(site.diagnostics).toEqual([]);
    expect(Object.fromEntries(site.documents.map((d) => [d.file, [d.genreId, d.sectionId]]))).toEqual({
      [A]: ['notice', 'art20-11'],
      [B]: ['notice', 'art20-11'],
      [C]: ['notice', 'art20-11'],
    });
    expect(site.genres.find((g) => g.id === 'notice')).toMatchObject({ name: '通知公告', aliases: ['通知'] });
    expect(site.sections.find((s) => s.id === 'art20-11')?.name).toBe('惠民政策');
  });
});

describe('YAML syntax errors in Chinese', () => {
  it.each([
    [
      'an empty item in brackets',
      'keywords: [政务公开, , 年报]',
      '方括号中有空项：两个逗号之间没有值（空格子请写 0）。',
    ],
    ['an unclosed bracket', 'keywords: [政务公开, 年报', '方括号没有闭合：缺少“]”。'],
    ['an unclosed quote', 'doc_no: "测政办〔2021〕3号', '引号没有成对：缺少结束的引号。'],
    [
      'a colon without a space inside a value',
      'summary: 一: 二',
      '这一行的缩进或冒号不对：“字段: 值”的冒号后要有一个空格，同一层的字段要对齐。',
    ],
  ])('%s', (_name, line, message) => {
    const dir = writeColumn({ 'documents/a.md': doc(BASE_DOC).replace('genre: 通知\n', `genre: 通知\n${line}\n`) });
    const found = loadSite(dir, { today: '2026-11-27' }).diagnostics.filter((d) => d.code === 'yaml-syntax');
    expect(found.map((d) => d.message)).toContain(`YAML 语法错误：${message}`);
  });
});

describe('numbers out of range in site.yaml', () => {
  it.each([
    ['page_size: 2', '应不小于 5，实为 2。'],
    ['page_size: 500', '应不大于 200，实为 500。'],
  ])('%s', (line, message) => {
    const dir = writeColumn({ 'site.yaml': SITE_YAML.replace('page_size: 20', line), 'documents/a.md': doc(BASE_DOC) });
    const found = loadSite(dir, { today: '2026-11-27' }).diagnostics.filter((d) => d.field === 'page_size');
    expect(found.map((d) => [d.code, d.fieldZh, d.message, d.fix])).toEqual([
      ['schema', '每页条数', message, '改为允许范围内的数。'],
    ]);
  });
});
