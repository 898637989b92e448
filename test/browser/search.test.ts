// The search page of the sample under /xxgk/ (4 index shards, see helpers/build.ts), served with
// the CSP header, in Chromium: zero axe violations with results, with none and with a filter, at
// every text size, normal and high contrast; the keyboard flow from the header's form; exact 文号
// look-ups; a 繁体 query; newest first across shards; filters with counts; the URL keeps the
// state (back button); the opened document marks the query; without JavaScript the page says so;
// no CSP violation, page error or request to another host throughout.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, settle, watchContext, type Watch, axeViolations, quiet } from '../helpers/browser.ts';
import { startSample, type SampleSite } from '../helpers/sample-site.ts';
import { nextPage, readView, search, searchAll, waitForSearch, type SearchHit } from '../helpers/search.ts';

let site: SampleSite;
let browser: Browser;
let context: BrowserContext;
let watch: Watch;

beforeAll(async () => {
  site = await startSample();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.server.close();
});

async function open(): Promise<Page> {
  context = await browser.newContext();
  watch = await watchContext(context, site.server.origin);
  return context.newPage();
}

afterEach(async () => {
  const problems = watch
    ? [...watch.csp.map((v) => v.violatedDirective), ...watch.pageErrors, ...watch.foreign, ...watch.failed]
    : [];
  await context?.close();
  expect(problems, watch?.summary()).toEqual([]);
});

const searchUrl = (params: Record<string, string>) => site.url(`search/?${new URLSearchParams(params)}`);
const dateOf = (hit: SearchHit) => /发布日期：(\d{4}-\d{2}-\d{2})/.exec(hit.meta)?.[1] ?? '';

describe('axe on the search page', () => {
  const cases: [string, Record<string, string>][] = [
    ['with results', { q: '预算' }],
    ['with none', { q: '区块链' }],
    ['with a filter', { q: '预算', publisher: '示例县财政局' }],
  ];
  for (const [name, params] of cases) {
    it(`${name}: zero WCAG 2.1 A/AA violations at every text size, normal and high contrast`, async () => {
      const page = await open();
      await page.goto(searchUrl(params));
      const view = await waitForSearch(page);
      expect(view.status).not.toBe('');
      if (name === 'with none') expect(view.hits).toEqual([]);
      else expect(view.hits.length).toBeGreaterThan(0);
      const violations: string[] = [];
      const sizes = page.locator('button[data-text-size]');
      for (const high of [false, true]) {
        if (high) {
          await page.locator('button[data-contrast]').click();
          await quiet(page);
        }
        for (let s = 0; s < (await sizes.count()); s++) {
          await sizes.nth(s).click();
          await quiet(page);
          for (const v of await axeViolations(page))
            violations.push(`[${high ? 'high contrast' : 'normal'}, size ${s}] ${v}`);
        }
      }
      expect(violations).toEqual([]);
    });
  }
});

