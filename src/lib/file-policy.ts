// Which files may be published as attachments and body images.
//
// Everything the site publishes is served from its own origin, where the CSP's 'self' trusts
// it: a web page, a script or an SVG that runs script, once published, could load scripts
// placed beside it. So file types that run code in a browser or on the reader's machine are
// refused outright (REFUSED_TYPES, whatever site.yaml says); the types government sites
// publish are allowed (DEFAULT_ATTACHMENT_TYPES, plus the extensions site.yaml's
// attachment_types adds); and an SVG is allowed only when a real XML parse of it finds no
// script, no event handler and no reference to another host (inspectSvg).
//
// Plain TypeScript (no Astro imports): the loader, the checks and the tests all use it.
import { SaxesParser, type SaxesTagNS } from 'saxes';

/** Extensions (lower case, no dot) published by default, with a Chinese type name for messages/lists. */
export const DEFAULT_ATTACHMENT_TYPES: Record<string, string> = {
  pdf: 'PDF 文档',
  ofd: 'OFD 版式文档',
  doc: 'Word 文档',
  docx: 'Word 文档',
  wps: 'WPS 文字',
  rtf: 'RTF 文档',
  odt: 'ODF 文本文档',
  txt: '纯文本文件',
  xls: 'Excel 表格',
  xlsx: 'Excel 表格',
  et: 'WPS 表格',
  ods: 'ODF 电子表格',
  csv: 'CSV 表格',
  ppt: 'PowerPoint 演示文稿',
  pptx: 'PowerPoint 演示文稿',
  dps: 'WPS 演示',
  odp: 'ODF 演示文稿',
  zip: 'ZIP 压缩包',
  rar: 'RAR 压缩包',
  '7z': '7z 压缩包',
  jpg: 'JPEG 图片',
  jpeg: 'JPEG 图片',
  png: 'PNG 图片',
  gif: 'GIF 图片',
  webp: 'WebP 图片',
  bmp: 'BMP 图片',
  tif: 'TIFF 图片',
  tiff: 'TIFF 图片',
  svg: 'SVG 图片',
  mp3: 'MP3 音频',
  mp4: 'MP4 视频',
};

type RefusedKind = 'page' | 'xml' | 'script' | 'program' | 'server' | 'svgz';

const REFUSED_BY_KIND: Record<RefusedKind, readonly string[]> = {
  // opened in the browser as a document of the site
  page: ['html', 'htm', 'xhtml', 'xht', 'shtml', 'shtm', 'mht', 'mhtml'],
  // XML with an <?xml-stylesheet?> XSLT can build a page that runs script
  xml: ['xml', 'xsl', 'xslt'],
  // loadable by the site's pages under 'self'
  script: ['js', 'mjs', 'cjs', 'jsx', 'ts', 'tsx', 'mts', 'cts', 'wasm', 'swf'],
  // run on the reader's machine when opened
  program: [
    'exe',
    'msi',
    'msp',
    'com',
    'scr',
    'pif',
    'bat',
    'cmd',
    'ps1',
    'psm1',
    'vbs',
    'vbe',
    'vb',
    'jse',
    'ws',
    'wsf',
    'wsh',
    'wsc',
    'hta',
    'jar',
    'jnlp',
    'apk',
    'ipa',
    'xap',
    'xbap',
    'dll',
    'ocx',
    'sys',
    'cpl',
    'msc',
    'lnk',
    'url',
    'scf',
    'inf',
    'reg',
    'gadget',
    'application',
    'appref-ms',
    'appx',
    'appxbundle',
    'msix',
    'msixbundle',
    'sh',
    'xpi',
    'crx',
    'dmg',
    'pkg',
    'deb',
    'rpm',
  ],
  // executed by a web server that maps them to an interpreter
  server: [
    'php',
    'php3',
    'php4',
    'php5',
    'php7',
    'phtml',
    'phar',
    'asp',
    'aspx',
    'asa',
    'asax',
    'ascx',
    'ashx',
    'asmx',
    'cshtml',
    'vbhtml',
    'jsp',
    'jspx',
    'jspf',
    'cfm',
    'cfc',
    'cgi',
    'htaccess',
  ],
  // compressed: cannot be inspected cheaply
  svgz: ['svgz'],
};

