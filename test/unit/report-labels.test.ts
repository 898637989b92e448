// The labels of the annual-report formats (src/lib/report/formats.ts) against the official labels
// kept verbatim in test/fixtures/report-labels.txt: headings, table 2's blocks, rows and columns,
// table 3's 25 (2021) and 23 (2019) data rows, its 7 columns, spanning headers and 勾稽 note, and
// table 4's 15 cells.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FORMATS,
  TABLE2_ROW_HEADER,
  TABLE3_COLUMNS,
  TABLE3_HEADERS,
  TABLE3_NOTE,
  TABLE4_COLUMNS,
  dataRows,
  type FormatId,
} from '../../src/lib/report/formats.ts';

const TEXT = readFileSync(new URL('../fixtures/report-labels.txt', import.meta.url), 'utf8');

/** The fixture's sections: name → its lines (comments and blank lines left out). */
const SECTIONS = new Map<string, string[]>();
{
  let current: string[] | undefined;
  for (const line of TEXT.split('\n')) {
    const head = /^\[(.+)\]$/.exec(line);
    if (head) SECTIONS.set(head[1]!, (current = []));
    else if (line.trim() && !line.startsWith('#')) current?.push(line);
  }
}
const section = (name: string) => {
  const lines = SECTIONS.get(name);
  if (!lines) throw new Error(`report-labels.txt has no [${name}]`);
  return lines;
};

/** Table 2 as the fixture writes it: 'heading: a / b' and the rows indented below. */
function table2(name: string) {
  const blocks: { heading: string; columns: string[]; rows: string[] }[] = [];
  for (const line of section(name)) {
    if (line.startsWith('  ')) blocks[blocks.length - 1]!.rows.push(line.trim());
    else {
      const [heading, columns] = line.split(': ');
      // '本年增/减' is one label: split on ' / ' only
      blocks.push({ heading: heading!, columns: columns!.split(' / '), rows: [] });
    }
  }
  return blocks;
}

/** Table 3 rows as the fixture writes them: indentation is the level, ' =' marks a group row. */
const table3 = (name: string) =>
  section(name).map((line) => ({
    label: line.trim().replace(/ =$/, ''),
    level: (line.length - line.trimStart().length) / 2,
    group: line.endsWith(' ='),
  }));

describe('the annual-report formats carry the official labels verbatim', () => {
  for (const id of ['2021', '2019'] as FormatId[]) {
    const format = FORMATS[id];
    it(`${id}: the six headings`, () => {
      expect(format.headings).toEqual(section(`${id} headings`));
    });
    it(`${id}: table 2 blocks, columns and rows`, () => {
      expect(
        format.table2.map((b) => ({
          heading: b.heading,
          columns: b.columns.map((c) => c.label),
          rows: b.rows.map((r) => r.label),
        })),
      ).toEqual(table2(`${id} table2`));
    });
    it(`${id}: table 3 rows, their levels and group rows`, () => {
      expect(format.table3.map((r) => ({ label: r.label, level: r.level, group: r.group }))).toEqual(
        table3(`${id} table3`),
      );
    });
    it(`${id}: table 4 blocks`, () => {
      expect(format.table4.map((b) => (b.parent ? `${b.parent} / ${b.label}` : b.label))).toEqual(
        section('table4 blocks'),
      );
    });
  }

  it('2021: 25 data rows of table 3, 21 of them outcome rows; 2019: 23 and 19', () => {
    expect(dataRows(FORMATS['2021'])).toHaveLength(25);
    expect(FORMATS['2021'].table3.filter((r) => r.outcome)).toHaveLength(21);
    expect(dataRows(FORMATS['2019'])).toHaveLength(23);
    expect(FORMATS['2019'].table3.filter((r) => r.outcome)).toHaveLength(19);
  });

  it('table 3: 7 columns, the two spanning headers and the 勾稽 note', () => {
    expect(TABLE3_COLUMNS.map((c) => c.label)).toEqual(section('table3 columns'));
    expect([TABLE3_HEADERS.applicant, TABLE3_HEADERS.organisation]).toEqual(section('table3 spanning headers'));
    expect(TABLE3_NOTE).toBe(section('table3 note')[0]);
    expect(TABLE2_ROW_HEADER).toBe(section('table2 row header')[0]);
  });

  it('table 4: 3 blocks × 5 columns = 15 cells', () => {
    expect(TABLE4_COLUMNS.map((c) => c.label)).toEqual(section('table4 columns'));
    expect(FORMATS['2021'].table4.length * TABLE4_COLUMNS.length).toBe(15);
  });
});
