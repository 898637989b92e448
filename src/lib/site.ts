// loadSite: reads a content directory once (src/lib/column.ts), resolves what documents refer to,
// runs every check (src/lib/checks/) and returns the column's settings, classification lists and
// document metadata (no bodies) with every diagnostic. Nothing here throws for content problems;
// the build fails afterwards if any diagnostic is an error.
import path from 'node:path';
import { buildCatalogue, compareNewestFirst } from './catalogue.ts';
import { CHECKS, runChecks, type CheckedColumn, type CheckedDocument } from './checks/index.ts';
import { isLive } from './checks/types.ts';
import { camelKeys } from './camel.ts';
import { readColumn, type Column, type SourceDocument } from './column.ts';
import { slugFromIndexNo } from './index-no.ts';
import { compareCodePoints } from './order.ts';
import { firstSentence } from './markdown.ts';
import { policyRefs, splitKeywords } from './schema/document.ts';
import { reportStatus } from './report/checks.ts';
import { privacyKey } from './privacy/fingerprint.ts';
import { scanAttachments, type AttachmentScans } from './privacy/attachments.ts';
import { pagePaths } from './site-paths.ts';
import type {
  Attachment,
  Diagnostic,
  DocumentMeta,
  PolicyLink,
  SiteData,
  SiteSettings,
  WithdrawnDoc,
} from './types.ts';

export interface LoadOptions {
  /** Today's date, YYYY-MM-DD (Asia/Shanghai). */
  today: string;
  /** Now, 'YYYY-MM-DD HH:MM' (Asia/Shanghai); documents published later are held back. Default: the end of `today`. */
  now?: string;
  /** Only these documents and those related to them (src/lib/column.ts ReadOptions.only). */
  only?: string[];
  /** With `only`: read their relatives too (default), or `only` already lists them (ReadOptions.relatives). */
  relatives?: boolean;
  /**
   * What the personal-information guard found in the attachments (scanAttachments): loadSiteAsync
   * sets it. Without it the guard checks bodies, data files and CSV tables only.
   */
  attachmentScans?: AttachmentScans;
}

type Checked = { column: Column; checked: CheckedColumn; diagnostics: Diagnostic[] };

const readOptions = (options: LoadOptions) => ({
  today: options.today,
  now: options.now ?? `${options.today} 23:59`,
  only: options.only,
  relatives: options.relatives,
});

/**
 * The column as the checks see it (every document, held back and withdrawn included) and every
 * diagnostic: what loadSite builds the site from, and what the editing commands (src/cli/) work on.
 */
export function checkColumn(contentDir: string, options: LoadOptions): Checked {
  return checkRead(readColumn(contentDir, readOptions(options)), options);
}

function checkRead(column: Column, options: LoadOptions): Checked {
  const checked = resolve(column);
  if (options.attachmentScans) checked.attachmentScans = options.attachmentScans;
  const all = [...column.diagnostics, ...runChecks(CHECKS, checked)];
  // reading a few documents: what is found of the others (unused files …) says nothing about them
  const diagnostics = options.only ? all.filter((d) => options.only!.includes(d.file)) : all;
  return { column, checked, diagnostics };
}

/**
 * Reads and validates a whole content directory. Never throws for content problems. Synchronous:
 * attachments are scanned for personal information only when `options.attachmentScans` is given —
 * the build and the commands use loadSiteAsync, which scans them.
 */
export function loadSite(contentDir: string, options: LoadOptions): SiteData {
  return siteData(checkColumn(contentDir, options));
}

/**
 * loadSite with every attachment scanned for personal information first (src/lib/privacy/attachments.ts,
 * cached under `cacheDir`): what the build, `npm run check` and `npx gongkai check` run.
 */
export async function loadSiteAsync(
  contentDir: string,
  options: LoadOptions & { cacheDir: string },
): Promise<SiteData> {
  const column = readColumn(contentDir, readOptions(options));
  const started = performance.now();
  // attachments and the files bodies link (docs/domain.md §12.4)
  const sources = column.documents.flatMap((d) =>
    [...d.attachments, ...d.bodyFiles].filter((a) => a.state === 'ok').map((a) => a.rel),
  );
  const { scans, scanned, cached } = await scanAttachments(contentDir, sources, {
    cacheDir: options.cacheDir,
    key: privacyKey(column.settings),
    today: options.today,
  });
  const site = siteData(checkRead(column, { ...options, attachmentScans: scans }));
  site.attachmentScan = { attachments: scans.size, scanned, cached, seconds: (performance.now() - started) / 1000 };
  return site;
}

function siteData({ column, checked, diagnostics }: Checked): SiteData {
  reportStatus(checked, diagnostics);
  const published = checked.documents.filter(isLive).map((d) => d.meta);
  published.sort(compareNewestFirst);
  return {
    contentDir: column.contentDir,
    settings: column.settings ?? placeholderSettings(),
    publishers: column.publishers,
    topics: column.topics,
    genres: column.genres,
    sections: column.sections,
    documents: published,
    withdrawn: withdrawnDocs(checked.documents),
    redirects: column.redirects,
    heldBack: checked.documents
      .filter((d) => d.meta && d.heldBack)
      .map((d) => ({ file: d.file, title: d.meta!.title, published: d.meta!.published })),
    diagnostics,
  };
}

