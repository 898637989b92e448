// The editing commands run through main() of src/cli/main.ts against a temporary column: the files
// they write (frontmatter comments, quoting and key order kept, bodies byte for byte), the checks
// afterwards, and their refusals (nothing changed, exit 1).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { editYaml, readFrontmatter } from '../../src/cli/frontmatter-edit.ts';
import { loadSite } from '../../src/lib/site.ts';
import { ORG_CODE, writeColumn } from './fixture-column.ts';

const TODAY = '2026-11-27';
const OLD_NO = `${ORG_CODE}/202103-00001`;
const NEW_NO = `${ORG_CODE}/202201-00002`;
const slugOf = (n: string) => n.toLowerCase().replace(/[^0-9a-z]+/g, '-');

/** Frontmatter as an editor writes it: comments, flow lists with and without spaces, quotes. */
const OLD_DOC = `---
# 2021 年的旧办法
title: 测试县最低生活保障办法
index_no: "${OLD_NO}"   # 不要改
publisher: 测试县人民政府
topic: 综合政务\\政务公开
genre: 通知
written: 2021-03-01
published: 2021-03-05
keywords: [低保, 救助]
report_like: { a: 1 }
section: 第二十条第（一）项
attachments:
- file: 名单.pdf
  title: '附件：名单'
---

正文第一段。  \r
保留行尾空格和 CRLF。
`;
const NEW_DOC = `---
title: 测试县最低生活保障实施办法
index_no: "${NEW_NO}"
publisher: 测试县人民政府
topic: 综合政务\\政务公开
genre: 通知
written: 2022-01-01
published: 2022-01-02
section: 第二十条第（一）项
---

新办法正文。见[旧办法](../${slugOf(OLD_NO)}/)。
`;
const PDF = '%PDF-1.4\n%%EOF\n';

let dir: string;
let out: string;
let err: string;

beforeEach(() => {
  process.env.GONGKAI_TODAY = TODAY;
  dir = writeColumn({
    'documents/2021/old.md': OLD_DOC,
    'documents/2021/名单.pdf': PDF,
    'documents/2022/new.md': NEW_DOC,
  });
  out = '';
  err = '';
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void (out += a.join(' ') + '\n'));
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.GONGKAI_TODAY;
});

const run = (...args: string[]) => main(['node', 'gongkai', '--content', dir, ...args]);
const read = (rel: string) => readFileSync(path.join(dir, rel), 'utf8');
const body = (text: string) => text.slice(text.indexOf('\n---\n', 4));
const problems = () => loadSite(dir, { today: TODAY }).diagnostics.filter((d) => d.code !== 'unknown-field');

describe('frontmatter edits', () => {
  it('keep every untouched byte: comments, quoting, flow spacing, sequence indentation, the body', () => {
    const file = path.join(dir, 'documents/2021/old.md');
    const fm = readFrontmatter(file);
    const yaml = editYaml(fm, [
      { key: 'index_no', value: `${ORG_CODE}/202103-00009` },
      { key: 'validity', value: '废止' },
      { key: 'withdrawn', value: { date: '2026-01-05', reason: '误发' } },
    ]);
    expect(yaml).toBe(
      fm.yaml
        .replace(`"${OLD_NO}"   # 不要改`, `"${ORG_CODE}/202103-00009"   # 不要改`)
        .replace(
          'published: 2021-03-05\n',
          'published: 2021-03-05\nvalidity: 废止\nwithdrawn:\n  date: 2026-01-05\n  reason: 误发\n',
        ),
    );
  });
});

describe('gongkai supersede', () => {
  it('marks OLD 废止 with its date and NEW as its replacement, in one step', async () => {
    expect(await run('supersede', 'documents/2021/old.md', NEW_NO, '--date', '2022-01-01')).toBe(0);
    const text = read('documents/2021/old.md');
    expect(text).toContain('# 2021 年的旧办法\n');
    expect(text).toContain(`index_no: "${OLD_NO}"   # 不要改\n`);
    expect(text).toContain(`published: 2021-03-05\nvalidity: 废止\nrepealed: 2022-01-01\nsuperseded_by: "${NEW_NO}"\n`);
    expect(body(text)).toBe(body(OLD_DOC));
    expect(read('documents/2022/new.md')).toBe(NEW_DOC);
    expect(out).toContain('标为废止，废止日期 2022-01-01');
    expect(problems()).toEqual([]);
    const site = loadSite(dir, { today: TODAY });
    expect(site.documents.find((d) => d.indexNo === NEW_NO)!.supersedes).toEqual([slugOf(OLD_NO)]);
  });

  it('refuses, changing nothing, when NEW is not in force or is OLD itself', async () => {
    writeFileSync(
      path.join(dir, 'documents/2022/new.md'),
      NEW_DOC.replace('section:', 'validity: 失效\nrepealed: 2023-01-01\nsection:'),
    );
    const before = read('documents/2021/old.md');
    expect(await run('supersede', OLD_NO, NEW_NO)).toBe(1);
    expect(err).toContain('已失效，不能作为替代文件');
    expect(await run('supersede', OLD_NO, slugOf(OLD_NO))).toBe(1);
    expect(err).toContain('旧文件和新文件是同一份文件');
    expect(await run('supersede', OLD_NO, 'no-such-doc')).toBe(1);
    expect(err).toContain('找不到“no-such-doc”');
    expect(await run('supersede', OLD_NO, NEW_NO, '--as', '作废')).toBe(2);
    expect(read('documents/2021/old.md')).toBe(before);
  });
});

