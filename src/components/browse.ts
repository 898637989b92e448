// Labels of the catalogue's browse kinds (URLs /catalogue/<kind>/).
export type BrowseGroupKind = 'topic' | 'publisher' | 'year' | 'genre';

export const KIND_LABELS: Record<BrowseGroupKind, string> = {
  topic: '主题分类',
  publisher: '发布机构',
  year: '年份',
  genre: '体裁',
};
