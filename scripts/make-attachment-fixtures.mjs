#!/usr/bin/env node
// Makes the binary fixtures of test/unit/attachment-text.test.ts in test/fixtures/attachments/:
//   scanned.pdf   two pages without a text layer (a grey "scan" image; a vector seal with only a
//                 page number as text), as a scanned document looks to a text extractor
//   notice.docx   a notice with a letter-spaced heading, runs split by formatting, Kangxi radicals
//                 pasted from a PDF (⼈⺠) and a table (the docx package writes it)
//   budget.xlsx   three sheets: strings, numbers, a date, a boolean, an empty row, a default sheet
//                 name (write-excel-file writes it)
// The files are committed; run `node scripts/make-attachment-fixtures.mjs` only to change them (DOCX
// and XLSX embed the time of writing, so each run changes their bytes, not their text).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import writeExcelFile from 'write-excel-file/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'test/fixtures/attachments');
mkdirSync(outDir, { recursive: true });

// ---- scanned.pdf: written by hand, so nothing in it can carry text by accident ------------------

/** A minimal PDF from object bodies (numbered from 1, the first being the catalog), with a correct xref. */
function pdf(objects) {
  const chunks = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0].length;
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
}

function stream(dict, data) {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${bytes.length} >>\nstream\n`, 'latin1'),
    bytes,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

// a 64×96 grey "scan": paper-white with dark bands where lines of print would be
const width = 64;
const height = 96;
const pixels = Buffer.alloc(width * height);
for (let y = 0; y < height; y++) {
  for (let x = 0; x < width; x++) {
    const printed = y % 8 < 3 && x > 4 && x < width - 4 && (x * 7 + y * 3) % 5 !== 0;
    pixels[y * width + x] = printed ? 40 : 235;
  }
}

const scanned = pdf([
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>',
  // page 1: the scanned image over the whole page
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
  stream('', 'q 595 0 0 842 0 0 cm /Im1 Do Q'),
  stream(
    `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8`,
    pixels,
  ),
  // page 2: a red seal drawn with curves and a star, and a page number, the only text
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 8 0 R >> >> /Contents 7 0 R >>',
  stream(
    '',
    [
      '0.8 0 0 RG 3 w',
      '420 300 m 420 355 375 400 320 400 c 265 400 220 355 220 300 c',
      '220 245 265 200 320 200 c 375 200 420 245 420 300 c S',
      '0.8 0 0 rg 320 340 m 332 310 l 364 310 l 338 290 l 348 258 l 320 278 l 292 258 l 302 290 l 276 310 l 308 310 l f',
      'BT /F1 10 Tf 286 40 Td (- 2 -) Tj ET',
    ].join('\n'),
  ),
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
]);
writeFileSync(path.join(outDir, 'scanned.pdf'), scanned);

// ---- notice.docx ---------------------------------------------------------------------------------

const cell = (text) => new TableCell({ children: [new Paragraph(text)] });
const notice = new Document({
  creator: 'gongkai test fixture',
  title: '关于做好2024年政府信息公开工作的通知',
  sections: [
    {
      children: [
        new Paragraph({
          text: '示例县人民政府办公室关于做好2024年政府信息公开工作的通知',
          heading: HeadingLevel.HEADING_1,
          alignment: AlignmentType.CENTER,
        }),
        // copied from a PDF made with a Noto/Source Han font: ⼈ U+2F08 and ⺠ U+2EA0, not 人民
        new Paragraph('各乡镇\u2f08\u2ea0政府，县直各单位：'),
        // letter-spaced with ideographic spaces, as headings of notices often are
        new Paragraph({ text: '说\u3000\u3000明', alignment: AlignmentType.CENTER }),
        new Paragraph({
          children: [
            new TextRun('依申请公开'),
            new TextRun({ text: '答复期限', bold: true }),
            new TextRun('为20个工作日。'),
          ],
        }),
        new Table({
          rows: [
            new TableRow({ children: [cell('序号'), cell('工作事项'), cell('完成时限')] }),
            new TableRow({ children: [cell('1'), cell('主动公开目录更新'), cell('2024年6月30日')] }),
            new TableRow({ children: [cell('2'), cell('政府信息公开工作年度报告'), cell('2025年1月31日')] }),
          ],
        }),
        new Paragraph('联系电话：0000-6012350\u3000\u3000联系人：县政府办公室'),
      ],
    },
  ],
});
writeFileSync(path.join(outDir, 'notice.docx'), await Packer.toBuffer(notice));

// ---- budget.xlsx ---------------------------------------------------------------------------------

const budget = await writeExcelFile([
  {
    sheet: '收支总表',
    data: [
      ['项目', '金额（万元）', '备注'],
      ['一般公共预算拨款', 78532.1, null],
      ['政府性基金预算拨款', 1200, '含专项债券'],
      [null, null, null],
      ['编制日期', { value: new Date(Date.UTC(2024, 0, 15)), format: 'yyyy-mm-dd' }, null],
      ['是否公开', true, null],
    ],
  },
  { sheet: 'Sheet2', data: [['第二张表没有改名']] },
  {
    sheet: '项目明细',
    data: [
      ['项目名称', '绩效目标'],
      ['校舍维修', '完成8所学校维修'],
    ],
  },
]).toBuffer();
writeFileSync(path.join(outDir, 'budget.xlsx'), budget);

for (const name of ['scanned.pdf', 'notice.docx', 'budget.xlsx'])
  console.log(`wrote test/fixtures/attachments/${name}`);
