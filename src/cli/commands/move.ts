// `gongkai move DOC DEST`: moves a document's Markdown file and the files it names (attachments, body
// images and downloads, an annual report's data file and tables) to another folder under documents/,
// each keeping its place relative to the Markdown file, so every relative path in the frontmatter and
// the body stays valid without an edit. Files tracked by git move with `git mv`, others are renamed.
// The URL comes from the 索引号 or slug, not the file's place: the command checks it is unchanged.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { contextOf, type CliContext } from '../context.ts';
import { Change, loadColumn, Refusal, resolveDocument, runEdit, urlOf } from '../edit.ts';

export function registerMove(program: Command): void {
  program
    .command('move')
    .description('移动文件及其附件到另一个文件夹（网址不变）')
    .argument('<doc>', '要移动的文件：路径、索引号或网址标识')
    .argument('<dest>', '目标文件夹（documents/ 下），或新的 .md 文件路径')
    .action((ref: string, dest: string, _options: unknown, command: Command) => {
      const ctx = contextOf(command);
      process.exitCode = runEdit(ctx, 'move', () => move(ctx, ref, dest));
    });
}

const rel = (ctx: CliContext, abs: string) => path.relative(ctx.contentDir, abs).split(path.sep).join('/');

function move(ctx: CliContext, ref: string, dest: string) {
  const { column, diagnostics } = loadColumn(ctx);
  const doc = resolveDocument(ctx, column, ref);
  // from the working directory, else from the content directory ('documents/2024/')
  const fromCwd = path.resolve(dest);
  const destAbs = rel(ctx, fromCwd).startsWith('documents/') ? fromCwd : path.resolve(ctx.contentDir, dest);
  const target = rel(
    ctx,
    destAbs.toLowerCase().endsWith('.md') ? destAbs : path.join(destAbs, path.basename(doc.file)),
  );
  if (!target.startsWith('documents/') || target.includes('../'))
    throw new Refusal(`目标 ${dest} 不在 ${ctx.contentPrefix}documents/ 中。`);
  if (target === doc.file) throw new Refusal(`${ctx.contentPrefix}${doc.file} 已在该位置。`);
  const newDir = path.posix.dirname(target);
  // the files the document names, each kept at its place relative to the Markdown file
  const named = [...doc.attachments, ...doc.bodyFiles].filter((f) => f.state === 'ok').map((f) => f.rel);
  const own = [...new Set([...named, ...doc.reportFiles])].filter((f) => f.startsWith(`${doc.dir}/`));
  const moves = [
    { from: doc.file, to: target },
    ...own.map((f) => ({ from: f, to: path.posix.join(newDir, path.posix.relative(doc.dir, f)) })),
  ].filter((m) => m.from !== m.to);
  const usedBy = (d: typeof doc, f: string) =>
    d.reportFiles.includes(f) || [...d.attachments, ...d.bodyFiles].some((x) => x.rel === f);
  const shared = own.filter((f) => column.documents.some((d) => d !== doc && usedBy(d, f)));
  if (shared.length)
    throw new Refusal(
      `这些文件也被其他文件使用，移动后它们会失效：${shared.join('、')}。请先给其他文件各自复制一份，或分别处理。`,
    );
  const taken = moves.filter((m) => existsSync(path.join(ctx.contentDir, m.to)));
  if (taken.length) throw new Refusal(`目标位置已有文件：${taken.map((m) => m.to).join('、')}。`);
  const url = urlOf(doc);

  // findings the files had before are theirs at the new place too: not added by the move
  const renamed = new Map(moves.map((m) => [m.from, m.to]));
  const change = new Change(
    ctx,
    diagnostics.map((d) => ({ ...d, file: renamed.get(d.file) ?? d.file })),
  );
  const git = gitOf(ctx.contentDir);
  const how: string[] = [];
  for (const m of moves) {
    const from = path.join(ctx.contentDir, m.from);
    const to = path.join(ctx.contentDir, m.to);
    mkdirSync(path.dirname(to), { recursive: true });
    // undone in reverse order, into folders the move may have removed
    const back = () => mkdirSync(path.dirname(from), { recursive: true });
    if (git?.tracked(from)) {
      git.mv(from, to);
      change.moved(() => (back(), git.mv(to, from)));
      how.push('git mv');
    } else {
      renameSync(from, to);
      change.moved(() => (back(), renameSync(to, from)));
      how.push('重命名');
    }
  }
  for (const m of moves) removeEmptyFolders(ctx, path.posix.dirname(m.from));
  const findings = change.commit([target, ...moves.map((m) => m.to)]);
  const after = loadColumn(ctx).column.documents.find((d) => d.file === target);
  if (!after || urlOf(after) !== url) {
    change.undo();
    throw new Refusal(`移动后网址会从 ${url} 变为 ${after ? urlOf(after) : '（无法读取）'}，已撤销。`);
  }
  return {
    lines: [
      `已移动 ${moves.length} 个文件：`,
      ...moves.map((m, i) => `  ${ctx.contentPrefix}${m.from} → ${ctx.contentPrefix}${m.to}（${how[i]}）`),
      `网址不变：${url}（网址来自${doc.data.slug ? '网址标识 slug' : '索引号'}，与文件位置无关）；元数据和正文中的相对路径仍然有效。`,
    ],
    changed: [target],
    data: { file: target, from: doc.file, url, moved: moves.map((m, i) => ({ ...m, how: how[i] })) },
    findings,
  };
}

/** git for files of the content directory, when it is a git work tree with git installed. */
function gitOf(dir: string): { tracked(file: string): boolean; mv(from: string, to: string): void } | undefined {
  const run = (args: string[]) => execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    run(['rev-parse', '--is-inside-work-tree']);
  } catch {
    return undefined;
  }
  return {
    tracked(file) {
      try {
        run(['ls-files', '--error-unmatch', '--', file]);
        return true;
      } catch {
        return false;
      }
    },
    mv: (from, to) => void run(['mv', '--', from, to]),
  };
}

/** Removes folders the move left empty, up to documents/. */
function removeEmptyFolders(ctx: CliContext, dir: string): void {
  for (let d = dir; d.startsWith('documents/'); d = path.posix.dirname(d)) {
    const abs = path.join(ctx.contentDir, d);
    if (!existsSync(abs) || readdirSync(abs).length) return;
    rmdirSync(abs);
  }
}
