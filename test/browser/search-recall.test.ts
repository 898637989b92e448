// Recall and precision of the search, measured on the golden queries (test/fixtures/search-golden.yaml)
// over the sample column, through the search page as a reader uses it (its own normalisation,
// exact look-ups and ranking) in Chromium. Prints recall, precision and the misses per class.
// Required: recall ≥ 0.95 overall and in every class that must find something; nothing found for
// the `none` queries; exact look-ups first every time; for phrases, at least 9 of the top 10
// results (all of them, when fewer) among the documents that contain the phrase.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launchBrowser, watchContext, type Watch } from '../helpers/browser.ts';
import { ROOT } from '../helpers/paths.ts';
import { startSample, type SampleSite } from '../helpers/sample-site.ts';
import { searchAll } from '../helpers/search.ts';

interface Golden {
  q: string;
  class: string;
  expect: string[];
  first?: string;
}
const golden = (
  parse(readFileSync(path.join(ROOT, 'test/fixtures/search-golden.yaml'), 'utf8')) as { queries: Golden[] }
).queries;

interface Outcome {
  query: Golden;
  returned: string[]; // index_no of every result, in order
}

let site: SampleSite;
let browser: Browser;
let page: Page;
let watch: Watch;
const outcomes: Outcome[] = [];

beforeAll(async () => {
  site = await startSample();
  browser = await launchBrowser();
  const context = await browser.newContext();
  watch = await watchContext(context, new URL(site.server.baseUrl).origin);
  page = await context.newPage();
  await page.goto(site.url('search/'));
  const indexNoOf = new Map(site.docs.map((d) => [`${new URL(site.url(`doc/${d.slug}/`)).pathname}`, d.indexNo]));
  for (const query of golden) {
    const view = await searchAll(page, query.q);
    outcomes.push({ query, returned: view.hits.map((h) => indexNoOf.get(h.url) ?? h.url) });
  }
  printReport();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.server.close();
});

function stats(list: Outcome[]) {
  let expected = 0;
  let found = 0;
  let returned = 0;
  for (const o of list) {
    expected += o.query.expect.length;
    found += o.query.expect.filter((e) => o.returned.includes(e)).length;
    returned += o.returned.length;
  }
  return {
    expected,
    found,
    returned,
    recall: expected ? found / expected : 1,
    precision: returned ? found / returned : 1,
  };
}

const classes = () => [...new Set(golden.map((g) => g.class))];
const ofClass = (c: string) => outcomes.filter((o) => o.query.class === c);

function printReport() {
  const lines = ['search recall over the golden queries (sample column):'];
  for (const c of [...classes(), 'all']) {
    const list = c === 'all' ? outcomes : ofClass(c);
    const s = stats(list);
    lines.push(
      `  ${c.padEnd(14)} queries ${String(list.length).padStart(3)}  recall ${s.recall.toFixed(3)} (${s.found}/${s.expected})  precision ${s.precision.toFixed(3)} (${s.found}/${s.returned})`,
    );
  }
  for (const o of outcomes) {
    const missed = o.query.expect.filter((e) => !o.returned.includes(e));
    if (missed.length) lines.push(`  miss [${o.query.class}] ${o.query.q}: ${missed.join(', ')}`);
    if (o.query.first && o.returned[0] !== o.query.first)
      lines.push(`  not first [${o.query.class}] ${o.query.q}: ${o.returned[0] ?? '(nothing)'}`);
    if (o.query.class === 'none' && o.returned.length)
      lines.push(`  found [none] ${o.query.q}: ${o.returned.join(', ')}`);
  }
  console.log(lines.join('\n'));
}

describe('search recall and precision on the golden queries', () => {
  it('the golden set has every class and at least 80 queries', () => {
    expect(golden.length).toBeGreaterThanOrEqual(80);
    expect(classes().sort()).toEqual(
      ['compound-part', 'doc-no', 'index-no', 'none', 'phrase', 'term', 'traditional', 'two-char'].sort(),
    );
  });

  it('recall ≥ 0.95 overall and in every class that must find something', () => {
    const low = [...classes().filter((c) => c !== 'none'), 'all']
      .map((c) => ({ c, s: stats(c === 'all' ? outcomes.filter((o) => o.query.class !== 'none') : ofClass(c)) }))
      .filter(({ s }) => s.recall < 0.95)
      .map(({ c, s }) => `${c}: ${s.recall.toFixed(3)}`);
    expect(low).toEqual([]);
  });

  it('the queries that must find nothing find nothing', () => {
    expect(
      ofClass('none')
        .filter((o) => o.returned.length)
        .map((o) => `${o.query.q}: ${o.returned.join(', ')}`),
    ).toEqual([]);
  });

  it('exact 文号 and 索引号 look-ups come first every time', () => {
    const wrong = outcomes
      .filter((o) => o.query.first && o.returned[0] !== o.query.first)
      .map((o) => `${o.query.q}: first ${o.returned[0] ?? '(nothing)'}, want ${o.query.first}`);
    expect(wrong).toEqual([]);
  });

  it('phrases: at least 9 of the top 10 results contain the phrase (all of them when fewer)', () => {
    const wrong = ofClass('phrase')
      .map((o) => {
        const top = o.returned.slice(0, 10);
        const hits = top.filter((r) => o.query.expect.includes(r)).length;
        const need = top.length >= 10 ? 9 : top.length;
        return { o, hits, need, top };
      })
      .filter(({ hits, need }) => hits < need)
      .map(({ o, hits, top }) => `${o.query.q}: ${hits}/${top.length}`);
    expect(wrong).toEqual([]);
  });

  it('no CSP violation, page error or request to another host while searching', () => {
    expect(
      watch.csp.length + watch.pageErrors.length + watch.foreign.length + watch.failed.length,
      watch.summary(),
    ).toBe(0);
  });
});
