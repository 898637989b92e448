// interprets (解读对象): a 解读 names the policy it interprets, by its 索引号 in the column or by title and
// address elsewhere; loadSite links both ways (interprets ↔ interpretations) and the checks report
// what does not resolve, with the exact messages.
import { describe, expect, it } from 'vitest';
import { readColumn } from '../../src/lib/column.ts';
import { loadSite } from '../../src/lib/site.ts';
import { BASE_DOC, ORG_CODE, doc, expectDiagnostics, writeColumn, type ExpectedDiagnostic } from './fixture-column.ts';

const TODAY = '2026-11-27';
const POLICY = 'documents/policy.md';
const JIEDU = 'documents/jiedu.md';
const POLICY_NO = `${ORG_CODE}/202103-00001`;
const POLICY_SLUG = '11999999999900011l-202103-00001';
const JIEDU_SLUG = '11999999999900011l-202103-00002';
/** The frontmatter line of a field added after the 解读's last one (section; it has no 文号). */
const LINE = 12;

const jiedu = (change: Record<string, unknown>) => ({
  ...BASE_DOC,
  title: '《关于做好政务公开工作的通知》政策解读',
  index_no: `${ORG_CODE}/202103-00002`,
  genre: '解读',
  doc_no: undefined,
  ...change,
});
/** Serialises a document without the fields set to undefined. */
const write = (fields: Record<string, unknown>) =>
  doc(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));

function load(jieduChange: Record<string, unknown>, extra: Record<string, string> = {}) {
  return loadSite(writeColumn({ [POLICY]: write(BASE_DOC), [JIEDU]: write(jiedu(jieduChange)), ...extra }), {
    today: TODAY,
  });
}
const bySlug = (site: ReturnType<typeof load>) => new Map(site.documents.map((d) => [d.slug, d]));

describe('interprets resolves both ways', () => {
  it('a 索引号 of the column: the 解读 names the policy, the policy lists the 解读', () => {
    const site = load({ interprets: POLICY_NO });
    expect(site.diagnostics).toEqual([]);
    const docs = bySlug(site);
    expect(docs.get(JIEDU_SLUG)!.interprets).toEqual([{ slug: POLICY_SLUG }]);
    expect(docs.get(POLICY_SLUG)!.interpretations).toEqual([JIEDU_SLUG]);
    // a document with neither carries neither field
    expect(docs.get(POLICY_SLUG)!.interprets).toBeUndefined();
    expect(docs.get(JIEDU_SLUG)!.interpretations).toBeUndefined();
  });

  it('a policy published elsewhere: title and address, no link back', () => {
    const provincial = { title: '某省最低生活保障办法', url: 'https://www.example.gov.cn/zcwj/123.html' };
    const site = load({ interprets: provincial });
    expect(site.diagnostics).toEqual([]);
    expect(bySlug(site).get(JIEDU_SLUG)!.interprets).toEqual([provincial]);
    expect(bySlug(site).get(POLICY_SLUG)!.interpretations).toBeUndefined();
  });

  it('a list: several policies, in order; a policy named twice is linked once', () => {
    const provincial = { title: '某省最低生活保障办法', url: 'http://www.example.gov.cn/a.html' };
    const site = load({ interprets: [provincial, POLICY_NO, POLICY_NO] });
    expect(site.diagnostics).toEqual([]);
    expect(bySlug(site).get(JIEDU_SLUG)!.interprets).toEqual([provincial, { slug: POLICY_SLUG }]);
    expect(bySlug(site).get(POLICY_SLUG)!.interpretations).toEqual([JIEDU_SLUG]);
  });

  it('a policy with several 解读 lists them oldest first', () => {
    const later = jiedu({ index_no: `${ORG_CODE}/202103-00003`, published: '2021-03-20', interprets: POLICY_NO });
    const earlier = jiedu({ published: '2021-03-10', interprets: POLICY_NO });
    // file order is the opposite of publication order
    const site = loadSite(
      writeColumn({ 'documents/a-later.md': write(later), [JIEDU]: write(earlier), [POLICY]: write(BASE_DOC) }),
      { today: TODAY },
    );
    expect(site.diagnostics).toEqual([]);
    expect(bySlug(site).get(POLICY_SLUG)!.interpretations).toEqual([JIEDU_SLUG, '11999999999900011l-202103-00003']);
  });

  it('a 解读 held back is not listed on the policy’s page yet', () => {
    const site = load({
      index_no: `${ORG_CODE}/202701-00002`,
      written: '2026-11-01',
      published: '2027-01-05',
      interprets: POLICY_NO,
    });
    expect(site.diagnostics.map((d) => d.code)).toEqual(['held-back']);
    expect(bySlug(site).get(POLICY_SLUG)!.interpretations).toBeUndefined();
  });
});

