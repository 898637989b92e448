// Names a document refers to: 发布机构 (bodies.yaml), 主题分类, 体裁 and 所属栏目. An unknown name is
// answered with the nearest known names first ("县政府" → 是不是“示例县人民政府”？), then the list.
import { diag } from '../diagnostics.ts';
import { didYouMean } from '../suggest.ts';
import type { Diagnostic } from '../types.ts';
import type { DocumentCheck } from './types.ts';

const listSome = (names: string[], n = 12) =>
  names.slice(0, n).join('、') + (names.length > n ? ` 等 ${names.length} 项` : '');
/** '是不是“通知”？', or nothing. */
const hint = didYouMean;

export const referencesCheck: DocumentCheck = {
  scope: 'document',
  name: '发布机构、主题分类、体裁、所属栏目是否存在',
  run(doc, { names }) {
    const { data, file, line } = doc;
    const out: Diagnostic[] = [];
    if (typeof data.publisher === 'string' && !doc.publisher) {
      const known = names.publishers.map((x) => x.name);
      out.push(
        diag(
          'error',
          'unknown-publisher',
          file,
          `发布机构“${data.publisher}”不在机构清单 bodies.yaml 中。${hint(data.publisher, known)}`,
          {
            line: line('publisher'),
            field: 'publisher',
            fix: `填写清单中的机构全称（${listSome(known)}），或先在 bodies.yaml 中添加该机构。`,
          },
        ),
      );
    }
    if (typeof data.topic === 'string') {
      const v = data.topic.trim();
      const found = names.topic(v);
      if (found.topic && found.separatorFixed) {
        out.push(
          diag('warning', 'topic-separator', file, `主题分类“${v}”的大类和小类之间应使用反斜杠“\\”。`, {
            line: line('topic'),
            field: 'topic',
            fix: `写成 topic: ${found.topic.fullName}`,
          }),
        );
      }
      if (!found.topic) {
        const [top] = v.split('\\');
        const parent = names.topics.find((x) => !x.parentId && (x.name === top || x.aliases.includes(top!)));
        const subs = parent ? names.topics.filter((x) => x.parentId === parent.id).map((x) => x.name) : [];
        const tops = names.topics.filter((x) => !x.parentId).map((x) => x.name);
        out.push(
          diag(
            'error',
            'unknown-topic',
            file,
            `主题分类“${v}”不存在。${hint(
              v,
              names.topics.map((x) => x.fullName),
            )}`,
            {
              line: line('topic'),
              field: 'topic',
              fix: parent
                ? `“${parent.name}”下的小类有：${subs.map((x) => `“${x}”`).join('')}；写成 ${parent.name}\\小类（不加引号或用单引号，双引号会把“\\”当作转义符）。`
                : `写成 大类\\小类，例如 综合政务\\政务公开（不加引号或用单引号）；大类有：${tops.map((x) => `“${x}”`).join('')}。`,
            },
          ),
        );
      }
    }
    if (typeof data.genre === 'string' && !doc.genre) {
      const known = names.genres.map((x) => x.name);
      out.push(
        diag('error', 'unknown-genre', file, `体裁“${data.genre}”不存在。${hint(data.genre, known)}`, {
          line: line('genre'),
          field: 'genre',
          fix: `可用的体裁：${known.join('、')}；需要新体裁时在 genres.yaml 中添加。`,
        }),
      );
    }
    if (typeof data.section === 'string' && !doc.section) {
      const known = names.sections.map((x) => x.name);
      out.push(
        diag(
          'error',
          'unknown-section',
          file,
          `所属栏目“${data.section}”不存在。${hint(data.section, [...known, ...names.sections.flatMap((s) => s.aliases.filter((a) => !a.includes('(')))])}`,
          {
            line: line('section'),
            field: 'section',
            fix: `填写栏目名称，例如 政府信息公开指南、政府信息公开制度、第二十条第（一）项 … 第二十条第（十五）项、政府信息公开年报；可用的栏目：${known.join('、')}。`,
          },
        ),
      );
    }
    return out;
  },
};
