// The dev server (`npm run dev`) follows content changes (docs/decisions.md §12): a copy of the
// sample column outside the project (GONGKAI_CONTENT in the system's temp folder) is served by
// `astro dev`; editing a document's title and 发布机构 changes its page, the publisher's list and
// the home page; an unknown 发布机构 is reported in the terminal as the build reports it and in a
// banner on the pages, which keep the last content that passed; fixing it removes the banner;
// site.yaml edits show; a deleted document's page is gone. Every wait polls with a generous timeout.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from '../../src/cli/astro-process.ts';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBuildOptions } from '../../src/lib/build-options.ts';
import { acquireBuildLock, astroEnv, nodeForAstro, stripAnsi } from '../helpers/build.ts';
import { copyContent, fieldLine, removeFile, setField } from '../helpers/fixture.ts';
import { ROOT, TODAY } from '../helpers/paths.ts';

const FILE = 'documents/2025/gov-touzi-xiangmu-guanli-banfa.md';
const SLUG = '11999999999900011l-202504-00013';
const OLD_TITLE = '示例县人民政府关于印发《示例县政府投资项目管理办法》的通知';
const NEW_TITLE = '示例县人民政府关于印发《示例县政府投资项目管理办法（开发服务器测试）》的通知';
// a body without its own code: the 索引号's code (the organisation's) stays valid
const NEW_PUBLISHER = { name: '赤门乡人民政府', id: 'chimen' };
const UNKNOWN_PUBLISHER = '示例县交通局';
const UNKNOWN_MESSAGE = `发布机构“${UNKNOWN_PUBLISHER}”不在机构清单 bodies.yaml 中。`;
const STARTUP_MS = 180_000;
const CHANGE_MS = 60_000;

let dir: string;
let content: string;
let server: ChildProcess | undefined;
let origin: string;
let output = '';
let release: (() => void) | undefined;
const timings: Record<string, number> = {};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function get(sitePath: string): Promise<{ status: number; html: string }> {
  try {
    const res = await fetch(origin + sitePath, { headers: { accept: 'text/html' } });
    return { status: res.status, html: await res.text() };
  } catch {
    return { status: 0, html: '' };
  }
}

