// What the editing commands (supersede, withdraw, move, renumber) share: the column as the checks see
// it, a document named by path, 索引号 or slug, changes made as one unit — written, checked, and put
// back as they were when they would add an error — and the report of what was done.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SITE_FILES } from '../lib/column.ts';
import { linkSitePath } from '../lib/checks/document-links.ts';
import type { CheckedColumn, CheckedDocument } from '../lib/checks/types.ts';
import { formatDiagnostic, formatReport, hasErrors } from '../lib/diagnostics.ts';
import { isRealDate } from '../lib/schema/common.ts';
import { slugFromIndexNo } from '../lib/index-no.ts';
import { checkColumn } from '../lib/site.ts';
import { didYouMean } from '../lib/suggest.ts';
import type { Diagnostic } from '../lib/types.ts';
import { EXIT, printJson, Refusal, type CliContext } from './context.ts';
import { editYaml, readFrontmatter, type FrontmatterEdit } from './frontmatter-edit.ts';

export { Refusal };

/** The column as the checks see it, and what they found. */
export function loadColumn(ctx: CliContext): { column: CheckedColumn; diagnostics: Diagnostic[] } {
  const { checked, diagnostics } = checkColumn(ctx.contentDir, { today: ctx.today, now: ctx.now });
  return { column: checked, diagnostics };
}

/** A document's 索引号 as written, trimmed ('' when it has none). */
export const indexNoOf = (d: CheckedDocument) => (typeof d.data.index_no === 'string' ? d.data.index_no.trim() : '');

/** A document's URL path (its slug: explicit, else from the 索引号). */
export function urlOf(d: CheckedDocument): string {
  const slug = d.meta?.slug ?? d.data.slug ?? slugFromIndexNo(indexNoOf(d));
  return `/doc/${slug}/`;
}

/**
 * The document `ref` names: a Markdown file (from the working directory or the content directory),
 * a 索引号 (letter case ignored) or a slug (also written as /doc/<slug>/).
 */
export function resolveDocument(ctx: CliContext, column: CheckedColumn, ref: string): CheckedDocument {
  const wanted = ref.trim();
  for (const candidate of [path.resolve(wanted), path.resolve(ctx.contentDir, wanted)]) {
    if (!existsSync(candidate) || !statSync(candidate).isFile()) continue;
    const rel = path.relative(ctx.contentDir, candidate).split(path.sep).join('/');
    const doc = column.documents.find((d) => d.file === rel);
    if (doc) return doc;
    if (column.markdownFiles.includes(rel))
      throw new Refusal(
        `${ctx.contentPrefix}${rel} 无法读取（元数据有错误）：先运行 npx gongkai check ${rel} 并改正。`,
      );
    throw new Refusal(`${wanted} 不是专栏的文件（应是 ${ctx.contentPrefix}documents/ 下的 .md 文件）。`);
  }
  const upper = wanted.toUpperCase();
  const slug = wanted.replace(/^\/?doc\//, '').replace(/\/$/, '');
  const byIndexNo = column.documents.filter((d) => indexNoOf(d).toUpperCase() === upper);
  const matches = byIndexNo.length ? byIndexNo : column.documents.filter((d) => urlOf(d) === `/doc/${slug}/`);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1)
    throw new Refusal(
      `“${wanted}”对应多份文件：${matches.map((d) => d.file).join('、')}。请写出文件的路径，并先改正重复的索引号。`,
    );
  const known = column.documents.flatMap((d) => [indexNoOf(d), urlOf(d).slice(5, -1)]).filter(Boolean);
  throw new Refusal(
    `找不到“${wanted}”：它不是 ${ctx.contentPrefix}documents/ 下的文件，也不是任何文件的索引号或网址标识。${didYouMean(wanted, known)}`,
  );
}

/** Documents whose body links to `url` (a page path, base excluded), or to a file below it. */
export function linkingTo(column: CheckedColumn, url: string, except: CheckedDocument): CheckedDocument[] {
  const base = column.settings?.base ?? '/';
  return column.documents.filter(
    (d) => d !== except && d.scan.pageLinks.some((l) => linkSitePath(urlOf(d), l.target, base).startsWith(url)),
  );
}

