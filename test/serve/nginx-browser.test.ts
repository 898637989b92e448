// The sample under /xxgk/ served by Debian's nginx with the generated configuration, in Chromium:
// one page of every template (home, catalogue and its pages, browse indexes and groups, a section
// list, a document with attachments, an annual report, the 年报 index and trends, 依申请公开 and its
// form, the 404 page) and a search typed into the search page with results shown — no CSP
// violation, console error, page error, failed request or request to another host. The CSP,
// nosniff and the content types are nginx's (the response says so), not the test server's: a
// script, style sheet, worker or WebAssembly file served with a wrong type would fail here.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutputFiles } from '../../src/lib/deploy/manifest.ts';
import { CSP } from '../../src/lib/serve/headers.ts';
import { launchBrowser, settle, watchContext, type Watch } from '../helpers/browser.ts';
import { assertBuilt, buildSample, type BuildResult } from '../helpers/build.ts';
import { startNginx, type RunningNginx } from '../helpers/nginx.ts';
import { search } from '../helpers/search.ts';

let build: BuildResult;
let nginx: RunningNginx;
let browser: Browser;
let files: string[];
let html: string[];

/** One page per template: [name, pattern of its output file]; every one must exist in the sample. */
const TEMPLATES: [string, RegExp][] = [
  ['专栏 home', /^index\.html$/],
  ['catalogue', /^catalogue\/index\.html$/],
  ['catalogue page 2', /^catalogue\/2\/index\.html$/],
  ['browse index (topic)', /^catalogue\/topic\/index\.html$/],
  ['browse group (topic)', /^catalogue\/topic\/[^/]+\/index\.html$/],
  ['browse index (publisher)', /^catalogue\/publisher\/index\.html$/],
  ['browse group (year)', /^catalogue\/year\/[^/]+\/index\.html$/],
  ['browse group (genre)', /^catalogue\/genre\/[^/]+\/index\.html$/],
  ['section list', /^section\/art20-[^/]+\/index\.html$/],
  ['年报 list', /^section\/annual-reports\/index\.html$/],
  ['年报 index', /^annual-reports\/index\.html$/],
  ['trends', /^annual-reports\/trends\/[^/]+\/index\.html$/],
  ['依申请公开', /^apply\/index\.html$/],
  ['application form', /^apply\/form\/index\.html$/],
];

const pagePath = (file: string) => file.replace(/index\.html$/, '');

beforeAll(async () => {
  build = await buildSample();
  assertBuilt(build);
  files = listOutputFiles(build.outDir);
  html = files.filter((f) => f.endsWith('.html'));
  nginx = await startNginx({
    root: build.outDir,
    base: '/xxgk/',
    siteUrl: 'https://www.shilixian.gov.cn',
    redirectsFile: path.join(build.outDir, 'redirects.json'),
    name: 'serve-nginx-browser',
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
});

/** The pages to visit: one per template, a document with attachments, an annual report, the 404 page. */
function targets(): { name: string; path: string; status: number }[] {
  const out = TEMPLATES.map(([name, re]) => {
    const f = html.find((x) => re.test(x));
    if (!f) throw new Error(`the sample output has no ${name} page (${re})`);
    return { name, path: pagePath(f), status: 200 };
  });
  const has = (prefix: string) => files.some((f) => f.startsWith(prefix));
  const docs = html.filter((f) => /^doc\/[^/]+\/index\.html$/.test(f));
  const withFiles = docs.find((f) => has(`${pagePath(f)}files/`));
  if (!withFiles) throw new Error('the sample output has no document with attachments');
  const report = docs.find((f) => has(`${pagePath(f)}report.json`));
  if (!report) throw new Error('the sample output has no annual report page (doc/<slug>/report.json)');
  out.push(
    { name: 'document with attachments', path: pagePath(withFiles), status: 200 },
    { name: 'annual report', path: pagePath(report), status: 200 },
    { name: '404 page', path: 'no-such-page-gongkai-nginx/', status: 404 },
  );
  return out;
}

/** Everything the watch must not have recorded. */
function expectClean(watch: Watch, label: string) {
  expect(watch.csp, `${label}: ${watch.summary()}`).toEqual([]);
  expect(watch.consoleErrors, `${label}: ${watch.summary()}`).toEqual([]);
  expect(watch.pageErrors, `${label}: ${watch.summary()}`).toEqual([]);
  expect(watch.foreign, `${label}: ${watch.summary()}`).toEqual([]);
  expect(watch.failed, `${label}: ${watch.summary()}`).toEqual([]);
}

describe('in Chromium through nginx: zero CSP violations', () => {
  it('on every page template, under nginx’s own headers', async () => {
    const list = targets();
    const missing = nginx.url + list.find((t) => t.status === 404)!.path;
    const context = await browser.newContext();
    const watch = await watchContext(context, nginx.origin, new Set([missing]));
    const page = await context.newPage();
    try {
      for (const t of list) {
        const url = nginx.url + t.path;
        const res = await page.goto(url);
        expect(res?.status(), `${t.name} ${url}`).toBe(t.status);
        const headers = res!.headers();
        // the policy is nginx's: the test server is not running
        expect([headers.server, headers['content-security-policy']], t.name).toEqual(['nginx', CSP]);
        await settle(page);
        expectClean(watch, `${t.name} ${url}`);
        watch.reset();
      }
    } finally {
      await context.close();
    }
  });

  it('during a search typed into the search page, with results shown', async () => {
    const context = await browser.newContext();
    const watch = await watchContext(context, nginx.origin);
    const page = await context.newPage();
    try {
      const res = await page.goto(`${nginx.url}search/`);
      expect(res?.headers()['content-security-policy']).toBe(CSP);
      await settle(page);
      const view = await search(page, '预算');
      expect(view.hits.length, view.status).toBeGreaterThan(0);
      // the index came through nginx: its WebAssembly, metadata and index chunks (the worker's requests too)
      const paths = watch.requests.map((u) => new URL(u).pathname);
      for (const re of [/\.pagefind$/, /\.pf_meta$/, /\.pf_index$/, /\.pf_fragment$/])
        expect(
          paths.filter((p) => re.test(p)),
          `${re}: ${paths.join(' ')}`,
        ).not.toEqual([]);
      // open the first result: its document page
      await page.locator('.search-hit h3 a').first().click();
      await settle(page);
      expect(new URL(page.url()).pathname).toMatch(/^\/xxgk\/doc\/[^/]+\/$/);
      expectClean(watch, 'search');
    } finally {
      await context.close();
    }
  });
});
