// Accessibility of bodies (src/lib/body-accessibility.ts, src/lib/checks/content-accessibility.ts):
// each rule with bodies that break it and bodies that must pass, the exact diagnostics, the link
// fixes that name the target's title, and the line scan that spares most bodies the parse.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isVagueLinkText, mayHaveStructureFindings } from '../../src/lib/body-accessibility.ts';
import { scanBody, splitFrontmatter } from '../../src/lib/markdown.ts';
import { loadSite } from '../../src/lib/site.ts';
import { SAMPLE_CONTENT } from '../helpers/paths.ts';
import { BASE_DOC, ORG_CODE, doc, expectDiagnostics, writeColumn, type ExpectedDiagnostic } from './fixture-column.ts';

const TODAY = '2026-11-27';
const A = 'documents/a.md';
/** File line of the body's first line in the fixture document. */
const L = 15;

const at = (line: number) => ({ file: A, line: L + line - 1, field: 'body', fieldZh: '正文' });

function diagnosticsOf(body: string, files: Record<string, string> = {}) {
  return loadSite(writeColumn({ [A]: doc(BASE_DOC, body), ...files }), { today: TODAY }).diagnostics;
}

const IMAGE_FIX = (src: string) =>
  `在方括号中写出图片表达的内容，例如 ![2015—2020年地区生产总值柱状图：由98.6亿元增长到142.3亿元](${src})；` +
  `图表的数据也应在正文或表格中写出。纯装饰、不表达内容的图片改写为 <img src="${src}" alt="">。`;
const imageMd = (line: number, src: string): ExpectedDiagnostic => ({
  level: 'error',
  code: 'image-alt',
  ...at(line),
  message: `图片“${src}”没有替代文字（![] 的方括号中是空的），读屏软件用户无法知道图片的内容。`,
  fix: IMAGE_FIX(src),
});
const imageHtml = (line: number, src: string): ExpectedDiagnostic => ({
  level: 'error',
  code: 'image-alt',
  ...at(line),
  message: `HTML 图片 <img src="${src}"> 没有 alt 属性（替代文字），读屏软件会读出文件名或跳过它。`,
  fix: `加上替代文字：<img src="${src}" alt="图片表达的内容">；纯装饰、不表达内容的图片写 alt=""。`,
});
const tableMd = (line: number): ExpectedDiagnostic => ({
  level: 'error',
  code: 'table-header',
  ...at(line),
  message: '表格的第一行（表头）是空的，读屏软件用户无法知道每一列是什么。',
  fix: '在第一行写出各列的名称，例如 | 序号 | 事项 | 责任单位 |（Markdown 表格的第一行就是表头）。',
});
const tableHtml = (line: number): ExpectedDiagnostic => ({
  level: 'error',
  code: 'table-header',
  ...at(line),
  message: 'HTML 表格没有表头单元格 <th>，读屏软件用户无法知道每一列（或行）是什么。',
  fix: '把表头行的 <td> 改为 <th>，或改用 Markdown 表格（第一行就是表头）；只用于排版、不是数据的表格加 role="presentation"。',
});
const skip = (line: number, text: string, mark: string, prev: string, prevMark: string, expected: string) => ({
  level: 'warning' as const,
  code: 'heading-skip',
  ...at(line),
  message: `标题“${text}”（${mark}）比前一个标题“${prev}”（${prevMark}）低了不止一级，跳过了 ${expected}。`,
  fix: `改为 ${expected}，或在两者之间补上 ${expected} 级的标题：读屏软件用户按标题层级浏览，跳级会让人以为漏掉了内容。`,
});
const firstSkip = (line: number, text: string, mark: string, expected: string) => ({
  level: 'warning' as const,
  code: 'heading-skip',
  ...at(line),
  message: `正文的第一个标题“${text}”写作 ${mark}，跳过了 ${expected}：网页上文件标题是一级标题，正文的标题应从 ${expected} 开始。`,
  fix: `改为 ${expected}，下级标题再逐级使用（不跳级）。`,
});
const vague = (line: number, text: string, fix: string): ExpectedDiagnostic => ({
  level: 'warning',
  code: 'link-text',
  ...at(line),
  message: `链接文字“${text}”没有说明链接指向什么：读屏软件用户常按链接列表浏览，只会听到“${text}”。`,
  fix,
});
const nameless = (line: number, href: string, fix: string): ExpectedDiagnostic => ({
  level: 'error',
  code: 'link-name',
  ...at(line),
  message: `链接“${href}”没有文字，读屏软件只能读出它的网址。`,
  fix,
});

