// lineTable answers lineOf as the parsed document does, for paths that exist and for those that do
// not (the nearest parent's line), so that loadSite can let the parsed frontmatter go.
import { describe, expect, it } from 'vitest';
import { lineTable, parseYamlSource } from '../../src/lib/yaml-source.ts';

const FRONTMATTER = `
title: 关于做好政务公开工作的通知
index_no: "11999999999900011L/202103-00001"
publisher: 测试县人民政府
keywords: [政务公开, 通知]
summary:
attachments:
  - file: a.pdf
    title: 附件一
  -
    file: b.xlsx
report:
  data: gov-2023.report.yaml
  known_defects:
    - rule: report-late
      reason: >
        两行的
        说明
nested: { a: 1, b: [x, y] }
1: numeric key
`;

const PATHS: (string | number)[][] = [
  [],
  ['title'],
  ['index_no'],
  ['keywords'],
  ['keywords', 0],
  ['keywords', 1],
  ['keywords', 2],
  ['summary'],
  ['summary', 'below'],
  ['attachments'],
  ['attachments', 0],
  ['attachments', 0, 'file'],
  ['attachments', 0, 'title'],
  ['attachments', 0, 'missing'],
  ['attachments', 1],
  ['attachments', 1, 'file'],
  ['attachments', '1', 'file'],
  ['attachments', 5, 'file'],
  ['report', 'known_defects', 0, 'rule'],
  ['report', 'known_defects', 0, 'reason'],
  ['report', 'known_defects', 1, 'rule'],
  ['report', 'data'],
  ['nested', 'b', 1],
  ['nested', 'c'],
  [1],
  ['missing'],
  ['missing', 'deeper', 0],
];

describe('lineTable', () => {
  it('gives the line lineOf gives, for every path', () => {
    const src = parseYamlSource(FRONTMATTER, 'a.md');
    expect(src.diagnostics).toEqual([]);
    const table = lineTable(src);
    for (const p of PATHS) expect([p, table.lineOf(p)]).toEqual([p, src.lineOf(p)]);
    expect(table.value).toBe(src.value);
  });

  it('keeps no reference to the parsed document', () => {
    const table = lineTable(parseYamlSource(FRONTMATTER, 'a.md'));
    expect(Object.keys(table).sort()).toEqual(['lineOf', 'value']);
  });

  it('an empty frontmatter has no lines', () => {
    const src = parseYamlSource('\n', 'a.md');
    expect(lineTable(src).lineOf(['title'])).toBe(src.lineOf(['title']));
  });
});
