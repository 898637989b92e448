// Synthetic disclosure column for the benchmark (docs/design.md content format).
//
//   node scripts/bench/generate.mjs --docs N [--force]
//
// Writes .bench/<N>/content/: a copy of the repo's sample content/ plus generated documents under
// documents/gen/<year>/<n>.md so that the column holds N documents in all (docs/decisions.md §2: N counts
// the sample column too). Deterministic: document i depends only on i and the sample's bodies, so the
// same N (and the same sample) gives the same bytes, and a smaller N is a prefix of a larger one.
// Generated bodies (发布机构) with valid 统一社会信用代码 are appended to the copied bodies.yaml.
// Each generated body also publishes its annual report for every year 2019–2025 (documents/gen/reports/),
// with a data file in the 2019 trial format (2019, 2020) or the 2021 format (2021 on) whose figures pass
// the report checks: table 3's and table 4's sums, carry-overs and 现行有效件数 chained per body, 本年制发
// equal to the body's generated 行政规范性文件 of the year, narrative numbers equal to the tables,
// published by 01-31. Reports count among the N documents (at most half of the generated ones, for
// a small N); they depend on the generated documents of their body, so they differ between two N.
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '../..');
export const BENCH_DIR = path.join(REPO, '.bench');
const GENERATOR_VERSION = 2;

// ---------- deterministic randomness ----------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function rngFor(i) {
  // one independent stream per document
  return mulberry32(Math.imul(i + 1, 0x9e3779b1) ^ 0x20261127);
}
const pick = (r, arr) => arr[Math.floor(r() * arr.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1)); // inclusive
function pickN(r, arr, n) {
  const copy = [...arr];
  const out = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(r() * copy.length), 1)[0]);
  return out;
}

// ---------- vocabulary ----------
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
const section = (n) => `第二十条第（${CN_NUM[n - 1]}）项`;

// theme: [object phrase, short keyword, topic 大类\小类, section (1–15 or 'rules')]
const THEMES = [
  ['政务公开工作', '政务公开', '综合政务\\政务公开', 15],
  ['政府信息主动公开', '主动公开', '综合政务\\政务公开', 15],
  ['依申请公开办理工作', '依申请公开', '综合政务\\政务公开', 'rules'],
  ['政府信息公开保密审查', '保密审查', '综合政务\\保密工作', 'rules'],
  ['政策解读和回应关切', '政策解读', '综合政务\\政务公开', 15],
  ['政务督查督办', '督查督办', '综合政务\\政务督查', 15],
  ['信访矛盾纠纷排查化解', '信访', '综合政务\\信访', 15],
  ['电子政务和政务服务平台建设', '电子政务', '综合政务\\电子政务', 5],
  ['行政规范性文件合法性审核', '规范性文件', '公安、安全、司法\\司法', 1],
  ['行政规范性文件清理', '文件清理', '公安、安全、司法\\司法', 1],
  ['机构职能和领导分工调整', '机构职能', '综合政务\\文秘工作', 2],
  ['国民经济和社会发展计划执行', '发展计划', '国民经济管理、国有资产监管\\宏观经济', 3],
  ['国土空间总体规划编制', '国土空间规划', '城乡建设、环境保护\\城市规划', 3],
  ['乡村振兴战略实施', '乡村振兴', '农业、林业、水利\\农业、畜牧业、渔业', 3],
  ['统计调查和统计执法检查', '统计', '国民经济管理、国有资产监管\\统计', 4],
  ['经济运行监测分析', '经济运行', '国民经济管理、国有资产监管\\统计', 4],
  ['行政许可事项清单管理', '行政许可', '综合政务\\其他', 5],
  ['企业开办和工程建设项目审批', '审批服务', '市场监管、安全生产监管\\工商', 5],
  ['行政执法公示制度', '行政执法', '公安、安全、司法\\司法', 6],
  ['安全生产行政处罚', '行政处罚', '市场监管、安全生产监管\\安全生产监管', 6],
  ['财政预算公开', '预算公开', '财政、金融、审计\\财政', 7],
  ['部门决算公开', '决算公开', '财政、金融、审计\\财政', 7],
  ['审计查出问题整改', '审计整改', '财政、金融、审计\\审计', 7],
  ['行政事业性收费清单管理', '收费清单', '财政、金融、审计\\财政', 8],
  ['政府集中采购管理', '政府采购', '财政、金融、审计\\财政', 9],
  ['重大建设项目批准和实施', '重大项目', '国民经济管理、国有资产监管\\重大建设项目', 10],
  ['城镇老旧小区改造', '老旧小区改造', '城乡建设、环境保护\\城乡建设（含住房）', 10],
  ['农村公路建设养护', '农村公路', '工业、交通\\公路', 10],
  ['巩固拓展脱贫攻坚成果', '脱贫攻坚', '民政、扶贫、救灾\\扶贫', 11],
  ['义务教育均衡发展', '义务教育', '科技、教育\\教育', 11],
  ['城乡居民基本医疗保险', '医疗保险', '劳动、人事、监察\\社会保障', 11],
  ['就业创业扶持政策', '就业创业', '劳动、人事、监察\\劳动就业', 11],
  ['城乡最低生活保障', '低保', '民政、扶贫、救灾\\社会福利', 11],
  ['养老服务体系建设', '养老服务', '民政、扶贫、救灾\\社会福利', 11],
  ['防汛抗旱应急预案', '防汛抗旱', '综合政务\\应急管理', 12],
  ['森林防灭火', '森林防火', '农业、林业、水利\\林业', 12],
  ['地质灾害防治', '地质灾害', '国土资源、能源\\土地', 12],
  ['突发公共卫生事件应急处置', '应急处置', '卫生、体育\\卫生', 12],
  ['生态环境保护督察整改', '环保督察', '城乡建设、环境保护\\环境监测、保护与治理', 13],
  ['食品安全监督抽检', '食品安全', '市场监管、安全生产监管\\食品药品监管', 13],
  ['安全生产大排查大整治', '安全生产', '市场监管、安全生产监管\\安全生产监管', 13],
  ['产品质量监督检查', '产品质量', '市场监管、安全生产监管\\质量监督', 13],
  ['公务员考试录用', '公务员招考', '劳动、人事、监察\\人事工作', 14],
  ['事业单位公开招聘', '公开招聘', '劳动、人事、监察\\人事工作', 14],
  ['耕地保护和土地执法', '耕地保护', '国土资源、能源\\土地', 15],
  ['水资源管理和河湖长制', '河湖长制', '农业、林业、水利\\水利', 15],
  ['公共文化服务体系建设', '公共文化', '文化、广电、新闻出版\\文化', 15],
  ['文物保护利用', '文物保护', '文化、广电、新闻出版\\文物', 15],
  ['全民健身公共服务', '全民健身', '卫生、体育\\体育', 11],
  ['妇女儿童发展规划实施', '妇女儿童', '人口与计划生育、妇女儿童工作\\妇女儿童', 3],
  ['退役军人服务保障', '退役军人', '劳动、人事、监察\\军转安置', 11],
  ['社会组织登记管理', '社会组织', '民政、扶贫、救灾\\社团管理', 5],
  ['民族团结进步创建', '民族团结', '民族、宗教\\民族事务', 15],
  ['宗教事务管理', '宗教事务', '民族、宗教\\宗教事务', 15],
  ['对外交流合作', '对外交流', '对外事务\\外交、外事', 15],
  ['侨务工作', '侨务', '港澳台侨工作\\侨务工作', 15],
  ['国防动员和民兵整组', '国防动员', '国防\\国防动员', 15],
  ['优化营商环境', '营商环境', '商贸、海关、旅游\\国内贸易（含供销）', 5],
  ['全域旅游示范区创建', '全域旅游', '商贸、海关、旅游\\旅游', 3],
  ['科技创新和知识产权保护', '知识产权', '科技、教育\\知识产权', 15],
  ['电力设施保护和迎峰度夏', '电力保障', '国土资源、能源\\电力', 12],
  ['社会信用体系建设', '社会信用', '财政、金融、审计\\社会信用体系建设', 15],
  ['国有资产清查', '国有资产', '国民经济管理、国有资产监管\\国有资产监管', 15],
  ['人口监测和家庭发展', '人口监测', '人口与计划生育、妇女儿童工作\\人口与计划生育', 4],
  ['政府网站和政务新媒体管理', '政务新媒体', '综合政务\\电子政务', 15],
  ['档案管理和年度归档', '档案管理', '其他', 15],
];