/** [rule, body, every diagnostic it causes]; an empty list: the body must pass. */
const cases: [string, string, ExpectedDiagnostic[]][] = [
  // images
  ['Markdown image with an empty alt', '正文。\n\n![](图1.png)\n', [imageMd(3, '图1.png')]],
  ['Markdown image whose alt is only spaces', '![ 　](图1.png)\n', [imageMd(1, '图1.png')]],
  ['raw HTML <img> without alt', '<p><img src="图1.png"></p>\n', [imageHtml(1, '图1.png')]],
  ['Markdown image with an alt passes', '![地区生产总值柱状图](图1.png)\n', []],
  ['raw HTML alt="" (decorative on purpose) passes', '<p><img src="线.png" alt=""></p>\n', []],
  ['raw HTML role="presentation" passes', '<p><img src="线.png" role="presentation"></p>\n', []],
  ['raw HTML aria-label passes', '<p><img src="图.png" aria-label="组织机构图"></p>\n', []],
  // tables
  ['Markdown table with an empty first row', '| | |\n|---|---|\n| 1 | 事项 |\n', [tableMd(1)]],
  ['Markdown table with an empty first row of &nbsp;', '|&nbsp;|　|\n|---|---|\n| 1 | 事项 |\n', [tableMd(1)]],
  ['raw HTML <table> without <th>', '<table><tr><td>序号</td></tr><tr><td>1</td></tr></table>\n', [tableHtml(1)]],
  ['raw HTML <table> whose <th> are empty', '<table><tr><th></th></tr><tr><td>1</td></tr></table>\n', [tableHtml(1)]],
  ['Markdown table with a header passes', '| 序号 | 事项 |\n|---|---|\n| 1 | 公开 |\n', []],
  ['a header row with an empty corner cell passes', '| | 2023年 |\n|---|---|\n| 收入 | 5 |\n', []],
  ['raw HTML <th> passes', '<table><tr><th>序号</th></tr><tr><td>1</td></tr></table>\n', []],
  ['a layout table (role="presentation") passes', '<table role="presentation"><tr><td>甲</td></tr></table>\n', []],
  // headings
  ['## then ####', '## 一、总则\n\n#### （一）范围\n', [skip(3, '（一）范围', '####', '一、总则', '##', '###')]],
  ['the first heading is ###', '### 一、总则\n\n正文。\n', [firstSkip(1, '一、总则', '###', '##')]],
  [
    'a body using # starts at # (it is moved down a level)',
    '# 第一章\n\n### 第一条\n',
    [skip(3, '第一条', '###', '第一章', '#', '##')],
  ],
  ['## after # is moved down too: ## first is a skip', '## 一\n\n# 二\n', [firstSkip(1, '一', '##', '#')]],
  ['raw HTML headings count', '<h2>一</h2>\n\n<h4>二</h4>\n', [skip(3, '二', '<h4>', '一', '<h2>', '<h3>')]],
  ['a skip inside a block quote', '## 一\n\n> #### 引文\n', [skip(3, '引文', '####', '一', '##', '###')]],
  [
    'one skip, then the same level again, is one warning',
    '## 一\n\n#### 甲\n\n#### 乙\n',
    [skip(3, '甲', '####', '一', '##', '###')],
  ],
  ['## ### #### ## passes', '## 一\n\n### 甲\n\n#### 子\n\n## 二\n', []],
  ['# ## ### passes', '# 一\n\n## 甲\n\n### 子\n', []],
  ['a body without headings passes', '正文。\n', []],
  ['#### inside a code block is not a heading', '## 一\n\n```\n#### 代码\n```\n', []],
  ['an escaped \\#### is not a heading', '## 一\n\n\\#### 不是标题\n', []],
  ['“#标签” without a space is not a heading', '## 一\n\n####标签\n', []],
  // links
  [
    'a link that says 点击这里',
    '申请表[点击这里](申请表.pdf)下载。\n',
    [vague(1, '点击这里', '把链接文字改为目标的标题或名称，例如 [链接目标的标题](申请表.pdf)。')],
  ],
  ...([
    '点击此处',
    '这里',
    '此处',
    '详见附件',
    '更多',
    '链接',
    '下载',
    '更多>>',
    '【点击下载】',
    'here',
    'Click here',
    'Read more',
  ].map((text): [string, string, ExpectedDiagnostic[]] => [
    `the link text “${text}”`,
    `[${text}](https://www.gov.cn/)\n`,
    [vague(1, text, '把链接文字改为目标的标题或名称，例如 [链接目标的标题](https://www.gov.cn/)。')],
  ]) as [string, string, ExpectedDiagnostic[]][]),
  [
    'an empty link',
    '见[](https://www.gov.cn/)。\n',
    [nameless(1, 'https://www.gov.cn/', '在方括号中写出链接目标的标题或名称：[链接目标的标题](https://www.gov.cn/)。')],
  ],
  [
    'an empty raw HTML link',
    '<p><a href="https://www.gov.cn/"></a></p>\n',
    [nameless(1, 'https://www.gov.cn/', '在 <a> 和 </a> 之间写出链接目标的标题或名称。')],
  ],
  [
    'an image-only link whose image has no alt',
    '[![](logo.png)](https://www.gov.cn/)\n',
    [
      {
        level: 'error',
        code: 'link-name',
        ...at(1),
        message: '链接“https://www.gov.cn/”只有一张没有替代文字的图片，读屏软件无法说出它指向什么。',
        fix: '在图片的方括号中写出链接目标的标题或名称：[![链接目标的标题](图片)](https://www.gov.cn/)。',
      },
    ],
  ],
  ['an image-only link whose image has an alt passes', '[![中国政府网](logo.png)](https://www.gov.cn/)\n', []],
  ['a link with its target’s title passes', '见[中国政府网](https://www.gov.cn/)。\n', []],
  [
    'a bare URL as the text passes (the address is the information)',
    '网址：<https://www.gov.cn/>，或 www.gov.cn。\n',
    [],
  ],
  ['a link text naming something, with 下载 in it, passes', '[下载申请表](申请表.pdf)\n', []],
  ['“附件1” (the attachment’s number as the body cites it) passes', '见[附件1](附件1.pdf)。\n', []],
];

