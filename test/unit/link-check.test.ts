// The link check over the whole output (src/lib/link-check.ts) on small synthetic output trees.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkLinks,
  decodeEntities,
  formatBrokenLinks,
  MAX_TARGETS,
  refreshUrl,
  resolveLink,
  scanHtml,
  scanXml,
  type LinkCheckOptions,
} from '../../src/lib/link-check.ts';

const SITE = 'https://www.example.gov.cn';

/** An output tree: path → content ('' for a binary file's stand-in). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-links-'));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

const page = (body: string, ids: string[] = []) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><title>t</title></head><body>${ids.map((i) => `<h2 id="${i}">x</h2>`).join('')}${body}</body></html>`;

const check = (files: Record<string, string>, options: Partial<LinkCheckOptions> = {}) =>
  checkLinks({ outDir: tree(files), base: '/', siteUrl: SITE, ...options });

/** The broken targets as `reason target ← pages`, for compact assertions. */
const broken = (r: ReturnType<typeof checkLinks>) =>
  r.broken.map((b) => `${b.reason} ${b.target} ← ${b.pages.map((p) => p.file).join(',')}`);

describe('a sound output', () => {
  it('passes: pages, directory URLs, relative ../ links, assets, attachments, anchors on this and other pages', () => {
    const r = check({
      'index.html': page('<a href="/doc/a/">a</a><a href="catalogue/">c</a><a href="#main">skip</a>', ['main']),
      'catalogue/index.html': page(
        '<a href="../doc/a/#s2">a §2</a><a href="../">home</a><a href="/catalogue">self</a>',
      ),
      'doc/a/index.html': page(
        '<a href="files/%E9%99%84%E4%BB%B6%201.pdf">附件</a><a href="./a.pdf">pdf</a>' +
          '<img src="/_astro/x.png" srcset="/_astro/x.png 1x, /_astro/x@2.png 2x" alt="">' +
          '<link rel="stylesheet" href="/_astro/a.css"><script src="/prefs.js"></script>' +
          '<form action="/search/" method="get"></form><a href="/doc/a/?q=1#s1">q</a>',
        ['s1', 's2'],
      ),
      'doc/a/files/附件 1.pdf': '',
      'doc/a/a.pdf': '',
      '_astro/x.png': '',
      '_astro/x@2.png': '',
      '_astro/a.css': '',
      'prefs.js': '',
      'search/index.html': page(''),
    });
    expect(broken(r)).toEqual([]);
    expect(r.pages).toBe(4);
    expect(r.links).toBeGreaterThanOrEqual(14);
    expect(r.anchors).toBe(3);
  });

  it('ignores other hosts and schemes, and counts this host outside the base path apart', () => {
    const r = check(
      {
        'index.html': page(
          '<a href="https://beian.miit.gov.cn/">备案</a><a href="mailto:a@b.cn">信</a><a href="tel:123">电话</a>' +
            '<a href="//other.example/x">x</a><a href="data:text/plain,hi">d</a>' +
            '<a href="/">portal home</a><a href="https://www.example.gov.cn/other/">portal</a>' +
            '<a href="https://www.example.gov.cn/xxgk/">self, absolute</a><a href="/xxgk">base without slash</a>',
        ),
      },
      { base: '/xxgk/' },
    );
    expect(broken(r)).toEqual([]);
    expect(r.external).toBe(5);
    expect(r.outsideBase).toBe(2);
    expect(r.links).toBe(2);
  });
});

