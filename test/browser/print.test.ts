// Printing a document page, in Chromium with print media emulated, against the sample under /xxgk/:
// the site's chrome (header, navigation, footer) and the page's controls (print button, text-size
// switch) are not printed; the title, the metadata block and the body are.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, settle, watchContext } from '../helpers/browser.ts';
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

const HIDDEN_IN_PRINT: [string, string][] = [
  ['site header', 'header.site-header'],
  ['site navigation', 'nav.site-nav'],
  ['site footer', 'footer.site-footer'],
  ['print button', 'button[data-print]'],
  ['text-size switch', 'button[data-text-size]'],
];

const PRINTED: [string, string][] = [
  ['title', 'main h1'],
  ['metadata block', 'main dl.meta-block'],
  ['body', 'main .doc-body'],
];

/** Whether each element matching `selector` is displayed (a box, not hidden). */
async function shown(page: Page, selector: string): Promise<boolean[]> {
  const loc = page.locator(selector);
  const n = await loc.count();
  const out: boolean[] = [];
  for (let i = 0; i < n; i++) out.push(await loc.nth(i).isVisible());
  return out;
}

describe('printing a document page', () => {
  it('hides the header, navigation, footer, print button and text-size switch; prints title, metadata and body', async () => {
    const url = site.url(`doc/${site.doc.slug}/`);
    const context = await browser.newContext();
    const watch = await watchContext(context, site.server.origin);
    const page = await context.newPage();
    try {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(200);
      await settle(page);

      // on screen everything is there (the switches and the print button need JS, which runs here)
      for (const [name, selector] of [...HIDDEN_IN_PRINT, ...PRINTED]) {
        const s = await shown(page, selector);
        expect(s.length, `${name} (${selector}) on ${url}`).toBeGreaterThan(0);
        expect(s, `${name} (${selector}) is displayed on screen`).toEqual(s.map(() => true));
      }

      await page.emulateMedia({ media: 'print' });
      expect(await page.evaluate(() => matchMedia('print').matches), 'print media emulated').toBe(true);
      for (const [name, selector] of HIDDEN_IN_PRINT) {
        const s = await shown(page, selector);
        expect(s, `${name} (${selector}) must not be printed`).toEqual(s.map(() => false));
      }
      for (const [name, selector] of PRINTED) {
        const s = await shown(page, selector);
        expect(s, `${name} (${selector}) must be printed`).toEqual(s.map(() => true));
      }
      // the printed title is the document's
      expect((await page.locator('main h1').innerText()).replace(/\s+/g, ' ').trim()).toBe(
        site.doc.title.replace(/\s+/g, ' '),
      );
      expect(watch.consoleErrors, watch.summary()).toEqual([]);
      expect(watch.pageErrors, watch.summary()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