const REFUSED_KIND = new Map<string, RefusedKind>();
for (const [kind, exts] of Object.entries(REFUSED_BY_KIND) as [RefusedKind, readonly string[]][]) {
  for (const ext of exts) if (!REFUSED_KIND.has(ext)) REFUSED_KIND.set(ext, kind);
}

/** Never published, whatever site.yaml says: they run code in a browser or on the reader's machine. */
export const REFUSED_TYPES: ReadonlySet<string> = new Set(REFUSED_KIND.keys());

export type FileVerdict =
  | { ok: true }
  | {
      ok: false;
      reason: 'refused-type' | 'unknown-type' | 'svg-script' | 'svg-event' | 'svg-external' | 'svg-unreadable';
      detail?: string;
    };

type Refusal = Exclude<FileVerdict, { ok: true }>;

const OK: FileVerdict = { ok: true };

/**
 * The extension a file is judged by: the text after the last dot of its base name, lower case
 * ('' when there is none, or when the name ends with a dot). `报告.pdf.exe` → `exe`;
 * `.htaccess` → `htaccess` (a static server maps a name like `.html` by it too).
 */
export function fileExtension(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** An extension as site.yaml may write it (`.XYZ`, ` xyz `) → `xyz`; '' when it is not one. */
function normaliseType(t: string): string {
  const ext = t.trim().replace(/^\.+/, '').toLowerCase();
  return /^[a-z0-9][a-z0-9_+-]*$/.test(ext) ? ext : '';
}

/**
 * The extensions that may be published: the defaults, then site.yaml's extras (normalised,
 * deduplicated), without any refused type. For describeVerdict's `allowed` and for lists.
 */
export function allowedTypes(extraTypes: readonly string[] = []): string[] {
  const out = new Set(Object.keys(DEFAULT_ATTACHMENT_TYPES));
  for (const t of extraTypes) {
    const ext = normaliseType(t);
    if (ext && !REFUSED_TYPES.has(ext)) out.add(ext);
  }
  return [...out];
}

/**
 * Decides whether a file may be published. `extraTypes` are the extensions site.yaml adds. SVG content is
 * inspected.
 */
export function checkPublishableFile(
  fileName: string,
  readBytes: () => Uint8Array,
  extraTypes: readonly string[] = [],
): FileVerdict {
  const ext = fileExtension(fileName);
  if (!ext) return { ok: false, reason: 'unknown-type', detail: '' };
  if (REFUSED_TYPES.has(ext)) return { ok: false, reason: 'refused-type', detail: ext };
  const allowed = ext in DEFAULT_ATTACHMENT_TYPES || extraTypes.some((t) => normaliseType(t) === ext);
  if (!allowed) return { ok: false, reason: 'unknown-type', detail: ext };
  if (ext !== 'svg') return OK;
  let bytes: Uint8Array;
  try {
    bytes = readBytes();
  } catch (e) {
    return unreadable(`无法读取文件：${e instanceof Error ? e.message : String(e)}`);
  }
  const text = decodeSvg(bytes);
  return typeof text === 'string' ? inspectSvg(text) : text;
}

function unreadable(detail: string): Refusal {
  return { ok: false, reason: 'svg-unreadable', detail };
}

/**
 * Bytes → text as a browser decodes an XML file served without a charset: a BOM, else the
 * XML declaration's encoding, else UTF-8. Invalid bytes or an encoding the WHATWG Encoding
 * standard does not know make the file unreadable (the browser might read it otherwise).
 */
function decodeSvg(bytes: Uint8Array): string | Refusal {
  if (bytes.length === 0) return unreadable('文件是空的');
  let label = 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
    const m = /^<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([A-Za-z0-9._:-]+)\1/.exec(head);
    if (m) label = m[2]!;
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return unreadable(`不支持的字符编码 ${label}`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return unreadable(`内容不是有效的 ${label} 编码`);
  }
}

// --- SVG inspection -------------------------------------------------------------------------

const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Elements that run script or embed a document, in any namespace (compared in lower case). */
const SCRIPT_ELEMENTS = new Set(['script', 'handler', 'listener']);
const EMBEDDING_ELEMENTS = new Set([
  'foreignobject',
  'iframe',
  'frame',
  'frameset',
  'embed',
  'object',
  'applet',
  'portal',
  'meta',
  'link',
  'base',
]);
/** Attributes whose whole value is a URL (local names, lower case): xml:base is `base`. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'base',
  'action',
  'formaction',
  'data',
  'codebase',
  'poster',
  'background',
]);
/** Animation attributes whose values an animation assigns to its target attribute. */
const ANIMATION_VALUE_ATTRIBUTES = new Set(['from', 'to', 'by', 'values']);
const SCRIPT_SCHEMES = new Set(['javascript', 'vbscript', 'livescript', 'mocha']);
/** Schemes an SVG hyperlink (<a href>) may point to: following it navigates, it loads nothing. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
/** data: URLs that are inert as an embedded resource (raster images, fonts). */
const SAFE_DATA_MEDIA =
  /^(image\/(png|jpe?g|pjpeg|gif|webp|bmp|avif|x-icon|vnd\.microsoft\.icon)|font\/[a-z0-9.+-]+|application\/(x-)?font-[a-z0-9.+-]+|application\/vnd\.ms-fontobject)$/;

class Found extends Error {
  readonly verdict: Refusal;
  constructor(verdict: Refusal) {
    super(verdict.reason);
    this.verdict = verdict;
  }
}

function shorten(s: string, max = 80): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * A URL as a browser's URL parser reads its start: tab and newline removed anywhere, leading
 * C0 controls and spaces dropped, backslashes as slashes (`\\host` is `//host`).
 */
function normaliseUrl(value: string): string {
  const url = value.replace(/[\t\n\r]/g, '');
  let start = 0;
  while (start < url.length && url.charCodeAt(start) <= 0x20) start++;
  return url.slice(start).replace(/\\/g, '/');
}

function schemeOf(url: string): string | undefined {
  return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
}

/** A value that is (or would become) a javascript:-like URL. */
function scriptUrl(value: string): boolean {
  const scheme = schemeOf(normaliseUrl(value));
  return scheme !== undefined && SCRIPT_SCHEMES.has(scheme);
}

/**
 * Judges one URL. `resource`: something the SVG loads (image, use, filter, CSS); `link`: an
 * <a> hyperlink, which may point to another site's page but not run script.
 */
function checkUrl(value: string, context: 'resource' | 'link', shown = value): Refusal | undefined {
  const url = normaliseUrl(value);
  const scheme = schemeOf(url);
  if (scheme !== undefined && SCRIPT_SCHEMES.has(scheme)) {
    return { ok: false, reason: 'svg-script', detail: shorten(shown) };
  }
  if (url.startsWith('//')) return { ok: false, reason: 'svg-external', detail: shorten(url) };
  if (scheme === undefined) return undefined;
  if (scheme === 'data') {
    const media = /^data:([^;,]*)/i.exec(url.slice(0, 200).replace(/\s+/g, ''))?.[1]?.toLowerCase() ?? '';
    if (context === 'resource' && SAFE_DATA_MEDIA.test(media)) return undefined;
    return { ok: false, reason: 'svg-external', detail: shorten(url, 40) };
  }
  if (context === 'link' && LINK_SCHEMES.has(scheme)) return undefined;
  return { ok: false, reason: 'svg-external', detail: shorten(url) };
}

/** CSS with its escapes (`\75 rl(`, `\@import`) decoded, as the CSS tokenizer sees names and URLs. */
function decodeCssEscapes(css: string): string {
  return css.replace(/\\(?:([0-9a-fA-F]{1,6})[ \t\n\f]?|\r\n|([\s\S]))/g, (all, hex?: string, ch?: string) => {
    if (hex !== undefined) {
      const cp = parseInt(hex, 16);
      return cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\ufffd' : String.fromCodePoint(cp);
    }
    if (ch === undefined || ch === '\n' || ch === '\r' || ch === '\f') return ''; // escaped newline
    return ch;
  });
}

/**
 * Inspects CSS (a <style> element, a style attribute, or a presentation attribute when
 * `full` is false: only its url()). Checked both with and without comments, so that neither a
 * comment nor a string that looks like one hides a reference.
 */
function inspectCss(css: string, full: boolean): Refusal | undefined {
  if (!/[(@\\:]/.test(css)) return undefined;
  const decoded = decodeCssEscapes(css);
  const variants = [decoded];
  if (decoded.includes('/*')) variants.push(decoded.replace(/\/\*[\s\S]*?(\*\/|$)/g, ''));
  for (const v of variants) {
    // @namespace declares a namespace name; it loads nothing
    const text = v.replace(/@namespace\b[^;{}]*;?/gi, '');
    for (const m of text.matchAll(/(?<![\w-])(?:url|src)\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))/gi)) {
      const url = (m[1] ?? m[2] ?? m[3] ?? '').trim();
      const bad = checkUrl(url, 'resource');
      if (bad) return bad;
    }
    if (!full) continue;
    for (const m of text.matchAll(/@import\s*(?:\/\*[\s\S]*?\*\/\s*)*(?:"([^"]*)"|'([^']*)')/gi)) {
      const bad = checkUrl(m[1] ?? m[2] ?? '', 'resource');
      if (bad) return bad;
    }
    for (const m of text.matchAll(/image-set\(([^)]*)\)/gi)) {
      for (const s of m[1]!.matchAll(/"([^"]*)"|'([^']*)'/g)) {
        const bad = checkUrl(s[1] ?? s[2] ?? '', 'resource');
        if (bad) return bad;
      }
    }
    const script = /(?<![\w-])(expression\s*\(|-moz-binding|behavior\s*:)/i.exec(text);
    if (script) return { ok: false, reason: 'svg-script', detail: script[1] };
  }
  return undefined;
}

