import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  GLOSS_RE,
  removeGlosses,
  cleanText,
  normalisePunctuation,
  seed001Csv,
  seed001ToMarkdown,
  seed002Parse,
  seed002ToMarkdown,
  seed002Values,
  parseTable3,
  SEED_DOCUMENTS,
  SEED001_CSV,
  SEED002_DATA,
  buildFiles,
} from '../../scripts/clean-seed.mjs';
import { readReportData } from '../../src/lib/report/data.ts';
import { FORMATS, dataRows } from '../../src/lib/report/formats.ts';
import { parseYamlSource } from '../../src/lib/yaml-source.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const read = (p: string) => readFileSync(resolve(repo, p), 'utf8');
const seed000 = read('seeds/000-zhen-2018-zijian.txt');
const seed001 = read('seeds/001-chimen-2018.txt');
const seed002 = read('seeds/002-kaerqin-2021.txt');

/** Any "(latin letters)" group, tone marks or not: what must not survive in cleaned text. */
const ANY_GLOSS = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)/;
const TRADITIONAL = [
  '鄉',
  '鎮',
  '開',
  '報',
  '資',
  '與',
  '門',
  '關',
  '歸',
  '處',
  '發',
  '數',
  '機',
  '構',
  '務',
  '業',
  '轉',
  '經',
  '結',
  '況',
  '單',
  '萬',
  '為',
  '體',
  '網',
  '導',
  '責',
  '會',
  '請',
  '審',
  '糾',
  '訴',
  '議',
];

describe('committed output', () => {
  const files = SEED_DOCUMENTS.flatMap((def) => buildFiles(def, read(def.seed)).map((f) => [f.out, f.text] as const));
  it('each seed gives its Markdown document and the file beside it', () => {
    expect(files.map(([out]) => out)).toEqual([
      'content/documents/annual-reports/chimen-2018.md',
      `content/documents/annual-reports/${SEED001_CSV}`,
      'content/documents/annual-reports/kaerqin-2021.md',
      `content/documents/annual-reports/${SEED002_DATA}`,
    ]);
  });
  it.each(files)('%s is what the script produces from its seed', (out, text) => {
    expect(read(out)).toBe(text);
  });
});

describe('pinyin glosses', () => {
  it('removes (zhèn), (xiāng), (guān) …', () => {
    expect(removeGlosses('鄉(xiāng)鎮(zhèn)政府')).toBe('鄉鎮政府');
    expect(removeGlosses('機(jī)關(guān)')).toBe('機關');
    expect(removeGlosses('綠(lǜ)色')).toBe('綠色');
  });
  it('removes a gloss after a garbled (non-Chinese) character too', () => {
    expect(removeGlosses('有關P(guān)')).toBe('有關P');
  });
  it('keeps Chinese in parentheses, numbers and plain latin words', () => {
    for (const s of ['(一)強化領導', '(單位:萬元)', '政務(便民)服務', '(5頁珍藏版)', '附件(pdf)', '(a)', '(2021)'])
      expect(removeGlosses(s)).toBe(s);
  });
  it('removes all 297 glosses of seeds 000 and 002, and nothing else', () => {
    const both = seed000 + seed002;
    const glosses: string[] = both.match(GLOSS_RE) ?? [];
    expect(glosses.length).toBe(297);
    const cleaned = removeGlosses(both);
    expect(cleaned).not.toMatch(ANY_GLOSS);
    expect(both.length - cleaned.length).toBe(glosses.reduce((n: number, g: string) => n + g.length, 0));
  });
});

describe('punctuation', () => {
  it('makes half-width punctuation next to Chinese full-width', () => {
    expect(normalisePunctuation('(一)予以公開,本年:0')).toBe('（一）予以公開，本年：0');
    expect(normalisePunctuation('收費金額(單位:萬元)')).toBe('收費金額（單位：萬元）');
  });
  it('joins Chinese labels broken by spaces and leaves latin text alone', () => {
    expect(normalisePunctuation('商業 企業')).toBe('商業企業');
    expect(normalisePunctuation('a (b), c: d')).toBe('a (b), c: d');
    expect(normalisePunctuation('1.屬於國家秘密')).toBe('1.屬於國家秘密');
  });
});

describe('cleanText', () => {
  it('converts to simplified Chinese', () => {
    expect(cleanText('喀爾欽鎮(zhèn)政府信息公開工作年度報告')).toBe('喀尔钦镇政府信息公开工作年度报告');
    const all = cleanText(seed000 + seed002);
    for (const ch of TRADITIONAL) expect(all, ch).not.toContain(ch);
  });
});

