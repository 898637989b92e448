// Names a document refers to: 发布机构 (bodies.yaml), 主题分类, 体裁 and 所属栏目.
// Lookups are built once; each check is a map lookup.
import { diag } from '../diagnostics.ts';
import type { Body, Diagnostic, Genre, Section, Topic } from '../types.ts';

type Report = (d: Diagnostic | Diagnostic[]) => void;

const listSome = (names: string[], n = 12) =>
  names.slice(0, n).join('、') + (names.length > n ? ` 等 ${names.length} 项` : '');

export class Resolver {
  private bodies = new Map<string, Body>();
  private topics = new Map<string, Topic>();
  private genres = new Map<string, Genre>();
  private sections = new Map<string, Section>();

  private bodyList: Body[];
  private topicList: Topic[];
  private genreList: Genre[];
  private sectionList: Section[];

  constructor(bodyList: Body[], topicList: Topic[], genreList: Genre[], sectionList: Section[]) {
    this.bodyList = bodyList;
    this.topicList = topicList;
    this.genreList = genreList;
    this.sectionList = sectionList;
    for (const b of bodyList) this.bodies.set(b.name, b);
    for (const t of topicList) {
      this.topics.set(t.fullName, t);
      for (const a of t.aliases) this.topics.set(a, t);
    }
    for (const g of genreList) {
      this.genres.set(g.name, g);
      this.genres.set(g.id, g);
    }
    this.genres.set('命令', this.genres.get('命令（令）')!);
    this.genres.set('令', this.genres.get('命令（令）')!);
    for (const s of sectionList) {
      for (const key of [s.id, s.name, ...s.aliases]) this.sections.set(key, s);
    }
  }

  publisher(name: string, file: string, line: number | undefined, report: Report): Body | undefined {
    const b = this.bodies.get(name.trim());
    if (!b) {
      report(
        diag('error', 'unknown-publisher', file, `发布机构“${name}”不在机构清单 bodies.yaml 中。`, {
          line,
          field: 'publisher',
          fix: `填写清单中的机构全称（${listSome(this.bodyList.map((x) => x.name))}），或先在 bodies.yaml 中添加该机构。`,
        }),
      );
    }
    return b;
  }

  topic(value: string, file: string, line: number | undefined, report: Report): Topic | undefined {
    const v = value.trim();
    const t = this.topics.get(v) ?? this.topics.get(v.replace(/[/／|＼]/g, '\\'));
    if (t && this.topics.get(v) !== t) {
      report(
        diag('warning', 'topic-separator', file, `主题分类“${v}”的大类和小类之间应使用反斜杠“\\”。`, {
          line,
          field: 'topic',
          fix: `写成 topic: ${t.fullName}`,
        }),
      );
    }
    if (!t) {
      const [top] = v.split('\\');
      const parent = this.topicList.find((x) => !x.parentId && x.name === top);
      const subs = parent ? this.topicList.filter((x) => x.parentId === parent.id).map((x) => x.name) : [];
      report(
        diag('error', 'unknown-topic', file, `主题分类“${v}”不存在。`, {
          line,
          field: 'topic',
          fix: parent
            ? `“${top}”下的小类有：${subs.map((x) => `“${x}”`).join('')}；写成 ${top}\\小类（不加引号或用单引号，双引号会把“\\”当作转义符）。`
            : `写成 大类\\小类，例如 综合政务\\政务公开（不加引号或用单引号）；大类有：${this.topicList
                .filter((x) => !x.parentId)
                .map((x) => `“${x.name}”`)
                .join('')}。`,
        }),
      );
    }
    return t;
  }

  genre(value: string, file: string, line: number | undefined, report: Report): Genre | undefined {
    const g = this.genres.get(value.trim());
    if (!g) {
      report(
        diag('error', 'unknown-genre', file, `体裁“${value}”不存在。`, {
          line,
          field: 'genre',
          fix: `可用的体裁：${this.genreList.map((x) => x.name).join('、')}；需要新体裁时在 genres.yaml 中添加。`,
        }),
      );
    }
    return g;
  }

  section(value: string, file: string, line: number | undefined, report: Report): Section | undefined {
    const s =
      this.sections.get(value.trim()) ?? this.sections.get(value.trim().replace(/\(/g, '（').replace(/\)/g, '）'));
    if (!s) {
      report(
        diag('error', 'unknown-section', file, `所属栏目“${value}”不存在。`, {
          line,
          field: 'section',
          fix: `填写栏目名称，例如 政府信息公开指南、政府信息公开制度、第二十条第（一）项 … 第二十条第（十五）项、政府信息公开年报；可用的栏目：${this.sectionList.map((x) => x.name).join('、')}。`,
        }),
      );
    }
    return s;
  }
}
