import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeUtf8, readTextFile } from '../../src/lib/text-file.ts';

const YAML = '# 发布机构\n- id: xian\n  name: 示例县人民政府\n  code: 11341702486344515H\n';
const MD =
  '---\ntitle: 示例县人民政府关于印发2021年政务公开工作要点的通知\npublisher: 示例县人民政府\n---\n\n各乡镇人民政府，县政府各部门：\n';

const utf8 = (s: string) => new TextEncoder().encode(s);
const encode = (s: string, encoding: string) => new Uint8Array(iconv.encode(s, encoding));

const OTHER_SAVE = '也可以用记事本打开，选择“另存为”，编码选 UTF-8 后保存；WPS/Word 中另存为“纯文本”时选择 UTF-8。';
const reopenFix = (vscode: string) =>
  `用 VS Code 打开，若中文显示为乱码，先点右下角的编码名称 → “通过编码重新打开” → 选“${vscode}”；显示正常后，再点编码名称 → “通过编码保存” → 选 UTF-8。${OTHER_SAVE}`;
const GENERIC_FIX = `用 VS Code 打开，点右下角的编码名称 → “通过编码保存” → 选 UTF-8（若文字显示为乱码，先用“通过编码重新打开”选对原来的编码）。${OTHER_SAVE}`;

describe('decodeUtf8: UTF-8 is read as it is', () => {
  it.each([
    ['YAML', YAML],
    ['Markdown', MD],
    ['Markdown with CRLF', MD.replace(/\n/g, '\r\n')],
    ['characters outside the BMP', '王𬌗、李䶮\n'],
    ['ASCII only', 'page_size: 20\n'],
    ['empty', ''],
  ])('%s', (_what, text) => {
    expect(decodeUtf8(utf8(text), 'a.md')).toEqual({ ok: true, text });
  });

  it('keeps a UTF-8 BOM in the text, for splitFrontmatter to strip', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(MD)]);
    expect(decodeUtf8(bytes, 'a.md')).toEqual({ ok: true, text: `\ufeff${MD}` });
  });
});

