// A report printed as an official document (GB/T 9704-2012, docs/domain.md §14; docs/decisions.md
// §11), read back from the PDF the build made with poppler (pdfinfo, pdftotext, pdftohtml): A4
// pages, at least two; tagged, with an outline of the headings and the report's title and dates;
// the header of each table on every page that holds its rows; page numbers "— n —" below the 版心,
// on the right of odd pages and the left of even ones; body text at 28.9 pt pitch with 28
// characters a line; no site navigation; and the same bytes when printed again.
// The column: the sample under /xxgk/ (its reports are the documents with frontmatter `report`;
// table 3 of a 2021-format report runs over page breaks).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { printOrigin, printReports } from '../../src/lib/report-pdf-print.ts';
import { assertBuilt, buildSample, type BuildResult } from '../helpers/build.ts';
import { CHROMIUM } from '../helpers/browser.ts';
import { all, first, hasClass, text, type El } from '../helpers/html.ts';
import { BASE, SAMPLE_CONTENT, TODAY } from '../helpers/paths.ts';
import { readPage } from '../helpers/site.ts';
import { partition, readSources, readYaml, type SourceDoc } from '../helpers/sources.ts';

const MM = 72 / 25.4;
/** A4 in points, and the 版心's edges: 37 mm from the top, 28 mm from the left, 156 × 225 mm. */
const A4 = { width: 210 * MM, height: 297 * MM };
const BOX = { left: 28 * MM, right: (28 + 156) * MM, top: 37 * MM, bottom: (37 + 225) * MM };

let build: BuildResult;
let reports: SourceDoc[];

beforeAll(async () => {
  build = await buildSample();
  assertBuilt(build);
  reports = partition(readSources(SAMPLE_CONTENT), TODAY).pages.filter(
    (d) => d.data.report && typeof d.data.report === 'object',
  );
});

const pdfFile = (doc: SourceDoc) => path.join(build.outDir, 'doc', doc.slug, `${doc.slug}.pdf`);
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
/** Text without any white space (lines wrap anywhere in CJK text). */
const squash = (s: string) => s.replace(/\s+/g, '');

function pdfinfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-isodates', file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** Each page's text in content-stream order (a table cell's lines stay together), white space removed. */
function pageTexts(file: string): string[] {
  return run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).split('\f').slice(0, -1).map(squash);
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
interface Line extends Word {
  words: Word[];
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const box = (attrs: string) => {
  const n = (k: string) => Number(new RegExp(`${k}="([^"]+)"`).exec(attrs)?.[1]);
  return { xMin: n('xMin'), yMin: n('yMin'), xMax: n('xMax'), yMax: n('yMax') };
};

/** Every page's lines with their words and boxes (pdftotext -bbox-layout). */
function pageLines(file: string): Line[][] {
  const xml = run('pdftotext', ['-bbox-layout', file, '-']);
  return [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((p) =>
    [...p[1]!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map((l) => {
      const words = [...l[2]!.matchAll(/<word ([^>]*)>([\s\S]*?)<\/word>/g)].map((w) => ({
        ...box(w[1]!),
        text: decode(w[2]!),
      }));
      return { ...box(l[1]!), words, text: words.map((w) => w.text).join(' ') };
    }),
  );
}

/** The outline (bookmarks) of a PDF, flattened. */
function outline(file: string): string[] {
  const xml = run('pdftohtml', ['-xml', '-stdout', '-i', '-q', file]);
  const m = /<outline>[\s\S]*<\/outline>/.exec(xml);
  return m ? [...m[0].matchAll(/<item[^>]*>([^<]*)<\/item>/g)].map((i) => decode(i[1]!).trim()) : [];
}

interface TableInfo {
  header: string[];
  /** First-cell texts of body rows that occur once in the whole printed article. */
  rowLabels: string[];
}

/** The tables of a built report page: header cell texts and distinctive row labels. */
function tablesOf(page: El): TableInfo[] {
  const article = first(page, 'article')!;
  const articleText = squash(text(article));
  const count = (s: string) => articleText.split(s).length - 1;
  return all(article, 'table').map((t) => {
    const thead = first(t, 'thead');
    const header = thead ? all(thead, 'th').map((c) => squash(text(c))) : [];
    const rowLabels: string[] = [];
    for (const body of all(t, 'tbody'))
      for (const tr of all(body, 'tr')) {
        // the row's own label: its last header cell (the ones before it span a group of rows)
        const cells = all(tr, '*', (e) => e.tag === 'th' || e.tag === 'td');
        const cell = cells.filter((c) => c.tag === 'th').pop() ?? cells[0];
        const label = cell ? squash(text(cell)) : '';
        if (label.length >= 4 && count(label) === 1) rowLabels.push(label);
      }
    return { header: header.filter(Boolean), rowLabels };
  });
}

describe('a report printed to PDF by the build', () => {
  it('has A4 pages, at least two; is tagged; carries the report title and dates', () => {
    expect(reports.length).toBeGreaterThan(0);
    for (const doc of reports) {
      const info = pdfinfo(pdfFile(doc));
      const [w, h] = (/^([\d.]+) x ([\d.]+) pts/.exec(info['Page size'] ?? '') ?? []).slice(1).map(Number);
      expect(Math.abs(w! - A4.width), `${doc.file}: page width ${info['Page size']}`).toBeLessThan(1);
      expect(Math.abs(h! - A4.height), `${doc.file}: page height ${info['Page size']}`).toBeLessThan(1);
      expect(Number(info.Pages), `${doc.file}: pages`).toBeGreaterThanOrEqual(2);
      expect(info.Tagged, `${doc.file}: tagged for screen readers`).toBe('yes');
      expect(info.Title, doc.file).toBe(doc.title);
      expect(info.CreationDate, `${doc.file}: 成文日期`).toBe(`${doc.written}T00:00:00+08`);
      const published = String(doc.data.published);
      const [day, time = '00:00'] = published.split(' ');
      expect(info.ModDate, `${doc.file}: 发布日期`).toBe(`${day}T${time}:00+08`);
    }
  });

  it('has an outline of the title and the body headings', () => {
    for (const doc of reports) {
      const page = readPage(build.outDir, `/doc/${doc.slug}/`);
      const headings = all(page, 'div', (e) => hasClass(e, 'doc-body')).flatMap((b) =>
        all(b, 'h2').map((h) => text(h).trim()),
      );
      expect(headings.length).toBeGreaterThan(0);
      const items = outline(pdfFile(doc));
      for (const h of [doc.title, ...headings]) expect(items, `${doc.file}: outline`).toContain(h);
    }
  });

  it('repeats the header of every table on each page that holds its rows; no row is split', () => {
    let spanning = 0;
    for (const doc of reports) {
      const tables = tablesOf(readPage(build.outDir, `/doc/${doc.slug}/`));
      expect(tables.length, doc.file).toBeGreaterThan(0);
      const texts = pageTexts(pdfFile(doc));
      for (const [i, t] of tables.entries()) {
        if (!t.rowLabels.length || !t.header.length) continue;
        const holding = texts.flatMap((p, n) => (t.rowLabels.some((l) => p.includes(l)) ? [n + 1] : []));
        expect(holding.length, `${doc.file}: table ${i + 1}'s rows are printed`).toBeGreaterThan(0);
        if (holding.length > 1) spanning++;
        for (const n of holding)
          for (const h of t.header)
            expect(
              texts[n - 1],
              `${doc.file}: table ${i + 1} (rows on pages ${holding}), page ${n}: header “${h}”`,
            ).toContain(h);
        // a row label is printed whole on one page (rows are not split across pages)
        for (const l of t.rowLabels)
          expect(texts.filter((p) => p.includes(l)).length, `${doc.file}: table ${i + 1}: row “${l}” on one page`).toBe(
            1,
          );
      }
    }
    expect(spanning, 'some table runs over a page break (else this test proves nothing)').toBeGreaterThan(0);
  });

  it('numbers pages "— n —" below the 版心: odd pages on the right, even pages on the left, one character in', () => {
    for (const doc of reports) {
      const pages = pageLines(pdfFile(doc));
      for (const [i, lines] of pages.entries()) {
        const n = i + 1;
        const below = lines.filter((l) => (l.yMin + l.yMax) / 2 > BOX.bottom);
        expect(
          below.map((l) => l.text),
          `${doc.file} page ${n}: only the page number below the 版心`,
        ).toEqual([`— ${n} —`]);
        const l = below[0]!;
        if (n % 2 === 1) {
          expect(l.xMin, `${doc.file} page ${n} (odd): number on the right`).toBeGreaterThan(A4.width / 2);
          expect(Math.abs(BOX.right - 14 - l.xMax), `${doc.file} page ${n}: one 14 pt character in`).toBeLessThan(2);
        } else {
          expect(l.xMax, `${doc.file} page ${n} (even): number on the left`).toBeLessThan(A4.width / 2);
          expect(Math.abs(BOX.left + 14 - l.xMin), `${doc.file} page ${n}: one 14 pt character in`).toBeLessThan(2);
        }
      }
    }
  });

  it('sets body text in the 版心 at 28.9 pt line pitch (22 lines a page), 28 characters a line', () => {
    let longest = 0;
    for (const doc of reports) {
      const steps: number[] = [];
      for (const lines of pageLines(pdfFile(doc))) {
        const inBox = lines.filter((l) => (l.yMin + l.yMax) / 2 < BOX.bottom);
        for (const l of inBox) {
          expect(l.xMin, `${doc.file}: “${l.text}” inside the 版心 (left)`).toBeGreaterThan(BOX.left - 1);
          // Chromium sets a closing bracket or stop at a line's end half-width (text-spacing-trim):
          // its empty half hangs past the edge, which pdftotext's box for the glyph includes
          const hang = /[）》」』】〉”’，。、；：！？]$/.test(l.text) ? 8.5 : 1;
          expect(l.xMax, `${doc.file}: “${l.text}” inside the 版心 (right)`).toBeLessThan(BOX.right + hang);
        }
        // lines of 16 pt text (a box about 41 pt tall in pdftotext's measure): the narrative and its headings
        const body = inBox.filter((l) => l.yMax - l.yMin > 35 && l.yMax - l.yMin < 48);
        for (let k = 1; k < body.length; k++) steps.push(body[k]!.yMin - body[k - 1]!.yMin);
        for (const l of body) {
          // a line of Chinese characters, with commas and stops inside only: each takes one character's
          // width (digits and Latin are narrower; brackets and a line's last stop may be set half-width)
          if (!/^[\u4e00-\u9fff，、。；：]*[\u4e00-\u9fff]$/.test(l.text)) continue;
          expect(l.text.length, `${doc.file}: “${l.text}”`).toBeLessThanOrEqual(28);
          longest = Math.max(longest, l.text.length);
        }
      }
      // consecutive lines of one face: Chromium puts lines on whole pixels (0.75 pt), so steps are
      // 28.5 or 29.25 pt, 28.9 on average; a line in another face (a heading) moves pdftotext's box
      // by about 2 pt, a paragraph's or page's end by more: both left out
      const pitch = steps.filter((s) => s > 28 && s < 29.8);
      expect(pitch.length, `${doc.file}: consecutive body lines`).toBeGreaterThan(5);
      const mean = pitch.reduce((a, b) => a + b, 0) / pitch.length;
      expect(Math.abs(mean - 28.9), `${doc.file}: line pitch ${mean.toFixed(2)} pt`).toBeLessThan(0.1);
      expect(Math.floor((BOX.bottom - BOX.top) / mean), `${doc.file}: lines in the 225 mm 版心`).toBe(22);
    }
    expect(longest, 'characters in the longest full line of Chinese text').toBe(28);
  });

  it('prints no site navigation, related links or buttons', () => {
    for (const doc of reports) {
      const page = readPage(build.outDir, `/doc/${doc.slug}/`);
      const article = first(page, 'article')!;
      const articleText = squash(text(article));
      const outside = all(page, 'a', (a) => !all(article, 'a').includes(a)).map((a) => squash(text(a)));
      const chrome = [...new Set(outside)].filter((t) => t.length >= 2 && !articleText.includes(t));
      expect(chrome.length, 'the page has navigation links').toBeGreaterThan(3);
      const buttons = [...all(article, 'button'), ...all(article, 'a', (a) => hasClass(a, 'report-pdf-link'))].map(
        (b) => squash(text(b)),
      );
      const pdfText = pageTexts(pdfFile(doc)).join('');
      for (const t of [...chrome, ...buttons]) expect(pdfText, `${doc.file}: “${t}” is not printed`).not.toContain(t);
      expect(pdfText, 'link addresses are not printed').not.toMatch(/https?:\/\//);
    }
  });

  it('prints the same bytes again (the PDF depends only on the built page)', async () => {
    // two reports (the first and the last) in a browser of this process: as the build, another process
    const twice = [reports[0]!, reports[reports.length - 1]!];
    const siteUrl = readYaml<{ site_url: string }>(SAMPLE_CONTENT, 'site.yaml').site_url;
    const again = new Map<string, Buffer>();
    await printReports(await import('playwright-core'), {
      executablePath: CHROMIUM,
      outDir: build.outDir,
      base: BASE,
      origin: printOrigin(siteUrl),
      reports: twice.map((d) => ({
        slug: d.slug,
        file: d.file,
        title: d.title,
        written: d.written,
        published: d.published,
        publishedAt: String(d.data.published).includes(' ') ? String(d.data.published) : `${d.published} 00:00`,
      })),
      write: (doc, pdf) => again.set(doc.slug, pdf),
    });
    for (const doc of twice) {
      const built = readFileSync(pdfFile(doc));
      const second = again.get(doc.slug)!;
      let differ = 0;
      for (let i = 0; i < Math.min(built.length, second.length); i++) if (built[i] !== second[i]) differ++;
      expect({ length: second.length, differ }, doc.file).toEqual({ length: built.length, differ: 0 });
    }
  });
});
