// Narrative vs tables: sentences of a report's body that state a figure of its tables
// (收到申请 N 件, 予以公开 N 件, 办结 N 件, 行政复议 N 件, 行政诉讼 N 件, "N 件，占 P%") are
// compared with them (docs/domain.md §13: the most frequent real defect). These checks also run on
// real reports nobody here wrote, and a false alarm costs as much as a miss, so only clear
// patterns are read (Arabic digits, and Chinese numerals right before 件/起: 收到申请十二件): the words between a keyword and its number come from a
// short list, a clause about a part (自然人, 网络申请, 本级, 部门, 全县, 逾期 …) is skipped, and so is
// every sentence that compares years or names another year. Each disagreement is a warning
// quoting the sentence.
import Nzh from 'nzh';
import { diag } from '../diagnostics.ts';
import { cellName, type ReportData } from './data.ts';
import { FORMATS } from './formats.ts';
import { finding, type Finding } from './finding.ts';

/** Words allowed between a figure's keyword and its number ('收到申请共计 12 件'). */
const FILL = String.raw`(?:共计|总计|合计|共|计|为|达|总数|数量|\s|：|:)*`;
/** A whole number (not the end of a decimal) and the spaces after it. */
const COUNT = String.raw`(?<![\d.])(\d+)\s*`;

/** The figures read, each with the words that state it. */
const CLAIMS = {
  received: new RegExp(
    String.raw`(?:收到|受理|新收|接收)(?:各类|政府信息公开|信息公开|的|了|共计|共|\s)*申请${FILL}${COUNT}件`,
    'g',
  ),
  grantedPartly: new RegExp(String.raw`予以公开(?:及|和|与|以及|、)部分公开${FILL}${COUNT}件`, 'g'),
  granted: new RegExp(String.raw`予以公开(?:的|申请)?${FILL}${COUNT}件`, 'g'),
  closed: new RegExp(String.raw`办结(?:政府信息公开申请|申请)?${FILL}${COUNT}件`, 'g'),
  review: new RegExp(String.raw`行政复议(?:案件|申请)?${FILL}${COUNT}(?:件|起)`, 'g'),
  litigation: new RegExp(String.raw`行政诉讼(?:案件)?${FILL}${COUNT}(?:件|起)`, 'g'),
} as const;
type Claim = keyof typeof CLAIMS;

/** 'N 件，占 P%' (also 占比、占总数的 …). */
const PERCENT = new RegExp(
  String.raw`${COUNT}件\s*[，,（(、]?\s*占(?:比例|比|申请总数|办结总数|全部申请|申请量|总件数|总数|总量|全部|的|为|\s)*(\d+(?:\.\d+)?)\s*%`,
  'g',
);

/** A sentence that compares years or counts over a period other than the year. */
const OTHER_PERIOD =
  /去年|上一?年(?!度?结转)|前一?年|往年|同比|环比|较上|较去|比上|比去|增长|下降|增加|减少|持平|累计|历年|以来|季度|上半年|下半年|月份/;
/**
 * Words before a figure, in its clause, that make it a part of the whole (an applicant type, a
 * channel, a unit) or of another whole (a county's bodies together: which one the tables hold is
 * not known).
 */
const PART =
  /自然人|法人|企业|机构|组织|当面|现场|网络|网上|在线|信函|邮寄|传真|邮件|电话|渠道|本级|部门|乡镇|街道|单位|全[县市区省州旗盟]|各级|各地|[县市区]直/;
const PART_OF: Partial<Record<Claim, RegExp>> = {
  granted: /部分|不予/,
  closed: /逾期|超期|延期|当场|当日|按时|按期|及时|限时|提前/,
  review: /受理|办理|审理|作为|复议机关|办结|应诉/,
  litigation: /受理|办理|审理|作为|办结|应诉/,
};
const CLAUSE_BREAK = /[，,：:（(、；;]/;

/** A count in Chinese numerals right before its unit: 三件, 十二件, 一百零五件, 两起, 〇件. */
const CHINESE_COUNT = /[零〇一二两三四五六七八九十百千万]+(?=\s*[件起])/g;

/**
 * Full-width digits, Chinese numerals before 件/起 and percent signs as ASCII; Markdown emphasis and
 * thousands separators removed.
 */
export function normalise(text: string): string {
  return text
    .replace(CHINESE_COUNT, (n) =>
      /^[零〇一二两三四五六七八九十]/.test(n) ? Nzh.cn.decodeS(n.replace(/两/g, '二').replace(/〇/g, '零')) : n,
    )
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/％/g, '%')
    .replace(/[*_]/g, '')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

/** The clause before `index`: the text since the last comma, colon, bracket or enumeration comma. */
function clauseBefore(text: string, index: number): string {
  let i = index;
  while (i > 0 && !CLAUSE_BREAK.test(text[i - 1]!)) i--;
  return text.slice(i, index);
}

/** The sentences of a body with their file lines; Markdown tables, fenced code and HTML-only lines left out. */
export function sentences(body: string, bodyLine: number): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let fenced = false;
  body.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) {
      fenced = !fenced;
      return;
    }
    if (fenced || !line || line.startsWith('|') || /^<[^>]*>$/.test(line)) return;
    for (const m of line.matchAll(/[^。！？；!?;]+[。！？；!?;]?/g)) {
      const text = m[0].trim();
      if (text) out.push({ text, line: bodyLine + i });
    }
  });
  return out;
}

