// Reading a column: every file under the content directory is read once, parsed and validated
// against its schema. What cannot be read (YAML syntax, frontmatter, schema, encoding) is reported
// here; every other rule is a check in src/lib/checks/ that runs over what this module returns.
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ZodType } from 'zod';
import { diag } from './diagnostics.ts';
import { checkPublishableFile, fileExtension, type FileVerdict } from './file-policy.ts';
import { compileIndexPattern, isUsableIndexPattern, type IndexPattern } from './index-no.ts';
import { scanBody, splitFrontmatter, type BodyScan } from './markdown.ts';
import { NameIndex } from './names.ts';
import { camelKeys } from './camel.ts';
import type { FieldInfo } from './schema/common.ts';
import { DOCUMENT_FIELDS, documentSchema, type DocumentFrontmatter } from './schema/document.ts';
import { redirectsSchema } from './schema/redirects.ts';
import {
  PUBLISHER_FIELDS,
  SITE_FIELDS,
  genresSchema,
  publishersSchema,
  sectionsSchema,
  siteSchema,
  topicsSchema,
} from './schema/site.ts';
import { applyGenreOverrides, applySectionOverrides, applyTopicOverrides } from './taxonomy.ts';
import { readReport, type ReportInfo } from './report/read.ts';
import { readTextFile } from './text-file.ts';
import type { Diagnostic, Genre, Publisher, Redirect, Section, SiteSettings, Topic } from './types.ts';
import { readInParallel } from './column-read.ts';
import {
  lineTable,
  linesFromTable,
  tableData,
  type LineTableData,
  numbersWhereStringsBelong,
  parseYamlSource,
  validate,
  type YamlLines,
  type YamlSource,
} from './yaml-source.ts';

/** A file a document refers to (attachment or body link), as found on disk. */
export interface FileRef {
  /** As written by the editor, relative to the Markdown file. */
  written: string;
  /** Relative to the content directory, normalised. */
  rel: string;
  line?: number;
  /** 'outside': not in the document's folder or below; 'symlink': refused; 'missing': no such file. */
  state: 'ok' | 'outside' | 'missing' | 'symlink';
  bytes: number;
}

/** One Markdown file under documents/, read and validated as far as it could be. */
export interface SourceDocument {
  file: string;
  /** Folder of the file, relative to the content directory. */
  dir: string;
  /** The frontmatter's value and lines, when it could be parsed (the parsed document is not kept: lineTable). */
  yaml?: YamlLines;
  /** Fields that passed the schema (all of them when `valid` is set). */
  data: Partial<DocumentFrontmatter>;
  /** The whole frontmatter, when it passed the schema. */
  valid?: DocumentFrontmatter;
  /** Fields the schema (or the number check) rejected: other checks leave them alone. */
  badFields: Set<string>;
  /** Line of a frontmatter field (its key), for messages. */
  line(field: string): number | undefined;
  body: string;
  /** The file line of the body's first line (1-based), for messages about the body. */
  bodyLine: number;
  scan: BodyScan;
  attachments: (FileRef & { title?: string })[];
  /** Local files the body links to (images, downloads), attachments excluded. */
  bodyFiles: FileRef[];
  /** Fields whose invisible characters (zero-width space, BOM …) were removed when reading. */
  cleaned: { field: string; found: string[] }[];
  /** An annual report's data file and CSV tables, as read (frontmatter `report`). */
  report?: ReportInfo;
  /** Files the report names (data file, CSV tables), relative to the content directory: not unused. */
  reportFiles: string[];
}

/** What the site's own files hold; `undefined` where a file could not be read. */
export interface ColumnSources {
  site?: YamlSource;
  bodies?: YamlSource;
  /** redirects.yaml, when there is one and it could be read. */
  redirects?: YamlSource;
}