const SUBJECTS = [
  '各乡镇人民政府',
  '县直各部门',
  '各有关单位',
  '县政府各组成部门',
  '各村（社区）',
  '各级各部门',
  '相关责任单位',
  '县直各单位',
  '各行业主管部门',
];
const ADVERBS = ['要进一步', '应当切实', '要认真', '须严格', '要全面', '要持续', '应积极', '要扎实', '要统筹'];
const ACTIONS = ['加强', '落实', '推进', '完善', '规范', '深化', '健全', '优化', '强化', '做好', '抓好', '细化'];
const PURPOSES = [
  '确保各项工作落到实处',
  '切实保障人民群众的知情权、参与权、表达权和监督权',
  '不断提升政府公信力和执行力',
  '推动经济社会高质量发展',
  '为全县经济社会发展提供有力保障',
  '进一步增强人民群众的获得感、幸福感、安全感',
  '确保按时保质完成年度目标任务',
  '以公开促落实、以公开促规范、以公开促服务',
  '切实维护人民群众生命财产安全',
  '推进治理体系和治理能力现代化',
];
const LEADS = [
  '根据《中华人民共和国政府信息公开条例》规定，',
  '按照县委、县政府统一部署，',
  '为深入贯彻落实党中央、国务院决策部署，',
  '结合我县实际，',
  '经县人民政府同意，',
  '对照年度目标任务，',
  '根据上级有关文件精神，',
  '为进一步提高工作质量和效率，',
  '',
  '',
];
const MEASURES = [
  '建立健全工作机制，明确责任分工，压实工作责任',
  '加强统筹协调，形成工作合力',
  '加大督查考核力度，将工作完成情况纳入年度绩效考核',
  '强化宣传引导，及时回应社会关切',
  '完善台账管理，实行清单化、闭环式管理',
  '加强业务培训，不断提高工作人员业务能力',
  '严格落实信息发布审核制度，做到先审查、后公开',
  '充分利用政府网站、政务新媒体等平台及时发布相关信息',
  '加强部门之间信息共享和工作衔接',
  '强化资金保障，规范资金使用管理',
];
const PROBLEMS = [
  '工作推进不力、敷衍塞责',
  '弄虚作假、虚报瞒报',
  '未按规定时限办理',
  '信息发布不及时、不准确',
  '整改不到位',
];
const SANCTIONS = [
  '予以通报批评并严肃追责问责',
  '依法依规追究相关人员责任',
  '责令限期整改并纳入年度考核',
  '由县纪委监委依规依纪依法处理',
];
const STAT_VERBS = ['办理', '完成', '发布', '受理', '排查', '整改', '审核', '培训'];
const STAT_OBJS = ['各类事项', '政府信息', '依申请公开件', '隐患问题', '项目', '规范性文件', '人次', '企业'];
const UNITS = ['件', '项', '条', '个', '家', '次'];
const HEADINGS = [
  ['总体要求', '主要任务', '保障措施', '工作要求'],
  ['基本情况', '主要做法', '存在问题', '下一步工作安排'],
  ['指导思想', '工作目标', '重点任务', '组织保障'],
  ['适用范围', '职责分工', '工作流程', '监督管理', '附则'],
];
const SUBHEADINGS = [
  '加强组织领导',
  '明确责任分工',
  '强化督促检查',
  '注重宣传引导',
  '严格时限要求',
  '规范工作程序',
  '夯实工作基础',
  '健全长效机制',
];
const GENRES = [
  ['通知', 30],
  ['意见', 8],
  ['公告', 8],
  ['决定', 4],
  ['报告', 6],
  ['公示', 8],
  ['函', 5],
  ['通告', 6],
  ['通报', 6],
  ['批复', 4],
  ['纪要', 3],
  ['解读', 6],
  ['规划', 3],
  ['请示', 3],
];
const NO_DOC_NO = new Set(['公示', '解读', '规划']);
const GENRE_TOTAL = GENRES.reduce((s, [, w]) => s + w, 0);
function pickGenre(r) {
  let x = r() * GENRE_TOTAL;
  for (const [g, w] of GENRES) if ((x -= w) < 0) return g;
  return '通知';
}

