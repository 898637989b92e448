// resolveBuildOptions: GONGKAI_TODAY gives "now" as a date (the end of that day) or a date and time;
// anything else stops the build with a message naming the variable, the value and the expected form.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBuildOptions, shanghaiNow } from '../../src/lib/build-options.ts';

/** A project folder with content/site.yaml, so the options resolve without the real column. */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-options-'));
  mkdirSync(path.join(dir, 'content'));
  writeFileSync(path.join(dir, 'content', 'site.yaml'), 'base: /xxgk/\n');
  return dir;
}

const resolve = (today: string | undefined) => resolveBuildOptions({ GONGKAI_TODAY: today }, project());

const message = (value: string) =>
  `环境变量 GONGKAI_TODAY 的值“${value}”不是有效的日期：应写成 年-月-日（例如 2026-11-30）或 年-月-日 时:分（例如 2026-11-30 10:30）。`;

describe('resolveBuildOptions: GONGKAI_TODAY', () => {
  it('takes a date as the end of that day, so everything dated that day is published', () => {
    const o = resolve('2026-11-30');
    expect(o.today).toBe('2026-11-30');
    expect(o.now).toBe('2026-11-30 23:59');
  });

  it('takes a date and a time as that minute', () => {
    const o = resolve('2026-11-30 10:30');
    expect(o.today).toBe('2026-11-30');
    expect(o.now).toBe('2026-11-30 10:30');
  });

  it('accepts 29 February of a leap year and the first and last minute of a day', () => {
    expect(resolve('2024-02-29').now).toBe('2024-02-29 23:59');
    expect(resolve('2026-01-01 00:00').now).toBe('2026-01-01 00:00');
    expect(resolve('2026-12-31 23:59').now).toBe('2026-12-31 23:59');
  });

  for (const bad of [
    '2026-13-01',
    '2026/11/30',
    'tomorrow',
    '2026-11-30 25:00',
    '2026-02-29',
    '2026-04-31',
    '2026-11-30 10:60',
    '2026-11-30T10:30',
    '20261130',
    '2026-1-5',
  ]) {
    it(`refuses "${bad}", naming the variable, the value and the expected form`, () => {
      expect(() => resolve(bad)).toThrow(new Error(message(bad)));
    });
  }

  it('gives the exact message the operator sees', () => {
    expect(() => resolve('2026-13-01')).toThrow(
      '环境变量 GONGKAI_TODAY 的值“2026-13-01”不是有效的日期：应写成 年-月-日（例如 2026-11-30）或 年-月-日 时:分（例如 2026-11-30 10:30）。',
    );
  });

  it('uses the current Asia/Shanghai time when the variable is not set (or blank)', () => {
    for (const value of [undefined, '', '  ']) {
      const o = resolve(value);
      expect(o.now).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(o.today).toBe(o.now.slice(0, 10));
    }
  });

  it('reads the clock once per process, so every part of one build agrees on "now"', () => {
    expect(resolve(undefined).now).toBe(resolve(undefined).now);
  });

  it('still resolves the other options', () => {
    const dir = project();
    const o = resolveBuildOptions({ GONGKAI_TODAY: '2026-11-30' }, dir);
    expect(o.contentDir).toBe(path.join(dir, 'content'));
    expect(o.base).toBe('/xxgk/');
    expect(o.outDir).toBe(path.join(dir, 'dist'));
  });
});

describe('shanghaiNow', () => {
  it('formats an instant as Asia/Shanghai local time (UTC+8), YYYY-MM-DD HH:MM', () => {
    expect(shanghaiNow(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01 00:30');
    expect(shanghaiNow(new Date('2026-11-30T01:05:59Z'))).toBe('2026-11-30 09:05');
    // midnight is 00, not 24
    expect(shanghaiNow(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30 00:00');
  });
});
