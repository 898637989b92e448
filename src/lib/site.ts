// loadSite: reads a content directory once (src/lib/column.ts), resolves what documents refer to,
// runs every check (src/lib/checks/) and returns the column's settings, classification lists and
// document metadata (no bodies) with every diagnostic. Nothing here throws for content problems;
// the build fails afterwards if any diagnostic is an error.
import path from 'node:path';
import { buildCatalogue, compareNewestFirst } from './catalogue.ts';
import { CHECKS, runChecks, type CheckedColumn, type CheckedDocument } from './checks/index.ts';
import { camelKeys } from './camel.ts';
import { readColumn, type Column, type SourceDocument } from './column.ts';
import { slugFromIndexNo } from './index-no.ts';
import { firstSentence } from './markdown.ts';
import { splitKeywords } from './schema/document.ts';
import { reportStatus } from './report/checks.ts';
import { pagePaths } from './site-paths.ts';
import type { Attachment, DocumentMeta, SiteData, SiteSettings } from './types.ts';

export interface LoadOptions {
  /** Today's date, YYYY-MM-DD (Asia/Shanghai). */
  today: string;
  /** Now, 'YYYY-MM-DD HH:MM' (Asia/Shanghai); documents published later are held back. Default: the end of `today`. */
  now?: string;
}

/** Reads and validates a whole content directory. Never throws for content problems. */
export function loadSite(contentDir: string, options: LoadOptions): SiteData {
  const now = options.now ?? `${options.today} 23:59`;
  const column = readColumn(contentDir, { today: options.today, now });
  const checked = resolve(column);
  const diagnostics = [...column.diagnostics, ...runChecks(CHECKS, checked)];
  reportStatus(checked, diagnostics);
  const published = checked.documents.filter((d) => d.meta && !d.heldBack).map((d) => d.meta!);
  published.sort(compareNewestFirst);
  return {
    contentDir,
    settings: column.settings ?? placeholderSettings(),
    publishers: column.publishers,
    topics: column.topics,
    genres: column.genres,
    sections: column.sections,
    documents: published,
    heldBack: checked.documents
      .filter((d) => d.meta && d.heldBack)
      .map((d) => ({ file: d.file, title: d.meta!.title, published: d.meta!.published })),
    diagnostics,
  };
}

/**
 * Resolves each document's names (发布机构, 主题分类, 体裁, 栏目), builds the metadata of those whose
 * frontmatter is valid, and links replacements (superseded_by ↔ supersedes). Reports nothing: the
 * checks report what did not resolve.
 */
function resolve(column: Column): CheckedColumn {
  const { names } = column;
  const documents: CheckedDocument[] = column.documents.map((doc) => {
    const { data } = doc;
    const checked: CheckedDocument = {
      ...doc,
      publisher: typeof data.publisher === 'string' ? names.publisher(data.publisher) : undefined,
      topic: typeof data.topic === 'string' ? names.topic(data.topic).topic : undefined,
      genre: typeof data.genre === 'string' ? names.genre(data.genre) : undefined,
      section: typeof data.section === 'string' ? names.section(data.section) : undefined,
      heldBack: false,
    };
    checked.meta = documentMeta(checked);
    checked.heldBack = !!checked.meta && checked.meta.publishedAt > column.now;
    return checked;
  });
  linkReplacements(documents);
  const resolved: CheckedColumn = { ...column, documents };
  if (column.settings) {
    const live = documents.filter((d) => d.meta && !d.heldBack).map((d) => d.meta!);
    const catalogue = buildCatalogue({ ...column, documents: live });
    resolved.pagePaths = pagePaths(catalogue, column.settings.pageSize);
  }
  return resolved;
}

