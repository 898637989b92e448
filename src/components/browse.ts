// Labels of the catalogue's browse kinds (URLs /catalogue/<kind>/).
import type { Section } from '../lib/types.ts';
import type { NavKey } from './types.ts';

export type BrowseGroupKind = 'topic' | 'publisher' | 'year' | 'genre';

export const KIND_LABELS: Record<BrowseGroupKind, string> = {
  topic: '主题分类',
  publisher: '发布机构',
  year: '年份',
  genre: '体裁',
};

/** Which top navigation item a column section belongs to (a site's own sections: none). */
export const NAV_OF_SECTION_GROUP: Record<Section['group'], NavKey | undefined> = {
  guide: 'guide',
  rules: 'rules',
  statutory: 'statutory',
  'annual-reports': 'annual-reports',
  other: undefined,
};
