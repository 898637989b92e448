import { describe, expect, it } from 'vitest';
import {
  checkOrganisationCode,
  compileIndexPattern,
  orgCodeCheckChar,
  slugFromIndexNo,
  usccCheckChar,
} from '../../src/lib/index-no.ts';

// Real codes from docs/domain.md §5 (checked there by computation).
const REAL_USCC = ['11341702486344515H', '113417030032499282', '91350100M000100Y43', '91110108551385082Q'];
const REAL_ORG = ['00001434-9', '01618112-5', '01527918-X', '01441633-0', '48634451-5', '000014349'];

describe('统一社会信用代码', () => {
  it.each(REAL_USCC)('%s passes', (code) => {
    expect(checkOrganisationCode(code)).toEqual({ ok: true, kind: 'uscc' });
    expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
  });
  it.each(REAL_USCC)('%s with its check character changed fails', (code) => {
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const r = checkOrganisationCode(wrong);
    expect(r.ok).toBe(false);
    expect(r.problem).toBe(`校验码（第 18 位）应为 ${code[17]}，实为 ${wrong[17]}`);
  });
  it('a changed body character fails through the embedded 组织机构代码', () => {
    const r = checkOrganisationCode('11341702486344516H');
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/^其中第 9–17 位的组织机构代码 486344516 校验码应为 /);
  });
  it('letters the standard excludes fail', () => {
    expect(checkOrganisationCode('11341702486344515I').problem).toBe(
      '含有统一社会信用代码不允许的字符（不使用 I、O、S、V、Z）',
    );
  });
});

describe('组织机构代码', () => {
  it.each(REAL_ORG)('%s passes', (code) => expect(checkOrganisationCode(code)).toEqual({ ok: true, kind: 'org' }));
  it.each(REAL_ORG)('%s with its check character changed fails', (code) => {
    const c = code.replace('-', '');
    const wrong = c.slice(0, 8) + (c[8] === '1' ? '2' : '1');
    expect(checkOrganisationCode(wrong)).toMatchObject({
      ok: false,
      kind: 'org',
      expected: orgCodeCheckChar(c.slice(0, 8)),
    });
  });
  it('a code of another length fails with its length', () => {
    expect(checkOrganisationCode('1234567').problem).toBe(
      '长度为 7 位；统一社会信用代码应为 18 位，组织机构代码应为 9 位',
    );
  });
});

describe('索引号 patterns', () => {
  const anhui = compileIndexPattern('{code}/{yyyymm}-{serial:5}');
  it.each([
    ['11341702486344515H/202110-00013', { code: '11341702486344515H', year: '2021', month: '10', serial: '00013' }],
    ['113417030032499282/202011-00140', { code: '113417030032499282', year: '2020', month: '11', serial: '00140' }],
  ])('%s parses', (indexNo, parts) => expect(anhui.parse(indexNo)).toEqual(parts));
  it.each([
    '11341702486344515H/2021-00013',
    '11341702486344515H/202113-00013',
    '11341702486344515H/202110-0013',
    '11341702486344515H-202110-00013',
  ])('%s does not match', (indexNo) => expect(anhui.parse(indexNo)).toBeUndefined());
  it('the gov.cn family: 9-char code / year - serial', () => {
    const p = compileIndexPattern('{code}/{year}-{serial:5}');
    expect(p.parse('000014349/2017-00110')).toEqual({ code: '000014349', year: '2017', serial: '00110' });
  });
});

describe('slugs', () => {
  it.each([
    ['11341702486344515H/202110-00013', '11341702486344515h-202110-00013'],
    ['000014349/2017-00110', '000014349-2017-00110'],
    ['  /示例/ ', ''],
  ])('%s → %s', (indexNo, slug) => expect(slugFromIndexNo(indexNo)).toBe(slug));
});