/**
 * The internal DTD subset of a DOCTYPE. Browsers expand the entities it declares and apply
 * its default attributes, so only what is known to be inert passes: comments and general
 * entities whose text holds no markup and no reference (as Adobe Illustrator writes for its
 * namespace names). They are handed to the parser so that their uses expand as in a browser.
 */
function internalEntities(doctype: string): { entities: Record<string, string> } | { refusal: Refusal } {
  let quote = '';
  let open = -1;
  for (let i = 0; i < doctype.length; i++) {
    const c = doctype[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') {
      open = i;
      break;
    }
  }
  const entities: Record<string, string> = {};
  if (open < 0) return { entities };
  let subset = doctype.slice(open + 1, doctype.lastIndexOf(']'));
  while ((subset = subset.trimStart())) {
    const comment = /^<!--[\s\S]*?-->/.exec(subset);
    if (comment) {
      subset = subset.slice(comment[0].length);
      continue;
    }
    const entity = /^<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/.exec(subset);
    const value = entity?.[2] ?? entity?.[3];
    if (
      !entity ||
      value === undefined ||
      /[<&%]/.test(value) ||
      ['lt', 'gt', 'amp', 'apos', 'quot'].includes(entity[1]!)
    ) {
      return { refusal: unreadable(`<!DOCTYPE> 中有不支持的声明 ${shorten(subset, 40)}`) };
    }
    entities[entity[1]!] = value;
    subset = subset.slice(entity[0].length);
  }
  return { entities };
}

