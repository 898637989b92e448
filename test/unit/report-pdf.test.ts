// Report PDFs (src/lib/report-pdf.ts): where a report's PDF is published, the flag pages read,
// PDF dates from the report's, and the in-place edits that make Chromium's output the same for
// the same page (dates, structure ids), which must keep every byte offset.
import { describe, expect, it } from 'vitest';
import { printOrigin } from '../../src/lib/report-pdf-print.ts';
import {
  chromiumEnv,
  pdfDate,
  renumberNodeIds,
  reportPdfEnabled,
  reportPdfPath,
  setPdfDates,
  stablePdf,
} from '../../src/lib/report-pdf.ts';

/** A PDF's text as Chromium (Skia) writes its Info dictionary and tagged table cells. */
const SAMPLE = [
  '%PDF-1.4',
  '1 0 obj',
  "<</Title (x) /Creator (HeadlessChrome) /Producer (Skia/PDF m156) /CreationDate (D:20261130031049+00'00') /ModDate (D:20261130031049+00'00')>>",
  'endobj',
  '2 0 obj',
  '<</Type /StructElem /S /TH /ID (node00000189)>>',
  'endobj',
  '3 0 obj',
  '<</Type /StructElem /S /TD /A [<</O /Table /Headers [(node00000186) (node00000189)]>>]>>',
  'endobj',
  '4 0 obj',
  '<</Names [(node00000186) 5 0 R (node00000189) 2 0 R]>>',
  'endobj',
  'xref',
].join('\n');

describe('report PDF paths and flag', () => {
  it('puts a report’s PDF beside its page, named by its slug', () => {
    expect(reportPdfPath('11999999999900011l-202603-00009')).toBe(
      '/doc/11999999999900011l-202603-00009/11999999999900011l-202603-00009.pdf',
    );
  });
  it('links PDFs only when the integration said so', () => {
    expect(reportPdfEnabled({ GONGKAI_REPORT_PDF: '1' })).toBe(true);
    expect(reportPdfEnabled({ GONGKAI_REPORT_PDF: '0' })).toBe(false);
    expect(reportPdfEnabled({})).toBe(false);
  });
  it('prints pages under the site’s own origin, else one that never resolves', () => {
    expect(printOrigin('https://www.shilixian.gov.cn')).toBe('https://www.shilixian.gov.cn');
    expect(printOrigin('https://www.shilixian.gov.cn/xxgk/')).toBe('https://www.shilixian.gov.cn');
    expect(printOrigin('')).toBe('http://report-pdf.invalid');
    expect(printOrigin('ftp://example.org')).toBe('http://report-pdf.invalid');
  });
});

describe('PDF dates', () => {
  it('writes the column’s dates (Asia/Shanghai) as PDF dates', () => {
    expect(pdfDate('2026-03-16')).toBe("D:20260316000000+08'00'");
    expect(pdfDate('2026-03-24 09:30')).toBe("D:20260324093000+08'00'");
    expect(() => pdfDate('2026/03/24')).toThrow();
  });

  it('replaces the two Info dates in place, keeping the length', () => {
    const pdf = Buffer.from(SAMPLE, 'latin1');
    const out = setPdfDates(pdf, { creation: pdfDate('2026-03-16'), modified: pdfDate('2026-03-24 09:30') })!;
    expect(out.length).toBe(pdf.length);
    const text = out.toString('latin1');
    expect(text).toContain("/CreationDate (D:20260316000000+08'00')");
    expect(text).toContain("/ModDate (D:20260324093000+08'00')");
    expect(text.replace(/D:\d{14}\+\d\d'\d\d'/g, '')).toBe(SAMPLE.replace(/D:\d{14}\+\d\d'\d\d'/g, ''));
  });

  it('leaves a file alone when its dates are not there once each, as Chromium writes them', () => {
    const dates = { creation: pdfDate('2026-03-16'), modified: pdfDate('2026-03-24') };
    expect(setPdfDates(Buffer.from(SAMPLE.replace('/ModDate', '/Other'), 'latin1'), dates)).toBeUndefined();
    expect(setPdfDates(Buffer.from(SAMPLE + SAMPLE, 'latin1'), dates)).toBeUndefined();
    expect(setPdfDates(Buffer.from(SAMPLE.replace(/\+00'00'/g, 'Z'), 'latin1'), dates)).toBeUndefined();
  });
});

describe('structure ids', () => {
  it('renumbers node ids 1, 2, 3 … in their order, keeping their width', () => {
    const pdf = Buffer.from(SAMPLE, 'latin1');
    const out = renumberNodeIds(pdf);
    expect(out.length).toBe(pdf.length);
    const text = out.toString('latin1');
    expect(text).toContain('/ID (node00000002)');
    expect(text).toContain('/Headers [(node00000001) (node00000002)]');
    expect(text).toContain('/Names [(node00000001) 5 0 R (node00000002) 2 0 R]');
  });

  it('gives the same bytes for the same page printed with ids counted from elsewhere', () => {
    const dates = { creation: pdfDate('2026-03-16'), modified: pdfDate('2026-03-24') };
    const shifted = SAMPLE.replace(/node00000(\d{3})/g, (_, n: string) => `node00000${Number(n) + 7}`).replace(
      /031049/g,
      '051212',
    );
    const a = stablePdf(Buffer.from(SAMPLE, 'latin1'), dates);
    const b = stablePdf(Buffer.from(shifted, 'latin1'), dates);
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('leaves a PDF without node ids alone', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n', 'latin1');
    expect(renumberNodeIds(pdf)).toBe(pdf);
  });
});

describe("Chromium's environment", () => {
  it('fixes the locale and time zone fontconfig and Chromium read, keeping the rest', () => {
    const env = chromiumEnv({
      PATH: '/usr/bin',
      HOME: '/root',
      LANG: 'zh_CN.UTF-8',
      LC_CTYPE: 'zh_CN.UTF-8',
      LC_ALL: 'zh_CN.UTF-8',
      LANGUAGE: 'zh_CN:zh',
      FC_LANG: 'zh-cn',
      TZ: 'America/New_York',
      UNSET: undefined,
    });
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/root', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'Asia/Shanghai' });
  });
});