export interface Column {
  contentDir: string;
  /** Today (Asia/Shanghai) as YYYY-MM-DD. */
  today: string;
  /** Now as 'YYYY-MM-DD HH:MM' (Asia/Shanghai): documents published later are held back. */
  now: string;
  settings?: SiteSettings;
  indexPattern?: IndexPattern;
  publishers: Publisher[];
  /**
   * Whether bodies.yaml was read and valid: when not, its own diagnostics say why, and documents' 发布机构 go
   * unchecked.
   */
  publishersRead: boolean;
  topics: Topic[];
  genres: Genre[];
  sections: Section[];
  /** content/redirects.yaml: old URLs and where they moved (empty without the file or when it is not valid). */
  redirects: Redirect[];
  names: NameIndex;
  sources: ColumnSources;
  documents: SourceDocument[];
  /** Every .md file under documents/, also those that could not be read (their diagnostics say why). */
  markdownFiles: string[];
  /** Files under documents/ that are not Markdown documents (attachments, images, strays). */
  otherFiles: string[];
  /** Symbolic links under documents/ (never followed). */
  symlinks: string[];
  /** The 党政机关网站标识 image site.yaml names (`footer.conac.image`), as found on disk; unset when none is named. */
  siteMark?: SiteFile;
  /** What reading found: files that could not be read, YAML and schema errors. */
  diagnostics: Diagnostic[];
}

/** Image types a file site.yaml names may have (the 党政机关网站标识). */
export const SITE_IMAGE_TYPES = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg'] as const;

/**
 * A file site.yaml names, relative to the content directory: where it is, and whether it may be published
 * ('outside': not inside the content directory; 'type': not one of SITE_IMAGE_TYPES; 'unsafe': an SVG
 * that runs script or loads from elsewhere, `verdict` says what).
 */
export interface SiteFile {
  written: string;
  /** Relative to the content directory, normalised, '/' separators. */
  rel: string;
  state: 'ok' | 'outside' | 'missing' | 'symlink' | 'type' | 'unsafe';
  verdict?: Exclude<FileVerdict, { ok: true }>;
}

export interface ReadOptions {
  today: string;
  now: string;
  /**
   * Read only these documents (paths relative to the content dir) and those they name or that name them
   * (`gongkai show`: one page in seconds at 70,000 documents); every other file is left unread.
   */
  only?: string[];
  /** With `only`: also the documents related to them (default); false when `only` already lists them (relatedDocuments). */
  relatives?: boolean;
}

/**
 * The column's own files beside documents/: their findings concern every document (the command line
 * always lists them, also when it checks a few files).
 */
export const SITE_FILES: ReadonlySet<string> = new Set([
  'site.yaml',
  'bodies.yaml',
  'topics.yaml',
  'genres.yaml',
  'sections.yaml',
  'redirects.yaml',
  'published.txt',
]);

/** Reads and validates every file of a content directory. Never throws for content problems. */
export function readColumn(contentDir: string, options: ReadOptions): Column {
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic | Diagnostic[]) => (Array.isArray(d) ? diagnostics.push(...d) : diagnostics.push(d));
  const readYaml = (name: string, required: boolean) => readYamlFile(contentDir, name, required, report);

  const sources: ColumnSources = {
    site: readYaml('site.yaml', true),
    bodies: readYaml('bodies.yaml', true),
    redirects: readYaml('redirects.yaml', false),
  };
  const settings = sources.site && readSettings(sources.site, report);
  const read = sources.bodies && readPublishers(sources.bodies, report);
  const publishers = read ?? [];
  const topics = applyTopicOverrides(
    readList(readYaml('topics.yaml', false), 'topics.yaml', topicsSchema, report),
    report,
  );
  const genres = applyGenreOverrides(readList(readYaml('genres.yaml', false), 'genres.yaml', genresSchema, report));
  const sections = applySectionOverrides(
    readList(readYaml('sections.yaml', false), 'sections.yaml', sectionsSchema, report),
  );
  const redirects = readRedirects(sources.redirects, report);
  const siteMark = settings?.footer.conac && siteFile(contentDir, settings.footer.conac.image);
  // an unusable pattern is reported once, by the site-settings check: documents are not checked against it
  const indexPattern: IndexPattern | undefined =
    settings && isUsableIndexPattern(settings.indexNo.pattern)
      ? compileIndexPattern(settings.indexNo.pattern)
      : undefined;

  const docsDir = path.join(contentDir, 'documents');
  const otherFiles: string[] = [];
  const symlinks: string[] = [];
  const all = existsSync(docsDir) ? listMarkdown(docsDir, 'documents', otherFiles, symlinks) : [];
  const files = !options.only
    ? all
    : options.relatives === false
      ? all.filter((f) => options.only!.includes(f))
      : withRelated(contentDir, all, options.only);
  const documents: SourceDocument[] = [];
  for (const chunk of readInParallel(contentDir, files, readChunk)) {
    report(chunk.diagnostics);
    for (const doc of chunk.documents) documents.push(fromPortable(doc));
  }
  return {
    contentDir,
    today: options.today,
    now: options.now,
    settings,
    indexPattern,
    publishers,
    publishersRead: !!read,
    topics,
    genres,
    sections,
    redirects,
    names: new NameIndex(publishers, topics, genres, sections),
    sources,
    documents,
    markdownFiles: files,
    otherFiles,
    symlinks,
    ...(siteMark && { siteMark }),
    diagnostics,
  };
}

