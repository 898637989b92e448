// Accessibility (axe, WCAG 2.1 A/AA) of the sample column's key pages at every text size and in
// high-contrast mode, driven through the real switches, served under /xxgk/ with the CSP header;
// no CSP violation and no console error on any of them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, settle, watchContext, axeViolations, quiet } from '../helpers/browser.ts';
import { startSample, type SampleSite } from '../helpers/sample-site.ts';

let site: SampleSite;
let browser: Browser;

beforeAll(async () => {
  site = await startSample();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.server.close();
});

const rootFontSize = (page: Page) =>
  page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

describe('axe: zero WCAG 2.1 A/AA violations at every text size, normal and high contrast', () => {
  // the list is fixed by the sample (see sample-site.ts); tests are declared per page name
  const names = [
    '专栏 home',
    'catalogue',
    'browse group',
    'document',
    '废止 document',
    'application form',
    '网站地图',
    '404 page',
  ];
  for (const [i, label] of names.entries()) {
    it(label, async () => {
      const target = site.pages[i]!;
      const url = site.url(target.path);
      const context = await browser.newContext();
      const watch = await watchContext(context, site.server.origin, new Set([url]));
      const page = await context.newPage();
      try {
        const res = await page.goto(url);
        expect(res?.status(), `${target.name} ${url}`).toBe(target.status);
        await settle(page);

        const sizeButtons = page.locator('button[data-text-size]');
        const n = await sizeButtons.count();
        expect(n, 'text-size switch: at least three size buttons (button[data-text-size])').toBeGreaterThanOrEqual(3);
        const contrast = page.locator('button[data-contrast]');
        expect(await contrast.count(), 'high-contrast switch (button[data-contrast])').toBe(1);

        const violations: string[] = [];
        for (const high of [false, true]) {
          if (high) {
            await contrast.click();
            await expect.poll(() => contrast.getAttribute('aria-pressed')).toBe('true');
            await quiet(page);
          }
          let previous = 0;
          for (let s = 0; s < n; s++) {
            const button = sizeButtons.nth(s);
            const name = (await button.innerText()).trim();
            await button.click();
            // the clicked button is pressed, the others are not
            for (let o = 0; o < n; o++) {
              expect(
                await sizeButtons.nth(o).getAttribute('aria-pressed'),
                `size button ${o} after clicking ${name}`,
              ).toBe(String(o === s));
            }
            await quiet(page);
            const size = await rootFontSize(page);
            expect(size, `text size "${name}" must be larger than the one before`).toBeGreaterThan(previous);
            previous = size;
            for (const v of await axeViolations(page))
              violations.push(`[${high ? 'high contrast' : 'normal'}, text size ${name}] ${v}`);
          }
        }
        expect(violations, `${target.name} ${url}`).toEqual([]);
        expect(watch.csp, watch.summary()).toEqual([]);
        expect(watch.consoleErrors, watch.summary()).toEqual([]);
        expect(watch.pageErrors, watch.summary()).toEqual([]);
        expect(watch.foreign, watch.summary()).toEqual([]);
        expect(watch.failed, watch.summary()).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('axe: a 解读 and its policy, linked both ways (解读的政策 / 政策解读 notices)', () => {
  it('zero WCAG 2.1 A/AA violations on both pages, normal and high contrast', async () => {
    const jiedu = site.docs.find((d) => typeof d.data.interprets === 'string');
    const policy = jiedu && site.docs.find((d) => d.indexNo === jiedu.data.interprets);
    expect(policy, 'the sample has a 解读 naming a policy of the column').toBeTruthy();
    const violations: string[] = [];
    for (const d of [jiedu!, policy!]) {
      const url = site.url(`doc/${d.slug}/`);
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        expect((await page.goto(url))?.status(), url).toBe(200);
        await settle(page);
        for (const v of await axeViolations(page)) violations.push(`[${d.file}, normal] ${v}`);
        await page.locator('button[data-contrast]').click();
        await quiet(page);
        for (const v of await axeViolations(page)) violations.push(`[${d.file}, high contrast] ${v}`);
      } finally {
        await context.close();
      }
    }
    expect(violations).toEqual([]);
  });
});
