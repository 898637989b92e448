// `gongkai import-doc FILE.docx [--out DIR] [--publisher 机构]`: a Word document becomes a document of
// the column (src/lib/import/doc.ts): the Markdown file and its images are written under documents/
// (or --out), the Chinese report lists what was found, what is still to be filled in (“待补充”) and
// what could not be carried over, and then the column's own checks run on the new file, so the editor
// sees everything that is still wrong.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { FIELD_NAMES, hasErrors, type Diagnostic } from '../../lib/diagnostics.ts';
import type { importDoc } from '../../lib/import/doc.ts';
import { fieldLabel, formatNotes, type ImportNote, type KnownBody } from '../../lib/import/text.ts';
import { loadSite, type SiteData } from '../../lib/site.ts';
import { contextOf, EXIT, printJson, type CliContext } from '../context.ts';
import { runCheck } from './check.ts';

export function registerImportDoc(program: Command): void {
  program
    .command('import-doc')
    .description(
      '把 Word 文件（.docx）导入为专栏文件：正文转为 Markdown，从文中识别标题、文号、成文日期、发文机关和体裁',
    )
    .argument('<file>', '.docx 文件')
    .option('--out <dir>', '写入的文件夹（默认：内容文件夹的 documents/<成文年份>/）')
    .option('--publisher <机构>', '发布机构：bodies.yaml 中的 id 或全称（默认按落款、版头或标题识别）')
    .action(async (file: string, options: { out?: string; publisher?: string }, command: Command) => {
      process.exitCode = await runImportDoc(contextOf(command), file, options);
    });
}

/** The column's bodies as the importers match them. */
export const knownBodies = (site: SiteData): KnownBody[] =>
  site.publishers.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases ?? [] }));

/** A path as the editor sees it: relative to the working directory when inside it. */
export function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

/** Whether `file` lies inside the content directory (then the column's checks can run on it). */
export const insideContent = (ctx: CliContext, file: string) => {
  const rel = path.relative(ctx.contentDir, file);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * The column's checks on the written files: in text mode printed as `gongkai check FILES` prints them
 * (runCheck); for --json the diagnostics that concern them. Undefined when they lie outside the column.
 */
export async function checkWritten(
  ctx: CliContext,
  files: string[],
): Promise<{ status: number; diagnostics?: Diagnostic[] } | undefined> {
  if (!files.every((f) => insideContent(ctx, f))) return undefined;
  if (!ctx.json) {
    console.log('');
    return { status: await runCheck(ctx, files) };
  }
  const site = loadSite(ctx.contentDir, { today: ctx.today, now: ctx.now });
  const rel = new Set(files.map((f) => path.relative(ctx.contentDir, f).split(path.sep).join('/')));
  const diagnostics = site.diagnostics.filter((d) => rel.has(d.file));
  return { status: hasErrors(diagnostics) ? EXIT.contentErrors : EXIT.ok, diagnostics };
}

/** Refuses with a Chinese message on stderr (exit 1: the command refused). */
export function refuse(ctx: CliContext, message: string): number {
  if (ctx.json) printJson({ error: message });
  else process.stderr.write(`${message}\n`);
  return EXIT.contentErrors;
}

async function runImportDoc(ctx: CliContext, file: string, options: { out?: string; publisher?: string }) {
  const source = path.resolve(file);
  if (!existsSync(source)) return refuse(ctx, `找不到文件 ${file}。`);
  if (/\.(doc|wps|rtf)$/i.test(source))
    return refuse(ctx, `${file} 不是 .docx 文件：请在 Word 或 WPS 中“另存为”Word 文档（*.docx）后再导入。`);
  if (!/\.docx$/i.test(source)) return refuse(ctx, `${file} 不是 .docx 文件：import-doc 只导入 Word 文档（.docx）。`);

  const site = loadSite(ctx.contentDir, { today: ctx.today, now: ctx.now });
  let result;
  try {
    // loaded when used: mammoth and the Markdown converter would slow every other command's start
    const { importDoc } = await import('../../lib/import/doc.ts');
    result = await importDoc(readFileSync(source), {
      fileName: path.basename(source),
      bodies: knownBodies(site),
      genres: site.genres,
      publisher: options.publisher,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(
      ctx,
      `无法读取 ${file}：${reason}。文件可能已损坏，或不是 Word 文档：请用 Word/WPS 打开后重新另存为 .docx。`,
    );
  }

  const year = result.fields.written?.slice(0, 4) ?? ctx.today.slice(0, 4);
  const dir = options.out ? path.resolve(options.out) : path.join(ctx.contentDir, 'documents', year);
  const id = result.fields.publisherId;
  const stem = id && !result.stem.startsWith(`${id}-`) ? `${id}-${result.stem}` : result.stem;
  // a document with images gets a folder of its own, its images beside it
  const folder = result.images.length ? path.join(dir, stem) : dir;
  const target = path.join(folder, `${stem}.md`);
  if (existsSync(target) || (result.images.length && existsSync(folder)))
    return refuse(
      ctx,
      `${shown(result.images.length ? folder : target)} 已经存在，不会覆盖。先删除或改名，或用 --out 指定另一个文件夹。`,
    );
  mkdirSync(folder, { recursive: true });
  writeFileSync(target, result.markdown, { flag: 'wx' });
  const written = [target];
  for (const image of result.images) {
    const to = path.join(folder, image.name);
    writeFileSync(to, image.bytes, { flag: 'wx' });
    written.push(to);
  }

  if (ctx.json) {
    const check = await checkWritten(ctx, written);
    printJson({
      source: file,
      file: shown(target),
      images: result.images.map((i) => ({ file: shown(path.join(folder, i.name)), alt: i.alt ?? '' })),
      fields: result.fields,
      placeholders: result.placeholders,
      notes: result.notes,
      checked: !!check,
      diagnostics: check?.diagnostics ?? [],
    });
    return check?.status ?? (result.placeholders.length ? EXIT.contentErrors : EXIT.ok);
  }
  for (const line of importSummary(file, target, result)) console.log(line);
  const check = await checkWritten(ctx, written);
  if (!check) {
    console.log(
      `\n${shown(target)} 不在专栏内容文件夹 ${ctx.contentPrefix} 中，未运行检查：移入 documents/ 后运行 npx gongkai check <文件>。`,
    );
    return result.placeholders.length ? EXIT.contentErrors : EXIT.ok;
  }
  return check.status;
}

const FOUND: [keyof Awaited<ReturnType<typeof importDoc>>['fields'], string][] = [
  ['title', 'title'],
  ['doc_no', 'doc_no'],
  ['written', 'written'],
  ['publisher', 'publisher'],
  ['genre', 'genre'],
];

function importSummary(file: string, target: string, result: Awaited<ReturnType<typeof importDoc>>): string[] {
  const parts = [
    result.tables ? `表格 ${result.tables} 个` : '',
    result.images.length ? `图片 ${result.images.length} 张` : '',
  ].filter(Boolean);
  const out = [`已导入 ${file} → ${shown(target)}${parts.length ? `（${parts.join('，')}）` : ''}。`];
  const found = FOUND.filter(([k]) => result.fields[k]);
  if (found.length) {
    out.push('识别到：');
    for (const [k, field] of found) out.push(`  ${fieldLabel(field, FIELD_NAMES)}：${result.fields[k]}`);
  }
  out.push(...formatNotes(result.notes as ImportNote[], FIELD_NAMES));
  return out;
}
