// Core types of gongkai's domain. Plain TypeScript, no Astro imports. The types of what editors
// write (site.yaml, bodies.yaml, document frontmatter) are derived from their schemas in
// src/lib/schema/; the rest is computed by loadSite.
import type { z } from 'zod';
import type { ReportInfo } from './report/read.ts';
import type { DocumentFrontmatter } from './schema/document.ts';
import type { publisherSchema, siteSchema } from './schema/site.ts';

/** 'police_record' → 'policeRecord', at the type level. */
type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
/** An object type with camelCase keys, nested plain objects included (arrays are kept as they are). */
export type CamelCased<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T as K extends string ? Camel<K> : K]: CamelCased<T[K]> }
    : T;

/** One finding of a check. Never thrown by checks; collected by loadSite. */
export interface Diagnostic {
  level: 'error' | 'warning';
  /** Rule id, stable, for tests and docs, e.g. 'duplicate-index-no'. */
  code: string;
  /** Path relative to the content directory, with forward slashes, e.g. 'documents/2021/a.md'. */
  file: string;
  /** 1-based line in that file where the problem can be found; undefined when the whole file is meant. */
  line?: number;
  /** The field's English key, e.g. 'index_no'. */
  field?: string;
  /** The field's Chinese name, e.g. '索引号'. */
  fieldZh?: string;
  /** What is wrong, in Chinese, one sentence. */
  message: string;
  /** How to fix it, in Chinese. */
  fix?: string;
  /**
   * Other files a finding across documents concerns (the first holder of a duplicate 索引号): `gongkai check
   * FILE` lists it when FILE is one of them, so a hook checking only staged files still sees it.
   */
  related?: string[];
}

export type Validity = NonNullable<DocumentFrontmatter['validity']>; // 有效 | 失效 | 废止
export type Normative = NonNullable<DocumentFrontmatter['normative']>; // 规章 | 行政规范性文件

/** An issuing body (发布机构), from bodies.yaml. The editors' file keeps its name. */
export type Publisher = CamelCased<z.output<typeof publisherSchema>>;

/** A 主题分类 node. Top level ids are two digits ('02'); sub-categories 'NN-NN' ('02-01'). */
export interface Topic {
  id: string;
  name: string; // display name of this node alone, e.g. '政务公开'
  fullName: string; // '综合政务\\政务公开' for a sub-category, '综合政务' for a top level one
  parentId?: string;
  aliases: string[]; // old full names still accepted (renamed topics keep their id)
}

/** 体裁 (genre). */
export interface Genre {
  id: string; // ASCII
  name: string; // 通知, 年报 …
  aliases: string[]; // old names still accepted after a rename
}

/** A column section (栏目): 指南, 制度, the 15 items of 条例 第二十条, 年报, or a site's own. */
export interface Section {
  id: string; // ASCII: 'guide', 'rules', 'art20-01' … 'art20-15', 'annual-reports', or a site's own
  name: string; // display name
  aliases: string[]; // other accepted spellings, e.g. '第二十条第（一）项'
  group: 'guide' | 'rules' | 'statutory' | 'annual-reports' | 'other';
  description?: string; // e.g. the full text of the 第二十条 item
}

export interface Attachment {
  title: string;
  /** Path relative to the content directory. */
  source: string;
  /** Path as published below the document's folder (sub-folders kept). */
  fileName: string;
  /** Upper-case extension without dot: 'PDF', 'DOCX', 'XLSX' … */
  ext: string;
  bytes: number;
}

/** Frontmatter fields a page shows as written (camelCase); the others are resolved below. */
type WrittenFields = CamelCased<
  Omit<
    DocumentFrontmatter,
    | 'publisher'
    | 'topic'
    | 'genre'
    | 'section'
    | 'keywords'
    | 'summary'
    | 'slug'
    | 'attachments'
    | 'report'
    | 'withdrawn'
    | 'privacy_exceptions'
    | 'interprets'
  >
>;

