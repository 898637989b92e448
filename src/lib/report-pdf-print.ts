// Printing the annual reports to PDF (docs/decisions.md §11), after `astro build` has exited
// (scripts/build.mjs → src/post-build.ts): the build's report-pdf integration decides before pages
// render whether PDFs are made and leaves the list of reports to print in the build cache; this
// module prints them in one headless Chromium, two at a time, from the built pages.
// - Pages are served from the output directory through request interception under the site's own
//   address (site_url and base), so links kept in a PDF name the published pages; no port is opened
//   and no request leaves the machine. JavaScript is off: the printed page is the HTML and CSS.
// - PDFs are tagged (structure for screen readers) with an outline of the headings; their title is
//   the report's. Chromium stamps the time of printing as the PDF's dates; they are rewritten with
//   the report's 成文日期 and 发布时间 (stablePdf), and Chromium runs with a fixed locale (chromiumEnv:
//   fontconfig picks faces by LANG), so the same commit gives the same bytes.
// - Printing costs ~3.7 s of CPU a report (Chromium draws every CJK glyph as a Type 3 outline), so
//   PDFs are kept in the build cache under a key of everything that makes them (the page's HTML,
//   which names its content-hashed CSS; the origin; title and dates; Chromium's binary): a report
//   whose page did not change is copied, not printed again. Entries this build did not use are removed.
// - Out of Astro's process: Chromium's ~2 GB does not add to Astro's memory.
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type * as PlaywrightCore from 'playwright-core';
import type { Page, Route } from 'playwright-core';
import type { DocumentMeta } from './types.ts';
import { CHROMIUM_ARGS, chromiumEnv, pdfDate, reportPdfPath, stablePdf } from './report-pdf.ts';

/** Reports printed at once: each is a renderer process, and a build machine may be small. */
const PARALLEL = 2;
/** Part of every cache key: raise it when the way a PDF is made changes (stablePdf, print options). */
const PDF_CACHE_VERSION = 2;
type Playwright = typeof PlaywrightCore;

/** What the build leaves for printing (report-pdf integration, astro:build:done). */
export interface ReportPdfJob {
  chromiumPath: string;
  /** The built site (absolute). */
  outDir: string;
  base: string;
  origin: string;
  reports: ReportToPrint[];
}

export const reportPdfJobFile = (cacheDir: string) => path.join(cacheDir, 'report-pdf-job.json');

/**
 * Prints the job's reports (or copies them from the cache), logging as the build does; throws,
 * listing every report that failed.
 */
