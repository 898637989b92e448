import { describe, expect, it } from 'vitest';
import { buildCatalogue, pagePath, pagerWindow, paginate } from '../../src/lib/catalogue.ts';
import { builtInGenres, builtInSections, builtInTopics } from '../../src/lib/taxonomy.ts';
import { meta, publishers } from './doc-meta.ts';

const docs = [
  meta({ published: '2020-05-01', publisherId: 'town', topicId: '02-02', genreId: 'opinion' }),
  meta({ published: '2022-03-01' }),
  meta({ published: '2021-07-01', topicId: '17', sectionId: 'guide' }),
  meta({ published: '2022-03-01', publisherId: 'town' }),
  meta({ published: '2019-01-01', topicId: '11-02', genreId: 'annual-report', sectionId: 'annual-reports' }),
];
const cat = buildCatalogue({
  documents: docs,
  publishers,
  topics: builtInTopics(),
  genres: builtInGenres(),
  sections: builtInSections(),
});

describe('grouping', () => {
  it('lists every document newest first, ties by 索引号 descending', () => {
    expect(cat.all.map((d) => d.published + ' ' + d.slug)).toEqual([
      '2022-03-01 d4',
      '2022-03-01 d2',
      '2021-07-01 d3',
      '2020-05-01 d1',
      '2019-01-01 d5',
    ]);
  });
  it('groups by publisher, year, genre and section with counts that add up', () => {
    for (const kind of ['publisher', 'year', 'genre', 'section'] as const) {
      const total = cat.groups[kind].reduce((n, g) => n + g.docs.length, 0);
      expect(total, kind).toBe(docs.length);
    }
    expect(cat.group('publisher', 'town')!.docs.map((d) => d.slug)).toEqual(['d4', 'd1']);
    expect(cat.groups.year.map((g) => [g.id, g.docs.length])).toEqual([
      ['2022', 2],
      ['2021', 1],
      ['2020', 1],
      ['2019', 1],
    ]);
    expect(cat.group('genre', 'annual-report')!.docs.map((d) => d.slug)).toEqual(['d5']);
  });
  it('a top-level topic holds its own documents and its sub-categories’', () => {
    const top = cat.group('topic', '02')!;
    expect(top.name).toBe('综合政务');
    expect(top.docs.map((d) => d.slug)).toEqual(['d4', 'd2', 'd1']);
    expect(top.children.find((c) => c.id === '02-01')!.docs).toHaveLength(2);
    expect(cat.group('topic', '02-02')!.docs.map((d) => d.slug)).toEqual(['d1']);
    expect(cat.group('topic', '17')!.docs.map((d) => d.slug)).toEqual(['d3']);
    const topLevelTotal = cat.groups.topic.reduce((n, g) => n + g.docs.length, 0);
    expect(topLevelTotal).toBe(docs.length);
  });
  it('keeps empty sections so the home page can say so', () => {
    expect(cat.group('section', 'art20-15')!.docs).toEqual([]);
  });
  it('finds documents by slug', () => expect(cat.bySlug.get('d3')!.sectionId).toBe('guide'));
});

describe('paging', () => {
  it('cuts a list into pages with stable numbers', () => {
    const pages = paginate([1, 2, 3, 4, 5, 6, 7], 3);
    expect(pages.map((p) => p.items)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(pages.map((p) => [p.page, p.totalPages, p.totalItems, p.start])).toEqual([
      [1, 3, 7, 0],
      [2, 3, 7, 3],
      [3, 3, 7, 6],
    ]);
  });
  it('an empty list has one empty page', () =>
    expect(paginate([], 20)).toEqual([{ page: 1, totalPages: 1, totalItems: 0, items: [], start: 0 }]));
  it('rejects a bad page size', () => expect(() => paginate([1], 0)).toThrow(RangeError));
  it('shows first, last and a window around the current page', () => {
    expect(pagerWindow(1, 1)).toEqual([1]);
    expect(pagerWindow(5, 10)).toEqual([1, null, 3, 4, 5, 6, 7, null, 10]);
    expect(pagerWindow(1, 10)).toEqual([1, 2, 3, null, 10]);
    expect(pagerWindow(10, 10)).toEqual([1, null, 8, 9, 10]);
  });
  it('page 1 has no number in its path', () => {
    expect(pagePath('/catalogue/topic/02/', 1)).toBe('/catalogue/topic/02/');
    expect(pagePath('/catalogue/topic/02/', 3)).toBe('/catalogue/topic/02/3/');
  });
});
