// gongkai import-doc (src/lib/import/doc.ts, text.ts): the 文号, dates and labels as Chinese documents
// write them, and the two .docx fixtures of scripts/make-import-fixtures.mjs converted: the drafted
// frontmatter, the Markdown body (headings, GFM table, footnote, image) and the Chinese notes on what
// was not found or not carried over.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importDoc, type DocImport } from '../../src/lib/import/doc.ts';
import { chineseNumber, dateLine, findDate, findDocNo, labelCore, labelKey } from '../../src/lib/import/text.ts';
import { splitFrontmatter } from '../../src/lib/markdown.ts';
import { builtInGenres } from '../../src/lib/taxonomy.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const BODIES = [
  { id: 'gov-office', name: '示例县人民政府办公室', aliases: [] },
  { id: 'education', name: '示例县教育局', aliases: [] },
];
const convert = (name: string, publisher?: string) =>
  importDoc(readFileSync(path.join(FIXTURES, name)), {
    fileName: name,
    bodies: BODIES,
    genres: builtInGenres(),
    publisher,
  });
const frontmatterOf = (r: DocImport) => parseYaml(splitFrontmatter(r.markdown).matter) as Record<string, unknown>;

describe('文号 in any bracket spelling', () => {
  it.each([
    ['示政办〔2021〕5号', '示政办〔2021〕5号'],
    ['示政办[2021]05号', '示政办〔2021〕5号'],
    ['示政办(2021)5号', '示政办〔2021〕5号'],
    ['示政办（2021）第5号', '示政办〔2021〕5号'],
    ['示政办【2021】12号', '示政办〔2021〕12号'],
    ['示政办［２０２１］５号', '示政办〔2021〕5号'],
    ['签发人：张三　示政发 〔2022〕 1号', '示政发〔2022〕1号'],
  ])('%s → %s', (written, normalised) => {
    expect(findDocNo(written)?.normalised).toBe(normalised);
  });

  it.each(['根据有关规定', '2021年5号文件', '示政办〔21〕5号'])('%s has none', (text) => {
    expect(findDocNo(text)).toBeUndefined();
  });
});

describe('dates as documents write them', () => {
  it.each([
    ['2021年3月1日', '2021-03-01'],
    ['2021 年 03 月 01 日', '2021-03-01'],
    ['２０２１年３月１日', '2021-03-01'],
    ['二〇二一年三月一日', '2021-03-01'],
    ['二○二三年八月二十日', '2023-08-20'],
    ['二〇二一年十二月三十一日', '2021-12-31'],
    ['（2021年3月1日）', '2021-03-01'],
    ['2021-3-1', '2021-03-01'],
  ])('the line %s is the date %s', (line, date) => {
    expect(dateLine(line)).toBe(date);
  });

  it.each(['2021年2月30日', '本办法自2021年3月1日起施行。', '示例县人民政府办公室'])('%s is no date line', (line) => {
    expect(dateLine(line)).toBeUndefined();
  });

  it('finds a date inside a sentence, and reads Chinese numbers', () => {
    expect(findDate('本办法自2021年3月1日起施行')).toBe('2021-03-01');
    expect([chineseNumber('十'), chineseNumber('十二'), chineseNumber('二十'), chineseNumber('三十一')]).toEqual([
      10, 12, 20, 31,
    ]);
  });
});

describe('labels compared whatever their brackets, spaces and numbering', () => {
  it.each([
    ['(二) 部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开'],
    ['（二）部分公开', '部分公开'],
    ['1．属于国家秘密', '属于国家秘密'],
    ['1、属于国家秘密', '属于国家秘密'],
    ['3.危及"三安全一稳定"', '危及三安全一稳定'],
    ['一、本年新收政府信息公开申请数量', '本年新收政府信息公开申请数量'],
    ['商业 企业', '商业企业'],
    ['(七)总计', '总计'],
  ])('%s → %s', (label, core) => {
    expect(labelCore(label)).toBe(core);
  });

  it('keeps brackets full-width in keys', () => {
    expect(labelKey('第二十条第(一)项')).toBe('第二十条第（一）项');
  });
});

