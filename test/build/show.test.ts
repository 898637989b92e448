// `gongkai show DOC`: a preview server that reads only the document and its relatives, serving the
// page as the site renders it, with links to the documents related to it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeForAstro } from '../helpers/build.ts';
import { ROOT } from '../helpers/paths.ts';

const FILE = 'content/documents/2024/gov-dibao-banfa-2024.md'; // replaces the 2019 低保 办法 (superseded_by there)

describe('gongkai show', () => {
  const child = spawn(nodeForAstro(), [path.join(ROOT, 'bin', 'gongkai.mjs'), 'show', FILE], {
    cwd: ROOT,
    env: { ...process.env, GONGKAI_TODAY: '2026-11-30', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (b: Buffer) => {
      output += b.toString();
      const m = /在浏览器中打开 (\S+)/.exec(output);
      if (m) resolve(m[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`gongkai show exited (${code}):\n${output}`)));
  });
  afterAll(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT'); // as Ctrl-C: it stops its dev server and exits
    await exited;
  });

  it(
    'prints the address of the document page, which renders the document with its layout and related links',
    { timeout: 300_000 },
    async () => {
      const address = await url;
      expect(address).toMatch(/^http:\/\/localhost:\d+\/doc\/11999999999900011l-202406-00021\/$/);
      const html = await (await fetch(address.replace('localhost', '127.0.0.1'))).text();
      expect(html).toContain('<h1');
      expect(html).toContain('示例县人民政府关于印发《示例县最低生活保障实施办法》的通知');
      expect(html).toContain('示政规〔2024〕3号');
      // the document it replaces was read too: its page is linked by title
      expect(html).toContain('示例县城乡居民最低生活保障实施办法');
      expect(html).toMatch(/href="\/doc\/[^"]+\/"/);
    },
  );
});
