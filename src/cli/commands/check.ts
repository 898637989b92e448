// `gongkai check [files…]`: every check the build runs, with the build's messages, without Astro.
// With files, only what concerns them is listed: their own findings and the column-wide rules that
// name them (a duplicate 索引号, a broken reference), plus the site's own files.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SITE_FILES } from '../../lib/column.ts';
import type { Command } from 'commander';
import { formatReport, hasErrors, type Diagnostic } from '../../lib/diagnostics.ts';
import { loadSiteAsync } from '../../lib/site.ts';
import type { SiteData } from '../../lib/types.ts';
import { contextOf, EXIT, printJson, UsageError, type CliContext } from '../context.ts';

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

export async function runCheck(ctx: CliContext, files: string[]): Promise<number> {
  const started = performance.now();
  const site = await loadSiteAsync(ctx.contentDir, { today: ctx.today, now: ctx.now, cacheDir: ctx.cacheDir });
  const seconds = (performance.now() - started) / 1000;
  const given = files.length ? new Set(files.map((f) => contentRelative(ctx, f))) : undefined;
  const outside = given && [...given].filter((f) => f.startsWith('../'));
  if (outside?.length)
    throw new UsageError(
      `这些文件不在专栏内容文件夹 ${ctx.contentPrefix || './'} 中：${outside.join('、')}。` +
        '请给出专栏中的文件，或用 --content 指定它们所在的专栏文件夹。',
    );
  // a mistyped name would otherwise pass as a file without findings
  const missing = given && [...given].filter((f) => !existsSync(path.join(ctx.contentDir, f)));
  if (missing?.length)
    throw new UsageError(
      `找不到这些文件：${missing.map((f) => ctx.contentPrefix + f).join('、')}。请核对文件名和路径（从当前文件夹算起）。`,
    );
  // what the guard finds in an attachment is reported on the document that lists it (docs/domain.md §12.4)
  const wanted = given && withCompanions(given, site.documents);
  const diagnostics = wanted
    ? site.diagnostics.filter(
        (d) => wanted.has(d.file) || SITE_FILES.has(d.file) || !!d.related?.some((f) => wanted.has(f)),
      )
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
    `检查 ${ctx.contentPrefix || './'}：${scope}${site.heldBack.length ? `，${site.heldBack.length} 份定时发布` : ''}（${seconds.toFixed(1)} 秒）。`,
  );
  console.log(diagnostics.length ? '\n' + formatReport(diagnostics, ctx.contentPrefix) : '没有发现问题。');
  return status;
}

/**
 * A document and the files that belong to it count as one: a report's data file and CSV tables, its
 * attachments and the files its body links. Checking report.md lists the data file's findings; checking the data file, the report's.
 */
function withCompanions(files: Set<string>, documents: SiteData['documents']): Set<string> {
  const out = new Set(files);
  for (const doc of documents) {
    const companions = [
      doc.report?.dataFile,
      ...(doc.report?.tables.map((t) => t.source) ?? []),
      ...doc.attachments.map((a) => a.source),
      ...doc.assets,
    ].filter((f): f is string => !!f);
    if (files.has(doc.file) || companions.some((f) => files.has(f)))
      for (const f of [doc.file, ...companions]) out.add(f);
  }
  return out;
}

/** A path as the editor typed it (relative to the working directory) → relative to the content directory. */
function contentRelative(ctx: CliContext, file: string): string {
  return path.relative(ctx.contentDir, path.resolve(file)).split(path.sep).join('/');
}

/** Files staged for the next commit (added, copied, modified, renamed) that lie in the content directory, as paths from the working directory. */
function stagedFiles(contentDir: string): string[] {
  // In a hook git sets GIT_DIR (relative to the hook's folder, the top of the work tree), which would make
  // the content folder look like the top: find the repository from the content folder instead, keeping the
  // index the commit is made from (GIT_INDEX_FILE, a temporary one for `git commit FILE`).
  const env = { ...process.env };
  delete env.GIT_DIR;
  delete env.GIT_WORK_TREE;
  if (env.GIT_INDEX_FILE) env.GIT_INDEX_FILE = path.resolve(env.GIT_INDEX_FILE);
  const git = (args: string[]) => execFileSync('git', args, { cwd: contentDir, encoding: 'utf8', env });
  const top = git(['rev-parse', '--show-toplevel']).trim();
  return git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'])
    .split('\0')
    .filter(Boolean)
    .map((f) => path.relative(process.cwd(), path.join(top, f)))
    .filter((f) => !path.relative(contentDir, path.resolve(f)).startsWith('..'));
}

export type { Diagnostic };
