// Files a document publishes: its attachments and the local files its body links (images,
// downloads). Each must be a real file in the document's folder (or below), not a symbolic link,
// and of a type that cannot run code when opened from the site (src/lib/file-policy.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { diag } from '../diagnostics.ts';
import { allowedTypes, checkPublishableFile, describeVerdict } from '../file-policy.ts';
import type { FileRef } from '../column.ts';
import type { Diagnostic } from '../types.ts';
import type { DocumentCheck } from './types.ts';

export const attachmentsCheck: DocumentCheck = {
  scope: 'document',
  name: '附件与正文链接的文件',
  run({ file, attachments, bodyFiles, withdrawn }, { contentDir, settings }) {
    // a withdrawn document publishes no files: its editor may have deleted them already
    if (withdrawn) return [];
    const out: Diagnostic[] = [];
    const extra = settings?.attachmentTypes ?? [];
    const allowed = allowedTypes(extra);
    const problem = (ref: FileRef, kind: 'attachment' | 'body') => {
      const field = kind === 'attachment' ? 'attachments' : 'body';
      const what = kind === 'attachment' ? '附件' : '正文链接的文件';
      const at = { line: ref.line, field };
      if (ref.state === 'outside') {
        return kind === 'attachment'
          ? diag('error', 'attachment-outside', file, `附件“${ref.written}”不在本文件所在目录中。`, {
              ...at,
              fix: '把附件放在 Markdown 文件旁边（同一目录或其子目录），file 写相对路径。',
            })
          : diag(
              'error',
              'missing-link-target',
              file,
              `正文链接的文件“${ref.written}”不存在（只能链接本文件所在目录或其子目录中的文件）。`,
              {
                ...at,
                fix: '把该文件放在 Markdown 文件旁边，或改正链接中的文件名。',
              },
            );
      }
      if (ref.state === 'symlink') {
        return diag('error', 'symlink', file, `${what}“${ref.written}”是符号链接，出于安全考虑不予发布。`, {
          ...at,
          fix: '把真实文件复制到 Markdown 文件旁边，不要使用链接。',
        });
      }
      if (ref.state === 'missing') {
        return kind === 'attachment'
          ? diag('error', 'missing-attachment', file, `附件文件“${ref.written}”不存在（应在内容目录的 ${ref.rel}）。`, {
              ...at,
              fix: '把附件文件放到该位置，或改正 file 中的文件名（注意扩展名和全角/半角字符）。',
            })
          : diag('error', 'missing-link-target', file, `正文链接的文件“${ref.written}”不存在。`, {
              ...at,
              fix: '把该文件放在 Markdown 文件旁边，或改正链接中的文件名。',
            });
      }
      const verdict = checkPublishableFile(ref.rel, () => readFileSync(path.join(contentDir, ref.rel)), extra);
      if (verdict.ok) return undefined;
      const role = kind === 'attachment' ? 'attachment' : 'body-file';
      const { message, fix } = describeVerdict(path.posix.basename(ref.rel), verdict, allowed, role);
      return diag('error', 'file-type', file, message, { ...at, fix });
    };
    for (const a of attachments) {
      const d = problem(a, 'attachment');
      if (d) out.push(d);
    }
    for (const f of bodyFiles) {
      const d = problem(f, 'body');
      if (d) out.push(d);
    }
    return out;
  },
};

export const bodyMarkupCheck: DocumentCheck = {
  scope: 'document',
  name: '正文中的 HTML：脚本、内联样式、其他网站的资源',
  run: ({ scan, withdrawn }) => (withdrawn ? [] : scan.diagnostics),
};
