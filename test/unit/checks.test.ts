// Every content check: one failing input each, and the exact message editors get.
import { describe, expect, it } from 'vitest';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSite } from '../../src/lib/site.ts';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import type { Diagnostic } from '../../src/lib/types.ts';
import { BASE_DOC, ORG_CODE, OFFICE_CODE, doc, writeColumn } from './fixture-column.ts';

const TODAY = '2026-11-27';
const A = 'documents/a.md';

function load(files: Record<string, string>) {
  return loadSite(writeColumn(files), { today: TODAY });
}

/** The one column with a single document whose frontmatter has `change` applied. */
function loadOne(change: Record<string, unknown>, body?: string, extra: Record<string, string> = {}) {
  const fields: Record<string, unknown> = { ...BASE_DOC };
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) delete fields[k];
    else fields[k] = v;
  }
  return load({ [A]: doc(fields, body), ...extra });
}

const pick = (d: Diagnostic) => ({
  level: d.level,
  code: d.code,
  file: d.file,
  line: d.line,
  field: d.field,
  fieldZh: d.fieldZh,
  message: d.message,
});

describe('a valid column', () => {
  it('loads without diagnostics', () => {
    const site = loadOne({});
    expect(site.diagnostics).toEqual([]);
    expect(site.documents).toHaveLength(1);
    const d = site.documents[0]!;
    expect(d.slug).toBe('11999999999900011l-202103-00001');
    expect(d.topicId).toBe('02-01');
    expect(d.genreId).toBe('notice');
    expect(d.sectionId).toBe('art20-01');
    expect(d.summary).toBe('各乡镇人民政府，县直各单位：现将有关事项通知如下。');
  });
});

