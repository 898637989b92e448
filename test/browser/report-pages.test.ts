// The annual-report pages of the sample under /xxgk/, served with the CSP header, in Chromium: zero
// axe violations (WCAG 2.1 A/AA) on a report page, the 年报 index and a trends page at every text
// size, normal and high contrast; no CSP violation, console error or request to another host; on
// a phone the page does not scroll sideways, table 3 scrolls inside its region, and that region is
// reached with Tab and scrolled with the arrow keys.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, settle, watchContext, axeViolations, quiet } from '../helpers/browser.ts';
import { BASE, SAMPLE_CONTENT, TODAY } from '../helpers/paths.ts';
import { startSample, type SampleSite } from '../helpers/sample-site.ts';
import { partition, readBodies, readSources, type SourceDoc } from '../helpers/sources.ts';

let site: SampleSite;
let browser: Browser;
let report: SourceDoc;
let trendsId: string;

const dataFile = (d: SourceDoc) => (d.data.report as { data?: string } | undefined)?.data;

beforeAll(async () => {
  site = await startSample();
  browser = await launchBrowser();
  const { pages } = partition(readSources(SAMPLE_CONTENT), TODAY);
  const reports = pages
    .filter((d) => typeof dataFile(d) === 'string')
    .sort((a, b) => (a.published < b.published ? 1 : -1));
  report = reports[0]!;
  // a publisher with two or more reports with data has a trends page
  const count = new Map<string, number>();
  for (const d of reports) count.set(d.publisher, (count.get(d.publisher) ?? 0) + 1);
  const name = [...count].find(([, n]) => n >= 2)![0];
  trendsId = readBodies(SAMPLE_CONTENT).find((b) => b.name === name)!.id;
});

afterAll(async () => {
  await browser?.close();
  await site?.server.close();
});

describe('axe: zero WCAG 2.1 A/AA violations at every text size, normal and high contrast, under the CSP', () => {
  const pages = () => [
    { name: `report page ${report.file}`, path: `doc/${report.slug}/` },
    { name: '年报 index', path: 'annual-reports/' },
    { name: `trends page ${trendsId}`, path: `annual-reports/trends/${trendsId}/` },
  ];
  for (const [i, label] of ['report page', '年报 index', 'trends page'].entries()) {
    it(label, async () => {
      const target = pages()[i]!;
      const url = site.url(target.path);
      const context = await browser.newContext();
      const watch = await watchContext(context, site.server.origin);
      const page = await context.newPage();
      try {
        const res = await page.goto(url);
        expect(res?.status(), url).toBe(200);
        await settle(page);
        const sizes = page.locator('button[data-text-size]');
        const contrast = page.locator('button[data-contrast]');
        const violations: string[] = [];
        for (const high of [false, true]) {
          if (high) {
            await contrast.click();
            await expect.poll(() => contrast.getAttribute('aria-pressed')).toBe('true');
          }
          for (let s = 0; s < (await sizes.count()); s++) {
            await sizes.nth(s).click();
            await quiet(page);
            for (const v of await axeViolations(page))
              violations.push(`[${high ? 'high contrast' : 'normal'}, size ${s}] ${v}`);
          }
        }
        expect(violations, target.name).toEqual([]);
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

describe('on a phone', () => {
  it('no report page scrolls sideways: wide tables scroll in their regions', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    try {
      for (const p of [`doc/${report.slug}/`, 'annual-reports/', `annual-reports/trends/${trendsId}/`]) {
        await page.goto(site.url(p));
        await settle(page);
        for (const size of [0, 2]) {
          await page.locator('button[data-text-size]').nth(size).click();
          await quiet(page);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${p} at text size ${size}`).toBeLessThanOrEqual(0);
        }
      }
    } finally {
      await page.close();
    }
  });

  it('the report page does not scroll sideways; table 3 scrolls in a region reached by Tab and scrolled by arrow keys', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true });
    const page = await context.newPage();
    try {
      await page.goto(site.url(`doc/${report.slug}/`));
      await settle(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      const region = page.locator('[role="region"]:has(> table#rt3)');
      expect(await region.count()).toBe(1);
      const name = await region.evaluate((el) =>
        document.getElementById(el.getAttribute('aria-labelledby')!)?.textContent?.trim(),
      );
      expect(name).toBe('三、收到和处理政府信息公开申请情况');
      const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(sizes.scroll, 'table 3 is wider than the phone: it scrolls in its region').toBeGreaterThan(sizes.client);
      // no column is clipped: every cell of the table lies inside the table's scrollable area
      const clipped = await region.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const right = box.left + el.scrollWidth + 1;
        return Array.from(el.querySelectorAll('th, td')).filter((c) => c.getBoundingClientRect().right > right).length;
      });
      expect(clipped).toBe(0);
      // Tab reaches the region
      let reached = false;
      for (let i = 0; i < 200 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await region.evaluate((el) => document.activeElement === el);
      }
      expect(reached, 'table 3’s scroll region is reached with Tab').toBe(true);
      const ring = await region.evaluate((el) => {
        const cs = getComputedStyle(el);
        return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
      });
      expect(ring, 'focus is visible on the region').toBe(true);
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it('the report tables stay under the base path and link their open data', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(site.url(`doc/${report.slug}/`));
      const hrefs = await page.locator('a[href*="report"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toContain(`${BASE}doc/${report.slug}/report.json`);
      const res = await page.request.get(site.url(`doc/${report.slug}/report-table3.csv`));
      expect(res.status()).toBe(200);
      expect((await res.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    } finally {
      await page.close();
    }
  });
});
