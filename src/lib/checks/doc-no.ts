// 文号 (发文字号): 机关代字〔年份〕序号号 (GB/T 9704-2012, docs/domain.md §9). A warning:
// real data also holds 国令第711号-style numbers and legacy forms.
import { diag } from '../diagnostics.ts';
import type { Diagnostic } from '../types.ts';
import type { DocumentCheck } from './types.ts';

const DOC_NO = /^[\u4e00-\u9fa5A-Za-z0-9]+〔(?:19|20)\d{2}〕[1-9]\d*号$/;
const ORDER_NO = /^[\u4e00-\u9fa5]+令第[1-9]\d*号$/;

function checkDocNo(docNo: string, file: string, line: number | undefined): Diagnostic[] {
  const v = docNo.trim();
  if (v === '无' || DOC_NO.test(v) || ORDER_NO.test(v)) return [];
  let hint = '格式应为 机关代字〔年份〕序号号，例如 示政办〔2021〕12号。';
  const m = /^(.+?)[[［【(（〔]((?:19|20)\d{2})[\]］】)）〕]第?0*([1-9]\d*)号$/.exec(v);
  if (m) hint = `年份应使用六角括号〔〕，序号不加“第”和前导零：${m[1]}〔${m[2]}〕${m[3]}号。`;
  else if (/〔\d{2}〕/.test(v)) hint = '年份应写全 4 位，例如〔2021〕。';
  return [
    diag('warning', 'doc-no-format', file, `文号“${v}”不符合 机关代字〔年份〕序号号 的格式。`, {
      line,
      field: 'doc_no',
      fix: hint,
    }),
  ];
}

export const docNoCheck: DocumentCheck = {
  scope: 'document',
  name: '文号的格式',
  run: ({ data, file, line }) => (data.doc_no ? checkDocNo(data.doc_no, file, line('doc_no')) : []),
};
