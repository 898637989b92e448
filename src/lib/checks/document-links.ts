// Links in a body to other documents and pages: a link to another document's Markdown file
// breaks on the site (the page address is asked for), and a link to a page the build does not
// produce ('/doc/no-such-doc/', a catalogue page that does not exist) is an error with its line. A
// link to a withdrawn document or to an old URL of redirects.yaml warns. A withdrawn document's own
// body is not published, so its links are not checked.
import path from 'node:path';
import { diag } from '../diagnostics.ts';
import type { Diagnostic } from '../types.ts';
import { redirectTarget } from '../redirects.ts';
import type { CheckedDocument, ColumnCheck } from './types.ts';

/** The site path (base excluded) a body link of the page at `here` leads to. */
export function linkSitePath(here: string, target: string, base: string): string {
  const rootRelative = target.startsWith('/');
  let sitePath = rootRelative ? target : path.posix.join(here, target);
  if (rootRelative && base !== '/' && sitePath.startsWith(base)) sitePath = sitePath.slice(base.length - 1);
  if (!sitePath.endsWith('/') && !/\.[a-z0-9]+$/i.test(sitePath)) sitePath += '/';
  return sitePath;
}

export const documentLinksCheck: ColumnCheck = {
  scope: 'column',
  name: '正文中指向其他文件和本站页面的链接',
  run({ documents, pagePaths, settings, redirects }) {
    const out: Diagnostic[] = [];
    const slugByFile = new Map(documents.flatMap((d) => (d.meta ? [[d.file, d.meta.slug] as const] : [])));
    const withdrawnByPath = new Map<string, CheckedDocument>(
      documents.flatMap((d) => (d.meta && d.withdrawn ? [[`/doc/${d.meta.slug}/`, d] as const] : [])),
    );
    const base = settings?.base ?? '/';
    for (const doc of documents) {
      // a withdrawn document's body is not published: its links do not matter
      if (doc.withdrawn) continue;
      for (const link of doc.scan.documentLinks) {
        const target = path.posix.normalize(path.posix.join(doc.dir, link.target));
        const slug = slugByFile.get(target);
        out.push(
          diag(
            'error',
            'markdown-link',
            doc.file,
            slug
              ? `正文链接到另一份文件的源文件“${target}”，网页上这个链接会失效。`
              : `正文链接的文件“${target}”不存在。`,
            {
              line: link.line,
              field: 'body',
              fix: slug ? `改为链接它的网页：../${slug}/` : '改正链接；链接其他文件请写它的网页地址 ../<网址标识>/。',
            },
          ),
        );
      }
      if (!doc.meta || !pagePaths) continue;
      const here = `/doc/${doc.meta.slug}/`;
      for (const link of doc.scan.pageLinks) {
        const sitePath = linkSitePath(here, link.target, base);
        const withdrawn = withdrawnByPath.get(sitePath);
        if (withdrawn) {
          out.push(
            diag(
              'warning',
              'link-to-withdrawn',
              doc.file,
              `正文链接的文件《${withdrawn.meta!.title}》（${withdrawn.file}）已撤回，链接只能打开撤回说明。`,
              { line: link.line, field: 'body', fix: '删除这个链接，或改为链接现行的文件。' },
            ),
          );
          continue;
        }
        if (pagePaths.has(sitePath)) continue;
        const moved = redirectTarget(sitePath, redirects);
        if (moved && pagePaths.has(moved)) {
          out.push(
            diag(
              'warning',
              'link-redirected',
              doc.file,
              `正文链接的页面“${link.target}”已迁移到 ${moved}（redirects.yaml），旧网址只会跳转。`,
              { line: link.line, field: 'body', fix: `把链接改为新网址 ${moved}。` },
            ),
          );
          continue;
        }
        out.push(
          diag(
            'error',
            'broken-page-link',
            doc.file,
            `正文链接的页面“${link.target}”在本网站中不存在（构建不会生成 ${sitePath}）。`,
            {
              line: link.line,
              field: 'body',
              fix: '改正链接：其他文件的网页写 ../<网址标识>/（网址标识见该文件网页地址 doc/ 之后的部分），目录页写 ../../catalogue/。',
            },
          ),
        );
      }
    }
    return out;
  },
};
