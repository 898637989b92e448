// `gongkai hook install`: the pre-commit hook in a content repository of its own (a column kept apart
// from this project). This project's own hook is installed by `npm install` (simple-git-hooks,
// package.json); both run `gongkai check --staged`, which needs no browser and no build.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { contextOf, EXIT, printJson, UsageError } from '../context.ts';

const MARK = '# installed by gongkai hook install';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function registerHook(program: Command): void {
  const hook = program.command('hook').description('提交前检查（git pre-commit 钩子）');
  hook
    .command('install')
    .description('在内容所在的 git 仓库中安装提交前检查：提交时自动检查暂存的文件')
    .option('--force', '覆盖已有的、不是 gongkai 安装的 pre-commit 钩子')
    .action((options: { force?: boolean }, command: Command) => {
      const ctx = contextOf(command);
      const hookFile = installHook(ctx.contentDir, !!options.force);
      if (ctx.json) printJson({ hook: hookFile });
      else
        console.log(
          `已安装提交前检查：${hookFile}\n以后每次 git commit 都会先检查暂存的文件；有错误时提交会被拒绝，按提示改正后再提交。`,
        );
      process.exitCode = EXIT.ok;
    });
}

/** Writes the hook into the repository holding `contentDir` (core.hooksPath respected); returns its path. */
export function installHook(contentDir: string, force: boolean): string {
  let hooksDir: string;
  try {
    hooksDir = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-path', 'hooks'], {
      cwd: contentDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    throw new UsageError(`${contentDir} 不在 git 仓库中：先用 git init 或 git clone 建立仓库，再安装钩子。`);
  }
  const file = path.join(hooksDir, 'pre-commit');
  if (existsSync(file) && !readFileSync(file, 'utf8').includes(MARK) && !force)
    throw new UsageError(`${file} 已有别的提交前钩子，没有覆盖。确认可以替换后加 --force 再运行。`);
  const node = path.join(ROOT, 'node_modules', '.bin', 'node');
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const script = [
    '#!/bin/sh',
    MARK,
    '# 提交前检查暂存的专栏文件（gongkai check --staged）。跳过一次：git commit --no-verify',
    `exec ${quote(existsSync(node) ? node : 'node')} ${quote(path.join(ROOT, 'bin', 'gongkai.mjs'))} --content ${quote(contentDir)} check --staged`,
    '',
  ].join('\n');
  mkdirSync(hooksDir, { recursive: true });
  writeFileSync(file, script);
  chmodSync(file, 0o755);
  return file;
}
