// 索引号 checks: the site's pattern, the embedded organisation code (must be the publisher's
// own code, else the site organisation's) with its check character, and the year.
import { diag } from '../diagnostics.ts';
import { checkOrganisationCode, type IndexPattern } from '../index-no.ts';
import type { Diagnostic, Publisher } from '../types.ts';
import type { DocumentCheck } from './types.ts';

interface IndexNoInput {
  indexNo: string;
  pattern: IndexPattern;
  publisher: Publisher | undefined;
  organisation: { name: string; code: string };
  /** False when bodies.yaml could not be read: whose code the 索引号 should carry is then unknown. */
  publishersRead: boolean;
  /** The date the year comes from (发布日期 unless site.yaml says 成文日期). */
  yearDate: string;
  yearFrom: 'published' | 'written';
}

const normCode = (c: string) => c.toUpperCase().replace('-', '');

function checkIndexNo(input: IndexNoInput, file: string, line: number | undefined): Diagnostic[] {
  const { indexNo, pattern, publisher } = input;
  const field = { line, field: 'index_no' };
  const parts = pattern.parse(indexNo);
  if (!parts && pattern.parse(indexNo.toUpperCase())) {
    return [
      diag('error', 'index-no-case', file, `索引号“${indexNo}”中的字母应为大写。`, {
        ...field,
        fix: `改为 ${indexNo.toUpperCase()}（机构代码中的字母一律大写）。`,
      }),
    ];
  }
  if (!parts) {
    return [
      diag('error', 'index-no-pattern', file, `索引号“${indexNo}”不符合本网站的索引号规则 ${pattern.source}。`, {
        ...field,
        fix: `按规则填写，例如 ${pattern.example}（{code} 为机构代码，{yyyymm} 为年月，{serial:5} 为 5 位顺序号）。`,
      }),
    ];
  }
  const out: Diagnostic[] = [];
  if (parts.code !== undefined) {
    const expectedOwner = publisher?.code ? publisher : undefined;
    const expectedCode = expectedOwner?.code ?? input.organisation.code;
    const ownerName = expectedOwner ? expectedOwner.name : `本网站主管机关（${input.organisation.name}）`;
    const check = checkOrganisationCode(parts.code);
    if (!check.ok) {
      out.push(
        diag('error', 'index-no-check-char', file, `索引号中的机构代码“${parts.code}”校验不通过：${check.problem}。`, {
          ...field,
          fix: `核对机构代码；${ownerName}的代码是 ${expectedCode}。`,
        }),
      );
    } else if (input.publishersRead && normCode(parts.code) !== normCode(expectedCode)) {
      out.push(
        diag(
          'error',
          'index-no-code',
          file,
          `索引号中的机构代码“${parts.code}”不是${ownerName}的代码 ${expectedCode}。`,
          {
            ...field,
            fix: `把索引号开头的代码改为 ${expectedCode}${expectedOwner ? '' : '（发布机构在 bodies.yaml 中没有填写 code，因此使用主管机关的代码）'}。`,
          },
        ),
      );
    }
  }
  if (parts.year !== undefined) {
    const [y, m] = input.yearDate.split('-');
    const dateName = input.yearFrom === 'written' ? '成文日期 / written' : '发布日期 / published';
    if (parts.year !== y || (parts.month !== undefined && parts.month !== m)) {
      const want = parts.month !== undefined ? `${y}${m}` : y;
      const got = parts.month !== undefined ? `${parts.year}${parts.month}` : parts.year;
      out.push(
        diag('error', 'index-no-year', file, `索引号中的年份“${got}”与${dateName}（${input.yearDate}）不一致。`, {
          ...field,
          fix: `改为 ${want}，或核对${dateName.split(' ')[0]}。`,
        }),
      );
    }
  }
  return out;
}

export const indexNoCheck: DocumentCheck = {
  scope: 'document',
  name: '索引号的规则、机构代码与年份',
  run({ data, file, line, publisher }, { settings, indexPattern, publishersRead }) {
    if (!settings || !indexPattern || typeof data.index_no !== 'string') return [];
    const yearFrom = settings.indexNo.yearFrom;
    const yearDate = (yearFrom === 'written' ? data.written : data.published)?.slice(0, 10);
    if (!yearDate) return [];
    const input = {
      indexNo: data.index_no,
      pattern: indexPattern,
      publisher,
      organisation: settings.organisation,
      publishersRead,
    };
    return checkIndexNo({ ...input, yearDate, yearFrom }, file, line('index_no'));
  },
};
