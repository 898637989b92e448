// The sample built with base /xxgk/ and served under that path: a crawl of everything reachable
// from the 专栏 home finds no broken link (pages, attachments, CSS, JS, fragments), every page
// has exactly one h1, and in Chromium no page requests anything from another host, violates
// the CSP or logs an error.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchContext } from '../helpers/browser.ts';
import { all, parseHtml, text } from '../helpers/html.ts';
import { startSample, type SampleSite } from '../helpers/sample-site.ts';

let site: SampleSite;
let browser: Browser;

interface Crawl {
  /** HTML pages reached (URLs without fragment). */
  pages: string[];
  /** Every other resource reached. */
  resources: string[];
  broken: string[];
  h1: string[];
  /** Links leaving the base path or the origin (anchors to other hosts are allowed; listed for the record). */
  external: Set<string>;
}

let crawl: Crawl;

/** Follows every same-origin link under the base, over HTTP, from the home page. */
async function crawlSite(): Promise<Crawl> {
  const origin = site.server.origin;
  const base = site.server.baseUrl;
  const seen = new Map<string, string>(); // url → first referrer
  const queue: string[] = [base];
  seen.set(base, '(start)');
  const ids = new Map<string, Set<string>>(); // page → ids on it
  const fragments: { page: string; id: string; from: string }[] = [];
  const out: Crawl = { pages: [], resources: [], broken: [], h1: [], external: new Set() };

  const enqueue = (raw: string, from: string, kind: string) => {
    if (!raw || /^(mailto|tel|javascript|data):/i.test(raw.trim())) return;
    let u: URL;
    try {
      u = new URL(raw.trim(), from);
    } catch {
      out.broken.push(`${from}: unparsable ${kind} "${raw}"`);
      return;
    }
    if (u.origin !== origin) {
      out.external.add(u.href);
      return;
    }
    if (!u.href.startsWith(base)) {
      out.broken.push(`${from}: ${kind} ${raw} leaves the base path ${site.server.base}`);
      return;
    }
    const frag = decodeURIComponent(u.hash.slice(1));
    u.hash = '';
    if (frag) fragments.push({ page: u.href, id: frag, from });
    if (!seen.has(u.href)) {
      seen.set(u.href, from);
      queue.push(u.href);
    }
  };

  while (queue.length) {
    const url = queue.shift()!;
    const res = await fetch(url, { redirect: 'manual' });
    if (res.status >= 300 && res.status < 400) {
      const loc = res.headers.get('location');
      out.broken.push(`${seen.get(url)}: ${url} redirects (${res.status}) to ${loc} — link the final URL`);
      if (loc) enqueue(loc, url, 'redirect');
      continue;
    }
    if (res.status !== 200) {
      out.broken.push(`${seen.get(url)}: ${url} → HTTP ${res.status}`);
      await res.arrayBuffer();
      continue;
    }
    const type = res.headers.get('content-type') ?? '';
    if (type.startsWith('text/html')) {
      out.pages.push(url);
      const doc = parseHtml(await res.text());
      const h1s = all(doc, 'h1');
      if (h1s.length !== 1) out.h1.push(`${url}: ${h1s.length} h1 (${h1s.map(text).join(' | ')})`);
      ids.set(
        url,
        new Set(
          all(doc, '*', (e) => !!e.attrs.id || (e.tag === 'a' && !!e.attrs.name)).map(
            (e) => e.attrs.id ?? e.attrs.name!,
          ),
        ),
      );
      const baseEl = all(doc, 'base')[0];
      if (baseEl) out.broken.push(`${url}: has a <base> element`);
      for (const e of all(doc, '*')) {
        if ((e.tag === 'a' || e.tag === 'area') && e.attrs.href !== undefined)
          enqueue(e.attrs.href, url, `<${e.tag} href>`);
        if (e.tag === 'link' && e.attrs.href && !/\b(preconnect|dns-prefetch)\b/.test(e.attrs.rel ?? ''))
          enqueue(e.attrs.href, url, `<link rel="${e.attrs.rel}">`);
        if (['script', 'img', 'source', 'iframe', 'audio', 'video', 'track', 'embed'].includes(e.tag) && e.attrs.src)
          enqueue(e.attrs.src, url, `<${e.tag} src>`);
        if (e.attrs.srcset)
          for (const s of e.attrs.srcset.split(',')) enqueue(s.trim().split(/\s+/)[0] ?? '', url, 'srcset');
        if (e.tag === 'form' && e.attrs.action) enqueue(e.attrs.action, url, '<form action>');
        if (e.tag === 'object' && e.attrs.data) enqueue(e.attrs.data, url, '<object data>');
      }
    } else if (type.startsWith('text/css')) {
      out.resources.push(url);
      const css = await res.text();
      for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) enqueue(m[2]!, url, 'CSS url()');
      for (const m of css.matchAll(/@import\s+(['"])([^'"]+)\1/g)) enqueue(m[2]!, url, 'CSS @import');
    } else {
      out.resources.push(url);
      await res.arrayBuffer();
    }
  }
  for (const f of fragments) {
    const set = ids.get(f.page);
    if (set && !set.has(f.id)) out.broken.push(`${f.from}: link to ${f.page}#${f.id} — no element with that id`);
  }
  return out;
}

beforeAll(async () => {
  site = await startSample();
  browser = await launchBrowser();
  crawl = await crawlSite();
});

afterAll(async () => {
  await browser?.close();
  await site?.server.close();
});

describe('crawl of the sample under /xxgk/ from the 专栏 home', () => {
  it('finds no broken link', () => {
    expect(crawl.broken).toEqual([]);
  });

  it('reaches every document page and every attachment', () => {
    const reached = new Set(crawl.pages.concat(crawl.resources).map((u) => decodeURI(u)));
    const missing: string[] = [];
    for (const d of site.docs) {
      const page = site.url(`doc/${d.slug}/`);
      if (!reached.has(page)) missing.push(page);
      for (const a of d.attachments) {
        const f = site.url(`doc/${d.slug}/files/${a.fileName}`);
        if (!reached.has(f)) missing.push(f);
      }
    }
    expect(missing).toEqual([]);
  });

  it('finds exactly one h1 on every page', () => {
    expect(crawl.pages.length).toBeGreaterThan(site.docs.length);
    expect(crawl.h1).toEqual([]);
  });

  it('in Chromium, no page requests another host, violates the CSP, fails a request or logs an error', async () => {
    const context = await browser.newContext();
    const watch = await watchContext(context, site.server.origin);
    const page = await context.newPage();
    const problems: string[] = [];
    try {
      for (const url of crawl.pages) {
        const res = await page.goto(url, { waitUntil: 'load' });
        if (res?.status() !== 200) problems.push(`${url}: HTTP ${res?.status()}`);
        // module scripts ran before 'load'; one round trip flushes pending CSP reports
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(0))));
        const s = watch.summary();
        if (s !== '(nothing)') problems.push(`${url}:\n${s}`);
        watch.reset();
      }
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});
