// The names a document may use for its 发布机构, 主题分类, 体裁 and 所属栏目: current names, ids and
// old names kept after a rename. Built once per column; each lookup is a map lookup and reports
// nothing (checks/references.ts reports what is not found).
import type { Genre, Publisher, Section, Topic } from './types.ts';

/** '综合政务/政务公开', '综合政务｜政务公开' … → '综合政务\\政务公开'. */
export const normaliseTopicSeparator = (v: string) => v.replace(/[/／|｜＼]/g, '\\');
/** '第二十条第(一)项' → '第二十条第（一）项'. */
const fullWidthBrackets = (v: string) => v.replace(/\(/g, '（').replace(/\)/g, '）');

export class NameIndex {
  readonly publishers: Publisher[];
  readonly topics: Topic[];
  readonly genres: Genre[];
  readonly sections: Section[];
  private publisherByName = new Map<string, Publisher>();
  private topicByName = new Map<string, Topic>();
  private genreByName = new Map<string, Genre>();
  private sectionByName = new Map<string, Section>();

  constructor(publishers: Publisher[], topics: Topic[], genres: Genre[], sections: Section[]) {
    this.publishers = publishers;
    this.topics = topics;
    this.genres = genres;
    this.sections = sections;
    const add = <T>(map: Map<string, T>, keys: string[], item: T) => {
      for (const k of keys) if (!map.has(k)) map.set(k, item);
    };
    // current names first, so an old name never shadows a current one
    for (const p of publishers) add(this.publisherByName, [p.name], p);
    for (const p of publishers) add(this.publisherByName, p.aliases, p);
    for (const t of topics) add(this.topicByName, [t.fullName], t);
    for (const t of topics) add(this.topicByName, t.aliases, t);
    for (const g of genres) add(this.genreByName, [g.name, g.id], g);
    for (const g of genres) add(this.genreByName, g.aliases, g);
    for (const s of sections) add(this.sectionByName, [s.id, s.name], s);
    for (const s of sections) add(this.sectionByName, s.aliases, s);
  }

  publisher(name: string): Publisher | undefined {
    return this.publisherByName.get(name.trim());
  }

  /** The topic, and whether it was only found after fixing the separator ('综合政务/政务公开'). */
  topic(value: string): { topic?: Topic; separatorFixed: boolean } {
    const v = value.trim();
    const exact = this.topicByName.get(v);
    if (exact) return { topic: exact, separatorFixed: false };
    const fixed = this.topicByName.get(normaliseTopicSeparator(v));
    return { topic: fixed, separatorFixed: !!fixed };
  }

  genre(value: string): Genre | undefined {
    return this.genreByName.get(value.trim());
  }

  section(value: string): Section | undefined {
    const v = value.trim();
    return this.sectionByName.get(v) ?? this.sectionByName.get(fullWidthBrackets(v));
  }
}
