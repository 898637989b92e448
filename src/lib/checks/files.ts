// The content folder as a whole: there are documents; no symbolic links; every document is a .md
// file; every other file under documents/ is published by some document (nothing silent).
import { diag } from '../diagnostics.ts';
import type { Diagnostic } from '../types.ts';
import type { ColumnCheck } from './types.ts';

/** Document-like files saved with another extension: an error, they would be lost. */
const NOT_MD = /\.(markdown|mdown|mkd|mdx|txt)$/i;

export const filesCheck: ColumnCheck = {
  scope: 'column',
  name: 'documents/ 中的文件：链接、非 .md 文件、无人引用的文件',
  run({ documents, markdownFiles, otherFiles, symlinks, siteMark }) {
    const out: Diagnostic[] = [];
    for (const link of symlinks) {
      out.push(
        diag('error', 'symlink', link, '这是一个符号链接；出于安全考虑，documents/ 中的链接不会被读取或发布。', {
          fix: '把真实的文件或目录放在这里，不要使用链接。',
        }),
      );
    }
    // a .md file that could not be read (encoding, no frontmatter) is reported as such, not as missing
    if (!markdownFiles.length && !symlinks.length) {
      out.push(
        diag('error', 'no-documents', 'documents/', '没有找到任何文件（content/documents/ 下的 .md 文件）。', {
          fix: '把文件放在 content/documents/ 目录下，扩展名为 .md。',
        }),
      );
    }
    // files of documents with errors count too: one bad date must not make its PDF "unlisted"
    const used = new Set(
      documents.flatMap((d) => [...[...d.attachments, ...d.bodyFiles].map((f) => f.rel), ...d.reportFiles]),
    );
    // site.yaml's 党政机关网站标识 may lie under documents/ too
    if (siteMark) used.add(siteMark.rel);
    for (const other of otherFiles) {
      if (used.has(other)) continue;
      if (NOT_MD.test(other)) {
        const name = other.replace(/\.[^./]+$/, '.md');
        out.push(
          diag(
            'error',
            'not-markdown',
            other,
            '文件不是 .md 文件：gongkai 只把扩展名为 .md 的文件作为文件发布，它会被遗漏。',
            {
              fix: `把扩展名改为 .md（${name}）；如果它是某份文件的附件，请在那份文件的 attachments 中列出它。`,
            },
          ),
        );
        continue;
      }
      out.push(
        diag('warning', 'unused-file', other, '这个文件没有被任何文件列为附件或在正文中链接，不会发布。', {
          fix: '在对应文件的 attachments 中列出它，或删除这个文件。',
        }),
      );
    }
    return out;
  },
};
