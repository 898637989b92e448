// The editors' command line: one program, a subcommand per task (src/cli/commands/), Chinese output,
// `--json` for tools, and exit codes a CI job or a git hook can act on (EXIT below).
import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check.ts';
import { registerHook } from './commands/hook.ts';
import { registerImportDoc } from './commands/import-doc.ts';
import { registerImportReport } from './commands/import-report.ts';
import { registerMove } from './commands/move.ts';
import { registerNginxConfig } from './commands/nginx-config.ts';
import { registerNew } from './commands/new.ts';
import { registerRenumber } from './commands/renumber.ts';
import { registerShow } from './commands/show.ts';
import { registerSupersede } from './commands/supersede.ts';
import { registerWithdraw } from './commands/withdraw.ts';
import { EXIT, Refusal } from './context.ts';

/** Every subcommand, in the order `gongkai --help` lists them. */
const COMMANDS: ((program: Command) => void)[] = [
  registerNew,
  registerCheck,
  registerShow,
  registerSupersede,
  registerWithdraw,
  registerMove,
  registerRenumber,
  registerImportDoc,
  registerImportReport,
  registerHook,
  registerNginxConfig,
];

/** Commander's help headings, in the editors' language (they are passed through styleTitle). */
const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
};

export function program(): Command {
  const program = new Command('gongkai')
    .description('政府信息公开专栏的编辑工具：新建、检查、废止、撤回、移动文件，导入旧材料')
    .option('--content <dir>', '专栏内容所在的文件夹（默认：环境变量 GONGKAI_CONTENT，否则 content）')
    .option('--json', '以 JSON 输出结果，供其他工具读取')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .showHelpAfterError('（用 --help 查看用法）')
    .configureOutput({ outputError: (text, write) => write(text) })
    .configureHelp({ styleTitle: (title) => HELP_TITLES[title] ?? title })
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

/** Runs the command line and returns its exit status (EXIT). */
export async function main(argv: string[]): Promise<number> {
  process.exitCode = undefined;
  try {
    await program().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    // a refusal is the editor's to act on: the message alone; anything else is the tool's fault
    if (error instanceof Refusal) {
      process.stderr.write(`${message}\n`);
      return error.exitCode;
    }
    process.stderr.write(
      `gongkai 出错（这不是内容的问题，请把以下信息告诉维护人员）：\n${error instanceof Error ? (error.stack ?? message) : message}\n`,
    );
    return EXIT.failure;
  }
}
