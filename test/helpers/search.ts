// Driving the search page (src/pages/search.astro) as a reader does: type into the box and press
// Enter, wait for the page to say it is done (data-state / data-run on #search), read the result
// list, and page on with “下一页”.
import type { Page } from 'playwright-core';

export interface SearchHit {
  url: string; // path with base, without the highlight query
  title: string;
  exact: string | null; // the “文号完全匹配” … line
  meta: string;
  inAttachment: string | null;
}

export interface SearchView {
  status: string;
  hits: SearchHit[];
}

async function waitDone(page: Page, after: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const root = document.getElementById('search');
      return !!root && root.dataset.state !== 'searching' && Number(root.dataset.run ?? 0) > n;
    },
    after,
    { timeout: 30_000 },
  );
}

const runOf = (page: Page) => page.$eval('#search', (r) => Number((r as HTMLElement).dataset.run ?? 0));

export async function readView(page: Page): Promise<SearchView> {
  return page.evaluate(() => ({
    status: document.getElementById('search-status')?.textContent ?? '',
    hits: [...document.querySelectorAll('.search-hit')].map((li) => {
      const a = li.querySelector('h3 a') as HTMLAnchorElement;
      const u = new URL(a.href);
      return {
        url: u.pathname,
        title: a.textContent ?? '',
        exact: li.querySelector('.search-exact')?.textContent ?? null,
        meta: li.querySelector('.search-meta')?.textContent ?? '',
        inAttachment: li.querySelector('.search-in-attachment')?.textContent ?? null,
      };
    }),
  }));
}

/** Types `q` into the page's box (the page must be the search page) and submits; the first page of results. */
export async function search(page: Page, q: string): Promise<SearchView> {
  const before = await runOf(page);
  await page.fill('#search-q', q);
  await page.press('#search-q', 'Enter');
  await waitDone(page, before);
  return readView(page);
}

/** Clicks “下一页” when there is one; undefined on the last page. */
export async function nextPage(page: Page): Promise<SearchView | undefined> {
  const next = page.locator('#search-pager a[rel="next"]');
  if (!(await next.count())) return undefined;
  const before = await runOf(page);
  await next.click();
  await waitDone(page, before);
  return readView(page);
}

/** Every result of a query, following the pager (at most `maxPages`). */
export async function searchAll(page: Page, q: string, maxPages = 20): Promise<SearchView> {
  const first = await search(page, q);
  const hits = [...first.hits];
  for (let i = 1; i < maxPages; i++) {
    const v = await nextPage(page);
    if (!v) break;
    hits.push(...v.hits);
  }
  return { status: first.status, hits };
}

/** Waits for the search a URL started (…/search/?q=…) to finish. */
export async function waitForSearch(page: Page): Promise<SearchView> {
  await waitDone(page, 0);
  return readView(page);
}
