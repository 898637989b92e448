// Withdrawal (撤回) and redirects (content/redirects.yaml) in the domain code: what a withdrawn
// document keeps and loses, the checks of both, the redirect pages and the published-URL check.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/lib/catalogue.ts';
import { sortDiagnostics } from '../../src/lib/diagnostics.ts';
import { missingPublishedUrls } from '../../src/lib/published-urls.ts';
import { redirectPage, redirectTarget } from '../../src/lib/redirects.ts';
import { loadSite } from '../../src/lib/site.ts';
import { pagePaths } from '../../src/lib/site-paths.ts';
import type { Diagnostic } from '../../src/lib/types.ts';
import { BASE_DOC, ORG_CODE, doc, writeColumn } from './fixture-column.ts';

const TODAY = '2026-11-27';
const SECRET = '张三的身份证号码为示例号码，住址为示例路一号。';
const OLD = `${ORG_CODE}/202103-00001`;
const NEW = `${ORG_CODE}/202201-00002`;
const slugOf = (indexNo: string) => indexNo.toLowerCase().replace(/[^0-9a-z]+/g, '-');

const pick = (d: Diagnostic) => ({ level: d.level, code: d.code, file: d.file, line: d.line, message: d.message });

function load(files: Record<string, string>) {
  return loadSite(writeColumn(files), { today: TODAY });
}

const withdrawnDoc = (withdrawn: unknown, extra: Record<string, unknown> = {}) =>
  doc(
    {
      ...BASE_DOC,
      attachments: [{ file: '名单.pdf', title: '附件：名单' }],
      ...extra,
      withdrawn,
    },
    `${SECRET}\n\n[另一份](../${slugOf(NEW)}/)\n`,
  );

const PDF = '%PDF-1.4\n%%EOF\n';

describe('a withdrawn document', () => {
  it('keeps a notice page and nothing else: not in the documents, catalogue or page paths of its files', () => {
    const site = load({
      'documents/a.md': withdrawnDoc({ date: '2026-01-05', reason: '含有不应公开的个人信息' }),
      'documents/名单.pdf': PDF,
      'documents/b.md': doc({ ...BASE_DOC, index_no: NEW, written: '2022-01-01', published: '2022-01-02' }),
    });
    expect(site.diagnostics).toEqual([]);
    expect(site.documents.map((d) => d.file)).toEqual(['documents/b.md']);
    expect(site.withdrawn).toEqual([
      {
        slug: slugOf(OLD),
        title: BASE_DOC.title,
        indexNo: OLD,
        file: 'documents/a.md',
        sectionId: 'art20-01',
        date: '2026-01-05',
        reason: '含有不应公开的个人信息',
      },
    ]);
    // nothing of the body travels with it
    expect(JSON.stringify(site.withdrawn)).not.toContain('张三');
    const paths = pagePaths(buildCatalogue(site), 20, site.withdrawn);
    expect(paths.has(`/doc/${slugOf(OLD)}/`)).toBe(true);
    expect([...paths].filter((p) => p.includes('名单'))).toEqual([]);
  });

  it('is not checked for its files or body: the editor may have deleted the leaked attachment', () => {
    const site = load({
      'documents/a.md': withdrawnDoc(
        { date: '2026-01-05', reason: '含有不应公开的个人信息' },
        { report: { data: '不存在.yaml' } },
      ),
    });
    expect(site.diagnostics).toEqual([]);
  });

  it('needs a date and a reason; a date in the future or before 发布日期 warns', () => {
    const site = load({
      'documents/a.md': withdrawnDoc({ reason: ' ' }),
      'documents/b.md': doc({
        ...BASE_DOC,
        index_no: NEW,
        written: '2022-01-01',
        published: '2022-01-02',
        withdrawn: { date: '2027-01-01', reason: '误发' },
      }),
      'documents/c.md': doc({
        ...BASE_DOC,
        index_no: `${ORG_CODE}/202203-00003`,
        written: '2022-03-01',
        published: '2022-03-02',
        withdrawn: { date: '2022-01-01', reason: '误发' },
      }),
    });
    expect(site.diagnostics.map(pick)).toEqual([
      {
        level: 'error',
        code: 'withdrawn-date-missing',
        file: 'documents/a.md',
        line: 16,
        message: '撤回没有填写撤回日期。',
      },
      {
        level: 'error',
        code: 'withdrawn-reason-missing',
        file: 'documents/a.md',
        line: 16,
        message: '撤回没有填写撤回原因，页面上需要向读者说明。',
      },
      {
        level: 'warning',
        code: 'withdrawn-future',
        file: 'documents/b.md',
        line: 14,
        message: '撤回日期 2027-01-01 晚于今天（2026-11-27）；文件已按撤回处理。',
      },
      {
        level: 'warning',
        code: 'withdrawn-before-published',
        file: 'documents/c.md',
        line: 14,
        message: '撤回日期 2022-01-01 早于发布日期 2022-03-02。',
      },
    ]);
    // withdrawn whatever the findings: the body is never published by mistake
    expect(site.documents).toEqual([]);
  });

  it('warns a document replaced by it, and a body that links to it', () => {
    const site = load({
      'documents/a.md': doc(
        { ...BASE_DOC, validity: '废止', superseded_by: NEW },
        `见[新文件](../${slugOf(NEW)}/)。\n`,
      ),
      'documents/b.md': doc({
        ...BASE_DOC,
        index_no: NEW,
        written: '2022-01-01',
        published: '2022-01-02',
        withdrawn: { date: '2026-01-05', reason: '误发' },
      }),
    });
    expect(site.diagnostics.map(pick)).toEqual([
      {
        level: 'warning',
        code: 'superseded-by-withdrawn',
        file: 'documents/a.md',
        line: 14,
        message: `替代文件“${NEW}”（documents/b.md）已撤回，本文件页面不再显示指向它的链接。`,
      },
      {
        level: 'warning',
        code: 'link-to-withdrawn',
        file: 'documents/a.md',
        line: 17,
        message: `正文链接的文件《${BASE_DOC.title}》（documents/b.md）已撤回，链接只能打开撤回说明。`,
      },
    ]);
    expect(site.documents[0]!.supersededBySlug).toBeUndefined();
  });
});