/** A document's metadata (no body): what the content store holds and pages read. */
export type DocumentMeta = WrittenFields & {
  slug: string; // URL id, from index_no or explicit slug
  file: string; // relative to content dir, e.g. 'documents/2021/a.md'
  published: string; // 发布日期 YYYY-MM-DD (the date part of what was written)
  publishedAt: string; // 发布时间 'YYYY-MM-DD HH:MM' (Asia/Shanghai; 00:00 when no time was written)
  publisherId: string;
  publisher: string; // 发布机构 name (the current name when an old one was written)
  topicId: string; // 主题分类
  genreId: string; // 体裁
  sectionId: string; // 所属栏目
  supersededBySlug?: string; // resolved slug of the replacing document
  supersedes: string[]; // slugs of documents this one replaces (computed)
  /**
   * 解读对象 (frontmatter `interprets`), resolved: the policies this 解读 interprets, each a document of
   * the column (its slug) or a page elsewhere; unset when there are none. A 索引号 that names no
   * published document is left out (an error, or a warning while that document is held back).
   */
  interprets?: PolicyLink[];
  /** Slugs of the 解读 that interpret this document, oldest first (computed); unset when there are none. */
  interpretations?: string[];
  keywords: string[];
  summary: string; // 内容概述: frontmatter `summary`, else first sentence of body (≤ 100 字)
  attachments: Attachment[];
  /** Other local files the body links to (images, downloads), relative to the content dir. */
  assets: string[];
  /** An annual report's tables and known defects (体裁 年报 with frontmatter `report`). */
  report?: ReportInfo;
  /** The first image of the body or the attachments, relative to the content dir (<meta name="Image">). */
  image?: string;
};

/**
 * A withdrawn document (撤回, frontmatter `withdrawn`): its URL stays and shows only what is here. It
 * carries nothing taken from the body or the attachments (no summary, no files), so nothing built
 * from it can publish them.
 */
export interface WithdrawnDoc {
  slug: string;
  title: string;
  indexNo: string;
  /** Relative to the content dir (for messages; never shown). */
  file: string;
  /** 所属栏目: the page's breadcrumb and navigation. */
  sectionId: string;
  /** 撤回日期 YYYY-MM-DD. */
  date: string;
  /** 撤回原因. */
  reason: string;
}

/** One entry of content/redirects.yaml: an old site path (without base) and where it moved. */
export interface Redirect {
  from: string;
  to: string;
  /** When it moved, YYYY-MM-DD. */
  date?: string;
}

/** A policy a 解读 interprets: a document of this column, or a page on another site. */
export type PolicyLink = { slug: string } | { title: string; url: string };

/** Settings from content/site.yaml, as the schema reads them (camelCase), plus what follows from them. */
export type SiteSettings = CamelCased<z.output<typeof siteSchema>> & {
  /** Host name of site_url: <meta name="SiteDomain">. */
  domain: string;
};

/** Under `astro dev` only: the content check's state, for the error banner (src/content.config.ts). */
export interface DevStatus {
  /** Counts the column's readings, so every change re-sets the store and reloads the browser. */
  revision: number;
  /** The content directory as the terminal names it (formatDiagnostic's prefix). */
  prefix: string;
  errors: Diagnostic[];
  /** Pages show the last column that passed, not the one with these errors. */
  stale: boolean;
}

export interface SiteData {
  contentDir: string;
  settings: SiteSettings;
  publishers: Publisher[];
  topics: Topic[];
  genres: Genre[];
  sections: Section[];
  /** Documents that get a page, newest first (published desc, then indexNo desc). */
  documents: DocumentMeta[];
  /** Withdrawn documents (撤回): a notice page each at their URL, nothing else. */
  withdrawn: WithdrawnDoc[];
  /** Old URLs and where they moved (content/redirects.yaml). */
  redirects: Redirect[];
  /** Documents whose `published` is after now: no page, listed in a warning. */
  heldBack: { file: string; title: string; published: string }[];
  diagnostics: Diagnostic[];
  /** Set by loadSiteAsync: the attachments the personal-information guard looked at, how many it read anew. */
  attachmentScan?: { attachments: number; scanned: number; cached: number; seconds: number };
}
