// 政府信息公开目录: group the documents once per build (by 主题分类, 发布机构, 年份, 体裁 and
// column section), count, and cut into pages. Pages receive slices; nothing here is per page.
import type { Body, DocumentMeta, Genre, Section, Topic } from './types.ts';

export type GroupKind = 'topic' | 'publisher' | 'year' | 'genre' | 'section';

export interface Group {
  kind: GroupKind;
  id: string; // ASCII id used in URLs
  name: string; // display name
  /** Newest first. For a top-level topic: its own documents and all its sub-categories'. */
  docs: DocumentMeta[];
  /** Sub-groups (only top-level topics have them). */
  children: Group[];
}

export interface Catalogue {
  /** Every published document, newest first. */
  all: DocumentMeta[];
  /** Groups of each kind, in display order; groups with no documents are kept for topics' and sections' structure. */
  groups: Record<GroupKind, Group[]>;
  /** Finds one group, sub-categories of topics included. */
  group(kind: GroupKind, id: string): Group | undefined;
  bySlug: Map<string, DocumentMeta>;
}

export interface CatalogueInput {
  documents: DocumentMeta[];
  bodies: Body[];
  topics: Topic[];
  genres: Genre[];
  sections: Section[];
}

/** Newest first: 发布日期 descending, then 索引号 descending (stable, deterministic). */
export function compareNewestFirst(a: DocumentMeta, b: DocumentMeta): number {
  if (a.published !== b.published) return a.published < b.published ? 1 : -1;
  return a.indexNo < b.indexNo ? 1 : a.indexNo > b.indexNo ? -1 : 0;
}

export function buildCatalogue(input: CatalogueInput): Catalogue {
  const all = [...input.documents].sort(compareNewestFirst);
  const bucket = new Map<string, DocumentMeta[]>();
  const push = (key: string, d: DocumentMeta) => {
    let list = bucket.get(key);
    if (!list) bucket.set(key, (list = []));
    list.push(d);
  };
  // one pass over the documents; `all` is sorted, so every bucket is too
  for (const d of all) {
    push(`publisher:${d.publisherId}`, d);
    push(`year:${d.published.slice(0, 4)}`, d);
    push(`genre:${d.genreId}`, d);
    push(`section:${d.sectionId}`, d);
    push(`topic:${d.topicId}`, d);
    const parent = d.topicId.split('-')[0]!;
    if (parent !== d.topicId) push(`topic:${parent}`, d);
  }
  const docsOf = (key: string) => bucket.get(key) ?? [];

  // one group per named item of a list (bodies, genres, sections, topics), in list order
  const groupOf = (kind: GroupKind, item: { id: string; name: string }, children: Group[] = []): Group => ({
    kind,
    id: item.id,
    name: item.name,
    docs: docsOf(`${kind}:${item.id}`),
    children,
  });

  const topicGroups = input.topics
    .filter((t) => !t.parentId)
    .map((t) =>
      groupOf(
        'topic',
        t,
        input.topics.filter((c) => c.parentId === t.id).map((c) => groupOf('topic', c)),
      ),
    );
  const publisherGroups = input.bodies.map((b) => groupOf('publisher', b));
  const years = [...new Set(all.map((d) => d.published.slice(0, 4)))].sort().reverse();
  const yearGroups = years.map((y) => groupOf('year', { id: y, name: `${y}年` }));
  const genreGroups = input.genres.map((g) => groupOf('genre', g));
  const sectionGroups = input.sections.map((s) => groupOf('section', s));

  const groups: Record<GroupKind, Group[]> = {
    topic: topicGroups,
    publisher: publisherGroups,
    year: yearGroups,
    genre: genreGroups,
    section: sectionGroups,
  };
  const index = new Map<string, Group>();
  for (const [kind, list] of Object.entries(groups)) {
    for (const g of list) {
      index.set(`${kind}:${g.id}`, g);
      for (const c of g.children) index.set(`${kind}:${c.id}`, c);
    }
  }
  return {
    all,
    groups,
    group: (kind, id) => index.get(`${kind}:${id}`),
    bySlug: new Map(all.map((d) => [d.slug, d])),
  };
}

export interface Page<T> {
  /** 1-based page number. */
  page: number;
  totalPages: number;
  totalItems: number;
  items: T[];
  /** Index (0-based) of the first item of this page within the whole list. */
  start: number;
}

/** Cuts a list into pages of `size`. An empty list still has one (empty) page, so its URL exists. */
export function paginate<T>(items: T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  const pages: Page<T>[] = [];
  for (let p = 1; p <= totalPages; p++) {
    const start = (p - 1) * size;
    pages.push({ page: p, totalPages, totalItems: items.length, items: items.slice(start, start + size), start });
  }
  return pages;
}

/**
 * Page numbers to show in a numbered pager: always the first and last, the current one and
 * `radius` on each side; `null` marks a gap (rendered as "…").
 */
export function pagerWindow(current: number, total: number, radius = 2): (number | null)[] {
  const out: (number | null)[] = [];
  let last = 0;
  for (let p = 1; p <= total; p++) {
    if (p === 1 || p === total || Math.abs(p - current) <= radius) {
      if (last && p - last > 1) out.push(null);
      out.push(p);
      last = p;
    }
  }
  return out;
}

/** Path of page `page` of a list whose first page is at `basePath` ('/catalogue/topic/02/'). */
export function pagePath(basePath: string, page: number): string {
  return page <= 1 ? basePath : `${basePath}${page}/`;
}
