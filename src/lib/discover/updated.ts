// When a page last changed, from the content's own dates — never the build's clock, so the same content
// builds the same sitemap and feeds (the <lastmod> of sitemap.xml, the <updated> of the Atom feeds).
import type { DocumentMeta } from '../types.ts';

/**
 * When a document's page last changed, 'YYYY-MM-DD HH:MM' (Asia/Shanghai): the latest of its 发布时间,
 * its 废止/失效日期 (`repealed`), and the 发布时间 of the published documents its page names because
 * they came later — the one that replaces it (`superseded_by`) and the 解读 that interpret it. A
 * document named there but not published (held back, withdrawn) does not count.
 */
export function docUpdatedAt(doc: DocumentMeta, bySlug: ReadonlyMap<string, DocumentMeta>): string {
  let at = doc.publishedAt;
  const later = (t: string | undefined) => {
    if (t && t > at) at = t;
  };
  if (doc.repealed) later(`${doc.repealed} 00:00`);
  if (doc.supersededBySlug) later(bySlug.get(doc.supersededBySlug)?.publishedAt);
  for (const slug of doc.interpretations ?? []) later(bySlug.get(slug)?.publishedAt);
  return at;
}

/**
 * When each document's page last changed (docUpdatedAt), by slug, and the latest of a list of them:
 * computed once per build, read by every list (a list page changes when one of its documents does).
 */
export class UpdatedDates {
  readonly bySlug = new Map<string, string>();

  constructor(docs: readonly DocumentMeta[], bySlug: ReadonlyMap<string, DocumentMeta>) {
    for (const d of docs) this.bySlug.set(d.slug, docUpdatedAt(d, bySlug));
  }

  /** 'YYYY-MM-DD HH:MM' of one document. */
  of(doc: DocumentMeta): string {
    return this.bySlug.get(doc.slug) ?? doc.publishedAt;
  }

  /** The latest of `docs` ('YYYY-MM-DD HH:MM'), undefined for an empty list. */
  latest(docs: readonly DocumentMeta[]): string | undefined {
    let max: string | undefined;
    for (const d of docs) {
      const t = this.of(d);
      if (max === undefined || t > max) max = t;
    }
    return max;
  }
}

/** 'YYYY-MM-DD HH:MM' or 'YYYY-MM-DD' (Asia/Shanghai) → RFC 3339 ('2021-03-05T10:30:00+08:00'), for Atom. */
export function rfc3339(at: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(at);
  if (!m) throw new RangeError(`not a date or date and time: ${at}`);
  return `${m[1]}T${m[2] ?? '00'}:${m[3] ?? '00'}:00+08:00`;
}