/** The pseudo-attributes of a processing instruction such as <?xml-stylesheet href="…" type="…"?>. */
function pseudoAttributes(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? '';
  return out;
}

function inspectElement(tag: SaxesTagNS): Refusal | undefined {
  const local = tag.local.toLowerCase();
  if (SCRIPT_ELEMENTS.has(local)) return { ok: false, reason: 'svg-script', detail: `<${tag.name}>` };
  if (EMBEDDING_ELEMENTS.has(local) || tag.uri === XHTML_NS) {
    return { ok: false, reason: 'svg-script', detail: `<${tag.name}>` };
  }
  const attrs = Object.values(tag.attributes);
  const attributeName = attrs.find((a) => a.local === 'attributeName' && !a.prefix)?.value.trim();
  const animated = attributeName?.replace(/^.*:/, '').toLowerCase();
  for (const a of attrs) {
    if (a.uri === XMLNS_NS || a.name === 'xmlns' || a.prefix === 'xmlns') continue;
    const name = a.local.toLowerCase();
    if (name.startsWith('on')) return { ok: false, reason: 'svg-event', detail: a.name };
    if (name === 'attributename' && animated?.startsWith('on')) {
      return { ok: false, reason: 'svg-event', detail: `${a.name}="${attributeName}"` };
    }
    if (URL_ATTRIBUTES.has(name)) {
      const bad = checkUrl(
        a.value,
        name === 'href' && local === 'a' ? 'link' : 'resource',
        `${a.name}="${a.value.trim()}"`,
      );
      if (bad) return bad;
    } else if (ANIMATION_VALUE_ATTRIBUTES.has(name)) {
      const items = name === 'values' ? a.value.split(';') : [a.value];
      for (const item of items) {
        if (scriptUrl(item)) return { ok: false, reason: 'svg-script', detail: shorten(`${a.name}="${item.trim()}"`) };
        if (animated !== undefined && URL_ATTRIBUTES.has(animated)) {
          const bad = checkUrl(item, 'resource');
          if (bad) return bad;
        }
      }
    } else if (scriptUrl(a.value)) {
      return { ok: false, reason: 'svg-script', detail: shorten(`${a.name}="${a.value.trim()}"`) };
    }
    const bad = inspectCss(a.value, name === 'style');
    if (bad) return bad;
  }
  return undefined;
}

