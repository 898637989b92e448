// A document page of the sample built under /xxgk/: its government <meta> tags (docs/domain.md §11.1),
// its metadata block, and the print rules of the stylesheets it links. Expected values come from the
// sources (frontmatter, site.yaml), not from src/lib.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, buildSample, type BuildResult } from '../helpers/build.ts';
import { all, ancestors, first, hasClass, text, type El } from '../helpers/html.ts';
import { SAMPLE_CONTENT, TODAY } from '../helpers/paths.ts';
import { readPage } from '../helpers/site.ts';
import { partition, readSources, readYaml, type SourceDoc } from '../helpers/sources.ts';

let r: BuildResult;
let pages: SourceDoc[];
let siteUrl: string;

beforeAll(async () => {
  ({ pages } = partition(readSources(SAMPLE_CONTENT), TODAY));
  siteUrl = readYaml<{ site_url: string }>(SAMPLE_CONTENT, 'site.yaml').site_url;
  r = await buildSample();
});

function built(): BuildResult {
  assertBuilt(r);
  return r;
}

const docPage = (d: SourceDoc) => readPage(built().outDir, `/doc/${d.slug}/`);

/** The content of <meta name=…> (names compared without case, as browsers do); undefined when absent. */
function meta(doc: El, name: string): string | undefined {
  const tags = all(doc, 'meta', (m) => m.attrs.name?.toLowerCase() === name.toLowerCase());
  expect(tags.length, `<meta name="${name}"> appears at most once`).toBeLessThanOrEqual(1);
  return tags[0]?.attrs.content;
}

const IMAGE = /\.(png|jpe?g|gif|webp)$/i;
const isLocal = (url: string) => !!url && !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\/|\?)/i.test(url);

/**
 * The document's image, as a path below its folder (what follows files/ in the published URL): the
 * first local image the body shows, else the first image attachment.
 */
