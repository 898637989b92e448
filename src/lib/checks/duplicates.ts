// Across documents: each 索引号 is used once (also when two differ only in letter case), and each
// document gets its own URL (slugs from 索引号 can collide or be empty).
import { diag } from '../diagnostics.ts';
import type { Diagnostic } from '../types.ts';
import type { ColumnCheck } from './types.ts';

const at = (file: string, line: number | undefined) => `${file}${line ? ` 第 ${line} 行` : ''}`;

export const duplicatesCheck: ColumnCheck = {
  scope: 'column',
  name: '索引号和网址不重复',
  run({ documents }) {
    const out: Diagnostic[] = [];
    // every 索引号 written, even in files with other errors
    const first = new Map<string, { indexNo: string; file: string; line?: number }>();
    for (const doc of documents) {
      if (typeof doc.data.index_no !== 'string') continue;
      const indexNo = doc.data.index_no.trim();
      const line = doc.line('index_no');
      const other = first.get(indexNo.toUpperCase());
      if (!other) {
        first.set(indexNo.toUpperCase(), { indexNo, file: doc.file, line });
        continue;
      }
      const caseOnly = other.indexNo !== indexNo;
      out.push(
        diag(
          'error',
          'duplicate-index-no',
          doc.file,
          caseOnly
            ? `索引号“${indexNo}”与 ${at(other.file, other.line)} 的“${other.indexNo}”只差字母大小写，是同一个索引号。`
            : `索引号“${indexNo}”与 ${at(other.file, other.line)} 重复。`,
          {
            line,
            field: 'index_no',
            fix: '每份文件的索引号必须唯一：核对两份文件，给其中一份改用尚未使用的顺序号。',
            related: [other.file],
          },
        ),
      );
    }
    const bySlug = new Map<string, string>();
    const seenIndexNo = new Set<string>();
    for (const doc of documents) {
      const meta = doc.meta;
      if (!meta || seenIndexNo.has(meta.indexNo.toUpperCase())) continue; // duplicates reported above
      seenIndexNo.add(meta.indexNo.toUpperCase());
      const explicit = !!doc.valid?.slug;
      if (!meta.slug) {
        out.push(
          diag('error', 'empty-slug', doc.file, `无法从索引号“${meta.indexNo}”生成网址（没有字母或数字）。`, {
            line: doc.line('index_no'),
            field: 'slug',
            fix: '添加 slug 字段，例如 slug: zhengce-2021-001。',
          }),
        );
        continue;
      }
      const other = bySlug.get(meta.slug);
      if (other) {
        out.push(
          diag(
            'error',
            'slug-collision',
            doc.file,
            `网址 doc/${meta.slug}/ 与 ${other} 相同（两份文件的${explicit ? '网址标识' : '索引号'}转换后一致）。`,
            {
              line: explicit ? doc.line('slug') : doc.line('index_no'),
              field: 'slug',
              fix: `给其中一份文件添加不同的 slug 字段，例如 slug: ${meta.slug}-2。`,
              related: [other],
            },
          ),
        );
        continue;
      }
      bySlug.set(meta.slug, doc.file);
    }
    return out;
  },
};
