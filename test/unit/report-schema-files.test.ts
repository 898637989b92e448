// The JSON Schemas of the annual-report data files (schemas/) are generated from the zod schema the
// build reads data files with; `npm run docs` rewrites them. A stale file would let an editor's
// editor accept what the build rejects, or the reverse.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/lib/report/formats.ts';
import { schemaFile, schemaFiles } from '../../src/lib/report/schema-files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('schemas/annual-report-*.schema.json', () => {
  it('one per format', () => {
    expect(schemaFiles().map((f) => f.path)).toEqual([
      'schemas/annual-report-2021.schema.json',
      'schemas/annual-report-2019.schema.json',
    ]);
  });

  it.each(schemaFiles().map((f) => [f.path, f.text]))('%s is current (npm run docs rewrites it)', (rel, text) => {
    const file = path.join(ROOT, rel);
    expect(existsSync(file), `${rel} is missing: run npm run docs`).toBe(true);
    expect(readFileSync(file, 'utf8'), `${rel} is stale: run npm run docs`).toBe(text);
  });

  it('describes the rows in Chinese and accepts nothing else', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, schemaFile('2021')), 'utf8'));
    expect(schema.title).toBe(`政府信息公开工作年度报告数据（${FORMATS['2021'].name}）`);
    expect(schema.required).toEqual(['format', 'year', 'table2', 'table3', 'table4']);
    const granted = schema.properties.table3.properties.granted;
    expect(granted.description).toContain('（一）予以公开');
    expect(granted.minItems).toBe(7);
    expect(granted.maxItems).toBe(7);
    expect(schema.properties.table3.additionalProperties).toBe(false);
  });

  it('every sample data file names the schema of its format', () => {
    const dir = path.join(ROOT, 'content', 'documents', 'annual-reports');
    for (const name of ['gov-2022', 'gov-2025', 'kaerqin-2021', 'finance-2020']) {
      const text = readFileSync(path.join(dir, `${name}.report.yaml`), 'utf8');
      const format = /^format: "(\d{4})"$/m.exec(text)![1] as '2021' | '2019';
      const ref = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)![1]!;
      expect(path.resolve(dir, ref), name).toBe(path.join(ROOT, schemaFile(format)));
    }
  });
});
