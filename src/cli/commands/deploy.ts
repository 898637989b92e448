// `gongkai deploy --to DIR` and `gongkai rollback --to DIR` (npm run deploy / npm run rollback): the
// operators' releases (docs/design.md "Deploying", README "Releasing"). DIR is a local path or
// `user@host:DIR` over ssh (--ssh or GONGKAI_DEPLOY_SSH: the ssh command, also rsync's -e).
// The steps are src/lib/deploy/release.ts; this file only reads the options and prints.
import type { Command } from 'commander';
import { resolveBuildOptions } from '../../lib/build-options.ts';
import { DEFAULT_KEEP } from '../../lib/deploy/plan.ts';
import {
  consoleLog,
  DeployError,
  deploy,
  deploySummary,
  listReleases,
  rollback,
  rollbackSummary,
} from '../../lib/deploy/release.ts';
import { openTarget, type Target } from '../../lib/deploy/target.ts';
import { EXIT, printJson, Refusal, UsageError } from '../context.ts';

interface TargetOptions {
  to?: string;
  ssh?: string;
  breakLock?: boolean;
}

function targetOf(options: TargetOptions, command: string): Target {
  if (!options.to)
    throw new UsageError(
      `请用 --to 指定发布目录：本机路径（如 /srv/www/xxgk），或 用户@主机:路径（如 deploy@web1:/srv/www/xxgk，经 ssh）。\n` +
        `例如：npm run ${command} -- --to /srv/www/xxgk`,
    );
  try {
    return openTarget(options.to, options.ssh ?? process.env.GONGKAI_DEPLOY_SSH ?? 'ssh');
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

/** A DeployError as the CLI's refusal: refused → exit 2, failed → exit 3, the message alone. */
async function refusing<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof DeployError) throw new Refusal(e.message, e.kind === 'refused' ? EXIT.usage : EXIT.failure);
    throw e;
  }
}

const targetHelp = '发布目录：本机路径，或 用户@主机:路径（经 ssh 和 rsync）';
const sshHelp = 'ssh 命令及其选项，如 "ssh -p 2222 -i ~/.ssh/deploy"（默认：环境变量 GONGKAI_DEPLOY_SSH，否则 ssh）';

export function registerDeploy(program: Command): void {
  program
    .command('deploy')
    .description('发布：把构建结果（dist）上传为新版本，校验后原子切换 current，保留最近几个版本')
    .option('--to <dir>', targetHelp)
    .option('--dist <dir>', '构建结果所在的文件夹（默认：环境变量 GONGKAI_OUT，否则 dist）')
    .option('--keep <n>', `保留的版本数（默认 ${DEFAULT_KEEP}；当前版本和上一版本总是保留）`)
    .option('--ssh <command>', sshHelp)
    .option('--verbose', '列出新增、修改、删除的每个文件')
    .option('--no-carry', '不保留上一版本的样式、脚本和搜索索引文件（例如撤回文件后需要立即清除旧索引）')
    .option('--full', '完整上传每个文件，不从当前版本硬链接未变文件')
    .option('--break-lock', '解除另一次已中断的部署留下的锁')
    .action(
      async (
        options: TargetOptions & {
          dist?: string;
          keep?: string;
          verbose?: boolean;
          carry?: boolean;
          full?: boolean;
        },
        command: Command,
      ) => {
        const json = !!command.optsWithGlobals<{ json?: boolean }>().json;
        const target = targetOf(options, 'deploy');
        const keep = options.keep === undefined ? DEFAULT_KEEP : Number(options.keep);
        if (!Number.isInteger(keep) || keep < 1)
          throw new UsageError(`--keep 应为正整数（保留的版本数），收到：${options.keep}`);
        const dist = options.dist ?? resolveBuildOptions(process.env).outDir;
        const result = await refusing(() =>
          deploy({
            dist,
            target,
            keep,
            verbose: !!options.verbose,
            noCarry: options.carry === false,
            full: !!options.full,
            breakLock: !!options.breakLock,
            log: consoleLog('gongkai-deploy', json),
          }),
        );
        if (json) printJson(result);
        else console.log(deploySummary(result, target, !!options.verbose));
        process.exitCode = EXIT.ok;
      },
    );

  program
    .command('rollback')
    .description(
      '回滚：把 current 原子切换回上一版本（或 --to-release 指定的版本）；不会重新公开已撤回的文件，除非 --force',
    )
    .option('--to <dir>', targetHelp)
    .option('--to-release <id>', '回滚到的版本（默认：当前版本所替换的版本）')
    .option('--list', '列出目标中的版本，不回滚')
    .option('--force', '即使目标版本仍发布当前版本已撤回的文件，也回滚')
    .option('--ssh <command>', sshHelp)
    .option('--break-lock', '解除另一次已中断的部署留下的锁')
    .action(
      async (options: TargetOptions & { toRelease?: string; list?: boolean; force?: boolean }, command: Command) => {
        const json = !!command.optsWithGlobals<{ json?: boolean }>().json;
        const target = targetOf(options, 'rollback');
        if (options.list) {
          console.log(await refusing(() => listReleases(target)));
          process.exitCode = EXIT.ok;
          return;
        }
        const result = await refusing(() =>
          rollback({
            target,
            toRelease: options.toRelease,
            force: !!options.force,
            breakLock: !!options.breakLock,
            log: consoleLog('gongkai-rollback', json),
          }),
        );
        if (json) printJson(result);
        else console.log(rollbackSummary(result, target));
        process.exitCode = EXIT.ok;
      },
    );
}