// County departments and townships added as generated bodies (skipped if the sample has the name).
const GEN_BODIES = [
  ['gen-fgj', '发展和改革局', '发改'],
  ['gen-jyj', '教育体育局', '教体'],
  ['gen-czj', '财政局', '财'],
  ['gen-rsj', '人力资源和社会保障局', '人社'],
  ['gen-zrj', '自然资源和规划局', '自然资规'],
  ['gen-zjj', '住房和城乡建设局', '建'],
  ['gen-nyj', '农业农村局', '农'],
  ['gen-wjw', '卫生健康委员会', '卫健'],
  ['gen-scj', '市场监督管理局', '市监'],
  ['gen-yjj', '应急管理局', '应急'],
  ['gen-mzj', '民政局', '民'],
  ['gen-sfj', '司法局', '司'],
  ['gen-jtj', '交通运输局', '交'],
  ['gen-slj', '水利局', '水'],
  ['gen-tjj', '统计局', '统'],
  ['gen-town-cg', '城关镇人民政府', '城政'],
  ['gen-town-dq', '东桥镇人民政府', '东政'],
  ['gen-town-xs', '西山乡人民政府', '西政'],
];

// ---------- helpers ----------
function listMd(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listMd(p));
    else if (e.isFile() && e.name.endsWith('.md')) out.push(p);
  }
  return out;
}
function hashDir(dir) {
  const h = createHash('sha256');
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) h.update(path.relative(dir, p)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  if (existsSync(dir)) walk(dir);
  return h.digest('hex');
}
const DAY = 86400000;
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
const DATE_FROM = Date.UTC(2015, 0, 1);
const DATE_TO = Date.UTC(2026, 5, 30); // all dates ≤ 2026-06-30

function formatIndexNo(pattern, { code, date, serial }) {
  return pattern.replace(/\{(code|year|yyyymm|serial(?::(\d+))?)\}/g, (_, name, width) => {
    if (name === 'code') return code;
    if (name === 'year') return date.slice(0, 4);
    if (name === 'yyyymm') return date.slice(0, 4) + date.slice(5, 7);
    return width ? String(serial).padStart(Number(width), '0') : String(serial);
  });
}

async function makeUscc(region, seq) {
  const { usccCheckChar, orgCodeCheckChar } = await import(pathToFileURL(path.join(REPO, 'src/lib/index-no.ts')).href);
  // 11 = 机构编制 / 机关; region (6 digits); 组织机构代码 (8 + check); 统一社会信用代码 check
  const org8 = ('MB' + String(100000 + seq * 7919).slice(-6)).slice(0, 8);
  const org9 = org8 + orgCodeCheckChar(org8);
  const first17 = '11' + region + org9;
  return first17 + usccCheckChar(first17);
}

const FALLBACK_SITE = (code) => `# Fallback written by scripts/bench/generate.mjs: the repo had no content/ yet.
sample: true
site_name: 示例县人民政府
column_name: 政府信息公开专栏
site_url: https://www.sxx.gov.cn
site_id_code: "9999000001"
organisation:
  name: 示例县人民政府
  code: "${code}"
index_no:
  pattern: "{code}/{yyyymm}-{serial:5}"
  year_from: published
base: /
page_size: 20
footer:
  sponsor: 示例县人民政府办公室
office:
  name: 示例县人民政府办公室
`;

// ---------- one document ----------
function sentence(r, theme, ctx) {
  const [obj] = theme;
  const other = pick(r, THEMES)[0];
  switch (int(r, 0, 7)) {
    case 0:
      return `${pick(r, LEADS)}${pick(r, SUBJECTS)}${pick(r, ADVERBS)}${pick(r, ACTIONS)}${obj}，${pick(r, PURPOSES)}。`;
    case 1:
      return `${pick(r, SUBJECTS)}要${pick(r, ACTIONS)}${obj}，${pick(r, ACTIONS)}${other}，${pick(r, PURPOSES)}。`;
    case 2: {
      const y = Math.max(2014, ctx.year - int(r, 0, 1));
      return `截至${y}年${int(r, 1, 12)}月底，全县累计${pick(r, STAT_VERBS)}${pick(r, STAT_OBJS)}${int(r, 12, 4800)}${pick(r, UNITS)}，同比${r() < 0.7 ? '增长' : '下降'}${int(r, 1, 40)}.${int(r, 0, 9)}%。`;
    }
    case 3:
      return `${obj}由${ctx.county}${pick(r, GEN_BODIES)[1]}牵头负责，${ctx.county}${pick(r, GEN_BODIES)[1]}等单位按照职责分工配合落实。`;
    case 4:
      return `对${pick(r, PROBLEMS)}的，${pick(r, SANCTIONS)}。`;
    case 5:
      return `${pick(r, MEASURES)}，${pick(r, MEASURES)}，${pick(r, PURPOSES)}。`;
    case 6:
      return `请各单位于${ctx.year}年${int(r, 1, 12)}月${int(r, 1, 28)}日前将${obj}推进情况报送${ctx.county}${pick(r, GEN_BODIES)[1]}，联系电话：0${int(r, 550, 599)}-${int(r, 5000000, 5999999)}。`;
    default:
      return `在${obj}中，要坚持问题导向和目标导向，${pick(r, MEASURES)}，${pick(r, PURPOSES)}。`;
  }
}
function paragraph(r, theme, ctx) {
  const n = int(r, 2, 5);
  let s = '';
  for (let i = 0; i < n; i++) s += sentence(r, theme, ctx);
  return s;
}
function table(r, theme, ctx) {
  const rows = int(r, 3, 8);
  let t = '| 序号 | 工作任务 | 责任单位 | 完成时限 |\n| --- | --- | --- | --- |\n';
  for (let i = 1; i <= rows; i++) {
    t += `| ${i} | ${pick(r, ACTIONS)}${pick(r, THEMES)[0]} | ${ctx.county}${pick(r, GEN_BODIES)[1]} | ${ctx.year}年${int(r, 1, 12)}月底前 |\n`;
  }
  return t.trimEnd();
}
function list(r) {
  const n = int(r, 3, 6);
  const items = [];
  for (let i = 1; i <= n; i++) items.push(`${i}. ${pick(r, ACTIONS)}${pick(r, THEMES)[0]}，${pick(r, MEASURES)}。`);
  return items.join('\n');
}