describe('seed 002 (喀尔钦镇 2021)', () => {
  const md = seed002ToMarkdown(seed002);
  const { tables } = seed002Parse(seed002);
  const values = seed002Values(tables);
  it('has no gloss, no traditional character, no table or stray cell separator in the Markdown', () => {
    expect(md).not.toMatch(ANY_GLOSS);
    for (const ch of TRADITIONAL) expect(md, ch).not.toContain(ch);
    expect(md).not.toContain('|');
  });
  it('has the six 2021-format section headings in order', () => {
    const h2 = md.split('\n').filter((l) => l.startsWith('## '));
    expect(h2).toEqual([
      '## 一、总体情况',
      '## 二、主动公开政府信息情况',
      '## 三、收到和处理政府信息公开申请情况',
      '## 四、政府信息公开行政复议、行政诉讼情况',
      '## 五、存在的主要问题及改进情况',
      '## 六、其他需要报告的事项',
    ]);
  });
  it('reads table 2 as four 第二十条 blocks, every cell 0', () => {
    expect(tables.table2.map((b: { title: string }) => b.title)).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
    ]);
    expect(tables.table2[0].header).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(values.table2).toEqual({
      rules: [0, 0, 0],
      normative: [0, 0, 0],
      licensing: [0],
      penalty: [0],
      coercion: [0],
      fees: [0],
    });
  });
  it("reads table 3 as its 25 data rows × 7 columns under the format's labels", () => {
    expect(tables.table3.header.slice(1)).toEqual([
      '自然人',
      '法人或其他组织：商业企业',
      '法人或其他组织：科研机构',
      '法人或其他组织：社会公益组织',
      '法人或其他组织：法律服务机构',
      '法人或其他组织：其他',
      '总计',
    ]);
    const rows = tables.table3.rows as { label: string; values: string[] | null }[];
    expect(rows.filter((r) => !r.values).map((r) => r.label)).toEqual([
      '三、本年度办理结果',
      '（三）不予公开',
      '（四）无法提供',
      '（五）不予处理',
      '（六）其他处理',
    ]);
    expect(rows.filter((r) => r.values).map((r) => r.label)).toEqual(dataRows(FORMATS['2021']).map((r) => r.label));
    expect(Object.keys(values.table3)).toEqual(dataRows(FORMATS['2021']).map((r) => r.id));
    for (const row of Object.values(values.table3)) expect(row).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
  it('reads table 4 as its 15 cells', () => {
    expect(values.table4).toEqual({
      review: [0, 0, 0, 0, 0],
      litigation_direct: [0, 0, 0, 0, 0],
      litigation_after_review: [0, 0, 0, 0, 0],
    });
  });
  it('writes the data file, which reads back with no problem', () => {
    const def = SEED_DOCUMENTS.find((d) => d.seed.includes('002'))!;
    const [doc, data] = buildFiles(def, seed002);
    expect(doc!.text).toContain(`report: { data: ${SEED002_DATA} }`);
    expect(data!.text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../../schemas/annual-report-2021.schema.json',
    );
    const r = readReportData(parseYamlSource(data!.text, SEED002_DATA), SEED002_DATA);
    expect(r.diagnostics).toEqual([]);
    expect(r.data).toMatchObject({ format: '2021', year: 2021, table2: values.table2, table3: values.table3 });
  });
  it('stops on a row the format does not have', () => {
    const renamed = {
      ...tables,
      table3: {
        ...tables.table3,
        rows: tables.table3.rows.map((r: { label: string }) =>
          r.label === '2.重复申请' ? { ...r, label: '2.重复申请的' } : r,
        ),
      },
    };
    expect(() => seed002Values(renamed)).toThrow('表三没有“2.重复申请的”一行');
  });
  it('rejects a table 3 row with a missing cell', () => {
    const cells = [
      '（本列数据的勾稽关系为：…）',
      '申请人情况',
      '自然人',
      '法人或其他组织',
      '总计',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '一、本年新收政府信息公开申请数量',
      '0',
      '0',
      '0',
    ];
    expect(() => parseTable3(cells)).toThrow(/3 个数，应为 7 个/);
  });
});

describe('seed 001 (赤门乡 2018)', () => {
  const md = seed001ToMarkdown(seed001);
  it('drops the page header and the portal footer, keeps the garbled 统计期限 sentence', () => {
    expect(md).not.toContain('发布机构');
    expect(md).not.toContain('闽ICP备');
    expect(md.startsWith('根据《中华人民共和国政府信息公开条例》（以下简称条例）')).toBe(true);
    expect(md).toContain('年报数据统计期限为201811日至20181231日。');
    expect(md).toContain('> 编者注：');
  });
  it('turns the 附表 into a CSV file of 15 rows, not a Markdown table', () => {
    const records = parseCsv(seed001Csv(seed001)) as string[][];
    expect(records[0]).toEqual(['指标', '2018年', '历年累计']);
    expect(records).toHaveLength(16);
    expect(records[1]).toEqual(['主动公开文件数', '57', '615']);
    expect(records[7]).toEqual(['3.信函、传真申请数', '0', '0']);
    expect(md).not.toContain('|');
    expect(md).toContain('### （二）附表');
    const def = SEED_DOCUMENTS.find((d) => d.seed.includes('001'))!;
    expect(buildFiles(def, seed001)[0]!.text).toContain(
      `report: { year: 2018, tables: [{ file: ${SEED001_CSV}, title: 附表 }] }`,
    );
  });
});