/** saxes's `1:96: unexpected close tag.` → `第 1 行第 96 列：unexpected close tag.` */
function parseError(message: string): string {
  const m = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
  return m ? `第 ${m[1]} 行第 ${m[2]} 列：${m[3]}` : message;
}

/**
 * Inspects SVG text: <script>, on*= handlers, javascript: URLs (also entity-encoded), <foreignObject>,
 * references to another host (href/xlink:href/src/style url() or @import to http:, https:, //host,
 * data:text/html), <animate>/<set> that change href to javascript: … Returns the first problem.
 */
export function inspectSvg(text: string): FileVerdict {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const fail = (v: Refusal | undefined): void => {
    if (v) throw new Found(v);
  };
  let sawRoot = false;
  // one entry per open element: the text of a <style> element, undefined for others
  const open: (string[] | undefined)[] = [];

  parser.on('error', (e) => fail(unreadable(parseError(e.message))));
  parser.on('doctype', (doctype) => {
    const subset = internalEntities(doctype);
    if ('refusal' in subset) fail(subset.refusal);
    else Object.assign(parser.ENTITIES, subset.entities);
  });
  parser.on('processinginstruction', (pi) => {
    if (pi.target.toLowerCase() !== 'xml-stylesheet') return;
    const { href = '', type = '' } = pseudoAttributes(pi.body);
    fail(checkUrl(href, 'resource'));
    // an XSLT (or any type but CSS) can turn the document into a page that runs script
    if (!/^text\/css\b/i.test(type.trim())) {
      fail({ ok: false, reason: 'svg-script', detail: shorten(`<?xml-stylesheet ${pi.body.trim()}?>`) });
    }
  });
  parser.on('opentag', (tag) => {
    if (!sawRoot) {
      sawRoot = true;
      if (tag.local !== 'svg') fail(unreadable(`根元素是 <${tag.name}>，不是 <svg>`));
    }
    fail(inspectElement(tag));
    open.push(tag.local.toLowerCase() === 'style' ? [] : undefined);
  });
  const collect = (t: string): void => {
    for (const css of open) css?.push(t);
  };
  parser.on('text', collect);
  parser.on('cdata', collect);
  parser.on('closetag', () => {
    const css = open.pop();
    if (css) fail(inspectCss(css.join(''), true));
  });

  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof Found) return e.verdict;
    return unreadable(parseError(e instanceof Error ? e.message : String(e)));
  }
  return sawRoot ? OK : unreadable('没有 <svg> 元素');
}

// --- Messages -------------------------------------------------------------------------------

const REFUSED_WHY: Record<RefusedKind, { why: string; fix: string }> = {
  page: {
    why: '网页文件在本站打开时可以运行脚本',
    fix: '把内容转换为 PDF 或 Word 文档后再作为附件发布。',
  },
  xml: {
    why: 'XML 文件可以通过样式表在本站打开时运行脚本',
    fix: '把内容转换为 PDF、Excel 表格或 CSV 文件后再作为附件发布。',
  },
  script: {
    why: '脚本文件可以被本站的网页加载运行',
    fix: '不要发布脚本文件；如确需提供，压缩为 ZIP 压缩包后再作为附件发布。',
  },
  program: {
    why: '可执行文件和脚本会在读者的电脑上运行程序',
    fix: '不要直接发布程序文件；如确需提供，压缩为 ZIP 压缩包后再作为附件发布。',
  },
  server: {
    why: '服务器脚本文件可能被网站服务器当作程序执行',
    fix: '把内容转换为 PDF 文档或纯文本文件后再作为附件发布。',
  },
  svgz: {
    why: '压缩的 SVG 图片无法检查其中是否含有脚本',
    fix: '解压为 .svg 文件（不含脚本和外部引用），或导出为 PNG 图片后再发布。',
  },
};

