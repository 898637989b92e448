// Normative documents (规章, 行政规范性文件) carry 有效性, and a 废止/失效 one its date; a
// 废止/失效 date or a replacement only goes with a document that is no longer in force.
import { diag } from '../diagnostics.ts';
import type { Diagnostic } from '../types.ts';
import type { DocumentCheck } from './types.ts';

const notInForce = (v: string | undefined) => v === '废止' || v === '失效';

export const normativeCheck: DocumentCheck = {
  scope: 'document',
  name: '规范性文件的有效性与废止日期',
  run({ data, badFields, file, line }) {
    if (badFields.has('validity') || badFields.has('normative') || badFields.has('repealed')) return [];
    const out: Diagnostic[] = [];
    const { normative, validity, repealed } = data;
    if (normative && !validity) {
      out.push(
        diag('error', 'normative-without-validity', file, `${normative}必须注明有效性。`, {
          line: line('normative'),
          field: 'validity',
          fix: '添加一行 validity: 有效（或 失效、废止）。',
        }),
      );
    }
    if (normative && notInForce(validity) && !repealed) {
      out.push(
        diag('error', 'repealed-date-missing', file, `${normative}已${validity}，但没有填写${validity}日期。`, {
          line: line('validity'),
          field: 'repealed',
          fix: `添加一行 repealed: 年-月-日（${validity}日期）。`,
        }),
      );
    }
    if (repealed && !notInForce(validity)) {
      out.push(
        diag('error', 'repealed-but-valid', file, `填写了废止/失效日期 ${repealed}，但有效性不是“废止”或“失效”。`, {
          line: line('repealed'),
          field: 'validity',
          fix: '把 validity 改为 废止 或 失效，或删除 repealed。',
        }),
      );
    }
    if (data.superseded_by && !notInForce(validity)) {
      out.push(
        diag('warning', 'superseded-but-valid', file, '填写了替代文件，但有效性不是“废止”或“失效”。', {
          line: line('superseded_by'),
          field: 'validity',
          fix: '被替代的文件通常应注明 validity: 废止（或 失效）。',
        }),
      );
    }
    return out;
  },
};
