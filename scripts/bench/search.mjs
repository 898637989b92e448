// The search part of the benchmark (docs/decisions.md §3), run by run.mjs after the builds:
// - coldQueries: the built site served locally, a fresh Chromium context per query, the search page
//   loaded, then every byte the first query fetches (JS, WASM, worker, manifest, filter and index
//   chunks, exact-match bucket, result fragments) and the time from Enter to the rendered results.
// - goldenAtScale: the golden queries (test/fixtures/search-golden.yaml) over the benchmark's column,
//   their relevant sets computed from the sources (every document whose normalised title and body
//   contain the query), recall and precision per class as the search page returns them.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import matter from 'gray-matter';

const byKindOf = (url) =>
  /\.pf_meta$/.test(url)
    ? 'meta'
    : /\.pf_index$/.test(url)
      ? 'index'
      : /\.pf_fragment$/.test(url)
        ? 'fragment'
        : /\.pf_filter$/.test(url)
          ? 'filter'
          : /pagefind[^/]*\.(js|json)$|\.pagefind$/.test(url)
            ? 'runtime'
            : /gongkai\.json$/.test(url)
              ? 'manifest'
              : /\/exact\//.test(url)
                ? 'exact'
                : 'other';

export async function coldQueries({ repo, dist, base, queries }) {
  const { startServer } = await import(path.join(repo, 'test/helpers/server.ts'));
  const { launchBrowser } = await import(path.join(repo, 'test/helpers/browser.ts'));
  const { search } = await import(path.join(repo, 'test/helpers/search.ts'));
  const server = await startServer({ dir: dist, base });
  const browser = await launchBrowser();
  const out = [];
  try {
    for (const q of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.baseUrl + 'search/');
      await page.waitForLoadState('networkidle');
      const bodies = [];
      const pending = [];
      page.on('response', (res) =>
        pending.push(
          res.body().then(
            (b) => bodies.push({ url: res.url(), b, started: res.request().timing().startTime }),
            () => undefined,
          ),
        ),
      );
      // the moment the first results show (the status says what was found), in the browser's clock:
      // what a request started before it was needed for them; the filter counts load after them
      await page.evaluate(() => {
        const status = globalThis.document.getElementById('search-status');
        new globalThis.MutationObserver(() => {
          if (/^(找到|没有找到)/.test(status.textContent ?? '')) globalThis.__shownAt ??= Date.now();
        }).observe(status, { childList: true, characterData: true, subtree: true });
      });
      const t0 = performance.now();
      const shown = page
        .waitForFunction(() => globalThis.__shownAt !== undefined, null, { timeout: 60_000, polling: 10 })
        .then(() => performance.now());
      const view = await search(page, q);
      const tShown = await shown;
      const shownAt = await page.evaluate(() => globalThis.__shownAt);
      await page.waitForLoadState('networkidle');
      await Promise.all(pending);
      const sum = (list, f) => list.reduce((a, x) => a + f(x), 0);
      const first = bodies.filter((x) => x.started < shownAt);
      out.push({
        q,
        requests: first.length,
        bytesRaw: sum(first, (x) => x.b.length),
        bytesGzip: sum(first, (x) => gzipSync(x.b).length),
        allRequests: bodies.length,
        allBytesGzip: sum(bodies, (x) => gzipSync(x.b).length),
        // where the first results' bytes go (gzip): Pagefind's metadata, index chunks, fragments,
        // filters, its runtime (JS, worker, WASM), our manifest and exact table
        byKind: first.reduce((acc, x) => {
          const kind = byKindOf(x.url);
          acc[kind] = (acc[kind] ?? 0) + gzipSync(x.b).length;
          return acc;
        }, {}),
        msToResults: tShown - t0,
        status: view.status,
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

/** Title and body text of every built document, as the relevant sets are computed from them. */
function readCorpus(contentDir, today) {
  const docs = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) {
        const { data, content } = matter(readFileSync(p, 'utf8'));
        const published =
          data.published instanceof Date
            ? data.published.toISOString().slice(0, 10)
            : String(data.published ?? '').slice(0, 10);
        if (published > today) continue;
        const body = content.replace(/^#+\s*/gm, '').replace(/[*_>`]/g, '');
        docs.push({
          indexNo: String(data.index_no ?? ''),
          docNo: data.doc_no ? String(data.doc_no) : '',
          text: `${data.title ?? ''}\n${body}`,
        });
      }
    }
  };
  walk(path.join(contentDir, 'documents'));
  return docs;
}

export async function goldenAtScale({ repo, dist, base, contentDir, today, maxPages = 30 }) {
  const { startServer } = await import(path.join(repo, 'test/helpers/server.ts'));
  const { launchBrowser } = await import(path.join(repo, 'test/helpers/browser.ts'));
  const { searchAll } = await import(path.join(repo, 'test/helpers/search.ts'));
  const { exactKey, t2sMap } = await import(path.join(repo, 'src/lib/search/normalise.ts'));
  const { t2sPairs } = await import(path.join(repo, 'src/lib/search/t2s.ts'));
  const t2s = t2sMap(t2sPairs());
  const golden = parse(readFileSync(path.join(repo, 'test/fixtures/search-golden.yaml'), 'utf8')).queries;
  const corpus = readCorpus(contentDir, today).map((d) => ({ ...d, key: exactKey(d.text, t2s) }));
  const { slugFromIndexNo: slugOf } = await import(path.join(repo, 'test/helpers/sources.ts'));
  const byUrl = new Map(corpus.map((d) => [`${base}doc/${slugOf(d.indexNo)}/`, d.indexNo]));
  const server = await startServer({ dir: dist, base });
  const browser = await launchBrowser();
  const rows = [];
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.baseUrl + 'search/');
    for (const g of golden) {
      const key = exactKey(g.q, t2s);
      // a 文号 or 索引号 look-up is relevant for its own document; everything else by the text
      const relevant = new Set(
        corpus
          .filter(
            (d) =>
              d.key.includes(key) || (d.docNo && exactKey(d.docNo, t2s) === key) || exactKey(d.indexNo, t2s) === key,
          )
          .map((d) => d.indexNo),
      );
      const view = await searchAll(page, g.q, maxPages);
      const returned = view.hits.map((h) => byUrl.get(h.url) ?? h.url);
      const announced = Number(/找到 (\d+) 条/.exec(view.status)?.[1] ?? 0);
      rows.push({
        q: g.q,
        class: g.class,
        relevant: relevant.size,
        returned: returned.length,
        announced,
        found: returned.filter((r) => relevant.has(r)).length,
        truncated: announced > returned.length,
        firstOk: g.first ? returned[0] === g.first : undefined,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const classes = [...new Set(rows.map((r) => r.class)), 'all'];
  const summary = classes.map((c) => {
    const list = c === 'all' ? rows : rows.filter((r) => r.class === c);
    // a truncated list (more than maxPages pages) counts against the documents it could hold
    const expected = list.reduce((a, r) => a + (r.truncated ? Math.min(r.relevant, r.returned) : r.relevant), 0);
    const found = list.reduce((a, r) => a + r.found, 0);
    const returned = list.reduce((a, r) => a + r.returned, 0);
    return {
      class: c,
      queries: list.length,
      recall: expected ? found / expected : 1,
      precision: returned ? found / returned : 1,
      found,
      expected,
      returned,
      truncated: list.filter((r) => r.truncated).length,
      firstWrong: list.filter((r) => r.firstOk === false).map((r) => r.q),
    };
  });
  return { rows, summary };
}
