// Withdrawal (撤回) and redirects, built: a copy of the sample where a document with an attachment and
// an annual report are withdrawn and an old URL is redirected. The withdrawn documents keep a notice
// page at their URL; their bodies (a unique first sentence, so also the catalogue's 内容概述 and the
// meta description), their summary, their attachment's file name and the report's open data appear
// nowhere in dist — gzip-compressed search files included. Expected values come from the fixture.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, tail, type BuildResult } from '../helpers/build.ts';
import { all, first, text } from '../helpers/html.ts';
import { readPage, statedTotal } from '../helpers/site.ts';
import { partition, readSources } from '../helpers/sources.ts';
import { SAMPLE_CONTENT, TODAY } from '../helpers/paths.ts';
import {
  ATTACHMENT,
  buildWithdrawn,
  DOC_INDEX_NO,
  LIVE,
  OLD,
  REASON,
  REPORT_INDEX_NO,
  reportSlug,
  SECRET,
  slug,
  SUMMARY,
} from '../helpers/withdraw-fixture.ts';

let r: BuildResult;

/** Every file of dist as text; gzip files (the search index) unpacked. */
function distTexts(outDir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        let buf = readFileSync(p);
        if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
        out.push({ file: path.relative(outDir, p), text: buf.toString('utf8') });
      }
    }
  };
  walk(outDir);
  return out;
}

beforeAll(async () => {
  r = await buildWithdrawn();
});

describe('a withdrawn document', () => {
  it('builds', () => {
    expect(r.exitCode, `build failed:\n${tail(r)}`).toBe(0);
  });

  it('keeps its URL: a notice with the title, 索引号, date and reason, and no body or attachment', () => {
    assertBuilt(r);
    const page = readPage(r.outDir, `/doc/${slug}/`);
    expect(text(first(page, 'h1')!)).toBe('示例县教育局2024年部门预算公开');
    const notice = first(page, 'div', (e) => e.attrs.role === 'note')!;
    const said = text(notice);
    for (const s of ['本信息已撤回', DOC_INDEX_NO, '2026年01月05日', REASON]) expect(said).toContain(s);
    expect(first(notice, 'time')!.attrs.datetime).toBe('2026-01-05');
    expect(first(page, 'meta', (m) => m.attrs.name === 'robots')?.attrs.content).toBe('noindex');
    expect(all(page, 'a', (a) => (a.attrs.href ?? '').includes('/files/'))).toEqual([]);
    // the notice page alone, and the finish step's precompressed copy of it (src/lib/deploy/precompress.ts)
    for (const s of [slug, reportSlug])
      expect(readdirSync(path.join(r.outDir, 'doc', s)).sort()).toEqual(['index.html', 'index.html.gz']);
  });

  it('leaves no trace of its body, summary, attachment or report data anywhere in dist', () => {
    assertBuilt(r);
    const names = [SECRET.slice(0, 12), SUMMARY.slice(0, 10), ATTACHMENT, encodeURIComponent(ATTACHMENT), '甲乙丙丁'];
    const leaks = distTexts(r.outDir).flatMap(({ file, text }) =>
      names.filter((n) => text.includes(n)).map((n) => `${file}: ${n}`),
    );
    expect(leaks).toEqual([]);
    // the withdrawn report: no open data, not in the column's tables
    for (const t of ['table2', 'table3', 'table4'])
      expect(readFileSync(path.join(r.outDir, 'annual-reports', `${t}.csv`), 'utf8')).not.toContain(REPORT_INDEX_NO);
  });

  it('leaves the catalogue, the lists, the home page, the 年报 index and the search', () => {
    assertBuilt(r);
    const { pages } = partition(readSources(SAMPLE_CONTENT), TODAY);
    expect(statedTotal(readPage(r.outDir, '/catalogue/'))).toBe(pages.length - 2);
    const linking = distTexts(r.outDir)
      .filter(
        ({ file }) =>
          file.endsWith('.html') && !file.startsWith(`doc/${slug}/`) && !file.startsWith(`doc/${reportSlug}/`),
      )
      .filter(({ text }) => text.includes(`/doc/${slug}/`) || text.includes(`/doc/${reportSlug}/`))
      .map(({ file }) => file);
    expect(linking).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(r.outDir, 'pagefind', 'gongkai.json'), 'utf8')) as {
      shards: { pages: number }[];
    };
    expect(manifest.shards.reduce((n, s) => n + s.pages, 0)).toBe(pages.length - 2);
  });
});

