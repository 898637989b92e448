// Keyboard use and remembered preferences, in Chromium against the sample under /xxgk/.
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

const INTERACTIVE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]';

/** Marks every visible, enabled interactive element with data-kbd="<n>" and returns their descriptions. */
async function markInteractive(page: Page): Promise<Record<string, string>> {
  return page.evaluate((selector) => {
    const out: Record<string, string> = {};
    let n = 0;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (el.getAttribute('tabindex') === '-1' && !el.matches('a[href], button, input, select, textarea, summary'))
        continue; // programmatic focus targets (e.g. <main tabindex="-1">)
      if ((el as HTMLButtonElement).disabled) continue;
      const rect = el.getBoundingClientRect();
      const visible =
        el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && rect.width > 0 && rect.height > 0;
      if (!visible) continue;
      el.dataset.kbd = String(n);
      out[String(n)] =
        `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : ''}> "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"${el.getAttribute('tabindex') === '-1' ? ' (tabindex=-1)' : ''}`;
      n++;
    }
    return out;
  }, INTERACTIVE);
}

interface Focused {
  kbd?: string;
  tag: string;
  desc: string;
  /** The focus indicator is visible: an outline or a box-shadow. */
  ring: boolean;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', desc: 'body', ring: false };
    const cs = getComputedStyle(el);
    const ring =
      (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) ||
      (cs.boxShadow !== 'none' && cs.boxShadow !== '');
    return {
      kbd: el.dataset.kbd,
      tag: el.tagName.toLowerCase(),
      desc: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : ''}> "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`,
      ring,
    };
  });
}

async function tabThrough(path: string) {
  const context = await browser.newContext();
  const watch = await watchContext(context, site.server.origin);
  const page = await context.newPage();
  try {
    expect((await page.goto(site.url(path)))?.status()).toBe(200);
    await settle(page);
    const expected = await markInteractive(page);
    const count = Object.keys(expected).length;
    expect(count, 'interactive elements on the page').toBeGreaterThan(3);
    const reached = new Set<string>();
    const noRing: string[] = [];
    const order: string[] = [];
    for (let i = 0; i < count + 30; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.tag === 'body') break; // past the last element
      if (f.kbd !== undefined) {
        if (reached.has(f.kbd)) break; // wrapped around
        reached.add(f.kbd);
      }
      order.push(f.desc);
      if (!f.ring) noRing.push(f.desc);
    }
    const missed = Object.entries(expected)
      .filter(([k]) => !reached.has(k))
      .map(([, d]) => d);
    expect(missed, `visible interactive elements Tab never reached (Tab order: ${order.join(' → ')})`).toEqual([]);
    expect(noRing, 'focused elements without a visible focus indicator (outline or box-shadow)').toEqual([]);
    expect(watch.summary()).toBe('(nothing)');
  } finally {
    await context.close();
  }
}

describe('keyboard', () => {
  it('Tab reaches every visible interactive element of the home page, each with a visible focus ring', async () => {
    await tabThrough('');
  });

  it('Tab reaches every visible interactive element of a document page, each with a visible focus ring', async () => {
    await tabThrough(`doc/${site.doc.slug}/`);
  });

  for (const which of ['home', 'document'] as const) {
    it(`the first Tab reaches the skip link, and activating it moves focus to main (${which})`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(site.url(which === 'home' ? '' : `doc/${site.doc.slug}/`));
        await settle(page);
        await page.keyboard.press('Tab');
        const skip = await page.evaluate(() => {
          const el = document.activeElement as HTMLAnchorElement | null;
          const href = el?.getAttribute('href') ?? '';
          const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
          const main = document.querySelector('main, [role="main"]');
          const rect = el?.getBoundingClientRect();
          return {
            tag: el?.tagName.toLowerCase(),
            href,
            text: el?.textContent?.trim(),
            targetsMain: !!target && !!main && (target === main || main.contains(target)),
            onScreen: !!rect && rect.bottom > 0 && rect.right > 0 && rect.width > 0 && rect.height > 0,
          };
        });
        expect(skip.tag, `first Tab focused ${JSON.stringify(skip)}`).toBe('a');
        expect(skip.targetsMain, `the skip link ${skip.href} must point at <main>`).toBe(true);
        expect(skip.onScreen, 'the focused skip link is visible on screen').toBe(true);
        await page.keyboard.press('Enter');
        const inMain = await page.evaluate(() => {
          const main = document.querySelector('main, [role="main"]');
          const el = document.activeElement;
          return !!main && !!el && (el === main || main.contains(el));
        });
        expect(inMain, 'after activating the skip link, document.activeElement is <main> (or inside it)').toBe(true);
        // and the next Tab continues inside main
        await page.keyboard.press('Tab');
        const next = await page.evaluate(() => {
          const main = document.querySelector('main, [role="main"]');
          const el = document.activeElement;
          return !!main && !!el && main.contains(el) && el !== main;
        });
        expect(next, 'the Tab after the skip link lands inside <main>').toBe(true);
      } finally {
        await context.close();
      }
    });
  }

  it('the text-size switch works with the keyboard (Enter and Space)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(site.url(''));
      await settle(page);
      const buttons = page.locator('button[data-text-size]');
      const last = buttons.nth((await buttons.count()) - 1);
      await last.focus();
      await page.keyboard.press('Enter');
      expect(await last.getAttribute('aria-pressed')).toBe('true');
      const first = buttons.nth(0);
      await first.focus();
      await page.keyboard.press('Space');
      expect(await first.getAttribute('aria-pressed')).toBe('true');
      expect(await last.getAttribute('aria-pressed')).toBe('false');
    } finally {
      await context.close();
    }
  });
});

describe('remembered preferences', () => {
  it('the text size and high contrast persist across a reload and to other pages', async () => {
    const context = await browser.newContext();
    const watch = await watchContext(context, site.server.origin);
    const page = await context.newPage();
    try {
      await page.goto(site.url(''));
      await settle(page);
      const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      const base = await size();
      const buttons = page.locator('button[data-text-size]');
      const n = await buttons.count();
      expect(n).toBeGreaterThanOrEqual(3);
      await buttons.nth(n - 1).click();
      const large = await size();
      expect(large).toBeGreaterThan(base);
      const normalBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.locator('button[data-contrast]').click();
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg, 'high contrast changes the page background').not.toBe(normalBg);

      await page.reload();
      await settle(page);
      expect(await size(), 'text size after reload').toBe(large);
      expect(await buttons.nth(n - 1).getAttribute('aria-pressed')).toBe('true');
      expect(await buttons.nth(0).getAttribute('aria-pressed')).toBe('false');
      expect(await page.locator('button[data-contrast]').getAttribute('aria-pressed')).toBe('true');
      expect(
        await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
        'high contrast after reload',
      ).toBe(bg);

      await page.goto(site.url(`doc/${site.doc.slug}/`));
      await settle(page);
      expect(await size(), 'text size on another page').toBe(large);
      expect(watch.summary()).toBe('(nothing)');
    } finally {
      await context.close();
    }
  });

  it('without JavaScript the page works at the default size (switches hidden, content readable)', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(site.url(''));
      await settle(page);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('h1').isVisible()).toBe(true);
      const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      expect(size).toBe(16);
      // a switch that cannot work must not be offered
      for (const b of await page.locator('button[data-text-size], button[data-contrast]').all())
        expect(await b.isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});
