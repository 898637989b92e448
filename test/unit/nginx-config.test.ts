// The nginx configuration as text (src/lib/serve/nginx.ts) and `gongkai nginx-config`: its shape for a
// sub-path and for the host root, the header rules every location must repeat, redirects and
// withdrawn pages, the inputs it refuses; the policy tables of src/lib/serve/headers.ts. What nginx
// makes of the text is tested against the real nginx in test/serve/nginx.test.ts.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gongkai } from './cli-run.ts';
import type { RedirectManifest } from '../../src/lib/redirects.ts';
import {
  CACHE_CONTROL,
  cacheClassOf,
  contentTypeOf,
  CSP,
  DOWNLOAD_EXTENSIONS,
  IMMUTABLE_PATHS,
  securityHeaders,
} from '../../src/lib/serve/headers.ts';
import { nginxConfig, NginxConfigError } from '../../src/lib/serve/nginx.ts';
import { writeColumn } from './fixture-column.ts';

const ROOT = '/srv/www/xxgk/current';
const manifest = (over: Partial<RedirectManifest> = {}): RedirectManifest => ({
  base: '/xxgk/',
  redirects: [],
  withdrawn: [],
  ...over,
});

/** The blocks of a config: each `location …`/`server` head with the lines directly inside it. */
function blocks(text: string): { head: string; lines: string[] }[] {
  const out: { head: string; lines: string[] }[] = [];
  const stack: { head: string; lines: string[] }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.endsWith('{')) {
      const b = { head: line.slice(0, -1).trim(), lines: [] as string[] };
      stack.push(b);
      out.push(b);
    } else if (line === '}') stack.pop();
    else if (line && !line.startsWith('#')) stack.at(-1)?.lines.push(line);
  }
  return out;
}

describe('nginxConfig: a column under /xxgk/', () => {
  const { kind, text } = nginxConfig({ base: '/xxgk/', root: ROOT, siteUrl: 'https://www.ceshi.gov.cn' });
  const all = blocks(text);
  const column = all.find((b) => b.head === 'location ^~ /xxgk/')!;

  it('is location blocks for the portal’s server: the base without its slash, then ^~ /xxgk/ with alias', () => {
    expect(kind).toBe('location');
    expect(text).not.toMatch(/^\s*server\s*\{/m);
    expect(all.find((b) => b.head === 'location = /xxgk')?.lines).toContain('return 301 /xxgk/$is_args$args;');
    expect(column.lines).toContain(`alias ${ROOT}/;`);
    for (const d of [
      'gzip_static on;',
      'autoindex off;',
      'server_tokens off;',
      'disable_symlinks off;',
      'open_file_cache off;',
      'error_page 404 /xxgk/404.html;',
      'default_type application/octet-stream;',
    ])
      expect(column.lines, d).toContain(d);
  });

  it('the CSP is the one string of headers.ts, as a header on every answer (always)', () => {
    expect(column.lines).toContain(`add_header Content-Security-Policy "${CSP}" always;`);
  });

  it('every location that sets a header repeats all the security headers (nginx drops inherited add_header)', () => {
    const names = securityHeaders({ https: true }).map(([n]) => n);
    expect(names).toContain('Strict-Transport-Security');
    const withHeaders = all.filter((b) => b.lines.some((l) => l.startsWith('add_header ')));
    // the column, each kind of hashed file, downloads
    expect(withHeaders.length).toBe(3 + IMMUTABLE_PATHS.length); // and the base without its slash
    for (const b of withHeaders) {
      const set = b.lines.filter((l) => l.startsWith('add_header ')).map((l) => l.split(/\s+/)[1]);
      for (const n of [...names, 'Cache-Control']) expect(set, `${b.head}: ${n}`).toContain(n);
    }
  });

  it('cache classes: a year for hashed names, revalidation for the rest', () => {
    const astro = all.find((b) => b.head === 'location ~ "^/xxgk/(?:_astro\\/)"')!;
    expect(astro.lines).toContain(`add_header Cache-Control "${CACHE_CONTROL.immutable}" always;`);
    expect(column.lines).toContain(`add_header Cache-Control ${CACHE_CONTROL.short} always;`);
    // a pattern ending in $ also takes its .gz (the class of x.gz is the class of x)
    expect(text).toContain('\\.pf_meta)(?:\\.gz)?$)" {');
  });

  it('dotfiles answer 404, /.well-known/ excepted; office types download, PDF does not', () => {
    expect(all.find((b) => b.head === 'location ~ "/\\.(?!well-known/)"')?.lines).toEqual(['return 404;']);
    const download = all.find((b) => b.head.startsWith('location ~* '))!;
    expect(download.lines).toContain('add_header Content-Disposition attachment always;');
    const extensions = /\(\?:([^)]+)\)/.exec(download.head)![1]!.split('|');
    expect(extensions).toEqual(expect.arrayContaining(['doc', 'docx', 'xls', 'xlsx', 'ppt', 'ofd', 'wps', 'zip']));
    expect(extensions).not.toContain('pdf');
  });

  it('HSTS only when site_url is https', () => {
    expect(text).toContain('add_header Strict-Transport-Security max-age=31536000 always;');
    const http = nginxConfig({ base: '/xxgk/', root: ROOT, siteUrl: 'http://www.ceshi.gov.cn' }).text;
    expect(http).not.toContain('Strict-Transport-Security');
    expect(nginxConfig({ base: '/xxgk/', root: ROOT }).text).not.toContain('Strict-Transport-Security');
  });

  it('a type site.yaml adds downloads too', () => {
    const t = nginxConfig({ base: '/xxgk/', root: ROOT, attachmentTypes: ['DWG', '.ceb', 'bad ext'] }).text;
    expect(t).toMatch(/\|dwg\|ceb\)\$"/);
    expect(t).not.toContain('bad ext');
  });
});

