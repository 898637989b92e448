// The scanner of the personal-information guard (src/lib/privacy/scan.ts, docs/domain.md §12):
// recall over every kind and spelling, precision over what government pages are full of (文号,
// 索引号, 统一社会信用代码, landlines, amounts, dates, serials, URLs, masked numbers), masking and
// keyed fingerprints. Every number is synthetic (privacy-numbers.ts).
import { describe, expect, it } from 'vitest';
import { fingerprint, privacyKey } from '../../src/lib/privacy/fingerprint.ts';
import {
  isBankCard,
  isValidId15,
  isValidId18,
  isValidUscc,
  maskNumber,
  type PersonalKind,
} from '../../src/lib/privacy/numbers.ts';
import { scanText, type ScanOptions } from '../../src/lib/privacy/scan.ts';
import { badId18, card, digitUscc, id18 } from './privacy-numbers.ts';

const KEY = privacyKey({ privacyKey: 'test-key-0123456789abcdef' });
const OPTIONS: ScanOptions = { key: KEY, today: '2026-11-27' };

const ID = id18('110105', '19491231', '002'); // the standard's own sample, 11010519491231002X
const ID_DIGIT = id18('440106', '19900307', '123');
const ID15 = '440106900307123';
const BAD_ID = badId18('440106', '19900307', '123');
const MOBILE = '13912345678';
const CARD16 = card('622202', 16);
const CARD19 = card('622848', 19);
const USCC = digitUscc('91110105');
const WIDE = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const group = (s: string, sizes: number[], sep: string) => {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) out.push(s.slice(at, (at += n)));
  return out.join(sep);
};

const kinds = (text: string, options: Partial<ScanOptions> = {}) =>
  scanText(text, { ...OPTIONS, ...options }).map((f) => [f.kind, f.masked]);

describe('the synthetic numbers are what they claim', () => {
  it('pass (or fail) their checks', () => {
    expect(ID).toBe('11010519491231002X');
    expect(isValidId18(ID, OPTIONS.today)).toBe(true);
    expect(isValidId18(ID_DIGIT, OPTIONS.today)).toBe(true);
    expect(isValidId18(BAD_ID, OPTIONS.today)).toBe(false);
    expect(isValidId15(ID15, OPTIONS.today)).toBe(true);
    expect(isBankCard(CARD16) && isBankCard(CARD19)).toBe(true);
    expect(isValidUscc(USCC) && /^\d{18}$/.test(USCC)).toBe(true);
    expect(isValidId18(USCC, OPTIONS.today)).toBe(false);
  });
});

// [case, text, findings as [kind, masked]]
const RECALL: [string, string, [PersonalKind, string][]][] = [
  ['ID, X check character', `申请人身份证号：${ID}。`, [['id', '110105********002X']]],
  ['ID, lower-case x', `号码 ${ID.toLowerCase()}`, [['id', '110105********002X']]],
  ['ID, digits only, no label', `张三${ID_DIGIT}`, [['id', '440106********1234'.slice(0, 14) + ID_DIGIT.slice(-4)]]],
  ['ID, full-width digits', `证件：${WIDE(ID_DIGIT)}`, [['id', `440106********${ID_DIGIT.slice(-4)}`]]],
  ['ID written 6-8-4', `身份证 ${group(ID_DIGIT, [6, 8, 4], ' ')}`, [['id', `440106********${ID_DIGIT.slice(-4)}`]]],
  ['ID at the end of a line, then more text', `${ID_DIGIT}\n下一行`, [['id', `440106********${ID_DIGIT.slice(-4)}`]]],
  ['old 15-digit ID', `原身份证号 ${ID15}`, [['id15', '440106*****3123'.slice(0, 11) + ID15.slice(-4)]]],
  ['mobile', `联系电话：${MOBILE}`, [['mobile', '139****5678']]],
  ['mobile right after Chinese', `电话${MOBILE}联系`, [['mobile', '139****5678']]],
  ['mobile 3-4-4 with hyphens', '手机 139-1234-5678', [['mobile', '139****5678']]],
  ['mobile 3-4-4 with spaces', '手机 139 1234 5678', [['mobile', '139****5678']]],
  ['mobile 3-8', '手机 139 12345678', [['mobile', '139****5678']]],
  ['mobile +86', '+86 13912345678', [['mobile', '139****5678']]],
  ['mobile +86-3-4-4', '+86-139-1234-5678', [['mobile', '139****5678']]],
  ['mobile (+86)', '(+86)13912345678', [['mobile', '139****5678']]],
  ['mobile 0086', '0086 13912345678', [['mobile', '139****5678']]],
  ['mobile full-width', `手机：${WIDE(MOBILE)}`, [['mobile', '139****5678']]],
  ['mobile full-width dashes', '手机：１３９－１２３４－５６７８', [['mobile', '139****5678']]],
  ['mobile in an e-mail address', `${MOBILE}@example.com`, [['mobile', '139****5678']]],
  [
    'two mobiles in a list',
    `${MOBILE}、18612345678`,
    [
      ['mobile', '139****5678'],
      ['mobile', '186****5678'],
    ],
  ],
  ['landline, then a mobile', `0571-87654321 ${MOBILE}`, [['mobile', '139****5678']]],
  ['card, 16 digits', `账号 ${CARD16}`, [['bank-card', `6222 **** **** ${CARD16.slice(-4)}`]]],
  ['card, 19 digits', `银行卡：${CARD19}`, [['bank-card', `6228 **** **** *** ${CARD19.slice(-4)}`]]],
  [
    'card, 4-4-4-4 with spaces',
    `卡 ${group(CARD16, [4, 4, 4, 4], ' ')}`,
    [['bank-card', `6222 **** **** ${CARD16.slice(-4)}`]],
  ],
  [
    'card, 4-4-4-4 with hyphens',
    group(CARD16, [4, 4, 4, 4], '-'),
    [['bank-card', `6222 **** **** ${CARD16.slice(-4)}`]],
  ],
  ['card, 4-4-4-4-3', group(CARD19, [4, 4, 4, 4, 3], ' '), [['bank-card', `6228 **** **** *** ${CARD19.slice(-4)}`]]],
  [
    'card, 18 digits after 卡号',
    `卡号：${card('621700', 18)}`,
    [['bank-card', `6217 **** **** ** ${card('621700', 18).slice(-4)}`]],
  ],
  ['ID-like after a 身份证 label', `身份证号码：${BAD_ID}`, [['id-like', `440106********${BAD_ID.slice(-4)}`]]],
  ['ID-like after a name', `王小明 ${BAD_ID}`, [['id-like', `440106********${BAD_ID.slice(-4)}`]]],
  ['ID-like on a line with 姓名', `姓名：王小明，号码${BAD_ID}`, [['id-like', `440106********${BAD_ID.slice(-4)}`]]],
];

