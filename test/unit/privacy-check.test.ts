// The personal-information guard as editors meet it (src/lib/checks/privacy.ts): through loadSite
// and loadSiteAsync, the path the build, `npm run check` and `npx gongkai check` take, on a fixture
// column. Exact messages, the masked number only (never the number itself, in any output),
// fingerprints and exceptions, public phones, report data and attachments of every type read.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import writeExcelFile from 'write-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveBuildOptions } from '../../src/lib/build-options.ts';
import { formatReport } from '../../src/lib/diagnostics.ts';
import { scanAttachments, type AttachmentScan } from '../../src/lib/privacy/attachments.ts';
import { fingerprint, privacyKey } from '../../src/lib/privacy/fingerprint.ts';
import { extractAttachmentTexts } from '../../src/lib/search/attachment-texts.ts';
import { loadSite, loadSiteAsync } from '../../src/lib/site.ts';
import type { Diagnostic } from '../../src/lib/types.ts';
import { BASE_DOC, SITE_YAML, doc, expectDiagnostics, writeColumn } from './fixture-column.ts';
import { reportFiles } from './report-fixture.ts';
import { main } from '../../src/cli/main.ts';
import { badId18, card, id18 } from './privacy-numbers.ts';

const TODAY = '2026-11-27';
const A = 'documents/a.md';
const KEY_TEXT = 'test-key-0123456789abcdef';
const KEY = privacyKey({ privacyKey: KEY_TEXT });
const SITE = `${SITE_YAML}privacy_key: "${KEY_TEXT}"\n`;

const ID = id18('440106', '19900307', '123');
const BAD_ID = badId18('440106', '19900307', '123');
const MOBILE = '13912345678';
const CARD = card('622202', 16);
const NUMBERS = [ID, BAD_ID, MOBILE, CARD];

const fp = (kind: Parameters<typeof fingerprint>[1], digits: string) => fingerprint(KEY, kind, digits);
const LAW = '个人信息不得公开（《政府信息公开条例》第十五条、《个人信息保护法》）。';
const fix = (masked: string, fingerprint: string, phone = false) =>
  `删除该号码，或只写遮盖后的形式 ${masked}；${phone ? '如是单位对外公布的联系电话，在 site.yaml 的 public_phones 中列出该号码；' : ''}` +
  `如经审核依法必须公开（例如法律规定的公示），在本文件元数据的 privacy_exceptions 中写一项：fingerprint: "${fingerprint}" 和 reason（公开的依据）。`;

const cacheDirs: string[] = [];
afterAll(() => cacheDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const newCacheDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-privacy-cache-'));
  cacheDirs.push(dir);
  return dir;
};

function column(fields: Record<string, unknown>, body: string, extra: Record<string, string> = {}, site = SITE) {
  return writeColumn({ 'site.yaml': site, [A]: doc({ ...BASE_DOC, ...fields }, body), ...extra });
}

/** Neither the numbers nor their hidden middle appear in the report or the JSON. */
function expectNoNumbers(diags: Diagnostic[]): void {
  const outputs = [formatReport(diags), JSON.stringify(diags)];
  for (const out of outputs)
    for (const n of NUMBERS) {
      expect(out).not.toContain(n);
      expect(out).not.toContain(n.slice(6, 14));
    }
}

const privacyOnly = (diags: Diagnostic[]) =>
  diags.filter((d) => /^(personal-|privacy-|attachment-unreadable)/.test(d.code));

