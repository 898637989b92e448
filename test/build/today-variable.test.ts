// A malformed GONGKAI_TODAY stops the build and `npm run check` before anything runs, with one clear
// message (the variable, the value, the expected form) and no stack trace.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, nodeForAstro, stripAnsi } from '../helpers/build.ts';
import { ROOT } from '../helpers/paths.ts';

const VALUE = '2026-13-01';
const MESSAGE = `环境变量 GONGKAI_TODAY 的值“${VALUE}”不是有效的日期：应写成 年-月-日（例如 2026-11-30）或 年-月-日 时:分（例如 2026-11-30 10:30）。`;

describe('a malformed GONGKAI_TODAY', () => {
  it('stops the build with the message alone, exit status 1', async () => {
    const r = await buildSite({ name: 'bad-today', today: VALUE, timeoutMs: 5 * 60_000 });
    expect(r.exitCode, r.output).toBe(1);
    expect(r.output.trim()).toBe(MESSAGE);
  });

  it('stops npm run check (gongkai check) with the message alone, exit status 2 (wrong configuration)', () => {
    const r = spawnSync(nodeForAstro(), [path.join(ROOT, 'bin', 'gongkai.mjs'), 'check'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, GONGKAI_TODAY: VALUE, NO_COLOR: '1' },
    });
    expect(r.status, r.stdout + r.stderr).toBe(2);
    expect(stripAnsi(r.stdout + r.stderr).trim()).toBe(MESSAGE);
  });
});
