// The annual reports of the sample built under /xxgk/: each report page holds its tables in the
// official layout (spanning headers, row groups, the 勾稽 note, ids + headers that resolve,
// numbers right-aligned, each table in a labelled focusable region) with the values of its data
// file; reports before 2019 show their CSV tables; the open data (CSV, JSON, the column's CSVs)
// equals the data files; the 年报 index lists every report with its overview, links to the trends
// pages; site-paths lists every page and file the build wrote. Expected values come from the
// sources (data files, CSV files, bodies.yaml) and test/fixtures/report-labels.txt, not from
// src/lib — except site-paths, which is what the last test checks.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { isScalar, parse, parseDocument, type Document } from 'yaml';
import { buildCatalogue } from '../../src/lib/catalogue.ts';
import { loadSite } from '../../src/lib/site.ts';
import { pagePaths } from '../../src/lib/site-paths.ts';
import { assertBuilt, buildSample, buildSite, type BuildResult } from '../helpers/build.ts';
import { setField } from '../helpers/fixture.ts';
import { all, ancestors, first, hasClass, listFiles, text, type El } from '../helpers/html.ts';
import { ROOT, SAMPLE_CONTENT, TODAY } from '../helpers/paths.ts';
import { readPage } from '../helpers/site.ts';
import { partition, readBodies, readSources, readYaml, type SourceDoc } from '../helpers/sources.ts';

let r: BuildResult;
let reports: Report[];
let withTables: SourceDoc[];

interface Report {
  doc: SourceDoc;
  /** The data file as parsed (values) and as a document (the numbers as written). */
  data: { format: string; year: number; table2: Rows; table3: Rows; table4: Rows };
  yaml: Document;
}
type Rows = Record<string, number[]>;

const reportOf = (d: SourceDoc) =>
  d.data.report as { data?: string; tables?: { file: string; title: string }[] } | undefined;

beforeAll(async () => {
  const { pages } = partition(readSources(SAMPLE_CONTENT), TODAY);
  reports = pages
    .filter((d) => typeof reportOf(d)?.data === 'string')
    .map((doc) => {
      const text = readFileSync(path.join(path.dirname(doc.abs), reportOf(doc)!.data!), 'utf8');
      return { doc, data: parse(text) as Report['data'], yaml: parseDocument(text) };
    });
  withTables = pages.filter((d) => (reportOf(d)?.tables ?? []).length > 0);
  r = await buildSample();
});

function built(): BuildResult {
  assertBuilt(r);
  return r;
}

/** The numbers of a data-file row as written ('12.50' stays '12.50'). */
function written(rep: Report, table: string, row: string): string[] {
  const seq = rep.yaml.getIn([table, row], true) as { items: unknown[] };
  return seq.items.map((n) => (isScalar(n) ? String((n as { source?: string }).source ?? n.value) : String(n)));
}

/** Sections of test/fixtures/report-labels.txt: '[name]' → its lines (comments and blanks dropped). */
function labels(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of readFileSync(path.join(ROOT, 'test/fixtures/report-labels.txt'), 'utf8').split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    const m = /^\[(.+)\]$/.exec(line);
    if (m) out.set(m[1]!, (current = []));
    else current.push(line.replace(/\s+$/, ''));
  }
  return out;
}

/** A table-3 label line: its level (two spaces each), label, and whether it is a group row. */
const label3 = (line: string) => {
  const level = (/^ */.exec(line)![0].length / 2) as 0 | 1 | 2;
  const group = line.endsWith(' =');
  return { level, group, label: line.trim().replace(/ =$/, '') };
};

const tableById = (page: El, id: string) => first(page, 'table', (t) => t.attrs.id === id);
const rowsOf = (e: El | undefined) => (e ? all(e, 'tr') : []);
const cellsOf = (tr: El) => tr.children.filter((c): c is El => 'tag' in c && (c.tag === 'td' || c.tag === 'th'));