// [name, frontmatter change, expected diagnostic (subset), body?]
const cases: [string, Record<string, unknown>, Partial<Diagnostic>, number?][] = [
  [
    'missing title',
    { title: undefined },
    { level: 'error', code: 'schema', field: 'title', fieldZh: '标题', message: '缺少必填字段。' },
  ],
  [
    'index_no unquoted number',
    { index_no: 14349 },
    {
      level: 'error',
      code: 'number-not-string',
      field: 'index_no',
      fieldZh: '索引号',
      line: 3,
      message: '“14349”被读成了数字 14349，前导零或末尾数字会丢失。',
    },
  ],
  [
    'bad date',
    { written: '2021-02-30' },
    {
      level: 'error',
      code: 'schema',
      field: 'written',
      fieldZh: '成文日期',
      line: 8,
      message: '日期“2021-02-30”不存在（请核对月份和日期）。',
    },
  ],
  [
    'date format',
    { published: '2021/03/05' },
    {
      level: 'error',
      code: 'schema',
      field: 'published',
      line: 9,
      message: '日期“2021/03/05”格式不对，应写成 年-月-日 或 年-月-日 时:分，例如 2021-09-26 或 2021-09-26 10:30。',
    },
  ],
  [
    'validity value',
    { validity: '作废' },
    { level: 'error', code: 'schema', field: 'validity', fieldZh: '有效性', message: '“作废”不是允许的值。' },
  ],
  [
    'unknown publisher',
    { publisher: '测试县交通局' },
    {
      level: 'error',
      code: 'unknown-publisher',
      field: 'publisher',
      fieldZh: '发布机构',
      line: 4,
      message: '发布机构“测试县交通局”不在机构清单 bodies.yaml 中。',
    },
  ],
  [
    'unknown topic',
    { topic: '综合政务\\政务服务' },
    {
      level: 'error',
      code: 'unknown-topic',
      field: 'topic',
      fieldZh: '主题分类',
      line: 5,
      message: '主题分类“综合政务\\政务服务”不存在。是不是“综合政务”？',
    },
  ],
  [
    'unknown genre',
    { genre: '便函' },
    {
      level: 'error',
      code: 'unknown-genre',
      field: 'genre',
      fieldZh: '体裁',
      line: 6,
      message: '体裁“便函”不存在。是不是“函”？',
    },
  ],
  [
    'unknown section',
    { section: '第二十条第（十六）项' },
    {
      level: 'error',
      code: 'unknown-section',
      field: 'section',
      fieldZh: '所属栏目',
      message:
        '所属栏目“第二十条第（十六）项”不存在。是不是“第二十条第（六）项”、“第二十条第（十）项”或“第二十条第（十一）项”？',
    },
  ],
  [
    'published before written',
    { written: '2021-03-06' },
    {
      level: 'error',
      code: 'published-before-written',
      field: 'published',
      fieldZh: '发布日期',
      line: 9,
      message: '发布日期 2021-03-05 早于成文日期 2021-03-06。',
    },
  ],
  // a future 成文日期 comes with a future 发布日期 (held back) or an earlier one (error): two diagnostics
  [
    'future written date warns',
    { written: '2027-01-01', published: '2027-01-01', index_no: `${ORG_CODE}/202701-00001` },
    {
      level: 'warning',
      code: 'future-written',
      field: 'written',
      line: 8,
      message: '成文日期 2027-01-01 晚于今天（2026-11-27）。',
    },
    2,
  ],
  [
    'superseded_by names no document',
    { validity: '废止', superseded_by: `${ORG_CODE}/202103-00999` },
    {
      level: 'error',
      code: 'unknown-superseded-by',
      field: 'superseded_by',
      fieldZh: '替代文件索引号',
      message: `替代文件索引号“${ORG_CODE}/202103-00999”不属于任何文件。`,
    },
  ],
  [
    'missing attachment',
    { attachments: [{ file: '附件1.pdf', title: '附件1' }] },
    {
      level: 'error',
      code: 'missing-attachment',
      field: 'attachments',
      fieldZh: '附件',
      line: 14,
      message: '附件文件“附件1.pdf”不存在（应在内容目录的 documents/附件1.pdf）。',
    },
  ],
  [
    'index_no not matching the pattern',
    { index_no: `${ORG_CODE}-2021-00001` },
    {
      level: 'error',
      code: 'index-no-pattern',
      field: 'index_no',
      line: 3,
      message: `索引号“${ORG_CODE}-2021-00001”不符合本网站的索引号规则 {code}/{yyyymm}-{serial:5}。`,
    },
  ],
  [
    'wrong check character in the 索引号 code',
    { index_no: '11999999999900011M/202103-00001' },
    {
      level: 'error',
      code: 'index-no-check-char',
      field: 'index_no',
      message: '索引号中的机构代码“11999999999900011M”校验不通过：校验码（第 18 位）应为 L，实为 M。',
    },
  ],
  [
    'another body’s code in the 索引号',
    { index_no: `${OFFICE_CODE}/202103-00001` },
    {
      level: 'error',
      code: 'index-no-code',
      field: 'index_no',
      message: `索引号中的机构代码“${OFFICE_CODE}”不是测试县人民政府的代码 ${ORG_CODE}。`,
    },
  ],
  [
    'body without code uses the site code',
    { publisher: '测试镇人民政府', index_no: `${OFFICE_CODE}/202103-00001` },
    {
      level: 'error',
      code: 'index-no-code',
      message: `索引号中的机构代码“${OFFICE_CODE}”不是本网站主管机关（测试县人民政府）的代码 ${ORG_CODE}。`,
    },
  ],
  [
    'year of the 索引号',
    { index_no: `${ORG_CODE}/202003-00001` },
    {
      level: 'error',
      code: 'index-no-year',
      field: 'index_no',
      message: '索引号中的年份“202003”与发布日期 / published（2021-03-05）不一致。',
    },
  ],
  [
    '文号 form warns',
    { doc_no: '测政办[2021]03号' },
    {
      level: 'warning',
      code: 'doc-no-format',
      field: 'doc_no',
      fieldZh: '文号',
      line: 7,
      message: '文号“测政办[2021]03号”不符合 机关代字〔年份〕序号号 的格式。',
      fix: '年份应使用六角括号〔〕，序号不加“第”和前导零：测政办〔2021〕3号。',
    },
  ],
  [
    'normative without validity',
    { normative: '行政规范性文件' },
    {
      level: 'error',
      code: 'normative-without-validity',
      field: 'validity',
      message: '行政规范性文件必须注明有效性。',
    },
  ],
  [
    '废止 normative without date',
    { normative: '行政规范性文件', validity: '废止' },
    {
      level: 'error',
      code: 'repealed-date-missing',
      field: 'repealed',
      message: '行政规范性文件已废止，但没有填写废止日期。',
    },
  ],
  [
    'a wrong type is not reported as missing',
    { attachments: 'a.pdf' },
    {
      level: 'error',
      code: 'schema',
      field: 'attachments',
      message: '应为列表，实为文字。',
      fix: '改写成列表，每项一行，以“- ”开头。',
    },
  ],
  [
    'keywords as a number',
    { keywords: 12 },
    { level: 'error', code: 'schema', field: 'keywords', message: '应为文字或列表，实为数字。' },
  ],
  [
    'topic with a slash is accepted with a warning',
    { topic: '国民经济管理、国有资产监管/宏观经济' },
    {
      level: 'warning',
      code: 'topic-separator',
      field: 'topic',
      message: '主题分类“国民经济管理、国有资产监管/宏观经济”的大类和小类之间应使用反斜杠“\\”。',
    },
  ],
  [
    'unknown field warns',
    { titel: 'x' },
    { level: 'warning', code: 'unknown-field', message: '无法识别的字段“titel”，它不会显示在网页上。' },
  ],
];