/** A date option: YYYY-MM-DD, a real date; default today. */
export function dateOption(value: string | undefined, ctx: CliContext, name = '--date'): string {
  if (value === undefined) return ctx.today;
  if (!isRealDate(value)) throw new Refusal(`${name} 应写成 年-月-日，例如 ${ctx.today}；收到“${value}”。`, EXIT.usage);
  return value;
}

/** What an editing command did, for both outputs. */
export interface EditResult {
  /** Human-readable lines (Chinese). */
  lines: string[];
  /** Files the command wrote or moved, relative to the content directory: checked afterwards. */
  changed: string[];
  /** What --json prints besides the checks. */
  data: Record<string, unknown>;
}

const key = (d: Diagnostic) => `${d.level}|${d.code}|${d.file}|${d.field ?? ''}|${d.message}`;

/**
 * Files changed together: each write remembers what was there, so the whole change can be put back.
 * `commit` checks the column afterwards: an error in a changed file that was not there before undoes
 * every change and refuses, listing the errors.
 */
export class Change {
  private readonly originals = new Map<string, string | undefined>();
  private readonly undoMoves: (() => void)[] = [];
  private readonly ctx: CliContext;
  private readonly before: Diagnostic[];
  constructor(ctx: CliContext, before: Diagnostic[]) {
    this.ctx = ctx;
    this.before = before;
  }

  /** Writes a file (relative to the content directory), remembering its old text. */
  write(rel: string, text: string): void {
    const abs = path.join(this.ctx.contentDir, rel);
    if (!this.originals.has(rel)) this.originals.set(rel, existsSync(abs) ? readFileSync(abs, 'utf8') : undefined);
    writeFileSync(abs, text);
  }

  /** Edits a document's frontmatter (src/cli/frontmatter-edit.ts): the rest of the file keeps its bytes. */
  editFrontmatter(rel: string, edits: FrontmatterEdit[]): void {
    const fm = readFrontmatter(path.join(this.ctx.contentDir, rel));
    this.write(rel, fm.head + editYaml(fm, edits) + fm.tail);
  }

  /** Records how to undo a move (done by the caller). */
  moved(undo: () => void): void {
    this.undoMoves.push(undo);
  }

  undo(): void {
    for (const [rel, text] of this.originals) {
      const abs = path.join(this.ctx.contentDir, rel);
      if (text === undefined) rmSync(abs, { force: true });
      else writeFileSync(abs, text);
    }
    for (const undo of this.undoMoves.reverse()) undo();
  }

  /** Checks the changed files; undoes everything and refuses when that added an error. Returns their findings. */
  commit(changed: string[]): Diagnostic[] {
    const { diagnostics } = loadColumn(this.ctx);
    const files = new Set(changed);
    const concern = (d: Diagnostic) => files.has(d.file) || SITE_FILES.has(d.file);
    const had = new Set(this.before.map(key));
    const added = diagnostics.filter((d) => d.level === 'error' && concern(d) && !had.has(key(d)));
    if (added.length) {
      this.undo();
      throw new Refusal(
        `这样修改会产生错误，已撤销全部修改：\n${added.map((d) => formatDiagnostic(d, this.ctx.contentPrefix)).join('\n')}`,
      );
    }
    return diagnostics.filter(concern);
  }
}

/** Runs an editing command: prints what it did and the checks of the changed files, or why it refused. */
export function runEdit(ctx: CliContext, name: string, edit: () => EditResult & { findings: Diagnostic[] }): number {
  try {
    const { lines, changed, data, findings } = edit();
    const status = hasErrors(findings) ? EXIT.contentErrors : EXIT.ok;
    if (ctx.json) {
      printJson({ command: name, ok: true, ...data, changed, diagnostics: findings });
      return status;
    }
    console.log(lines.join('\n'));
    console.log(
      `\n检查修改的文件：${findings.length ? '\n' + formatReport(findings, ctx.contentPrefix) : '没有发现问题。'}`,
    );
    return status;
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    if (ctx.json) printJson({ command: name, ok: false, refused: error.message });
    else process.stderr.write(`gongkai ${name}：未作修改。${error.message}\n`);
    return error.exitCode;
  }
}
