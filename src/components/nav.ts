// Which first-level column (top navigation item) a column section belongs to.
import type { Section } from '../lib/types.ts';
import type { NavKey } from './types.ts';

/** A site's own sections (group 'other') belong to no top navigation item. */
export const NAV_OF_SECTION_GROUP: Record<Section['group'], NavKey | undefined> = {
  guide: 'guide',
  rules: 'rules',
  statutory: 'statutory',
  'annual-reports': 'annual-reports',
  other: undefined,
};
