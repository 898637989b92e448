import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ATTACHMENT_TYPES,
  REFUSED_TYPES,
  allowedTypes,
  checkPublishableFile,
  describeVerdict,
  fileExtension,
  inspectSvg,
  type FileVerdict,
} from '../../src/lib/file-policy.ts';

const NO_BYTES = (): Uint8Array => {
  throw new Error('only an SVG is read');
};
const utf8 = (s: string) => (): Uint8Array => new TextEncoder().encode(s);
const svg = (body: string, rootAttrs = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${rootAttrs}>${body}</svg>`;
const refused = (v: FileVerdict) => {
  if (v.ok) throw new Error('expected a refusal');
  return v;
};

describe('file types', () => {
  const government = ['pdf', 'ofd', 'doc', 'docx', 'wps', 'xls', 'xlsx', 'et', 'csv', 'txt', 'zip', 'rar', '7z'];
  const more = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'bmp', 'tif', 'tiff', 'mp3', 'mp4', 'ppt', 'pptx', 'dps'];
  it.each([...government, ...more, 'odt', 'ods', 'odp', 'rtf'])('.%s is allowed by default', (ext) => {
    expect(DEFAULT_ATTACHMENT_TYPES[ext]).toBeTruthy();
    expect(checkPublishableFile(`关于印发实施方案的通知.${ext}`, NO_BYTES)).toEqual({ ok: true });
  });

  it('names the types in Chinese', () => {
    expect(DEFAULT_ATTACHMENT_TYPES).toMatchObject({
      pdf: 'PDF 文档',
      ofd: 'OFD 版式文档',
      doc: 'Word 文档',
      docx: 'Word 文档',
      wps: 'WPS 文字',
      xls: 'Excel 表格',
      xlsx: 'Excel 表格',
      et: 'WPS 表格',
    });
  });

  const refusedTypes = [
    'html',
    'htm',
    'xhtml',
    'shtml',
    'xht',
    'mht',
    'mhtml',
    'js',
    'mjs',
    'cjs',
    'jsx',
    'ts',
    'wasm',
    'swf',
    'xml',
    'xsl',
    'xslt',
    'exe',
    'msi',
    'bat',
    'cmd',
    'com',
    'scr',
    'ps1',
    'vbs',
    'vbe',
    'jse',
    'wsf',
    'wsh',
    'hta',
    'jar',
    'apk',
    'dll',
    'sh',
    'cpl',
    'lnk',
    'reg',
    'php',
    'asp',
    'aspx',
    'jsp',
    'svgz',
  ];
  it.each(refusedTypes)('.%s is refused', (ext) => {
    expect(REFUSED_TYPES.has(ext)).toBe(true);
    expect(DEFAULT_ATTACHMENT_TYPES[ext]).toBeUndefined();
    expect(checkPublishableFile(`附件.${ext}`, NO_BYTES)).toEqual({ ok: false, reason: 'refused-type', detail: ext });
  });

  it('no default type is refused', () => {
    for (const ext of Object.keys(DEFAULT_ATTACHMENT_TYPES)) expect(REFUSED_TYPES.has(ext)).toBe(false);
  });

  it.each([
    ['报告.PDF', { ok: true }],
    ['报告.Html', { ok: false, reason: 'refused-type', detail: 'html' }],
    ['报告.pdf.exe', { ok: false, reason: 'refused-type', detail: 'exe' }],
    ['报告.exe.pdf', { ok: true }],
    ['files/2024/报告.JS', { ok: false, reason: 'refused-type', detail: 'js' }],
    ['.html', { ok: false, reason: 'refused-type', detail: 'html' }],
    ['README', { ok: false, reason: 'unknown-type', detail: '' }],
    ['报告.', { ok: false, reason: 'unknown-type', detail: '' }],
    ['dir.pdf/README', { ok: false, reason: 'unknown-type', detail: '' }],
    ['数据.xyz', { ok: false, reason: 'unknown-type', detail: 'xyz' }],
    ['宏.docm', { ok: false, reason: 'unknown-type', detail: 'docm' }],
  ] as const)('%s → %j', (name, verdict) => {
    expect(checkPublishableFile(name, NO_BYTES)).toEqual(verdict);
  });

  it('judges a file by the last extension of its base name', () => {
    expect(fileExtension('报告.PDF.Exe')).toBe('exe');
    expect(fileExtension('a.b/README')).toBe('');
    expect(fileExtension('a\\b.DOCX')).toBe('docx');
    expect(fileExtension('报告.')).toBe('');
  });

  it('site.yaml extras allow a new type, written in any case and with or without a dot', () => {
    expect(checkPublishableFile('数据.xyz', NO_BYTES, ['xyz'])).toEqual({ ok: true });
    expect(checkPublishableFile('数据.XYZ', NO_BYTES, ['.Xyz'])).toEqual({ ok: true });
    expect(checkPublishableFile('数据.dwg', NO_BYTES, ['xyz'])).toMatchObject({ reason: 'unknown-type' });
  });

  it.each(['html', 'HTM', '.js', 'exe', 'svgz', 'xml'])('site.yaml extras can never allow %s', (extra) => {
    const ext = extra.replace('.', '').toLowerCase();
    expect(checkPublishableFile(`a.${ext}`, NO_BYTES, [extra])).toEqual({
      ok: false,
      reason: 'refused-type',
      detail: ext,
    });
    expect(allowedTypes([extra])).not.toContain(ext);
  });

  it('allowedTypes lists the defaults, then the extras, without duplicates', () => {
    const list = allowedTypes(['xyz', 'PDF', '.dwg', 'html', '', 'a/b']);
    expect(list.slice(0, 2)).toEqual(['pdf', 'ofd']);
    expect(list.slice(-2)).toEqual(['xyz', 'dwg']);
    expect(list.filter((e) => e === 'pdf')).toHaveLength(1);
    expect(list).not.toContain('html');
  });
});

describe('SVG', () => {
  const ICON = svg(
    '<title>图标</title><defs><linearGradient id="g"/></defs><circle cx="5" cy="5" r="4" fill="url(#g)"/>',
  );

  it('a clean icon passes', () => {
    expect(inspectSvg(ICON)).toEqual({ ok: true });
    expect(checkPublishableFile('图标.svg', utf8(ICON))).toEqual({ ok: true });
    expect(checkPublishableFile('图标.SVG', utf8(`\ufeff<?xml version="1.0" encoding="UTF-8"?>\n${ICON}`))).toEqual({
      ok: true,
    });
  });

  it.each([
    ['local fragment', svg('<use href="#g"/><use xlink:href="#g"/>')],
    ['file beside it', svg('<image href="other.png"/><image xlink:href="../img/other.png"/>')],
    ['root-relative', svg('<image href="/xxgk/files/a.png"/>')],
    ['embedded PNG', svg('<image xlink:href="data:image/png;base64,iVBORw0KGgo="/>')],
    ['hyperlink to another site', svg('<a href="https://www.gov.cn/"><text>中国政府网</text></a>')],
    ['CSS with @namespace', svg('<style>@namespace svg url(http://www.w3.org/2000/svg); rect { fill: red }</style>')],
    ['local CSS url()', svg('<style><![CDATA[ rect { fill: url(#g); } ]]></style>')],
    ['CSS stylesheet beside it', `<?xml-stylesheet type="text/css" href="a.css"?>${svg('')}`],
    [
      'Illustrator DOCTYPE with namespace entities',
      '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n' +
        '\t<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/">\n\t<!-- comment -->\n]>\n' +
        svg('<rect x:a="1"/>', ' xmlns:x="&ns_extend;"'),
    ],
    [
      'Inkscape metadata',
      svg(
        '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
          '<cc:Work rdf:about=""><dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage"/></cc:Work></rdf:RDF></metadata>',
      ),
    ],
    ['text that mentions javascript:', svg('<text>javascript: 是一种链接</text>')],
    ['opacity (starts with o, not on)', svg('<rect opacity="0.5"/>')],
  ])('%s is fine', (_, text) => {
    expect(inspectSvg(text)).toEqual({ ok: true });
  });

  type Case = [string, string, FileVerdict];
  const cases: Case[] = [
    ['<script>', svg('<script>alert(1)</script>'), { ok: false, reason: 'svg-script', detail: '<script>' }],
    [
      '<script> with CDATA',
      svg('<script type="text/ecmascript"><![CDATA[ alert(1) ]]></script>'),
      { ok: false, reason: 'svg-script', detail: '<script>' },
    ],
    [
      '<svg:script>',
      '<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script>alert(1)</svg:script></svg:svg>',
      { ok: false, reason: 'svg-script', detail: '<svg:script>' },
    ],
    [
      '<html:script>',
      svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
      { ok: false, reason: 'svg-script', detail: '<h:script>' },
    ],
    ['<SCRIPT>', svg('<SCRIPT>alert(1)</SCRIPT>'), { ok: false, reason: 'svg-script', detail: '<SCRIPT>' }],
    ['onload=', svg('', ' onload="alert(1)"'), { ok: false, reason: 'svg-event', detail: 'onload' }],
    ['ONLOAD=', svg('', ' ONLOAD="alert(1)"'), { ok: false, reason: 'svg-event', detail: 'ONLOAD' }],
    [
      'onclick= deeper',
      svg('<g><rect onclick="alert(1)"/></g>'),
      { ok: false, reason: 'svg-event', detail: 'onclick' },
    ],
    [
      'href="javascript:…"',
      svg('<a href="javascript:alert(1)"><text>x</text></a>'),
      { ok: false, reason: 'svg-script', detail: 'href="javascript:alert(1)"' },
    ],
    [
      'href="&#106;avascript:…"',
      svg('<a href="&#106;avascript:alert(1)"><text>x</text></a>'),
      { ok: false, reason: 'svg-script', detail: 'href="javascript:alert(1)"' },
    ],
    [
      'xlink:href with a tab and leading space',
      svg('<a xlink:href=" JAVA&#x9;SCRIPT:alert(1)"><text>x</text></a>'),
      { ok: false, reason: 'svg-script', detail: 'xlink:href="JAVA SCRIPT:alert(1)"' },
    ],
    [
      '<foreignObject>',
      svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'),
      { ok: false, reason: 'svg-script', detail: '<foreignObject>' },
    ],
    [
      'an XHTML element',
      svg('<h:iframe xmlns:h="http://www.w3.org/1999/xhtml" src="a.pdf"/>'),
      { ok: false, reason: 'svg-script', detail: '<h:iframe>' },
    ],
    [
      '<image href="https://evil.example/x.png">',
      svg('<image href="https://evil.example/x.png"/>'),
      { ok: false, reason: 'svg-external', detail: 'https://evil.example/x.png' },
    ],
    [
      'xlink:href="//evil.example/x"',
      svg('<use xlink:href="//evil.example/x"/>'),
      { ok: false, reason: 'svg-external', detail: '//evil.example/x' },
    ],
    [
      'xlink:href="\\\\evil.example/x"',
      svg('<use xlink:href="\\\\evil.example/x"/>'),
      { ok: false, reason: 'svg-external', detail: '//evil.example/x' },
    ],
    [
      'xml:base to another host',
      svg('<use xml:base="https://evil.example/" href="x.svg#a"/>'),
      { ok: false, reason: 'svg-external', detail: 'https://evil.example/' },
    ],
    [
      'style="background:url(http://x)"',
      svg('<rect style="background:url(http://x)"/>'),
      { ok: false, reason: 'svg-external', detail: 'http://x' },
    ],
    [
      'fill="url(https://…#g)"',
      svg('<rect fill="url(\'https://evil.example/a.svg#g\')"/>'),
      { ok: false, reason: 'svg-external', detail: 'https://evil.example/a.svg#g' },
    ],
    [
      '<style>@import url(https://x)</style>',
      svg('<style>@import url(https://x)</style>'),
      { ok: false, reason: 'svg-external', detail: 'https://x' },
    ],
    [
      '@import with a string and a CSS escape, in CDATA',
      svg('<style><![CDATA[@\\69mport "https://x/a.css";]]></style>'),
      { ok: false, reason: 'svg-external', detail: 'https://x/a.css' },
    ],
    [
      'url() spelt with a CSS escape',
      svg('<style>rect { fill: \\75 rl(https://x/y) }</style>'),
      { ok: false, reason: 'svg-external', detail: 'https://x/y' },
    ],
    [
      'url() between strings that look like comments',
      svg('<style>a{content:"/*"} b{fill:url(https://evil/)} c{content:"*/"}</style>'),
      { ok: false, reason: 'svg-external', detail: 'https://evil/' },
    ],
    [
      'data:text/html',
      svg('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><text>x</text></a>'),
      { ok: false, reason: 'svg-external', detail: 'data:text/html,<script>alert(1)</script>' },
    ],
    [
      'data:image/svg+xml in <use>',
      svg('<use href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=#a"/>'),
      { ok: false, reason: 'svg-external', detail: 'data:image/svg+xml;base64,PHN2Zz48L3N2Z…' },
    ],
    [
      '<animate attributeName="href" to="javascript:alert(1)">',
      svg('<a><animate attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'),
      { ok: false, reason: 'svg-script', detail: 'to="javascript:alert(1)"' },
    ],
    [
      '<set> with javascript: among its values',
      svg('<a><set attributeName="xlink:href" values="#a;&#106;avascript:alert(1)"/><text>x</text></a>'),
      { ok: false, reason: 'svg-script', detail: 'values="javascript:alert(1)"' },
    ],
    [
      '<animate> that points href at another host',
      svg('<image href="a.png"><set attributeName="href" to="https://evil.example/x.png"/></image>'),
      { ok: false, reason: 'svg-external', detail: 'https://evil.example/x.png' },
    ],
    [
      '<set> that writes an event attribute',
      svg('<set attributeName="onclick" to="alert(1)"/>'),
      { ok: false, reason: 'svg-event', detail: 'attributeName="onclick"' },
    ],
    [
      'XSLT stylesheet instruction',
      `<?xml-stylesheet type="text/xsl" href="a.xsl"?>${svg('')}`,
      { ok: false, reason: 'svg-script', detail: '<?xml-stylesheet type="text/xsl" href="a.xsl"?>' },
    ],
    [
      'CSS expression()',
      svg('<rect style="width: expression(alert(1))"/>'),
      { ok: false, reason: 'svg-script', detail: 'expression(' },
    ],
  ];
  it.each(cases)('%s is refused', (_, text, verdict) => {
    expect(inspectSvg(text)).toEqual(verdict);
    expect(checkPublishableFile('图.svg', utf8(text))).toEqual(verdict);
  });

  it.each([
    ['malformed XML', svg('<rect>')],
    ['an unbound prefix', '<svg><svg:script>alert(1)</svg:script></svg>'],
    ['text only', 'alert(1)'],
    ['an HTML page', '<html xmlns="http://www.w3.org/1999/xhtml"><body onload="alert(1)"/></html>'],
    ['an entity that holds markup', `<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]>${svg('&x;')}`],
    ['a default attribute from the DTD', `<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]>${svg('')}`],
    ['an undefined entity', svg('&x;')],
  ])('%s is unreadable', (_, text) => {
    expect(refused(inspectSvg(text)).reason).toBe('svg-unreadable');
  });

  it('decodes bytes as a browser would before inspecting', () => {
    const gbk = (s: string) => () =>
      Uint8Array.from(
        [...new TextEncoder().encode(s.replace('中', '\u0000'))].flatMap((b) => (b ? [b] : [0xd6, 0xd0])),
      );
    expect(checkPublishableFile('a.svg', gbk(`<?xml version="1.0" encoding="GBK"?>${svg('<text>中</text>')}`))).toEqual(
      {
        ok: true,
      },
    );
    // a UTF-16 file whose script would be missed if read as UTF-8
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(svg('<script>alert(1)</script>'), 'utf16le')]);
    expect(checkPublishableFile('a.svg', () => utf16)).toEqual({ ok: false, reason: 'svg-script', detail: '<script>' });
    expect(checkPublishableFile('a.svg', () => new Uint8Array([0x3c, 0x73, 0xff]))).toEqual({
      ok: false,
      reason: 'svg-unreadable',
      detail: '内容不是有效的 utf-8 编码',
    });
    expect(checkPublishableFile('a.svg', utf8(`<?xml version="1.0" encoding="utf-7"?>${svg('')}`))).toEqual({
      ok: false,
      reason: 'svg-unreadable',
      detail: '不支持的字符编码 utf-7',
    });
    expect(checkPublishableFile('a.svg', () => new Uint8Array())).toMatchObject({ reason: 'svg-unreadable' });
    expect(
      checkPublishableFile('a.svg', () => {
        throw new Error('ENOENT');
      }),
    ).toEqual({ ok: false, reason: 'svg-unreadable', detail: '无法读取文件：ENOENT' });
  });
});

describe('messages', () => {
  const allowed = allowedTypes(['xyz']);

  it('refused type', () => {
    const v = refused(checkPublishableFile('通知.html', NO_BYTES));
    expect(describeVerdict('通知.html', v, allowed)).toEqual({
      message: '附件“通知.html”是 .html 文件，出于安全考虑不能发布：网页文件在本站打开时可以运行脚本。',
      fix: '把内容转换为 PDF 或 Word 文档后再作为附件发布。',
    });
    expect(describeVerdict('报告.pdf.exe', refused(checkPublishableFile('报告.pdf.exe', NO_BYTES)), allowed)).toEqual({
      message: '附件“报告.pdf.exe”是 .exe 文件，出于安全考虑不能发布：可执行文件和脚本会在读者的电脑上运行程序。',
      fix: '不要直接发布程序文件；如确需提供，压缩为 ZIP 压缩包后再作为附件发布。',
    });
  });

  it('unknown type lists the allowed types and names site.yaml', () => {
    const v = refused(checkPublishableFile('图纸.dwg', NO_BYTES, ['xyz']));
    const { message, fix } = describeVerdict('图纸.dwg', v, allowed);
    expect(message).toBe('附件“图纸.dwg”的类型 .dwg 不在允许发布的文件类型中。');
    expect(fix).toMatch(
      /^转换为允许发布的文件类型后再发布：PDF 文档（\.pdf）、OFD 版式文档（\.ofd）、Word 文档（\.doc\/\.docx）、/,
    );
    expect(fix).toContain('、MP4 视频（.mp4）、.xyz。');
    expect(fix).toMatch(/如确需发布 \.dwg 文件，在 site\.yaml 中加入 attachment_types: \[dwg\]。$/);
    expect(describeVerdict('README', refused(checkPublishableFile('README', NO_BYTES)), allowed).message).toBe(
      '附件“README”没有扩展名，无法判断文件类型。',
    );
  });

  it('SVG problems name what was found', () => {
    const say = (text: string, role?: 'image') =>
      describeVerdict('图.svg', refused(inspectSvg(text)), allowed, role).message;
    expect(say(svg('<script>alert(1)</script>'))).toBe(
      '附件“图.svg”是 SVG 图片，含有脚本 <script>，出于安全考虑不能发布。',
    );
    expect(say(svg('', ' onload="alert(1)"'), 'image')).toBe(
      '图片“图.svg”是 SVG 图片，含有事件属性 onload，出于安全考虑不能发布。',
    );
    expect(say(svg('<image href="https://evil.example/x.png"/>'))).toBe(
      '附件“图.svg”是 SVG 图片，引用了其他网站的资源 https://evil.example/x.png，出于安全考虑不能发布。',
    );
    expect(say(svg('<foreignObject/>'))).toBe(
      '附件“图.svg”是 SVG 图片，含有可以嵌入网页或程序的元素 <foreignObject>，出于安全考虑不能发布。',
    );
    expect(say(svg('<a href="javascript:alert(1)"/>'))).toBe(
      '附件“图.svg”是 SVG 图片，含有脚本链接 href="javascript:alert(1)"，出于安全考虑不能发布。',
    );
    expect(say(svg('<rect>'))).toMatch(
      /^附件“图\.svg”是 SVG 图片，无法按 XML 格式读取（第 1 行第 \d+ 列：.+），不能确认其中没有脚本，出于安全考虑不能发布。$/,
    );
    expect(describeVerdict('图.svg', refused(inspectSvg(svg('<script/>'))), allowed).fix).toBe(
      '导出为 PNG 图片，或删除 SVG 中的脚本和外部引用。',
    );
  });
});