function body(r, theme, ctx, genre) {
  const target = int(r, 800, 3000);
  const blocks = [];
  let chars = 0;
  const add = (s) => {
    blocks.push(s);
    chars += s.length;
  };
  if (['通知', '意见', '通报', '函', '批复'].includes(genre)) add(`${pick(r, SUBJECTS)}：`);
  add(paragraph(r, theme, ctx));
  const heads = pick(r, HEADINGS);
  let h = 0;
  let tableDone = false;
  while (chars < target) {
    if (h < heads.length && r() < 0.5) add(`## ${CN_NUM[h]}、${heads[h++]}`);
    const x = r();
    if (x < 0.12) add(list(r));
    else if (x < 0.2 && !tableDone) {
      add(table(r, theme, ctx));
      tableDone = true;
    } else if (x < 0.35) add(`**（${CN_NUM[int(r, 0, 5)]}）${pick(r, SUBHEADINGS)}。**${paragraph(r, theme, ctx)}`);
    else add(paragraph(r, theme, ctx));
  }
  add(`${ctx.publisher}\n\n${ctx.writtenCn}`);
  return blocks.join('\n\n');
}

function title(r, theme, ctx, genre) {
  const [obj] = theme;
  const y = ctx.year;
  switch (genre) {
    case '通知':
      return pick(r, [
        `关于做好${y}年${obj}的通知`,
        `关于进一步${pick(r, ACTIONS)}${obj}的通知`,
        `关于印发《${ctx.county}${y}年${obj}工作方案》的通知`,
        `关于开展${obj}专项检查的通知`,
      ]);
    case '意见':
      return `关于${pick(r, ACTIONS)}${obj}的实施意见`;
    case '公告':
      return `关于${obj}有关事项的公告`;
    case '决定':
      return `关于${pick(r, ACTIONS)}${obj}的决定`;
    case '报告':
      return `${ctx.county}${y}年${obj}情况的报告`;
    case '公示':
      return `关于${y}年度${obj}拟支持对象名单的公示`;
    case '函':
      return `关于${obj}有关问题的复函`;
    case '通告':
      return `关于${obj}的通告`;
    case '通报':
      return `关于${y}年${obj}情况的通报`;
    case '批复':
      return `关于${obj}实施方案的批复`;
    case '纪要':
      return `${ctx.county}${obj}专题会议纪要`;
    case '解读':
      return `《关于${pick(r, ACTIONS)}${obj}的实施意见》政策解读`;
    case '规划':
      return `${ctx.county}${y >= 2021 ? '“十四五”' : '“十三五”'}${obj}规划`;
    default:
      return `关于${obj}的请示`;
  }
}

const q = (s) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

function documentText(i, env) {
  const r = rngFor(i);
  const theme = pick(r, THEMES);
  const body0 = r() < 0.35 ? env.bodies[0] : pick(r, env.bodies); // the government publishes more
  const publishedMs = DATE_FROM + Math.floor(r() * ((DATE_TO - DATE_FROM) / DAY + 1)) * DAY;
  const writtenMs = publishedMs - int(r, 0, 20) * DAY;
  const published = isoDate(publishedMs);
  const written = isoDate(writtenMs);
  const year = Number(published.slice(0, 4));
  const genre = pickGenre(r);
  const ctx = {
    county: env.county,
    year,
    publisher: body0.name,
    writtenCn: `${written.slice(0, 4)}年${Number(written.slice(5, 7))}月${Number(written.slice(8, 10))}日`,
  };
  const t = title(r, theme, ctx, genre);
  const sec = theme[3] === 'rules' ? '政府信息公开制度' : section(theme[3]);
  // a few documents go to a random statutory item or topic so every item and category has some
  const sectionName = r() < 0.1 ? section(int(r, 1, 15)) : sec;
  const topic = r() < 0.08 ? pick(r, env.topics) : theme[2];
  const code = body0.code || env.orgCode;
  const key = formatIndexNo(env.pattern, { code, date: env.yearFrom === 'written' ? written : published, serial: 0 });
  const serial = env.nextSerial(key);
  const indexNo = formatIndexNo(env.pattern, { code, date: env.yearFrom === 'written' ? written : published, serial });
  const kws = [theme[1], ...pickN(r, THEMES, int(r, 1, 3)).map((x) => x[1])].filter((k, j, a) => a.indexOf(k) === j);
  const lines = [
    '---',
    `title: ${q(t)}`,
    `index_no: ${q(indexNo)}`,
    `publisher: ${body0.name}`,
    `topic: ${topic}`,
    `genre: ${genre}`,
  ];
  if (!NO_DOC_NO.has(genre) && r() < 0.85)
    lines.push(`doc_no: ${body0.abbr}〔${written.slice(0, 4)}〕${int(r, 1, 180)}号`);
  lines.push(`written: ${written}`, `published: ${published}`);
  // (the same draws either way: document i stays the same whatever the sample holds)
  const normative =
    sectionName === section(1) && r() < 0.6 && !env.sampleReported.has(`${body0.name}|${written.slice(0, 4)}`);
  if (normative) lines.push('normative: 行政规范性文件', 'validity: 有效');
  else if (r() < 0.2) lines.push('validity: 有效');
  lines.push(`keywords: [${kws.join(', ')}]`);
  if (r() < 0.5)
    lines.push(`summary: ${q(`${body0.name}就${theme[0]}作出部署，明确了目标任务、责任分工和完成时限。`)}`);
  lines.push(`section: ${sectionName}`, '---', '');
  return {
    year,
    text: lines.join('\n') + '\n' + body(r, theme, ctx, genre) + '\n',
    // the annual reports count these (本年制发件数, by 成文日期)
    normative: normative ? { publisher: body0.name, year: Number(written.slice(0, 4)) } : undefined,
  };
}

