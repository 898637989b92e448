import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { attachmentText, decodeText, normaliseText } from '../../src/lib/search/attachment-text.ts';

const root = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(root, 'test/fixtures/attachments');
const DOCS = path.join(root, 'content/documents');
const SAMPLE_PDFS = [
  '2023/market-shipin-choujian-2023-3/附件2.pdf',
  '2024/education-bumen-yusuan-2024/附件1.pdf',
  '2021/gov-shisiwu-guihua/纲要主要指标表.pdf',
].map((rel) => path.join(DOCS, rel));
const [SHIPIN_PDF, YUSUAN_PDF] = SAMPLE_PDFS as [string, string, string];

const tmp = mkdtempSync(path.join(tmpdir(), 'gongkai-attachment-text-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes a file into the temporary folder and returns its path. */
function tmpFile(name: string, content: string | Uint8Array): string {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  return file;
}

async function textOf(file: string, maxChars?: number): Promise<string> {
  const result = await attachmentText(file, { maxChars });
  if (result.kind !== 'text') throw new Error(`expected text from ${file}, got ${JSON.stringify(result)}`);
  return result.text;
}

// the first PDF loads PDF.js (~0.5 s, more on a busy machine)
const PDF_TIMEOUT = 30_000;

describe('PDF', () => {
  it(
    'reads the Chinese text layer of a sample attachment (CID font with a predefined CMap)',
    async () => {
      const text = await textOf(SHIPIN_PDF);
      expect(text.startsWith('食品安全监督抽检不合格产品信息（示例县市场监督管理局2023年第3期，示例数据）\n')).toBe(
        true,
      );
      expect(text).toContain('不合格项目：菌落总数（检验结果210000，标准值不超过80000，CFU/g）');
      expect(text).toContain('处置情况：已责令下架、召回，并依法立案调查。');
      expect(await textOf(YUSUAN_PDF)).toContain('一般公共预算拨款 78532.10 政府性基金预算拨款 1200.00');
    },
    PDF_TIMEOUT,
  );

  it.each(SAMPLE_PDFS.map((file) => [path.basename(file), file]))(
    '%s: the same characters as poppler’s pdftotext',
    async (_name, file) => {
      // the order of table columns may differ between the two; each character must come out right
      const poppler = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(poppler.status, 'pdftotext (poppler-utils) must be installed; scripts/test.mjs installs it').toBe(0);
      const chars = (s: string) => [...normaliseText(s).replace(/\s+/g, '')].sort().join('');
      expect(chars(await textOf(file))).toBe(chars(poppler.stdout));
    },
    PDF_TIMEOUT,
  );

  it(
    'a PDF whose pages are an image and a drawing, with only a page number as text, is a scanned PDF',
    async () => {
      expect(await attachmentText(path.join(FIXTURES, 'scanned.pdf'))).toEqual({
        kind: 'no-text',
        reason: 'scanned-pdf',
      });
    },
    PDF_TIMEOUT,
  );

  it(
    'caps the text at maxChars',
    async () => {
      const full = await textOf(SHIPIN_PDF);
      const capped = await textOf(SHIPIN_PDF, 20);
      expect(capped).toBe(full.slice(0, 20));
      expect(capped).toBe('食品安全监督抽检不合格产品信息（示例县市');
    },
    PDF_TIMEOUT,
  );
});

describe('DOCX', () => {
  it('reads paragraphs and table cells, one per line, with radicals and letter-spacing undone', async () => {
    expect((await textOf(path.join(FIXTURES, 'notice.docx'))).split('\n')).toEqual([
      '示例县人民政府办公室关于做好2024年政府信息公开工作的通知',
      '各乡镇人民政府，县直各单位：', // ⼈⺠ (Kangxi/CJK radicals) in the file
      '说明', // 说\u3000\u3000明 in the file
      '依申请公开答复期限为20个工作日。', // three runs, the middle one bold
      '序号',
      '工作事项',
      '完成时限',
      '1',
      '主动公开目录更新',
      '2024年6月30日',
      '2',
      '政府信息公开工作年度报告',
      '2025年1月31日',
      '联系电话：0000-6012350 联系人：县政府办公室',
    ]);
  });
});

describe('XLSX', () => {
  it('reads every sheet row by row, with named sheets’ names, dates as dates and no empty rows', async () => {
    expect((await textOf(path.join(FIXTURES, 'budget.xlsx'))).split('\n')).toEqual([
      '收支总表',
      '项目 金额（万元） 备注',
      '一般公共预算拨款 78532.1',
      '政府性基金预算拨款 1200 含专项债券',
      '编制日期 2024-01-15',
      '是否公开 TRUE',
      '第二张表没有改名', // sheet “Sheet2”: Excel’s default name is left out
      '项目明细',
      '项目名称 绩效目标',
      '校舍维修 完成8所学校维修',
    ]);
  });

  it('stops at maxChars', async () => {
    expect(await textOf(path.join(FIXTURES, 'budget.xlsx'), 12)).toBe('收支总表\n项目 金额（万');
  });
});

describe('CSV', () => {
  const CSV = '序号,职位名称,备注\n1,综合文字岗,"需经常深入企业一线，""能吃苦""\n另：限本县户籍"\n';
  const EXPECTED = '序号 职位名称 备注\n1 综合文字岗 需经常深入企业一线，"能吃苦" 另：限本县户籍';

  it('reads a sample attachment', async () => {
    const text = await textOf(path.join(DOCS, '2024/hrss-gongwuyuan-zhiwei-2024/职位表.csv'));
    expect(text.split('\n')[0]).toBe(
      '职位代码 招录机关 职位名称 录用名额 专业要求 学历要求 学位要求 其他条件 咨询电话',
    );
    expect(text).toContain('24990101 示例县人民政府办公室 综合文字岗 1 中国语言文学类、新闻传播学类');
  });

  it.each<[string, Uint8Array]>([
    ['UTF-8', new TextEncoder().encode(CSV)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)])],
    ['GBK', new Uint8Array(iconv.encode(CSV, 'gbk'))],
    ['GBK with CRLF', new Uint8Array(iconv.encode(CSV.replace(/\n/g, '\r\n'), 'gbk'))],
  ])('%s: cells unquoted, one row per line', async (encoding, bytes) => {
    expect(await textOf(tmpFile(`${encoding}.csv`, bytes))).toBe(EXPECTED);
  });

  it('a table of figures alone is text', async () => {
    expect(await textOf(tmpFile('figures.csv', '2023,84620.35\n2024,90210\n'))).toBe('2023 84620.35\n2024 90210');
  });

  it('an unclosed quote does not lose the text', async () => {
    expect(await textOf(tmpFile('unclosed.csv', '名称,值\n"示例县,1\n'))).toBe('名称,值\n"示例县,1');
  });
});

