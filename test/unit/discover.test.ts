// What the build writes for readers, crawlers and reusers (src/lib/discover/, src/lib/deploy/robots.ts):
// the pages a sitemap lists and their dates, the sitemap's split at the protocol's limits, the Atom
// feeds, the catalogue's open data and the robots.txt lines. Built from a small catalogue here.
import { describe, expect, it } from 'vitest';
import { buildCatalogue, CATALOGUE_FIELDS } from '../../src/lib/catalogue.ts';
import { ownsRobotsTxt, portalRobotsLines, robotsTxt } from '../../src/lib/deploy/robots.ts';
import { atomXml, feedEntries, feedUpdated, FEED_SIZE } from '../../src/lib/discover/feed.ts';
import { catalogueCsv, catalogueJson, catalogueRecord } from '../../src/lib/discover/open-data.ts';
import { sitemapFiles, SITEMAP_LIMITS } from '../../src/lib/discover/sitemap.ts';
import { docUpdatedAt, rfc3339, UpdatedDates } from '../../src/lib/discover/updated.ts';
import { absoluteUrl, siteMarkPath } from '../../src/lib/discover/urls.ts';
import { xmlText } from '../../src/lib/discover/xml.ts';
import { DOCUMENT_FIELDS } from '../../src/lib/schema/document.ts';
import { pagePaths, sitePages, type SitePage } from '../../src/lib/site-paths.ts';
import { builtInGenres, builtInSections, builtInTopics } from '../../src/lib/taxonomy.ts';
import { meta, publishers } from './doc-meta.ts';
import { childText, kids, parseXml } from '../helpers/xml.ts';

// d1 is replaced by d2 (published later) and interpreted by d3; d4 was repealed without a replacement
const d1 = meta({ published: '2020-05-01', supersededBySlug: 'd2', interpretations: ['d3'], validity: '废止' });
const d2 = meta({
  published: '2022-03-01',
  publishedAt: '2022-03-01 09:30',
  supersedes: ['d1'],
  docNo: '县政发〔2022〕1号',
});
const d3 = meta({
  published: '2021-07-01',
  genreId: 'interpretation',
  sectionId: 'guide',
  summary: '解读，含逗号,和"引号"',
});
const d4 = meta({
  published: '2019-01-01',
  publisherId: 'town',
  publisher: '镇政府',
  repealed: '2023-06-30',
  validity: '失效',
});
// names documents that are not published (held back, withdrawn): they do not count
const d5 = meta({ published: '2018-01-01', supersededBySlug: 'held-back', interpretations: ['withdrawn'] });
const docs = [d1, d2, d3, d4, d5];
const cat = buildCatalogue({
  documents: docs,
  publishers,
  topics: builtInTopics(),
  genres: builtInGenres(),
  sections: builtInSections(),
});
const SITE = 'https://www.ceshi.gov.cn';
const url = (p: string) => absoluteUrl(SITE, '/xxgk/', p);

describe('when a page last changed (content dates only)', () => {
  it('a document: the latest of its 发布时间, 废止日期 and its replacement’s and 解读’s 发布时间', () => {
    expect(docUpdatedAt(d1, cat.bySlug)).toBe('2022-03-01 09:30');
    expect(docUpdatedAt(d2, cat.bySlug)).toBe('2022-03-01 09:30');
    expect(docUpdatedAt(d3, cat.bySlug)).toBe('2021-07-01 00:00');
    expect(docUpdatedAt(d4, cat.bySlug)).toBe('2023-06-30 00:00');
    expect(docUpdatedAt(d5, cat.bySlug)).toBe('2018-01-01 00:00');
  });

  it('a list: the latest of its documents', () => {
    const dates = new UpdatedDates(cat.all, cat.bySlug);
    expect(dates.latest(cat.all)).toBe('2023-06-30 00:00');
    expect(dates.latest([d1, d3])).toBe('2022-03-01 09:30');
    expect(dates.latest([])).toBeUndefined();
  });

  it('RFC 3339 in Beijing time', () => {
    expect(rfc3339('2022-03-01 09:30')).toBe('2022-03-01T09:30:00+08:00');
    expect(rfc3339('2022-03-01')).toBe('2022-03-01T00:00:00+08:00');
    expect(() => rfc3339('2022/03/01')).toThrow(RangeError);
  });
});