/**
 * Resolves each document's names (发布机构, 主题分类, 体裁, 栏目), builds the metadata of those whose
 * frontmatter is valid, and links documents both ways: replacements (superseded_by ↔ supersedes) and
 * interpretations (interprets ↔ interpretations). Reports nothing: the checks report what did not resolve.
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
      withdrawn: data.withdrawn !== undefined,
    };
    checked.meta = documentMeta(checked);
    checked.heldBack = !!checked.meta && checked.meta.publishedAt > column.now;
    return checked;
  });
  const byIndexNo = new Map<string, CheckedDocument>();
  for (const d of documents) if (d.meta && !byIndexNo.has(d.meta.indexNo)) byIndexNo.set(d.meta.indexNo, d);
  linkReplacements(documents, byIndexNo);
  linkInterpretations(documents, byIndexNo);
  const resolved: CheckedColumn = { ...column, documents };
  if (column.settings) {
    const live = documents.filter(isLive).map((d) => d.meta);
    const catalogue = buildCatalogue({ ...column, documents: live });
    resolved.pagePaths = pagePaths(catalogue, column.settings.pageSize, withdrawnDocs(documents));
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
    withdrawn: _w,
    privacy_exceptions: _x,
    interprets: _i,
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

/**
 * superseded_by → the replacing document's slug; the replacing document lists what it replaces.
 * A withdrawn document is linked neither way (the supersession check warns about the first case).
 */
function linkReplacements(documents: CheckedDocument[], byIndexNo: Map<string, CheckedDocument>): void {
  for (const d of documents) {
    const target = d.meta?.supersededBy ? byIndexNo.get(d.meta.supersededBy) : undefined;
    if (!d.meta || !target?.meta || target === d || target.heldBack || target.withdrawn) continue;
    d.meta.supersededBySlug = target.meta.slug;
    if (!d.heldBack && !d.withdrawn) target.meta.supersedes.push(d.meta.slug);
  }
}

/**
 * interprets → each policy: a document of the column (by 索引号) or a page elsewhere; each policy of the
 * column lists the 解读 that interpret it, oldest first. One pass over the documents: no page looks
 * through the collection.
 */
function linkInterpretations(documents: CheckedDocument[], byIndexNo: Map<string, CheckedDocument>): void {
  const interpreted = new Set<DocumentMeta>();
  for (const d of documents) {
    const refs = d.meta ? policyRefs(d.valid?.interprets) : [];
    if (!d.meta || !refs.length) continue;
    const links: PolicyLink[] = [];
    for (const ref of refs) {
      if (!('indexNo' in ref)) {
        links.push({ title: ref.title, url: ref.url });
        continue;
      }
      const policy = byIndexNo.get(ref.indexNo);
      if (!policy?.meta || policy === d || policy.heldBack || policy.withdrawn) continue; // the checks say why
      const target = policy.meta;
      if (links.some((l) => 'slug' in l && l.slug === target.slug)) continue;
      links.push({ slug: target.slug });
      if (d.heldBack || d.withdrawn) continue;
      (target.interpretations ??= []).push(d.meta.slug);
      interpreted.add(target);
    }
    if (links.length) d.meta.interprets = links;
  }
  if (!interpreted.size) return;
  const publishedAt = new Map(documents.flatMap((d) => (d.meta ? [[d.meta.slug, d.meta.publishedAt] as const] : [])));
  const at = (slug: string) => publishedAt.get(slug) ?? '';
  for (const meta of interpreted)
    meta.interpretations!.sort((a, b) => compareCodePoints(at(a), at(b)) || compareCodePoints(a, b));
}

/**
 * The notice pages of withdrawn documents (not held back: a document never published gets no page).
 * Only what the notice shows is taken: nothing from the body or the attachments.
 */
function withdrawnDocs(documents: CheckedDocument[]): WithdrawnDoc[] {
  return documents.flatMap((d) =>
    d.meta && d.withdrawn && !d.heldBack
      ? [
          {
            slug: d.meta.slug,
            title: d.meta.title,
            indexNo: d.meta.indexNo,
            file: d.file,
            sectionId: d.meta.sectionId,
            date: d.data.withdrawn?.date ?? '',
            reason: d.data.withdrawn?.reason?.trim() ?? '',
          },
        ]
      : [],
  );
}

/**
 * loadSiteAsync memoised per (directory, now) for the whole Node process: the content loader and
 * the integrations share one result (and one scan of the attachments). Kept on globalThis because
 * Astro loads config and content modules through different module graphs.
 */
export function getSite(contentDir: string, options: LoadOptions & { cacheDir: string }): Promise<SiteData> {
  const g = globalThis as { __gongkaiSites?: Map<string, Promise<SiteData>> };
  g.__gongkaiSites ??= new Map();
  const key = `${path.resolve(contentDir)}|${options.today}|${options.now ?? ''}|${options.only?.join('\n') ?? ''}`;
  let site = g.__gongkaiSites.get(key);
  if (!site) {
    site = loadSiteAsync(contentDir, options);
    g.__gongkaiSites.set(key, site);
  }
  return site;
}

/**
 * Forgets the memoised loadSite results of `contentDir` (every "now"), so the next getSite reads
 * the files again: the dev server calls it when content changes (src/lib/dev-watch.ts).
 */
export function invalidateSite(contentDir: string): void {
  const sites = (globalThis as { __gongkaiSites?: Map<string, Promise<SiteData>> }).__gongkaiSites;
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
    publicPhones: [],
    footer: { sponsor: '' },
    office: { name: '' },
  };
}

export type { SiteData };
