// `gongkai check [files…]`: every check the build runs, with the build's messages, without Astro.
// With files, only what concerns them is listed: their own findings and the column-wide rules that
// name them (a duplicate 索引号, a broken reference), plus the site's own files.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Command } from 'commander';
import { formatReport, hasErrors, type Diagnostic } from '../../lib/diagnostics.ts';
import { loadSiteAsync } from '../../lib/site.ts';
import { contextOf, EXIT, printJson, type CliContext } from '../context.ts';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('检查专栏内容（与构建时的检查和提示相同，不需要构建）')
    .argument('[files...]', '只列出这些文件的问题（以及涉及它们的全站规则）')
    .option('--staged', '检查 git 暂存区中的文件（提交前钩子用）')
    .action(async (files: string[], options: { staged?: boolean }, command: Command) => {
      const ctx = contextOf(command);
      if (options.staged) {
        const staged = stagedFiles(ctx.contentDir);
        if (!staged.length) {
          if (!ctx.json) console.log('暂存区中没有专栏内容文件，无需检查。');
          else printJson({ files: [], diagnostics: [] });
          return;
        }
        files = [...files, ...staged];
      }
      process.exitCode = await runCheck(ctx, files);
    });
}

/** Site-wide files whose findings concern every document: always listed. */
const SITE_FILES = new Set(['site.yaml', 'bodies.yaml', 'topics.yaml', 'genres.yaml', 'sections.yaml']);

export async function runCheck(ctx: CliContext, files: string[]): Promise<number> {
  const started = performance.now();
  const site = await loadSiteAsync(ctx.contentDir, { today: ctx.today, now: ctx.now, cacheDir: ctx.cacheDir });
  const seconds = (performance.now() - started) / 1000;
  const wanted = files.length ? new Set(files.map((f) => contentRelative(ctx, f))) : undefined;
  const outside = wanted && [...wanted].filter((f) => f.startsWith('../'));
  if (outside?.length) throw new Error(`这些文件不在专栏内容文件夹 ${ctx.contentPrefix} 中：${outside.join('、')}`);
  // an attachment named (or staged) alone brings its document's findings: what the guard found in it
  // is reported on the document that lists it (docs/domain.md §12.4)
  if (wanted)
    for (const d of site.documents)
      if ([...d.attachments.map((a) => a.source), ...d.assets].some((f) => wanted.has(f))) wanted.add(d.file);
  const diagnostics = wanted
    ? site.diagnostics.filter((d) => wanted.has(d.file) || SITE_FILES.has(d.file))
    : site.diagnostics;
  const status = hasErrors(diagnostics) ? EXIT.contentErrors : EXIT.ok;
  if (ctx.json) {
    printJson({
      contentDir: ctx.contentDir,
      files: wanted ? [...wanted] : undefined,
      documents: site.documents.length,
      heldBack: site.heldBack.length,
      seconds: Number(seconds.toFixed(2)),
      errors: diagnostics.filter((d) => d.level === 'error').length,
      warnings: diagnostics.filter((d) => d.level === 'warning').length,
      diagnostics,
    });
    return status;
  }
  const scope = wanted
    ? `${wanted.size} 个文件（共 ${site.documents.length} 份文件将发布）`
    : `${site.documents.length} 份文件将发布`;
  console.log(
    `检查 ${ctx.contentPrefix}：${scope}${site.heldBack.length ? `，${site.heldBack.length} 份定时发布` : ''}（${seconds.toFixed(1)} 秒）。`,
  );
  console.log(diagnostics.length ? '\n' + formatReport(diagnostics, ctx.contentPrefix) : '没有发现问题。');
  return status;
}

/** A path as the editor typed it (relative to the working directory) → relative to the content directory. */
function contentRelative(ctx: CliContext, file: string): string {
  return path.relative(ctx.contentDir, path.resolve(file)).split(path.sep).join('/');
}

/** Files staged for the next commit (added, copied, modified, renamed) that lie in the content directory, as paths from the working directory. */
function stagedFiles(contentDir: string): string[] {
  const git = (args: string[]) => execFileSync('git', args, { cwd: contentDir, encoding: 'utf8' });
  const top = git(['rev-parse', '--show-toplevel']).trim();
  return git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'])
    .split('\0')
    .filter(Boolean)
    .map((f) => path.relative(process.cwd(), path.join(top, f)))
    .filter((f) => !path.relative(contentDir, path.resolve(f)).startsWith('..'));
}

export type { Diagnostic };
