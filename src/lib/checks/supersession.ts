// superseded_by names a document that exists, is not the document itself, is published (not held
// back, not withdrawn), and the chain of replacements never loops (A replaced by B, B replaced by A).
import { diag } from '../diagnostics.ts';
import type { Diagnostic } from '../types.ts';
import type { CheckedDocument, ColumnCheck } from './types.ts';

export const supersessionCheck: ColumnCheck = {
  scope: 'column',
  name: '替代文件存在且不成环',
  run({ documents }) {
    const out: Diagnostic[] = [];
    const byIndexNo = new Map<string, CheckedDocument>();
    for (const d of documents) if (d.meta && !byIndexNo.has(d.meta.indexNo)) byIndexNo.set(d.meta.indexNo, d);
    const next = (d: CheckedDocument) => (d.meta?.supersededBy ? byIndexNo.get(d.meta.supersededBy) : undefined);
    const inLoop = new Set<CheckedDocument>();
    for (const d of documents) {
      const ref = d.meta?.supersededBy;
      if (!d.meta || !ref) continue;
      const target = byIndexNo.get(ref);
      const line = d.line('superseded_by');
      if (!target) {
        out.push(
          diag('error', 'unknown-superseded-by', d.file, `替代文件索引号“${ref}”不属于任何文件。`, {
            line,
            field: 'superseded_by',
            fix: '填写替代本文件的那份文件的索引号（与其 index_no 完全一致），或删除这一行。',
          }),
        );
      } else if (target === d) {
        out.push(
          diag('error', 'self-superseded', d.file, '文件不能被自己替代。', {
            line,
            field: 'superseded_by',
            fix: '填写新文件的索引号。',
          }),
        );
      } else if (target.withdrawn && !d.withdrawn) {
        out.push(
          diag(
            'warning',
            'superseded-by-withdrawn',
            d.file,
            `替代文件“${ref}”（${target.file}）已撤回，本文件页面不再显示指向它的链接。`,
            {
              line,
              field: 'superseded_by',
              fix: '改填现行的替代文件的索引号；没有替代文件时删除这一行。',
            },
          ),
        );
      } else if (target.heldBack) {
        out.push(
          diag(
            'warning',
            'superseded-by-held-back',
            d.file,
            `替代文件“${ref}”尚未到发布日期，本次构建暂不显示指向它的链接。`,
            {
              line,
              field: 'superseded_by',
            },
          ),
        );
      }
      // follow the chain; a loop is reported once, at its first document in file order
      if (!target || target === d || inLoop.has(d)) continue;
      const chain = [d];
      for (let cur = next(d); cur && !chain.includes(cur); cur = next(cur)) chain.push(cur);
      const end = next(chain[chain.length - 1]!);
      if (end && end === d) {
        for (const c of chain) inLoop.add(c);
        const names = chain.map((c) => `${c.file}（${c.meta!.indexNo}）`);
        out.push(
          diag(
            'error',
            'superseded-loop',
            d.file,
            `替代关系成环：${[...names, names[0]].join(' → ')}。每份文件都被另一份替代，没有现行文件。`,
            {
              line,
              field: 'superseded_by',
              fix: '现行有效的那份文件不应填写 superseded_by：删除它的 superseded_by 一行，并把有效性改为 有效。',
            },
          ),
        );
      }
    }
    return out;
  },
};
