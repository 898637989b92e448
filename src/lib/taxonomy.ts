// Built-in classification lists: 主题分类 (docs/domain.md §6), 体裁 (§7) and the column
// sections (栏目: 指南, 制度, the 15 items of 条例 第二十条, 年报). A site may rename or
// extend them in content/topics.yaml, genres.yaml and sections.yaml; a renamed entry keeps its id
// and every old name as an alias, so documents written before the rename still resolve.
import { diag } from './diagnostics.ts';
import type { genreSchema, sectionSchema, topicOverrideSchema } from './schema/site.ts';
import type { Diagnostic, Genre, Section, Topic } from './types.ts';
import type { YamlSource } from './yaml-source.ts';
import type { z } from 'zod';

/** The 22 categories of the State Council policy library with their sub-categories, in list order. */
const TOPIC_LIST: [string, string[]][] = [
  [
    '国务院组织机构',
    [
      '国务院',
      '国务院办公厅',
      '国务院组成部门',
      '国务院直属特设机构',
      '国务院直属机构',
      '国务院办事机构',
      '国务院直属事业单位',
      '国务院部委管理的国家局',
      '国务院议事协调机构',
      '其他',
    ],
  ],
  ['综合政务', ['政务公开', '政务督查', '应急管理', '电子政务', '文秘工作', '保密工作', '信访', '参事、文史', '其他']],
  ['国民经济管理、国有资产监管', ['宏观经济', '经济体制改革', '统计', '物价', '国有资产监管', '重大建设项目', '其他']],
  ['财政、金融、审计', ['财政', '税务', '银行', '货币（含外汇）', '证券', '保险', '社会信用体系建设', '审计', '其他']],
  ['国土资源、能源', ['土地', '矿产', '水资源', '海洋', '煤炭', '石油与天然气', '电力', '其他']],
  ['农业、林业、水利', ['农业、畜牧业、渔业', '林业', '水利', '其他']],
  [
    '工业、交通',
    [
      '机械制造与重工业',
      '轻工纺织',
      '化工',
      '国防工业',
      '航天、航空',
      '信息产业（含电信）',
      '公路',
      '水运',
      '铁路',
      '民航',
      '邮政',
      '其他',
    ],
  ],
  ['商贸、海关、旅游', ['对外经贸合作', '国内贸易（含供销）', '海关', '检验、检疫', '旅游', '其他']],
  ['市场监管、安全生产监管', ['工商', '质量监督', '标准', '食品药品监管', '安全生产监管', '其他']],
  [
    '城乡建设、环境保护',
    ['城市规划', '城乡建设（含住房）', '环境监测、保护与治理', '节能与资源综合利用', '气象、水文、测绘、地震', '其他'],
  ],
  ['科技、教育', ['科技', '教育', '知识产权', '其他']],
  ['文化、广电、新闻出版', ['文化', '文物', '新闻出版', '广播、电影、电视', '其他']],
  ['卫生、体育', ['卫生', '医药管理', '体育', '其他']],
  ['人口与计划生育、妇女儿童工作', ['人口与计划生育', '妇女儿童', '其他']],
  ['劳动、人事、监察', ['劳动就业', '社会保障', '人事工作', '军转安置', '监察', '纠正行业不正之风', '其他']],
  ['公安、安全、司法', ['公安', '国家安全', '司法', '其他']],
  ['民政、扶贫、救灾', ['减灾救灾', '优抚安置', '社会福利', '行政区划与地名', '社团管理', '扶贫', '其他']],
  ['民族、宗教', ['民族事务', '宗教事务']],
  ['对外事务', ['外交、外事', '国际条约、国际组织', '其他']],
  ['港澳台侨工作', ['港澳工作', '对台工作', '侨务工作']],
  ['国防', ['国防建设', '国防动员']],
  ['其他', []],
];

const pad = (n: number) => String(n).padStart(2, '0');