describe('content accessibility: each rule, failing and passing bodies', () => {
  it.each(cases)('%s', (_name, body, expected) => {
    // files the bodies link to exist, so only the rule under test speaks
    const files = Object.fromEntries(
      [...body.matchAll(/(?:\]\(|src=")([^)"/:]+\.(?:png|pdf))/g)].map((m) => [`documents/${m[1]}`, 'x']),
    );
    expectDiagnostics(diagnosticsOf(body, files), expected);
  });
});

describe('link fixes name the target', () => {
  const B = {
    ...BASE_DOC,
    title: '测试县人民政府关于印发《测试县政务公开办法》的通知',
    index_no: `${ORG_CODE}/202103-00002`,
  };
  it('a link to another document’s page: its title', () => {
    const found = loadSite(
      writeColumn({
        [A]: doc(BASE_DOC, '办法[详见这里](../11999999999900011l-202103-00002/)。\n'),
        'documents/b.md': doc(B),
      }),
      { today: TODAY },
    ).diagnostics;
    expectDiagnostics(found, [
      vague(1, '详见这里', `把链接文字改为目标的标题：[${B.title}](../11999999999900011l-202103-00002/)。`),
    ]);
  });
  it('a link to an attachment: the attachment’s title', () => {
    const found = loadSite(
      writeColumn({
        [A]: doc(
          { ...BASE_DOC, attachments: [{ file: '附件1.pdf', title: '附件1：政务公开工作要点' }] },
          '[](附件1.pdf)\n',
        ),
        'documents/附件1.pdf': '%PDF-1.4',
      }),
      { today: TODAY },
    ).diagnostics;
    expectDiagnostics(found, [
      {
        ...nameless(1, '附件1.pdf', '在方括号中写出目标的标题：[附件1：政务公开工作要点](附件1.pdf)。'),
        line: 18, // the attachments list makes the frontmatter three lines longer
      },
    ]);
  });
});

