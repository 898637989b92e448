// The editors' command line (src/cli/), run in process through main(): what it prints, what it
// writes, and its exit codes (0 fine, 1 content errors, 2 refused / wrong usage).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/lib/site.ts';
import { gongkai } from './cli-run.ts';
import { BASE_DOC, doc, OFFICE_CODE, ORG_CODE, writeColumn } from './fixture-column.ts';

const TODAY = '2026-11-30';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});
const env = () => {
  process.env.GONGKAI_TODAY = TODAY;
};

describe('gongkai check', () => {
  it('passes a valid column with exit code 0', async () => {
    env();
    const dir = writeColumn({ 'documents/a.md': doc(BASE_DOC) });
    const r = await gongkai('--content', dir, 'check');
    expect(r.code).toBe(0);
    expect(r.out).toContain('没有发现问题');
  });

  it('lists every error in Chinese, names the field both ways, and exits 1', async () => {
    env();
    const dir = writeColumn({ 'documents/a.md': doc({ ...BASE_DOC, publisher: '测试县财政厅' }) });
    const r = await gongkai('--content', dir, 'check');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /documents\/a\.md 第 4 行 {2}错误 {2}发布机构 \/ publisher：发布机构“测试县财政厅”不在机构清单/,
    );
  });

  it('gives the same findings as JSON for tools', async () => {
    env();
    const dir = writeColumn({ 'documents/a.md': doc({ ...BASE_DOC, publisher: '测试县财政厅' }) });
    const r = await gongkai('--content', dir, '--json', 'check');
    const json = JSON.parse(r.out) as { errors: number; diagnostics: { code: string; file: string; line: number }[] };
    expect(r.code).toBe(1);
    expect(json.errors).toBe(1);
    expect(json.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([['unknown-publisher', 'documents/a.md', 4]]);
  });

  it('with files, lists their findings and the column-wide ones that name them, not other files', async () => {
    env();
    const dir = writeColumn({
      'documents/a.md': doc(BASE_DOC),
      'documents/b.md': doc({ ...BASE_DOC, title: '另一份通知', doc_no: '测政办〔2021〕4号' }), // same 索引号 as a
      'documents/c.md': doc({ ...BASE_DOC, index_no: `${ORG_CODE}/202103-00009`, publisher: '测试县财政厅' }),
    });
    const r = await gongkai('--content', dir, '--json', 'check', path.join(dir, 'documents/a.md'));
    const json = JSON.parse(r.out) as { diagnostics: { code: string; file: string }[] };
    expect(json.diagnostics.length).toBeGreaterThan(0);
    expect(json.diagnostics.every((d) => d.file !== 'documents/c.md')).toBe(true);
    expect(json.diagnostics.map((d) => d.code)).toContain('duplicate-index-no');
    expect(r.code).toBe(1);
  });

  it('refuses a file outside the content folder with exit code 2', async () => {
    env();
    const dir = writeColumn({ 'documents/a.md': doc(BASE_DOC) });
    const r = await gongkai('--content', dir, 'check', path.join(dir, '..', 'elsewhere.md'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('不在专栏内容文件夹');
  });

  it('refuses a file that does not exist with exit code 2, instead of finding nothing in it', async () => {
    env();
    const dir = writeColumn({ 'documents/a.md': doc(BASE_DOC) });
    const r = await gongkai('--content', dir, 'check', path.join(dir, 'documents', 'b.md'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('找不到这些文件');
    expect(r.err).toContain('documents/b.md');
  });

  it('--staged checks what git is about to commit', async () => {
    env();
    const dir = writeColumn({ 'documents/a.md': doc(BASE_DOC) });
    const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('add', '-A');
    const clean = await gongkai('--content', dir, 'check', '--staged');
    expect(clean.code).toBe(0);
    writeFileSync(path.join(dir, 'documents/a.md'), doc({ ...BASE_DOC, publisher: '测试县财政厅' }));
    git('add', '-A');
    const cwd = process.cwd();
    try {
      process.chdir(dir); // staged paths are shown from where the hook runs
      const bad = await gongkai('--content', dir, 'check', '--staged');
      expect(bad.code).toBe(1);
      expect(bad.out).toContain('发布机构“测试县财政厅”不在机构清单');
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('gongkai new', () => {
  const flags = ['--genre', '通知', '--topic', '综合政务\\政务公开', '--section', '第二十条第（一）项'];

  it('writes the document with the next free 索引号 of its publisher and year, today’s dates, and it passes the checks', async () => {
    env();
    const dir = writeColumn({
      'documents/a.md': doc({
        ...BASE_DOC,
        index_no: `${OFFICE_CODE}/202604-00007`,
        publisher: '测试县财政局',
        published: '2026-04-01',
        written: '2026-04-01',
      }),
      'documents/b.md': doc({
        ...BASE_DOC,
        index_no: `${ORG_CODE}/202605-00030`,
        published: '2026-05-01',
        written: '2026-05-01',
        title: '县政府的通知',
      }),
    });
    const r = await gongkai(
      '--content',
      dir,
      'new',
      '--publisher',
      'finance',
      '--title',
      '测试县财政局关于预算编制的通知',
      ...flags,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const file = path.join(dir, 'documents/2026/finance-00008.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`index_no: "${OFFICE_CODE}/202611-00008"`);
    expect(text).toMatch(/^written: 2026-11-30$/m);
    expect(text).toMatch(/^published: 2026-11-30$/m);
    expect(text).toContain('测试县财政局\n\n2026年11月30日');
    const site = loadSite(dir, { today: TODAY });
    expect(site.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(site.documents.map((d) => d.title)).toContain('测试县财政局关于预算编制的通知');
  });

  it('a normative document gets normative and validity', async () => {
    env();
    const dir = writeColumn({});
    const r = await gongkai(
      '--content',
      dir,
      '--json',
      'new',
      '--publisher',
      '测试县人民政府',
      '--title',
      '测试县某某管理办法',
      '--normative',
      '行政规范性文件',
      ...flags,
    );
    expect(r.code).toBe(0);
    const { file } = JSON.parse(r.out.slice(0, r.out.lastIndexOf('}') + 1).split('\n检查')[0]!) as { file: string };
    const text = readFileSync(path.resolve(file), 'utf8');
    expect(text).toMatch(/^normative: 行政规范性文件\nvalidity: 有效$/m);
  });

  it('a 年报 gets its data file from the annual-report template', async () => {
    env();
    const dir = writeColumn({});
    const r = await gongkai('--content', dir, 'new', '--publisher', 'gov', '--genre', '年报', '--year', '2025');
    expect(r.code).toBe(0);
    const md = readFileSync(path.join(dir, 'documents/annual-reports/gov-2025.md'), 'utf8');
    expect(md).toContain('report:\n  data: gov-2025.report.yaml');
    expect(md).toContain('## 三、收到和处理政府信息公开申请情况');
    expect(existsSync(path.join(dir, 'documents/annual-reports/gov-2025.report.yaml'))).toBe(true);
  });

  it('without a terminal, a missing answer is a usage error (exit 2) and nothing is written', async () => {
    env();
    const dir = writeColumn({});
    const r = await gongkai('--content', dir, 'new', '--genre', '通知');
    expect(r.code).toBe(2);
    expect(r.err).toContain('缺少参数 --publisher');
    expect(existsSync(path.join(dir, 'documents'))).toBe(false);
  });

  it('an unknown 发布机构 is refused, naming the known ones', async () => {
    env();
    const dir = writeColumn({});
    const r = await gongkai('--content', dir, 'new', '--publisher', '测试县财政厅', '--title', 'x', ...flags);
    expect(r.code).toBe(2);
    expect(r.err).toContain('测试县财政局（finance）');
  });
});

describe('gongkai hook install', () => {
  it('installs a pre-commit hook that runs check --staged, and never replaces a foreign hook without --force', async () => {
    env();
    const dir = writeColumn({ 'documents/a.md': doc(BASE_DOC) });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const r = await gongkai('--content', dir, 'hook', 'install');
    expect(r.code).toBe(0);
    const hook = path.join(dir, '.git/hooks/pre-commit');
    expect(readFileSync(hook, 'utf8')).toMatch(/gongkai\.mjs' --content '.*' check --staged/);
    expect(statSync(hook).mode & 0o111).not.toBe(0);
    writeFileSync(hook, '#!/bin/sh\necho mine\n');
    const refused = await gongkai('--content', dir, 'hook', 'install');
    expect(refused.code).toBe(2);
    expect(readFileSync(hook, 'utf8')).toContain('echo mine');
    expect((await gongkai('--content', dir, 'hook', 'install', '--force')).code).toBe(0);
  });

  it('the installed hook refuses a commit with an error', { timeout: 60_000 }, () => {
    const dir = writeColumn({ 'documents/a.md': doc({ ...BASE_DOC, publisher: '测试县财政厅' }) });
    const git = (...a: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...a], {
        cwd: dir,
        stdio: 'pipe',
        env: { ...process.env, GONGKAI_TODAY: TODAY },
      });
    git('init', '-q');
    execFileSync(process.execPath, [path.resolve('bin/gongkai.mjs'), '--content', dir, 'hook', 'install'], {
      stdio: 'pipe',
    });
    git('add', '-A');
    expect(() => git('commit', '-qm', 'x')).toThrow(/发布机构“测试县财政厅”不在机构清单/);
  });
});

describe('reading a column on several threads', () => {
  it(
    'reads the same documents and reports the same findings, in the same order, as one thread',
    { timeout: 60_000 },
    () => {
      const files: Record<string, string> = {};
      for (let i = 1; i <= 700; i++) {
        const serial = String(i).padStart(5, '0');
        const broken = i % 97 === 0 ? { publisher: '测试县财政厅' } : {};
        files[`documents/${String(i).padStart(4, '0')}.md`] = doc({
          ...BASE_DOC,
          index_no: `${ORG_CODE}/202103-${serial}`,
          title: `通知${i}`,
          doc_no: `测政办〔2021〕${i}号`,
          ...broken,
        });
      }
      const dir = writeColumn(files);
      process.env.GONGKAI_READ_WORKERS = '0';
      const one = loadSite(dir, { today: TODAY });
      process.env.GONGKAI_READ_WORKERS = '1';
      const two = loadSite(dir, { today: TODAY });
      expect(one.documents.length).toBe(700);
      expect(two.documents).toEqual(one.documents);
      expect(two.diagnostics).toEqual(one.diagnostics);
      expect(one.diagnostics.filter((d) => d.code === 'unknown-publisher').map((d) => d.line)).toEqual(
        new Array(7).fill(4),
      );
    },
  );
});
