// What the sample build (under /xxgk/) writes for readers, crawlers and reusers: the sitemap lists every
// page of dist and nothing else, with full addresses; the Atom feeds parse and hold the newest documents;
// the catalogue's CSV and JSON have one row per published document; the HTML 网站地图's links all exist;
// the footer's 党政机关网站标识 is the content's own image, copied. Expected values come from the sources
// (test/helpers/sources.ts) and the built pages, never from the code under test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, buildSample, type BuildResult } from '../helpers/build.ts';
import { all, first, hasClass, listFiles, text, type El } from '../helpers/html.ts';
import { SAMPLE_CONTENT, TODAY } from '../helpers/paths.ts';
import { fileFor, readPage, statedTotal } from '../helpers/site.ts';
import { partition, readSources, readYaml, type SourceDoc } from '../helpers/sources.ts';
import { childText, kids, parseXml } from '../helpers/xml.ts';

interface SiteYaml {
  site_url: string;
  page_size: number;
  footer: { conac?: { image: string; link: string; alt?: string }; error_report?: { link: string; text?: string } };
}

const ATOM = 'http://www.w3.org/2005/Atom';
const site = readYaml<SiteYaml>(SAMPLE_CONTENT, 'site.yaml');
const PAGE_SIZE = site.page_size;
let r: BuildResult;
let docs: SourceDoc[];
/** 'https://www.shilixian.gov.cn/xxgk/' */
let prefix: string;

beforeAll(async () => {
  r = await buildSample();
  docs = partition(readSources(SAMPLE_CONTENT), TODAY).pages;
  prefix = `${site.site_url}${r.base}`;
});

const read = (p: string) => readFileSync(path.join(r.outDir, p), 'utf8');
/** A full address of this site → its file in dist (undefined for another address). */
const fileOfUrl = (u: string) =>
  u.startsWith(prefix) ? fileFor(r.outDir, '/', `/${u.slice(prefix.length)}`) : undefined;
const newestFirst = (list: SourceDoc[]) =>
  [...list].sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : 0));