describe('search behaviour', () => {
  it('keyboard: the header form leads to the results; a filter keeps focus; paging moves it to the results heading', async () => {
    const page = await open();
    await page.goto(site.url(''));
    await settle(page);
    // Tab until the header's search box has focus
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'header-search-q')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-q');
    await page.keyboard.type('通知');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/xxgk\/search\/\?q=/);
    let view = await waitForSearch(page);
    expect(view.hits.length).toBe(10);
    expect(await page.getAttribute('#search-status', 'role')).toBe('status');
    expect(view.status).toMatch(/^找到 \d+ 条与“通知”相关的结果，第 1\/\d+ 页。$/);

    // a filter chosen with the keyboard: results narrow, focus stays on the select, the URL keeps it
    await page.focus('#search-year');
    const before = view.status;
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((s) => document.getElementById('search-status')?.textContent !== s, before);
    view = await waitForSearch(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-year');
    const year = await page.$eval('#search-year', (s) => (s as HTMLSelectElement).value);
    expect(year).toMatch(/^\d{4}$/);
    expect(new URL(page.url()).searchParams.get('year')).toBe(year);
    for (const hit of view.hits) expect(dateOf(hit).slice(0, 4), hit.title).toBe(year);

    // back: the unfiltered search again
    await page.goBack();
    await waitForSearch(page);
    expect(await page.$eval('#search-year', (s) => (s as HTMLSelectElement).value)).toBe('');

    // paging with the keyboard: focus on the results heading
    await page.focus('#search-pager a[rel="next"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
    await waitForSearch(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-results-title');
  });

  it('filters show counts that add up to the results', async () => {
    const page = await open();
    await page.goto(searchUrl({ q: '预算' }));
    const all = await waitForSearch(page);
    const total = Number(/找到 (\d+) 条/.exec(all.status)?.[1]);
    const counts = await page.$$eval('#search-publisher option', (os) =>
      os.filter((o) => (o as HTMLOptionElement).value).map((o) => Number(/（(\d+)）$/.exec(o.textContent ?? '')?.[1])),
    );
    expect(counts.every((n) => Number.isInteger(n))).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('a 文号 in any spelling finds its document first, marked as an exact match', async () => {
    const page = await open();
    await page.goto(site.url('search/'));
    const printed = site.docs.find(
      (d) => typeof d.data.doc_no === 'string' && /〔\d{4}〕\d+号$/.test(d.data.doc_no as string),
    )!;
    const docNo = printed.data.doc_no as string;
    const [, prefix, yearNo, serial] = /^(.+)〔(\d{4})〕(\d+)号$/.exec(docNo)!;
    for (const q of [
      docNo,
      `${prefix}[${yearNo}]${serial}号`,
      `${prefix}（${yearNo}）${serial}号`,
      `${prefix}【${yearNo}】${serial}号`,
      `${prefix}${yearNo} ${serial}号`,
    ]) {
      const view = await search(page, q!);
      expect(view.hits[0]?.url, q).toBe(`/xxgk/doc/${printed.slug}/`);
      expect(view.hits[0]?.exact, q).toBe('文号完全匹配');
    }
    const view = await search(page, printed.indexNo.toLowerCase());
    expect(view.hits[0]?.url).toBe(`/xxgk/doc/${printed.slug}/`);
    expect(view.hits[0]?.exact).toBe('索引号完全匹配');
  });

  it('a 文号 look-up lists its document without loading the index; the documents quoting it on request', async () => {
    // 示政规〔2019〕2号 is quoted in other documents' bodies (test/fixtures/search-golden.yaml)
    const owner = site.docs.find((d) => d.data.doc_no === '示政规〔2019〕2号')!;
    expect(owner, 'the sample has 示政规〔2019〕2号').toBeTruthy();
    const page = await open();
    await page.goto(site.url('search/'));
    const view = await search(page, '示政规[2019]2号');
    expect(view.hits.map((h) => h.url)).toEqual([`/xxgk/doc/${owner.slug}/`]);
    expect(watch.requests.filter((u) => /\/pagefind\/s\d+\//.test(u))).toEqual([]);
    const mentions = page.locator('.search-loose a');
    expect(await mentions.textContent()).toBe('查找正文中提到“示政规[2019]2号”的其他文件');
    const before = Number(await page.$eval('#search', (r) => (r as HTMLElement).dataset.run));
    await mentions.click();
    await page.waitForFunction(
      (n) => Number((document.getElementById('search') as HTMLElement).dataset.run) > n,
      before,
    );
    const all = await waitForSearch(page);
    expect(all.hits[0]?.url).toBe(`/xxgk/doc/${owner.slug}/`);
    expect(all.hits.length).toBeGreaterThan(1);
  });

  it('a query in 繁体 finds 简体 text and says how it was searched', async () => {
    const page = await open();
    await page.goto(site.url('search/'));
    const simplified = await search(page, '预算');
    const traditional = await search(page, '預算');
    expect(traditional.status).toContain('“预算”');
    expect(traditional.hits.map((h) => h.url)).toEqual(simplified.hits.map((h) => h.url));
  });

  it('newest first across the shards: every result, dates never rising', async () => {
    const page = await open();
    await page.goto(site.url('search/'));
    const byRelevance = await searchAll(page, '示例县');
    await page.selectOption('#search-sort', 'date');
    await waitForSearch(page);
    const newest = [...(await readView(page)).hits];
    for (let v = await nextPage(page); v; v = await nextPage(page)) newest.push(...v.hits);
    expect(newest.length).toBeGreaterThan(16); // more than one shard's worth
    expect(new Set(newest.map((h) => h.url))).toEqual(new Set(byRelevance.hits.map((h) => h.url)));
    const dates = newest.map(dateOf);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('nothing found: the normalised query, a 文号 hint and links to the catalogue', async () => {
    const page = await open();
    await page.goto(searchUrl({ q: '區塊鏈', publisher: '示例县财政局' }));
    const view = await waitForSearch(page);
    expect(view.hits).toEqual([]);
    expect(view.status).toBe('没有找到与“区块链”相关的信息。');
    const text = await page.textContent('.search-none');
    expect(text).toContain('已按简体字检索“区块链”');
    expect(text).toContain('〔〕');
    const links = await page.$$eval('.search-none a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toContainEqual([
      '发布机构：示例县财政局',
      expect.stringMatching(/^\/xxgk\/catalogue\/publisher\/[^/]+\/$/),
    ]);
    expect(links).toContainEqual(['全部目录', '/xxgk/catalogue/']);
  });

  it('at comparable relevance a document in force comes before the 废止 one it replaced (低保办法)', async () => {
    const repealed = site.docs.find((d) => d.validity === '废止' && d.title.includes('最低生活保障'))!;
    const current = site.docs.find((d) => d.indexNo === repealed.supersededBy)!;
    expect(current, 'the sample replaces its 低保 办法').toBeTruthy();
    const page = await open();
    await page.goto(site.url('search/'));
    const urls = (await searchAll(page, '低保办法')).hits.map((h) => h.url);
    const at = (d: typeof current) => urls.indexOf(`/xxgk/doc/${d.slug}/`);
    expect(at(current), urls.join('\n')).toBeGreaterThanOrEqual(0);
    expect(at(repealed), urls.join('\n')).toBeGreaterThan(at(current));
  });

  it('a match only in an attachment says so', async () => {
    // the sample's 纲要 PDF holds this indicator; no document body does (test/fixtures/search-golden.yaml)
    const q = '城镇居民人均可支配收入';
    const holder = site.docs.find((d) =>
      d.attachments.some((a) => a.title?.includes('纲要') || a.file.includes('纲要')),
    );
    expect(holder, 'the sample has the 纲要 attachment').toBeTruthy();
    const page = await open();
    await page.goto(searchUrl({ q }));
    const view = await waitForSearch(page);
    const hit = view.hits.find((h) => h.url === `/xxgk/doc/${holder!.slug}/`);
    expect(hit, view.status).toBeTruthy();
    expect(hit!.inAttachment).toMatch(/^匹配内容在附件中：.+/);
  });

  it('a scanned PDF attachment says on its page that the search cannot read it', async () => {
    const doc = site.docs.find((d) => d.attachments.some((a) => a.file.includes('盖章件')));
    expect(doc, 'the sample has a scanned attachment').toBeTruthy();
    const page = await open();
    await page.goto(site.url(`doc/${doc!.slug}/`));
    expect(await page.textContent('.attachments')).toContain(
      '此文件为扫描件，没有可识别的文字，站内搜索不能检索其内容。',
    );
  });

  it('the document opened from a result marks the query', async () => {
    const page = await open();
    await page.goto(searchUrl({ q: '预算' }));
    await waitForSearch(page);
    await page.click('.search-hit h3 a');
    await page.waitForURL(/\/xxgk\/doc\/.+highlight=/);
    await page.waitForSelector('mark.pagefind-highlight');
    const marked = await page.$$eval('mark.pagefind-highlight', (ms) => ms.map((m) => m.textContent));
    expect(marked.length).toBeGreaterThan(0);
    expect(new Set(marked)).toEqual(new Set(['预算']));
  });
});

describe('without Intl.Segmenter', () => {
  it('the page says which feature the browser lacks and links to the catalogue', async () => {
    const page = await open();
    await context.addInitScript(() => {
      delete (Intl as { Segmenter?: unknown }).Segmenter;
    });
    await page.goto(searchUrl({ q: '预算' }));
    expect(await page.isVisible('#search-unavailable')).toBe(true);
    expect(await page.textContent('#search-unavailable')).toContain('您的浏览器不支持中文分词（Intl.Segmenter）。');
    expect(await page.isVisible('#search-results')).toBe(false);
  });
});

describe('without JavaScript', () => {
  it('the page says search needs it and links to the catalogue', async () => {
    context = await browser.newContext({ javaScriptEnabled: false });
    watch = await watchContext(context, site.server.origin);
    const page = await context.newPage();
    await page.goto(searchUrl({ q: '预算' }));
    expect(await page.isVisible('#search-unavailable')).toBe(true);
    expect(await page.textContent('#search-unavailable')).toContain('JavaScript');
    expect(await page.getAttribute('#search-unavailable a', 'href')).toBe('/xxgk/catalogue/');
    expect(await page.isVisible('#search-results')).toBe(false);
  });
});