/** Polls `sitePath` until `ok` holds; returns the page and records how long it took under `label`. */
async function waitFor(
  label: string,
  sitePath: string,
  ok: (page: { status: number; html: string }) => boolean,
  timeoutMs = CHANGE_MS,
): Promise<{ status: number; html: string }> {
  const started = Date.now();
  let page = { status: 0, html: '' };
  while (Date.now() - started < timeoutMs) {
    // e.g. "Another astro dev server is already running" (one per project folder)
    if (server && (server.exitCode !== null || server.signalCode !== null))
      throw new Error(`astro dev exited (${server.exitCode ?? server.signalCode}):\n${stripAnsi(output)}`);
    page = await get(sitePath);
    if (ok(page)) {
      timings[label] = Date.now() - started;
      return page;
    }
    await sleep(100);
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for: ${label} (${sitePath}, last status ${page.status})\n` +
      `dev server output (tail):\n${stripAnsi(output).slice(-3000)}`,
  );
}

/** Waits until the terminal output (from `from` on) holds `text`. */
async function waitForOutput(text: string, from: number, timeoutMs = CHANGE_MS): Promise<string> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const out = stripAnsi(output.slice(from));
    if (out.includes(text)) return out;
    await sleep(100);
  }
  throw new Error(`timed out waiting for “${text}” in the dev server's output:\n${stripAnsi(output).slice(-3000)}`);
}

const hasBanner = (html: string) => html.includes('data-dev-problems');

beforeAll(async () => {
  // astro dev writes .astro/ in the project root, as builds do: not while a build runs
  release = await acquireBuildLock();
  dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-dev-'));
  content = path.join(dir, 'content');
  copyContent(content, path.join(ROOT, 'content'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const env = {
    ...astroEnv(),
    ASTRO_TELEMETRY_DISABLED: '1',
    GONGKAI_CONTENT: content,
    GONGKAI_BASE: '/',
    GONGKAI_TODAY: TODAY,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  server = spawn(
    nodeForAstro(),
    [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
    // its own process group, so afterAll ends Astro and whatever it started
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  server.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
  server.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
  await waitFor('startup', '/', (p) => p.status === 200, STARTUP_MS);
}, STARTUP_MS + 60_000);

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await Promise.race([exited, sleep(10_000)]);
    try {
      if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  release?.();
  if (dir) {
    // Astro's cache for this content folder (build-options.ts keys it by the folder)
    const { cacheDir } = resolveBuildOptions({ GONGKAI_CONTENT: content }, ROOT);
    if (existsSync(cacheDir)) rmSync(cacheDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`dev server: ms until a change showed: ${JSON.stringify(timings)}`);
}, 60_000);

describe('npm run dev follows the content folder', () => {
  const doc = `/doc/${SLUG}/`;
  const file = () => path.join(content, FILE);

  it('serves the document as written, without a banner', async () => {
    const page = await get(doc);
    expect(page.status).toBe(200);
    expect(page.html).toContain(OLD_TITLE);
    expect(hasBanner(page.html)).toBe(false);
  });

  it('shows a changed title and 发布机构 on the document page, the publisher list and the home page', async () => {
    expect((await get('/')).html, 'the home page lists the document among the latest').toContain(OLD_TITLE);
    setField(file(), 'title', NEW_TITLE);
    setField(file(), 'publisher', NEW_PUBLISHER.name);
    const page = await waitFor(
      'title and publisher on the document page',
      doc,
      (p) => p.html.includes(NEW_TITLE) && p.html.includes(`${NEW_PUBLISHER.name}发布的其他信息`),
    );
    expect(page.html).not.toContain(OLD_TITLE);
    expect(page.html).toContain(`/catalogue/publisher/${NEW_PUBLISHER.id}/`);
    expect(hasBanner(page.html)).toBe(false);
    const list = await get(`/catalogue/publisher/${NEW_PUBLISHER.id}/`);
    expect(list.html).toContain(NEW_TITLE);
    const home = await get('/');
    expect(home.html).toContain(NEW_TITLE);
    expect(home.html).not.toContain(OLD_TITLE);
  });

  it('reports an unknown 发布机构 in the terminal as the build does and in a banner, keeping the last good content', async () => {
    const from = output.length;
    setField(file(), 'publisher', UNKNOWN_PUBLISHER);
    const line = fieldLine(file(), 'publisher');
    const page = await waitFor('error banner on the document page', doc, (p) => hasBanner(p.html));
    expect(page.status).toBe(200);
    expect(page.html).toContain(UNKNOWN_MESSAGE);
    // the page keeps the content that passed last
    expect(page.html).toContain(NEW_TITLE);
    expect(page.html).toContain(`${NEW_PUBLISHER.name}发布的其他信息`);
    // the terminal: formatReport's lines, the file named from the project folder as in the build
    const out = await waitForOutput(UNKNOWN_MESSAGE, from);
    expect(out).toContain('内容检查发现 1 个错误');
    expect(out).toContain(`${FILE} 第 ${line} 行  错误  发布机构 / publisher：${UNKNOWN_MESSAGE}`);
    expect(out).toContain('修改方法：');
    // every page carries the banner
    for (const p of ['/', '/catalogue/', `/catalogue/publisher/${NEW_PUBLISHER.id}/`]) {
      const other = await get(p);
      expect(other.status, p).toBe(200);
      expect(hasBanner(other.html), p).toBe(true);
    }
  });

  it('removes the banner once the error is fixed', async () => {
    setField(file(), 'publisher', NEW_PUBLISHER.name);
    await waitFor('banner gone', doc, (p) => p.status === 200 && !hasBanner(p.html));
    expect(hasBanner((await get('/')).html)).toBe(false);
  });

  it('shows a site.yaml edit', async () => {
    const siteYaml = path.join(content, 'site.yaml');
    const before = readFileSync(siteYaml, 'utf8');
    const name = /^column_name: *(.+)$/m.exec(before)?.[1]?.trim();
    expect(name, 'site.yaml has column_name').toBeTruthy();
    writeFileSync(siteYaml, before.replace(/^column_name:.*$/m, 'column_name: 开发服务器测试专栏'));
    await waitFor('site.yaml column_name on the home page', '/', (p) => /<title>[^<]*开发服务器测试专栏/.test(p.html));
  });

  it('serves attachments from the content folder', async () => {
    const page = await get('/doc/11999999999900070p-202305-00011/');
    const href = /href="(\/doc\/11999999999900070p-202305-00011\/files\/[^"]+)"/.exec(page.html)?.[1];
    expect(href, 'the sample document lists its attachment').toBeTruthy();
    const res = await fetch(origin + href!);
    expect(res.status).toBe(200);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('drops a deleted document’s page', async () => {
    removeFile(file());
    await waitFor('deleted document 404', doc, (p) => p.status === 404);
    const list = await get(`/catalogue/publisher/${NEW_PUBLISHER.id}/`);
    expect(list.html).not.toContain(NEW_TITLE);
  });
});