/** Problems of a table's accessibility structure: headers that do not resolve, numbers not right-aligned, no region. */
function structureProblems(table: El, where: string): string[] {
  const problems: string[] = [];
  const ids = new Map(all(table, '*', (e) => !!e.attrs.id).map((e) => [e.attrs.id!, e]));
  for (const cell of all(table, '*', (e) => e.tag === 'td' || e.tag === 'th')) {
    for (const h of (cell.attrs.headers ?? '').split(/\s+/).filter(Boolean)) {
      if (ids.get(h)?.tag !== 'th')
        problems.push(`${where}: "${text(cell)}" headers names ${h}, not a <th> of this table`);
    }
    if (cell.tag === 'td' && !hasClass(cell, 'note') && /^-?[\d.]+$/.test(text(cell)) && !hasClass(cell, 'num'))
      problems.push(`${where}: number cell "${text(cell)}" without class num`);
  }
  const caption = first(table, 'caption');
  if (!caption?.attrs.id || !text(caption)) problems.push(`${where}: no <caption> with an id`);
  const region = ancestors(table).find((a) => a.attrs.role === 'region');
  if (!region) problems.push(`${where}: not inside a role=region`);
  else {
    if (region.attrs.tabindex !== '0') problems.push(`${where}: region without tabindex=0`);
    if (region.attrs['aria-labelledby'] !== caption?.attrs.id)
      problems.push(`${where}: region labelled by ${region.attrs['aria-labelledby']}, caption id ${caption?.attrs.id}`);
  }
  return problems;
}

