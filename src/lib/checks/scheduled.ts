// Scheduled publishing (定时发布): a document whose 发布日期 (and time, when written) is after now
// gets no page yet; the build lists it so nothing is silent.
import { diag } from '../diagnostics.ts';
import type { DocumentCheck } from './types.ts';

export const scheduledCheck: DocumentCheck = {
  scope: 'document',
  name: '定时发布的文件',
  run({ meta, heldBack, file, line, data }, { today, now }) {
    if (!meta || !heldBack) return [];
    const timed = (data.published ?? '').length > 10;
    const what = timed
      ? `发布时间 ${meta.publishedAt} 晚于现在（${now}）`
      : `发布日期 ${meta.published} 晚于今天（${today}）`;
    return [
      diag('warning', 'held-back', file, `${what}，本次构建暂不发布（不生成页面，不计入目录）。`, {
        line: line('published'),
        field: 'published',
        fix: '到期后重新构建即可发布；如需现在发布，请改正发布日期。',
      }),
    ];
  },
};