describe('a 公文 laid out in Word (notice.docx)', () => {
  let r: DocImport;
  beforeAll(async () => {
    r = await convert('notice.docx');
  });

  it('drafts the frontmatter from the 版头, 文号 line, title lines, 署名 and date', () => {
    expect(r.fields).toEqual({
      title: '示例县人民政府办公室关于印发《示例县2021年政务公开工作要点》的通知',
      doc_no: '示政办〔2021〕5号',
      written: '2021-03-01',
      publisher: '示例县人民政府办公室',
      publisherId: 'gov-office',
      genre: '通知',
    });
    const fm = frontmatterOf(r);
    expect(fm).toMatchObject({
      title: r.fields.title,
      doc_no: '示政办〔2021〕5号',
      written: '2021-03-01',
      genre: '通知',
    });
    // the fields nobody can read from the text: empty, with a “待补充” comment, listed
    expect(r.placeholders).toEqual(['index_no', 'topic', 'published', 'section']);
    for (const f of r.placeholders) expect(fm[f]).toBe('');
    expect(r.markdown).toMatch(/^index_no: "" # 待补充：索引号。/m);
    expect(r.stem).toBe('notice');
  });

  it('writes the body as Markdown: headings, a GFM table, the image with its alt text, a footnote', () => {
    const body = r.body;
    // the head is the frontmatter now
    expect(body).not.toContain('示例县人民政府办公室文件');
    expect(body).not.toContain('示政办');
    expect(body.startsWith('各乡镇人民政府，县直各单位：\n')).toBe(true);
    expect(body).toContain('\n## 一、工作目标\n');
    expect(body).toContain('\n### （一）完善公开平台\n');
    expect(body).toContain('| 任务 | 完成时限 | |\n| - | - | - |\n| | 上半年 | 下半年 |\n| 专栏改版 | 6月 | — |');
    expect(body).toContain('![2021年政务公开工作进度示意图](图1.png)');
    expect(body).toContain('《示例县2021年政务公开工作要点》[^1]已经县人民政府同意');
    expect(body).toContain('[^1]: 政务公开工作要点由县政务公开办公室每年印发。');
    // the 署名 and date stay, as the published text shows them; the text box's text follows its paragraph
    expect(body).toMatch(/示例县人民政府办公室\n\n2021年3月1日\n\n（此件公开发布）/);
    expect(body).toContain('联系人：县政务公开办公室 0000-6012345');
    expect(r.images).toHaveLength(1);
    expect(r.images[0]).toMatchObject({
      name: '图1.png',
      contentType: 'image/png',
      alt: '2021年政务公开工作进度示意图',
    });
    expect(Buffer.from(r.images[0]!.bytes).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('lists what it could not carry over: the comment, the text box, merged cells, the attachment', () => {
    const unmapped = r.notes.filter((n) => n.kind === 'unmapped').map((n) => n.message);
    expect(unmapped).toEqual([
      expect.stringContaining('1 条批注，未导入'),
      expect.stringContaining('1 个文本框'),
      expect.stringContaining('2 个合并单元格'),
      expect.stringContaining('正文提到附件（附件：示例县2021年政务公开工作要点）'),
    ]);
    const info = r.notes.filter((n) => n.kind === 'info').map((n) => n.message);
    expect(info).toContainEqual(
      expect.stringContaining('文号原文写作“示政办[2021]05号”，已按规范写成“示政办〔2021〕5号”'),
    );
    expect(info).toContainEqual(expect.stringContaining('1 个脚注或尾注'));
    // the missing fields come first, in frontmatter order
    expect(r.notes.slice(0, 4).map((n) => [n.kind, n.field])).toEqual([
      ['missing', 'index_no'],
      ['missing', 'topic'],
      ['missing', 'published'],
      ['missing', 'section'],
    ]);
  });
});

describe('a document typed without layout (plain.docx)', () => {
  let r: DocImport;
  beforeAll(async () => {
    r = await convert('plain.docx');
  });

  it('finds the title by its words, the date in Chinese numerals, the publisher by the title', () => {
    expect(r.fields).toMatchObject({
      title: '示例县教育局关于做好2023年秋季学期学生资助工作的通知',
      written: '2023-08-20',
      publisher: '示例县教育局',
      genre: '通知',
    });
    expect(r.fields.doc_no).toBeUndefined();
    expect(r.markdown).toContain('# doc_no: "" # 没有找到文号');
    const messages = r.notes.map((n) => n.message);
    expect(messages).toContainEqual(expect.stringContaining('落款“示例县教育和体育中心”不在 bodies.yaml 中'));
    expect(r.notes.find((n) => n.field === 'doc_no')?.kind).toBe('missing');
  });

  it('keeps the PNG without alt text (listed) and drops the BMP browsers cannot show (listed)', () => {
    expect(r.images.map((i) => [i.name, i.alt])).toEqual([['图1.png', undefined]]);
    expect(r.body).toContain('![](图1.png)');
    const unmapped = r.notes.filter((n) => n.kind === 'unmapped').map((n) => n.message);
    expect(unmapped).toEqual([
      expect.stringContaining('图片 图1.png 没有替代文字'),
      expect.stringContaining('第 2 张图片是 image/bmp 格式，网页无法显示，未导入'),
    ]);
    expect(r.body).toContain('\n## 一、资助对象\n');
  });

  it('takes --publisher over the text, and lists an unknown one', async () => {
    expect((await convert('plain.docx', 'gov-office')).fields.publisher).toBe('示例县人民政府办公室');
    const unknown = await convert('plain.docx', '示例县体育局');
    expect(unknown.fields.publisher).toBeUndefined();
    expect(unknown.placeholders).toContain('publisher');
    expect(unknown.notes.find((n) => n.field === 'publisher')?.message).toContain(
      '--publisher “示例县体育局”不在 bodies.yaml 中',
    );
  });
});
