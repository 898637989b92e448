// Annual reports as PDF (docs/decisions.md §11): where a report's PDF is published, whether this
// build makes PDFs (decided once, before pages render, by src/integrations/report-pdf.ts), and the
// PDF's metadata dates taken from the report.

/**
 * Set by the report-pdf integration in astro:config:setup: '1' when this build renders report
 * PDFs (Chromium found), '0' otherwise. Pages link a report's PDF exactly when it is '1'.
 */
export const REPORT_PDF_FLAG = 'GONGKAI_REPORT_PDF';

/** Chromium for the report PDFs: GONGKAI_CHROMIUM, 'off' for none; default Debian's. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for headless Debian Chromium here: no sandbox (root), and no background connections (this
 * machine's closed network refuses them, and the site must request nothing from another host). The
 * build's PDF step and the browser tests launch it the same way.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Chromium's environment when it prints the PDFs: this process's, with the locale and time zone
 * fixed. Fontconfig chooses faces by LANG — under zh_CN.UTF-8 the generic families and the
 * fallbacks are CJK faces, under C.UTF-8 others — so the same page printed on a machine set up in
 * Chinese and in CI gave other glyphs and other PDF bytes (measured on the sample's reports). A
 * build is reproducible only with one setting (docs/design.md "Build output: manifest,
 * precompressed files"): C.UTF-8, what CI and the tests have, and the time zone of the reports' dates.
 */
export function chromiumEnv(env: Record<string, string | undefined> = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env))
    if (v !== undefined && !/^LC_/.test(k) && k !== 'LANGUAGE' && k !== 'FC_LANG') out[k] = v;
  return { ...out, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'Asia/Shanghai' };
}

/** Whether pages of this build link report PDFs. */
export function reportPdfEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env[REPORT_PDF_FLAG] === '1';
}

/** A report's PDF, as a site path without base: beside its page, named by its slug (stable like the page's URL). */
export function reportPdfPath(slug: string): string {
  return `/doc/${slug}/${slug}.pdf`;
}

/**
 * A PDF date string, D:YYYYMMDDHHmmSS+08'00', from 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM' in
 * Asia/Shanghai (the column's dates, docs/decisions.md §7).
 */
export function pdfDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return `D:${m[1]}${m[2]}${m[3]}${m[4] ?? '00'}${m[5] ?? '00'}00+08'00'`;
}

const INFO_DATE = /\/(CreationDate|ModDate) \((D:\d{14}[+\-Z](?:\d{2}'\d{2}')?)\)/g;

/**
 * The PDF Chromium printed, made the same for the same page: its dates set to the report's
 * (setPdfDates) and its structure ids renumbered (renumberNodeIds). Each change keeps every byte
 * offset; when the file does not look as expected it is returned as printed.
 */
export function stablePdf(pdf: Buffer, dates: { creation: string; modified: string }): Buffer {
  const dated = setPdfDates(pdf, dates) ?? pdf;
  return renumberNodeIds(dated);
}

const NODE_ID = /\(node(\d{8})\)/g;

/**
 * A tagged PDF from Chromium names table header cells by the renderer's DOM node ids,
 * "(node00000189)" in /ID, /Headers and the structure tree's /IDTree. Those count every node the
 * renderer process made before, so the same page printed twice can get other numbers (by one or
 * two, measured). This renumbers them 1, 2, 3 … in their order, keeping the width (so no byte
 * offset moves) and the order (the /IDTree's keys stay sorted).
 */
export function renumberNodeIds(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const ids = [...new Set([...text.matchAll(NODE_ID)].map((m) => m[1]!))].sort();
  if (!ids.length || ids.length > 99_999_999) return pdf;
  const to = new Map(ids.map((id, i) => [id, String(i + 1).padStart(8, '0')]));
  return Buffer.from(
    text.replace(NODE_ID, (_, id: string) => `(node${to.get(id)!})`),
    'latin1',
  );
}

/**
 * Chromium offers no way to set a PDF's dates (page.pdf has no metadata option; Skia writes the
 * time of printing into the Info dictionary). This rewrites the two dates in place with the
 * report's: each must appear exactly once and the new text must have the same length, so no
 * byte offset of the file (its cross-reference table) moves. Returns undefined when the file
 * does not look like that (it is then left as Chromium wrote it).
 */
export function setPdfDates(pdf: Buffer, dates: { creation: string; modified: string }): Buffer | undefined {
  // latin1: one character per byte, so string offsets are byte offsets
  const text = pdf.toString('latin1');
  const found = [...text.matchAll(INFO_DATE)];
  const names = found.map((m) => m[1]).sort();
  if (names.join() !== 'CreationDate,ModDate') return undefined;
  const out = Buffer.from(pdf);
  for (const m of found) {
    const value = m[1] === 'CreationDate' ? dates.creation : dates.modified;
    if (value.length !== m[2]!.length) return undefined;
    out.write(value, m.index + m[0].indexOf('(') + 1, 'latin1');
  }
  return out;
}
