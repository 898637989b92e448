import { describe, expect, it } from 'vitest';
import { didYouMean, nearestNames } from '../../src/lib/suggest.ts';

const PUBLISHERS = [
  '示例县人民政府',
  '示例县人民政府办公室',
  '示例县发展和改革局',
  '示例县财政局',
  '示例县人力资源和社会保障局',
  '示例县民政局',
  '赤门乡人民政府',
  '喀尔钦镇人民政府',
];
const GENRES =
  '决议 决定 命令（令） 公报 公告 通告 意见 通知 通报 报告 请示 批复 议案 函 纪要 公示 年报 解读 规划 预决算 指南 制度 其他'.split(
    ' ',
  );
const TOPICS = [
  '综合政务',
  '综合政务\\政务公开',
  '综合政务\\政务督查',
  '综合政务\\应急管理',
  '财政、金融、审计\\财政',
  '财政、金融、审计\\审计',
  '劳动、人事、监察\\社会保障',
  '民政、扶贫、救灾\\扶贫',
  '其他',
];
const SECTIONS = [
  '政府信息公开指南',
  '政府信息公开制度',
  '规章和规范性文件',
  '机构职能',
  '规划计划',
  '统计信息',
  '财政预算决算',
  '重大建设项目',
  '民生政策措施',
  '政府信息公开年报',
];

describe('nearestNames', () => {
  it.each<[string, string, readonly string[], string[]]>([
    // publishers: short forms, abbreviations, slips
    ['short form', '县政府', PUBLISHERS, ['示例县人民政府', '示例县人民政府办公室']],
    ['short form with more of the name', '县人民政府', PUBLISHERS, ['示例县人民政府', '示例县人民政府办公室']],
    ['short form of the office', '县政府办', PUBLISHERS, ['示例县人民政府办公室']],
    ['abbreviation', '人社局', PUBLISHERS, ['示例县人力资源和社会保障局']],
    ['abbreviation with the county', '县人社局', PUBLISHERS, ['示例县人力资源和社会保障局']],
    ['abbreviation 发改局', '发改局', PUBLISHERS, ['示例县发展和改革局']],
    ['without the county', '财政局', PUBLISHERS, ['示例县财政局']],
    ['a wrong character', '示例县人民正府', PUBLISHERS, ['示例县人民政府']],
    ['a wrong character in a department', '示例县财务局', PUBLISHERS, ['示例县财政局']],
    ['乡 for 镇', '赤门镇人民政府', PUBLISHERS, ['赤门乡人民政府']],
    ['township short form', '喀尔钦镇政府', PUBLISHERS, ['喀尔钦镇人民政府']],
    ['words added', '示例县人民政府文件', PUBLISHERS, ['示例县人民政府']],
    ['spaces and full-width forms', ' 示例县 人民政府 ', PUBLISHERS, ['示例县人民政府']],
    ['a body not in the list: the shared prefix alone is not enough', '示例县教育局', PUBLISHERS, []],
    ['unrelated', '天气预报', PUBLISHERS, []],
    // genres
    ['a word added', '通知书', GENRES, ['通知']],
    ['half-width brackets', '命令(令)', GENRES, ['命令（令）']],
    ['part of a name', '令', GENRES, ['命令（令）']],
    ['a genre inside', '公函', GENRES, ['函']],
    ['two genres typed together', '请示报告', GENRES, ['请示', '报告']],
    ['either reading', '年度报告', GENRES, ['报告', '年报']],
    ['ambiguous start', '通', GENRES, ['通报', '通告', '通知']],
    ['shorter', '预算', GENRES, ['预决算']],
    ['a 50/50 slip of a two-character name is not guessed', '决意', GENRES, []],
    ['unrelated', '天气预报', GENRES, []],
    ['unrelated, same length', '工作要点', GENRES, []],
    // topics: 大类\小类
    ['a word added to the sub-category', '综合政务\\政务公开类', TOPICS, ['综合政务\\政务公开']],
    ['slash for backslash', '综合政务/政务公开', TOPICS, ['综合政务\\政务公开']],
    ['full-width backslash', '综合政务＼政务公开', TOPICS, ['综合政务\\政务公开']],
    ['sub-category alone', '政务公开', TOPICS, ['综合政务\\政务公开']],
    ['sub-category alone, deep in the list', '社会保障', TOPICS, ['劳动、人事、监察\\社会保障']],
    ['start of a sub-category', '应急', TOPICS, ['综合政务\\应急管理']],
    ['unrelated', '天气预报', TOPICS, []],
    // sections
    ['short name', '指南', SECTIONS, ['政府信息公开指南']],
    ['shorter name', '信息公开年报', SECTIONS, ['政府信息公开年报']],
    ['characters left out', '财政预决算', SECTIONS, ['财政预算决算']],
    ['end of a name', '规范性文件', SECTIONS, ['规章和规范性文件']],
    ['unrelated', '天气预报', SECTIONS, []],
  ])('%s: %s', (_what, typed, known, expected) => {
    expect(nearestNames(typed, known)).toEqual(expected);
  });

  it('puts the closest first: 县政府 → 示例县人民政府 before 示例县人民政府办公室', () => {
    expect(nearestNames('县政府', [...PUBLISHERS].reverse())[0]).toBe('示例县人民政府');
  });

  it('an exact match after normalising is the only answer', () => {
    expect(nearestNames('综合政务/政务公开', TOPICS)).toEqual(['综合政务\\政务公开']);
    expect(nearestNames('通知', GENRES)).toEqual(['通知']);
  });

  it('respects max', () => {
    expect(nearestNames('通', GENRES, 1)).toEqual(['通报']);
    expect(nearestNames('通', GENRES, 0)).toEqual([]);
  });

  it('nothing for empty input or an empty list', () => {
    expect(nearestNames('', GENRES)).toEqual([]);
    expect(nearestNames('  ', GENRES)).toEqual([]);
    expect(nearestNames('通知', [])).toEqual([]);
  });

  it('compares code points: characters outside the BMP count once', () => {
    expect(nearestNames('王𬌗', ['王𬌗同志', '李䶮同志'])).toEqual(['王𬌗同志']);
  });

  it('does not suggest blindly from a long list of look-alike names', () => {
    const many = Array.from({ length: 300 }, (_, i) => `示例县第${i + 1}中学`);
    expect(nearestNames('示例县教育局', many)).toEqual([]);
    expect(nearestNames('示例县第12中学', many)[0]).toBe('示例县第12中学');
    expect(nearestNames('第十二中学', [...many, '示例县第十二中学'])).toEqual(['示例县第十二中学']);
  });

  it('duplicates in the list are suggested once', () => {
    expect(nearestNames('通知书', ['通知', '通知', '通告'])).toEqual(['通知']);
  });
});

describe('didYouMean', () => {
  it.each<[string, readonly string[], string]>([
    ['县政府办', PUBLISHERS, '是不是“示例县人民政府办公室”？'],
    ['县政府', PUBLISHERS, '是不是“示例县人民政府”或“示例县人民政府办公室”？'],
    ['通', GENRES, '是不是“通报”、“通告”或“通知”？'],
    ['综合政务\\政务公开类', TOPICS, '是不是“综合政务\\政务公开”？'],
    ['天气预报', GENRES, ''],
  ])('%s', (typed, known, expected) => {
    expect(didYouMean(typed, known)).toBe(expected);
  });
});
