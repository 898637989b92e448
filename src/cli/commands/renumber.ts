// `gongkai renumber DOC NEW_INDEX_NO`: gives a document another 索引号, checked first against the
// site's pattern (code, year, serial: the 索引号 check itself) and every other 索引号 and URL. Without
// an explicit `slug` the URL follows the 索引号: the old URL is recorded in content/redirects.yaml
// (redirects that led to it now lead to the new one, so no chain; one from the new URL is dropped, it
// is a page again), so readers and the published-URL list keep working. Other documents' superseded_by
// naming the old 索引号 are changed to the new one; body links to the old URL are listed.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { isMap, isScalar, isSeq, parseDocument, YAMLSeq, type Document, type Scalar } from 'yaml';
import { indexNoCheck } from '../../lib/checks/index-no.ts';
import { slugFromIndexNo } from '../../lib/index-no.ts';
import { contextOf, type CliContext } from '../context.ts';
import { Change, indexNoOf, linkingTo, loadColumn, Refusal, resolveDocument, runEdit, urlOf } from '../edit.ts';

export function registerRenumber(program: Command): void {
  program
    .command('renumber')
    .description('修改文件的索引号（网址改变时自动记录跳转，并更新其他文件的引用）')
    .argument('<doc>', '要修改的文件：路径、索引号或网址标识')
    .argument('<index_no>', '新的索引号')
    .action((ref: string, indexNo: string, _options: unknown, command: Command) => {
      const ctx = contextOf(command);
      process.exitCode = runEdit(ctx, 'renumber', () => renumber(ctx, ref, indexNo));
    });
}

const REDIRECTS = 'redirects.yaml';
const REDIRECTS_HEAD =
  '# 网址跳转：旧网址 from → 新网址 to（本站路径，不含 base），date 为变更日期。\n' +
  '# npx gongkai renumber 会自动添加；规则见 docs/design.md “Redirects”。\n';

function renumber(ctx: CliContext, ref: string, wanted: string) {
  const newNo = wanted.trim();
  const { column, diagnostics } = loadColumn(ctx);
  const doc = resolveDocument(ctx, column, ref);
  const oldNo = indexNoOf(doc);
  const at = `${ctx.contentPrefix}${doc.file}`;
  if (!newNo) throw new Refusal('新的索引号不能为空。', 2);
  if (newNo === oldNo) throw new Refusal(`${at} 的索引号已是 ${newNo}。`);
  // the site's rules, by the check itself, on the document as it would be
  const problems = indexNoCheck.run({ ...doc, data: { ...doc.data, index_no: newNo } }, column);
  if (problems.length)
    throw new Refusal(
      `新的索引号不符合本网站的规则：\n${problems.map((d) => `  ${d.message}${d.fix ? `\n    修改方法：${d.fix}` : ''}`).join('\n')}`,
    );
  const same = column.documents.find((d) => d !== doc && indexNoOf(d).toUpperCase() === newNo.toUpperCase());
  if (same) throw new Refusal(`索引号 ${newNo} 已由 ${ctx.contentPrefix}${same.file} 使用。`);
  const oldUrl = urlOf(doc);
  const slug = doc.data.slug ?? slugFromIndexNo(newNo);
  if (!slug) throw new Refusal(`无法从索引号“${newNo}”生成网址（没有字母或数字）：先给文件添加 slug。`);
  const newUrl = `/doc/${slug}/`;
  const clash = column.documents.find((d) => d !== doc && urlOf(d) === newUrl);
  if (clash)
    throw new Refusal(
      `新索引号的网址 ${newUrl} 与 ${ctx.contentPrefix}${clash.file} 相同：请改用其他索引号，或给文件添加 slug。`,
    );

  const change = new Change(ctx, diagnostics);
  change.editFrontmatter(doc.file, [{ key: 'index_no', value: newNo, quote: 'double' }]);
  const referring = column.documents.filter(
    (d) => d !== doc && typeof d.data.superseded_by === 'string' && d.data.superseded_by.trim() === oldNo,
  );
  for (const d of referring) change.editFrontmatter(d.file, [{ key: 'superseded_by', value: newNo }]);
  const lines = [`已将 ${at} 的索引号由 ${oldNo} 改为 ${newNo}。`];
  for (const d of referring)
    lines.push(`  ${ctx.contentPrefix}${d.file}：替代文件索引号 superseded_by 已改为 ${newNo}。`);
  let redirected = false;
  if (newUrl === oldUrl) lines.push(`网址不变：${oldUrl}（文件填写了网址标识 slug）。`);
  else if (doc.heldBack) lines.push(`网址由 ${oldUrl} 改为 ${newUrl}；文件尚未发布，无需记录跳转。`);
  else {
    change.write(REDIRECTS, withRedirect(ctx, oldUrl, newUrl));
    redirected = true;
    lines.push(
      `网址由 ${oldUrl} 改为 ${newUrl}：已在 ${ctx.contentPrefix}${REDIRECTS} 中记录跳转，旧网址和其下的附件网址继续可用。`,
    );
  }
  const linking = linkingTo(column, oldUrl, doc).map((d) => d.file);
  if (newUrl !== oldUrl && linking.length) {
    lines.push(`以下文件的正文仍链接旧网址（会跳转，检查会给出警告），请改为 ${newUrl}：`);
    for (const f of linking) lines.push(`  - ${ctx.contentPrefix}${f}`);
  }
  const changed = [doc.file, ...referring.map((d) => d.file), ...(redirected ? [REDIRECTS] : [])];
  const findings = change.commit(changed);
  return {
    lines,
    changed,
    data: {
      file: doc.file,
      from: oldNo,
      to: newNo,
      url: { from: oldUrl, to: newUrl },
      redirect: redirected ? { from: oldUrl, to: newUrl, date: ctx.today } : undefined,
      references: referring.map((d) => d.file),
      linkedFrom: linking,
    },
    findings,
  };
}

/** redirects.yaml with old → new added: redirects to the old URL (or below it) now lead to the new one, one from the new URL is dropped. */
function withRedirect(ctx: CliContext, oldUrl: string, newUrl: string): string {
  const file = path.join(ctx.contentDir, REDIRECTS);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : REDIRECTS_HEAD;
  const parsed = parseDocument(text);
  const doc = parsed as unknown as Document;
  if (parsed.errors.length)
    throw new Refusal(
      `${ctx.contentPrefix}${REDIRECTS} 有 YAML 语法错误，请先改正：${parsed.errors[0]!.message.split('\n')[0]}`,
    );
  if (doc.contents === null) doc.contents = new YAMLSeq();
  const seq = doc.contents;
  if (!isSeq(seq)) throw new Refusal(`${ctx.contentPrefix}${REDIRECTS} 应是一个列表（每项写 from、to）。`);
  for (let i = seq.items.length - 1; i >= 0; i--) {
    const item = seq.items[i];
    if (!isMap(item)) continue;
    const from: unknown = item.get('from');
    const to = item.get('to', true) as Scalar | undefined;
    if (from === newUrl) seq.items.splice(i, 1);
    else if (isScalar(to) && typeof to.value === 'string' && to.value.startsWith(oldUrl))
      to.value = newUrl + to.value.slice(oldUrl.length);
  }
  seq.add(doc.createNode({ from: oldUrl, to: newUrl, date: ctx.today }));
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
