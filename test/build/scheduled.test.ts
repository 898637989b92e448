// Scheduled publishing (docs/decisions.md §7): a document whose 发布日期 is after "today" is held back:
// it gets no page, a warning names it, and no count includes it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, buildSite, tail, type BuildResult } from '../helpers/build.ts';
import { writeDocument } from '../helpers/fixture.ts';
import { listFiles } from '../helpers/html.ts';
import { SAMPLE_CONTENT, TODAY } from '../helpers/paths.ts';
import { browseCounts, readPage, statedTotal } from '../helpers/site.ts';
import { partition, readBodies, readSources, readYaml, slugFromIndexNo } from '../helpers/sources.ts';
import { formatIndexNo } from '../../src/lib/index-no.ts';

const FILE = 'documents/2027/scheduled-build-test.md';
const TITLE = '示例县构建测试定时发布文件（不应出现在网站上）';
const PUBLISHED = '2027-01-15';
const WRITTEN = '2026-11-20';

interface SiteYaml {
  organisation: { code: string };
  index_no: { pattern: string; year_from?: string };
}

function plan() {
  const sources = readSources(SAMPLE_CONTENT);
  const { pages } = partition(sources, TODAY);
  const site = readYaml<SiteYaml>(SAMPLE_CONTENT, 'site.yaml');
  const bodies = readBodies(SAMPLE_CONTENT);
  // a plain document to borrow valid metadata from (publisher, topic, genre, section)
  const template = pages.find(
    (d) =>
      d.attachments.length === 0 &&
      !d.data.normative &&
      !d.data.validity &&
      !d.data.superseded_by &&
      d.genre !== '年报' &&
      bodies.some((b) => b.name === d.publisher && b.code),
  );
  if (!template) throw new Error('fixture: no plain document with a coded publisher in the sample');
  const body = bodies.find((b) => b.name === template.publisher)!;
  const code = body.code ?? site.organisation.code;
  const yearDate = site.index_no.year_from === 'written' ? WRITTEN : PUBLISHED;
  const taken = new Set(sources.map((d) => d.indexNo));
  let serial = 99001;
  let indexNo = formatIndexNo(site.index_no.pattern, code, yearDate, serial);
  while (taken.has(indexNo)) indexNo = formatIndexNo(site.index_no.pattern, code, yearDate, ++serial);
  const frontmatter = {
    title: TITLE,
    index_no: indexNo,
    publisher: template.publisher,
    topic: template.topic,
    genre: template.genre,
    written: WRITTEN,
    published: PUBLISHED,
    keywords: ['构建测试'],
    summary: '构建测试用的定时发布文件，发布日期在今天之后。',
    section: String(template.data.section),
  };
  return { frontmatter, slug: slugFromIndexNo(indexNo), pageCount: pages.length };
}

describe('a scheduled document (published after GONGKAI_TODAY)', () => {
  let p: ReturnType<typeof plan>;
  let r: BuildResult;

  beforeAll(async () => {
    p = plan();
    const fm = p.frontmatter;
    r = await buildSite({
      name: 'scheduled',
      key: JSON.stringify(fm),
      fixture: (dir) => writeDocument(path.join(dir, FILE), fm, '本文件用于测试定时发布：发布日期之前不生成页面。'),
    });
  });

  it('does not stop the build', () => {
    expect(r.exitCode, `build failed:\n${tail(r)}`).toBe(0);
  });

  it('gets no page', () => {
    assertBuilt(r);
    expect(existsSync(path.join(r.outDir, 'doc', p.slug))).toBe(false);
    const docs = readdirSync(path.join(r.outDir, 'doc')).filter((n) =>
      existsSync(path.join(r.outDir, 'doc', n, 'index.html')),
    );
    expect(docs.length).toBe(p.pageCount);
  });

  it('is named in a warning', () => {
    const lines = r.output.split('\n').filter((l) => l.includes(FILE));
    expect(lines.length, `no output line names ${FILE}:\n${tail(r)}`).toBeGreaterThan(0);
    expect(
      lines.some((l) => /警告|warn/i.test(l)),
      `lines naming ${FILE} are not warnings:\n${lines.join('\n')}`,
    ).toBe(true);
  });

  it('is not counted and not listed', () => {
    assertBuilt(r);
    expect(statedTotal(readPage(r.outDir, '/catalogue/'))).toBe(p.pageCount);
    const years = browseCounts(readPage(r.outDir, '/catalogue/year/'), r.base, 'year');
    expect(years.reduce((s, g) => s + g.count, 0)).toBe(p.pageCount);
    expect(years.find((g) => g.id === PUBLISHED.slice(0, 4))?.count ?? 0).toBe(0);
    const leaks = listFiles(r.outDir).filter((f) => readFileSync(path.join(r.outDir, f), 'utf8').includes(TITLE));
    expect(leaks, 'pages that mention the scheduled document').toEqual([]);
  });

  it('is in no sitemap, feed or open data', () => {
    assertBuilt(r);
    const files = ['sitemap.xml', 'feed.xml', 'catalogue/catalogue.csv', 'catalogue/catalogue.json'];
    for (const id of readdirSync(path.join(r.outDir, 'section'))) files.push(`section/${id}/feed.xml`);
    const named = files.filter((f) => {
      const text = readFileSync(path.join(r.outDir, f), 'utf8');
      return text.includes(TITLE) || text.includes(`/doc/${p.slug}/`) || text.includes(p.frontmatter.index_no);
    });
    expect(named).toEqual([]);
    const data = JSON.parse(readFileSync(path.join(r.outDir, 'catalogue', 'catalogue.json'), 'utf8')) as {
      count: number;
    };
    expect(data.count).toBe(p.pageCount);
  });
});