describe('nginxConfig: a column at the host root', () => {
  it('is a complete server block with root, the host from site_url and the listen address', () => {
    const { kind, text } = nginxConfig({
      base: '/',
      root: ROOT,
      siteUrl: 'https://www.ceshi.gov.cn',
      listen: '127.0.0.1:8080',
    });
    expect(kind).toBe('server');
    const all = blocks(text);
    const server = all.find((b) => b.head === 'server')!;
    expect(server.lines).toEqual(
      expect.arrayContaining(['listen 127.0.0.1:8080;', 'server_name www.ceshi.gov.cn;', 'server_tokens off;']),
    );
    expect(all.find((b) => b.head === 'location /')?.lines).toContain(`root ${ROOT};`);
    expect(all.some((b) => b.head === 'location ~ "^/(?:_astro\\/)"')).toBe(true);
    expect(text).toContain('error_page 404 /404.html;');
    // https: the TLS lines are there, commented, for the operator to fill in
    expect(text).toMatch(/^\s*# listen 443 ssl/m);
  });
});

describe('nginxConfig: redirects.json', () => {
  const r = nginxConfig({
    base: '/xxgk/',
    root: ROOT,
    redirects: manifest({
      redirects: [
        { from: '/doc/old/', to: '/doc/new/', date: '2026-01-05' },
        { from: '/doc/x/files/旧附件.pdf', to: '/doc/y/files/新附件.pdf' },
        { from: '/doc/a$b/', to: '/doc/c$d/' },
        { from: '/doc/z/', to: '/doc/y/files/新附件.pdf', date: '2026-01-05\n}' },
      ],
      withdrawn: ['/doc/w/'],
    }),
  });
  const all = blocks(r.text);

  it('a page moved: 301 for the page and every file below it', () => {
    expect(r.redirects).toBe(4);
    expect(all.find((b) => b.head === 'location ^~ /xxgk/doc/old/')?.lines).toEqual([
      'rewrite "^/xxgk/doc/old/(.*)$" "/xxgk/doc/new/$1" permanent;',
    ]);
  });

  it('a file moved: an exact location, the target percent-encoded', () => {
    expect(all.find((b) => b.head === 'location = /xxgk/doc/x/files/旧附件.pdf')?.lines).toEqual([
      `return 301 /xxgk/doc/y/files/${encodeURIComponent('新附件')}.pdf;`,
    ]);
    // a page to a file: the page alone
    expect(all.find((b) => b.head === 'location = /xxgk/doc/z/')?.lines).toHaveLength(1);
  });

  it('a $ in a path is no nginx variable; a date that is not one is left out', () => {
    expect(all.find((b) => b.head === 'location ^~ "/xxgk/doc/a$b/"')?.lines).toEqual([
      'rewrite "^/xxgk/doc/a\\$b/(.*)$" "/xxgk/doc/c%24d/$1" permanent;',
    ]);
    expect(r.text).toContain('# /doc/old/ → /doc/new/（2026-01-05）');
    expect(r.text).not.toContain('2026-01-05\n}');
  });

  it('a withdrawn page stays; what is below it answers 410 with the notice', () => {
    expect(r.withdrawn).toBe(1);
    const w = all.find((b) => b.head === 'location ^~ /xxgk/doc/w/')!;
    expect(w.lines).toEqual([
      'error_page 404 /xxgk/404.html;',
      'error_page 403 =404 /xxgk/404.html;',
      'error_page 410 /xxgk/doc/w/;',
      'return 410;',
    ]);
    expect(all.some((b) => b.head === 'location = /xxgk/doc/w/')).toBe(true);
    expect(all.some((b) => b.head === 'location = /xxgk/doc/w/index.html')).toBe(true);
  });
});

describe('nginxConfig refuses what nginx could not be given safely', () => {
  const cases: [string, Parameters<typeof nginxConfig>[0], RegExp][] = [
    ['a base with a space', { base: '/x k/', root: ROOT }, /网站路径 base/],
    ['a relative root', { base: '/xxgk/', root: 'dist' }, /绝对路径/],
    ['a root with a quote', { base: '/xxgk/', root: '/srv/"x"' }, /引号/],
    ['a site_url with a path', { base: '/xxgk/', root: ROOT, siteUrl: 'https://a.gov.cn/x/' }, /site_url/],
    [
      'redirects.json of another base',
      { base: '/xxgk/', root: ROOT, redirects: manifest({ base: '/' }) },
      /redirects\.json 是为网站路径 \/ 构建的.*--base \//,
    ],
    [
      'a from twice',
      {
        base: '/xxgk/',
        root: ROOT,
        redirects: manifest({
          redirects: [
            { from: '/doc/a/', to: '/doc/b/' },
            { from: '/doc/a/', to: '/doc/c/' },
          ],
        }),
      },
      /出现了两次/,
    ],
    [
      'a path with a newline',
      { base: '/xxgk/', root: ROOT, redirects: manifest({ redirects: [{ from: '/doc/a/\n}', to: '/doc/b/' }] }) },
      /不是本站路径/,
    ],
    [
      'a path with ..',
      { base: '/xxgk/', root: ROOT, redirects: manifest({ withdrawn: ['/doc/../etc/'] }) },
      /不是本站路径/,
    ],
  ];
  for (const [name, input, message] of cases)
    it(name, () => {
      expect(() => nginxConfig(input)).toThrow(NginxConfigError);
      expect(() => nginxConfig(input)).toThrow(message);
    });
});

describe('the serving policy (headers.ts)', () => {
  it('content types', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('_astro/a.B1.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('x.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('pagefind/s0/wasm.unknown.pagefind')).toBe('application/octet-stream');
    expect(contentTypeOf('a.wasm')).toBe('application/wasm');
    expect(contentTypeOf('p/zh-cn_1.pf_fragment')).toBe('application/octet-stream');
    expect(contentTypeOf('doc/a/files/附件.OFD')).toBe('application/ofd');
    expect(contentTypeOf('t.csv')).toBe('text/csv; charset=utf-8');
    expect(contentTypeOf('sitemap.xml')).toBe('application/xml; charset=utf-8');
    expect(contentTypeOf('x.dwg')).toBe('application/octet-stream');
    expect(contentTypeOf('noext')).toBe('application/octet-stream');
  });

  it('cache classes', () => {
    expect(cacheClassOf('_astro/index.Df0Fc97H.css')).toBe('immutable');
    expect(cacheClassOf('pagefind/s0/index/zh-cn_1255897.pf_index')).toBe('immutable');
    expect(cacheClassOf('pagefind/s0/pagefind.zh-cn_6615c441e898a.pf_meta')).toBe('immutable');
    expect(cacheClassOf('pagefind/s0/fragment/zh-cn_13177a6.pf_fragment')).toBe('immutable');
    expect(cacheClassOf('_astro/index.Df0Fc97H.css.gz')).toBe('immutable');
    expect(cacheClassOf('index.html.gz')).toBe('short');
    for (const f of [
      'index.html',
      'pagefind/s0/pagefind.js',
      'pagefind/s0/pagefind-entry.json',
      'pagefind/s0/wasm.unknown.pagefind',
      'pagefind/gongkai.json',
      'doc/a/files/x.pdf',
      'prefs.js',
    ])
      expect(cacheClassOf(f), f).toBe('short');
  });

  it('PDFs open in the browser; office files download', () => {
    expect(DOWNLOAD_EXTENSIONS).not.toContain('pdf');
    expect(DOWNLOAD_EXTENSIONS).toEqual(expect.arrayContaining(['doc', 'docx', 'xls', 'xlsx', 'ofd', 'wps', 'zip']));
  });
});