type Report = (d: Diagnostic | Diagnostic[]) => void;

/** A document as it crosses a thread: data only; the receiver rebuilds `line` and `yaml` (fromPortable). */
export type PortableDocument = Omit<SourceDocument, 'line' | 'yaml'> & { lines?: LineTableData };

/** Reads some documents (column-read.ts runs this on several threads): what was read and what reading found. */
export function readChunk(
  contentDir: string,
  files: string[],
): { documents: PortableDocument[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (d) => (Array.isArray(d) ? diagnostics.push(...d) : diagnostics.push(d));
  const documents: PortableDocument[] = [];
  for (const file of files) {
    const doc = readDocument(contentDir, file, report);
    if (!doc) continue;
    const { line: _line, yaml, ...rest } = doc;
    documents.push({ ...rest, lines: yaml && tableData(yaml) });
  }
  return { documents, diagnostics };
}

function fromPortable(doc: PortableDocument): SourceDocument {
  const { lines: data, ...rest } = doc;
  if (!data) return { ...rest, line: noLine };
  const lines = linesFromTable(data);
  return { ...rest, yaml: lines, line: fieldLine(lines) };
}

function readDocument(contentDir: string, file: string, report: Report): SourceDocument | undefined {
  const read = readTextFile(contentDir, file);
  if (!read.ok) {
    report(read.diagnostic);
    return undefined;
  }
  const split = splitFrontmatter(read.text);
  if (split.unclosed) {
    report(
      diag('error', 'frontmatter-unclosed', file, '元数据没有结束：第 1 行的 --- 之后找不到结束的 ---。', {
        line: 1,
        fix: '在最后一个字段之后单独写一行 ---，再写正文。',
      }),
    );
    return undefined;
  }
  if (!split.hasFrontmatter) {
    report(
      diag('error', 'no-frontmatter', file, '文件开头没有元数据（以 --- 开始和结束的一段）。', {
        line: 1,
        fix: '在文件第一行写 ---，随后写标题、索引号等字段，再写一行 --- 结束。',
      }),
    );
    return undefined;
  }
  const dir = path.posix.dirname(file);
  const scan = scanBody(split.body, file, split.bodyLine);
  const yaml = parseYamlSource(split.matter, file);
  report(yaml.diagnostics);
  const base = {
    file,
    dir,
    body: split.body,
    bodyLine: split.bodyLine,
    scan,
    attachments: [],
    bodyFiles: [],
    reportFiles: [],
    badFields: new Set<string>(),
  };
  if (yaml.diagnostics.length) return { ...base, data: {}, line: noLine, cleaned: [] };
  const cleaned = removeInvisible(yaml.value);

  const numberDiags = numbersWhereStringsBelong(yaml, textFields(DOCUMENT_FIELDS), file);
  report(numberDiags);
  const { data: valid, diagnostics: schemaDiags } = validate(documentSchema, yaml, file);
  // a number-instead-of-text problem is already reported with better advice
  report(schemaDiags.filter((d) => !numberDiags.some((n) => n.field === d.field)));
  const badFields = new Set([...schemaDiags, ...numberDiags].map((d) => d.field?.split('.')[0] ?? ''));
  const raw = (yaml.value && typeof yaml.value === 'object' ? yaml.value : {}) as Record<string, unknown>;
  // Fields that passed the schema are still checked when others failed, so one run lists every problem.
  const data =
    valid ??
    (Object.fromEntries(Object.entries(raw).filter(([k]) => !badFields.has(k))) as Partial<DocumentFrontmatter>);
  const attachments = Array.isArray(data.attachments)
    ? data.attachments.flatMap((item, i) => {
        const a = item as { file?: unknown; title?: unknown };
        if (typeof a?.file !== 'string' || !a.file.trim()) return []; // reported by the schema
        const ref = fileRef(contentDir, dir, a.file, yaml.lineOf(['attachments', i, 'file']));
        return [{ ...ref, title: typeof a.title === 'string' ? a.title : undefined }];
      })
    : [];
  const attached = new Set(attachments.map((a) => a.rel));
  const bodyFiles = scan.localLinks
    .map((l) => fileRef(contentDir, dir, l.target, l.line))
    .filter((r, i, all) => !attached.has(r.rel) && all.findIndex((o) => o.rel === r.rel) === i);
  const isFile = (rel: string) => fileRef(contentDir, dir, path.posix.relative(dir, rel), undefined).state === 'ok';
  const annual = data.report
    ? readReport(contentDir, file, dir, data.report, (p) => yaml.lineOf(p), isFile)
    : undefined;
  // a withdrawn report is not published: its tables are neither read into the site nor checked
  const withdrawn = data.withdrawn !== undefined;
  if (annual && !withdrawn) report(annual.diagnostics);
  const lines = lineTable(yaml);
  return {
    ...base,
    yaml: lines,
    data,
    valid,
    badFields,
    line: fieldLine(lines),
    attachments,
    bodyFiles,
    cleaned,
    report: withdrawn ? undefined : annual?.info,
    reportFiles: annual?.files ?? [],
  };
}

// Built outside readDocument: a closure made inside it would keep its whole scope, the parsed
// frontmatter (`yaml`) included, for as long as the document is held (see lineTable).
const noLine = (): number | undefined => undefined;
const fieldLine = (lines: YamlLines) => (field: string) => lines.lineOf([field]);

/** Characters word processors paste that nobody sees: they break exact look-ups and duplicate checks. */
const INVISIBLE: [string, string, string][] = [
  ['\u200B', '零宽空格 U+200B', ''],
  ['\u200C', '零宽非连接符 U+200C', ''],
  ['\u200D', '零宽连接符 U+200D', ''],
  ['\u2060', '零宽不换行符 U+2060', ''],
  ['\uFEFF', '字节顺序标记 U+FEFF', ''],
  ['\u00AD', '软连字符 U+00AD', ''],
  ['\u00A0', '不换行空格 U+00A0', ' '],
];
const CLEANED_FIELDS = ['title', 'index_no', 'doc_no', 'superseded_by', 'interprets'];

/** Removes invisible characters from the text fields that identify a document, in place. */
function removeInvisible(value: unknown): { field: string; found: string[] }[] {
  if (!value || typeof value !== 'object') return [];
  const fields = value as Record<string, unknown>;
  const out: { field: string; found: string[] }[] = [];
  for (const field of CLEANED_FIELDS) {
    const original = fields[field];
    if (typeof original !== 'string') continue;
    let v = original;
    const found: string[] = [];
    for (const [char, name, replacement] of INVISIBLE) {
      if (!v.includes(char)) continue;
      found.push(name);
      // a no-break space inside a title is a space; in a code it is removed
      v = v.split(char).join(field === 'title' ? replacement : '');
    }
    if (found.length) {
      fields[field] = v.trim();
      out.push({ field, found });
    }
  }
  return out;
}

/** `only` and the documents related to them (withRelated), as paths relative to the content dir. */
export function relatedDocuments(contentDir: string, only: string[]): string[] {
  const docsDir = path.join(contentDir, 'documents');
  return existsSync(docsDir) ? withRelated(contentDir, listMarkdown(docsDir, 'documents', [], []), only) : [];
}

/**
 * `only` and the documents related to them: those whose text holds one of their 索引号 or a 索引号 they
 * name (replacement, interpretation), and those they link to. A text search, no parsing: a superset
 * at worst, read and checked like any document.
 */
function withRelated(contentDir: string, files: string[], only: string[]): string[] {
  const wanted = new Set(only.filter((f) => files.includes(f)));
  const needles = new Set<string>();
  for (const file of wanted) {
    const text = readTextFile(contentDir, file);
    if (!text.ok) continue;
    for (const m of text.text.matchAll(/^(?:index_no|superseded_by|interprets):\s*["']?([^"'\n#]+?)["']?\s*$/gm))
      needles.add(m[1]!.trim());
    // interprets as a list, [a, b] or one "- a" a line (a policy elsewhere, title: and url:, names no file)
    for (const m of text.text.matchAll(/^interprets:[ \t]*(?:\[([^\]\n]*)\]|\r?\n((?:[ \t]+[^\n]*\n?)+))/gm)) {
      const items =
        m[1] !== undefined
          ? m[1].split(',')
          : m[2]!.split('\n').flatMap((l) => (/^\s*-\s/.test(l) ? [l.replace(/^\s*-\s*/, '')] : []));
      for (const item of items) {
        const v = item
          .trim()
          .replace(/^["']|["']$/g, '')
          .trim();
        if (v && !v.includes(':')) needles.add(v);
      }
    }
    for (const m of text.text.matchAll(/\]\(([^)\s]+\.md)(?:#[^)]*)?\)/g))
      wanted.add(path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(m[1]!))));
  }
  // bytes, not decoded text: a 索引号 is ASCII, so its bytes are the same in UTF-8 and GB18030 files
  const patterns = [...needles].map((n) => Buffer.from(n));
  const related = new Set(
    patterns.length
      ? files.filter((f) => {
          if (wanted.has(f)) return false;
          try {
            const bytes = readFileSync(path.join(contentDir, f));
            return patterns.some((p) => bytes.includes(p));
          } catch {
            return false;
          }
        })
      : [],
  );
  return files.filter((f) => wanted.has(f) || related.has(f));
}

/** Where a file named in a document is, and whether it may be published. */
function fileRef(contentDir: string, dir: string, written: string, line: number | undefined): FileRef {
  const rel = path.posix.normalize(path.posix.join(dir, written));
  const ref: FileRef = { written, rel, line, state: 'ok', bytes: 0 };
  if (!rel.startsWith(dir + '/')) return { ...ref, state: 'outside' };
  try {
    const st = lstatSync(path.join(contentDir, rel));
    if (st.isSymbolicLink()) return { ...ref, state: 'symlink' };
    if (!st.isFile()) return { ...ref, state: 'missing' };
    return { ...ref, bytes: st.size };
  } catch {
    return { ...ref, state: 'missing' };
  }
}

/** Where a file site.yaml names is (`written`: relative to the content directory), and whether it may be published. */
export function siteFile(contentDir: string, written: string): SiteFile {
  const rel = path.posix.normalize(written.trim().replace(/\\/g, '/'));
  const ref: SiteFile = { written, rel, state: 'ok' };
  if (path.posix.isAbsolute(rel) || /^[a-z]:/i.test(rel) || rel === '..' || rel.startsWith('../') || rel === '.')
    return { ...ref, state: 'outside' };
  const file = path.join(contentDir, rel);
  try {
    const st = lstatSync(file);
    if (st.isSymbolicLink()) return { ...ref, state: 'symlink' };
    if (!st.isFile()) return { ...ref, state: 'missing' };
  } catch {
    return { ...ref, state: 'missing' };
  }
  if (!(SITE_IMAGE_TYPES as readonly string[]).includes(fileExtension(rel))) return { ...ref, state: 'type' };
  const verdict = checkPublishableFile(rel, () => readFileSync(file));
  return verdict.ok ? ref : { ...ref, state: 'unsafe', verdict };
}

/** Markdown files under `dir` (sorted, paths relative to the content dir); every other file goes to `others`. */
function listMarkdown(dir: string, prefix: string, others: string[], links: string[]): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const rel = `${prefix}/${e.name}`;
    // a linked document or folder is refused here; a linked attachment where it is listed
    if (e.isSymbolicLink() && !e.name.toLowerCase().endsWith('.md') && !isDirLink(path.join(dir, e.name)))
      others.push(rel);
    else if (e.isSymbolicLink()) links.push(rel);
    else if (e.isDirectory()) out.push(...listMarkdown(path.join(dir, e.name), rel, others, links));
    else if (e.isFile() && e.name.toLowerCase().endsWith('.md')) out.push(rel);
    else if (e.isFile()) others.push(rel);
  }
  return out;
}

