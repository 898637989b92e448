// Accessibility of what editors write (WCAG 2.1 as GB/T 37668 adopts it), from the findings scanBody
// kept while walking each body once (src/lib/body-accessibility.ts). Errors where the page certainly
// fails a level-A criterion and the editor can always fix it: an image without a text alternative
// (1.1.1), a link nothing names (2.4.4, 4.1.2), a table without header cells (1.3.1). Warnings where
// the context may still carry the meaning: link texts like “点击这里” (2.4.4 allows context) and
// skipped heading levels (a best practice, not a failure). docs/decisions.md §18 gives the reasons.
import path from 'node:path';
import type { AccessibilityFinding } from '../body-accessibility.ts';
import { diag } from '../diagnostics.ts';
import type { Diagnostic } from '../types.ts';
import type { CheckedDocument, ColumnCheck, DocumentCheck } from './types.ts';

const MAX = 30;
const short = (s: string, max = MAX) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const quoted = (s: string) => (s ? `“${short(s)}”` : '（空标题）');

/** Images, tables and headings: each document alone. */
export const contentAccessibilityCheck: DocumentCheck = {
  scope: 'document',
  name: '正文的无障碍：图片的替代文字、表格的表头、标题层级',
  run({ file, scan }) {
    const out: Diagnostic[] = [];
    for (const f of scan.accessibility) {
      const d = describe(f, file);
      if (d) out.push(d);
    }
    return out;
  },
};

function describe(f: AccessibilityFinding, file: string): Diagnostic | undefined {
  const at = { line: f.line, field: 'body' };
  switch (f.kind) {
    case 'image-alt': {
      const src = short(f.src, 60);
      return f.html
        ? diag(
            'error',
            'image-alt',
            file,
            `HTML 图片 <img src="${src}"> 没有 alt 属性（替代文字），读屏软件会读出文件名或跳过它。`,
            {
              ...at,
              fix: `加上替代文字：<img src="${f.src}" alt="图片表达的内容">；纯装饰、不表达内容的图片写 alt=""。`,
            },
          )
        : diag(
            'error',
            'image-alt',
            file,
            `图片“${src}”没有替代文字（![] 的方括号中是空的），读屏软件用户无法知道图片的内容。`,
            {
              ...at,
              fix:
                `在方括号中写出图片表达的内容，例如 ![2015—2020年地区生产总值柱状图：由98.6亿元增长到142.3亿元](${f.src})；` +
                `图表的数据也应在正文或表格中写出。纯装饰、不表达内容的图片改写为 <img src="${f.src}" alt="">。`,
            },
          );
    }
    case 'table-header':
      return f.html
        ? diag(
            'error',
            'table-header',
            file,
            'HTML 表格没有表头单元格 <th>，读屏软件用户无法知道每一列（或行）是什么。',
            {
              ...at,
              fix: '把表头行的 <td> 改为 <th>，或改用 Markdown 表格（第一行就是表头）；只用于排版、不是数据的表格加 role="presentation"。',
            },
          )
        : diag('error', 'table-header', file, '表格的第一行（表头）是空的，读屏软件用户无法知道每一列是什么。', {
            ...at,
            fix: '在第一行写出各列的名称，例如 | 序号 | 事项 | 责任单位 |（Markdown 表格的第一行就是表头）。',
          });
    case 'heading-skip':
      return f.prev
        ? diag(
            'warning',
            'heading-skip',
            file,
            `标题${quoted(f.text)}（${f.mark}）比前一个标题${quoted(f.prev.text)}（${f.prev.mark}）低了不止一级，跳过了 ${f.expected}。`,
            {
              ...at,
              fix: `改为 ${f.expected}，或在两者之间补上 ${f.expected} 级的标题：读屏软件用户按标题层级浏览，跳级会让人以为漏掉了内容。`,
            },
          )
        : diag(
            'warning',
            'heading-skip',
            file,
            `正文的第一个标题${quoted(f.text)}写作 ${f.mark}，跳过了 ${f.expected}：网页上文件标题是一级标题，正文的标题应从 ${f.expected} 开始。`,
            { ...at, fix: `改为 ${f.expected}，下级标题再逐级使用（不跳级）。` },
          );
    default:
      return undefined; // links: linkTextCheck
  }
}

/** Links: across the column, so a fix can name the target's title. */
export const linkTextCheck: ColumnCheck = {
  scope: 'column',
  name: '正文链接的文字：没有文字、或只写“点击这里”',
  run({ documents }) {
    const out: Diagnostic[] = [];
    let titles: Map<string, string> | undefined; // slug → title, made at the first link that needs it
    for (const doc of documents) {
      for (const f of doc.scan.accessibility) {
        if (f.kind !== 'link-name' && f.kind !== 'link-text') continue;
        titles ??= new Map(documents.flatMap((d) => (d.meta ? [[d.meta.slug, d.meta.title] as const] : [])));
        const title = targetTitle(doc, f.href, titles);
        const href = f.href; // whole in fixes (an example to copy), shortened in messages
        const at = { line: f.line, field: 'body' };
        const name = title ?? '链接目标的标题';
        if (f.kind === 'link-text') {
          out.push(
            diag(
              'warning',
              'link-text',
              doc.file,
              `链接文字“${short(f.text)}”没有说明链接指向什么：读屏软件用户常按链接列表浏览，只会听到“${short(f.text)}”。`,
              {
                ...at,
                fix: title
                  ? `把链接文字改为目标的标题：[${title}](${href})。`
                  : `把链接文字改为目标的标题或名称，例如 [${name}](${href})。`,
              },
            ),
          );
        } else if (f.image) {
          out.push(
            diag(
              'error',
              'link-name',
              doc.file,
              `链接“${short(href, 60)}”只有一张没有替代文字的图片，读屏软件无法说出它指向什么。`,
              {
                ...at,
                fix: f.html
                  ? `给链接中的图片加上 alt="${name}"。`
                  : `在图片的方括号中写出${title ? '目标的标题' : '链接目标的标题或名称'}：[![${name}](图片)](${href})。`,
              },
            ),
          );
        } else {
          out.push(
            diag('error', 'link-name', doc.file, `链接“${short(href, 60)}”没有文字，读屏软件只能读出它的网址。`, {
              ...at,
              fix: f.html
                ? `在 <a> 和 </a> 之间写出${title ? `目标的标题：${title}` : '链接目标的标题或名称'}。`
                : `在方括号中写出${title ? '目标的标题' : '链接目标的标题或名称'}：[${name}](${href})。`,
            }),
          );
        }
      }
    }
    return out;
  },
};

/** The title of what a link points to, when this column knows it: a document's page, an attachment. */
function targetTitle(doc: CheckedDocument, href: string, titles: Map<string, string>): string | undefined {
  const target = href.split(/[?#]/)[0]!;
  if (!target || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(target)) return undefined;
  if (doc.meta) {
    const page = path.posix.join(target.startsWith('/') ? '/' : `/doc/${doc.meta.slug}/`, target);
    const slug = /^\/doc\/([^/]+)\/?$/.exec(page)?.[1];
    if (slug) return titles.get(slug);
  }
  const rel = path.posix.normalize(path.posix.join(doc.dir, target));
  return doc.attachments.find((a) => a.rel === rel)?.title;
}