const UNKNOWN_FIX =
  '填写所解读政策的索引号（与其 index_no 完全一致，加引号）；政策不在本网站发布时改写为 title 和 url 两项：政策标题和原文网址。';

/** [name, change to the 解读, every diagnostic expected] */
const cases: [string, Record<string, unknown>, ExpectedDiagnostic[]][] = [
  [
    'a 索引号 that names no document, with the nearest one',
    { interprets: `${ORG_CODE}/202103-00011` },
    [
      {
        level: 'error',
        code: 'unknown-interprets',
        file: JIEDU,
        line: LINE,
        field: 'interprets',
        fieldZh: '解读对象',
        message: `解读对象“${ORG_CODE}/202103-00011”不是本网站任何文件的索引号。是不是“${POLICY_NO}”？`,
        fix: `改为 interprets: "${POLICY_NO}"（与那份文件的 index_no 完全一致）。`,
      },
    ],
  ],
  [
    'a 索引号 like no other: no suggestion',
    { interprets: 'ABC' },
    [
      {
        level: 'error',
        code: 'unknown-interprets',
        file: JIEDU,
        line: LINE,
        field: 'interprets',
        fieldZh: '解读对象',
        message: '解读对象“ABC”不是本网站任何文件的索引号。',
        fix: UNKNOWN_FIX,
      },
    ],
  ],
  [
    'the policy’s 文号 instead of its 索引号',
    { interprets: '测政办〔2021〕3号' },
    [
      {
        level: 'error',
        code: 'unknown-interprets',
        file: JIEDU,
        line: LINE,
        field: 'interprets',
        fieldZh: '解读对象',
        message: `解读对象“测政办〔2021〕3号”不是本网站任何文件的索引号。它是文件“${BASE_DOC.title}”的文号。`,
        fix: `解读对象写索引号：interprets: "${POLICY_NO}"`,
      },
    ],
  ],
  [
    'the policy’s title in 《》 instead of its 索引号',
    { interprets: `《${BASE_DOC.title as string}》` },
    [
      {
        level: 'error',
        code: 'unknown-interprets',
        file: JIEDU,
        line: LINE,
        field: 'interprets',
        fieldZh: '解读对象',
        message: `解读对象“《${BASE_DOC.title as string}》”不是本网站任何文件的索引号。它是文件“${BASE_DOC.title as string}”的标题。`,
        fix: `解读对象写索引号：interprets: "${POLICY_NO}"`,
      },
    ],
  ],
  [
    'an unknown 索引号 in a list: the line of its item',
    { interprets: [POLICY_NO, 'ABC'] },
    [
      {
        level: 'error',
        code: 'unknown-interprets',
        file: JIEDU,
        line: LINE + 2,
        field: 'interprets',
        message: '解读对象“ABC”不是本网站任何文件的索引号。',
      },
    ],
  ],
  [
    'the 解读 itself',
    { interprets: `${ORG_CODE}/202103-00002` },
    [
      {
        level: 'error',
        code: 'self-interprets',
        file: JIEDU,
        line: LINE,
        field: 'interprets',
        fieldZh: '解读对象',
        message: '解读对象不能是本文件自己。',
        fix: '填写所解读的那份政策文件的索引号。',
      },
    ],
  ],
  [
    'on a document that is no 解读: a warning, the link is kept',
    { genre: '通知', interprets: POLICY_NO },
    [
      {
        level: 'warning',
        code: 'interprets-genre',
        file: JIEDU,
        line: LINE,
        field: 'interprets',
        fieldZh: '解读对象',
        message: '解读对象只用于体裁为“解读”的文件，本文件的体裁是“通知”。',
        fix: '如本文件是政策解读，把体裁改为 解读；如要说明本文件有解读，应在那份解读中写 interprets: "本文件的索引号"，并删除本文件的 interprets。',
      },
    ],
  ],
  [
    'an address that is not http(s)',
    { interprets: { title: '某省最低生活保障办法', url: 'ftp://www.example.gov.cn/a.pdf' } },
    [
      {
        level: 'error',
        code: 'schema',
        file: JIEDU,
        line: LINE + 2,
        field: 'interprets.url',
        fieldZh: '政策网址',
        message: '网址“ftp://www.example.gov.cn/a.pdf”不是以 http:// 或 https:// 开头的完整网址。',
      },
    ],
  ],
  [
    'an address without its scheme',
    { interprets: [{ title: '某省最低生活保障办法', url: 'www.example.gov.cn/a.html' }] },
    [
      {
        level: 'error',
        code: 'schema',
        file: JIEDU,
        line: LINE + 2,
        field: 'interprets.url',
        fieldZh: '政策网址',
        message: '网址“www.example.gov.cn/a.html”不是以 http:// 或 https:// 开头的完整网址。（第 1 项）',
      },
    ],
  ],
  [
    'a policy elsewhere without its address',
    { interprets: { title: '某省最低生活保障办法' } },
    [
      {
        level: 'error',
        code: 'schema',
        file: JIEDU,
        line: LINE,
        field: 'interprets',
        fieldZh: '解读对象',
        message: '本网站以外的政策要写 title 和 url 两项，这里缺少 url。',
        fix: '补上一行 url: https://……（政策原文网页的网址），与 title 对齐。',
      },
    ],
  ],
  [
    'a policy elsewhere without its title, in a list',
    { interprets: [POLICY_NO, { url: 'https://www.example.gov.cn/a.html' }] },
    [
      {
        level: 'error',
        code: 'schema',
        file: JIEDU,
        line: LINE,
        field: 'interprets',
        fieldZh: '解读对象',
        message: '本网站以外的政策要写 title 和 url 两项，这里缺少 title。',
        fix: '补上一行 title: ……（政策的完整标题），与 url 对齐。',
      },
    ],
  ],
  [
    'a number',
    { interprets: 12 },
    [
      {
        level: 'error',
        code: 'schema',
        file: JIEDU,
        line: LINE,
        field: 'interprets',
        fieldZh: '解读对象',
        message: '解读对象应为索引号（文字）、title 和 url 两项，或它们的列表，实为数字。',
        fix: '本网站的文件写 interprets: "索引号"（加引号）；本网站以外的政策写两行：title: 政策标题 和 url: https://……（放在 interprets: 下一行，缩进两格）。',
      },
    ],
  ],
];