// ---------- annual reports ----------
/** The years a generated body reports on: 2019–2020 in the 2019 trial format, 2021 on in the 2021 format. */
const REPORT_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
/** How often each outcome of table 3 occurs (relative weights; rows of the format not listed: 0). */
const OUTCOME_WEIGHTS = {
  granted: 45,
  partly_granted: 10,
  withheld_state_secret: 0.3,
  withheld_prohibited: 0.3,
  withheld_security: 0.2,
  withheld_third_party: 3,
  withheld_internal: 2,
  withheld_process: 3,
  withheld_enforcement: 1,
  withheld_inquiry: 2,
  unavailable_not_held: 15,
  unavailable_needs_creation: 4,
  unavailable_unclear: 2,
  not_processed_petition: 3,
  not_processed_repeat: 3,
  not_processed_publication: 1,
  not_processed_excessive: 0.5,
  not_processed_confirmation: 1,
  other_no_correction: 2,
  other_no_fee: 0.3,
  other_other: 1,
  other: 3.3, // the 2019 format's single （六）其他处理 row
};
/** The outcome groups of table 3, for the narrative: row ids by prefix. */
const OUTCOME_GROUPS = [
  ['予以公开', (id) => id === 'granted'],
  ['部分公开', (id) => id === 'partly_granted'],
  ['不予公开', (id) => id.startsWith('withheld_')],
  ['无法提供', (id) => id.startsWith('unavailable_')],
  ['不予处理', (id) => id.startsWith('not_processed_')],
  ['其他处理', (id) => id === 'other' || id.startsWith('other_')],
];

/** One stream per generated body, independent of the documents' streams. */
function rngForBody(id) {
  let h = 0x811c9dc5;
  for (const ch of id) h = Math.imul(h ^ ch.codePointAt(0), 0x01000193);
  return mulberry32(h ^ 0x5eed2019);
}

/** A weighted pick among `ids`. */
function weighted(r, ids) {
  const total = ids.reduce((a, id) => a + (OUTCOME_WEIGHTS[id] ?? 0), 0);
  let x = r() * total;
  for (const id of ids) if ((x -= OUTCOME_WEIGHTS[id] ?? 0) < 0) return id;
  return ids[0];
}
const sum = (a) => a.reduce((x, y) => x + y, 0);

/**
 * Table 3 of one year: new applications per applicant column, last year's carry-over, this year's
 * carry-over, every application handled given one outcome; totals computed, so every sum holds.
 */
function table3Figures(r, outcomes, rowIds, carried, township) {
  const scale = township ? 0.3 : 1;
  const newRow = [
    int(r, Math.round(3 * scale), Math.round(45 * scale)),
    int(r, 0, township ? 1 : 6),
    r() < 0.15 ? 1 : 0,
    r() < 0.15 ? 1 : 0,
    int(r, 0, township ? 0 : 3),
    int(r, 0, 2),
  ];
  const forward = newRow.map((n, c) => {
    const open = n + carried[c];
    return c === 0 ? Math.min(open, int(r, 0, township ? 1 : 3)) : open > 0 && r() < 0.08 ? 1 : 0;
  });
  const leaves = Object.fromEntries(outcomes.map((id) => [id, [0, 0, 0, 0, 0, 0]]));
  for (let c = 0; c < 6; c++) {
    const handled = newRow[c] + carried[c] - forward[c];
    for (let k = 0; k < handled; k++) leaves[weighted(r, outcomes)][c]++;
  }
  const withTotal = (six) => [...six, sum(six)];
  const total = [0, 1, 2, 3, 4, 5].map((c) => sum(outcomes.map((id) => leaves[id][c])));
  const rows = { new_received: withTotal(newRow), carried_over: withTotal(carried), total: withTotal(total) };
  for (const id of outcomes) rows[id] = withTotal(leaves[id]);
  rows.carried_forward = withTotal(forward);
  for (const id of rowIds) if (!rows[id]) throw new Error(`generate: table 3 row ${id} not filled`);
  return { rows, forward };
}

/** Table 4: a few reviews and suits, each block's total the sum of its four results. */
function table4Figures(r, township) {
  const block = (chance, most) => {
    const four = [0, 0, 0, 0];
    const n = r() < chance ? int(r, 1, most) : 0;
    for (let k = 0; k < n; k++) four[pick(r, [0, 0, 0, 1, 2, 3])]++;
    return [...four, n];
  };
  return {
    review: block(township ? 0.1 : 0.3, 3),
    litigation_direct: block(township ? 0.03 : 0.15, 2),
    litigation_after_review: block(0.05, 1),
  };
}

const money = (r, most) => (r() < 0.45 ? (int(r, 1, most * 100) / 100).toFixed(2) : '0');

/**
 * Every annual report of one generated body: figures chained from year to year (carry-overs,
 * 规范性文件 in force, the 2019 format's 上一年项目数量), 本年制发 from the catalogue.
 */
