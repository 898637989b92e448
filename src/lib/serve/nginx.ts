// The nginx configuration that serves a built column (`npm run nginx-config`, docs/design.md "Serving
// with nginx"). Plain text from plain data: the security headers, content types, download types and
// cache classes come from headers.ts (the policy, one place), the redirects and withdrawn pages from
// dist/redirects.json (src/integrations/redirects.ts). The tests start Debian's nginx with exactly
// this text (test/helpers/nginx.ts).
//
// Two shapes:
// - a column under a sub-path of the portal (base '/xxgk/'): `location` blocks the operator includes
//   in the portal's existing `server` — `location ^~ /xxgk/`, so the portal's own regex locations
//   (a common `location ~* \.(js|css)$ { expires … }`) never take the column's requests;
// - the column at the host root (base '/'): a complete `server` block.
//
// nginx rules this relies on (each checked against the real nginx by test/serve/nginx.test.ts):
// - `add_header` is inherited only by a location that has none of its own: every location here that
//   sets one repeats the security headers; the others (redirects, withdrawn pages) set none.
// - `error_page` likewise: a location with its own repeats the 404 rule.
// - Directives of the rewrite module (`return`, `rewrite`) are never inherited by nested locations.
// - Location strings match the decoded URI: paths are written as they are (UTF-8), redirect
//   targets percent-encoded (a Location header is ASCII), `$` never unescaped (nginx variables).
// - `alias` for a sub-path (the directory holds what is below base), `root` for the host root.
// - Symlinks are followed per request (`disable_symlinks` off, no `open_file_cache`): a deployment that
//   switches a `current` symlink is seen by the next request.
import type { RedirectManifest } from '../redirects.ts';
import {
  CACHE_CONTROL,
  CONTENT_TYPES,
  DEFAULT_CONTENT_TYPE,
  DOWNLOAD_EXTENSIONS,
  IMMUTABLE_PATHS,
  securityHeaders,
  type CacheClass,
} from './headers.ts';

export interface NginxInput {
  /** The column's base path, '/' or '/xxgk/' (starts and ends with '/'). */
  base: string;
  /** The directory nginx serves (absolute): the build's output, e.g. a deployment's `current` symlink. */
  root: string;
  /** site.yaml `site_url` (protocol and host): https adds HSTS; the host names the server block. */
  siteUrl?: string;
  /** dist/redirects.json, when the build wrote one. */
  redirects?: RedirectManifest;
  /** Extensions site.yaml `attachment_types` adds (they download). */
  attachmentTypes?: readonly string[];
  /** The server block's `listen` (base '/' only), default '80'. */
  listen?: string;
}

export interface NginxConfig {
  /** 'location': blocks for the portal's server; 'server': a complete server block. */
  kind: 'location' | 'server';
  text: string;
  /** How many redirects (301) and withdrawn pages (410 below them) the text holds. */
  redirects: number;
  withdrawn: number;
}

/** Thrown for an input nginx could not be given safely (the message says what and how to fix it). */
export class NginxConfigError extends Error {}