describe('each check reports its problem', () => {
  it.each(cases)('%s', (_name, change, expected, count = 1) => {
    const site = loadOne(change);
    const found = site.diagnostics;
    expect(found).toContainEqual(expect.objectContaining({ file: A, ...expected }));
    // nothing else goes wrong: the change causes exactly this one diagnostic
    expect(site.diagnostics).toHaveLength(count);
  });
});

describe('body checks', () => {
  const bodyCases: [string, string, Partial<Diagnostic>][] = [
    [
      'script element',
      '正文。\n\n<script>alert(1)</script>\n',
      {
        level: 'error',
        code: 'raw-html-element',
        field: 'body',
        fieldZh: '正文',
        line: 17,
        message: '正文含有不允许的 HTML 元素 <script>，它可能运行代码或嵌入外部页面。',
      },
    ],
    [
      'iframe element',
      '正文。\n\n<iframe src="https://example.com"></iframe>\n',
      {
        level: 'error',
        code: 'raw-html-element',
        message: '正文含有不允许的 HTML 元素 <iframe>，它可能运行代码或嵌入外部页面。',
      },
    ],
    [
      'event attribute',
      '正文。\n\n<img src="x.png" onerror="alert(1)">\n',
      { level: 'error', code: 'raw-html-event', message: '正文的 HTML 含有事件属性 onerror=，它会运行脚本。' },
    ],
    [
      'javascript: link',
      '正文[点击](javascript:alert(1))。\n',
      { level: 'error', code: 'javascript-url', line: 15, message: '正文含有 javascript: 链接，它会运行脚本。' },
    ],
    [
      'style attribute warns',
      '正文。\n\n<p style="color:red">红字</p>\n',
      {
        level: 'warning',
        code: 'raw-html-style',
        message: '正文的 HTML 含有 style= 属性，网站安全策略不允许内联样式，发布时已将其删除。',
      },
    ],
    [
      'svg link with an entity-encoded javascript: URL',
      '正文。\n\n<svg><a xlink:href="&#106;avascript:alert(1)"><text>x</text></a></svg>\n',
      { level: 'error', code: 'javascript-url', message: '正文含有 javascript: 链接，它会运行脚本。' },
    ],
    [
      'svg animate',
      '正文。\n\n<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>\n',
      {
        level: 'error',
        code: 'raw-html-element',
        message: '正文含有不允许的 HTML 元素 <animate>，它可能运行代码或嵌入外部页面。',
      },
    ],
    [
      'data:text/html link',
      '[点](data:text/html;base64,PHNjcmlwdD4=)\n',
      { level: 'error', code: 'javascript-url', message: '正文含有 data: 链接，它会运行脚本。' },
    ],
    [
      'image from another host',
      '![图](https://example.com/a.png)\n',
      {
        level: 'error',
        code: 'other-host-resource',
        line: 15,
        message:
          '正文从其他网站加载“https://example.com/a.png”，网站只能加载本站的文件（内网部署时也无法访问外部网站）。',
      },
    ],
    [
      'a local file named javascript-… is fine',
      '见[说明](javascript-intro.pdf)。\n',
      { level: 'error', code: 'missing-link-target', message: '正文链接的文件“javascript-intro.pdf”不存在。' },
    ],
    [
      'link to another document’s Markdown',
      '见[另一份](b.md)。\n',
      { level: 'error', code: 'markdown-link', message: '正文链接的文件“documents/b.md”不存在。' },
    ],
    [
      'link to a missing local file',
      '见[附表](附表.xlsx)。\n',
      { level: 'error', code: 'missing-link-target', line: 15, message: '正文链接的文件“附表.xlsx”不存在。' },
    ],
  ];
  it.each(bodyCases)('%s', (_name, body, expected) => {
    const site = loadOne({}, body);
    const found = site.diagnostics
      .filter((d) => !(d.code === 'missing-link-target' && expected.code !== 'missing-link-target'))
      .map(pick);
    expect(found).toContainEqual(expect.objectContaining({ file: A, ...expected }));
  });
});

