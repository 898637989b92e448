// An attachment the search cannot read is a warning naming the document, the attachment field
// both ways, the file, what went wrong and how to fix it (src/lib/search/attachment-texts.ts).
import { describe, it } from 'vitest';
import { unreadableAttachments } from '../../src/lib/search/attachment-texts.ts';
import type { AttachmentText } from '../../src/lib/search/attachment-text.ts';
import type { Attachment } from '../../src/lib/types.ts';
import { expectDiagnostics } from './fixture-column.ts';

const attachment = (fileName: string, title: string): Attachment => ({
  title,
  source: `documents/a/${fileName}`,
  fileName,
  ext: 'PDF',
  bytes: 1,
});

describe('attachments the search cannot read', () => {
  it('warn, one per unreadable file; readable, scanned and unsupported files do not', () => {
    const docs = [
      {
        file: 'documents/a/a.md',
        attachments: [
          attachment('ok.pdf', '附件1'),
          attachment('bad.pdf', '附件2：预算表'),
          attachment('scan.pdf', '附件3'),
        ],
      },
    ];
    const texts = new Map<string, AttachmentText>([
      ['documents/a/ok.pdf', { kind: 'text', text: '预算' }],
      ['documents/a/bad.pdf', { kind: 'error', message: '文件已损坏，无法作为 PDF 打开。' }],
      ['documents/a/scan.pdf', { kind: 'no-text', reason: 'scanned-pdf' }],
    ]);
    expectDiagnostics(unreadableAttachments(docs, texts), [
      {
        level: 'warning',
        code: 'attachment-unreadable',
        file: 'documents/a/a.md',
        field: 'attachments.1',
        fieldZh: '附件',
        message: '附件“附件2：预算表”（bad.pdf）无法读取，站内搜索检索不到其内容：文件已损坏，无法作为 PDF 打开。',
        fix: '用原软件重新导出或另存该文件（PDF 不要加密），替换后重新构建；文件本身无误时可忽略此提示。',
      },
    ]);
  });
});