describe('readers’, crawlers’ and reusers’ files', () => {
  /** The sitemap, every Atom feed and the catalogue's open data, as text. */
  function discoverTexts(): { file: string; text: string }[] {
    const sections = readdirSync(path.join(r.outDir, 'section')).map((id) => `section/${id}/feed.xml`);
    return ['sitemap.xml', 'feed.xml', ...sections, 'catalogue/catalogue.csv', 'catalogue/catalogue.json'].map(
      (file) => ({
        file,
        text: readFileSync(path.join(r.outDir, file), 'utf8'),
      }),
    );
  }

  it('name neither withdrawn document, nor the redirect page; the sitemap names the live page', () => {
    assertBuilt(r);
    const files = discoverTexts();
    expect(files.length).toBeGreaterThan(5);
    const named = files.flatMap(({ file, text }) =>
      [`/doc/${slug}/`, `/doc/${reportSlug}/`, DOC_INDEX_NO, REPORT_INDEX_NO, OLD, '示例县教育局2024年部门预算公开']
        .filter((n) => text.includes(n))
        .map((n) => `${file}: ${n}`),
    );
    expect(named).toEqual([]);
    expect(files[0]!.text).toContain(`${LIVE}</loc>`);
  });

  it('the open data counts the published documents only; robots.txt is written at the host root', () => {
    assertBuilt(r);
    const { pages } = partition(readSources(SAMPLE_CONTENT), TODAY);
    const data = JSON.parse(readFileSync(path.join(r.outDir, 'catalogue', 'catalogue.json'), 'utf8')) as {
      count: number;
    };
    expect(data.count).toBe(pages.length - 2);
    expect(readFileSync(path.join(r.outDir, 'robots.txt'), 'utf8')).toMatch(
      /^Sitemap: https:\/\/[^/]+\/sitemap\.xml$/m,
    );
  });
});

describe('redirects', () => {
  it('an old URL gets a page that moves the reader on, with a visible link and rel=canonical', () => {
    assertBuilt(r);
    const page = readPage(r.outDir, OLD);
    expect(first(page, 'meta', (m) => m.attrs['http-equiv'] === 'refresh')?.attrs.content).toBe(`0; url=${LIVE}`);
    expect(first(page, 'a')?.attrs.href).toBe(LIVE);
    expect(first(page, 'link', (l) => l.attrs.rel === 'canonical')?.attrs.href).toMatch(
      new RegExp(`^https://[^/]+${LIVE}$`),
    );
    expect(all(page, 'script')).toEqual([]);
  });

  it('dist/redirects.json lists the redirects and the withdrawn pages for the deployment', () => {
    assertBuilt(r);
    expect(JSON.parse(readFileSync(path.join(r.outDir, 'redirects.json'), 'utf8'))).toEqual({
      base: '/',
      redirects: [{ from: OLD, to: LIVE, date: '2026-01-05' }],
      withdrawn: [`/doc/${reportSlug}/`, `/doc/${slug}/`].sort(),
    });
  });

  it('a redirected published URL and a withdrawn attachment are not reported as vanished', () => {
    assertBuilt(r);
    expect(r.output).not.toContain(OLD);
    expect(r.output).not.toContain(ATTACHMENT);
    expect(existsSync(path.join(r.outDir, 'doc', slug, 'files'))).toBe(false);
  });
});