describe('the pages a sitemap lists', () => {
  const pages = sitePages(cat, 2);
  const byPath = new Map(pages.map((p) => [p.path, p]));

  it('are the pages of pagePaths: not the 404 page, files, feeds or withdrawn notices', () => {
    const all = pagePaths(cat, 2, [{ slug: 'withdrawn-doc' }]);
    const htmlPages = [...all].filter((p) => p.endsWith('/') && p !== '/doc/withdrawn-doc/');
    expect(pages.map((p) => p.path).sort()).toEqual(htmlPages.sort());
    expect(byPath.has('/doc/withdrawn-doc/')).toBe(false);
    expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length);
    for (const p of ['/feed.xml', '/sitemap.xml', '/catalogue/catalogue.csv', '/catalogue/catalogue.json'])
      expect(all.has(p), p).toBe(true);
    for (const s of builtInSections()) expect(all.has(`/section/${s.id}/feed.xml`), s.id).toBe(true);
  });

  it('each with the date its content last changed, YYYY-MM-DD', () => {
    expect(byPath.get('/')?.lastmod).toBe('2023-06-30');
    expect(byPath.get('/doc/d1/')?.lastmod).toBe('2022-03-01');
    expect(byPath.get('/doc/d4/')?.lastmod).toBe('2023-06-30');
    // every page of a list: the latest of the list's documents (a newer one moves every page)
    expect(byPath.get('/catalogue/')?.lastmod).toBe('2023-06-30');
    expect(byPath.get('/catalogue/3/')?.lastmod).toBe('2023-06-30');
    expect(byPath.get('/catalogue/publisher/gov/')?.lastmod).toBe('2022-03-01');
    expect(byPath.get('/section/guide/')?.lastmod).toBe('2021-07-01');
    // an empty list and the pages no document dates
    expect(byPath.get('/section/art20-15/')).toEqual({ path: '/section/art20-15/' });
    for (const p of ['/apply/', '/apply/form/', '/search/', '/sitemap/']) expect(byPath.get(p), p).toEqual({ path: p });
  });
});

function locs(xml: string): string[] {
  const root = parseXml(xml);
  return kids(root, root.name === 'urlset' ? 'url' : 'sitemap').map((u) => childText(u, 'loc')!);
}