function documentMeta(doc: CheckedDocument & SourceDocument): DocumentMeta | undefined {
  const { valid } = doc;
  if (!valid) return undefined;
  const {
    publisher: _p,
    topic: _t,
    genre: _g,
    section: _s,
    keywords,
    summary,
    slug,
    attachments: _a,
    report: _r,
    ...written
  } = valid;
  const publishedAt = valid.published.length > 10 ? valid.published : `${valid.published} 00:00`;
  const attachments: Attachment[] = doc.attachments
    .filter((a) => a.state === 'ok')
    .map((a) => ({
      title: a.title ?? path.posix.basename(a.rel),
      source: a.rel,
      // the path below the document's folder: attachments in a sub-folder keep it in their URL
      fileName: path.posix.relative(doc.dir, a.rel),
      ext: (path.posix.extname(a.rel).slice(1) || '文件').toUpperCase(),
      bytes: a.bytes,
    }));
  const assets = doc.bodyFiles.filter((f) => f.state === 'ok').map((f) => f.rel);
  // <meta name="Image">: the first image the body shows, else an image attachment
  const image = [...assets, ...attachments.map((a) => a.source)].find((f) => IMAGE.test(f));
  return {
    ...camelKeys(written),
    title: valid.title.trim(),
    indexNo: valid.index_no.trim(),
    docNo: valid.doc_no?.trim(),
    supersededBy: valid.superseded_by?.trim(),
    note: valid.note?.trim(),
    slug: slug ?? slugFromIndexNo(valid.index_no),
    file: doc.file,
    published: valid.published.slice(0, 10),
    publishedAt,
    publisherId: doc.publisher?.id ?? '',
    publisher: doc.publisher?.name ?? valid.publisher,
    topicId: doc.topic?.id ?? '',
    genreId: doc.genre?.id ?? '',
    sectionId: doc.section?.id ?? '',
    supersedes: [],
    keywords: splitKeywords(keywords),
    summary: summary?.trim() || firstSentence(doc.body),
    attachments,
    assets,
    ...(image ? { image } : {}),
    ...(doc.report ? { report: doc.report } : {}),
  };
}

const IMAGE = /\.(png|jpe?g|gif|webp)$/i;

/** superseded_by → the replacing document's slug; the replacing document lists what it replaces. */
function linkReplacements(documents: CheckedDocument[]): void {
  const byIndexNo = new Map<string, CheckedDocument>();
  for (const d of documents) if (d.meta && !byIndexNo.has(d.meta.indexNo)) byIndexNo.set(d.meta.indexNo, d);
  for (const d of documents) {
    const target = d.meta?.supersededBy ? byIndexNo.get(d.meta.supersededBy) : undefined;
    if (!d.meta || !target?.meta || target === d || target.heldBack) continue;
    d.meta.supersededBySlug = target.meta.slug;
    if (!d.heldBack) target.meta.supersedes.push(d.meta.slug);
  }
}

/**
 * loadSite memoised per (directory, now) for the whole Node process: the content loader,
 * the integrations and the command line share one result. Kept on globalThis because Astro
 * loads config and content modules through different module graphs.
 */
export function getSite(contentDir: string, options: LoadOptions): SiteData {
  const g = globalThis as { __gongkaiSites?: Map<string, SiteData> };
  g.__gongkaiSites ??= new Map();
  const key = `${path.resolve(contentDir)}|${options.today}|${options.now ?? ''}`;
  let site = g.__gongkaiSites.get(key);
  if (!site) {
    site = loadSite(contentDir, options);
    g.__gongkaiSites.set(key, site);
  }
  return site;
}

/**
 * Forgets the memoised loadSite results of `contentDir` (every "now"), so the next getSite reads
 * the files again: the dev server calls it when content changes (src/lib/dev-watch.ts).
 */
export function invalidateSite(contentDir: string): void {
  const sites = (globalThis as { __gongkaiSites?: Map<string, SiteData> }).__gongkaiSites;
  const prefix = `${path.resolve(contentDir)}|`;
  for (const key of [...(sites?.keys() ?? [])]) if (key.startsWith(prefix)) sites!.delete(key);
}

/** Settings used when site.yaml could not be read: the build fails anyway, with that error listed. */
function placeholderSettings(): SiteSettings {
  return {
    sample: false,
    siteName: '',
    columnName: '政府信息公开专栏',
    siteUrl: '',
    domain: '',
    siteIdCode: '',
    organisation: { name: '', code: '' },
    indexNo: { pattern: '{code}/{yyyymm}-{serial:5}', yearFrom: 'published' },
    base: '/',
    pageSize: 20,
    attachmentTypes: [],
    levels: [],
    footer: { sponsor: '' },
    office: { name: '' },
  };
}

export type { SiteData };