function bodyReports(body, years, normativeCount, report) {
  const r = rngForBody(body.id);
  const township = body.level === '乡镇人民政府';
  let carried = [0, 0, 0, 0, 0, 0];
  let inForce = int(r, township ? 0 : 2, township ? 2 : 14);
  // the 2019 format's item counts (上一年项目数量 + 本年增/减 = next year's 上一年项目数量)
  const items = {
    licensing: township ? 0 : int(r, 0, 30),
    other_services: int(r, 0, 20),
    penalty: township ? int(r, 0, 10) : int(r, 5, 120),
    coercion: township ? 0 : int(r, 0, 12),
    fees: township ? 0 : int(r, 0, 6),
  };
  const out = [];
  for (const year of years) {
    const formatId = year >= 2021 ? '2021' : '2019';
    const format = report.FORMATS[formatId];
    const rowIds = report.dataRows(format).map((row) => row.id);
    const outcomes = report
      .dataRows(format)
      .filter((row) => row.outcome)
      .map((row) => row.id);
    const t3 = table3Figures(r, outcomes, rowIds, carried, township);
    carried = t3.forward;
    const issued = normativeCount(body.name, year);
    inForce += issued;
    let table2;
    if (formatId === '2019') {
      const itemRow = (id, decisions) => {
        const last = items[id];
        const change = Math.max(-last, int(r, -2, 2));
        items[id] = last + change;
        return decisions === undefined ? [last, change] : [last, change, decisions];
      };
      table2 = {
        rules: [0, 0, 0],
        normative: [issued, issued, inForce],
        licensing: itemRow('licensing', items.licensing ? int(r, 0, 400) : 0),
        other_services: itemRow('other_services', items.other_services ? int(r, 0, 300) : 0),
        penalty: itemRow('penalty', int(r, 0, township ? 12 : 150)),
        coercion: itemRow('coercion', items.coercion ? int(r, 0, 20) : 0),
        fees: itemRow('fees'),
        procurement: r() < 0.6 ? [int(r, 1, 60), money(r, 3000)] : [0, '0'],
      };
    } else {
      table2 = {
        rules: [0, 0, 0],
        normative: [issued, 0, inForce],
        licensing: [township ? 0 : int(r, 0, 400)],
        penalty: [int(r, 0, township ? 12 : 150)],
        coercion: [township ? 0 : int(r, 0, 20)],
        fees: [township ? '0' : money(r, 500)],
      };
    }
    const table4 = table4Figures(r, township);
    out.push({ body, year, formatId, format, values: { table2, table3: t3.rows, table4 }, issued, r });
  }
  return out;
}

/** The Markdown of one report: frontmatter, then the six headings with figures equal to the tables. */
function reportText(rep, env, indexNo, written, published, dataFile) {
  const { body, year, format, values, issued, r } = rep;
  const t3 = values.table3;
  const v = (id) => t3[id][6];
  const groups = OUTCOME_GROUPS.map(([label, test]) => {
    const n = sum(
      Object.keys(t3)
        .filter((id) => test(id) && id !== 'total')
        .map(v),
    );
    return `${label}${n}件`;
  });
  const review = values.table4.review[4];
  const suits = values.table4.litigation_direct[4] + values.table4.litigation_after_review[4];
  const ctx = { county: env.county, year, publisher: body.name, writtenCn: '' };
  const theme = pick(r, THEMES);
  const head = [
    '---',
    `title: ${q(`${body.name}${year}年政府信息公开工作年度报告`)}`,
    `index_no: ${q(indexNo)}`,
    `publisher: ${body.name}`,
    'topic: 综合政务\\政务公开',
    'genre: 年报',
    `written: ${written}`,
    `published: ${published}`,
    `keywords: [政府信息公开, 年度报告, ${year}年]`,
    'section: 政府信息公开年报',
    `report: { data: ${dataFile} }`,
    '---',
  ];
  const [h1, h2, h3, h4, h5, h6] = format.headings;
  const lines = [
    `本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》的要求编制。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    `## ${h1}`,
    `${year}年，${body.name}通过政府信息公开专栏主动公开政府信息${int(r, 40, 900)}条。` +
      (issued ? `制发行政规范性文件${issued}件，均按规定同步公开。` : '全年未制发行政规范性文件。'),
    `全年新收政府信息公开申请${v('new_received')}件，上年结转${v('carried_over')}件。全年办结${v('total')}件，其中${groups.join('，')}；结转下年度继续办理${v('carried_forward')}件。` +
      (review ? `因政府信息公开申请被申请行政复议${review}件。` : '') +
      (suits ? `被提起行政诉讼${suits}件。` : ''),
    paragraph(r, theme, ctx),
    `## ${h2}`,
    `## ${h3}`,
    `## ${h4}`,
    `## ${h5}`,
    paragraph(r, theme, ctx),
    `## ${h6}`,
    `${body.name}未收取政府信息公开信息处理费。`,
  ];
  return head.join('\n') + '\n\n' + lines.join('\n\n') + '\n';
}

