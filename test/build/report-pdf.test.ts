// Report PDFs as part of the build (docs/decisions.md §11): with Chromium every report page links
// its PDF (/doc/<slug>/<slug>.pdf under the base) and the file is in the output; no other page
// links one. Without Chromium (GONGKAI_CHROMIUM names none) the build still succeeds, warns in
// Chinese, and no page links a PDF. The column: the sample under /xxgk/ (its reports are the
// documents with frontmatter `report`).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, buildSample, buildSite, type BuildResult } from '../helpers/build.ts';
import { all, hasClass, type El } from '../helpers/html.ts';
import { BASE, ROOT, SAMPLE_CONTENT, TMP, TODAY } from '../helpers/paths.ts';
import { resolveBuildOptions } from '../../src/lib/build-options.ts';
import { readPage } from '../helpers/site.ts';
import { partition, readSources, type SourceDoc } from '../helpers/sources.ts';

let build: BuildResult;
/** Documents that get a page, and those of them that are reports. */
let pages: SourceDoc[];
let reports: SourceDoc[];

beforeAll(async () => {
  build = await buildSample();
  assertBuilt(build);
  pages = partition(readSources(SAMPLE_CONTENT), TODAY).pages;
  reports = pages.filter((d) => d.data.report && typeof d.data.report === 'object');
});

const pdfHref = (slug: string) => `${BASE}doc/${slug}/${slug}.pdf`;
/** Links on a page to a PDF beside a document page (…/doc/<slug>/<name>.pdf), and the report-PDF link class. */
const pdfLinks = (page: El) =>
  all(page, 'a', (a) => /\/doc\/[^/]+\/[^/]+\.pdf$/.test(a.attrs.href ?? '') || hasClass(a, 'report-pdf-link'));

describe('report PDFs with Chromium', () => {
  it('the build says how many report PDFs it made', () => {
    expect(reports.length, 'the sample has reports').toBeGreaterThan(0);
    expect(build.output).toContain(`已生成 ${reports.length} 份年报 PDF`);
  });

  it('every report page links its PDF, and the PDF is in the output', () => {
    for (const doc of reports) {
      const links = pdfLinks(readPage(build.outDir, `/doc/${doc.slug}/`));
      expect(
        links.map((a) => a.attrs.href),
        `${doc.file}: one link to its PDF`,
      ).toEqual([pdfHref(doc.slug)]);
      expect(links[0]!.attrs.type, `${doc.file}: the link says it is a PDF`).toBe('application/pdf');
      const file = path.join(build.outDir, 'doc', doc.slug, `${doc.slug}.pdf`);
      expect(existsSync(file), `${file} exists`).toBe(true);
      expect(readFileSync(file).subarray(0, 5).toString('latin1'), `${file} is a PDF`).toBe('%PDF-');
    }
  });

  it('no other page links a report PDF, and no other document has one', () => {
    const others = pages.filter((d) => !reports.includes(d));
    expect(others.length).toBeGreaterThan(0);
    for (const doc of others) {
      const links = pdfLinks(readPage(build.outDir, `/doc/${doc.slug}/`));
      expect(
        links.map((a) => a.attrs.href),
        `${doc.file} is not a report`,
      ).toEqual([]);
      expect(existsSync(path.join(build.outDir, 'doc', doc.slug, `${doc.slug}.pdf`))).toBe(false);
    }
    for (const p of ['/', '/catalogue/'])
      expect(
        pdfLinks(readPage(build.outDir, p)).map((a) => a.attrs.href),
        p,
      ).toEqual([]);
  });
});

describe('report PDFs without Chromium', () => {
  let r: BuildResult;
  beforeAll(async () => {
    r = await buildSite({
      name: 'report-pdf-no-chromium',
      base: BASE,
      env: { GONGKAI_CHROMIUM: '/nonexistent/chromium' },
    });
  });

  it('the build succeeds and warns that no PDFs are made', () => {
    assertBuilt(r);
    expect(r.output).toContain(
      '未找到 Chromium（/nonexistent/chromium）：本次构建不生成年报 PDF，年报页面不显示 PDF 链接。',
    );
    expect(r.output).not.toContain('份年报 PDF：');
  });

  it('report pages carry no PDF link and no PDF is written', () => {
    expect(reports.length).toBeGreaterThan(0);
    for (const doc of reports) {
      expect(
        pdfLinks(readPage(r.outDir, `/doc/${doc.slug}/`)).map((a) => a.attrs.href),
        doc.file,
      ).toEqual([]);
      expect(existsSync(path.join(r.outDir, 'doc', doc.slug, `${doc.slug}.pdf`)), doc.file).toBe(false);
    }
  });
});

describe('report PDFs of unchanged pages come from the build cache', () => {
  const spec = { name: 'report-pdf-cache', base: BASE };
  let first: BuildResult;
  let firstPdfs: Map<string, Buffer>;
  let second: BuildResult;
  beforeAll(async () => {
    // the cache sits beside Astro's, keyed by content and output directory: start it empty
    const { cacheDir } = resolveBuildOptions(
      { GONGKAI_CONTENT: SAMPLE_CONTENT, GONGKAI_OUT: path.join(TMP, `build-${spec.name}`, 'dist') },
      ROOT,
    );
    rmSync(path.join(cacheDir, 'report-pdf'), { recursive: true, force: true });
    first = await buildSite(spec);
    assertBuilt(first);
    firstPdfs = new Map(
      reports.map((d) => [d.slug, readFileSync(path.join(first.outDir, 'doc', d.slug, `${d.slug}.pdf`))]),
    );
    second = await buildSite({ ...spec, key: 'rebuilt' });
    assertBuilt(second);
  });

  it('the first build prints every report', () => {
    expect(first.output).toContain(`已生成 ${reports.length} 份年报 PDF：打印 ${reports.length} 份，0 份未变`);
  });

  it('a rebuild prints none and publishes the same bytes', () => {
    expect(second.output).toContain(
      `已生成 ${reports.length} 份年报 PDF：打印 0 份，${reports.length} 份未变、取自缓存`,
    );
    for (const doc of reports) {
      const again = readFileSync(path.join(second.outDir, 'doc', doc.slug, `${doc.slug}.pdf`));
      expect(again.equals(firstPdfs.get(doc.slug)!), doc.file).toBe(true);
    }
  });
});