describe('checks across documents', () => {
  it('duplicate 索引号 names both files', () => {
    const site = load({ 'documents/a.md': doc(BASE_DOC), 'documents/b.md': doc({ ...BASE_DOC, title: '另一份文件' }) });
    expect(site.diagnostics.map(pick)).toEqual([
      {
        level: 'error',
        code: 'duplicate-index-no',
        file: 'documents/b.md',
        line: 3,
        field: 'index_no',
        fieldZh: '索引号',
        message: `索引号“${ORG_CODE}/202103-00001”与 documents/a.md 第 3 行 重复。`,
      },
    ]);
  });

  it('superseded_by links both ways', () => {
    const old = {
      ...BASE_DOC,
      normative: '行政规范性文件',
      validity: '废止',
      repealed: '2022-01-01',
      superseded_by: `${ORG_CODE}/202201-00002`,
    };
    const replacement = {
      ...BASE_DOC,
      index_no: `${ORG_CODE}/202201-00002`,
      written: '2022-01-01',
      published: '2022-01-02',
      normative: '行政规范性文件',
      validity: '有效',
    };
    const site = load({ 'documents/old.md': doc(old), 'documents/new.md': doc(replacement) });
    expect(site.diagnostics).toEqual([]);
    const byFile = new Map(site.documents.map((d) => [d.file, d]));
    expect(byFile.get('documents/old.md')!.supersededBySlug).toBe('11999999999900011l-202201-00002');
    expect(byFile.get('documents/new.md')!.supersedes).toEqual(['11999999999900011l-202103-00001']);
  });

  it('a future 发布日期 holds the document back with a warning', () => {
    const site = load({
      'documents/a.md': doc(BASE_DOC),
      'documents/later.md': doc({
        ...BASE_DOC,
        index_no: `${ORG_CODE}/202701-00002`,
        written: '2026-11-20',
        published: '2027-01-05',
      }),
    });
    expect(site.documents.map((d) => d.file)).toEqual(['documents/a.md']);
    expect(site.heldBack).toEqual([{ file: 'documents/later.md', title: BASE_DOC.title, published: '2027-01-05' }]);
    expect(site.diagnostics.map(pick)).toEqual([
      {
        level: 'warning',
        code: 'held-back',
        file: 'documents/later.md',
        line: 9,
        field: 'published',
        fieldZh: '发布日期',
        message: '发布日期 2027-01-05 晚于今天（2026-11-27），本次构建暂不发布（不生成页面，不计入目录）。',
      },
    ]);
  });

  it('a link to another document’s Markdown asks for its page address', () => {
    const site = load({
      'documents/a.md': doc(BASE_DOC, '见[另一份](b.md)。\n'),
      'documents/b.md': doc({ ...BASE_DOC, index_no: `${ORG_CODE}/202103-00002` }),
    });
    expect(site.diagnostics).toEqual([
      expect.objectContaining({
        code: 'markdown-link',
        file: 'documents/a.md',
        line: 15,
        message: '正文链接到另一份文件的源文件“documents/b.md”，网页上这个链接会失效。',
        fix: '改为链接它的网页：../11999999999900011l-202103-00002/',
      }),
    ]);
  });

  it('symbolic links are never followed', () => {
    const dir = writeColumn({ [A]: doc({ ...BASE_DOC, attachments: [{ file: 'secret.pdf', title: '附件' }] }) });
    symlinkSync('/etc/hostname', path.join(dir, 'documents/secret.pdf'));
    symlinkSync(path.join(dir, 'documents/a.md'), path.join(dir, 'documents/copy.md'));
    const site = loadSite(dir, { today: TODAY });
    expect(site.diagnostics.map((d) => `${d.file}:${d.code}:${d.level}`).sort()).toEqual([
      'documents/a.md:symlink:error',
      'documents/copy.md:symlink:error',
    ]);
    expect(site.documents[0]!.attachments).toEqual([]);
  });

  it('attachments in a sub-folder keep it in their published name', () => {
    const dir = writeColumn({
      [A]: doc({ ...BASE_DOC, attachments: [{ file: 'fj/附件1.pdf', title: '附件1' }] }),
      'documents/fj/附件1.pdf': '%PDF-1.4',
    });
    const site = loadSite(dir, { today: TODAY });
    expect(site.diagnostics).toEqual([]);
    expect(site.documents[0]!.attachments).toEqual([
      { title: '附件1', source: 'documents/fj/附件1.pdf', fileName: 'fj/附件1.pdf', ext: 'PDF', bytes: 8 },
    ]);
  });

  it('a missing closing --- is one clear error; a BOM is ignored', () => {
    const site = load({
      [A]: '---\ntitle: 无结束\n\n正文。\n',
      'documents/bom.md': '\uFEFF' + doc({ ...BASE_DOC, index_no: `${ORG_CODE}/202103-00002` }),
    });
    expect(site.diagnostics.map(pick)).toEqual([
      {
        level: 'error',
        code: 'frontmatter-unclosed',
        file: A,
        line: 1,
        field: undefined,
        fieldZh: undefined,
        message: '元数据没有结束：第 1 行的 --- 之后找不到结束的 ---。',
      },
    ]);
    expect(site.documents.map((d) => d.file)).toEqual(['documents/bom.md']);
  });

  it('a file in documents/ that nothing publishes is named', () => {
    const site = load({ [A]: doc(BASE_DOC), 'documents/草稿.txt': '草稿', 'documents/附件2.pdf': '%PDF' });
    expect(site.diagnostics.map(pick)).toEqual([
      {
        level: 'error',
        code: 'not-markdown',
        file: 'documents/草稿.txt',
        line: undefined,
        field: undefined,
        fieldZh: undefined,
        message: '文件不是 .md 文件：gongkai 只把扩展名为 .md 的文件作为文件发布，它会被遗漏。',
      },
      {
        level: 'warning',
        code: 'unused-file',
        file: 'documents/附件2.pdf',
        line: undefined,
        field: undefined,
        fieldZh: undefined,
        message: '这个文件没有被任何文件列为附件或在正文中链接，不会发布。',
      },
    ]);
  });

  it('reports every problem of a broken column in one run', () => {
    const site = load({
      'documents/a.md': doc(BASE_DOC),
      'documents/b.md': doc({ ...BASE_DOC, title: 'b' }), // duplicate 索引号
      'documents/c.md': doc({ ...BASE_DOC, index_no: `${ORG_CODE}/202103-00003`, publisher: '不存在的局' }),
      'documents/d.md': doc({ ...BASE_DOC, index_no: `${ORG_CODE}/202103-00004`, written: '2021-02-30' }),
      'documents/e.md': doc({
        ...BASE_DOC,
        index_no: `${ORG_CODE}/202103-00005`,
        attachments: [{ file: '无.pdf', title: '无' }],
      }),
    });
    expect(site.diagnostics.map((d) => `${d.file}:${d.code}`).sort()).toEqual([
      'documents/b.md:duplicate-index-no',
      'documents/c.md:unknown-publisher',
      'documents/d.md:schema',
      'documents/e.md:missing-attachment',
    ]);
  });

  it('a YAML syntax error is reported with its line, and topic in double quotes gets advice', () => {
    const text = doc(BASE_DOC).replace('topic: 综合政务\\政务公开', 'topic: "综合政务\\政务公开"');
    const site = load({ [A]: text });
    const d = site.diagnostics[0]!;
    expect(d).toMatchObject({ level: 'error', code: 'yaml-syntax', file: A, line: 5 });
    expect(d.fix).toBe(
      "主题分类等含“\\”的值请不加引号或改用单引号，例如 topic: 综合政务\\政务公开 或 topic: '综合政务\\政务公开'。",
    );
  });
});