/** Writes the reports of the generated bodies; returns how many documents and bytes. */
function writeReports(out, env, genBodies, normative, limit, report) {
  const dir = path.join(out, 'documents', 'gen', 'reports');
  const normativeCount = (name, year) => normative.get(`${name}|${year}`) ?? 0;
  const all = genBodies.flatMap((b) => bodyReports(b, REPORT_YEARS, normativeCount, report)).slice(0, limit);
  if (!all.length) return { count: 0, bytes: 0 };
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const rep of all) {
    const { body, year, formatId, r } = rep;
    const published = `${year + 1}-01-${String(int(r, 8, 28)).padStart(2, '0')}`;
    const written = isoDate(Date.parse(`${published}T00:00:00Z`) - int(r, 1, 6) * DAY);
    const date = env.yearFrom === 'written' ? written : published;
    const code = body.code || env.orgCode;
    const serial = env.nextSerial(formatIndexNo(env.pattern, { code, date, serial: 0 }));
    const indexNo = formatIndexNo(env.pattern, { code, date, serial });
    const name = `${body.id}-${year}`;
    const dataFile = `${name}.report.yaml`;
    const schema = path
      .relative(dir, path.join(REPO, report.schemaFile(formatId)))
      .split(path.sep)
      .join('/');
    const md = reportText(rep, env, indexNo, written, published, dataFile);
    const data = report.reportTemplate(formatId, year, body.name, schema, rep.values);
    writeFileSync(path.join(dir, `${name}.md`), md);
    writeFileSync(path.join(dir, dataFile), data);
    bytes += Buffer.byteLength(md) + Buffer.byteLength(data);
  }
  return { count: all.length, bytes };
}

