// Atom feeds (RFC 4287) of the latest disclosures: the whole column's (/feed.xml) and each section's
// (/section/<id>/feed.xml). Every date comes from the content (src/lib/discover/updated.ts), never
// the build's clock, so the same content gives the same bytes. Only published documents are given:
// the catalogue the callers take them from holds no withdrawn or held-back document.
import type { DocumentMeta } from '../types.ts';
import { rfc3339, type UpdatedDates } from './updated.ts';
import { xmlText } from './xml.ts';

/** Entries per feed: the newest documents by 发布时间 (a feed reader keeps what it has seen). */
export const FEED_SIZE = 50;

export interface FeedEntry {
  /** The document page's full address: also the entry's permanent id. */
  url: string;
  title: string;
  /** RFC 3339. */
  published: string;
  /** RFC 3339, ≥ published. */
  updated: string;
  /** 内容概述 ('' when there is none). */
  summary: string;
  /** 发布机构. */
  author: string;
}

export interface Feed {
  /** The feed's own full address (its id and rel="self"). */
  self: string;
  /** The page the feed follows (rel="alternate"): the column's home page or the section's list. */
  page: string;
  title: string;
  subtitle?: string;
  /** The feed's author: the site's 主管机关. */
  author: string;
  entries: FeedEntry[];
  /**
   * RFC 3339 `updated` of a feed without entries (an empty section): the caller's latest content date,
   * so it too stays the same from build to build.
   */
  emptyUpdated: string;
}

/**
 * The first `limit` documents of `docs` (newest first, as every catalogue list is) as feed entries;
 * `url` makes a site path a full address.
 */
export function feedEntries(
  docs: readonly DocumentMeta[],
  dates: UpdatedDates,
  url: (sitePath: string) => string,
  limit = FEED_SIZE,
): FeedEntry[] {
  return docs.slice(0, limit).map((d) => ({
    url: url(`/doc/${d.slug}/`),
    title: d.title,
    published: rfc3339(d.publishedAt),
    updated: rfc3339(dates.of(d)),
    summary: d.summary,
    author: d.publisher,
  }));
}

/** The feed's `updated`: the latest of its entries' (RFC 3339 strings of one offset compare as text). */
export function feedUpdated(feed: Pick<Feed, 'entries' | 'emptyUpdated'>): string {
  let max: string | undefined;
  for (const e of feed.entries) if (max === undefined || e.updated > max) max = e.updated;
  return max ?? feed.emptyUpdated;
}

const ATOM_TYPE = 'application/atom+xml';

/** The feed as an Atom 1.0 document. */
export function atomXml(feed: Feed): string {
  const t = xmlText;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `<id>${t(feed.self)}</id>`,
    `<title>${t(feed.title)}</title>`,
    ...(feed.subtitle ? [`<subtitle>${t(feed.subtitle)}</subtitle>`] : []),
    `<updated>${feedUpdated(feed)}</updated>`,
    `<author><name>${t(feed.author)}</name></author>`,
    `<link rel="self" type="${ATOM_TYPE}" href="${t(feed.self)}"/>`,
    `<link rel="alternate" type="text/html" href="${t(feed.page)}"/>`,
    '<generator>gongkai</generator>',
  ];
  for (const e of feed.entries) {
    lines.push(
      '<entry>',
      `<id>${t(e.url)}</id>`,
      `<title>${t(e.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${t(e.url)}"/>`,
      `<published>${e.published}</published>`,
      `<updated>${e.updated}</updated>`,
      `<author><name>${t(e.author)}</name></author>`,
      ...(e.summary ? [`<summary>${t(e.summary)}</summary>`] : []),
      '</entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
