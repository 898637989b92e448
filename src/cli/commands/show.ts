// `gongkai show DOC`: one document's page as the site renders it (its layout, metadata table, links),
// served by Astro's dev server, which reads only that document and the documents related to it
// (GONGKAI_ONLY, src/lib/column.ts) — so it is ready in seconds on a 70,000-document column. Prints
// the address to open and the document's findings; runs until Ctrl-C (`--exit`: until the page answered).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { formatReport, hasErrors } from '../../lib/diagnostics.ts';
import { relatedDocuments } from '../../lib/column.ts';
import { loadSite } from '../../lib/site.ts';
import { astroEnv, freePort } from '../astro-process.ts';
import { contextOf, EXIT, printJson, UsageError, type CliContext } from '../context.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('预览一份文件的网页（与正式网站相同的版式和链接），打印打开的网址')
    .argument('<file>', '文件的路径（.md）')
    .option('--port <端口>', '预览服务器的端口（默认自动选一个空闲端口）')
    .option('--exit', '网页可以打开后即退出（用于测试和计时）')
    .action(async (file: string, options: { port?: string; exit?: boolean }, command: Command) => {
      process.exitCode = await runShow(contextOf(command), file, options);
    });
}

export async function runShow(
  ctx: CliContext,
  file: string,
  options: { port?: string; exit?: boolean },
): Promise<number> {
  const started = performance.now();
  const rel = path.relative(ctx.contentDir, path.resolve(file)).split(path.sep).join('/');
  if (rel.startsWith('..') || !rel.startsWith('documents/') || !rel.endsWith('.md'))
    throw new UsageError(`${file} 不是专栏 ${ctx.contentPrefix}documents/ 中的 .md 文件。`);
  // found once, here; the server reads exactly these (GONGKAI_ONLY)
  const files = relatedDocuments(ctx.contentDir, [rel]);
  const site = loadSite(ctx.contentDir, { today: ctx.today, now: ctx.now, only: files, relatives: false });
  const doc = site.documents.find((d) => d.file === rel);
  const findings = site.diagnostics.filter((d) => d.file === rel);
  if (findings.length && !ctx.json) console.log(formatReport(findings, ctx.contentPrefix) + '\n');
  if (!doc) {
    const held = site.heldBack.find((h) => h.file === rel);
    throw new UsageError(
      held
        ? `${ctx.contentPrefix}${rel} 定时发布（发布日期 ${held.published}），今天还没有网页。`
        : `${ctx.contentPrefix}${rel} 没有网页：先按上面的提示改正错误。`,
    );
  }
  const port = options.port ? Number(options.port) : await freePort();
  const base = site.settings.base;
  const url = `http://localhost:${port}${base}doc/${doc.slug}/`;
  const server = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
      'dev',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: ROOT,
      env: {
        ...astroEnv(),
        ASTRO_TELEMETRY_DISABLED: '1',
        GONGKAI_CONTENT: ctx.contentDir,
        GONGKAI_ONLY: files.join('\n'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  server.stdout!.on('data', (b: Buffer) => (log += b.toString()));
  server.stderr!.on('data', (b: Buffer) => (log += b.toString()));
  const stop = () => server.kill('SIGTERM');
  process.once('SIGINT', stop);
  try {
    const ok = await waitForPage(url.replace('localhost', '127.0.0.1'), server, 180_000);
    if (!ok) throw new Error(`预览服务器没有启动：\n${log.slice(-2000)}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (ctx.json) printJson({ file: rel, url, seconds, diagnostics: findings });
    else
      console.log(
        `预览：${doc.title}\n在浏览器中打开 ${url}\n（${seconds} 秒；只载入了这份文件和与它相关的文件，目录等页面不完整。按 Ctrl-C 结束预览。）`,
      );
    if (!options.exit) await new Promise((resolve) => server.once('exit', resolve));
  } finally {
    process.removeListener('SIGINT', stop);
    stop();
  }
  return hasErrors(findings) ? EXIT.contentErrors : EXIT.ok;
}

async function waitForPage(url: string, server: ReturnType<typeof spawn>, timeout: number): Promise<boolean> {
  const until = Date.now() + timeout;
  while (Date.now() < until && server.exitCode === null) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
