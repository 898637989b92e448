// `gongkai supersede OLD NEW [--as 废止|失效] [--date YYYY-MM-DD]`: OLD is no longer in force and NEW
// replaces it, in one step: OLD gets validity, repealed and superseded_by (NEW's 索引号); NEW lists OLD
// on its page by itself (the schema links one way: superseded_by; `supersedes` is computed). Refused,
// with nothing changed, when NEW is not in force itself (withdrawn, 废止/失效, or replaced in turn —
// name the current document instead) or the change would add an error; the checks of both files follow.
import type { Command } from 'commander';
import { contextOf, type CliContext } from '../context.ts';
import { Change, dateOption, indexNoOf, loadColumn, Refusal, resolveDocument, runEdit, urlOf } from '../edit.ts';

const AS = ['废止', '失效'] as const;

export function registerSupersede(program: Command): void {
  program
    .command('supersede')
    .description('把旧文件标为废止（或失效）并注明替代它的新文件')
    .argument('<old>', '被替代的文件：路径、索引号或网址标识')
    .argument('<new>', '替代它的现行文件：路径、索引号或网址标识')
    .option('--as <validity>', '废止 或 失效', '废止')
    .option('--date <date>', '废止/失效日期，年-月-日（默认今天）')
    .action((oldRef: string, newRef: string, options: { as: string; date?: string }, command: Command) => {
      const ctx = contextOf(command);
      process.exitCode = runEdit(ctx, 'supersede', () => supersede(ctx, oldRef, newRef, options));
    });
}

function supersede(ctx: CliContext, oldRef: string, newRef: string, options: { as: string; date?: string }) {
  const validity = AS.find((v) => v === options.as.trim());
  if (!validity) throw new Refusal(`--as 只能是 废止 或 失效，收到“${options.as}”。`, 2);
  const date = dateOption(options.date, ctx);
  const { column, diagnostics } = loadColumn(ctx);
  const old = resolveDocument(ctx, column, oldRef);
  const neu = resolveDocument(ctx, column, newRef);
  const oldNo = indexNoOf(old);
  const newNo = indexNoOf(neu);
  const name = (d: typeof old) => `${d.file}（${indexNoOf(d) || '无索引号'}）`;
  if (old === neu) throw new Refusal('旧文件和新文件是同一份文件。');
  if (!newNo) throw new Refusal(`新文件 ${neu.file} 没有索引号，无法被引用。`);
  if (neu.withdrawn) throw new Refusal(`新文件 ${name(neu)}已撤回，不能作为替代文件。`);
  if (typeof neu.data.superseded_by === 'string')
    throw new Refusal(`新文件 ${name(neu)}本身已被“${neu.data.superseded_by}”替代：请把现行的那份文件作为新文件。`);
  if (neu.data.validity === '废止' || neu.data.validity === '失效')
    throw new Refusal(`新文件 ${name(neu)}已${neu.data.validity}，不能作为替代文件。`);
  if (old.withdrawn) throw new Refusal(`旧文件 ${name(old)}已撤回，不再公开，无需标注废止。`);
  const current = typeof old.data.superseded_by === 'string' ? old.data.superseded_by.trim() : undefined;
  if (current && current !== newNo)
    throw new Refusal(
      `旧文件 ${name(old)}已由“${current}”替代；如需改为 ${newNo}，请先核对，再手工修改 superseded_by。`,
    );
  if (current === newNo && old.data.validity === validity && old.data.repealed === date)
    throw new Refusal(`旧文件 ${name(old)}已是${validity}（${date}），由 ${newNo} 替代，无需修改。`);
  if (typeof old.data.written === 'string' && date < old.data.written)
    throw new Refusal(`${validity}日期 ${date} 早于旧文件的成文日期 ${old.data.written}。`);

  const change = new Change(ctx, diagnostics);
  change.editFrontmatter(old.file, [
    { key: 'validity', value: validity },
    { key: 'repealed', value: date, quote: 'plain' },
    { key: 'superseded_by', value: newNo, quote: 'double' },
  ]);
  const findings = change.commit([old.file, neu.file]);
  return {
    lines: [
      `已将 ${ctx.contentPrefix}${old.file}（${oldNo}）标为${validity}，${validity}日期 ${date}，替代文件 ${ctx.contentPrefix}${neu.file}（${newNo}）。`,
      `  旧文件页面 ${urlOf(old)} 显示“本文件已${validity}”并链接新文件；新文件页面 ${urlOf(neu)} 列出它替代的文件。`,
    ],
    changed: [old.file, neu.file],
    data: { old: { file: old.file, indexNo: oldNo }, new: { file: neu.file, indexNo: newNo }, validity, date },
    findings,
  };
}
