// Date rules: 发布日期 not before 成文日期; a future 成文日期 warns (a future 发布日期 holds the
// document back, see loadSite); normative documents carry 有效性 and, when 废止/失效, a date.
import { diag } from '../diagnostics.ts';
import type { DocumentFrontmatter } from '../schema/document.ts';
import type { Diagnostic } from '../types.ts';

type LineOf = (field: string) => number | undefined;

export function checkDates(d: DocumentFrontmatter, file: string, line: LineOf, today: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (d.published < d.written) {
    out.push(
      diag('error', 'published-before-written', file, `发布日期 ${d.published} 早于成文日期 ${d.written}。`, {
        line: line('published'),
        field: 'published',
        fix: '文件先成文后发布：核对两个日期，发布日期应不早于成文日期。',
      }),
    );
  }
  if (d.written > today) {
    out.push(
      diag('warning', 'future-written', file, `成文日期 ${d.written} 晚于今天（${today}）。`, {
        line: line('written'),
        field: 'written',
        fix: '核对成文日期是否填错年份或月份。',
      }),
    );
  }
  if (d.repealed && d.repealed < d.written) {
    out.push(
      diag('error', 'repealed-before-written', file, `废止/失效日期 ${d.repealed} 早于成文日期 ${d.written}。`, {
        line: line('repealed'),
        field: 'repealed',
        fix: '核对废止/失效日期。',
      }),
    );
  }
  return out;
}

export function checkNormative(d: DocumentFrontmatter, file: string, line: LineOf): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (d.normative && !d.validity) {
    out.push(
      diag('error', 'normative-without-validity', file, `${d.normative}必须注明有效性。`, {
        line: line('normative'),
        field: 'validity',
        fix: '添加一行 validity: 有效（或 失效、废止）。',
      }),
    );
  }
  if (d.normative && (d.validity === '废止' || d.validity === '失效') && !d.repealed) {
    out.push(
      diag('error', 'repealed-date-missing', file, `${d.normative}已${d.validity}，但没有填写${d.validity}日期。`, {
        line: line('validity'),
        field: 'repealed',
        fix: `添加一行 repealed: 年-月-日（${d.validity}日期）。`,
      }),
    );
  }
  if (d.repealed && d.validity !== '废止' && d.validity !== '失效') {
    out.push(
      diag('error', 'repealed-but-valid', file, `填写了废止/失效日期 ${d.repealed}，但有效性不是“废止”或“失效”。`, {
        line: line('repealed'),
        field: 'validity',
        fix: '把 validity 改为 废止 或 失效，或删除 repealed。',
      }),
    );
  }
  if (d.superseded_by && d.validity !== '废止' && d.validity !== '失效') {
    out.push(
      diag('warning', 'superseded-but-valid', file, '填写了替代文件，但有效性不是“废止”或“失效”。', {
        line: line('superseded_by'),
        field: 'validity',
        fix: '被替代的文件通常应注明 validity: 废止（或 失效）。',
      }),
    );
  }
  return out;
}