describe('gongkai nginx-config', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  function setup(base: string) {
    delete process.env.GONGKAI_BASE;
    delete process.env.GONGKAI_OUT;
    const content = writeColumn({});
    const dist = mkdtempSync(path.join(tmpdir(), 'gongkai-nginx-'));
    mkdirSync(dist, { recursive: true });
    const redirects = manifest({ base, redirects: [{ from: '/doc/old/', to: '/doc/new/' }], withdrawn: ['/doc/w/'] });
    writeFileSync(path.join(dist, 'redirects.json'), JSON.stringify(redirects));
    return { content, dist, redirects, out: path.join(dist, 'out.conf') };
  }

  it('writes exactly nginxConfig’s text for the chosen base and says what the operator does next', async () => {
    const s = setup('/xxgk/');
    const r = await gongkai(
      '--content',
      s.content,
      'nginx-config',
      '--root',
      ROOT,
      '--base',
      'xxgk',
      '--dist',
      s.dist,
      '--out',
      s.out,
    );
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(s.out, 'utf8')).toBe(
      nginxConfig({
        base: '/xxgk/',
        root: ROOT,
        siteUrl: 'https://www.ceshi.gov.cn',
        redirects: s.redirects,
        attachmentTypes: [],
      }).text,
    );
    expect(r.out).toContain(`已写出 nginx 配置：${s.out}`);
    expect(r.out).toContain('网址跳转 1 条（301），已撤回文件 1 份');
    expect(r.out).toContain('include /etc/nginx/snippets/out.conf;');
    expect(r.out).toContain('server_tokens off;');
    // the column under a sub-path cannot own the host's robots.txt: the portal's needs the sitemap line
    expect(r.out).toContain('  Sitemap: https://www.ceshi.gov.cn/xxgk/sitemap.xml');
    expect(r.out).toContain('nginx -t && nginx -s reload');
  });

  it('GONGKAI_BASE chooses the base when --base is not given; at the root a server block', async () => {
    const s = setup('/');
    process.env.GONGKAI_BASE = '/';
    const r = await gongkai('--content', s.content, 'nginx-config', '--root', ROOT, '--dist', s.dist, '--out', '-');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^server \{$/m);
    expect(r.err).toContain('sites-enabled');
  });

  it('refuses a redirects.json built for another base (exit 2), naming both', async () => {
    const s = setup('/');
    const r = await gongkai(
      '--content',
      s.content,
      'nginx-config',
      '--root',
      ROOT,
      '--base',
      '/xxgk/',
      '--dist',
      s.dist,
      '--out',
      s.out,
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('redirects.json 是为网站路径 / 构建的，而配置的网站路径是 /xxgk/');
  });

  it('without --root: exit 2', async () => {
    const s = setup('/xxgk/');
    const r = await gongkai('--content', s.content, 'nginx-config', '--dist', s.dist);
    expect(r.code).toBe(2);
  });

  it('without redirects.json: the config without redirects, and it says to build first', async () => {
    const s = setup('/xxgk/');
    const empty = mkdtempSync(path.join(tmpdir(), 'gongkai-nginx-'));
    const r = await gongkai(
      '--content',
      s.content,
      'nginx-config',
      '--root',
      ROOT,
      '--base',
      '/xxgk/',
      '--dist',
      empty,
      '--out',
      s.out,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('先运行 npm run build');
    expect(readFileSync(s.out, 'utf8')).not.toContain('return 410');
  });
});
