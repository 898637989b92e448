// The field tables of docs/design.md, generated from the schemas (each field's label,
// description, example and whether it is required), so the docs cannot drift from the code.
// `npm run docs` rewrites them; a unit test fails when docs/design.md is not current.
import { fieldsOf, type FieldInfo } from './common.ts';
import { DOCUMENT_FIELDS, attachmentSchema, policyRefSchema } from './document.ts';
import { REDIRECT_FIELDS } from './redirects.ts';
import { PUBLISHER_FIELDS, SITE_FIELDS, genreSchema, sectionSchema, topicOverrideSchema } from './site.ts';

/** The generated tables, by the name of their marker in docs/design.md. */
export const FIELD_TABLES: Record<string, FieldInfo[]> = {
  'site.yaml': SITE_FIELDS,
  'bodies.yaml': PUBLISHER_FIELDS,
  document: DOCUMENT_FIELDS,
  attachment: fieldsOf(attachmentSchema),
  interprets: fieldsOf(policyRefSchema),
  'topics.yaml': fieldsOf(topicOverrideSchema),
  'genres.yaml': fieldsOf(genreSchema),
  'sections.yaml': fieldsOf(sectionSchema),
  'redirects.yaml': REDIRECT_FIELDS,
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** One Markdown table: field, 中文, required, meaning, example. */
export function fieldTable(fields: FieldInfo[]): string {
  const rows = fields.map((f) => {
    const example = f.example ? `\`${cell(f.example)}\`` : '';
    return `| \`${f.path}\` | ${f.label} | ${f.required ? '必填' : '可选'} | ${cell(f.description)} | ${example} |`;
  });
  return ['| field | 中文 | | meaning | example |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** `text` with every `<!-- fields:NAME -->…<!-- /fields:NAME -->` block replaced by the current table. */
export function withFieldTables(text: string): string {
  return text.replace(/<!-- fields:([\w.]+) -->\n[\s\S]*?<!-- \/fields:\1 -->/g, (whole, name: string) => {
    const fields = FIELD_TABLES[name];
    if (!fields) throw new Error(`docs/design.md names an unknown field table "${name}"`);
    return `<!-- fields:${name} -->\n${fieldTable(fields)}\n<!-- /fields:${name} -->`;
  });
}