describe('TXT', () => {
  const TXT = '示例县人民政府\r\n关于印发\u3000政务公开  工作要点的通知\n\n\tPage 1\n';

  it.each<[string, Uint8Array]>([
    ['UTF-8', new TextEncoder().encode(TXT)],
    ['GBK', new Uint8Array(iconv.encode(TXT, 'gbk'))],
    ['UTF-16LE with BOM', new Uint8Array(iconv.encode(TXT, 'utf-16le', { addBOM: true }))],
  ])('%s', async (encoding, bytes) => {
    expect(await textOf(tmpFile(`${encoding}.txt`, bytes))).toBe(
      '示例县人民政府\n关于印发政务公开工作要点的通知\nPage 1',
    );
  });

  it('reads only the start of a huge file and cuts it at maxChars', async () => {
    // 20,000 lines of GBK: far past what maxChars 1,000 needs; the read is cut at a line end
    const line = '政府信息公开工作年度报告第一部分总体情况。\n';
    const file = tmpFile('huge.txt', iconv.encode(line.repeat(20_000), 'gbk'));
    const text = await textOf(file, 1_000);
    expect(text.length).toBeLessThanOrEqual(1_000);
    expect(text).toBe(normaliseText(line.repeat(60)).slice(0, 1_000));
    expect(text).not.toContain('\ufffd');
  });

  it('does not split a character outside the BMP at the cap', async () => {
    expect(await textOf(tmpFile('astral.txt', '王𬌗'), 2)).toBe('王');
  });
});

describe('empty and unsupported files', () => {
  it.each([
    ['empty.txt', ''],
    ['blank.txt', ' \n\u3000\n'],
    ['empty.csv', ''],
    ['commas.csv', ',,\n,,\n'],
  ])('%s: no text', async (name, content) => {
    expect(await attachmentText(tmpFile(name, content))).toEqual({ kind: 'no-text', reason: 'empty' });
  });

  it.each(['地区生产总值.png', 'scan.jpg', '附件.zip', '旧表格.xls', '旧文档.doc', '通知.wps', '公文.ofd', 'README'])(
    '%s: unsupported, without reading it',
    async (name) => {
      // the file does not exist: the type alone decides
      expect(await attachmentText(path.join(tmp, name))).toEqual({ kind: 'unsupported' });
    },
  );
});

