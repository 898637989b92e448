// content/redirects.yaml (optional): old URLs of the column and where they moved, a list of
// { from, to, date }. Written by `gongkai renumber` or by hand; read and checked with the column
// (src/lib/checks/redirects.ts); the build writes a page at each old URL and dist/redirects.json
// (src/integrations/redirects.ts). docs/design.md "Redirects" has the rules.
import { z } from 'zod';
import { dateString, field, fieldsOf, nonEmpty } from './common.ts';

export const redirectSchema = z.object({
  from: field(
    nonEmpty,
    '旧网址',
    '原来的网址：本站路径，不含网站路径 base，以 / 开头，页面以 / 结尾。',
    '/doc/old-slug/',
  ),
  to: field(nonEmpty, '新网址', '现在的网址：本站构建生成的页面或文件，写法同 from。', '/doc/new-slug/'),
  date: field(dateString.optional(), '日期', '网址变更的日期，年-月-日。', '2025-06-01'),
});

export const redirectsSchema = z.array(redirectSchema);

export const REDIRECT_FIELDS = fieldsOf(redirectSchema);
