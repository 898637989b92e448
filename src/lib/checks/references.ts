// Names a document refers to: 发布机构 (bodies.yaml), 主题分类, 体裁 and 所属栏目. An unknown name is
// answered with the nearest known names first ("县政府" → 是不是“示例县人民政府”？), then the list.
import { diag } from '../diagnostics.ts';
import { didYouMean } from '../suggest.ts';
import type { Diagnostic } from '../types.ts';
import type { DocumentCheck } from './types.ts';

const listSome = (names: string[], n = 12) =>
  names.slice(0, n).join('、') + (names.length > n ? ` 等 ${names.length} 项` : '');

export const referencesCheck: DocumentCheck = {
  scope: 'document',
  name: '发布机构、主题分类、体裁、所属栏目是否存在',
  run(doc, { names, publishersRead }) {
    const { data, file, line } = doc;
    const out: Diagnostic[] = [];
    // an unknown name's message ends with the nearest known names (didYouMean)
    const at = (field: string, fix: string) => ({ line: line(field), field, fix });

    // when bodies.yaml could not be read, its own error is listed once, not every document's 发布机构
    if (typeof data.publisher === 'string' && !doc.publisher && publishersRead) {
      const known = names.publishers.map((x) => x.name);
      const problem = `发布机构“${data.publisher}”不在机构清单 bodies.yaml 中。${didYouMean(data.publisher, known)}`;
      const fix = `填写清单中的机构全称（${listSome(known)}），或先在 bodies.yaml 中添加该机构。`;
      out.push(diag('error', 'unknown-publisher', file, problem, at('publisher', fix)));
    }
    if (typeof data.genre === 'string' && !doc.genre) {
      const known = names.genres.map((x) => x.name);
      const fix = `可用的体裁：${known.join('、')}；需要新体裁时在 genres.yaml 中添加。`;
      const problem = `体裁“${data.genre}”不存在。${didYouMean(data.genre, known)}`;
      out.push(diag('error', 'unknown-genre', file, problem, at('genre', fix)));
    }
    if (typeof data.section === 'string' && !doc.section) {
      const known = names.sections.map((x) => x.name);
      // full-width spellings only: '第二十条第(一)项' would repeat '第二十条第（一）项'
      const near = [...known, ...names.sections.flatMap((s) => s.aliases.filter((a) => !a.includes('(')))];
      const fix = `填写栏目名称，例如 政府信息公开指南、政府信息公开制度、第二十条第（一）项 … 第二十条第（十五）项、政府信息公开年报；可用的栏目：${known.join('、')}。`;
      const problem = `所属栏目“${data.section}”不存在。${didYouMean(data.section, near)}`;
      out.push(diag('error', 'unknown-section', file, problem, at('section', fix)));
    }
    if (typeof data.topic !== 'string') return out;
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
      const fix = parent
        ? `“${parent.name}”下的小类有：${subs.map((x) => `“${x}”`).join('')}；写成 ${parent.name}\\小类（不加引号或用单引号，双引号会把“\\”当作转义符）。`
        : `写成 大类\\小类，例如 综合政务\\政务公开（不加引号或用单引号）；大类有：${tops.map((x) => `“${x}”`).join('')}。`;
      const problem = `主题分类“${v}”不存在。${didYouMean(
        v,
        names.topics.map((x) => x.fullName),
      )}`;
      out.push(diag('error', 'unknown-topic', file, problem, at('topic', fix)));
    }
    return out;
  },
};
