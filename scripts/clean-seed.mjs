#!/usr/bin/env node
// Cleans the raw seed texts in seeds/ into the two real annual reports of the sample column.
//
//   node_modules/.bin/node scripts/clean-seed.mjs           write content/documents/annual-reports/*
//   node_modules/.bin/node scripts/clean-seed.mjs --check   exit 1 if a committed file differs from the output
//
// Seed 001 (赤门乡 2018) is already simplified Chinese: its page header and the portal footer are dropped,
// punctuation is made full-width, headings become Markdown headings, and its 附表 (a report before the
// national formats) becomes a CSV file beside the Markdown (csv-stringify), named in `report.tables`.
// Seed 002 (喀尔钦镇 2021) is traditional Chinese with a pinyin gloss after many characters and its table
// cells split one per line by `|`: glosses are removed, the text converted to simplified Chinese
// (opencc-js), and the three tables of the 2021 format become the report's data file (`report.data`,
// rows named by the format's labels, src/lib/report/formats.ts), which the page renders.
// Every step is deterministic; test/unit/clean-seed.test.ts checks that the committed output is what
// this script produces.

import * as OpenCC from 'opencc-js';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { reportTemplate } from '../src/lib/report/data.ts';
import { FORMATS, TABLE4_COLUMNS, dataRows } from '../src/lib/report/formats.ts';
import { schemaFile } from '../src/lib/report/schema-files.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Text cleaning
// ---------------------------------------------------------------------------------------------

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
/**
 * A pinyin gloss: "(" + 1–6 lower-case latin letters (tone-marked vowels and ü included) + ")", with at
 * least one tone-marked vowel. Requiring a tone mark keeps "(pdf)" or "(a)" in ordinary text; every one of
 * the 297 glosses in seeds 000 and 002 carries one. Parenthesised Chinese such as "(一)" or "(單位:萬元)"
 * never matches.
 */
export const GLOSS_RE = new RegExp(`\\((?=[a-zü]*[${TONED}])[a-zü${TONED}]{1,6}\\)`, 'g');

/** Removes pinyin glosses such as the "(zhèn)" in "鎮(zhèn)". */
export function removeGlosses(text) {
  return text.replace(GLOSS_RE, '');
}

let converter;
/** Traditional → simplified Chinese (OpenCC, Taiwan standard → mainland). */
export function toSimplified(text) {
  converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return converter(text);
}

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\u3000-\\u303f\\uff00-\\uffef\\u201c\\u201d';
const HALF_TO_FULL = { '(': '（', ')': '）', ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };

/**
 * Half-width ( ) , : ; ? ! next to a Chinese character (or full-width punctuation) become full-width, and
 * spaces between two Chinese characters go ("商業 企業" → "商業企業", "。 截止" → "。截止").
 * Latin text, numbers ("1.属于"), e-mail addresses and dates are left alone.
 */
export function normalisePunctuation(text) {
  const cjk = new RegExp(`[${CJK}]`);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const full = HALF_TO_FULL[ch];
    if (full) {
      const prev = out[out.length - 1] ?? '';
      const next = text[i + 1] ?? '';
      if (cjk.test(prev) || cjk.test(next)) {
        out += full;
        continue;
      }
    }
    out += ch;
  }
  return out.replace(new RegExp(`(?<=[${CJK}])[ \\t\\u00a0]+(?=[${CJK}])`, 'g'), '');
}

