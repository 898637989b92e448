// Chromium for the browser tests (Debian's /usr/bin/chromium through playwright-core) and a
// watcher that records, per page, what must never happen: CSP violations, console errors,
// uncaught exceptions, requests to other hosts and failed or 4xx/5xx sub-resource requests.
import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from '../../src/lib/report-pdf.ts';

export const CHROMIUM = DEFAULT_CHROMIUM;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: run npm test (it installs it) or apt-get install -y chromium fonts-noto-cjk poppler-utils`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
}

export interface CspViolation {
  page: string;
  blockedURI: string;
  violatedDirective: string;
  sourceFile: string;
  lineNumber: number;
  sample: string;
}

export interface Watch {
  /** The origin every request must go to (the test server). */
  origin: string;
  csp: CspViolation[];
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests to any origin other than `origin` (data: and blob: URLs are local). */
  foreign: string[];
  /** Sub-resource requests that failed or answered ≥ 400 (the main document of an expected 404 excluded). */
  failed: string[];
  /** Every request URL seen. */
  requests: string[];
  /** Clears everything recorded (e.g. between pages). */
  reset(): void;
  /** A one-paragraph description of everything recorded, for assertion messages. */
  summary(): string;
}

/** A console error for the main document of a page we expect to answer 404. */
function isExpected404(msg: string, url: string | undefined, expected: Set<string>): boolean {
  return !!url && expected.has(url) && /status of 404/.test(msg);
}

/**
 * Records CSP violations (an init script listening for `securitypolicyviolation`, reported through
 * an exposed binding so nothing is lost across navigations), console errors, page errors and
 * every request of every page of `context`.
 */
export async function watchContext(
  context: BrowserContext,
  origin: string,
  expected404 = new Set<string>(),
): Promise<Watch> {
  const w: Watch = {
    origin,
    csp: [],
    consoleErrors: [],
    pageErrors: [],
    foreign: [],
    failed: [],
    requests: [],
    reset() {
      for (const k of ['csp', 'consoleErrors', 'pageErrors', 'foreign', 'failed', 'requests'] as const) w[k].length = 0;
    },
    summary() {
      const parts: string[] = [];
      if (w.csp.length)
        parts.push(
          `CSP violations:\n  ${w.csp.map((v) => `${v.page}: ${v.violatedDirective} blocked ${v.blockedURI || '(inline)'} at ${v.sourceFile}:${v.lineNumber} ${v.sample}`).join('\n  ')}`,
        );
      if (w.consoleErrors.length) parts.push(`console errors:\n  ${w.consoleErrors.join('\n  ')}`);
      if (w.pageErrors.length) parts.push(`page errors:\n  ${w.pageErrors.join('\n  ')}`);
      if (w.foreign.length) parts.push(`requests to other hosts:\n  ${w.foreign.join('\n  ')}`);
      if (w.failed.length) parts.push(`failed requests:\n  ${w.failed.join('\n  ')}`);
      return parts.join('\n') || '(nothing)';
    },
  };
  await context.exposeBinding('__gongkaiCsp', (source, v: Omit<CspViolation, 'page'>) => {
    w.csp.push({ page: source.page?.url() ?? '?', ...v });
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const report = (window as Window & { __gongkaiCsp?: (v: unknown) => void }).__gongkaiCsp;
        report?.({
          blockedURI: e.blockedURI,
          violatedDirective: e.violatedDirective,
          sourceFile: e.sourceFile,
          lineNumber: e.lineNumber,
          sample: e.sample,
        });
      },
      true,
    );
  });
  const onPage = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const url = m.location()?.url;
      if (isExpected404(m.text(), url, expected404)) return;
      w.consoleErrors.push(`${page.url()}: ${m.text()}${url ? ` (${url}:${m.location().lineNumber})` : ''}`);
    });
    page.on('pageerror', (e) => w.pageErrors.push(`${page.url()}: ${e.message}`));
  };
  context.on('page', onPage);
  for (const p of context.pages()) onPage(p);
  context.on('request', (req) => {
    const url = req.url();
    w.requests.push(url);
    if (/^(data|blob|about):/.test(url)) return;
    let o = '';
    try {
      o = new URL(url).origin;
    } catch {
      // unparsable: counts as foreign
    }
    if (o !== origin) w.foreign.push(url);
  });
  context.on('requestfailed', (req) => {
    // a request cancelled because the test navigated on (e.g. the favicon) is not a broken resource;
    // a missing one answers 404 (see 'response'), a blocked one fails with 'csp'
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
    w.failed.push(`${req.url()}: ${req.failure()?.errorText}`);
  });
  context.on('response', (res) => {
    if (res.status() < 400) return;
    if (res.status() === 404 && res.request().isNavigationRequest() && expected404.has(res.url())) return;
    w.failed.push(`${res.url()}: HTTP ${res.status()}`);
  });
  return w;
}

/** Waits until fonts and pending requests have settled after a navigation or a click. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** The axe rule tags every page template must pass: WCAG 2.0 and 2.1, A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe's WCAG 2.1 A/AA violations on the page, one line each with up to five nodes and why they fail. */
export async function axeViolations(page: Page): Promise<string[]> {
  const res = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return res.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s): ` +
      v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}]` : ''}`,
        )
        .join('; '),
  );
}

/** Lets transitions finish after a switch changed the page. */
export async function quiet(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}
