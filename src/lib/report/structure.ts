// The form of a report (docs/domain.md §10, §13): its format's six headings present and in
// order, the statistics period it states matching its year, and its publication by the deadline.
// All warnings.
import { diag } from '../diagnostics.ts';
import type { Publisher } from '../types.ts';
import { FORMATS, type FormatId } from './formats.ts';
import { finding, type Finding } from './finding.ts';
import { sentences } from './narrative.ts';

/** A line as a heading key: no Markdown marks or spaces, full-width brackets, '一.' as '一、', no final colon. */
function headingKey(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s*/, '')
    .replace(/<[^>]*>|[*_\s\u3000]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/^([一二三四五六七八九十]+)[.．,，:：]/, '$1、')
    .replace(/[：:。]$/, '');
}

/**
 * Headings accepted for each of the six: the format's own; the 2019 trial format's 五 is known from
 * printed reports only (docs/domain.md §13), so its reports may also use the 2021 wording and back.
 */
function accepted(format: FormatId): string[][] {
  const own = FORMATS[format].headings;
  if (format === '2021') return own.map((h) => [h]);
  return own.map((h, i) => (i === 4 ? [h, FORMATS['2021'].headings[4]!] : [h]));
}

/** The six headings: missing ones, and the first that comes before the one it should follow. */
export function headingFindings(body: string, bodyLine: number, format: FormatId, file: string): Finding[] {
  const lines = body.split('\n').map(headingKey);
  const wanted = accepted(format);
  const found = wanted.map((names) => lines.findIndex((l) => names.some((n) => l.startsWith(n))));
  const out: Finding[] = [];
  const headings = FORMATS[format].headings;
  const fix = `按年报格式，正文依次使用六个标题（各占一行，可写成 ## 标题）：${headings.join('；')}。`;
  const missing = headings.filter((_, i) => found[i]! < 0);
  if (missing.length) {
    out.push(
      finding(
        'headings.missing',
        diag(
          'warning',
          'report-headings',
          file,
          `正文缺少年报格式规定的标题：${missing.map((h) => `“${h}”`).join('、')}。`,
          {
            field: 'body',
            fix,
          },
        ),
      ),
    );
  }
  let previous = -1;
  for (let i = 0; i < headings.length; i++) {
    const at = found[i]!;
    if (at < 0) continue;
    if (previous >= 0 && at < found[previous]!) {
      out.push(
        finding(
          'headings.order',
          diag(
            'warning',
            'report-heading-order',
            file,
            `标题顺序与年报格式不符：“${headings[i]}”出现在“${headings[previous]}”之前。`,
            { line: bodyLine + at, field: 'body', fix },
          ),
        ),
      );
      break;
    }
    previous = i;
  }
  return out;
}

const DATE = String.raw`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`;
const PERIOD = new RegExp(
  String.raw`统计[^。；\d]{0,16}?${DATE}\s*起?\s*(?:至|到|—+|－|-|–|~|～)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*止?`,
);

/** The statistics period the body states ('统计期限自 2021年1月1日起至 2021年12月31日止'), when it states one. */
export function periodFindings(body: string, bodyLine: number, year: number, file: string): Finding[] {
  for (const s of sentences(body, bodyLine)) {
    const m = PERIOD.exec(s.text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48)));
    if (!m) continue;
    const from = Number(m[1]);
    const to = m[4] ? Number(m[4]) : from;
    if (from === year && to === year) return [];
    const span = m[0].slice(m[0].indexOf(m[1]!));
    return [
      finding(
        'period',
        diag('warning', 'report-period', file, `正文写的统计期限“${span}”与报告年度 ${year} 年不符。`, {
          line: s.line,
          field: 'body',
          fix: `统计期限应为 ${year}年1月1日至 ${year}年12月31日；核对正文或报告年度。`,
        }),
      ),
    ];
  }
  return [];
}

/** The date by which a report for `year` is due, and why; undefined when no rule applies. */
export function reportDeadline(
  publisher: Publisher | undefined,
  year: number,
): { date: string; basis: string } | undefined {
  const next = year + 1;
  if (publisher?.reportDeadline) {
    return {
      date: `${next}-${publisher.reportDeadline}`,
      basis: `bodies.yaml 中${publisher.name}的 report_deadline`,
    };
  }
  if (year <= 2018) return { date: `${next}-03-31`, basis: '2019 年以前的年度报告：每年 3 月 31 日前' };
  const level = publisher?.level ?? '';
  if (level.endsWith('政府部门')) {
    return { date: `${next}-01-31`, basis: `${level}：条例第四十九条，每年 1 月 31 日前` };
  }
  if (level.endsWith('人民政府') && level !== '乡镇人民政府') {
    return { date: `${next}-03-31`, basis: `${level}的本级政府年度报告：条例第四十九条，每年 3 月 31 日前` };
  }
  return undefined;
}

/** Published after the deadline; `published` is YYYY-MM-DD. */
export function lateFinding(
  publisher: Publisher | undefined,
  year: number,
  published: string,
  file: string,
  line: number | undefined,
): Finding[] {
  const deadline = reportDeadline(publisher, year);
  if (!deadline || published <= deadline.date) return [];
  return [
    finding(
      'deadline',
      diag(
        'warning',
        'report-late',
        file,
        `发布日期 ${published} 晚于年度报告的发布期限 ${deadline.date}（${deadline.basis}）。`,
        {
          line,
          field: 'published',
          fix: '核对发布日期；如确实逾期发布，按实际日期保留。机构的期限不同于默认值时，在 bodies.yaml 中为它写 report_deadline。',
        },
      ),
    ),
  ];
}
