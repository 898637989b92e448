// A document's metadata as the catalogue sees it, for unit tests of catalogue grouping and of what is
// built from it (catalogue.test.ts, discover.test.ts): each call a new slug, 索引号 and title; `p`
// overrides any field.
import type { DocumentMeta, Publisher } from '../../src/lib/types.ts';

export const publishers: Publisher[] = [
  { id: 'gov', name: '县政府', aliases: [] },
  { id: 'town', name: '镇政府', aliases: [] },
];

let serial = 0;
export function meta(p: Partial<DocumentMeta>): DocumentMeta {
  serial++;
  const published = p.published ?? '2021-01-02';
  return {
    publishedAt: `${published} 00:00`,
    slug: `d${serial}`,
    file: `documents/d${serial}.md`,
    title: `文件${serial}`,
    indexNo: `X/2021-${String(serial).padStart(5, '0')}`,
    publisherId: 'gov',
    publisher: '县政府',
    topicId: '02-01',
    genreId: 'notice',
    written: '2021-01-01',
    published,
    supersedes: [],
    keywords: [],
    summary: '',
    sectionId: 'art20-01',
    attachments: [],
    assets: [],
    ...p,
  };
}
