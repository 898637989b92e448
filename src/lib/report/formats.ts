// The national formats of the 政府信息公开工作年度报告 as data (docs/domain.md §13): the 2021
// format of 国办公开办函〔2021〕30号 and the 2019 trial format before it. Editors type numbers
// only, under fixed English row ids; every label on a page, in a message, a template or the JSON
// Schema comes from here, so none can be mistyped. The labels are verbatim (full-width brackets,
// the curly quotes of “三安全一稳定”); test/fixtures/report-labels.txt holds them independently.

export type FormatId = '2021' | '2019';

/** What a cell may hold: a whole number ≥ 0; a whole number of either sign (2019's 本年增/减); money ≥ 0 as written. */
export type CellKind = 'count' | 'signed' | 'money';

export interface Column {
  id: string;
  label: string;
  kind: CellKind;
}

/** One row of a table: its id in the data file and its label as printed. */
export interface Row {
  id: string;
  label: string;
}

/** A block of table 2 (one item of 条例 第二十条): its heading, value columns and rows. */
export interface Table2Block {
  id: string;
  /** '第二十条第（一）项' */
  heading: string;
  columns: Column[];
  rows: Row[];
}

/** A row of table 3. Group rows ('三、本年度办理结果', '（三）不予公开' …) carry no numbers. */
export interface Table3Row extends Row {
  /** 0: 一、二、三、四; 1: （一）…（七）; 2: 1. 2. … */
  level: 0 | 1 | 2;
  group: boolean;
  /** Leaf rows of （一）–（六）: they sum to （七）总计. */
  outcome: boolean;
}

/** A block of table 4: 行政复议, or one of the two kinds of 行政诉讼. */
export interface Table4Block {
  id: string;
  label: string;
  /** '行政诉讼' for the two litigation blocks (a spanning header), else undefined. */
  parent?: string;
}

export interface ReportFormat {
  id: FormatId;
  /** 'GB 2021 格式（国办公开办函〔2021〕30号）' */
  name: string;
  /** The six section headings, in order. */
  headings: string[];
  table2: Table2Block[];
  table3: Table3Row[];
  table4: Table4Block[];
}

/** Table 3's columns, in the order of each row's array. */
export const TABLE3_COLUMNS: Column[] = [
  { id: 'natural_person', label: '自然人', kind: 'count' },
  { id: 'commercial', label: '商业企业', kind: 'count' },
  { id: 'research', label: '科研机构', kind: 'count' },
  { id: 'public_interest', label: '社会公益组织', kind: 'count' },
  { id: 'legal_service', label: '法律服务机构', kind: 'count' },
  { id: 'other', label: '其他', kind: 'count' },
  { id: 'total', label: '总计', kind: 'count' },
];
/** The spanning headers of table 3's columns. */
export const TABLE3_HEADERS = { applicant: '申请人情况', organisation: '法人或其他组织' } as const;
/** The top-left cell of table 3, verbatim. */
export const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Table 4's columns in each block, in the order of each block's array. */
export const TABLE4_COLUMNS: Column[] = [
  { id: 'upheld', label: '结果维持', kind: 'count' },
  { id: 'corrected', label: '结果纠正', kind: 'count' },
  { id: 'other', label: '其他结果', kind: 'count' },
  { id: 'pending', label: '尚未审结', kind: 'count' },
  { id: 'total', label: '总计', kind: 'count' },
];

export const TABLE_TITLES = {
  table2: '主动公开政府信息情况',
  table3: '收到和处理政府信息公开申请情况',
  table4: '政府信息公开行政复议、行政诉讼情况',
} as const;

const INFO = '信息内容';
export const TABLE2_ROW_HEADER = INFO;

const leaf = (id: string, label: string): Table3Row => ({ id, label, level: 2, group: false, outcome: true });