describe('bodies and frontmatter', () => {
  it('every kind in a body is an error with its line, masked number and fingerprint', () => {
    const body = `正文第一行。\n\n申请人身份证号：${ID}，手机 139-1234-5678。\n\n| 姓名 | 号码 |\n|---|---|\n| 王小明 | ${BAD_ID} |\n\n退款账号 ${CARD}。\n`;
    const site = loadSite(column({}, body), { today: TODAY });
    // the body starts on line 15 (13 lines of frontmatter between the fences, then a blank line)
    expectDiagnostics(site.diagnostics, [
      {
        level: 'error',
        code: 'personal-id-number',
        file: A,
        line: 17,
        field: 'body',
        fieldZh: '正文',
        message: `正文中有身份证号 440106********${ID.slice(-4)}（指纹 ${fp('id', ID)}）：${LAW}`,
        fix: fix(`440106********${ID.slice(-4)}`, fp('id', ID)),
      },
      {
        level: 'error',
        code: 'personal-mobile',
        file: A,
        line: 17,
        field: 'body',
        fieldZh: '正文',
        message: `正文中有手机号码 139****5678（指纹 ${fp('mobile', MOBILE)}）：${LAW}`,
        fix: fix('139****5678', fp('mobile', MOBILE), true),
      },
      {
        level: 'error',
        code: 'personal-id-like',
        file: A,
        line: 21,
        field: 'body',
        fieldZh: '正文',
        message:
          `正文中有疑似身份证号（校验码不符） 440106********${BAD_ID.slice(-4)}（指纹 ${fp('id-like', BAD_ID)}）：${LAW}` +
          '它的校验码或出生日期不符，但写在姓名或“身份证”旁边，仍按身份证号处理。',
      },
      {
        level: 'error',
        code: 'personal-bank-card',
        file: A,
        line: 23,
        field: 'body',
        fieldZh: '正文',
        message: `正文中有银行卡号 6222 **** **** ${CARD.slice(-4)}（指纹 ${fp('bank-card', CARD)}）：${LAW}`,
      },
    ]);
    expectNoNumbers(site.diagnostics);
  });

  it('free-text frontmatter fields are scanned too, the field named both ways', () => {
    const site = loadSite(column({ summary: `联系人手机${MOBILE}` }, '正文。\n'), { today: TODAY });
    expectDiagnostics(site.diagnostics, [
      {
        level: 'error',
        code: 'personal-mobile',
        file: A,
        line: 13,
        field: 'summary',
        fieldZh: '内容概述',
        message: `内容概述中有手机号码 139****5678（指纹 ${fp('mobile', MOBILE)}）：${LAW}`,
      },
    ]);
  });

  it('a clean column, the sample column’s kinds of numbers: nothing', () => {
    const body =
      '索引号 11999999999900011L/202103-00012，文号 测政办〔2021〕3号。联系电话：0000-6012345，(0571)87654321，' +
      '400-800-1234。预算 1234567890123456.78 元，13500000000元。已公示：440106********1232、139****5678。\n';
    expect(loadSite(column({}, body), { today: TODAY }).diagnostics).toEqual([]);
  });
});