export function builtInTopics(): Topic[] {
  const out: Topic[] = [];
  TOPIC_LIST.forEach(([name, subs], i) => {
    const id = pad(i + 1);
    out.push({ id, name, fullName: name, aliases: [] });
    subs.forEach((sub, j) =>
      out.push({ id: `${id}-${pad(j + 1)}`, name: sub, fullName: `${name}\\${sub}`, parentId: id, aliases: [] }),
    );
  });
  return out;
}

/** The 15 公文种类 (党政机关公文处理工作条例 art. 8) and the usual non-公文 genres of disclosure pages. */
const GENRE_LIST: [string, string][] = [
  ['resolution', '决议'],
  ['decision', '决定'],
  ['order', '命令（令）'],
  ['communique', '公报'],
  ['announcement', '公告'],
  ['circular', '通告'],
  ['opinion', '意见'],
  ['notice', '通知'],
  ['bulletin', '通报'],
  ['report', '报告'],
  ['request', '请示'],
  ['reply', '批复'],
  ['motion', '议案'],
  ['letter', '函'],
  ['minutes', '纪要'],
  ['publicity', '公示'],
  ['annual-report', '年报'],
  ['interpretation', '解读'],
  ['plan', '规划'],
  ['budget', '预决算'],
  ['guide', '指南'],
  ['rules', '制度'],
  ['other', '其他'],
];

/** Other names editors write for a built-in genre. */
const GENRE_ALIASES: Record<string, string[]> = { order: ['命令', '令'] };

export function builtInGenres(): Genre[] {
  return GENRE_LIST.map(([id, name]) => ({ id, name, aliases: [...(GENRE_ALIASES[id] ?? [])] }));
}

/** Short names and full text of the 15 items of 条例 第二十条 (docs/domain.md §2.2). */
const ARTICLE_20: [string, string][] = [
  ['规章和规范性文件', '行政法规、规章和规范性文件'],
  ['机构职能', '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名'],
  ['规划计划', '国民经济和社会发展规划、专项规划、区域规划及相关政策'],
  ['统计信息', '国民经济和社会发展统计信息'],
  ['行政许可和其他对外管理服务', '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果'],
  ['行政处罚和行政强制', '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定'],
  ['财政预算决算', '财政预算、决算信息'],
  ['行政事业性收费', '行政事业性收费项目及其依据、标准'],
  ['政府集中采购', '政府集中采购项目的目录、标准及实施情况'],
  ['重大建设项目', '重大建设项目的批准和实施情况'],
  ['民生政策措施', '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况'],
  ['突发公共事件', '突发公共事件的应急预案、预警信息及应对情况'],
  ['监督检查', '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况'],
  ['公务员招考', '公务员招考的职位、名额、报考条件等事项以及录用结果'],
  ['其他法定公开信息', '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息'],
];

const CHINESE_NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
];

export function builtInSections(): Section[] {
  const sections: Section[] = [
    { id: 'guide', name: '政府信息公开指南', aliases: ['指南'], group: 'guide' },
    { id: 'rules', name: '政府信息公开制度', aliases: ['制度'], group: 'rules' },
  ];
  ARTICLE_20.forEach(([short, full], i) => {
    const n = CHINESE_NUMERALS[i]!;
    sections.push({
      id: `art20-${pad(i + 1)}`,
      name: short,
      aliases: [`第二十条第（${n}）项`, `第二十条第(${n})项`, full],
      group: 'statutory',
      description: `第二十条第（${n}）项：${full}`,
    });
  });
  sections.push({
    id: 'annual-reports',
    name: '政府信息公开年报',
    aliases: ['年报', '年度报告'],
    group: 'annual-reports',
  });
  return sections;
}

interface Overrides<Y> {
  items: Y[];
  src?: YamlSource;
}

/** Adds `old` to `aliases` unless it is already there or is the current name. */
const keepOldName = (aliases: string[], old: string, current: string) => {
  if (old !== current && !aliases.includes(old)) aliases.push(old);
};