// ---------- main ----------
export async function generate(N, { force = false, log = console.log } = {}) {
  if (!Number.isInteger(N) || N < 1) throw new Error(`--docs must be a positive integer, got ${N}`);
  const sampleDir = path.join(REPO, 'content');
  const root = path.join(BENCH_DIR, String(N));
  const out = path.join(root, 'content');
  const stampFile = path.join(root, 'generated.json');
  const sampleHash = hashDir(sampleDir);
  const genHash = createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex');
  if (!force && existsSync(stampFile) && existsSync(out)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (stamp.sampleHash === sampleHash && stamp.generatorHash === genHash && stamp.N === N) {
      log(
        `generate: ${path.relative(REPO, out)} is up to date (${stamp.sampleDocs} sample + ${stamp.generatedDocs} generated documents)`,
      );
      return stamp;
    }
  }
  const t0 = Date.now();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let fallback = false;
  if (existsSync(sampleDir)) cpSync(sampleDir, out, { recursive: true });
  else fallback = true;

  const sampleDocs = listMd(path.join(out, 'documents'));
  const generatedDocs = N - sampleDocs.length;
  if (generatedDocs < 0)
    throw new Error(`--docs ${N} is smaller than the sample column's ${sampleDocs.length} documents`);
  const report = {
    ...(await import(pathToFileURL(path.join(REPO, 'src/lib/report/data.ts')).href)),
    ...(await import(pathToFileURL(path.join(REPO, 'src/lib/report/formats.ts')).href)),
    ...(await import(pathToFileURL(path.join(REPO, 'src/lib/report/schema-files.ts')).href)),
  };

  // site.yaml and bodies.yaml
  const siteFile = path.join(out, 'site.yaml');
  if (!existsSync(siteFile)) {
    fallback = true;
    writeFileSync(siteFile, FALLBACK_SITE(await makeUscc('999999', 0)));
  }
  const site = parseYaml(readFileSync(siteFile, 'utf8')) ?? {};
  const orgCode = String(site.organisation?.code ?? '');
  const orgName = String(site.organisation?.name ?? site.site_name ?? '示例县人民政府');
  const county = orgName.replace(/人民政府$/, '') || '示例县';
  const pattern = String(site.index_no?.pattern ?? '{code}/{yyyymm}-{serial:5}');
  const yearFrom = site.index_no?.year_from === 'written' ? 'written' : 'published';
  const region = /^[0-9A-Z]{2}(\d{6})/.exec(orgCode)?.[1] ?? '999999';

  const bodiesFile = path.join(out, 'bodies.yaml');
  if (!existsSync(bodiesFile)) {
    fallback = true;
    writeFileSync(bodiesFile, `- id: gov\n  name: ${orgName}\n  level: 县级人民政府\n`);
  }
  const existing = parseYaml(readFileSync(bodiesFile, 'utf8'));
  const bodies = [];
  /** The bodies appended to bodies.yaml: each publishes its annual reports. */
  const genBodies = [];
  const abbrFor = (name) =>
    county.slice(0, 1) +
    (name.startsWith(county) ? name.slice(county.length, county.length + 2) : name.slice(0, 2)).replace(
      /人民|政府/g,
      '政',
    );
  if (Array.isArray(existing)) {
    for (const b of existing)
      if (b?.name)
        bodies.push({
          id: String(b.id),
          name: String(b.name),
          code: b.code ? String(b.code) : undefined,
          abbr: b.name === orgName ? county.slice(0, 1) + '政办' : abbrFor(String(b.name)),
        });
    const names = new Set(bodies.map((b) => b.name));
    const ids = new Set(bodies.map((b) => b.id));
    let extra = '\n# --- generated by scripts/bench/generate.mjs ---\n';
    let seq = 1;
    for (const [id, dept, abbr] of GEN_BODIES) {
      const name = county + dept;
      seq++;
      if (names.has(name) || ids.has(id)) continue;
      const code = await makeUscc(region, seq);
      const level = dept.endsWith('人民政府') ? '乡镇人民政府' : '县级政府部门';
      bodies.push({ id, name, code, abbr: county.slice(0, 1) + abbr });
      genBodies.push({ id, name, code, level });
      extra += `- id: ${id}\n  name: ${name}\n  code: "${code}"\n  level: ${level}\n`;
    }
    const src = readFileSync(bodiesFile, 'utf8');
    appendFileSync(bodiesFile, (src.endsWith('\n') ? '' : '\n') + extra);
  } else {
    log('generate: bodies.yaml is not a list; generated documents use its bodies as found');
  }
  // the government itself first (more documents), then the rest
  bodies.sort((a, b) => (a.name === orgName ? -1 : b.name === orgName ? 1 : 0));
  if (!bodies.length) throw new Error('generate: no bodies found in bodies.yaml');

  // serials: after the largest one the sample uses for the same prefix
  const maxSerial = new Map();
  const prefixOf = (indexNo) => indexNo.replace(/\d+$/, '');
  // the sample's annual reports ('发布机构|year'): generated documents of these bodies and years are not
  // 行政规范性文件, so the sample reports' 本年制发件数 still equal the catalogue
  const sampleReported = new Set();
  for (const f of sampleDocs) {
    const text = readFileSync(f, 'utf8');
    const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
    if (fm && /^report:/m.test(fm)) {
      try {
        const meta = parseYaml(fm);
        const data = meta.report?.data
          ? parseYaml(readFileSync(path.join(path.dirname(f), meta.report.data), 'utf8'))
          : {};
        const year = data?.year ?? meta.report?.year;
        if (meta.publisher && year) sampleReported.add(`${String(meta.publisher).trim()}|${year}`);
      } catch {
        // a sample report that cannot be read: the build reports it
      }
    }
    const m = /^index_no:\s*["']?([^"'\n]+?)["']?\s*$/m.exec(text);
    if (!m) continue;
    const idx = m[1];
    const s = Number(/(\d+)$/.exec(idx)?.[1] ?? 0);
    const p = prefixOf(idx);
    maxSerial.set(p, Math.max(maxSerial.get(p) ?? 0, s));
  }
  const env = {
    bodies,
    county,
    orgCode,
    pattern,
    yearFrom,
    topics: TOPICS,
    sampleReported,
    nextSerial(key) {
      const p = prefixOf(key);
      const n = (maxSerial.get(p) ?? 0) + 1;
      maxSerial.set(p, n);
      return n;
    },
  };

  // the annual reports of the generated bodies count among the N documents: all of them when
  // they are at most half of the generated documents, else as many as that allows
  const reportLimit = Math.min(genBodies.length * REPORT_YEARS.length, Math.floor(generatedDocs / 2));
  const plainDocs = generatedDocs - reportLimit;
  /** 'name|year' → the 行政规范性文件 of a body written in the year. */
  const normative = new Map();
  let bytes = 0;
  const made = new Set();
  for (let i = 0; i < plainDocs; i++) {
    const { year, text, normative: n } = documentText(i, env);
    if (n) normative.set(`${n.publisher}|${n.year}`, (normative.get(`${n.publisher}|${n.year}`) ?? 0) + 1);
    const dir = path.join(out, 'documents', 'gen', String(year));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(path.join(dir, `${String(i + 1).padStart(6, '0')}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  const reports = writeReports(out, env, genBodies, normative, reportLimit, report);
  bytes += reports.bytes;
  if (plainDocs + reports.count !== generatedDocs)
    throw new Error(`generate: ${plainDocs} documents and ${reports.count} reports, expected ${generatedDocs}`);
  const stamp = {
    N,
    sampleDocs: sampleDocs.length,
    generatedDocs,
    generatedReports: reports.count,
    generatedBytes: bytes,
    bodies: bodies.length,
    fallbackSample: fallback,
    sampleHash,
    generatorHash: genHash,
    generatorVersion: GENERATOR_VERSION,
    seconds: (Date.now() - t0) / 1000,
  };
  writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n');
  log(
    `generate: ${path.relative(REPO, out)}: ${sampleDocs.length} sample + ${generatedDocs} generated documents (${reports.count} of them annual reports; ${(bytes / 1048576).toFixed(1)} MiB), ${bodies.length} bodies, ${stamp.seconds.toFixed(1)} s${fallback ? ' — NOTE: the repo has no complete sample content/, a minimal fallback site.yaml/bodies.yaml was written' : ''}`,
  );
  return stamp;
}

// 22 categories (docs/domain.md §6), for the few documents with a random topic
const TOPICS = (() => {
  const list = [
    ['综合政务', ['政务公开', '政务督查', '应急管理', '电子政务', '文秘工作', '保密工作', '信访', '其他']],
    ['国民经济管理、国有资产监管', ['宏观经济', '经济体制改革', '统计', '物价', '国有资产监管', '重大建设项目']],
    ['财政、金融、审计', ['财政', '税务', '银行', '保险', '社会信用体系建设', '审计']],
    ['国土资源、能源', ['土地', '矿产', '水资源', '电力']],
    ['农业、林业、水利', ['农业、畜牧业、渔业', '林业', '水利']],
    ['工业、交通', ['轻工纺织', '化工', '信息产业（含电信）', '公路', '邮政']],
    ['商贸、海关、旅游', ['对外经贸合作', '国内贸易（含供销）', '旅游']],
    ['市场监管、安全生产监管', ['工商', '质量监督', '标准', '食品药品监管', '安全生产监管']],
    [
      '城乡建设、环境保护',
      ['城市规划', '城乡建设（含住房）', '环境监测、保护与治理', '节能与资源综合利用', '气象、水文、测绘、地震'],
    ],
    ['科技、教育', ['科技', '教育', '知识产权']],
    ['文化、广电、新闻出版', ['文化', '文物', '新闻出版', '广播、电影、电视']],
    ['卫生、体育', ['卫生', '医药管理', '体育']],
    ['人口与计划生育、妇女儿童工作', ['人口与计划生育', '妇女儿童']],
    ['劳动、人事、监察', ['劳动就业', '社会保障', '人事工作', '军转安置', '监察']],
    ['公安、安全、司法', ['公安', '国家安全', '司法']],
    ['民政、扶贫、救灾', ['减灾救灾', '优抚安置', '社会福利', '行政区划与地名', '社团管理', '扶贫']],
    ['民族、宗教', ['民族事务', '宗教事务']],
    ['对外事务', ['外交、外事', '国际条约、国际组织']],
    ['港澳台侨工作', ['港澳工作', '对台工作', '侨务工作']],
    ['国防', ['国防建设', '国防动员']],
    ['国务院组织机构', ['国务院', '国务院办公厅']],
  ];
  const out = ['其他'];
  for (const [top, subs] of list) {
    out.push(top);
    for (const s of subs) out.push(`${top}\\${s}`);
  }
  return out;
})();

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--docs');
  const N = Number(i >= 0 ? args[i + 1] : NaN);
  await generate(N, { force: args.includes('--force') });
}