const SVG_FIX = '导出为 PNG 图片，或删除 SVG 中的脚本和外部引用。';

/** What was found in an SVG, as the message names it. */
function svgFinding(reason: Refusal['reason'], detail: string): string {
  switch (reason) {
    case 'svg-event':
      return `含有事件属性 ${detail}`;
    case 'svg-external':
      return detail.toLowerCase().startsWith('data:')
        ? `嵌入了可以运行脚本的数据 ${detail}`
        : `引用了其他网站的资源 ${detail}`;
    case 'svg-unreadable':
      return `无法按 XML 格式读取（${detail}），不能确认其中没有脚本`;
    default:
      if (/^<([\w.-]+:)?(script|handler|listener)>$/i.test(detail)) return `含有脚本 ${detail}`;
      if (detail.startsWith('<?')) return `含有可以运行脚本的样式表指令 ${detail}`;
      if (detail.startsWith('<')) return `含有可以嵌入网页或程序的元素 ${detail}`;
      if (/(?:java|vb|live)script:|mocha:/i.test(detail)) return `含有脚本链接 ${detail}`;
      return `含有可以运行脚本的样式 ${detail}`;
  }
}

/** The allowed types for a message: `PDF 文档（.pdf）、Word 文档（.doc/.docx）、……、.xyz`. */
function describeAllowed(allowed: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const ext of allowed) {
    const name = DEFAULT_ATTACHMENT_TYPES[ext] ?? '';
    const list = groups.get(name) ?? [];
    list.push(`.${ext}`);
    groups.set(name, list);
  }
  return [...groups].map(([name, exts]) => (name ? `${name}（${exts.join('/')}）` : exts.join('、'))).join('、');
}

const ROLE_NAMES = { attachment: '附件', image: '图片', 'body-file': '正文链接的文件' } as const;

/**
 * The Chinese message and fix for a refused file, for the diagnostics the loader makes.
 * `allowed` is the list of allowed extensions (allowedTypes(site.attachment_types)); `role`
 * names the file in the message: 附件 (default), 图片 for an image in a document body, or
 * 正文链接的文件 for another file a body links to.
 */
export function describeVerdict(
  name: string,
  verdict: Exclude<FileVerdict, { ok: true }>,
  allowed: readonly string[],
  role: 'attachment' | 'image' | 'body-file' = 'attachment',
): { message: string; fix: string } {
  const who = `${ROLE_NAMES[role]}“${name}”`;
  const detail = verdict.detail ?? '';
  switch (verdict.reason) {
    case 'refused-type': {
      const ext = detail || fileExtension(name);
      const kind = REFUSED_KIND.get(ext) ?? 'program';
      return {
        message: `${who}是 .${ext} 文件，出于安全考虑不能发布：${REFUSED_WHY[kind].why}。`,
        fix: role === 'image' ? '换用 PNG 或 JPG 图片。' : REFUSED_WHY[kind].fix,
      };
    }
    case 'unknown-type': {
      const ext = detail || fileExtension(name);
      const list = describeAllowed(allowed);
      if (!ext) {
        return {
          message: `${who}没有扩展名，无法判断文件类型。`,
          fix: `给文件名加上表示类型的扩展名，如 .pdf。允许发布的文件类型：${list}。`,
        };
      }
      return {
        message: `${who}的类型 .${ext} 不在允许发布的文件类型中。`,
        fix: `转换为允许发布的文件类型后再发布：${list}。如确需发布 .${ext} 文件，在 site.yaml 中加入 attachment_types: [${ext}]。`,
      };
    }
    default:
      return {
        message: `${who}是 SVG 图片，${svgFinding(verdict.reason, detail)}，出于安全考虑不能发布。`,
        fix: verdict.reason === 'svg-unreadable' ? '用绘图软件重新导出 SVG，或导出为 PNG 图片后再发布。' : SVG_FIX,
      };
  }
}
