// Core types of gongkai's domain. Plain TypeScript, no Astro imports.
// Every module under src/lib and every page speaks these types.

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
}

export type Validity = '有效' | '失效' | '废止';
export type Normative = '规章' | '行政规范性文件';

/** An issuing body (发布机构). */
export interface Body {
  id: string; // ASCII, used in URLs
  name: string; // what documents' `publisher` names, exactly
  code?: string; // 统一社会信用代码 (18) or 组织机构代码 (9)
  level?: string; // 县级人民政府 | 县级政府部门 | 乡镇人民政府 | 街道办事处 …
  reportDeadline?: string; // MM-DD
}

/** A 主题分类 node. Top level ids are two digits ('02'); sub-categories 'NN-NN' ('02-01'). */
export interface Topic {
  id: string;
  name: string; // display name of this node alone, e.g. '政务公开'
  fullName: string; // '综合政务\\政务公开' for a sub-category, '综合政务' for a top level one
  parentId?: string;
  aliases: string[]; // old names still accepted (renamed topics keep their id)
}

/** 体裁 (genre). */
export interface Genre {
  id: string; // ASCII
  name: string; // 通知, 年报 …
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
  /** File name as published (basename of source). */
  fileName: string;
  /** Upper-case extension without dot: 'PDF', 'DOCX', 'XLSX' … */
  ext: string;
  bytes: number;
}

/** A document's metadata (no body): what the content store holds and pages read. */
export interface DocumentMeta {
  slug: string; // URL id, from index_no or explicit slug
  file: string; // relative to content dir, e.g. 'documents/2021/a.md'
  title: string;
  indexNo: string; // 索引号
  publisherId: string;
  publisher: string; // 发布机构 name
  topicId: string; // 主题分类
  genreId: string; // 体裁
  docNo?: string; // 文号
  written: string; // 成文日期 YYYY-MM-DD
  published: string; // 发布日期 YYYY-MM-DD
  validity?: Validity; // 有效性
  normative?: Normative; // 规章 | 行政规范性文件
  repealed?: string; // 废止/失效日期 YYYY-MM-DD
  supersededBy?: string; // 索引号 of the replacing document
  supersededBySlug?: string; // resolved slug of that document
  supersedes: string[]; // slugs of documents this one replaces (computed)
  keywords: string[];
  summary: string; // 内容概述: frontmatter `summary`, else first sentence of body (≤ 100 字)
  sectionId: string;
  attachments: Attachment[];
  /** Other local files the body links to (images, downloads), relative to the content dir. */
  assets: string[];
  /** Free-form note shown above the body, e.g. '本文为真实公开文本示例'. */
  note?: string;
}

/** Settings from content/site.yaml. */
export interface SiteSettings {
  sample: boolean; // true: show the "示例数据" banner
  siteName: string; // SiteName <meta>, e.g. 示例县人民政府
  columnName: string; // 政府信息公开专栏
  domain: string; // SiteDomain <meta>
  siteIdCode: string; // 政府网站标识码 (SiteIDCode)
  organisation: { name: string; code: string };
  indexNo: { pattern: string; yearFrom: 'published' | 'written' };
  base: string; // '/' or '/xxgk/'
  pageSize: number; // rows per catalogue page
  footer: {
    sponsor: string; // 主办单位
    organizer?: string; // 承办单位
    contact?: string; // 联系方式
    address?: string;
    icp?: string; // ICP备案号
    policeRecord?: string; // 公安机关备案号
  };
  office: {
    // 政府信息公开工作机构 (for 指南 and 依申请公开)
    name: string;
    address?: string;
    postcode?: string;
    hours?: string;
    phone?: string;
    fax?: string;
    email?: string;
  };
}

export interface SiteData {
  contentDir: string;
  settings: SiteSettings;
  bodies: Body[];
  topics: Topic[];
  genres: Genre[];
  sections: Section[];
  /** Documents that get a page, newest first (published desc, then indexNo desc). */
  documents: DocumentMeta[];
  /** Documents whose `published` is after today: no page, listed in a warning. */
  heldBack: { file: string; title: string; published: string }[];
  diagnostics: Diagnostic[];
}
