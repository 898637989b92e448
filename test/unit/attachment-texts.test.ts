// The personal-information guard reads an attachment in full and writes the search's cache entry
// from that text (src/lib/privacy/attachments.ts): capAttachmentText must give what attachmentText
// gives with the search's cap, so a build extracts each attachment once. An attachment the search
// cannot read is a warning of the guard now ('attachment-unreadable', test/unit/privacy-check.test.ts).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentText } from '../../src/lib/search/attachment-text.ts';
import { capAttachmentText } from '../../src/lib/search/attachment-texts.ts';

const root = path.resolve(import.meta.dirname, '../..');
const FILES = [
  'test/fixtures/attachments/notice.docx',
  'test/fixtures/attachments/budget.xlsx',
  'content/documents/2024/education-bumen-yusuan-2024/附件1.pdf',
].map((f) => path.join(root, f));

describe('a capped search text made from a longer reading', () => {
  it.each(FILES.map((f) => [path.basename(f), f]))(
    '%s: the same as reading with the cap',
    async (_name, file) => {
      const full = await attachmentText(file, { maxChars: 1_000_000 });
      expect(full.kind).toBe('text');
      for (const cap of [40, 200]) {
        const direct = await attachmentText(file, { maxChars: cap });
        const made = capAttachmentText(full, cap);
        expect(made.kind === 'text' && made.text).toBe(direct.kind === 'text' && direct.text);
        expect(made.kind === 'text' && made.marks).toEqual(direct.kind === 'text' && direct.marks);
      }
    },
    30_000,
  );

  it('marks say where each PDF page and spreadsheet row starts', async () => {
    const xlsx = await attachmentText(FILES[1]!);
    if (xlsx.kind !== 'text') throw new Error('expected text');
    const lines = xlsx.text.split('\n');
    expect(xlsx.marks?.map(([at, label]) => [label, xlsx.text.slice(at).split('\n')[0]])).toEqual([
      ['工作表“收支总表”', '收支总表'],
      ['工作表“收支总表”第 1 行', lines[1]],
      ['工作表“收支总表”第 2 行', lines[2]],
      ['工作表“收支总表”第 3 行', lines[3]],
      ['工作表“收支总表”第 5 行', lines[4]],
      ['工作表“收支总表”第 6 行', lines[5]],
      ['工作表“Sheet2”第 1 行', lines[6]],
      ['工作表“项目明细”', '项目明细'],
      ['工作表“项目明细”第 1 行', lines[8]],
      ['工作表“项目明细”第 2 行', lines[9]],
    ]);
    const pdf = await attachmentText(FILES[2]!);
    expect(pdf.kind === 'text' && pdf.marks?.[0]).toEqual([0, '第 1 页']);
  }, 30_000);
});