describe('sitemap.xml', () => {
  const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
  const pages: SitePage[] = [
    { path: '/', lastmod: '2024-01-05' },
    { path: '/a/', lastmod: '2024-02-01' },
    { path: '/b/' },
    { path: '/c/', lastmod: '2023-12-31' },
    { path: '/d/', lastmod: '2024-03-09' },
  ];

  it('fits in one file: a urlset of full addresses with their lastmod', () => {
    const files = sitemapFiles(pages, url);
    expect(files.map((f) => f.path)).toEqual(['/sitemap.xml']);
    const root = parseXml(files[0]!.xml);
    expect([root.name, root.ns]).toEqual(['urlset', NS]);
    const urls = kids(root, 'url');
    expect(urls.map((u) => childText(u, 'loc'))).toEqual(pages.map((p) => `${SITE}/xxgk${p.path}`));
    expect(urls.map((u) => childText(u, 'lastmod'))).toEqual(pages.map((p) => p.lastmod));
  });

  it('splits at the URL limit into sitemap-1.xml … with sitemap.xml as their index', () => {
    const files = sitemapFiles(pages, url, { urls: 2, bytes: SITEMAP_LIMITS.bytes });
    expect(files.map((f) => f.path)).toEqual(['/sitemap.xml', '/sitemap-1.xml', '/sitemap-2.xml', '/sitemap-3.xml']);
    const index = parseXml(files[0]!.xml);
    expect([index.name, index.ns]).toEqual(['sitemapindex', NS]);
    expect(locs(files[0]!.xml)).toEqual([1, 2, 3].map((n) => `${SITE}/xxgk/sitemap-${n}.xml`));
    // each part's lastmod is the latest of its pages (a part without dates has none)
    expect(kids(index, 'sitemap').map((s) => childText(s, 'lastmod'))).toEqual([
      '2024-02-01',
      '2023-12-31',
      '2024-03-09',
    ]);
    const parts = files.slice(1).map((f) => locs(f.xml));
    expect(parts.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(parts.flat()).toEqual(pages.map((p) => url(p.path)));
  });

  it('splits at the byte limit, each file within it', () => {
    const one = Buffer.byteLength(sitemapFiles(pages.slice(0, 1), url)[0]!.xml);
    const limit = one + 150;
    const files = sitemapFiles(pages, url, { urls: 50_000, bytes: limit });
    expect(files.length).toBeGreaterThan(2);
    for (const f of files.slice(1)) expect(Buffer.byteLength(f.xml)).toBeLessThanOrEqual(limit);
    expect(files.slice(1).flatMap((f) => locs(f.xml))).toEqual(pages.map((p) => url(p.path)));
    expect(() => sitemapFiles(pages, url, { urls: 10, bytes: 100 })).toThrow(RangeError);
  });

  it('escapes addresses (&, quotes) and stays well-formed', () => {
    const odd = sitemapFiles([{ path: "/a&b/'q'/" }], (p) => `${SITE}${p}`);
    expect(odd[0]!.xml).toContain('<loc>https://www.ceshi.gov.cn/a&amp;b/&apos;q&apos;/</loc>');
    expect(locs(odd[0]!.xml)).toEqual([`${SITE}/a&b/'q'/`]);
    expect(locs(sitemapFiles([], url)[0]!.xml)).toEqual([]);
  });
});

describe('Atom feeds', () => {
  const dates = new UpdatedDates(cat.all, cat.bySlug);
  const ATOM = 'http://www.w3.org/2005/Atom';
  const feed = (entries = feedEntries(cat.all, dates, url)) => ({
    self: url('/feed.xml'),
    page: url('/'),
    title: '测试县政府信息公开专栏：最新公开信息',
    author: '测试县人民政府',
    entries,
    emptyUpdated: '2020-01-01T00:00:00+08:00',
  });

  it('entries: the newest documents, with content dates, summary and 发布机构', () => {
    const entries = feedEntries(cat.all, dates, url, 3);
    expect(entries.map((e) => e.url)).toEqual(cat.all.slice(0, 3).map((d) => url(`/doc/${d.slug}/`)));
    const e1 = feedEntries([d1], dates, url)[0]!;
    expect(e1).toEqual({
      url: `${SITE}/xxgk/doc/d1/`,
      title: '文件1',
      published: '2020-05-01T00:00:00+08:00',
      updated: '2022-03-01T09:30:00+08:00',
      summary: '',
      author: '县政府',
    });
    expect(FEED_SIZE).toBe(50);
    expect(
      feedEntries(
        Array.from({ length: 60 }, () => d3),
        dates,
        url,
      ),
    ).toHaveLength(FEED_SIZE);
  });

  it('is a valid Atom document: id, title, updated, author, self and alternate links, entries', () => {
    const root = parseXml(atomXml(feed()));
    expect([root.name, root.ns]).toEqual(['feed', ATOM]);
    expect(childText(root, 'id')).toBe(`${SITE}/xxgk/feed.xml`);
    expect(childText(root, 'updated')).toBe('2023-06-30T00:00:00+08:00');
    expect(childText(kids(root, 'author')[0]!, 'name')).toBe('测试县人民政府');
    const links = kids(root, 'link').map((l) => l.attrs);
    expect(links).toContainEqual({ rel: 'self', type: 'application/atom+xml', href: `${SITE}/xxgk/feed.xml` });
    expect(links).toContainEqual({ rel: 'alternate', type: 'text/html', href: `${SITE}/xxgk/` });
    const entries = kids(root, 'entry');
    expect(entries).toHaveLength(docs.length);
    for (const e of entries) {
      for (const name of ['id', 'title', 'updated', 'published']) expect(childText(e, name), name).toBeTruthy();
      expect(childText(e, 'updated')! >= childText(e, 'published')!).toBe(true);
      expect(kids(e, 'link')[0]!.attrs.href).toBe(childText(e, 'id'));
      expect(childText(kids(e, 'author')[0]!, 'name')).toMatch(/政府$/);
    }
    // a summary only where the document has one, escaped
    const withSummary = entries.filter((e) => kids(e, 'summary').length);
    expect(withSummary.map((e) => childText(e, 'summary'))).toEqual(['解读，含逗号,和"引号"']);
  });

  it('without entries: updated is the given content date; feedUpdated is the latest entry’s', () => {
    const root = parseXml(atomXml(feed([])));
    expect(childText(root, 'updated')).toBe('2020-01-01T00:00:00+08:00');
    expect(kids(root, 'entry')).toEqual([]);
    expect(feedUpdated(feed())).toBe('2023-06-30T00:00:00+08:00');
  });

  it('drops characters XML does not allow, so a stray one cannot break a feed', () => {
    expect(xmlText('a\u0001b\u0008c\td<&>')).toBe('abc\td&lt;&amp;&gt;');
    const entries = [{ ...feedEntries([d3], dates, url)[0]!, title: '标题\u000b含控制字符' }];
    expect(childText(kids(parseXml(atomXml(feed(entries))), 'entry')[0]!, 'title')).toBe('标题含控制字符');
  });
});

describe('the catalogue as open data', () => {
  const names = { topic: (id: string) => `主题${id}`, genre: (id: string) => `体裁${id}` };
  const records = cat.all.map((d) => catalogueRecord(d, names, url));

  it('labels: the schema’s (名称 for the 条例’s title), ending with 网址', () => {
    for (const key of [
      'index_no',
      'summary',
      'publisher',
      'doc_no',
      'written',
      'published',
      'topic',
      'genre',
      'validity',
    ])
      expect(CATALOGUE_FIELDS[key as keyof typeof CATALOGUE_FIELDS]).toBe(
        DOCUMENT_FIELDS.find((f) => f.path === key)!.label,
      );
    expect(Object.values(CATALOGUE_FIELDS)).toEqual([
      '索引号',
      '名称',
      '内容概述',
      '发布机构',
      '文号',
      '成文日期',
      '发布日期',
      '主题分类',
      '体裁',
      '有效性',
      '网址',
    ]);
  });

  it('one record per document: its fields, empty ones as "", the full address', () => {
    expect(catalogueRecord(d2, names, url)).toEqual({
      index_no: 'X/2021-00002',
      title: '文件2',
      summary: '',
      publisher: '县政府',
      doc_no: '县政发〔2022〕1号',
      written: '2021-01-01',
      published: '2022-03-01',
      topic: '主题02-01',
      genre: '体裁notice',
      validity: '',
      url: `${SITE}/xxgk/doc/d2/`,
    });
  });

  it('CSV: BOM, the labels as header, CRLF, one row per record in the catalogue’s order, quoted where needed', () => {
    const csv = catalogueCsv(records);
    expect(
      csv.startsWith('\uFEFF索引号,名称,内容概述,发布机构,文号,成文日期,发布日期,主题分类,体裁,有效性,网址\r\n'),
    ).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(records.length + 2);
    expect(lines.slice(1, -1).map((l) => l.split(',')[0])).toEqual(cat.all.map((d) => d.indexNo));
    expect(csv).toContain('"解读，含逗号,和""引号"""');
  });

  it('JSON: fields with labels, a count and the records, one per line', () => {
    const text = catalogueJson(
      { title: '测试县人民政府政府信息公开目录', page: url('/catalogue/'), updated: '2023-06-30' },
      records,
    );
    const data = JSON.parse(text) as { count: number; fields: { key: string; label: string }[]; records: unknown[] };
    expect(data.count).toBe(records.length);
    expect(data.fields.map((f) => f.label)).toEqual(Object.values(CATALOGUE_FIELDS));
    expect(data.records).toEqual(records);
    expect(text.split('\n')).toHaveLength(records.length + 3);
    expect(JSON.parse(catalogueJson({ title: 't', page: 'p', updated: '' }, []))).toMatchObject({
      count: 0,
      records: [],
    });
  });
});

describe('robots.txt', () => {
  it('a column at the host root writes it: allow all, the sitemap’s full address', () => {
    expect(ownsRobotsTxt('/')).toBe(true);
    expect(robotsTxt(SITE, '/')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap.xml\n`);
  });

  it('under a sub-path it does not; the portal’s file gets the Sitemap line', () => {
    expect(ownsRobotsTxt('/xxgk/')).toBe(false);
    expect(robotsTxt(SITE, '/xxgk/')).toBeUndefined();
    expect(portalRobotsLines(SITE, '/xxgk/')).toEqual([`Sitemap: ${SITE}/xxgk/sitemap.xml`]);
    expect(portalRobotsLines(SITE, 'xxgk')).toEqual([`Sitemap: ${SITE}/xxgk/sitemap.xml`]);
  });
});

describe('the 党政机关网站标识’s published name', () => {
  it('is fixed and ASCII, with the file’s own extension', () => {
    expect(siteMarkPath('images/党政机关标识.PNG')).toBe('/site-files/conac.png');
    expect(siteMarkPath('dzjg.svg')).toBe('/site-files/conac.svg');
  });
});