/** Table 3 of the 2021 format: 25 data rows; （六） is a group of three. */
const TABLE3_2021: Table3Row[] = [
  { id: 'new_received', label: '一、本年新收政府信息公开申请数量', level: 0, group: false, outcome: false },
  { id: 'carried_over', label: '二、上年结转政府信息公开申请数量', level: 0, group: false, outcome: false },
  { id: 'results', label: '三、本年度办理结果', level: 0, group: true, outcome: false },
  { id: 'granted', label: '（一）予以公开', level: 1, group: false, outcome: true },
  {
    id: 'partly_granted',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    level: 1,
    group: false,
    outcome: true,
  },
  { id: 'withheld', label: '（三）不予公开', level: 1, group: true, outcome: false },
  leaf('withheld_state_secret', '1.属于国家秘密'),
  leaf('withheld_prohibited', '2.其他法律行政法规禁止公开'),
  leaf('withheld_security', '3.危及“三安全一稳定”'),
  leaf('withheld_third_party', '4.保护第三方合法权益'),
  leaf('withheld_internal', '5.属于三类内部事务信息'),
  leaf('withheld_process', '6.属于四类过程性信息'),
  leaf('withheld_enforcement', '7.属于行政执法案卷'),
  leaf('withheld_inquiry', '8.属于行政查询事项'),
  { id: 'unavailable', label: '（四）无法提供', level: 1, group: true, outcome: false },
  leaf('unavailable_not_held', '1.本机关不掌握相关政府信息'),
  leaf('unavailable_needs_creation', '2.没有现成信息需要另行制作'),
  leaf('unavailable_unclear', '3.补正后申请内容仍不明确'),
  { id: 'not_processed', label: '（五）不予处理', level: 1, group: true, outcome: false },
  leaf('not_processed_petition', '1.信访举报投诉类申请'),
  leaf('not_processed_repeat', '2.重复申请'),
  leaf('not_processed_publication', '3.要求提供公开出版物'),
  leaf('not_processed_excessive', '4.无正当理由大量反复申请'),
  leaf('not_processed_confirmation', '5.要求行政机关确认或重新出具已获取信息'),
  { id: 'other', label: '（六）其他处理', level: 1, group: true, outcome: false },
  leaf('other_no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
  leaf('other_no_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
  leaf('other_other', '3.其他'),
  { id: 'total', label: '（七）总计', level: 1, group: false, outcome: false },
  { id: 'carried_forward', label: '四、结转下年度继续办理', level: 0, group: false, outcome: false },
];

/** Table 3 of the 2019 trial format: （六）其他处理 is one data row (23 data rows). */
const TABLE3_2019: Table3Row[] = [
  ...TABLE3_2021.filter((r) => r.id !== 'other' && !r.id.startsWith('other_')).slice(0, -2),
  { id: 'other', label: '（六）其他处理', level: 1, group: false, outcome: true },
  ...TABLE3_2021.slice(-2),
];

const TABLE4: Table4Block[] = [
  { id: 'review', label: '行政复议' },
  { id: 'litigation_direct', label: '未经复议直接起诉', parent: '行政诉讼' },
  { id: 'litigation_after_review', label: '复议后起诉', parent: '行政诉讼' },
];

const HEADINGS_COMMON = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
];

const count = (id: string, label: string): Column => ({ id, label, kind: 'count' });

/** 2019 table 2's columns for 第二十条第（五）项 and （六）项: last year's items, the change, decisions. */
const ITEM_COLUMNS_2019: Column[] = [
  count('last_year', '上一年项目数量'),
  { id: 'change', label: '本年增/减', kind: 'signed' },
  count('decisions', '处理决定数量'),
];

export const FORMATS: Record<FormatId, ReportFormat> = {
  '2021': {
    id: '2021',
    name: '2021 年格式（国办公开办函〔2021〕30号）',
    headings: [...HEADINGS_COMMON, '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
    table2: [
      {
        id: 'art20_1',
        heading: '第二十条第（一）项',
        columns: [
          count('issued', '本年制发件数'),
          count('repealed', '本年废止件数'),
          count('in_force', '现行有效件数'),
        ],
        rows: [
          { id: 'rules', label: '规章' },
          { id: 'normative', label: '行政规范性文件' },
        ],
      },
      {
        id: 'art20_5',
        heading: '第二十条第（五）项',
        columns: [count('decisions', '本年处理决定数量')],
        rows: [{ id: 'licensing', label: '行政许可' }],
      },
      {
        id: 'art20_6',
        heading: '第二十条第（六）项',
        columns: [count('decisions', '本年处理决定数量')],
        rows: [
          { id: 'penalty', label: '行政处罚' },
          { id: 'coercion', label: '行政强制' },
        ],
      },
      {
        id: 'art20_8',
        heading: '第二十条第（八）项',
        columns: [{ id: 'amount', label: '本年收费金额（单位：万元）', kind: 'money' }],
        rows: [{ id: 'fees', label: '行政事业性收费' }],
      },
    ],
    table3: TABLE3_2021,
    table4: TABLE4,
  },
  '2019': {
    id: '2019',
    name: '2019 年试行格式（国办公开办函〔2019〕60号）',
    headings: [...HEADINGS_COMMON, '五、政府信息公开工作存在的主要问题及改进情况', '六、其他需要报告的事项'],
    table2: [
      {
        id: 'art20_1',
        heading: '第二十条第（一）项',
        columns: [
          count('made', '本年新制作数量'),
          count('published', '本年新公开数量'),
          count('total_public', '对外公开总数量'),
        ],
        rows: [
          { id: 'rules', label: '规章' },
          { id: 'normative', label: '规范性文件' },
        ],
      },
      {
        id: 'art20_5',
        heading: '第二十条第（五）项',
        columns: ITEM_COLUMNS_2019,
        rows: [
          { id: 'licensing', label: '行政许可' },
          { id: 'other_services', label: '其他对外管理服务事项' },
        ],
      },
      {
        id: 'art20_6',
        heading: '第二十条第（六）项',
        columns: ITEM_COLUMNS_2019,
        rows: [
          { id: 'penalty', label: '行政处罚' },
          { id: 'coercion', label: '行政强制' },
        ],
      },
      {
        id: 'art20_8',
        heading: '第二十条第（八）项',
        columns: [count('last_year', '上一年项目数量'), { id: 'change', label: '本年增/减', kind: 'signed' }],
        rows: [{ id: 'fees', label: '行政事业性收费' }],
      },
      {
        id: 'art20_9',
        heading: '第二十条第（九）项',
        columns: [count('projects', '采购项目数量'), { id: 'amount', label: '采购总金额', kind: 'money' }],
        rows: [{ id: 'procurement', label: '政府集中采购' }],
      },
    ],
    table3: TABLE3_2019,
    table4: TABLE4,
  },
};

/** Table 3's rows that carry numbers, in order. */
export const dataRows = (format: ReportFormat) => format.table3.filter((r) => !r.group);

/** A table-3 row with the group rows above it ('三、本年度办理结果', '（三）不予公开', '1.属于国家秘密'), for naming a cell. */
export function table3Path(format: ReportFormat, rowId: string): Table3Row[] {
  const rows = format.table3;
  const i = rows.findIndex((r) => r.id === rowId);
  if (i < 0) return [];
  const path = [rows[i]!];
  let level: number = rows[i]!.level;
  for (let j = i - 1; j >= 0 && level > 0; j--) {
    const r = rows[j]!;
    if (r.level >= level) continue;
    if (r.group) path.unshift(r);
    level = r.level;
  }
  return path;
}