describe('vague link texts', () => {
  it.each([
    ['点击这里', true],
    ['点此下载', true],
    ['请点击此处查看详情', true],
    ['查看全文', true],
    ['>>更多', true],
    ['附件', true],
    ['LEARN MORE', true],
    ['示例县人民政府', false],
    ['下载申请表', false],
    ['附件1', false],
    ['https://www.gov.cn/', false],
    ['政策解读', false],
  ])('“%s” → %s', (text, expected) => {
    expect(isVagueLinkText(text)).toBe(expected);
  });
});

/** Every Markdown body of a content folder. */
function bodiesOf(dir: string): { file: string; body: string }[] {
  return readdirSync(path.join(dir, 'documents'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ file: f, body: splitFrontmatter(readFileSync(path.join(dir, 'documents', f), 'utf8')).body }));
}

describe('the line scan that spares bodies the parse', () => {
  it('never hides a finding: scanning with and without it gives the same findings', () => {
    const bodies = [...cases.map((c) => c[1]), ...bodiesOf(SAMPLE_CONTENT).map((b) => b.body)];
    // bodies the scan sees alone (no link, image or HTML) with headings and tables written every way
    bodies.push(
      '## 一\n\n    #### 缩进\n',
      '- 项\n\n    #### 列表中的标题\n',
      '## 一\n\n-#### 不是列表\n',
      '标题\n===\n\n#### 四\n',
      '## 一\n\n段落\n---\n',
      '## 一\n\n~~~\n## 代码\n~~~\n\n#### 四\n',
      '## 一\n\n|  |  |\n| :-- | --: |\n| a | b |\n',
      '> | | |\n> |---|---|\n> | a | b |\n',
      '- ## 一\n  #### 二\n',
      '## 一\n\n1. #### 二\n',
    );
    for (const body of bodies) {
      const auto = scanBody(body, A, 1).accessibility;
      const parsed = scanBody(body, A, 1, { alwaysParse: true }).accessibility;
      expect(auto, body).toEqual(parsed);
    }
  });

  it('lets one-step headings and filled header rows through without a parse', () => {
    expect(mayHaveStructureFindings('## 一\n\n### 甲\n\n| 序号 | 事项 |\n|---|---|\n| 1 | a |\n\n## 二\n')).toBe(false);
    expect(mayHaveStructureFindings('## 一\n\n#### 甲\n')).toBe(true);
    expect(mayHaveStructureFindings('| | |\n|---|---|\n| 1 | a |\n')).toBe(true);
    // the sample column's bodies: none needs it
    const parsed = bodiesOf(SAMPLE_CONTENT).filter((b) => mayHaveStructureFindings(b.body));
    expect(parsed.map((b) => b.file)).toEqual([]);
  });

  it('the sample column has no accessibility findings', () => {
    const site = loadSite(SAMPLE_CONTENT, { today: TODAY });
    const codes = new Set(['image-alt', 'link-name', 'link-text', 'table-header', 'heading-skip']);
    expect(site.diagnostics.filter((d) => codes.has(d.code))).toEqual([]);
  });
});