describe('broken links', () => {
  it('finds a missing file, naming the page, its URL and the link as written', () => {
    const r = check({
      'index.html': page('<a href="/doc/none/">gone</a>'),
      'doc/a/index.html': page('<a href="files/%E7%BC%BA.pdf">缺</a><a href="files/%E7%BC%BA.pdf">again</a>'),
    });
    expect(broken(r)).toEqual([
      'missing-file /doc/a/files/缺.pdf ← doc/a/index.html',
      'missing-file /doc/none/ ← index.html',
    ]);
    const pdf = r.broken[0]!;
    expect(pdf.href).toBe('files/%E7%BC%BA.pdf');
    expect(pdf.pages[0]).toEqual({ file: 'doc/a/index.html', url: '/doc/a/' });
    // one link written twice on a page counts once
    expect(r.brokenLinks).toBe(2);
  });

  it('finds a missing anchor on the same page and on another page, and accepts ids and names, decoded', () => {
    const r = check({
      'index.html': page(
        '<a href="#nope">x</a><a href="#main">ok</a><a href="/doc/a/#%E7%AC%AC%E4%B8%89%E6%9D%A1">第三条</a>' +
          '<a href="/doc/a/#missing">bad</a><a href="doc/a/#old">named</a><a href="#top">top</a><a href="#">empty</a>',
        ['main'],
      ),
      'doc/a/index.html': page('<a name="old"></a>', ['第三条']),
    });
    expect(broken(r)).toEqual(['missing-anchor /#nope ← index.html', 'missing-anchor /doc/a/#missing ← index.html']);
    expect(r.brokenLinks).toBe(2);
  });

  it('groups one broken target linked from many pages, with a few example pages and the count', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++)
      files[`doc/d${String(i).padStart(2, '0')}/index.html`] = page('<a href="/#fdzdgknr">法定</a>');
    files['index.html'] = page('');
    const r = check(files);
    expect(r.broken).toHaveLength(1);
    expect(r.broken[0]).toMatchObject({ reason: 'missing-anchor', target: '/#fdzdgknr', count: 12 });
    expect(r.broken[0]!.pages.map((p) => p.file)).toEqual([
      'doc/d00/index.html',
      'doc/d01/index.html',
      'doc/d02/index.html',
    ]);
    expect(r.brokenLinks).toBe(12);
  });

  it('under base /xxgk/: base-absolute, site_url absolute, relative and feed URLs map to the output', () => {
    const r = check(
      {
        'index.html': page(
          '<a href="/xxgk/doc/a/">ok</a><a href="/xxgk/doc/b/">missing</a><a href="doc/c/">rel missing</a>',
        ),
        'doc/a/index.html': page('<a href="../../">up to base</a><a href="../../../../">above the root</a>'),
        'sitemap.xml':
          '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
          `<url><loc>${SITE}/xxgk/doc/a/</loc></url><url><loc>${SITE}/xxgk/doc/gone/</loc></url></urlset>`,
        'feeds/all.xml':
          '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">' +
          `<link href="${SITE}/xxgk/feeds/all.xml" rel="self"/><link href="${SITE}/xxgk/"/>` +
          `<entry><link href="${SITE}/xxgk/doc/a/?a=1&amp;b=2"/></entry><entry><link href="${SITE}/xxgk/doc/x/"/></entry></feed>`,
      },
      { base: '/xxgk/' },
    );
    // in the order found: files in code-point order, links in page order
    expect(broken(r)).toEqual([
      'missing-file /xxgk/doc/x/ ← feeds/all.xml',
      'missing-file /xxgk/doc/b/ ← index.html',
      'missing-file /xxgk/doc/c/ ← index.html',
      'missing-file /xxgk/doc/gone/ ← sitemap.xml',
    ]);
    expect(r.feeds).toBe(2);
    // '../../../../' from /xxgk/doc/a/ climbs to '/': the portal's, outside the base
    expect(r.outsideBase).toBe(1);
  });

  it('checks meta refresh targets (redirect pages) and accepts a file URL the redirects move', () => {
    const r = check(
      {
        'old/index.html':
          '<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0; url=/doc/new/"></head><body></body></html>',
        'gone/index.html':
          '<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;URL=\'/doc/none/\'"></head><body></body></html>',
        'doc/new/index.html': page('<a href="/doc/old/files/a.pdf">old file URL</a>'),
        'doc/new/files/a.pdf': '',
      },
      { redirects: [{ from: '/doc/old/', to: '/doc/new/' }] },
    );
    expect(broken(r)).toEqual(['missing-file /doc/none/ ← gone/index.html']);
  });

  it('reports a malformed percent-encoding', () => {
    const r = check({ 'index.html': page('<a href="/doc/%E7%ZZ/">bad</a>') });
    expect(broken(r)).toEqual(['bad-url /doc/%E7%ZZ/ ← index.html']);
  });

  it('caps the targets it keeps, still counting all', () => {
    const links = Array.from({ length: MAX_TARGETS + 5 }, (_, i) => `<a href="/missing-${i}/">x</a>`).join('');
    const r = check({ 'index.html': page(links) });
    expect(r.broken).toHaveLength(MAX_TARGETS);
    expect(r.brokenTargets).toBe(MAX_TARGETS + 5);
    expect(r.brokenLinks).toBe(MAX_TARGETS + 5);
    const message = formatBrokenLinks(r, {}, 50);
    expect(message).toContain(`另有 ${MAX_TARGETS + 5 - 50} 个失效目标未列出`);
    expect(message.split('\n').filter((l) => l.includes('文件不存在'))).toHaveLength(50);
  });
});