describe('sitemap.xml', () => {
  it('lists every page of dist with its full address, and nothing else (no 404 page, no files)', () => {
    assertBuilt(r);
    const root = parseXml(read('sitemap.xml'));
    expect(root.name).toBe('urlset');
    const locs = kids(root, 'url').map((u) => childText(u, 'loc')!);
    expect(new Set(locs).size).toBe(locs.length);
    for (const loc of locs) expect(loc.startsWith(prefix), loc).toBe(true);
    const missing = locs.filter((l) => !existsSync(fileOfUrl(l)!));
    expect(missing).toEqual([]);
    const pages = listFiles(r.outDir, ['.html'])
      .filter((f) => f !== '404.html')
      .map((f) => `${prefix}${f.slice(0, -'index.html'.length)}`);
    expect([...locs].sort()).toEqual(pages.sort());
  });

  it('names each document page, with its lastmod no earlier than its 发布日期', () => {
    assertBuilt(r);
    const root = parseXml(read('sitemap.xml'));
    const lastmod = new Map(kids(root, 'url').map((u) => [childText(u, 'loc')!, childText(u, 'lastmod')]));
    for (const d of docs) {
      const at = lastmod.get(`${prefix}doc/${d.slug}/`);
      expect(at, d.file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(at! >= d.published, d.file).toBe(true);
    }
    // the home page: the newest of the column
    expect(lastmod.get(prefix)).toBe([...lastmod.values()].filter(Boolean).sort().at(-1));
  });

  it('no robots.txt under a sub-path (the host’s file is the portal’s)', () => {
    assertBuilt(r);
    expect(existsSync(path.join(r.outDir, 'robots.txt'))).toBe(false);
  });
});

/** A feed's entries' ids, after checking the feed is Atom with its required elements. */
function feedIds(file: string, self: string): string[] {
  const root = parseXml(read(file));
  expect([root.name, root.ns]).toEqual(['feed', ATOM]);
  expect(childText(root, 'id')).toBe(self);
  expect(childText(root, 'updated')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  expect(childText(kids(root, 'author')[0]!, 'name')).toBeTruthy();
  expect(kids(root, 'link').find((l) => l.attrs.rel === 'self')?.attrs.href).toBe(self);
  const entries = kids(root, 'entry');
  for (const e of entries) {
    for (const n of ['id', 'title', 'updated', 'published']) expect(childText(e, n), `${file} ${n}`).toBeTruthy();
    expect(kids(e, 'link').find((l) => l.attrs.rel === 'alternate')?.attrs.href).toBe(childText(e, 'id'));
  }
  return entries.map((e) => childText(e, 'id')!);
}

describe('Atom feeds', () => {
  it('/feed.xml: the column’s newest documents (up to 50), each a page of dist', () => {
    assertBuilt(r);
    const ids = feedIds('feed.xml', `${prefix}feed.xml`);
    expect(ids).toHaveLength(Math.min(50, docs.length));
    const inFeed = new Set(ids.map((u) => u.slice(prefix.length)));
    const [given, left] = [
      docs.filter((d) => inFeed.has(`doc/${d.slug}/`)),
      docs.filter((d) => !inFeed.has(`doc/${d.slug}/`)),
    ];
    expect(given).toHaveLength(ids.length);
    // no document left out is newer than one given
    const oldestGiven = newestFirst(given).at(-1)!.published;
    expect(left.filter((d) => d.published > oldestGiven).map((d) => d.file)).toEqual([]);
  });

  it('each section’s feed holds that section’s newest documents, as many as its list shows (up to 50)', () => {
    assertBuilt(r);
    const sections = readdirSync(path.join(r.outDir, 'section'));
    expect(sections.length).toBeGreaterThan(15);
    for (const id of sections) {
      const ids = feedIds(`section/${id}/feed.xml`, `${prefix}section/${id}/feed.xml`);
      const list = readPage(r.outDir, `/section/${id}/`);
      expect(ids.length, id).toBe(Math.min(50, statedTotal(list) ?? 0));
      // the list's first page shows the same newest documents, in the same order
      const listed = new Set(all(list, 'a').map((a) => a.attrs.href));
      const shown = ids.filter((u) => listed.has(u.slice(site.site_url.length)));
      expect(shown, id).toEqual(ids.slice(0, Math.min(ids.length, PAGE_SIZE)));
    }
  });

  it('pages name the feeds in <head>; the home page and the sections show a 订阅 link', () => {
    assertBuilt(r);
    const feedsOf = (page: El) =>
      all(page, 'link', (l) => l.attrs.rel === 'alternate' && l.attrs.type === 'application/atom+xml').map(
        (l) => l.attrs.href,
      );
    const home = readPage(r.outDir, '/');
    expect(feedsOf(home)).toEqual([`${r.base}feed.xml`]);
    expect(all(home, 'a', (a) => a.attrs.href === `${r.base}feed.xml` && text(a).includes('订阅'))).toHaveLength(1);
    const guide = readPage(r.outDir, '/section/guide/');
    expect(feedsOf(guide)).toEqual([`${r.base}feed.xml`, `${r.base}section/guide/feed.xml`]);
    const link = first(guide, 'a', (a) => a.attrs.href === `${r.base}section/guide/feed.xml`);
    expect(text(link!)).toContain('订阅');
  });
});

describe('the catalogue as open data', () => {
  it('CSV: UTF-8 with BOM, the header, one row per published document', () => {
    assertBuilt(r);
    const csv = read('catalogue/catalogue.csv');
    expect(
      csv.startsWith('\uFEFF索引号,名称,内容概述,发布机构,文号,成文日期,发布日期,主题分类,体裁,有效性,网址\r\n'),
    ).toBe(true);
    // every record ends with its page's address: count those (fields may hold line breaks)
    const urls = [...csv.matchAll(new RegExp(`${prefix.replace(/[.]/g, '\\.')}doc/[^,\\r\\n]+/(?=\\r\\n)`, 'g'))].map(
      (m) => m[0],
    );
    expect(urls.sort()).toEqual(docs.map((d) => `${prefix}doc/${d.slug}/`).sort());
  });

  it('JSON: the same records, in the catalogue’s order (newest first)', () => {
    assertBuilt(r);
    const data = JSON.parse(read('catalogue/catalogue.json')) as {
      count: number;
      records: { index_no: string; published: string; url: string }[];
    };
    expect(data.count).toBe(docs.length);
    expect(data.records.map((x) => x.index_no).sort()).toEqual(docs.map((d) => d.indexNo).sort());
    const dates = data.records.map((x) => x.published);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const x of data.records) expect(existsSync(fileOfUrl(x.url)!), x.url).toBe(true);
  });

  it('the catalogue page links both, with the record count and each file’s size', () => {
    assertBuilt(r);
    const block = first(readPage(r.outDir, '/catalogue/'), 'section', (s) => s.attrs.id === 'open-data')!;
    expect(text(block)).toContain(`全部 ${docs.length} 条`);
    for (const [file, format] of [
      ['catalogue/catalogue.csv', 'CSV'],
      ['catalogue/catalogue.json', 'JSON'],
    ] as const) {
      const a = first(block, 'a', (x) => x.attrs.href === `${r.base}${file}`);
      expect(a, file).toBeDefined();
      const kb = Math.max(1, Math.round(readFileSync(path.join(r.outDir, file)).length / 1024));
      expect(text(a!)).toContain(`${format} 格式，${kb} KB`);
    }
  });
});

describe('the HTML 网站地图 and the footer', () => {
  it('/sitemap/ lists the sections, the browse pages, open data and feeds; every link exists', () => {
    assertBuilt(r);
    const page = readPage(r.outDir, '/sitemap/');
    expect(text(first(page, 'h1')!)).toBe('网站地图');
    const main = first(page, 'main')!;
    expect(all(main, 'h2').map(text)).toEqual(['栏目', '政府信息公开目录', '依申请公开', '检索', '开放数据', '订阅']);
    const hrefs = all(main, 'a').map((a) => a.attrs.href!);
    for (const id of readdirSync(path.join(r.outDir, 'section'))) {
      expect(hrefs, id).toContain(`${r.base}section/${id}/`);
      expect(hrefs, id).toContain(`${r.base}section/${id}/feed.xml`);
    }
    for (const p of ['catalogue/topic/', 'catalogue/publisher/', 'catalogue/year/', 'catalogue/genre/', 'feed.xml'])
      expect(hrefs).toContain(`${r.base}${p}`);
    expect(hrefs.filter((h) => h.includes('/doc/'))).toEqual([]);
    const broken = hrefs.filter((h) => h.startsWith('/') && !existsSync(fileFor(r.outDir, r.base, h)));
    expect(broken).toEqual([]);
  });

  it('every page’s footer links the 网站地图 and 找错, and shows the 标识: the content’s image, copied', () => {
    assertBuilt(r);
    const conac = site.footer.conac!;
    const report = site.footer.error_report!;
    const published = path.join(r.outDir, 'site-files', `conac${path.extname(conac.image)}`);
    expect(readFileSync(published)).toEqual(readFileSync(path.join(SAMPLE_CONTENT, conac.image)));
    for (const p of ['/', '/catalogue/', '/sitemap/', `/doc/${docs[0]!.slug}/`, '/404.html']) {
      const footer = first(readPage(r.outDir, p), 'footer')!;
      const links = all(footer, 'a');
      expect(
        links.find((a) => a.attrs.href === `${r.base}sitemap/`),
        p,
      ).toBeDefined();
      expect(text(links.find((a) => a.attrs.href === report.link)!)).toContain(report.text ?? '我要找错');
      const mark = links.find((a) => a.attrs.href === conac.link)!;
      const img = first(mark, 'img')!;
      expect(img.attrs.src).toBe(`${r.base}site-files/conac${path.extname(conac.image)}`);
      expect(img.attrs.alt).toBe(conac.alt);
      expect(hasClass(mark, 'site-mark')).toBe(true);
    }
  });
});