const BASE_RE = /^\/(?:[A-Za-z0-9._~-]+\/)*$/;
const UNSAFE_ROOT = /[\s"'`;{}$\\#]/;

/** A token as nginx reads it: bare when plain, else in double quotes. */
function token(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(s)) throw new NginxConfigError(`配置中不能含有控制字符：${JSON.stringify(s)}`);
  if (/^[\p{L}\p{N}/._~%:+=,@-]+$/u.test(s)) return s;
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A value that must not expand nginx variables. */
function literal(s: string): string {
  if (s.includes('$')) throw new NginxConfigError(`配置中的值不能含有 $：${s}`);
  return token(s);
}

/** A URL path for a Location header: percent-encoded, '$' too (so it expands no nginx variable). */
function encodedPath(p: string): string {
  return encodeURI(decoded(p)).replace(/\$/g, '%24');
}

/** A path as nginx matches it (decoded); paths in redirects.json may be written either way. */
function decoded(p: string): string {
  try {
    return decodeURI(p);
  } catch {
    return p;
  }
}

const regexEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regular expression as an nginx token, in double quotes. nginx keeps a backslash before any
 * character but " ' \\ t r n, so the PCRE escapes stay as written; a '"' in a path is escaped.
 */
function regexToken(re: string): string {
  if (/\\[\\'trn]/.test(re)) throw new NginxConfigError(`无法写入 nginx 配置的正则表达式：${re}`);
  return `"${re.replace(/"/g, '\\"')}"`;
}

/** Checks a site path from redirects.json (the build's checks already did; a hand-edited file is refused here). */
function sitePath(p: unknown, what: string): string {
  if (typeof p !== 'string' || !p.startsWith('/') || /[\s?#\\]|\/\.\.?(\/|$)|\/\//.test(p))
    throw new NginxConfigError(
      `redirects.json 中的${what} ${JSON.stringify(p)} 不是本站路径（应以 / 开头，不含空格、?、#、\\、..）。请重新运行 npm run build 生成它。`,
    );
  return decoded(p);
}

/**
 * An IMMUTABLE_PATHS pattern (anchored below base) as the regex of an nginx location on the whole URI:
 * the base before it, and `x.gz` in the class of `x` (cacheClassOf).
 */
function immutableRegex(base: string, pattern: RegExp): string {
  let src = pattern.source;
  if (!src.startsWith('^') || pattern.flags.replace(/[u]/g, ''))
    throw new Error(`IMMUTABLE_PATHS: ${pattern} must start with ^ and have no flags`);
  src = src.slice(1);
  src = src.endsWith('$') && !src.endsWith('\\$') ? `${src.slice(0, -1)}(?:\\.gz)?$` : src;
  return `^${regexEscape(base)}(?:${src})`;
}

/** The add_header lines of a location (always: on 404 and 410 answers too). */
function headerLines(https: boolean, cache: CacheClass, extra: [string, string][] = []): string[] {
  return [...securityHeaders({ https }), ['Cache-Control', CACHE_CONTROL[cache]] as [string, string], ...extra].map(
    ([name, value]) => `add_header ${name} ${literal(value)} always;`,
  );
}

function indent(lines: string[], by = '    '): string[] {
  return lines.map((l) => (l ? by + l : l));
}

function block(head: string, body: string[]): string[] {
  return [`${head} {`, ...indent(body), '}'];
}

/** The `types {}` block: complete, since a location's `types` replaces the inherited table (mime.types). */
function typesBlock(): string[] {
  const byType = new Map<string, string[]>();
  for (const [ext, type] of Object.entries(CONTENT_TYPES)) {
    const bare = type.split(';')[0]!;
    byType.set(bare, [...(byType.get(bare) ?? []), ext]);
  }
  return block(
    'types',
    [...byType].map(([type, exts]) => `${type} ${exts.join(' ')};`),
  );
}

/** The types nginx adds `; charset=utf-8` to (text/html always gets it). */
function charsetTypes(): string[] {
  const types = new Set<string>();
  for (const t of Object.values(CONTENT_TYPES))
    if (/;\s*charset=utf-8$/i.test(t) && !t.startsWith('text/html')) types.add(t.split(';')[0]!);
  return [...types];
}

/** Normalises and checks the inputs; throws NginxConfigError in Chinese. */
function checkInput(input: NginxInput) {
  const base = input.base;
  if (!BASE_RE.test(base))
    throw new NginxConfigError(
      `网站路径 base“${base}”不能用于 nginx 配置：应以 / 开头和结尾，只含字母、数字和 . _ ~ -（例如 /xxgk/）。`,
    );
  const root = input.root.replace(/\/+$/, '') || '/';
  if (!root.startsWith('/'))
    throw new NginxConfigError(
      `网站文件目录 --root“${input.root}”应是服务器上的绝对路径（以 / 开头），例如 /srv/www/xxgk/current。`,
    );
  if (UNSAFE_ROOT.test(root))
    throw new NginxConfigError(
      `网站文件目录 --root“${input.root}”含有空格、引号或 ; { } $ # \\ 这样的字符，请换一个目录名。`,
    );
  let https = false;
  let host: string | undefined;
  if (input.siteUrl) {
    const m = /^(https?):\/\/([^/\s?#]+)\/?$/.exec(input.siteUrl);
    if (!m)
      throw new NginxConfigError(
        `网站地址 site_url“${input.siteUrl}”应只写协议和主机名，例如 https://www.example.gov.cn。`,
      );
    https = m[1] === 'https';
    host = m[2]!.replace(/:\d+$/, '');
  }
  if (input.redirects && input.redirects.base !== base)
    throw new NginxConfigError(
      `redirects.json 是为网站路径 ${input.redirects.base} 构建的，而配置的网站路径是 ${base}：` +
        `用同一个 base 重新构建（GONGKAI_BASE=${base} npm run build）或生成配置（--base ${input.redirects.base}）。`,
    );
  return { base, root, https, host };
}

/**
 * The configuration for `input`: for a sub-path the `location` blocks to include in the portal's
 * server, for the host root a complete server block.
 */
export function nginxConfig(input: NginxInput): NginxConfig {
  const { base, root, https, host } = checkInput(input);
  const atRoot = base === '/';
  /** A path below base as nginx sees the URI. */
  const under = (p: string) => base + p;
  const headers = (cache: CacheClass, extra?: [string, string][]) => headerLines(https, cache, extra);
  const errorPages = [
    `error_page 404 ${token(under('404.html'))};`,
    // a directory without index.html (listings are off) answers as missing
    `error_page 403 =404 ${token(under('404.html'))};`,
  ];

  const downloads = [
    ...new Set(
      [...DOWNLOAD_EXTENSIONS, ...(input.attachmentTypes ?? [])]
        .map((e) => e.toLowerCase().replace(/^\./, ''))
        .filter((e) => /^[a-z0-9]+$/.test(e)),
    ),
  ];

  const body: string[] = [
    atRoot ? `root ${token(root)};` : `alias ${token(root + '/')};`,
    'index index.html;',
    'autoindex off;',
    // follow the `current` symlink on every request (a deployment switches it)
    'disable_symlinks off;',
    'open_file_cache off;',
    'server_tokens off;',
    // redirects (a directory without its slash, the 301s below) name a path, not this server's host and port
    'absolute_redirect off;',
    // the build writes x.gz beside larger text files; served when the browser accepts gzip
    'gzip_static on;',
    'gzip_vary on;',
    'charset utf-8;',
    `charset_types ${charsetTypes().join(' ')};`,
    ...typesBlock(),
    `default_type ${DEFAULT_CONTENT_TYPE};`,
    ...errorPages,
    '',
    '# 网页和其他文件：浏览器和 CDN 每次使用前都要向服务器确认（新的发布、撤回立即可见）',
    ...headers('short'),
    '',
    '# 隐藏文件（.git、.env 等）：不存在；/.well-known/ 除外',
    ...block(`location ~ ${regexToken('/\\.(?!well-known/)')}`, ['return 404;']),
    '',
    '# 文件名含内容哈希的文件：缓存一年（x.gz 同 x）',
    ...IMMUTABLE_PATHS.flatMap(({ pattern }) =>
      block(`location ~ ${regexToken(immutableRegex(base, pattern))}`, headers('immutable')),
    ),
    '',
    '# 附件中浏览器不能直接打开的类型：下载（PDF、图片等在浏览器中打开）',
    ...block(
      `location ~* ${regexToken(`\\.(?:${downloads.join('|')})$`)}`,
      headers('short', [['Content-Disposition', 'attachment']]),
    ),
  ];

  // ---- redirects.json: 301s, and 410 below withdrawn pages -----------------------------------
  const seen = new Map<string, string>();
  const claim = (key: string, what: string) => {
    const other = seen.get(key);
    if (other)
      throw new NginxConfigError(
        `redirects.json 中 ${key.replace(/^\S+ /, '')} 出现了两次（${other}；${what}）。请检查 content/redirects.yaml 后重新构建。`,
      );
    seen.set(key, what);
  };
  const redirectLines: string[] = [];
  let redirects = 0;
  for (const r of input.redirects?.redirects ?? []) {
    const from = sitePath(r.from, '旧网址');
    const to = sitePath(r.to, '新网址');
    const date = typeof r.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? `（${r.date}）` : '';
    const comment = `# ${from} → ${to}${date}`;
    redirects++;
    if (from.endsWith('/') && to.endsWith('/')) {
      // a page moved: its files (attachments, open data) moved with it (redirectTarget)
      claim(`^~ ${under(from.slice(1))}`, `跳转 ${from}`);
      redirectLines.push(
        comment,
        ...block(`location ^~ ${token(under(from.slice(1)))}`, [
          // nginx percent-encodes the captured rest again (a file name in Chinese stays one URL)
          `rewrite ${regexToken(`^${regexEscape(under(from.slice(1)))}(.*)$`)} ${token(`${encodedPath(under(to.slice(1)))}$1`)} permanent;`,
        ]),
      );
    } else {
      claim(`= ${under(from.slice(1))}`, `跳转 ${from}`);
      redirectLines.push(
        comment,
        ...block(`location = ${token(under(from.slice(1)))}`, [
          `return 301 ${literal(encodedPath(under(to.slice(1))))};`,
        ]),
      );
    }
  }
  const withdrawnLines: string[] = [];
  let withdrawn = 0;
  for (const w of input.redirects?.withdrawn ?? []) {
    const page = sitePath(w, '已撤回页面');
    if (!page.endsWith('/'))
      throw new NginxConfigError(
        `redirects.json 中的已撤回页面 ${page} 应以 / 结尾。请重新运行 npm run build 生成它。`,
      );
    const prefix = under(page.slice(1));
    claim(`^~ ${prefix}`, `撤回 ${page}`);
    withdrawn++;
    withdrawnLines.push(
      `# 已撤回：${page}`,
      ...block(`location ^~ ${token(prefix)}`, [
        ...errorPages,
        // a withdrawn attachment answers 410 with the withdrawal notice
        `error_page 410 ${token(prefix)};`,
        'return 410;',
        ...block(`location = ${token(prefix)}`, []),
        ...block(`location = ${token(prefix + 'index.html')}`, []),
        // the notice's precompressed copy (the build's finish step), a file of the output like the notice
        ...block(`location = ${token(prefix + 'index.html.gz')}`, []),
      ]),
    );
  }
  if (redirectLines.length)
    body.push(
      '',
      '# 编辑记录的网址跳转（content/redirects.yaml）：301；页面的跳转也带走页面以下的文件',
      ...redirectLines,
    );
  if (withdrawnLines.length)
    body.push('', '# 已撤回的文件：页面保留撤回说明（200），页面以下的附件、开放数据 410', ...withdrawnLines);

  const head = [
    `# gongkai：政府信息公开专栏 ${input.siteUrl ? input.siteUrl.replace(/\/$/, '') : ''}${base}`,
    `# 由 npm run nginx-config 生成，请勿手工修改：重新构建后（跳转、撤回变化时）重新生成，再 nginx -t && nginx -s reload。`,
    `# 网站文件目录：${root}`,
  ];
  const column = block(atRoot ? 'location /' : `location ^~ ${token(base)}`, body);
  let text: string[];
  if (atRoot) {
    text = [
      ...head,
      ...block('server', [
        `listen ${token(input.listen ?? '80')};`,
        `server_name ${token(host ?? '_')};`,
        'server_tokens off;',
        ...(https
          ? [
              '# site_url 是 https：在此启用 HTTPS（证书路径按本机实际填写），并把 80 端口跳转到 https：',
              '# listen 443 ssl http2;',
              `# ssl_certificate     /etc/nginx/ssl/${host}.crt;`,
              `# ssl_certificate_key /etc/nginx/ssl/${host}.key;`,
            ]
          : []),
        '',
        ...column,
      ]),
    ];
  } else {
    const bare = base.slice(0, -1);
    text = [
      ...head,
      ...block(`location = ${token(bare)}`, [
        'server_tokens off;',
        'absolute_redirect off;',
        ...headers('short'),
        `return 301 ${token(base)}$is_args$args;`,
      ]),
      '',
      ...column,
    ];
  }
  return { kind: atRoot ? 'server' : 'location', text: text.join('\n') + '\n', redirects, withdrawn };
}