describe('site.yaml and bodies.yaml', () => {
  it('a wrong check character of a body code is an error', () => {
    const dir = writeColumn({ [A]: doc(BASE_DOC) });
    writeFileSync(path.join(dir, 'bodies.yaml'), `- id: gov\n  name: 测试县人民政府\n  code: "11999999999900011K"\n`);
    const site = loadSite(dir, { today: TODAY });
    expect(site.diagnostics.map(pick)).toContainEqual({
      level: 'error',
      code: 'publisher-code',
      file: 'bodies.yaml',
      line: 3,
      field: 'code',
      fieldZh: '机构代码',
      message: '“测试县人民政府”的机构代码“11999999999900011K”校验码（第 18 位）应为 L，实为 K。',
    });
  });
  it('a missing site.yaml is named', () => {
    const dir = writeColumn({ [A]: doc(BASE_DOC) });
    writeFileSync(path.join(dir, 'site.yaml'), 'site_name: [\n');
    const site = loadSite(dir, { today: TODAY });
    expect(site.diagnostics[0]).toMatchObject({ level: 'error', code: 'yaml-syntax', file: 'site.yaml' });
  });
});

describe('formatDiagnostic', () => {
  it('names file, line, both field names, the problem and the fix', () => {
    const site = loadOne({ publisher: '测试县交通局' });
    expect(formatDiagnostic(site.diagnostics[0]!, 'content/')).toBe(
      'content/documents/a.md 第 4 行  错误  发布机构 / publisher：发布机构“测试县交通局”不在机构清单 bodies.yaml 中。\n' +
        '    修改方法：填写清单中的机构全称（测试县人民政府、测试县财政局、测试镇人民政府），或先在 bodies.yaml 中添加该机构。',
    );
  });
});
