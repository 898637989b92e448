// Withdrawal (撤回, frontmatter `withdrawn`): it names its date and its reason, both shown on the
// notice page that replaces the document. The document is withdrawn as soon as the field is there,
// whatever else is wrong with it (a withdrawal is often how leaked personal data is taken down), so a
// date in the future or before the 发布日期 only warns: an error would stop the build and keep the
// old site, with what was to be withdrawn, online.
import { diag } from '../diagnostics.ts';
import type { Diagnostic } from '../types.ts';
import type { DocumentCheck } from './types.ts';

export const withdrawnCheck: DocumentCheck = {
  scope: 'document',
  name: '撤回的日期和原因',
  run({ data, file, line, yaml, badFields }, { today }) {
    const w = data.withdrawn;
    if (!w || badFields.has('withdrawn')) return [];
    const out: Diagnostic[] = [];
    const at = line('withdrawn');
    const dateLine = yaml?.lineOf(['withdrawn', 'date']) ?? at;
    if (!w.date) {
      out.push(
        diag('error', 'withdrawn-date-missing', file, '撤回没有填写撤回日期。', {
          line: at,
          field: 'withdrawn.date',
          fix: `在 withdrawn 下写一行 date: 年-月-日，例如 date: ${today}（或用 npx gongkai withdraw 填写）。`,
        }),
      );
    }
    if (!w.reason?.trim()) {
      out.push(
        diag('error', 'withdrawn-reason-missing', file, '撤回没有填写撤回原因，页面上需要向读者说明。', {
          line: at,
          field: 'withdrawn.reason',
          fix: '在 withdrawn 下写一行 reason: 原因，例如 reason: 含有不应公开的个人信息（不要写入需要撤下的内容本身）。',
        }),
      );
    }
    if (w.date && w.date > today) {
      out.push(
        diag('warning', 'withdrawn-future', file, `撤回日期 ${w.date} 晚于今天（${today}）；文件已按撤回处理。`, {
          line: dateLine,
          field: 'withdrawn.date',
          fix: '撤回立即生效，页面会显示填写的日期：核对撤回日期，通常写撤回当天。',
        }),
      );
    }
    const published = typeof data.published === 'string' ? data.published.slice(0, 10) : undefined;
    if (w.date && published && w.date < published) {
      out.push(
        diag('warning', 'withdrawn-before-published', file, `撤回日期 ${w.date} 早于发布日期 ${published}。`, {
          line: dateLine,
          field: 'withdrawn.date',
          fix: '核对撤回日期和发布日期。',
        }),
      );
    }
    return out;
  },
};
