// `gongkai withdraw DOC --reason … [--date YYYY-MM-DD]`: sets `withdrawn: { date, reason }` (撤回). The
// document's URL keeps a notice (title, 索引号, date, reason); its body, attachments and report data
// are no longer published and it leaves the catalogue, lists and search. Prints what disappears, which
// documents still point at it, and that copies survive elsewhere (the repository's history above all).
import type { Command } from 'commander';
import { contextOf, type CliContext } from '../context.ts';
import {
  Change,
  dateOption,
  indexNoOf,
  linkingTo,
  loadColumn,
  Refusal,
  resolveDocument,
  runEdit,
  urlOf,
} from '../edit.ts';

export function registerWithdraw(program: Command): void {
  program
    .command('withdraw')
    .description('撤回文件：网址保留撤回说明，正文和附件不再发布')
    .argument('<doc>', '要撤回的文件：路径、索引号或网址标识')
    .requiredOption('--reason <text>', '撤回原因（显示在页面上；不要写入需要撤下的内容本身）')
    .option('--date <date>', '撤回日期，年-月-日（默认今天）')
    .action((ref: string, options: { reason: string; date?: string }, command: Command) => {
      const ctx = contextOf(command);
      process.exitCode = runEdit(ctx, 'withdraw', () => withdraw(ctx, ref, options));
    });
}

function withdraw(ctx: CliContext, ref: string, options: { reason: string; date?: string }) {
  const reason = options.reason.trim();
  if (!reason) throw new Refusal('--reason 不能为空：页面上需要向读者说明撤回的原因。', 2);
  const date = dateOption(options.date, ctx);
  if (date > ctx.today) throw new Refusal(`撤回日期 ${date} 晚于今天（${ctx.today}）：撤回立即生效，请写撤回当天。`);
  const { column, diagnostics } = loadColumn(ctx);
  const doc = resolveDocument(ctx, column, ref);
  const indexNo = indexNoOf(doc);
  const at = `${ctx.contentPrefix}${doc.file}（${indexNo || '无索引号'}）`;
  if (doc.withdrawn) {
    const w = doc.data.withdrawn;
    throw new Refusal(`${at} 已于 ${w?.date ?? '（未填日期）'} 撤回，原因：${w?.reason ?? '（未填）'}。`);
  }
  const published = typeof doc.data.published === 'string' ? doc.data.published.slice(0, 10) : undefined;
  if (published && date < published) throw new Refusal(`撤回日期 ${date} 早于发布日期 ${published}。`);

  const url = urlOf(doc);
  const attachments = doc.attachments.map((a) => ({ title: a.title ?? a.written, file: a.rel }));
  const bodyChars = doc.body.replace(/\s+/g, '').length;
  const hasReport = doc.data.report !== undefined;
  // who still points at it: a replacement named in superseded_by, a body link to its page
  const supersededBy = column.documents
    .filter((d) => d !== doc && typeof d.data.superseded_by === 'string' && d.data.superseded_by.trim() === indexNo)
    .map((d) => d.file);
  const linkedFrom = linkingTo(column, url, doc).map((d) => d.file);

  const change = new Change(ctx, diagnostics);
  change.editFrontmatter(doc.file, [{ key: 'withdrawn', value: { date, reason } }]);
  const findings = change.commit([doc.file, ...supersededBy, ...linkedFrom]);

  const lines = [
    `已撤回 ${at}：撤回日期 ${date}，原因：${reason}。`,
    ...(doc.heldBack ? ['这份文件尚未到发布日期，撤回后不会生成任何页面。'] : []),
    '',
    `网址 ${url} 保留，只显示标题、索引号、撤回日期和原因（并请搜索引擎不再收录）。下次构建后不再发布：`,
    `  - 正文（约 ${bodyChars} 字）和内容概述；`,
    ...attachments.map((a) => `  - 附件“${a.title}”（${a.file}）；`),
    ...(hasReport ? ['  - 年度报告的表格、PDF 和开放数据（CSV、JSON），以及它在年报总览和趋势中的数据；'] : []),
    '  - 它在目录、栏目列表、首页“最新公开”、年报索引和站内搜索中的条目。',
  ];
  if (supersededBy.length || linkedFrom.length) {
    lines.push('', '以下文件仍指向它（检查会给出警告），请改为现行文件或删除：');
    for (const f of supersededBy) lines.push(`  - ${ctx.contentPrefix}${f}：替代文件索引号 superseded_by`);
    for (const f of linkedFrom) lines.push(`  - ${ctx.contentPrefix}${f}：正文中的链接`);
  }
  lines.push(
    '',
    '请注意，撤回只改变本网站今后发布的内容，副本仍可能留存：',
    '  - 本仓库：正文和附件文件仍在文件夹和 git 历史中。如含个人信息，删除附件文件并提交后，还需请仓库管理员清除历史记录；',
    '  - 已部署的网站：重新构建并部署后才会生效，服务器和 CDN 的缓存需要刷新；',
    '  - 搜索引擎的快照、网页存档和转载网站：请向其申请删除；读者下载的副本无法收回。',
  );
  return {
    lines,
    changed: [doc.file],
    data: {
      file: doc.file,
      indexNo,
      url,
      date,
      reason,
      removed: { bodyChars, attachments, report: hasReport },
      pointedAtBy: { supersededBy, linkedFrom },
    },
    findings,
  };
}