describe('exceptions and public phones', () => {
  it('an exception naming a finding’s fingerprint silences it; one naming nothing is a warning', () => {
    const body = `公示：${ID}\n`;
    const exceptions = [
      { fingerprint: fp('id', ID), reason: '法律规定的公示' },
      { fingerprint: 'abcdef012345', reason: '已删除的号码' },
    ];
    const site = loadSite(column({ privacy_exceptions: exceptions }, body), { today: TODAY });
    expectDiagnostics(site.diagnostics, [
      {
        level: 'warning',
        code: 'personal-info-exception-unused',
        file: A,
        line: 16,
        field: 'privacy_exceptions.1',
        fieldZh: '个人信息例外',
        message:
          '例外的指纹 abcdef012345 在本文件的正文、元数据、年报数据和附件中都找不到对应的个人信息（号码已删除、已遮盖或已改动）。',
        fix: '删除这一项例外；如号码改动后仍须公开，按新的检查提示写入新的指纹。',
      },
    ]);
  });

  it('an exception’s fingerprint must be the 12 characters a message prints', () => {
    const site = loadSite(column({ privacy_exceptions: [{ fingerprint: '440106', reason: '公示' }] }, '正文。\n'), {
      today: TODAY,
    });
    expect(site.diagnostics.map((d) => [d.code, d.field, d.message])).toEqual([
      [
        'schema',
        'privacy_exceptions.fingerprint',
        '指纹是检查提示中“指纹”后面的 12 位字符（0–9、a–f），请原样复制。（第 1 项）',
      ],
    ]);
  });

  it('a mobile number listed in site.yaml public_phones is not a finding, in any spelling', () => {
    const site = `${SITE}public_phones: ["139-1234-5678", 18612345678]\n`;
    const body = `咨询电话：${MOBILE}、186 1234 5678，另有 13712345678。\n`;
    expect(loadSite(column({}, body, {}, site), { today: TODAY }).diagnostics.map((d) => d.message)).toEqual([
      `正文中有手机号码 137****5678（指纹 ${fp('mobile', '13712345678')}）：${LAW}`,
    ]);
  });

  it('public_phones takes mobile numbers only', () => {
    const site = `${SITE}public_phones: ["0571-87654321"]\n`;
    expect(
      loadSite(column({}, '正文。\n', {}, site), { today: TODAY }).diagnostics.map((d) => [d.code, d.field]),
    ).toEqual([['schema', 'public_phones']]);
  });

  it('privacy_key must be long enough to be a secret', () => {
    const site = `${SITE_YAML}privacy_key: short\n`;
    expect(
      loadSite(column({}, '正文。\n', {}, site), { today: TODAY }).diagnostics.map((d) => [d.code, d.field, d.message]),
    ).toEqual([['schema', 'privacy_key', '个人信息指纹密钥至少写 16 个字符，用随机生成的字符串。']]);
  });

  it('without privacy_key, a column with findings is warned that its fingerprints can be reversed', () => {
    const site = loadSite(column({}, `手机${MOBILE}\n`, {}, SITE_YAML), { today: TODAY });
    const key = privacyKey({ organisation: { code: '11999999999900011L' } });
    expect(site.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['personal-mobile', A],
      ['privacy-key-missing', 'site.yaml'],
    ]);
    expect(site.diagnostics[0]!.message).toContain(fingerprint(key, 'mobile', MOBILE));
    expectDiagnostics(site.diagnostics.slice(1), [
      {
        level: 'warning',
        code: 'privacy-key-missing',
        file: 'site.yaml',
        field: 'privacy_key',
        fieldZh: '个人信息指纹密钥',
        message:
          '没有设置个人信息指纹密钥：指纹由公开的机构代码算出，看到检查提示（遮盖后的号码和指纹）的人可以反推出完整号码。',
      },
    ]);
    // a column without findings is not told
    expect(loadSite(column({}, '正文。\n', {}, SITE_YAML), { today: TODAY }).diagnostics).toEqual([]);
  });
});

describe('annual reports: the data file and CSV tables', () => {
  it('a CSV table is scanned with its header, the finding on the table’s own file and line', () => {
    const csv = `序号,姓名,身份证号\n1,王小明,${BAD_ID}\n2,李红,${ID}\n`;
    const dir = column(
      {
        genre: '年报',
        section: '政府信息公开年报',
        title: '测试县人民政府2018年政府信息公开工作年度报告',
        report: { year: 2018, tables: [{ file: '附表1.csv', title: '附表1' }] },
      },
      '一、总体情况\n',
      { 'documents/附表1.csv': csv },
    );
    const found = privacyOnly(loadSite(dir, { today: TODAY }).diagnostics);
    expect(found.map((d) => [d.code, d.file, d.line, d.message.split('（指纹')[0]])).toEqual([
      [
        'personal-id-like',
        'documents/附表1.csv',
        2,
        `附表“附表1”中有疑似身份证号（校验码不符） 440106********${BAD_ID.slice(-4)}`,
      ],
      ['personal-id-number', 'documents/附表1.csv', 3, `附表“附表1”中有身份证号 440106********${ID.slice(-4)}`],
    ]);
  });
});

describe('annual reports: the data file', () => {
  it('a number in the data file (a comment too) is a finding on that file and line', () => {
    const files = reportFiles({ name: 'gov-2021', year: 2021 });
    const data = 'documents/reports/gov-2021.yaml';
    files[data] = files[data]!.replace(/\n/, `\n# 填报人手机 ${MOBILE}\n`);
    const found = privacyOnly(loadSite(writeColumn({ 'site.yaml': SITE, ...files }), { today: TODAY }).diagnostics);
    expect(found.map((d) => [d.code, d.file, d.line, d.field, d.message.split('（指纹')[0]])).toEqual([
      ['personal-mobile', data, 2, undefined, '年报数据文件中有手机号码 139****5678'],
    ]);
  });
});