describe('gongkai withdraw', () => {
  it('sets withdrawn, says what disappears and who still points at it (--json)', async () => {
    expect(await run('--json', 'withdraw', OLD_NO, '--reason', '含有不应公开的个人信息', '--date', '2026-11-01')).toBe(
      0,
    );
    const result = JSON.parse(out) as Record<string, unknown>;
    expect(result).toMatchObject({
      command: 'withdraw',
      ok: true,
      url: `/doc/${slugOf(OLD_NO)}/`,
      removed: { attachments: [{ title: '附件：名单', file: 'documents/2021/名单.pdf' }], report: false },
      pointedAtBy: { supersededBy: [], linkedFrom: ['documents/2022/new.md'] },
    });
    // the fixture's unknown key (kept to test flow-map spacing), and the link now pointing at a notice
    expect((result.diagnostics as { code: string }[]).map((d) => d.code)).toEqual([
      'unknown-field',
      'link-to-withdrawn',
    ]);
    const text = read('documents/2021/old.md');
    expect(text).toContain('withdrawn:\n  date: 2026-11-01\n  reason: 含有不应公开的个人信息\n');
    expect(body(text)).toBe(body(OLD_DOC));
    const site = loadSite(dir, { today: TODAY });
    expect(site.withdrawn.map((w) => w.indexNo)).toEqual([OLD_NO]);
    expect(site.diagnostics.map((d) => d.code)).toEqual(['unknown-field', 'link-to-withdrawn']);
  });

  it('prints the reminder that copies survive, and refuses a second withdrawal or a future date', async () => {
    expect(await run('withdraw', 'documents/2021/old.md', '--reason', '误发')).toBe(0);
    expect(out).toContain('git 历史');
    expect(out).toContain('documents/2022/new.md：正文中的链接');
    expect(await run('withdraw', OLD_NO, '--reason', '误发')).toBe(1);
    expect(err).toContain('已于 2026-11-27 撤回');
    expect(await run('withdraw', NEW_NO, '--reason', '误发', '--date', '2027-01-01')).toBe(1);
    expect(err).toContain('晚于今天');
    expect(read('documents/2022/new.md')).toBe(NEW_DOC);
  });
});

describe('gongkai move', () => {
  it('moves the file and its attachment together; the URL stays', async () => {
    expect(await run('move', slugOf(OLD_NO), 'documents/2020/')).toBe(0);
    expect(existsSync(path.join(dir, 'documents/2021/old.md'))).toBe(false);
    expect(read('documents/2020/old.md')).toBe(OLD_DOC);
    expect(read('documents/2020/名单.pdf')).toBe(PDF);
    expect(out).toContain(`网址不变：/doc/${slugOf(OLD_NO)}/`);
    expect(problems()).toEqual([]);
  });

  it('refuses when a file is already at the target', async () => {
    writeFileSync(path.join(dir, 'documents/2022/名单.pdf'), PDF);
    expect(await run('move', OLD_NO, 'documents/2022/')).toBe(1);
    expect(err).toContain('目标位置已有文件：documents/2022/名单.pdf');
    expect(existsSync(path.join(dir, 'documents/2021/old.md'))).toBe(true);
  });
});

describe('gongkai renumber', () => {
  const RENUMBERED = `${ORG_CODE}/202201-00005`;

  it('changes the 索引号, records the redirect without chains and updates superseded_by elsewhere', async () => {
    writeFileSync(
      path.join(dir, 'documents/2021/old.md'),
      OLD_DOC.replace('section:', `validity: 废止\nrepealed: 2022-01-01\nsuperseded_by: "${NEW_NO}"\nsection:`),
    );
    writeFileSync(path.join(dir, 'redirects.yaml'), `# 手工记录\n- from: /doc/older/\n  to: /doc/${slugOf(NEW_NO)}/\n`);
    expect(await run('renumber', 'documents/2022/new.md', RENUMBERED)).toBe(0);
    expect(read('documents/2022/new.md')).toBe(NEW_DOC.replace(NEW_NO, RENUMBERED));
    expect(read('documents/2021/old.md')).toContain(`superseded_by: "${RENUMBERED}"\n`);
    const to = `/doc/${slugOf(RENUMBERED)}/`;
    expect(read('redirects.yaml')).toBe(
      `# 手工记录\n- from: /doc/older/\n  to: ${to}\n- from: /doc/${slugOf(NEW_NO)}/\n  to: ${to}\n  date: ${TODAY}\n`,
    );
    expect(problems()).toEqual([]);
  });

  it('refuses a 索引号 against the site’s pattern or already used', async () => {
    expect(await run('renumber', NEW_NO, `${ORG_CODE}/2022-5`)).toBe(1);
    expect(err).toContain('不符合本网站的索引号规则');
    expect(await run('renumber', NEW_NO, `${ORG_CODE}/202301-00005`)).toBe(1);
    expect(err).toContain('与发布日期 / published（2022-01-02）不一致');
    const third = `${ORG_CODE}/202201-00003`;
    writeFileSync(path.join(dir, 'documents/2022/third.md'), NEW_DOC.replace(NEW_NO, third));
    expect(await run('renumber', NEW_NO, third)).toBe(1);
    expect(err).toContain(`索引号 ${third} 已由 ${dir}/documents/2022/third.md 使用`);
    expect(read('documents/2022/new.md')).toBe(NEW_DOC);
    expect(existsSync(path.join(dir, 'redirects.yaml'))).toBe(false);
  });
});