describe('report pages', () => {
  it('the sample has reports with data files in both formats and one with CSV tables', () => {
    expect(reports.length).toBeGreaterThan(1);
    expect(new Set(reports.map((x) => x.data.format))).toEqual(new Set(['2021', '2019']));
    expect(withTables.length).toBeGreaterThan(0);
  });

  it('each holds tables 2, 3 and 4 whose headers resolve, numbers right-aligned, in labelled focusable regions', () => {
    const problems: string[] = [];
    for (const rep of reports) {
      const page = readPage(built().outDir, `/doc/${rep.doc.slug}/`);
      for (const id of ['rt2', 'rt3', 'rt4']) {
        const table = tableById(page, id);
        if (!table) problems.push(`${rep.doc.file}: no table #${id}`);
        else problems.push(...structureProblems(table, `${rep.doc.file} #${id}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it('table 3: the 勾稽 note, 申请人情况 over 自然人 / 法人或其他组织 (five) / 总计, row groups spanning their rows', () => {
    const L = labels();
    const problems: string[] = [];
    for (const rep of reports) {
      const t = tableById(readPage(built().outDir, `/doc/${rep.doc.slug}/`), 'rt3')!;
      const head = rowsOf(first(t, 'thead')).map(cellsOf);
      expect(head.length, rep.doc.file).toBe(3);
      const [note, applicant] = head[0]!;
      expect(note!.tag).toBe('td');
      expect(text(note!)).toBe(L.get('table3 note')![0]);
      expect([note!.attrs.rowspan, note!.attrs.colspan]).toEqual(['3', '3']);
      expect([text(applicant!), applicant!.attrs.colspan]).toEqual([L.get('table3 spanning headers')![0], '7']);
      const columns = L.get('table3 columns')!;
      expect(head[1]!.map((c) => [text(c), c.attrs.colspan ?? '1', c.attrs.rowspan ?? '1'])).toEqual([
        [columns[0], '1', '2'],
        [L.get('table3 spanning headers')![1], '5', '1'],
        [columns[6], '1', '2'],
      ]);
      expect(head[2]!.map(text)).toEqual(columns.slice(1, 6));
      // row headers in order, groups spanning their leaf rows, leaves filling the columns their level leaves
      const rows = L.get(`${rep.data.format} table3`)!.map(label3);
      const ths = all(first(t, 'tbody')!, 'th');
      expect(ths.map(text), rep.doc.file).toEqual(rows.map((x) => x.label));
      rows.forEach((row, i) => {
        const th = ths[i]!;
        if (row.group) {
          let span = 0;
          for (let j = i + 1; j < rows.length && rows[j]!.level > row.level; j++) if (!rows[j]!.group) span++;
          if (th.attrs.rowspan !== String(span))
            problems.push(`${rep.doc.file}: ${row.label} rowspan ${th.attrs.rowspan}, not ${span}`);
        } else if ((th.attrs.colspan ?? '1') !== String(3 - row.level) || th.attrs.scope !== 'row') {
          problems.push(`${rep.doc.file}: ${row.label} colspan ${th.attrs.colspan} scope ${th.attrs.scope}`);
        }
      });
      // every data row: its seven numbers as written in the data file
      for (const tr of rowsOf(first(t, 'tbody'))) {
        const header = all(tr, 'th').find((h) => h.attrs.scope === 'row')!;
        const id = header.attrs.id!.replace(/^rt3-r-/, '');
        const got = all(tr, 'td').map(text);
        if (JSON.stringify(got) !== JSON.stringify(written(rep, 'table3', id)))
          problems.push(`${rep.doc.file}: table 3 ${id} ${JSON.stringify(got)}`);
      }
      expect(rowsOf(first(t, 'tbody')).length).toBe(Object.keys(rep.data.table3).length);
    }
    expect(problems).toEqual([]);
  });

  it('table 4: 行政复议 and 行政诉讼 (未经复议直接起诉 / 复议后起诉), five columns each, the data file’s numbers', () => {
    const L = labels();
    for (const rep of reports) {
      const t = tableById(readPage(built().outDir, `/doc/${rep.doc.slug}/`), 'rt4')!;
      const head = rowsOf(first(t, 'thead')).map(cellsOf);
      const blocks = L.get('table4 blocks')!.map((b) => b.split(' / '));
      expect(head[0]!.map((c) => [text(c), c.attrs.colspan, c.attrs.rowspan ?? '1'])).toEqual([
        [blocks[0]![0], '5', '2'],
        [blocks[1]![0], '10', '1'],
      ]);
      expect(head[1]!.map(text)).toEqual([blocks[1]![1], blocks[2]![1]]);
      expect(head[2]!.map(text)).toEqual([0, 1, 2].flatMap(() => L.get('table4 columns')!));
      const tds = all(first(t, 'tbody')!, 'td');
      // each number's block is named by its headers: rt4-<block>
      const byBlock = new Map<string, string[]>();
      for (const td of tds) {
        const ids = td.attrs.headers!.split(' ');
        const block = ids[ids.length - 2]!.replace(/^rt4-/, '');
        byBlock.set(block, [...(byBlock.get(block) ?? []), text(td)]);
      }
      expect(Object.fromEntries(byBlock)).toEqual(
        Object.fromEntries(Object.keys(rep.data.table4).map((b) => [b, written(rep, 'table4', b)])),
      );
    }
  });

  it('table 2: each block its heading, 信息内容 and column labels, its rows with the numbers as written', () => {
    const L = labels();
    for (const rep of reports) {
      const t = tableById(readPage(built().outDir, `/doc/${rep.doc.slug}/`), 'rt2')!;
      const bodies = all(t, 'tbody');
      const expected = L.get(`${rep.data.format} table2`)!.filter((l) => !l.startsWith(' '));
      expect(
        bodies.map((b) => text(cellsOf(rowsOf(b)[0]!)[0]!)),
        rep.doc.file,
      ).toEqual(expected.map((l) => l.split(': ')[0]));
      bodies.forEach((b, i) => {
        expect(cellsOf(rowsOf(b)[1]!).map(text)).toEqual([
          L.get('table2 row header')![0],
          ...expected[i]!.split(': ')[1]!.split(' / '),
        ]);
      });
      for (const tr of all(t, 'tr')) {
        const header = all(tr, 'th').find((h) => h.attrs.scope === 'row');
        if (!header) continue;
        const id = header.attrs.id!.replace(/^rt2-[^-]+-r-/, '');
        expect(all(tr, 'td').map(text), `${rep.doc.file} table 2 ${id}`).toEqual(written(rep, 'table2', id));
      }
    }
  });

  it('a report before 2019 shows its CSV tables with their captions', () => {
    for (const d of withTables) {
      const page = readPage(built().outDir, `/doc/${d.slug}/`);
      reportOf(d)!.tables!.forEach((spec, i) => {
        const csv = parseCsv(readFileSync(path.join(path.dirname(d.abs), spec.file), 'utf8'), {
          bom: true,
          relax_column_count: true,
          skip_empty_lines: true,
          trim: true,
        }) as string[][];
        const t = tableById(page, `ra${i + 1}`)!;
        expect(structureProblems(t, d.file)).toEqual([]);
        expect(text(first(t, 'caption')!)).toBe(spec.title);
        expect(rowsOf(t).map((tr) => cellsOf(tr).map(text))).toEqual(csv);
        expect(all(first(t, 'thead')!, 'th').every((th) => th.attrs.scope === 'col')).toBe(true);
        expect(all(first(t, 'tbody')!, 'th').every((th) => th.attrs.scope === 'row')).toBe(true);
      });
    }
  });
});

describe('open data', () => {
  const file = (p: string) => readFileSync(path.join(built().outDir, p), 'utf8');
  const csv = (p: string) => {
    const t = file(p);
    expect(t.startsWith('\uFEFF'), `${p} starts with a BOM`).toBe(true);
    return parseCsv(t, { bom: true }) as string[][];
  };

  it('report.json equals the data file (ids, values, money as written)', () => {
    for (const rep of reports) {
      const json = JSON.parse(file(`doc/${rep.doc.slug}/report.json`));
      expect(json).toMatchObject({
        year: rep.data.year,
        format: rep.data.format,
        indexNo: rep.doc.indexNo,
        title: rep.doc.title,
      });
      const t3 = Object.fromEntries(json.table3.rows.map((x: { id: string; values: number[] }) => [x.id, x.values]));
      expect(t3).toEqual(rep.data.table3);
      const t4 = Object.fromEntries(json.table4.rows.map((x: { id: string; values: number[] }) => [x.id, x.values]));
      expect(t4).toEqual(rep.data.table4);
      const t2 = Object.fromEntries(
        json.table2.blocks.flatMap((b: { rows: { id: string; values: number[] }[] }) =>
          b.rows.map((x) => [x.id, x.values]),
        ),
      );
      expect(t2).toEqual(rep.data.table2);
      for (const b of json.table2.blocks)
        for (const row of b.rows)
          for (const [col, w] of Object.entries((row.written ?? {}) as Record<string, string>)) {
            const i = b.columns.findIndex((c: { id: string }) => c.id === col);
            expect(w).toBe(written(rep, 'table2', row.id)[i]);
          }
    }
  });

  it('report-table2/3/4.csv equal the data file', () => {
    for (const rep of reports) {
      const dir = `doc/${rep.doc.slug}`;
      const t3 = csv(`${dir}/report-table3.csv`);
      expect(Object.fromEntries(t3.slice(1).map((x) => [x[0], x.slice(3).map(Number)]))).toEqual(rep.data.table3);
      const t4 = csv(`${dir}/report-table4.csv`);
      expect(Object.fromEntries(t4.slice(1).map((x) => [x[0], x.slice(3).map(Number)]))).toEqual(rep.data.table4);
      const t2 = csv(`${dir}/report-table2.csv`);
      expect(t2[0]).toEqual(['区块标识', '区块', '行标识', '信息内容', '列标识', '列名称', '数值']);
      const cells = new Map<string, string[]>();
      for (const x of t2.slice(1)) cells.set(x[2]!, [...(cells.get(x[2]!) ?? []), x[6]!]);
      expect(Object.fromEntries(cells)).toEqual(
        Object.fromEntries(Object.keys(rep.data.table2).map((k) => [k, written(rep, 'table2', k)])),
      );
    }
  });

  it('a report before 2019: report-appendix-<n>.csv is its CSV table', () => {
    for (const d of withTables) {
      reportOf(d)!.tables!.forEach((spec, i) => {
        const source = parseCsv(readFileSync(path.join(path.dirname(d.abs), spec.file), 'utf8'), {
          bom: true,
          relax_column_count: true,
          skip_empty_lines: true,
          trim: true,
        });
        expect(csv(`doc/${d.slug}/report-appendix-${i + 1}.csv`)).toEqual(source);
      });
      expect(JSON.parse(file(`doc/${d.slug}/report.json`)).tables).toHaveLength(reportOf(d)!.tables!.length);
    }
  });

  it('the column’s table3.csv holds every report’s rows, led by year, publisher and 索引号', () => {
    const records = csv('annual-reports/table3.csv');
    expect(records[0]!.slice(0, 6)).toEqual(['年度', '发布机构标识', '发布机构', '年报格式', '索引号', '行标识']);
    expect(records.length - 1).toBe(reports.reduce((n, x) => n + Object.keys(x.data.table3).length, 0));
    for (const rep of reports) {
      const mine = records.filter((x) => x[4] === rep.doc.indexNo);
      expect(mine.every((x) => x[0] === String(rep.data.year) && x[2] === rep.doc.publisher)).toBe(true);
      expect(Object.fromEntries(mine.map((x) => [x[5], x.slice(8).map(Number)]))).toEqual(rep.data.table3);
    }
    const years = records.slice(1).map((x) => Number(x[0]));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    for (const t of ['table2', 'table4']) expect(csv(`annual-reports/${t}.csv`).length).toBeGreaterThan(1);
  });

  it('each report page links its open data and the index; the index links the column’s CSVs', () => {
    const { base } = built();
    for (const rep of reports) {
      const links = all(readPage(built().outDir, `/doc/${rep.doc.slug}/`), 'a').map((a) => a.attrs.href);
      for (const f of ['report.json', 'report-table2.csv', 'report-table3.csv', 'report-table4.csv'])
        expect(links, `${rep.doc.file} links ${f}`).toContain(`${base}doc/${rep.doc.slug}/${f}`);
      expect(links).toContain(`${base}annual-reports/`);
    }
    const index = all(readPage(built().outDir, '/annual-reports/'), 'a').map((a) => a.attrs.href);
    for (const t of ['table2', 'table3', 'table4']) expect(index).toContain(`${base}annual-reports/${t}.csv`);
  });
});

describe('年报 index and trends', () => {
  it('lists every report with its year, publisher and format, and is linked from the section page and home', () => {
    const { base, outDir } = built();
    const page = readPage(outDir, '/annual-reports/');
    const list = first(page, 'table', (t) => hasClass(t, 'report-list'))!;
    const rows = all(first(list, 'tbody')!, 'tr');
    const { pages } = partition(readSources(SAMPLE_CONTENT), TODAY);
    const expected = pages.filter((d) => d.data.report !== undefined || d.genre === '年报');
    expect(rows.length).toBe(expected.length);
    for (const d of expected) {
      const row = rows.find((tr) => all(tr, 'a').some((a) => a.attrs.href === `${base}doc/${d.slug}/`));
      expect(row, d.file).toBeDefined();
      expect(text(row!)).toContain(d.publisher);
      const rep = reports.find((x) => x.doc === d);
      if (rep) expect(text(row!)).toContain(`${rep.data.year}年`);
      if (rep) expect(text(row!)).toContain(rep.data.format === '2021' ? '2021 年格式' : '2019 年试行格式');
    }
    for (const p of ['/section/annual-reports/', '/'])
      expect(
        all(readPage(outDir, p), 'a').map((a) => a.attrs.href),
        p,
      ).toContain(`${base}annual-reports/`);
  });

  it('the overview: a publisher’s years between its first and last report without one are 未发布; past a report_deadline is 逾期发布', () => {
    const { outDir } = built();
    const page = readPage(outDir, '/annual-reports/');
    const table = first(page, 'table', (t) => hasClass(t, 'report-overview'))!;
    const years = all(first(table, 'thead')!, 'th')
      .slice(1)
      .map((th) => Number(/\d{4}/.exec(text(th))![0]));
    const bodies = readBodies(SAMPLE_CONTENT) as (ReturnType<typeof readBodies>[number] & {
      report_deadline?: string;
    })[];
    const problems: string[] = [];
    const byPublisher = new Map<string, Report[]>();
    for (const rep of reports) byPublisher.set(rep.doc.publisher, [...(byPublisher.get(rep.doc.publisher) ?? []), rep]);
    for (const [name, reps] of byPublisher) {
      const tr = all(first(table, 'tbody')!, 'tr').find((x) => text(first(x, 'th')!) === name);
      if (!tr) {
        problems.push(`no overview row for ${name}`);
        continue;
      }
      const cells = all(tr, 'td');
      const have = new Map(reps.map((x) => [x.data.year, x]));
      const lo = Math.min(...have.keys());
      const hi = Math.max(...have.keys());
      const deadline = bodies.find((b) => b.name === name)?.report_deadline;
      years.forEach((y, i) => {
        const cell = text(cells[i]!);
        const rep = have.get(y);
        if (rep && deadline) {
          const late = rep.doc.published > `${y + 1}-${deadline}`;
          if (!cell.startsWith(late ? '逾期发布' : '已发布')) problems.push(`${name} ${y}: "${cell}", late ${late}`);
        } else if (rep && !/已发布|逾期发布/.test(cell)) problems.push(`${name} ${y}: "${cell}"`);
        if (!rep && y > lo && y < hi && cell !== '未发布') problems.push(`${name} ${y}: "${cell}", expected 未发布`);
        if (!rep && y < lo && cell !== '不在统计范围' && !cell.includes('不在统计范围'))
          problems.push(`${name} ${y}: "${cell}" before its first report`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('a trends page for each publisher with two or more years of data: SVG charts named, each with its table', () => {
    const { base, outDir } = built();
    const publishers = readBodies(SAMPLE_CONTENT);
    const years = new Map<string, Set<number>>();
    for (const rep of reports)
      years.set(rep.doc.publisher, (years.get(rep.doc.publisher) ?? new Set()).add(rep.data.year));
    const expected = [...years]
      .filter(([, y]) => y.size >= 2)
      .map(([name]) => publishers.find((p) => p.name === name)!.id);
    expect(expected.length).toBeGreaterThan(0);
    const index = all(readPage(outDir, '/annual-reports/'), 'a').map((a) => a.attrs.href);
    for (const id of expected) {
      expect(index).toContain(`${base}annual-reports/trends/${id}/`);
      const page = readPage(outDir, `/annual-reports/trends/${id}/`);
      const svgs = all(page, 'svg', (s) => s.attrs.role === 'img');
      expect(svgs.length).toBeGreaterThan(3);
      for (const svg of svgs) {
        const title = first(svg, 'title')!;
        expect(svg.attrs['aria-labelledby']).toBe(title.attrs.id);
        expect(text(title)).toMatch(/\d{4}年 (\d+|无数据)/);
        const section = ancestors(svg).find((a) => a.tag === 'section')!;
        const table = first(section, 'table')!;
        expect(structureProblems(table, `trends/${id}`)).toEqual([]);
      }
      for (const s of all(page, 'section', (x) => !!first(x, 'svg'))) expect(all(s, 'table')).toHaveLength(1);
    }
    for (const p of readBodies(SAMPLE_CONTENT).filter((b) => !expected.includes(b.id)))
      expect(existsSync(path.join(outDir, 'annual-reports/trends', p.id)), p.id).toBe(false);
  });
});

describe('site-paths', () => {
  it('lists every page, open-data file, feed and sitemap the build wrote, and nothing else', () => {
    const { outDir } = built();
    const site = loadSite(SAMPLE_CONTENT, { today: TODAY });
    const catalogue = buildCatalogue({ ...site, documents: site.documents });
    const listed = pagePaths(catalogue, readYaml<{ page_size: number }>(SAMPLE_CONTENT, 'site.yaml').page_size);
    const built_ = listFiles(outDir, ['.html', '.csv', '.json', '.xml'])
      // manifest.json is the deployment's list of files (the finish step), not a page of the column
      .filter(
        (f) => !f.startsWith('_astro/') && !f.startsWith('pagefind/') && !/\/files\//.test(f) && f !== 'manifest.json',
      )
      .map((f) =>
        f === 'index.html' ? '/' : f.endsWith('/index.html') ? `/${f.slice(0, -'index.html'.length)}` : `/${f}`,
      );
    const listedHere = [...listed].filter((p) => !/\/files\//.test(p));
    expect(built_.filter((p) => !listed.has(p))).toEqual([]);
    expect(listedHere.filter((p) => !built_.includes(p))).toEqual([]);
    for (const p of ['/annual-reports/', '/annual-reports/table3.csv', '/sitemap.xml', '/feed.xml', '/sitemap/'])
      expect(listed.has(p)).toBe(true);
  });
});

describe('a report published with known defects', () => {
  const FILE = 'documents/annual-reports/shizhen-2024.md';
  const REASON = '镇政府机构调整，报告延期发布';
  let fixture: BuildResult;
  beforeAll(async () => {
    fixture = await buildSite({
      name: 'report-known-defects',
      base: '/xxgk/',
      key: REASON,
      fixture: (dir) =>
        setField(
          path.join(dir, FILE),
          'report',
          `{ data: shizhen-2024.report.yaml, known_defects: [{ rule: deadline, reason: ${REASON} }] }`,
        ),
    });
  });

  it('shows a notice listing each acknowledged defect with its reason; reports without any show none', () => {
    assertBuilt(fixture);
    const slug = readSources(fixture.contentDir).find((d) => d.file === FILE)!.slug;
    const notes = all(readPage(fixture.outDir, `/doc/${slug}/`), '*', (e) => e.attrs.role === 'note');
    const notice = notes.find((n) => text(n).includes('已知问题'));
    expect(notice, notes.map(text).join(' | ')).toBeDefined();
    const items = all(notice!, 'li').map(text);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/发布日期 2025-03-06 晚于年度报告的发布期限 2025-02-20/);
    expect(items[0]).toContain(`说明：${REASON}`);
    for (const rep of reports.filter((x) => x.doc.file !== FILE)) {
      const page = readPage(fixture.outDir, `/doc/${rep.doc.slug}/`);
      expect(text(page).includes('存在以下已知问题'), rep.doc.file).toBe(false);
    }
  });
});