describe('interprets: each problem, exactly', () => {
  it.each(cases)('%s', (_name, change, expected) => {
    expectDiagnostics(load(change).diagnostics, expected, { fieldZh: expected.every((e) => 'fieldZh' in e) });
  });

  it('a policy held back: a warning, and no link until it is published', () => {
    const later = { ...BASE_DOC, index_no: `${ORG_CODE}/202701-00001`, written: '2026-11-01', published: '2027-01-05' };
    const site = loadSite(
      writeColumn({ [POLICY]: write(later), [JIEDU]: write(jiedu({ interprets: `${ORG_CODE}/202701-00001` })) }),
      { today: TODAY },
    );
    expectDiagnostics(
      site.diagnostics.filter((d) => d.code !== 'held-back'),
      [
        {
          level: 'warning',
          code: 'interprets-held-back',
          file: JIEDU,
          line: LINE,
          field: 'interprets',
          fieldZh: '解读对象',
          message: `解读对象“${ORG_CODE}/202701-00001”尚未到发布日期，本次构建暂不显示指向它的链接。`,
        },
      ],
    );
    expect(bySlug(site).get(JIEDU_SLUG)!.interprets).toBeUndefined();
  });
});

describe('a preview of one 解读 (gongkai show: only it and its relatives are read) reads its policies', () => {
  const other = { ...BASE_DOC, title: '无关的通知', index_no: `${ORG_CODE}/202103-00009` };
  const read = (interprets: unknown) =>
    readColumn(
      writeColumn({
        [POLICY]: write(BASE_DOC),
        [JIEDU]: write(jiedu({ interprets })),
        'documents/other.md': write(other),
      }),
      { today: TODAY, now: `${TODAY} 23:59`, only: [JIEDU] },
    ).documents.map((d) => d.file);
  it.each([
    ['one 索引号', POLICY_NO],
    ['a list', [{ title: '某省办法', url: 'https://www.example.gov.cn/a.html' }, POLICY_NO]],
  ])('%s', (_name, interprets) => {
    expect(read(interprets).sort()).toEqual([JIEDU, POLICY]);
  });
  it('a flow list', () => {
    const dir = writeColumn({
      [POLICY]: write(BASE_DOC),
      [JIEDU]: write(jiedu({})).replace('section:', `interprets: ["${POLICY_NO}"]\nsection:`),
      'documents/other.md': write(other),
    });
    const files = readColumn(dir, { today: TODAY, now: `${TODAY} 23:59`, only: [JIEDU] }).documents.map((d) => d.file);
    expect(files.sort()).toEqual([JIEDU, POLICY]);
  });
});