function isDirLink(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readYamlFile(contentDir: string, name: string, required: boolean, report: Report): YamlSource | undefined {
  if (!existsSync(path.join(contentDir, name))) {
    if (required) {
      report(
        diag('error', 'missing-file', name, `缺少必需的文件 ${name}。`, {
          fix: `在内容目录中创建 ${name}（格式见 README）。`,
        }),
      );
    }
    return undefined;
  }
  const read = readTextFile(contentDir, name);
  if (!read.ok) {
    report(read.diagnostic);
    return undefined;
  }
  const src = parseYamlSource(read.text, name);
  report(src.diagnostics);
  return src.diagnostics.length ? undefined : src;
}

/** Text fields of a schema, as [prefix path, key] pairs for the number-not-string check. */
const textFields = (fields: FieldInfo[]) => fields.filter((f) => f.text).map((f) => f.path);

function readSettings(src: YamlSource, report: Report): SiteSettings | undefined {
  const numberDiags = numbersWhereStringsBelong(src, textFields(SITE_FIELDS), 'site.yaml');
  report(numberDiags);
  const { data, diagnostics } = validate(siteSchema, src, 'site.yaml');
  report(diagnostics.filter((d) => !numberDiags.some((n) => n.field === d.field)));
  if (!data) return undefined;
  const host = data.site_url.replace(/^https?:\/\//, '');
  return { ...camelKeys(data), domain: host };
}

function readPublishers(src: YamlSource, report: Report): Publisher[] | undefined {
  const seq = Array.isArray(src.value) ? src.value : [];
  seq.forEach((_, i) => report(numbersWhereStringsBelong(src, textFields(PUBLISHER_FIELDS), 'bodies.yaml', [i])));
  const { data, diagnostics } = validate(publishersSchema, src, 'bodies.yaml');
  report(diagnostics);
  return data?.map((p) => ({ ...camelKeys(p), code: p.code?.toUpperCase() }));
}

/** redirects.yaml: a list (a file with only comments is an empty list). */
function readRedirects(src: YamlSource | undefined, report: Report): Redirect[] {
  if (!src || src.value == null) return [];
  const { data, diagnostics } = validate(redirectsSchema, src, 'redirects.yaml');
  report(diagnostics);
  return data ?? [];
}

function readList<Y>(src: YamlSource | undefined, name: string, schema: ZodType<Y[]>, report: Report) {
  if (!src) return { items: [] as Y[], src };
  const { data, diagnostics } = validate(schema, src, name);
  report(diagnostics);
  return { items: data ?? [], src };
}
