// Date rules: 发布日期 not before 成文日期; a future 成文日期 warns (a future 发布日期 holds the
// document back, checks/scheduled.ts); 废止/失效日期 not before 成文日期.
import { diag } from '../diagnostics.ts';
import type { Diagnostic } from '../types.ts';
import type { DocumentCheck } from './types.ts';

export const datesCheck: DocumentCheck = {
  scope: 'document',
  name: '成文日期、发布日期、废止日期的先后',
  run({ data, file, line }, { today }) {
    const out: Diagnostic[] = [];
    const { written, repealed } = data;
    const published = data.published?.slice(0, 10);
    if (written && published && published < written) {
      out.push(
        diag('error', 'published-before-written', file, `发布日期 ${published} 早于成文日期 ${written}。`, {
          line: line('published'),
          field: 'published',
          fix: '文件先成文后发布：核对两个日期，发布日期应不早于成文日期。',
        }),
      );
    }
    if (written && written > today) {
      out.push(
        diag('warning', 'future-written', file, `成文日期 ${written} 晚于今天（${today}）。`, {
          line: line('written'),
          field: 'written',
          fix: '核对成文日期是否填错年份或月份。',
        }),
      );
    }
    if (written && repealed && repealed < written) {
      out.push(
        diag('error', 'repealed-before-written', file, `废止/失效日期 ${repealed} 早于成文日期 ${written}。`, {
          line: line('repealed'),
          field: 'repealed',
          fix: '核对废止/失效日期。',
        }),
      );
    }
    return out;
  },
};