const quote = (text: string) => {
  const plain = text.replace(/\*\*/g, '');
  return plain.length > 120 ? `${plain.slice(0, 118)}……` : plain;
};

/** Decimal places of a number as written ('51.85' → 2). */
const decimals = (written: string) => written.split('.')[1]?.length ?? 0;

/** Every figure of the narrative that disagrees with the tables. */
export function narrativeFindings(
  body: string,
  bodyLine: number,
  data: ReportData,
  year: number,
  file: string,
): Finding[] {
  const format = FORMATS[data.format];
  const t3 = (row: string) => data.table3[row]![6]!;
  const t4 = (block: string) => data.table4[block]![4]!;
  const cell3 = (row: string) => cellName(format, 'table3', row, 6);
  const cell4 = (block: string) => cellName(format, 'table4', block, 4);
  const fix = '核对正文中的数字与表格：以表格为准改正正文，或改正表格中填错的数字。';
  const out: Finding[] = [];

  for (const s of sentences(body, bodyLine)) {
    const text = normalise(s.text);
    if (OTHER_PERIOD.test(text)) continue;
    if ([...text.matchAll(/(\d{4})\s*年/g)].some((m) => Number(m[1]) !== year)) continue;
    const warn = (claim: Claim | 'percent', message: string) =>
      out.push(
        finding(
          `narrative.${claim}`,
          diag('warning', 'report-narrative', file, `正文“${quote(s.text)}”${message}`, {
            line: s.line,
            field: 'body',
            fix,
          }),
        ),
      );

    for (const claim of Object.keys(CLAIMS) as Claim[]) {
      for (const m of text.matchAll(CLAIMS[claim])) {
        const before = clauseBefore(text, m.index);
        if (PART.test(before) || PART_OF[claim]?.test(before)) continue;
        const n = Number(m[1]);
        if (claim === 'received') {
          const received = t3('new_received');
          const withCarried = received + t3('carried_over');
          if (n !== received && n !== withCarried) {
            warn(
              claim,
              `说收到申请 ${n} 件，但${cell3('new_received')}是 ${received}（加上“二、上年结转政府信息公开申请数量”为 ${withCarried}）。`,
            );
          }
        } else if (claim === 'granted') {
          if (n !== t3('granted')) warn(claim, `说予以公开 ${n} 件，但${cell3('granted')}是 ${t3('granted')}。`);
        } else if (claim === 'grantedPartly') {
          const v = t3('granted') + t3('partly_granted');
          if (n !== v) {
            warn(claim, `说予以公开及部分公开 ${n} 件，但${cell3('granted')}与${cell3('partly_granted')}之和是 ${v}。`);
          }
        } else if (claim === 'closed') {
          if (n !== t3('total')) warn(claim, `说办结 ${n} 件，但${cell3('total')}是 ${t3('total')}。`);
        } else if (claim === 'review') {
          if (n !== t4('review')) warn(claim, `说行政复议 ${n} 件，但${cell4('review')}是 ${t4('review')}。`);
        } else {
          const v = t4('litigation_direct') + t4('litigation_after_review');
          if (n !== v) {
            warn(
              claim,
              `说行政诉讼 ${n} 件，但${cell4('litigation_direct')}与${cell4('litigation_after_review')}之和是 ${v}。`,
            );
          }
        }
      }
    }

    if (/复议|诉讼/.test(text)) continue;
    // a share may be of the applications handled, of those received, or of those received and carried over
    const totals = [
      { value: t3('total'), name: cell3('total') },
      { value: t3('new_received'), name: cell3('new_received') },
      { value: t3('new_received') + t3('carried_over'), name: '表三“一”与“二”的“总计”之和' },
    ].filter((d) => d.value > 0);
    if (!totals.length) continue;
    for (const m of text.matchAll(PERCENT)) {
      if (PART.test(clauseBefore(text, m.index))) continue;
      const n = Number(m[1]);
      const written = m[2]!;
      const unit = 10 ** -decimals(written);
      if (totals.some((d) => Math.abs(Number(written) - (100 * n) / d.value) < unit + 1e-9)) continue;
      const d = totals[0]!;
      const share = ((100 * n) / d.value).toFixed(Math.max(decimals(written), 2));
      warn('percent', `中的 ${written}% 与表三不符：${n} 件占${d.name} ${d.value} 件的 ${share}%。`);
    }
  }
  return out;
}