function imageOf(d: SourceDoc): string | undefined {
  const body = readFileSync(d.abs, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/, '');
  const dir = path.posix.dirname(d.file);
  const shown = [
    ...body.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi),
  ]
    .map((m) => (m[1] ?? m[2] ?? '').split(/[?#]/)[0]!)
    .filter((u) => isLocal(u) && IMAGE.test(u))
    .map((u) => path.posix.relative(dir, path.posix.join(dir, decodeURI(u))));
  return shown[0] ?? d.attachments.find((a) => IMAGE.test(a.source))?.fileName;
}

/** The published address of a file below the document's folder: site_url + base + doc/<slug>/files/<path>. */
function fileUrl(d: SourceDoc, rel: string): string {
  return `${siteUrl}${built().base}doc/${d.slug}/files/${rel.split('/').map(encodeURIComponent).join('/')}`;
}

describe('document page <meta> tags', () => {
  it('PubDate is the 发布日期 as YYYY-MM-DD HH:MM (00:00 when no time was written), on every document page', () => {
    const problems: string[] = [];
    for (const d of pages) {
      const expected = d.published.length > 10 ? d.published : `${d.published} 00:00`;
      const got = meta(docPage(d), 'PubDate');
      if (got !== expected) problems.push(`doc/${d.slug}/ (${d.file}): PubDate "${got}", expected "${expected}"`);
    }
    expect(problems).toEqual([]);
    expect(pages.length).toBeGreaterThan(0);
  });

  it('Url is the full address: site_url + base + the page path', () => {
    const { base } = built();
    expect(base).toBe('/xxgk/');
    const problems: string[] = [];
    for (const d of pages) {
      const expected = `${siteUrl}/xxgk/doc/${d.slug}/`;
      const got = meta(docPage(d), 'Url');
      if (got !== expected) problems.push(`doc/${d.slug}/: Url "${got}", expected "${expected}"`);
    }
    expect(problems).toEqual([]);
  });

  it('Image is the full address of the published image where the document has one, absent where it has none', () => {
    const withImage = pages.filter((d) => imageOf(d));
    const without = pages.filter((d) => !imageOf(d));
    expect(withImage.length, 'the sample has a document with an image (body or attachment)').toBeGreaterThan(0);
    expect(without.length, 'the sample has a document without an image').toBeGreaterThan(0);
    const problems: string[] = [];
    for (const d of withImage) {
      const expected = fileUrl(d, imageOf(d)!);
      const got = meta(docPage(d), 'Image');
      if (got !== expected) problems.push(`doc/${d.slug}/: Image "${got}", expected "${expected}"`);
      // the address points at a file the build published
      const file = path.join(built().outDir, 'doc', d.slug, 'files', imageOf(d)!);
      try {
        readFileSync(file);
      } catch {
        problems.push(`doc/${d.slug}/: the image is not published at ${file}`);
      }
    }
    for (const d of without) {
      const got = meta(docPage(d), 'Image');
      if (got !== undefined) problems.push(`doc/${d.slug}/ has no image but <meta name="Image" content="${got}">`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps the other tags: site group, column group, ArticleTitle, ContentSource, Author, Keywords, Description', () => {
    const d = pages.find((p) => imageOf(p))!;
    const doc = docPage(d);
    expect(meta(doc, 'SiteDomain')).toBe(new URL(siteUrl).host);
    expect(meta(doc, 'SiteName')).toBeTruthy();
    expect(meta(doc, 'SiteIDCode')).toBeTruthy();
    expect(meta(doc, 'ColumnName')).toBeTruthy();
    expect(meta(doc, 'ArticleTitle')).toBe(d.title);
    expect(meta(doc, 'ContentSource')).toBe(d.publisher);
    expect(meta(doc, 'Author')).toBe(d.publisher);
    expect(meta(doc, 'Keywords')).toBeTruthy();
    expect(meta(doc, 'Description')).toBeTruthy();
  });

  it('list pages carry no article tags', () => {
    const doc = readPage(built().outDir, '/catalogue/');
    for (const name of ['ArticleTitle', 'PubDate', 'Url', 'Image']) expect(meta(doc, name), name).toBeUndefined();
    expect(meta(doc, 'SiteDomain')).toBe(new URL(siteUrl).host);
  });
});

/** '2021-09-29' → '2021年09月29日'. */
const zhDate = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日');

describe('document page metadata block', () => {
  it('shows every field of the frontmatter in a <dl> of label/value pairs', () => {
    const d = pages.find(
      (p) =>
        p.data.doc_no &&
        p.data.validity &&
        p.data.normative &&
        p.data.summary &&
        Array.isArray(p.data.keywords) &&
        p.data.keywords.length > 0,
    );
    expect(d, 'the sample has a document with 文号, 有效性, 文件类型, 关键词 and 内容概述').toBeTruthy();
    const doc = docPage(d!);
    const dl = first(doc, 'dl', (e) => hasClass(e, 'meta-block'));
    expect(dl, `doc/${d!.slug}/: <dl class="meta-block">`).toBeTruthy();
    const pairs = all(dl!, 'div', (e) => e.parent === dl).map((div) => {
      const dt = first(div, 'dt');
      const dd = first(div, 'dd');
      return { label: dt ? text(dt) : '', value: dd ? text(dd) : '', dd };
    });
    const shown = Object.fromEntries(pairs.map((p) => [p.label, p.value]));
    const data = d!.data as Record<string, string | string[]>;
    expect(shown).toEqual({
      索引号: d!.indexNo,
      主题分类: d!.topic,
      体裁: d!.genre,
      发布机构: d!.publisher,
      文号: data.doc_no,
      成文日期: zhDate(d!.written),
      发布日期: zhDate(d!.published.slice(0, 10)),
      有效性: `${d!.validity}（${data.normative}）`,
      关键词: (data.keywords as string[]).join('，'),
      内容概述: data.summary,
    });
    // label order as on real portals
    expect(pairs.map((p) => p.label)).toEqual([
      '索引号',
      '主题分类',
      '体裁',
      '发布机构',
      '文号',
      '成文日期',
      '发布日期',
      '有效性',
      '关键词',
      '内容概述',
    ]);
    // dates are machine-readable
    const dd = (label: string) => pairs.find((p) => p.label === label)!.dd!;
    expect(first(dd('成文日期'), 'time')?.attrs.datetime).toBe(d!.written);
    expect(first(dd('发布日期'), 'time')?.attrs.datetime).toBe(d!.published.slice(0, 10));
    // 主题分类, 体裁 and 发布机构 link to their catalogue lists
    for (const [label, kind] of [
      ['主题分类', 'topic'],
      ['体裁', 'genre'],
      ['发布机构', 'publisher'],
    ] as const)
      expect(first(dd(label), 'a')?.attrs.href, label).toMatch(new RegExp(`^/xxgk/catalogue/${kind}/[^/]+/$`));
  });

  it('shows 文号 as 无 when the document has none', () => {
    const d = pages.find((p) => !p.data.doc_no);
    if (!d) return;
    const dl = first(docPage(d), 'dl', (e) => hasClass(e, 'meta-block'))!;
    const div = all(dl, 'div').find((e) => text(first(e, 'dt')!) === '文号');
    expect(div && text(first(div, 'dd')!)).toBe('无');
  });
});

/** Top-level blocks of a CSS text: the text before each `{` and what is inside its matching `}`. */
function blocks(css: string): { prelude: string; body: string }[] {
  const out: { prelude: string; body: string }[] = [];
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) break;
    let depth = 1;
    let j = open + 1;
    for (; j < css.length && depth > 0; j++) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}') depth--;
    }
    // a declaration list before the block (inside a body) ends at its last ';'
    const prelude = css.slice(i, open);
    out.push({ prelude: prelude.slice(prelude.lastIndexOf(';') + 1).trim(), body: css.slice(open + 1, j - 1) });
    i = j;
  }
  return out;
}

/** The declarations of a block, nested blocks (e.g. @page margin boxes) left out. */
function ownDeclarations(body: string): string {
  let depth = 0;
  let out = '';
  for (const c of body) {
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      out += ';';
    } else if (depth === 0) out += c;
  }
  return out;
}

