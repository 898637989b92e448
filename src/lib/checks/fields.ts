// Frontmatter fields: a key the schema does not know is named (it would be silently ignored), and
// invisible characters pasted from word processors (removed when the file was read) are reported.
import { diag } from '../diagnostics.ts';
import { DOCUMENT_FIELDS } from '../schema/document.ts';
import type { DocumentCheck } from './types.ts';

const KNOWN = DOCUMENT_FIELDS.map((f) => f.path);

export const unknownFieldsCheck: DocumentCheck = {
  scope: 'document',
  name: '无法识别的字段',
  run({ yaml, file }) {
    const v = yaml?.value;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return [];
    return Object.keys(v)
      .filter((k) => !KNOWN.includes(k))
      .map((k) =>
        diag('warning', 'unknown-field', file, `无法识别的字段“${k}”，它不会显示在网页上。`, {
          line: yaml!.lineOf([k]),
          fix: `检查拼写；可用的字段有：${KNOWN.join('、')}。`,
        }),
      );
  },
};

export const invisibleCharactersCheck: DocumentCheck = {
  scope: 'document',
  name: '标题、索引号、文号中的不可见字符',
  run: ({ cleaned, file, line }) =>
    cleaned.map((c) =>
      diag('warning', 'invisible-characters', file, `值中含有看不见的字符（${c.found.join('、')}），已自动删除。`, {
        line: line(c.field),
        field: c.field,
        fix: '这些字符通常是从 Word、WPS 或网页复制时带入的：删除后重新输入这个值，避免检索和查重出错。',
      }),
    ),
};
