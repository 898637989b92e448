// The schemas are the one place a field is written down: its label, description, type and
// docs/design.md's tables all come from them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { camelKeys } from '../../src/lib/camel.ts';
import { FIELD_NAMES } from '../../src/lib/diagnostics.ts';
import { FIELD_TABLES, withFieldTables } from '../../src/lib/schema/field-docs.ts';
import { DOCUMENT_FIELDS } from '../../src/lib/schema/document.ts';
import { SITE_FIELDS } from '../../src/lib/schema/site.ts';

describe('field labels come from the schemas', () => {
  it('docs/design.md holds the current field tables (npm run docs rewrites them)', () => {
    const text = readFileSync(new URL('../../docs/design.md', import.meta.url), 'utf8');
    expect(withFieldTables(text)).toBe(text);
    for (const name of Object.keys(FIELD_TABLES)) expect(text).toContain(`<!-- fields:${name} -->`);
  });

  it.each([
    ['index_no', '索引号'],
    ['publisher', '发布机构'],
    ['published', '发布日期'],
    ['superseded_by', '替代文件索引号'],
    ['footer.police_record', '公安机关备案号'],
    ['office.email', '电子邮箱'],
    ['site_url', '网站地址'],
    ['level', '机构层级'],
    ['body', '正文'],
  ])('%s is labelled %s in messages', (field, label) => {
    expect(FIELD_NAMES[field]).toBe(label);
  });

  it('every document and site.yaml field has a label and a description', () => {
    for (const f of [...DOCUMENT_FIELDS, ...SITE_FIELDS]) {
      expect(f.label, f.path).toMatch(/\p{Script=Han}/u);
      expect(f.description.length, f.path).toBeGreaterThan(2);
    }
  });

  it('text fields are the ones a YAML number must not fill', () => {
    const text = DOCUMENT_FIELDS.filter((f) => f.text).map((f) => f.path);
    expect(text).toEqual(expect.arrayContaining(['title', 'index_no', 'doc_no', 'superseded_by', 'publisher']));
    expect(text).not.toContain('attachments');
    expect(SITE_FIELDS.find((f) => f.path === 'organisation.code')?.text).toBe(true);
  });
});

describe('camelKeys', () => {
  it('renames nested keys and keeps arrays', () => {
    expect(camelKeys({ site_id_code: 'x', footer: { police_record: 'p' }, attachment_types: ['a_b'] })).toEqual({
      siteIdCode: 'x',
      footer: { policeRecord: 'p' },
      attachmentTypes: ['a_b'],
    });
  });
});