describe('npx gongkai check', () => {
  it('--json lists the findings, masked, and exits 1', async () => {
    const dir = column({}, `手机 ${MOBILE}，身份证 ${ID}\n`);
    let out = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      out += chunk;
      return true;
    }) as typeof process.stdout.write;
    let status: number;
    try {
      status = await main(['node', 'gongkai', '--content', dir, '--json', 'check']);
    } finally {
      process.stdout.write = write;
    }
    expect(status).toBe(1);
    const json = JSON.parse(out) as { diagnostics: Diagnostic[] };
    expect(json.diagnostics.map((d) => d.code)).toEqual(['personal-mobile', 'personal-id-number']);
    for (const n of NUMBERS) expect(out).not.toContain(n);
  });

  it('an attachment named alone brings the findings in it, reported on its document', async () => {
    const dir = column({ attachments: [{ file: 'a.txt', title: '名单' }] }, '正文。\n', {
      'documents/a.txt': `联系人 ${MOBILE}\n`,
    });
    let out = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      out += chunk;
      return true;
    }) as typeof process.stdout.write;
    try {
      await main(['node', 'gongkai', '--content', dir, '--json', 'check', path.join(dir, 'documents/a.txt')]);
    } finally {
      process.stdout.write = write;
      // the command keeps its scans in the build cache of that content folder: not in node_modules
      rmSync(resolveBuildOptions({ GONGKAI_CONTENT: dir }).cacheDir, { recursive: true, force: true });
    }
    const json = JSON.parse(out) as { diagnostics: Diagnostic[] };
    expect(json.diagnostics.map((d) => [d.code, d.file, d.field])).toEqual([['personal-mobile', A, 'attachments.0']]);
  });
});

// ---- attachments ----------------------------------------------------------------------------------