const REDIRECTS = (entries: string) => ({ 'redirects.yaml': entries });
const docs = {
  'documents/a.md': doc(BASE_DOC),
  'documents/b.md': doc({ ...BASE_DOC, index_no: NEW, written: '2022-01-01', published: '2022-01-02' }),
};
const A = `/doc/${slugOf(OLD)}/`;
const B = `/doc/${slugOf(NEW)}/`;

describe('redirects.yaml', () => {
  it('a valid list loads without findings; a file of comments only is an empty list', () => {
    const site = load({
      ...docs,
      ...REDIRECTS(`# 旧网址\n- from: /doc/old/\n  to: ${A}\n  date: 2025-01-01\n- from: /old.pdf\n  to: ${B}\n`),
    });
    expect(site.diagnostics).toEqual([]);
    expect(site.redirects).toEqual([
      { from: '/doc/old/', to: A, date: '2025-01-01' },
      { from: '/old.pdf', to: B },
    ]);
    expect(load({ ...docs, ...REDIRECTS('# 暂无\n') }).diagnostics).toEqual([]);
  });

  it('names chains, loops, duplicates, live old URLs, missing targets and malformed paths with their lines', () => {
    const site = load({
      ...docs,
      ...REDIRECTS(
        [
          `- from: /doc/x/\n  to: /doc/y/`, // 1–2: chain x → y → A
          `- from: /doc/y/\n  to: ${A}`, // 3–4
          `- from: /doc/p/\n  to: /doc/q/`, // 5–6: loop p → q → p
          `- from: /doc/q/\n  to: /doc/p/`, // 7–8
          `- from: /doc/x/\n  to: ${B}`, // 9–10: duplicate
          `- from: ${B}\n  to: ${A}`, // 11–12: old URL still live
          `- from: /doc/gone/\n  to: /doc/nowhere/`, // 13–14: no such page
          `- from: /doc/z\n  to: https://example.com/`, // 15–16
        ].join('\n') + '\n',
      ),
    });
    expect(sortDiagnostics(site.diagnostics).map(pick)).toEqual([
      {
        level: 'error',
        code: 'redirect-chain',
        file: 'redirects.yaml',
        line: 2,
        message: `连环跳转：/doc/x/ → /doc/y/ → ${A}。`,
      },
      {
        level: 'error',
        code: 'redirect-loop',
        file: 'redirects.yaml',
        line: 6,
        message: '跳转成环：/doc/p/ → /doc/q/ → /doc/p/。',
      },
      {
        level: 'error',
        code: 'redirect-duplicate',
        file: 'redirects.yaml',
        line: 9,
        message: '旧网址“/doc/x/”已在第 1 行写过。',
      },
      {
        level: 'error',
        code: 'redirect-from-live',
        file: 'redirects.yaml',
        line: 11,
        message: `旧网址“${B}”仍是本站的页面，跳转会使它无法访问。`,
      },
      {
        level: 'error',
        code: 'redirect-target-missing',
        file: 'redirects.yaml',
        line: 14,
        message: '新网址“/doc/nowhere/”不是本次构建生成的页面或文件。',
      },
      {
        level: 'error',
        code: 'redirect-path',
        file: 'redirects.yaml',
        line: 15,
        message: '网址“/doc/z”是页面，应以 / 结尾。',
      },
      {
        level: 'error',
        code: 'redirect-path',
        file: 'redirects.yaml',
        line: 16,
        message: '网址“https://example.com/”应写本站路径（以 / 开头），不写协议和域名。',
      },
    ]);
    const chain = site.diagnostics.find((d) => d.code === 'redirect-chain')!;
    expect(chain.fix).toBe(`直接跳转到最终网址：把 to 改为 ${A}。`);
  });

  it('a body link to an old URL warns with the new one', () => {
    const site = load({
      'documents/a.md': doc(BASE_DOC, '见[旧页面](../old/)。\n'),
      ...REDIRECTS(`- from: /doc/old/\n  to: ${A}\n`),
    });
    expect(site.diagnostics.map(pick)).toEqual([
      {
        level: 'warning',
        code: 'link-redirected',
        file: 'documents/a.md',
        line: 15,
        message: `正文链接的页面“../old/”已迁移到 ${A}（redirects.yaml），旧网址只会跳转。`,
      },
    ]);
  });

  it('a pair of pages moves the files below them too', () => {
    const list = [
      { from: '/doc/a/', to: '/doc/b/' },
      { from: '/x.pdf', to: '/doc/b/files/x.pdf' },
    ];
    expect(redirectTarget('/doc/a/', list)).toBe('/doc/b/');
    expect(redirectTarget('/doc/a/files/附件.pdf', list)).toBe('/doc/b/files/附件.pdf');
    expect(redirectTarget('/x.pdf', list)).toBe('/doc/b/files/x.pdf');
    expect(redirectTarget('/doc/c/', list)).toBeUndefined();
  });

  it('the page at an old URL refreshes to the new one, links it and names it canonical, with no script', () => {
    const html = redirectPage('/doc/新/', {
      siteUrl: 'https://www.ceshi.gov.cn',
      siteName: '测试县人民政府',
      domain: 'www.ceshi.gov.cn',
      siteIdCode: '9999000001',
      columnName: '政府信息公开专栏',
      base: '/xxgk/',
    });
    const to = '/xxgk/doc/%E6%96%B0/';
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${to}">`);
    expect(html).toContain(`<link rel="canonical" href="https://www.ceshi.gov.cn${to}">`);
    expect(html).toContain(`<a href="${to}">https://www.ceshi.gov.cn${to}</a>`);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toMatch(/<script|style=/);
  });
});

describe('published URLs after redirects and withdrawals', () => {
  it('a redirected URL, a file below a redirected page and a withdrawn document’s files are not missing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-urls-'));
    for (const f of ['doc/new/index.html', 'doc/new/files/附件.pdf', 'doc/w/index.html', 'doc/old/index.html']) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), 'x');
    }
    writeFileSync(
      path.join(dir, 'redirects.json'),
      JSON.stringify({ base: '/', redirects: [{ from: '/doc/old/', to: '/doc/new/' }], withdrawn: ['/doc/w/'] }),
    );
    const list = [
      '/doc/old/',
      '/doc/old/files/附件.pdf',
      '/doc/old/files/别的.pdf',
      '/doc/w/',
      '/doc/w/files/名单.pdf',
      '/doc/x/',
    ];
    expect(missingPublishedUrls(list, dir)).toEqual(['/doc/old/files/别的.pdf', '/doc/x/']);
  });
});