describe('unreadable files give a Chinese message', () => {
  const docx = readFileSync(path.join(FIXTURES, 'notice.docx'));
  const cases: [string, string | Uint8Array, string][] = [
    [
      'corrupt.pdf',
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nthis is not a PDF body\n',
      '无法读取 PDF 文件：文件已损坏或格式不正确。请用原软件打开检查，重新导出后再上传。',
    ],
    [
      'page.pdf',
      '<!DOCTYPE html><html><body>404</body></html>',
      '文件内容不是 PDF 文件，看起来是网页或 XML 文件（可能是下载失败时保存的网页）。请确认上传的文件无误，或改正扩展名。',
    ],
    ['empty.pdf', '', '文件是空的（0 字节），不是有效的 PDF 文件。请重新导出后再上传。'],
    [
      'truncated.docx',
      docx.subarray(0, 2_000),
      '无法读取 Word（.docx）文件：文件已损坏或格式不正确。请用原软件打开检查，重新导出后再上传。',
    ],
    [
      'renamed.xlsx',
      docx,
      '文件内容不是 Excel（.xlsx）文件，看起来是 Word（.docx）文件。请确认上传的文件无误，或改正扩展名。',
    ],
    [
      'old.docx',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
      '文件内容不是 Word（.docx）文件，看起来是旧版 Office 或 WPS 文件（.doc、.xls、.wps 等）。请确认上传的文件无误，或改正扩展名。',
    ],
  ];

  it.each(cases)(
    '%s',
    async (name, content, message) => {
      expect(await attachmentText(tmpFile(name, content))).toEqual({ kind: 'error', message });
    },
    PDF_TIMEOUT,
  );

  it('a missing file', async () => {
    expect(await attachmentText(path.join(tmp, '缺失的附件.pdf'))).toEqual({
      kind: 'error',
      message: '找不到文件“缺失的附件.pdf”。',
    });
  });

  it('a sample PDF cut short', async () => {
    const file = path.join(tmp, 'cut.pdf');
    copyFileSync(SHIPIN_PDF, file);
    writeFileSync(file, readFileSync(file).subarray(0, 400));
    const result = await attachmentText(file);
    expect(result.kind).toBe('error');
    expect(result.kind === 'error' && result.message).toMatch(/^无法读取 PDF 文件：/);
  });

  it('maxChars must be a positive integer', async () => {
    await expect(attachmentText(SHIPIN_PDF, { maxChars: 0 })).rejects.toThrow(RangeError);
    await expect(attachmentText(SHIPIN_PDF, { maxChars: 1.5 })).rejects.toThrow(RangeError);
  });
});

describe('normaliseText', () => {
  it.each([
    ['Kangxi and CJK radicals from PDFs made with Noto/Source Han fonts', '⼈⺠政府⻔⼾⽹站', '人民政府门户网站'],
    ['CJK compatibility ideographs', '\uf900\ufa10', '豈塚'],
    ['a space between Chinese characters', '说\u3000\u3000明\n第1表 部门收支总表', '说明\n第1表部门收支总表'],
    [
      'spaces next to Latin letters and digits are kept',
      '附表另存为 CSV 文件，共 3 张',
      '附表另存为 CSV 文件，共 3 张',
    ],
    ['invisible and control characters', '\ufeff政务\u200b公开\u0007', '政务公开'],
    ['empty lines and CRLF', 'a\r\n\r\n\r\nb\rc', 'a\nb\nc'],
  ])('%s', (_what, input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it('joins a PDF line wrap between Chinese characters when asked, and no other', () => {
    const text = '正文据延平区人民政府门户\n网站发布\n2019年\n1月\n（一）\n公开';
    expect(normaliseText(text, { joinCjkLines: true })).toBe('正文据延平区人民政府门户网站发布\n2019年\n1月（一）公开');
    expect(normaliseText(text)).toBe(text);
  });
});

describe('decodeText', () => {
  it.each(['公开', '政府信息公开', '第1表 部门收支总表'])(
    'reads short GBK that chardet takes for Big5 or Shift_JIS: %s',
    (text) => {
      expect(decodeText(new Uint8Array(iconv.encode(text, 'gbk')))).toBe(text);
    },
  );

  it('reads Big5', () => {
    expect(decodeText(new Uint8Array(iconv.encode('政府資訊公開工作年度報告，政府資訊公開申請', 'big5')))).toBe(
      '政府資訊公開工作年度報告，政府資訊公開申請',
    );
  });
});
