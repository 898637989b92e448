// Build concern: every annual report (a document with `report`) as a PDF beside its page,
// /doc/<slug>/<slug>.pdf, printed by the installed Chromium from the built page with the report
// print rules (src/styles/report-print.css; docs/decisions.md §11).
//
// - astro:config:setup decides, before any page renders, whether this build makes PDFs: Chromium
//   at GONGKAI_CHROMIUM (default /usr/bin/chromium; 'off' for none) and playwright-core
//   installed. The answer goes to the pages through process.env.GONGKAI_REPORT_PDF, so a report
//   page links its PDF exactly when one is made. Without Chromium the build warns and pages carry
//   no link.
// - astro:build:done leaves the list of reports to print in the build cache; they are printed after
//   Astro has exited (src/post-build.ts → src/lib/report-pdf-print.ts), so Chromium's memory does
//   not add to Astro's.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolveBuildOptions } from '../lib/build-options.ts';
import { getSite } from '../lib/site.ts';
import { DEFAULT_CHROMIUM, REPORT_PDF_FLAG } from '../lib/report-pdf.ts';
import { printOrigin, reportPdfJobFile, type ReportPdfJob } from '../lib/report-pdf-print.ts';

export default function reportPdf(): AstroIntegration {
  let playwright: unknown;
  let chromiumPath = DEFAULT_CHROMIUM;
  return {
    name: 'gongkai-report-pdf',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        process.env[REPORT_PDF_FLAG] = '0';
        if (command !== 'build') return;
        // no job from an earlier build may print into this one
        rmSync(reportPdfJobFile(resolveBuildOptions(process.env).cacheDir), { force: true });
        const setting = process.env.GONGKAI_CHROMIUM?.trim();
        if (setting === 'off') {
          logger.info('GONGKAI_CHROMIUM=off：本次构建不生成年报 PDF，年报页面不显示 PDF 链接。');
          return;
        }
        chromiumPath = setting || DEFAULT_CHROMIUM;
        const missing = !existsSync(chromiumPath)
          ? `未找到 Chromium（${chromiumPath}）`
          : !(playwright = await import('playwright-core').catch(() => undefined))
            ? '未安装 playwright-core（npm install）'
            : undefined;
        if (missing) {
          playwright = undefined;
          logger.warn(
            `${missing}：本次构建不生成年报 PDF，年报页面不显示 PDF 链接。` +
              `\n  修改方法：安装 Chromium 和中文字体（apt-get install -y chromium fonts-noto-cjk），` +
              `或用 GONGKAI_CHROMIUM 指明 Chromium 的路径。`,
          );
          return;
        }
        process.env[REPORT_PDF_FLAG] = '1';
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!playwright) return;
        const options = resolveBuildOptions(process.env);
        const site = await getSite(options.contentDir, options);
        const reports = site.documents
          .filter((d) => d.report)
          .map(({ slug, file, title, written, published, publishedAt }) => ({
            slug,
            file,
            title,
            written,
            published,
            publishedAt,
          }));
        const job: ReportPdfJob = {
          chromiumPath,
          outDir: path.resolve(fileURLToPath(dir)),
          base: options.base,
          origin: printOrigin(site.settings.siteUrl),
          reports,
        };
        writeFileSync(reportPdfJobFile(options.cacheDir), JSON.stringify(job));
        if (reports.length) logger.info(`年报 PDF：${reports.length} 份，构建结束后打印（src/post-build.ts）`);
      },
    },
  };
}