describe('recall: every kind, every spelling', () => {
  it.each(RECALL)('%s', (_name, text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('a Markdown table whose header names 姓名 or 身份证 labels its rows', () => {
    const table = (header: string) => `| 序 | ${header} | 金额 |\n|---|---|---|\n| 1 | ${BAD_ID} | 100 |\n`;
    expect(kinds(table('姓名'), { tables: 'markdown' })).toEqual([['id-like', `440106********${BAD_ID.slice(-4)}`]]);
    expect(kinds(table('身份证号'), { tables: 'markdown' })).toEqual([
      ['id-like', `440106********${BAD_ID.slice(-4)}`],
    ]);
    expect(kinds(table('项目'), { tables: 'markdown' })).toEqual([]);
    // without table reading the header is not looked at
    expect(kinds(table('身份证号'))).toEqual([]);
  });

  it('a CSV whose first line names 身份证 labels every row', () => {
    const csv = `序号,证件号码,金额\n1,${BAD_ID},100\n`;
    expect(kinds(csv, { tables: 'csv' })).toEqual([['id-like', `440106********${BAD_ID.slice(-4)}`]]);
    expect(kinds(csv.replace('证件号码', '项目'), { tables: 'csv' })).toEqual([]);
  });

  it('lines are counted', () => {
    const found = scanText(`第一行\n第二行 ${MOBILE}\n\n第四行 ${ID}`, OPTIONS);
    expect(found.map((f) => f.line)).toEqual([2, 4]);
  });
});

// [case, text]: nothing here is personal information
const PRECISION: [string, string][] = [
  ['文号', '示政办〔2021〕5号、国办发〔2020〕26号'],
  ['索引号 with an 18-char code and a letter', '索引号：11999999999900011L/202103-00012'],
  ['索引号 with an all-digit code', `${USCC}/202011-00140`],
  ['索引号 of the 9-char form', '000014349/2020-00072、01527918X-2020-153077'],
  ['统一社会信用代码 with letters', '统一社会信用代码：91350100M000100Y43'],
  ['统一社会信用代码, digits only, no label', `某某有限公司 ${USCC}`],
  ['统一社会信用代码, digits only, labelled', `统一社会信用代码：${USCC}`],
  ['landline with area code', '电话：0571-87654321'],
  ['landline in brackets', '电话：(0571)87654321、（0571）87654321'],
  ['landline with spaces', '电话：0571 8765 4321'],
  ['400 number', '服务热线 400-800-1234，4008001234'],
  ['95 and 12345 hotlines', '95588、12345'],
  ['amount with decimals', '合计 1234567890123456.78 元'],
  ['amount in 元 looking like a mobile', '投资 13500000000元'],
  ['amount in 万元', `资金 ${CARD16}万元`],
  ['amounts with thousands separators', '13,912,345,678 元'],
  ['dates and times', '2021年3月5日、20210305、2021-03-05 10:30、202103051030、20210305103045'],
  ['an ID inside a longer digit run', `12${ID_DIGIT}`],
  ['a mobile inside a longer digit run', `0${MOBILE}9`],
  ['a card inside a longer digit run', `${CARD19}12`],
  ['a mobile inside a code with letters', `AB${MOBILE}CD`],
  ['digits joined to a decimal', `0.${MOBILE}`],
  ['URL', `https://www.example.gov.cn/art/2021/3/5/art_1229_${MOBILE}.html`],
  ['site path', `[链接](/doc/${ID_DIGIT}/)`],
  ['masked ID', '440106********1232、440106＊＊＊＊＊＊＊＊1232、440106xxxxxxxx1232、4401061990****1232'],
  ['masked mobile', '139****5678、139＊＊＊＊5678、139xxxx5678'],
  ['masked card', '6222 **** **** 1234、6222********1234、6222xxxxxxxx1234'],
  ['a code label before a mobile-shaped number', `项目编号：${MOBILE}`],
  ['a code label before a card-shaped number', `合同编号 ${CARD19}`],
  ['an 18-digit number failing the ID check, no label, no name', `样品批号后的数字 ${BAD_ID}`.replace('批号', '')],
  ['an 18-digit card-shaped number without a card label', card('621700', 18)],
  ['a 17-digit card-shaped number without a card label', card('621700', 17)],
  ['a 15-digit number that is no date', '440106991337123'],
  ['an 15-digit 注册号', `注册号：${ID15}`],
  ['an 11-digit number not starting 13–19', '12345678901、10012345678'],
  ['a card-shaped run failing Luhn', `${CARD16.slice(0, 15)}${(Number(CARD16[15]) + 1) % 10}`],
  ['postcode and phone together', '邮编 999000 电话 0000-6012345'],
];

describe('precision: what is not personal information', () => {
  it.each(PRECISION)('%s', (_name, text) => {
    expect(kinds(text, { tables: 'markdown' })).toEqual([]);
  });

  it('a valid ID number that is also a valid 统一社会信用代码 is a code only where labelled or in an 索引号', () => {
    // a digits-only string that passes both checks (rare: about one code in 340 shaped like an ID)
    let both = '';
    for (let n = 0; !both && n < 100_000; n++) {
      const seq = String(n).padStart(4, '0');
      const candidate = id18('110105', `1949123${seq[0]}`, seq.slice(1));
      if (isValidId18(candidate, OPTIONS.today) && isValidUscc(candidate)) both = candidate;
    }
    expect(both).not.toBe('');
    expect(kinds(`统一社会信用代码：${both}`)).toEqual([]);
    expect(kinds(`${both}/202101-00001`)).toEqual([]);
    expect(kinds(`身份证号：${both}`)).toEqual([['id', maskNumber('id', both)]]);
  });
});

describe('masking and fingerprints', () => {
  it('masks each kind as documented', () => {
    expect(maskNumber('id', '440106199003071232')).toBe('440106********1232');
    expect(maskNumber('id15', '440106900307123')).toBe('440106*****7123');
    expect(maskNumber('mobile', '13912345678')).toBe('139****5678');
    expect(maskNumber('bank-card', '6222021234567890')).toBe('6222 **** **** 7890');
    expect(maskNumber('bank-card', '6222021234567890123')).toBe('6222 **** **** *** 0123');
  });

  it('a finding holds no more of the number than its masked form', () => {
    const text = `身份证 ${ID_DIGIT} 手机 ${MOBILE} 卡号 ${CARD19} 旧证 ${ID15} 疑似 身份证号：${BAD_ID}`;
    const found = scanText(text, OPTIONS);
    expect(found.map((f) => f.kind)).toEqual(['id', 'mobile', 'bank-card', 'id15', 'id-like']);
    const json = JSON.stringify(found);
    for (const n of [ID_DIGIT, MOBILE, CARD19, ID15, BAD_ID]) {
      expect(json).not.toContain(n);
      expect(json).not.toContain(n.slice(3, -4));
    }
  });

  it('fingerprints: 12 hex characters, keyed by kind and number, the same for every spelling', () => {
    const fp = fingerprint(KEY, 'mobile', MOBILE);
    expect(fp).toMatch(/^[0-9a-f]{12}$/);
    const spellings = [MOBILE, '139-1234-5678', '+86 139 1234 5678', WIDE(MOBILE)];
    expect(spellings.map((s) => scanText(s, OPTIONS)[0]!.fingerprint)).toEqual(spellings.map(() => fp));
    expect(fingerprint(KEY, 'id', ID)).not.toBe(fingerprint(KEY, 'id15', ID));
    // another key, another fingerprint: a fingerprint cannot be looked up in a table made elsewhere
    expect(fingerprint(privacyKey({ privacyKey: 'another-key-0123456789' }), 'mobile', MOBILE)).not.toBe(fp);
    // without privacy_key the key comes from the organisation code
    const byCode = privacyKey({ organisation: { code: '11999999999900011L' } });
    expect(byCode.own).toBe(false);
    expect(fingerprint(byCode, 'mobile', MOBILE)).not.toBe(fp);
  });
});