describe('the message', () => {
  it('names each target, why, the link as written, the pages with their URL and a document page’s source', () => {
    const r = check({
      'doc/a/index.html': page('<a href="#第三条">第三条</a><a href="files/%E7%BC%BA.pdf">缺</a>'),
    });
    const m = formatBrokenLinks(r, { a: 'documents/2024/a.md' });
    expect(m).toContain('全站链接检查发现 2 个失效的站内链接，指向 2 个不存在的文件或锚点：');
    expect(m).toContain('/doc/a/#第三条  锚点不存在（页面中没有 id 为“第三条”的元素）');
    expect(m).toContain('/doc/a/files/缺.pdf  文件不存在');
    expect(m).toContain('链接写作“files/%E7%BC%BA.pdf”');
    expect(m).toContain('doc/a/index.html（网址 /doc/a/，源文件 documents/2024/a.md）');
    expect(m).toContain('npm run check');
  });
});

describe('tokenizer', () => {
  it('reads quoted, single-quoted and unquoted values, entities, and skips comments and script bodies', () => {
    const { links, ids } = scanHtml(
      '<a href=/one>1</a><a class=x href=\'/two?a=1&amp;b=2\'>2</a><!-- <a href="/commented"> -->' +
        '<script>const s = "<a href=\\"/in-script\\">";</script><A HREF="/three" ID="Top-1">3</A>' +
        '<a title="a > b" href="/four">4</a><source srcset="/s1.webp 1x,/s2.webp 2x"><video poster="/p.jpg"></video>' +
        '<object data="/o.svg"></object><style>a[href="/in-style"]{}</style><p id="&#x7B2C;1">x</p>',
    );
    expect(links).toEqual(['/one', '/two?a=1&b=2', '/three', '/four', '/s1.webp', '/s2.webp', '/p.jpg', '/o.svg']);
    expect([...ids]).toEqual(['Top-1', '第1']);
  });

  it('reads feeds and sitemaps', () => {
    expect(
      scanXml(
        '<rss><channel><link>https://h/xxgk/</link><item><link>https://h/xxgk/doc/a/</link></item></channel></rss>' +
          '<sitemapindex><sitemap><loc> https://h/xxgk/sitemap-1.xml </loc></sitemap></sitemapindex>' +
          '<url><loc>https://h/a?x=1&amp;y=2</loc><xhtml:link rel="alternate" href="https://h/b"/></url>',
      ),
    ).toEqual([
      'https://h/xxgk/',
      'https://h/xxgk/doc/a/',
      'https://h/xxgk/sitemap-1.xml',
      'https://h/a?x=1&y=2',
      'https://h/b',
    ]);
  });

  it('decodes entities and reads refresh URLs', () => {
    expect(decodeEntities('a&amp;b&#39;c&#x4E00;&unknown;')).toBe("a&b'c一&unknown;");
    expect(refreshUrl('0; url=/x/')).toBe('/x/');
    expect(refreshUrl("0;URL='/y/'")).toBe('/y/');
    expect(refreshUrl('5')).toBeUndefined();
  });

  it('resolves links', () => {
    const host = 'www.example.gov.cn';
    expect(resolveLink('../b/#x', '/xxgk/doc/a/', '/xxgk/', host)).toEqual({
      kind: 'internal',
      path: 'doc/b/',
      fragment: 'x',
      url: '/xxgk/doc/b/',
    });
    expect(resolveLink('HTTPS://WWW.EXAMPLE.GOV.CN/xxgk/a.pdf', '/xxgk/', '/xxgk/', host)).toMatchObject({
      path: 'a.pdf',
    });
    expect(resolveLink('https://www.example.gov.cn:8443/xxgk/', '/xxgk/', '/xxgk/', host)).toEqual({
      kind: 'external',
    });
    expect(resolveLink('/xxgkfoo/', '/xxgk/', '/xxgk/', host)).toEqual({ kind: 'outside' });
    expect(resolveLink('  /xxgk/a%20b.pdf  ', '/xxgk/', '/xxgk/', host)).toMatchObject({ path: 'a b.pdf' });
  });
});