describe('decodeUtf8: other encodings give one error', () => {
  it.each<[string, Uint8Array, string, string]>([
    [
      'GBK YAML',
      encode(YAML, 'gbk'),
      '文件不是 UTF-8 编码（看起来是 GBK（GB18030）编码），gongkai 无法正确读取其中的中文。按 GBK 解读，第 1 行是“# 发布机构”。',
      reopenFix('简体中文 (GB 18030)'),
    ],
    [
      'GBK Markdown (sample cut at 20 characters)',
      encode(MD, 'gbk'),
      '文件不是 UTF-8 编码（看起来是 GBK（GB18030）编码），gongkai 无法正确读取其中的中文。按 GBK 解读，第 2 行是“title: 示例县人民政府关于印发20……”。',
      reopenFix('简体中文 (GB 18030)'),
    ],
    [
      'GBK, a single short line (too short for chardet)',
      encode('- name: 示例县人民政府\n', 'gbk'),
      '文件不是 UTF-8 编码（看起来是 GBK（GB18030）编码），gongkai 无法正确读取其中的中文。按 GBK 解读，第 1 行是“- name: 示例县人民政府”。',
      reopenFix('简体中文 (GB 18030)'),
    ],
    [
      'GBK, a line chardet takes for Latin-1',
      encode('genre: 公告\n', 'gbk'),
      '文件不是 UTF-8 编码（看起来是 GBK（GB18030）编码），gongkai 无法正确读取其中的中文。按 GBK 解读，第 1 行是“genre: 公告”。',
      reopenFix('简体中文 (GB 18030)'),
    ],
    [
      'GB18030 with four-byte characters',
      encode('---\ntitle: 关于公布2023年度优秀共产党员名单的通知\n---\n\n王𬌗、李䶮、张堃\n', 'gb18030'),
      '文件不是 UTF-8 编码（看起来是 GBK（GB18030）编码），gongkai 无法正确读取其中的中文。按 GBK 解读，第 2 行是“title: 关于公布2023年度优秀共……”。',
      reopenFix('简体中文 (GB 18030)'),
    ],
    [
      'Big5',
      encode(
        '---\ntitle: 示例縣人民政府關於印發2021年政務公開工作要點的通知\n---\n\n各鄉鎮人民政府，縣政府各部門：\n',
        'big5',
      ),
      '文件不是 UTF-8 编码（看起来是 Big5（繁体）编码），gongkai 无法正确读取其中的中文。按 Big5 解读，第 2 行是“title: 示例縣人民政府關於印發20……”。',
      reopenFix('繁体中文 (Big5)'),
    ],
    [
      'Big5, a single short line',
      encode('name: 示例縣人民政府\n', 'big5'),
      '文件不是 UTF-8 编码（看起来是 Big5（繁体）编码），gongkai 无法正确读取其中的中文。按 Big5 解读，第 1 行是“name: 示例縣人民政府”。',
      reopenFix('繁体中文 (Big5)'),
    ],
    [
      'UTF-16LE with a BOM',
      encode(`\ufeff${YAML}`, 'utf-16le'),
      '文件不是 UTF-8 编码（看起来是 UTF-16 编码），gongkai 无法正确读取其中的中文。按 UTF-16 解读，第 1 行是“# 发布机构”。',
      reopenFix('UTF-16 LE'),
    ],
    [
      'UTF-16BE with a BOM',
      encode(`\ufeff${YAML}`, 'utf-16be'),
      '文件不是 UTF-8 编码（看起来是 UTF-16 编码），gongkai 无法正确读取其中的中文。按 UTF-16 解读，第 1 行是“# 发布机构”。',
      reopenFix('UTF-16 BE'),
    ],
    [
      'UTF-16LE without a BOM',
      encode(YAML, 'utf-16le'),
      '文件不是 UTF-8 编码（看起来是 UTF-16 编码），gongkai 无法正确读取其中的中文。按 UTF-16 解读，第 1 行是“# 发布机构”。',
      reopenFix('UTF-16 LE'),
    ],
    [
      'Latin-1',
      encode('title,author\nRésumé du café,Hélène Müller\nÀ bientôt,François Léger\n', 'latin1'),
      '文件不是 UTF-8 编码（看起来是 ISO-8859-1 编码），gongkai 无法正确读取其中的文字。按 ISO-8859-1 解读，第 2 行是“Résumé du café,Hélèn……”。',
      GENERIC_FIX,
    ],
    [
      'bytes that fit no encoding',
      new Uint8Array([0x61, 0x0a, 0xff, 0xfe, 0xfd, 0x0a]),
      '文件不是 UTF-8 编码，gongkai 无法正确读取其中的中文。',
      GENERIC_FIX,
    ],
  ])('%s', (_what, bytes, message, fix) => {
    expect(decodeUtf8(bytes, 'documents/2021/a.md')).toEqual({
      ok: false,
      diagnostic: { level: 'error', code: 'encoding', file: 'documents/2021/a.md', message, fix },
    });
  });

  it('a UTF-8 file with a line pasted from a GBK file points at that line', () => {
    const bytes = new Uint8Array([
      ...utf8('---\ntitle: 示例县人民政府关于印发政务公开工作要点的通知\n---\n\n各乡镇人民政府：\n'),
      ...encode('县政府各部门', 'gbk'),
      ...utf8('\n现将有关事项通知如下。\n'),
    ]);
    expect(decodeUtf8(bytes, 'documents/2021/a.md')).toEqual({
      ok: false,
      diagnostic: {
        level: 'error',
        code: 'encoding',
        file: 'documents/2021/a.md',
        line: 6,
        message:
          '文件中第 6 行有不符合 UTF-8 编码的字节（可能是从其他编码的文件中复制粘贴而来），gongkai 无法正确读取这些文字。' +
          '第 6 行读出来是“\ufffd”（“\ufffd”处是无法识别的字节），按 GBK 解读是“县政府各部门”。',
        fix: '打开文件，把第 6 行中显示为乱码或“\ufffd”的文字删掉，重新输入正确的文字，再以 UTF-8 编码保存。',
      },
    });
  });

  it('a UTF-8 file with stray bytes inside lines lists the lines', () => {
    const good = utf8('示例县人民政府关于印发政务公开工作要点的通知。');
    const lines = Array.from({ length: 8 }, (_, i) =>
      i % 2 === 0 ? [...good, 0x0a] : [...utf8('第'), 0xb5, 0xda, ...utf8('一条规定'), 0x0a],
    );
    const r = decodeUtf8(new Uint8Array([...good, 0x0a, ...lines.flat()]), 'a.md');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostic.line).toBe(3);
    expect(r.diagnostic.message).toBe(
      '文件中第 3、5、7、9 行有不符合 UTF-8 编码的字节（可能是从其他编码的文件中复制粘贴而来），gongkai 无法正确读取这些文字。' +
        '第 3 行读出来是“第\ufffd一条规定”（“\ufffd”处是无法识别的字节）。',
    );
  });

  it('samples are at most 20 characters', () => {
    const r = decodeUtf8(encode(`${'示例县人民政府'.repeat(10)}\n`, 'gbk'), 'a.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const sample = /第 1 行是“(.*)……”/.exec(r.diagnostic.message)?.[1];
    expect([...(sample ?? '')]).toHaveLength(20);
  });
});

describe('readTextFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-text-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'documents', '2021'), { recursive: true });
  writeFileSync(path.join(dir, 'documents', '2021', 'utf8.md'), MD);
  writeFileSync(path.join(dir, 'documents', '2021', 'gbk.md'), iconv.encode(MD, 'gbk'));

  it('reads a UTF-8 file', () => {
    expect(readTextFile(dir, 'documents/2021/utf8.md')).toEqual({ ok: true, text: MD });
  });

  it('refuses a GBK file, naming it by its path relative to the content directory', () => {
    const r = readTextFile(dir, 'documents/2021/gbk.md');
    expect(r).toEqual({
      ok: false,
      diagnostic: {
        level: 'error',
        code: 'encoding',
        file: 'documents/2021/gbk.md',
        message:
          '文件不是 UTF-8 编码（看起来是 GBK（GB18030）编码），gongkai 无法正确读取其中的中文。按 GBK 解读，第 2 行是“title: 示例县人民政府关于印发20……”。',
        fix: reopenFix('简体中文 (GB 18030)'),
      },
    });
  });

  it('throws for a file that does not exist, as readFileSync does', () => {
    expect(() => readTextFile(dir, 'documents/2021/missing.md')).toThrow(/ENOENT/);
  });
});