/** A minimal PDF with a text layer: one page per string (Helvetica, ASCII). */
function textPdf(pages: string[]): Buffer {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', ''];
  const kids: string[] = [];
  const font = 3 + pages.length * 2;
  pages.forEach((text, i) => {
    const page = 3 + i * 2;
    kids.push(`${page} 0 R`);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${page + 1} 0 R >>`,
    );
    const content = `BT /F1 12 Tf 72 700 Td (${text}) Tj ET`;
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>`;
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/attachments');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function attachmentColumn(exceptions?: { fingerprint: string; reason: string }[]) {
  const files: [string, string][] = [
    ['a.txt', '附件1'],
    ['b.csv', '附件2'],
    ['c.txt', '附件3'],
    ['d.docx', '附件4'],
    ['e.xlsx', '附件5'],
    ['f.pdf', '附件6'],
    ['g.pdf', '附件7：盖章件'],
    ['h.png', '附件8'],
    ['i.doc', '附件9'],
    ['j.pdf', '附件10'],
  ];
  const dir = column(
    {
      attachments: files.map(([file, title]) => ({ file, title })),
      ...(exceptions ? { privacy_exceptions: exceptions } : {}),
    },
    '正文。\n',
    {
      'documents/a.txt': `名单\n\n联系人 王小明 ${MOBILE}\n`,
      'documents/b.csv': `序号,证件号码\n1,${BAD_ID}\n`,
      'documents/c.txt': `说明\n\n卡号 ${CARD}\n`,
    },
  );
  const docx = new Document({
    sections: [{ children: [new Paragraph('公示名单'), new Paragraph(`王小明 身份证号 ${ID}`)] }],
  });
  writeFileSync(path.join(dir, 'documents/d.docx'), await Packer.toBuffer(docx));
  const xlsx = await writeExcelFile([
    { sheet: '说明', data: [['本表为示例']] },
    {
      sheet: '名单',
      data: [
        ['姓名', '手机'],
        ['王小明', '138 1234 5678'],
      ],
    },
  ]).toBuffer();
  writeFileSync(path.join(dir, 'documents/e.xlsx'), xlsx);
  writeFileSync(path.join(dir, 'documents/f.pdf'), textPdf(['Notice page one', `Contact 186-1234-5678 today`]));
  copyFileSync(path.join(FIXTURES, 'scanned.pdf'), path.join(dir, 'documents/g.pdf'));
  writeFileSync(path.join(dir, 'documents/h.png'), PNG);
  writeFileSync(path.join(dir, 'documents/i.doc'), Buffer.from('d0cf11e0a1b11ae1', 'hex'));
  writeFileSync(path.join(dir, 'documents/j.pdf'), '%PDF-1.4\nbroken');
  return dir;
}

describe('attachments (loadSiteAsync)', () => {
  it('each type read names its place; scans, images and other types are said to be unchecked', async () => {
    const dir = await attachmentColumn();
    const cacheDir = newCacheDir();
    const site = await loadSiteAsync(dir, { today: TODAY, cacheDir });
    const found = site.diagnostics.map((d) => [d.level, d.code, d.field, d.line, d.message.split('（指纹')[0]]);
    expect(found).toEqual([
      ['error', 'personal-mobile', 'attachments.0', 14, '附件“附件1”（a.txt）第 3 行有手机号码 139****5678'],
      [
        'error',
        'personal-id-like',
        'attachments.1',
        16,
        `附件“附件2”（b.csv）第 2 行有疑似身份证号（校验码不符） 440106********${BAD_ID.slice(-4)}`,
      ],
      [
        'error',
        'personal-bank-card',
        'attachments.2',
        18,
        `附件“附件3”（c.txt）第 3 行有银行卡号 6222 **** **** ${CARD.slice(-4)}`,
      ],
      [
        'error',
        'personal-id-number',
        'attachments.3',
        20,
        `附件“附件4”（d.docx）第 2 段有身份证号 440106********${ID.slice(-4)}`,
      ],
      [
        'error',
        'personal-mobile',
        'attachments.4',
        22,
        '附件“附件5”（e.xlsx）工作表“名单”第 2 行有手机号码 138****5678',
      ],
      ['error', 'personal-mobile', 'attachments.5', 24, '附件“附件6”（f.pdf）第 2 页有手机号码 186****5678'],
      [
        'warning',
        'personal-info-unchecked',
        'attachments.6',
        26,
        '无法检查个人信息：附件“附件7：盖章件”（g.pdf）是扫描件，没有文字层；它既不便于读屏软件朗读（无障碍），也不能被站内搜索检索。',
      ],
      [
        'warning',
        'personal-info-unchecked',
        'attachments.7',
        28,
        '无法检查个人信息：附件“附件8”（h.png）是图片，读不出其中的文字。',
      ],
      [
        'warning',
        'personal-info-unchecked',
        'attachments.8',
        30,
        '无法检查个人信息：附件“附件9”（i.doc）是 .doc 文件，读不出其中的文字。',
      ],
      [
        'warning',
        'attachment-unreadable',
        'attachments.9',
        32,
        '附件“附件10”（j.pdf）无法读取，站内搜索检索不到其内容，也无法检查其中的个人信息：无法读取 PDF 文件：文件已损坏或格式不正确。请用原软件打开检查，重新导出后再上传。',
      ],
    ]);
    expect(site.diagnostics[6]!.fix).toBe(
      '请人工核对其中有没有身份证号、手机号码、银行卡号等个人信息；最好换成由原文件直接导出的 PDF，或对扫描件做文字识别（OCR）后再发布。',
    );
    expectNoNumbers(site.diagnostics);
    // images and other types are not read: 8 of the 10
    expect(site.attachmentScan).toMatchObject({ attachments: 10, scanned: 8, cached: 0 });

    // the next run reads nothing again; the search finds every text in the cache (one extraction per build)
    const again = await loadSiteAsync(dir, { today: TODAY, cacheDir });
    expect(again.diagnostics).toEqual(site.diagnostics);
    expect(again.attachmentScan).toMatchObject({ scanned: 0, cached: 8 });
    const sources = ['d.docx', 'e.xlsx', 'f.pdf'].map((f) => `documents/${f}`);
    expect(await extractAttachmentTexts(dir, sources, cacheDir)).toMatchObject({ extracted: 0, cached: 3 });

    // a changed file is scanned again; a copy under another name is known by its content
    writeFileSync(path.join(dir, 'documents/a.txt'), '名单已撤回。\n');
    const changed = await loadSiteAsync(dir, { today: TODAY, cacheDir });
    expect(changed.attachmentScan).toMatchObject({ scanned: 1, cached: 7 });
    copyFileSync(path.join(dir, 'documents/f.pdf'), path.join(dir, 'documents/copy.pdf'));
    const copied = await scanAttachments(dir, ['documents/f.pdf', 'documents/copy.pdf'], {
      cacheDir,
      key: KEY,
      today: TODAY,
    });
    expect(copied).toMatchObject({ scanned: 0, cached: 2 });
    expect(copied.scans.get('documents/copy.pdf')).toEqual(copied.scans.get('documents/f.pdf'));
    expect(privacyOnly(changed.diagnostics).map((d) => d.field)).not.toContain('attachments.0');
  }, 60_000);

  it('exceptions apply to a document’s attachments', async () => {
    const exceptions = [
      { fingerprint: fp('mobile', MOBILE), reason: '公示联系人' },
      { fingerprint: fp('mobile', '18612345678'), reason: '公示联系人' },
    ];
    const site = await loadSiteAsync(await attachmentColumn(exceptions), { today: TODAY, cacheDir: newCacheDir() });
    const mobiles = site.diagnostics.filter((d) => d.code === 'personal-mobile').map((d) => d.field);
    expect(mobiles).toEqual(['attachments.4']);
    expect(site.diagnostics.filter((d) => d.code === 'personal-info-exception-unused')).toEqual([]);
  }, 60_000);

  it('files the body links are scanned like attachments; body images are not warned about', async () => {
    const body = '正文。\n\n[名单](名单.txt)\n\n[盖章件](盖章件.pdf)\n\n![图](图.png)\n';
    const dir = column({}, body, { 'documents/名单.txt': `联系人 ${MOBILE}\n` });
    copyFileSync(path.join(FIXTURES, 'scanned.pdf'), path.join(dir, 'documents/盖章件.pdf'));
    writeFileSync(path.join(dir, 'documents/图.png'), PNG);
    const site = await loadSiteAsync(dir, { today: TODAY, cacheDir: newCacheDir() });
    expect(site.diagnostics.map((d) => [d.code, d.field, d.line, d.message.split('（指纹')[0]])).toEqual([
      ['personal-mobile', 'body', 17, '正文链接的文件“名单.txt”第 1 行有手机号码 139****5678'],
      [
        'personal-info-unchecked',
        'body',
        19,
        '无法检查个人信息：正文链接的文件“盖章件.pdf”是扫描件，没有文字层；它既不便于读屏软件朗读（无障碍），也不能被站内搜索检索。',
      ],
    ]);
  });

  it('without attachment scans (loadSite alone) attachments are not judged, nor exceptions that may concern them', async () => {
    const dir = await attachmentColumn([{ fingerprint: 'abcdef012345', reason: '公示' }]);
    expect(privacyOnly(loadSite(dir, { today: TODAY }).diagnostics)).toEqual([]);
  });

  it('an attachment longer than the guard reads is a warning saying how much was checked', async () => {
    const dir = await attachmentColumn();
    const sources = ['documents/d.docx'];
    const { scans } = await scanAttachments(dir, sources, {
      cacheDir: newCacheDir(),
      key: KEY,
      today: TODAY,
      maxChars: 6,
    });
    expect(scans.get('documents/d.docx')).toMatchObject({ state: 'text', checkedChars: 6 });
    const attachmentScans = new Map<string, AttachmentScan>([['documents/d.docx', scans.get('documents/d.docx')!]]);
    const found = loadSite(dir, { today: TODAY, attachmentScans }).diagnostics.filter(
      (d) => d.code === 'personal-info-partly-checked',
    );
    expectDiagnostics(found, [
      {
        level: 'warning',
        code: 'personal-info-partly-checked',
        file: A,
        line: 20,
        field: 'attachments.3',
        fieldZh: '附件',
        message: '附件“附件4”（d.docx）很长，个人信息只检查了前 6 个字，其余部分没有检查。',
        fix: '请人工核对其余部分中有没有身份证号、手机号码、银行卡号等个人信息，或把它拆成几个附件。',
      },
    ]);
  });
});