/** Line ends normalised, glosses removed, simplified, punctuation made full-width, lines trimmed. */
export function cleanText(raw) {
  const text = raw.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  return normalisePunctuation(toSimplified(removeGlosses(text)))
    .split('\n')
    .map((l) => l.trim())
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Markdown helpers
// ---------------------------------------------------------------------------------------------

const SECTION_HEAD = /^[一二三四五六七八九十]+、/;
const SUB_HEAD = /^（[一二三四五六七八九十]+）/;
const NUM = /^-?\d+(?:\.\d+)?$/;

/** Prose lines → Markdown: 一、 headings as h2, short （一） heads as h3, the rest as paragraphs. */
function proseToMarkdown(lines, { numberedHeads = false } = {}) {
  const out = [];
  for (const line of lines) {
    if (!line) continue;
    if (SECTION_HEAD.test(line) && line.length <= 40 && !line.includes('。')) out.push(`## ${line}`);
    else if (SUB_HEAD.test(line) && line.length <= 40 && !line.includes('。')) out.push(`### ${line}`);
    else if (numberedHeads && /^\d+\.\S/.test(line) && line.length <= 30 && !line.includes('。'))
      out.push(`#### ${line}`);
    else out.push(line);
  }
  return out;
}

/** Cells of a `|`-per-line table run: split on `|`, trimmed, empty ones dropped. */
export function splitCells(lines) {
  return lines
    .join('\n')
    .split('|')
    .map((c) => c.replace(/\s+/g, ' ').trim())
    .filter((c) => c !== '');
}

/**
 * Splits cleaned seed-002 lines into runs: { kind: 'text', lines } and { kind: 'cells', lines }.
 * A line belongs to a table run when it contains "|" or the next line starts with "|" (a cell whose
 * separator wrapped onto the next line, as after the (二)部分公开 row).
 */
function splitRuns(lines) {
  const runs = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const inTable = line.includes('|') || (lines[i + 1] ?? '').startsWith('|');
    const kind = inTable ? 'cells' : 'text';
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) last.lines.push(line);
    else runs.push({ kind, lines: [line] });
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Seed 002: 喀尔钦镇 2021 (2021 format)
// ---------------------------------------------------------------------------------------------

/** Table 2 cells → one { title, header, rows } per 第二十条 block. */
export function parseTable2(cells) {
  const blocks = [];
  let cur;
  for (const c of cells) {
    if (/^第二十条第（[一二三四五六七八九十]+）项$/.test(c)) {
      cur = { title: c, cells: [] };
      blocks.push(cur);
    } else if (cur) cur.cells.push(c);
    else throw new Error(`表二：第一格应为“第二十条第（…）项”，实为“${c}”`);
  }
  return blocks.map(({ title, cells: bc }) => {
    const firstNum = bc.findIndex((c) => NUM.test(c));
    if (bc[0] !== '信息内容' || firstNum < 2) throw new Error(`表二 ${title}：表头无法识别`);
    const header = bc.slice(0, firstNum - 1);
    const body = bc.slice(firstNum - 1);
    if (body.length % header.length !== 0)
      throw new Error(`表二 ${title}：单元格数 ${body.length} 不是列数 ${header.length} 的倍数`);
    const rows = [];
    for (let i = 0; i < body.length; i += header.length) {
      const row = body.slice(i, i + header.length);
      if (NUM.test(row[0]) || !row.slice(1).every((c) => NUM.test(c)))
        throw new Error(`表二 ${title}：第 ${rows.length + 1} 行格式不对：${row.join(' ')}`);
      rows.push(row);
    }
    return { title, header, rows };
  });
}

export const TABLE3_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/** Table 3 cells → { note, header, rows: [{ label, values: string[7] | null }] } (null: a group row). */
export function parseTable3(cells) {
  const [note, applicant, natural, legal, total, ...rest] = cells;
  if (
    !note?.startsWith('（本列数据的勾稽关系为') ||
    applicant !== '申请人情况' ||
    natural !== '自然人' ||
    legal !== '法人或其他组织' ||
    total !== '总计'
  )
    throw new Error('表三：表头无法识别');
  const legalCols = rest.slice(0, 5);
  if (legalCols.join() !== TABLE3_COLUMNS.slice(1, 6).join())
    throw new Error(
      `表三：法人或其他组织的五列应为 ${TABLE3_COLUMNS.slice(1, 6).join('、')}，实为 ${legalCols.join('、')}`,
    );
  const header = ['申请人情况', '自然人', ...legalCols.map((c) => `法人或其他组织：${c}`), '总计'];
  const rows = [];
  const body = rest.slice(5);
  for (let i = 0; i < body.length;) {
    const label = body[i];
    if (NUM.test(label)) throw new Error(`表三：第 ${i} 格应为行名，实为数字 ${label}`);
    const values = [];
    let j = i + 1;
    while (j < body.length && NUM.test(body[j]) && values.length < 7) values.push(body[j++]);
    if (values.length !== 0 && values.length !== 7)
      throw new Error(`表三：“${label}”一行有 ${values.length} 个数，应为 7 个`);
    rows.push({ label, values: values.length ? values : null });
    i = j;
  }
  return { note, header, rows };
}

const T4_RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** Table 4 cells → 3 rows (行政复议, 直接起诉, 复议后起诉) × 5 results = the 15 cells of the format. */
export function parseTable4(cells) {
  const expectHead = [
    '行政复议',
    '行政诉讼',
    ...T4_RESULTS,
    '未经复议直接起诉',
    '复议后起诉',
    ...T4_RESULTS,
    ...T4_RESULTS,
  ];
  const head = cells.slice(0, expectHead.length);
  if (head.join() !== expectHead.join())
    throw new Error(`表四：表头应为 ${expectHead.join(' ')}，实为 ${head.join(' ')}`);
  const values = cells.slice(expectHead.length);
  if (values.length !== 15 || !values.every((c) => NUM.test(c)))
    throw new Error(`表四：应有 15 个数，实为 ${values.length} 格`);
  const kinds = ['行政复议', '行政诉讼：未经复议直接起诉', '行政诉讼：复议后起诉'];
  return { header: ['类别', ...T4_RESULTS], rows: kinds.map((k, i) => [k, ...values.slice(i * 5, i * 5 + 5)]) };
}

const FORMAT_2021 = FORMATS['2021'];

/**
 * Seed 002's tables as the data file's figures, by row id: each block, row and column is matched to
 * the 2021 format by its label (src/lib/report/formats.ts), so a seed that differs from the format
 * stops the script instead of filling the wrong row.
 */
export function seed002Values({ table2, table3, table4 }) {
  const num = (c, where) => {
    if (!/^\d+$/.test(c)) throw new Error(`种子 002：${where}的值“${c}”不是整数`);
    return Number(c);
  };
  const values = { table2: {}, table3: {}, table4: {} };
  for (const b of table2) {
    const block = FORMAT_2021.table2.find((f) => f.heading === b.title);
    if (!block) throw new Error(`种子 002：表二没有“${b.title}”`);
    const header = ['信息内容', ...block.columns.map((c) => c.label)];
    if (b.header.join() !== header.join())
      throw new Error(`种子 002：表二 ${b.title} 的表头应为 ${header.join('、')}，实为 ${b.header.join('、')}`);
    for (const [label, ...cells] of b.rows) {
      const row = block.rows.find((r) => r.label === label);
      if (!row) throw new Error(`种子 002：表二 ${b.title} 没有“${label}”一行`);
      values.table2[row.id] = cells.map((c) => num(c, `表二“${label}”`));
    }
  }
  const groups = FORMAT_2021.table3.filter((r) => r.group).map((r) => r.label);
  for (const { label, values: cells } of table3.rows) {
    if (!cells) {
      if (!groups.includes(label)) throw new Error(`种子 002：表三“${label}”一行没有数字`);
      continue;
    }
    const row = dataRows(FORMAT_2021).find((r) => r.label === label);
    if (!row) throw new Error(`种子 002：表三没有“${label}”一行`);
    values.table3[row.id] = cells.map((c) => num(c, `表三“${label}”`));
  }
  const missing = dataRows(FORMAT_2021).filter((r) => !values.table3[r.id]);
  if (missing.length) throw new Error(`种子 002：表三缺少 ${missing.map((r) => r.label).join('、')}`);
  if (table4.header.join() !== ['类别', ...TABLE4_COLUMNS.map((c) => c.label)].join())
    throw new Error(`种子 002：表四的表头无法识别：${table4.header.join('、')}`);
  FORMAT_2021.table4.forEach((b, i) => {
    const [, ...cells] = table4.rows[i];
    values.table4[b.id] = cells.map((c) => num(c, `表四“${b.label}”`));
  });
  return values;
}

/** Seed 002 cleaned: the Markdown body (the narrative, without the tables) and the tables as parsed. */
export function seed002Parse(raw) {
  const lines = cleanText(raw).split('\n');
  if (!/^喀尔钦镇政府信息公开工作年度报告$/.test(lines[0]))
    throw new Error(`种子 002：第一行应为标题，实为“${lines[0]}”`);
  const runs = splitRuns(lines.slice(1));
  const out = [];
  let section = '';
  /** @type {{ table2?: any, table3?: any, table4?: any }} */
  const tables = {};
  for (const run of runs) {
    if (run.kind === 'text') {
      const md = proseToMarkdown(run.lines);
      for (const l of md) if (l.startsWith('## ')) section = l.slice(3);
      out.push(...md);
      continue;
    }
    const cells = splitCells(run.lines);
    const key = section.startsWith('二、')
      ? 'table2'
      : section.startsWith('三、')
        ? 'table3'
        : section.startsWith('四、')
          ? 'table4'
          : undefined;
    if (!key) throw new Error(`种子 002：“${section}”下出现了表格`);
    if (tables[key]) throw new Error(`种子 002：“${section}”下有两个表格`);
    tables[key] = key === 'table2' ? parseTable2(cells) : key === 'table3' ? parseTable3(cells) : parseTable4(cells);
  }
  if (Object.keys(tables).join() !== 'table2,table3,table4')
    throw new Error(`种子 002：应依次有表二、表三、表四，实为 ${Object.keys(tables).join('、')}`);
  const { table2, table3, table4 } = tables;
  return { markdown: out.join('\n\n') + '\n', tables: { table2, table3, table4 } };
}

/** The cleaned Markdown body of seed 002 (without the title, which is the document's title, and the tables). */
export function seed002ToMarkdown(raw) {
  return seed002Parse(raw).markdown;
}

// ---------------------------------------------------------------------------------------------
// Seed 001: 赤门乡 2018 (pre-2019 free format)
// ---------------------------------------------------------------------------------------------

export const SEED001_CSV = 'chimen-2018-fubiao.csv';

export const SEED001_EDITOR_NOTE =
  '> 编者注：正文据原网页照录，仅统一了标点并整理了标题和附表格式。引言中“年报数据统计期限为201811日至20181231日”一句原网页如此，' +
  '缺“年”“月”二字，应指2018年1月1日至2018年12月31日；引言末尾的括号原网页即未闭合。附表另存为 CSV 文件，显示在正文之后；' +
  '附表表头“指标”原网页显示为“指”，“单位”一栏没有内容，整理时从略。原网页页头的元数据栏（索引号、主题分类等均为空）和门户网站页脚未收入正文。';

/** Seed 001 cleaned: the Markdown body (without the 附表) and the 附表 as a header and rows. */
export function seed001Parse(raw) {
  const lines = cleanText(raw).split('\n');
  const start = lines.findIndex((l) => l.startsWith('发布日期：'));
  const footer = lines.findIndex((l) => l.startsWith('主办：'));
  const annex = lines.findIndex((l) => l === '（二）附表');
  if (start < 0 || footer < 0 || annex < 0 || !(start < annex && annex < footer))
    throw new Error('种子 001：找不到页头（发布日期）、附表或页脚（主办）');
  const out = proseToMarkdown(lines.slice(start + 1, annex + 1), { numberedHeads: true });

  const cells = lines.slice(annex + 1, footer).filter((l) => l !== '');
  const [h1, h2, h3, h4, ...body] = cells;
  if (h1 !== '指' || h2 !== '单位' || h3 !== '2018' || h4 !== '历年累计')
    throw new Error(`种子 001：附表表头无法识别：${cells.slice(0, 4).join(' ')}`);
  if (body.length % 3 !== 0) throw new Error(`种子 001：附表有 ${body.length} 格，不是 3 的倍数`);
  const rows = [];
  for (let i = 0; i < body.length; i += 3) {
    const row = body.slice(i, i + 3);
    if (NUM.test(row[0]) || !NUM.test(row[1]) || !NUM.test(row[2]))
      throw new Error(`种子 001：附表第 ${rows.length + 1} 行格式不对：${row.join(' ')}`);
    rows.push(row);
  }
  out.push(SEED001_EDITOR_NOTE);
  return { markdown: out.join('\n\n') + '\n', header: ['指标', '2018年', '历年累计'], rows };
}

/** The cleaned Markdown body of seed 001 (its 附表 goes to the CSV file). */
export function seed001ToMarkdown(raw) {
  return seed001Parse(raw).markdown;
}

/** Seed 001's 附表 as CSV (RFC 4180 via csv-stringify: quoted where needed, CRLF-free). */
export function seed001Csv(raw) {
  const { header, rows } = seed001Parse(raw);
  return stringifyCsv([header, ...rows]);
}

// ---------------------------------------------------------------------------------------------
// The two documents
// ---------------------------------------------------------------------------------------------

const DIR = 'content/documents/annual-reports';
export const SEED002_DATA = 'kaerqin-2021.report.yaml';

/** The data file's `$schema` path, relative to the data file. */
const schemaFrom = (file, format) =>
  relative(dirname(resolve(REPO, file)), resolve(REPO, schemaFile(format)))
    .split(sep)
    .join('/');

export const SEED_DOCUMENTS = [
  {
    seed: 'seeds/001-chimen-2018.txt',
    out: `${DIR}/chimen-2018.md`,
    toMarkdown: seed001ToMarkdown,
    extra: (raw) => [{ out: `${DIR}/${SEED001_CSV}`, text: seed001Csv(raw) }],
    frontmatter: `title: 赤门乡2018年政府信息公开工作年度报告
index_no: "11999999999900011L/201901-00901"
publisher: 赤门乡人民政府
topic: 综合政务\\政务公开
genre: 年报
written: 2019-01-10
published: 2019-01-10
keywords: [政府信息公开, 年度报告, 赤门乡, 2018年]
summary: 赤门乡（福建省南平市延平区）2018年政府信息公开工作年度报告，2019年格式施行前的自由格式，含附表。
section: 政府信息公开年报
report: { year: 2018, tables: [{ file: ${SEED001_CSV}, title: 附表 }] }
note: 真实公开文本示例，来源于公开网页，仅作示例。正文据延平区人民政府门户网站发布的原文整理（统一标点、整理标题，附表另存为 CSV 文件）；索引号为示例数据，原网页未标成文日期，此处取发布日期2019年1月10日。`,
  },
  {
    seed: 'seeds/002-kaerqin-2021.txt',
    out: `${DIR}/kaerqin-2021.md`,
    toMarkdown: seed002ToMarkdown,
    extra: (raw) => {
      const out = `${DIR}/${SEED002_DATA}`;
      const values = seed002Values(seed002Parse(raw).tables);
      return [{ out, text: reportTemplate('2021', 2021, '喀尔钦镇人民政府', schemaFrom(out, '2021'), values) }];
    },
    frontmatter: `title: 喀尔钦镇2021年政府信息公开工作年度报告
index_no: "11999999999900011L/202201-00902"
publisher: 喀尔钦镇人民政府
topic: 综合政务\\政务公开
genre: 年报
written: 2022-01-20
published: 2022-01-25
keywords: [政府信息公开, 年度报告, 喀尔钦镇, 2021年]
summary: 喀尔钦镇2021年政府信息公开工作年度报告，按2021年格式编写，各表数据均为0。
section: 政府信息公开年报
report: { data: ${SEED002_DATA} }
note: 真实公开文本示例，来源于公开网页，仅作示例。原网页文本为繁体字并在字后夹注拼音，已由 scripts/clean-seed.mjs 转为简体、去除拼音，表格数据整理为年报数据文件；索引号、成文日期和发布日期为示例数据。`,
  },
];

/** The whole Markdown file (frontmatter + body) for one seed document. */
export function buildDocument(def, raw) {
  return `---\n${def.frontmatter}\n---\n\n${def.toMarkdown(raw)}`;
}

/** Every file one seed gives: its Markdown document, then the files beside it (data file, CSV tables). */
export function buildFiles(def, raw) {
  return [{ out: def.out, text: buildDocument(def, raw) }, ...def.extra(raw)];
}

function main(argv) {
  const check = argv.includes('--check');
  let stale = 0;
  for (const def of SEED_DOCUMENTS) {
    const raw = readFileSync(resolve(REPO, def.seed), 'utf8');
    for (const { out, text } of buildFiles(def, raw)) {
      const target = resolve(REPO, out);
      if (check) {
        let current = '';
        try {
          current = readFileSync(target, 'utf8');
        } catch {
          // no committed file yet
        }
        if (current !== text) {
          stale++;
          console.error(`${out} 与 ${def.seed} 的清洗结果不一致，请运行 node_modules/.bin/node scripts/clean-seed.mjs`);
        }
      } else {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
        console.log(`${def.seed} → ${out}`);
      }
    }
  }
  if (stale) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
