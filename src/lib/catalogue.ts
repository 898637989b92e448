// 政府信息公开目录: group the documents once per build (by 主题分类, 发布机构, 年份, 体裁 and
// column section), count, and cut into pages. Pages receive slices; nothing here is per page.
import { DOCUMENT_FIELDS } from './schema/document.ts';
import type { DocumentMeta, Genre, Publisher, Section, Topic } from './types.ts';

/** A frontmatter field's Chinese label, from the document schema. */
function labelOf(key: string): string {
  const f = DOCUMENT_FIELDS.find((x) => x.path === key);
  if (!f) throw new Error(`the document schema has no field ${key}`);
  return f.label;
}

/**
 * The catalogue's columns and their Chinese labels: what 条例 第十二条 asks for (索引号, 名称, 内容概述,
 * 生成日期 = 成文日期) with 发布机构, 文号, 发布日期, then what the open data adds (主题分类, 体裁, 有效性,
 * 网址). Labels are the document schema's (one fact, one place), except 名称: the 条例's word for what the
 * frontmatter calls 标题. The catalogue table and the open data (src/lib/discover/open-data.ts) read them here.
 */
export const CATALOGUE_FIELDS = {
  index_no: labelOf('index_no'),
  title: '名称',
  summary: labelOf('summary'),
  publisher: labelOf('publisher'),
  doc_no: labelOf('doc_no'),
  written: labelOf('written'),
  published: labelOf('published'),
  topic: labelOf('topic'),
  genre: labelOf('genre'),
  validity: labelOf('validity'),
  url: '网址',
} as const;

export interface CatalogueInput {
  documents: DocumentMeta[];
  publishers: Publisher[];
  topics: Topic[];
  genres: Genre[];
  sections: Section[];
}

/** One named group of a kind (a topic, a publisher, a year …) before documents are counted. */
interface GroupItem {
  id: string;
  name: string;
  children?: GroupItem[];
}

/**
 * The catalogue's ways of browsing (/catalogue/<kind>/), in display order. This one list drives
 * the grouping, the browse pages and their tabs, and the home page's entries: a new way of
 * browsing (by 有效性, say) is one entry here.
 */
export const BROWSE_KINDS = [
  {
    kind: 'topic',
    label: '主题分类',
    unit: '个大类',
    intro: '主题分类采用国务院政策文件库的分类（大类\\小类）。数字为该类目下公开信息的条数，大类的条数包含其各小类。',
    /** Group keys of a document: its topic, and its 大类 when it is filed under a 小类. */
    keys: (d: DocumentMeta) => {
      const parent = d.topicId.split('-')[0]!;
      return parent === d.topicId ? [d.topicId] : [d.topicId, parent];
    },
    items: (input: CatalogueInput): GroupItem[] =>
      input.topics
        .filter((t) => !t.parentId)
        .map((t) => ({ ...t, children: input.topics.filter((c) => c.parentId === t.id) })),
  },
  {
    kind: 'publisher',
    label: '发布机构',
    unit: '个机构',
    intro: '按发布机构（发文机关）浏览本站公开的政府信息。',
    keys: (d: DocumentMeta) => [d.publisherId],
    items: (input: CatalogueInput): GroupItem[] => input.publishers,
  },
  {
    kind: 'year',
    label: '年份',
    unit: '个年份',
    intro: '按发布日期所在年份浏览。',
    keys: (d: DocumentMeta) => [d.published.slice(0, 4)],
    items: (input: CatalogueInput): GroupItem[] =>
      [...new Set(input.documents.map((d) => d.published.slice(0, 4)))]
        .sort()
        .reverse()
        .map((y) => ({ id: y, name: `${y}年` })),
  },
  {
    kind: 'genre',
    label: '体裁',
    unit: '种体裁',
    intro: '按体裁（公文种类及公示、年报、解读等）浏览。',
    keys: (d: DocumentMeta) => [d.genreId],
    items: (input: CatalogueInput): GroupItem[] => input.genres,
  },
] as const;

export type BrowseGroupKind = (typeof BROWSE_KINDS)[number]['kind'];
/** Browse kinds plus the column sections (栏目), which have their own pages (/section/<id>/). */
export type GroupKind = BrowseGroupKind | 'section';

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

/** Newest first: 发布时间 descending, then 索引号 descending (stable, deterministic). */
export function compareNewestFirst(a: DocumentMeta, b: DocumentMeta): number {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? 1 : -1;
  return a.indexNo < b.indexNo ? 1 : a.indexNo > b.indexNo ? -1 : 0;
}

/** The sections as a browse kind of their own: grouped like the others, listed on /section/<id>/. */
const SECTION_KIND = {
  kind: 'section',
  keys: (d: DocumentMeta) => [d.sectionId],
  items: (input: CatalogueInput): GroupItem[] => input.sections,
} as const;

export function buildCatalogue(input: CatalogueInput): Catalogue {
  const all = [...input.documents].sort(compareNewestFirst);
  const kinds = [...BROWSE_KINDS, SECTION_KIND];
  const bucket = new Map<string, DocumentMeta[]>();
  // one pass over the documents; `all` is sorted, so every bucket is too
  for (const d of all) {
    for (const k of kinds) {
      for (const key of k.keys(d)) {
        const id = `${k.kind}:${key}`;
        let list = bucket.get(id);
        if (!list) bucket.set(id, (list = []));
        list.push(d);
      }
    }
  }
  const groupOf = (kind: GroupKind, item: GroupItem): Group => ({
    kind,
    id: item.id,
    name: item.name,
    docs: bucket.get(`${kind}:${item.id}`) ?? [],
    children: (item.children ?? []).map((c) => groupOf(kind, c)),
  });
  const groups = Object.fromEntries(
    kinds.map((k) => [k.kind, k.items(input).map((item) => groupOf(k.kind, item))]),
  ) as Record<GroupKind, Group[]>;
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