/** Does one selector of a list select `el` by its last compound (tag and/or classes only)? */
function selects(selectorList: string, el: El): boolean {
  return selectorList.split(',').some((sel) => {
    const last =
      sel
        .trim()
        .split(/\s*[\s>+~]\s*/)
        .pop() ?? '';
    const m = /^([a-z][a-z0-9]*)?((?:\.[\w-]+)*)$/i.exec(last);
    if (!m || (!m[1] && !m[2])) return false;
    const classes = m[2] ? m[2].slice(1).split('.') : [];
    return (!m[1] || m[1].toLowerCase() === el.tag) && classes.every((c) => hasClass(el, c));
  });
}

describe('print stylesheet of a document page', () => {
  let css = '';
  let doc: El;

  beforeAll(() => {
    const { outDir, base } = built();
    doc = docPage(pages[0]!);
    const links = all(doc, 'link', (l) => l.attrs.rel === 'stylesheet').map((l) => l.attrs.href!);
    expect(links.length, 'the document page links stylesheets').toBeGreaterThan(0);
    css = links.map((h) => readFileSync(path.join(outDir, h.slice(base.length - 1)), 'utf8')).join('\n');
  });

  it('has an @media print rule hiding the site header, navigation and footer', () => {
    const printRules = blocks(css)
      .filter((b) => /^@media\s+print\b/i.test(b.prelude))
      .flatMap((b) => blocks(b.body));
    expect(printRules.length, '@media print rules').toBeGreaterThan(0);
    const hiding = printRules.filter((rule) =>
      /(?:^|;)\s*display\s*:\s*none\s*(?:!important\s*)?(?:;|$)/i.test(rule.body),
    );
    const hidden = (el: El) => [el, ...ancestors(el)].some((e) => hiding.some((rule) => selects(rule.prelude, e)));
    const chrome: [string, El | undefined][] = [
      ['site header <header>', first(doc, 'header')],
      ['site navigation <nav aria-label="专栏导航">', first(doc, 'nav', (e) => hasClass(e, 'site-nav'))],
      ['site footer <footer>', first(doc, 'footer')],
    ];
    for (const [name, el] of chrome) {
      expect(el, `${name} on the page`).toBeTruthy();
      expect(hidden(el!), `${name} (class="${el!.attrs.class ?? ''}"): no @media print rule hides it`).toBe(true);
    }
  });

  it('has an @page rule with size A4', () => {
    const pageRules = blocks(css).filter((b) => /^@page\b/i.test(b.prelude));
    expect(
      pageRules.some((b) => /(?:^|;)\s*size\s*:\s*A4\b/i.test(ownDeclarations(b.body))),
      `@page rules: ${pageRules.map((b) => `${b.prelude}{${b.body}}`).join(' ')}`,
    ).toBe(true);
  });
});

describe('a policy and its 解读 link each other', () => {
  /** The 解读 of the sample that name a policy of the column by its 索引号, with that policy. */
  const pairs = () =>
    pages.flatMap((d) => {
      const refs = d.data.interprets === undefined ? [] : [d.data.interprets].flat();
      return refs.flatMap((ref) => {
        const policy = typeof ref === 'string' ? pages.find((p) => p.indexNo === ref) : undefined;
        return policy ? [{ jiedu: d, policy }] : [];
      });
    });

  /** The notices of a document page whose text starts with `lead`, and the links in them. */
  function linksAfter(d: SourceDoc, lead: string): { text: string; href: string }[] {
    const notes = all(docPage(d), 'div', (e) => e.attrs.role === 'note' && text(e).trim().startsWith(lead));
    return notes.flatMap((n) => all(n, 'a').map((a) => ({ text: text(a), href: a.attrs.href ?? '' })));
  }

  it('the sample has a 解读 naming a policy of the column', () => {
    expect(pairs().length).toBeGreaterThan(0);
    for (const { jiedu } of pairs()) expect(jiedu.genre).toBe('解读');
  });

  it('the 解读’s page shows 解读的政策 linking to the policy', () => {
    for (const { jiedu, policy } of pairs())
      expect(linksAfter(jiedu, '解读的政策：'), `doc/${jiedu.slug}/`).toContainEqual({
        text: policy.title,
        href: `${built().base}doc/${policy.slug}/`,
      });
  });

  it('the policy’s page lists 政策解读 linking to the 解读', () => {
    for (const { jiedu, policy } of pairs())
      expect(linksAfter(policy, '政策解读：'), `doc/${policy.slug}/`).toContainEqual({
        text: jiedu.title,
        href: `${built().base}doc/${jiedu.slug}/`,
      });
  });

  it('a document no 解读 names shows neither notice', () => {
    const named = new Set(pairs().flatMap((p) => [p.jiedu.slug, p.policy.slug]));
    const other = pages.find((p) => !named.has(p.slug))!;
    expect(linksAfter(other, '解读的政策')).toEqual([]);
    expect(linksAfter(other, '政策解读')).toEqual([]);
  });
});
