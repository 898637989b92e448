// Which first-level column (top navigation item) a column section belongs to.
import type { Section } from '../lib/types.ts';
import { sectionLabel } from './format.ts';
import type { Crumb, NavKey } from './types.ts';

/** A site's own sections (group 'other') belong to no top navigation item. */
export const NAV_OF_SECTION_GROUP: Record<Section['group'], NavKey | undefined> = {
  guide: 'guide',
  rules: 'rules',
  statutory: 'statutory',
  'annual-reports': 'annual-reports',
  other: undefined,
};

/** A document page's breadcrumb: the column, 法定主动公开内容 for a statutory section, the section, the title. */
export function documentCrumbs(columnName: string, section: Section | undefined, title: string): Crumb[] {
  const crumbs: Crumb[] = [{ label: columnName, path: '/' }];
  if (section) {
    if (section.group === 'statutory') crumbs.push({ label: '法定主动公开内容', path: '/#fdzdgknr' });
    crumbs.push({ label: sectionLabel(section), path: `/section/${section.id}/` });
  }
  crumbs.push({ label: title });
  return crumbs;
}
