// Prop types shared by the layouts and components.
import type { BrowseGroupKind } from '../lib/catalogue.ts';

/** Which first-level column a page belongs to (SiteNav marks it). */
export type NavKey = 'home' | 'guide' | 'rules' | 'statutory' | 'annual-reports' | 'apply' | 'catalogue';

/** Column group of the government <meta> tags (docs/domain.md §11.1). */
export interface ColumnMeta {
  name: string;
  description?: string;
  keywords?: string;
  type?: string;
}

/** Article group of the government <meta> tags, on document pages. */
export interface ArticleMeta {
  title: string;
  pubDate: string; // 'YYYY-MM-DD HH:MM'
  source: string; // 发布机构
  keywords: string;
  description: string;
  /** Page path, base included ('/xxgk/doc/x/'); GovMeta writes the full address (site_url + path). */
  path: string;
  /** Published path of the document's image, base included and URL-encoded; none when it has no image. */
  imagePath?: string;
}

/** One breadcrumb step; the last one is the current page and has no path. */
export interface Crumb {
  label: string;
  path?: string;
}

/** Browse kinds of the catalogue, plus 'all' for the whole list. */
export type BrowseKind = 'all' | BrowseGroupKind;

/** An Atom feed a page names in <head> (<link rel="alternate">). */
export interface FeedRef {
  /** What a feed reader calls it. */
  title: string;
  /** Site path, without base ('/section/<id>/feed.xml'). */
  path: string;
}