/**
 * The built-in 主题分类 with topics.yaml applied: a renamed topic keeps its id and its old full
 * name, and a renamed 大类's sub-categories keep theirs (`民政、扶贫、救灾\扶贫` still resolves after
 * 17 is renamed 民政、乡村振兴、救灾).
 */
export function applyTopicOverrides(
  overrides: Overrides<z.output<typeof topicOverrideSchema>>,
  report: (d: Diagnostic) => void,
): Topic[] {
  const topics = builtInTopics();
  const byId = new Map(topics.map((t) => [t.id, t]));
  overrides.items.forEach((o, i) => {
    const existing = byId.get(o.id);
    if (existing) {
      existing.name = o.name;
      return;
    }
    const parentId = o.parent ?? (o.id.includes('-') ? o.id.split('-')[0] : undefined);
    if (parentId && !byId.has(parentId)) {
      report(
        diag('error', 'unknown-topic-parent', 'topics.yaml', `主题分类“${o.name}”的上级分类“${parentId}”不存在。`, {
          line: overrides.src?.lineOf([i]),
          field: 'parent',
          fix: '上级分类写已有大类的标识，例如 "17"。',
        }),
      );
      return;
    }
    const t: Topic = { id: o.id, name: o.name, fullName: o.name, parentId, aliases: [] };
    topics.push(t);
    byId.set(t.id, t);
  });
  for (const t of topics) {
    const fullName = t.parentId ? `${byId.get(t.parentId)!.name}\\${t.name}` : t.name;
    keepOldName(t.aliases, t.fullName, fullName);
    t.fullName = fullName;
  }
  // every name a sub-category had: each old name of its parent combined with each of its own names
  for (const t of topics) {
    if (!t.parentId) continue;
    const parent = byId.get(t.parentId)!;
    const own = [t.name, ...t.aliases.map((a) => a.split('\\').pop()!)];
    for (const p of parent.aliases) for (const n of own) keepOldName(t.aliases, `${p}\\${n}`, t.fullName);
  }
  // keep list order: parents, each followed by its children
  return topics.filter((t) => !t.parentId).flatMap((p) => [p, ...topics.filter((c) => c.parentId === p.id)]);
}

/** The built-in 体裁 with genres.yaml applied; a renamed genre keeps its old name. */
export function applyGenreOverrides(overrides: Overrides<z.output<typeof genreSchema>>): Genre[] {
  const genres = builtInGenres();
  for (const y of overrides.items) {
    const existing = genres.find((g) => g.id === y.id);
    if (!existing) genres.push({ id: y.id, name: y.name, aliases: [] });
    else {
      keepOldName(existing.aliases, existing.name, y.name);
      existing.name = y.name;
    }
  }
  return genres;
}

/** The built-in sections with sections.yaml applied; a renamed section keeps its old name. */
export function applySectionOverrides(overrides: Overrides<z.output<typeof sectionSchema>>): Section[] {
  const sections = builtInSections();
  for (const y of overrides.items) {
    const existing = sections.find((s) => s.id === y.id);
    if (!existing) {
      sections.push({ id: y.id, name: y.name, aliases: [...y.aliases], description: y.description, group: 'other' });
      continue;
    }
    keepOldName(existing.aliases, existing.name, y.name);
    existing.name = y.name;
    for (const a of y.aliases) keepOldName(existing.aliases, a, y.name);
    if (y.description !== undefined) existing.description = y.description;
  }
  return sections;
}

/**
 * Levels of a publisher (bodies.yaml `level`), from which the annual report derives its deadline
 * (docs/domain.md: departments of 县级以上 governments by 01-31, a government's own report by 03-31,
 * townships and streets as set locally). A site adds its own in site.yaml `levels`.
 */
export const PUBLISHER_LEVELS = [
  '省级人民政府',
  '省级政府部门',
  '市级人民政府',
  '市级政府部门',
  '县级人民政府',
  '县级政府部门',
  '乡镇人民政府',
  '街道办事处',
] as const;