export async function runReportPdfJob(
  job: ReportPdfJob,
  buildCacheDir: string,
  log: { info: (m: string) => void; warn: (m: string) => void },
): Promise<void> {
  const { reports, outDir, origin, chromiumPath } = job;
  if (!reports.length) return;
  const playwright = (await import('playwright-core')) as Playwright;
  const started = Date.now();
  log.info(`正在生成 ${reports.length} 份年报 PDF`);
  const cacheDir = path.join(buildCacheDir, 'report-pdf');
  mkdirSync(cacheDir, { recursive: true });
  const chromium = statSync(chromiumPath);
  const keyOf = new Map(
    reports.map((doc) => [
      doc.slug,
      createHash('sha256')
        .update(readFileSync(path.join(outDir, 'doc', doc.slug, 'index.html')))
        .update(JSON.stringify([PDF_CACHE_VERSION, origin, doc.title, doc.written, doc.published, doc.publishedAt]))
        .update(`${chromiumPath}:${chromium.size}:${chromium.mtimeMs}`)
        .digest('hex') + '.pdf',
    ]),
  );
  const target = (doc: ReportToPrint) => path.join(outDir, reportPdfPath(doc.slug));
  const toPrint: ReportToPrint[] = [];
  for (const doc of reports) {
    const cached = path.join(cacheDir, keyOf.get(doc.slug)!);
    if (!existsSync(cached)) {
      toPrint.push(doc);
      continue;
    }
    mkdirSync(path.dirname(target(doc)), { recursive: true });
    copyFileSync(cached, target(doc));
  }
  const refused = new Set<string>();
  if (toPrint.length) {
    await printReports(playwright, {
      executablePath: chromiumPath,
      outDir,
      base: job.base,
      origin,
      reports: toPrint,
      refused,
      write: (doc, pdf) => {
        mkdirSync(path.dirname(target(doc)), { recursive: true });
        writeFileSync(target(doc), pdf);
        writeFileSync(path.join(cacheDir, keyOf.get(doc.slug)!), pdf);
      },
    });
  }
  const used = new Set(keyOf.values());
  for (const f of readdirSync(cacheDir)) if (!used.has(f)) rmSync(path.join(cacheDir, f), { force: true });
  if (refused.size)
    log.warn(`年报页面请求了站外资源，打印 PDF 时未加载：\n${[...refused].map((u) => `  ${u}`).join('\n')}`);
  log.info(
    `已生成 ${reports.length} 份年报 PDF：打印 ${toPrint.length} 份，${reports.length - toPrint.length} 份未变、取自缓存（${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
  );
}

/** What printing a report needs to know of it. */
export type ReportToPrint = Pick<DocumentMeta, 'slug' | 'file' | 'title' | 'written' | 'published' | 'publishedAt'>;

export interface PrintOptions {
  executablePath: string;
  /** The built site (absolute). */
  outDir: string;
  base: string;
  /**
   * The origin the pages are served under: the site's own (site_url), so the links a PDF keeps
   * (metadata block, attachments) name the published addresses. No request leaves the machine:
   * every request is answered from `outDir` or refused.
   */
  origin: string;
  reports: ReportToPrint[];
  /** Receives each report's PDF (dates already set). */
  write: (doc: ReportToPrint, pdf: Buffer) => void;
  /** Requests refused because they were for another host. */
  refused?: Set<string>;
}

/** The origin pages are printed under: site_url's, else a name that never resolves. */
export function printOrigin(siteUrl: string): string {
  try {
    const u = new URL(siteUrl);
    if (u.protocol === 'https:' || u.protocol === 'http:') return u.origin;
  } catch {
    // no or a malformed site_url (reported by the site checks)
  }
  return 'http://report-pdf.invalid';
}

/** The file under `outDir` a request URL names (directory → index.html); undefined outside base or outDir. */
function fileOf(outDir: string, base: string, origin: string, url: string): string | undefined {
  const u = new URL(url);
  if (u.origin !== origin || !u.pathname.startsWith(base)) return undefined;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname.slice(base.length));
  } catch {
    return undefined;
  }
  const file = path.resolve(outDir, rel.endsWith('/') || rel === '' ? path.join(rel, 'index.html') : rel);
  return file.startsWith(outDir + path.sep) && existsSync(file) ? file : undefined;
}

/**
 * Prints reports to PDF in one headless Chromium, PARALLEL at a time. Throws, listing every report
 * that failed, after trying them all.
 */
export async function printReports(playwright: Playwright, o: PrintOptions): Promise<void> {
  const browser = await playwright.chromium.launch({
    executablePath: o.executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    env: chromiumEnv(),
  });
  try {
    const serve = (route: Route) => {
      const url = route.request().url();
      const file = /^(data|blob):/.test(url) ? undefined : fileOf(o.outDir, o.base, o.origin, url);
      if (file) return route.fulfill({ path: file });
      if (!url.startsWith(o.origin + '/')) {
        o.refused?.add(url);
        return route.abort('blockedbyclient');
      }
      return route.fulfill({ status: 404, body: '' });
    };
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', serve);
    const queue = [...o.reports];
    const failed: string[] = [];
    const worker = async () => {
      for (let doc = queue.shift(); doc; doc = queue.shift()) {
        const page = await context.newPage();
        try {
          o.write(doc, await printOne(page, `${o.origin}${o.base}doc/${doc.slug}/`, doc));
        } catch (e) {
          failed.push(`  ${doc.file}：${e instanceof Error ? e.message : String(e)}`);
        } finally {
          await page.close();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, o.reports.length) }, worker));
    if (failed.length) throw new Error(`以下年报未能生成 PDF：\n${failed.join('\n')}`);
  } finally {
    await browser.close();
  }
}

async function printOne(page: Page, url: string, doc: ReportToPrint): Promise<Buffer> {
  const res = await page.goto(url, { waitUntil: 'load' });
  if (!res?.ok()) throw new Error(`页面 ${url} 无法打开（${res?.status() ?? '无响应'}）`);
  // the PDF's Title is the document's <title>: the report's own title, without the site's suffix
  await page.evaluate(async (title) => {
    document.title = title;
    await document.fonts.ready;
  }, doc.title);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  return stablePdf(pdf, { creation: pdfDate(doc.written ?? doc.published), modified: pdfDate(doc.publishedAt) });
}
