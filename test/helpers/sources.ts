// Reads a content directory independently of src/lib, so the build tests compute what the
// site must contain from the sources themselves (docs/design.md is the contract).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface SourceAttachment {
  file: string; // as written in the frontmatter, relative to the Markdown file
  title?: string;
  /** Path relative to the content directory. */
  source: string;
  fileName: string;
}

export interface SourceDoc {
  /** Relative to the content dir, forward slashes: 'documents/2021/a.md'. */
  file: string;
  abs: string;
  data: Record<string, unknown>;
  title: string;
  indexNo: string;
  slug: string;
  publisher: string;
  genre: string;
  topic: string;
  written: string;
  published: string;
  validity?: string;
  supersededBy?: string;
  attachments: SourceAttachment[];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile() && e.name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}

/** design.md: lowercase the 索引号, every run outside [0-9a-z] → '-', trim '-'. */
export function slugFromIndexNo(indexNo: string): string {
  return indexNo
    .toLowerCase()
    .replace(/[^0-9a-z]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function dateText(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v === undefined || v === null ? '' : String(v).trim();
}

export function parseFrontmatter(text: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  if (!m) return {};
  const data = parse(m[1]!) as unknown;
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

/** Every content/documents/**\/*.md with its frontmatter and expected slug. */
export function readSources(contentDir: string): SourceDoc[] {
  const docsDir = path.join(contentDir, 'documents');
  return walk(docsDir).map((abs) => {
    const file = path.relative(contentDir, abs).split(path.sep).join('/');
    const data = parseFrontmatter(readFileSync(abs, 'utf8'));
    const indexNo = String(data.index_no ?? '');
    const slug = typeof data.slug === 'string' && data.slug.trim() ? data.slug.trim() : slugFromIndexNo(indexNo);
    const atts = Array.isArray(data.attachments) ? (data.attachments as Record<string, unknown>[]) : [];
    return {
      file,
      abs,
      data,
      title: String(data.title ?? '').trim(),
      indexNo,
      slug,
      publisher: String(data.publisher ?? ''),
      genre: String(data.genre ?? ''),
      topic: String(data.topic ?? ''),
      written: dateText(data.written),
      published: dateText(data.published),
      validity: data.validity === undefined ? undefined : String(data.validity),
      supersededBy: data.superseded_by === undefined ? undefined : String(data.superseded_by),
      attachments: atts.map((a) => {
        const f = String(a.file ?? '');
        const source = path.posix.normalize(path.posix.join(path.posix.dirname(file), f));
        return {
          file: f,
          title: a.title === undefined ? undefined : String(a.title),
          source,
          fileName: path.posix.basename(f),
        };
      }),
    };
  });
}

/** Splits sources into those that get a page and those held back (published after `today`). */
export function partition(docs: SourceDoc[], today: string): { pages: SourceDoc[]; heldBack: SourceDoc[] } {
  const pages: SourceDoc[] = [];
  const heldBack: SourceDoc[] = [];
  for (const d of docs) (d.published > today ? heldBack : pages).push(d);
  return { pages, heldBack };
}

export function readYaml<T = unknown>(contentDir: string, name: string): T {
  return parse(readFileSync(path.join(contentDir, name), 'utf8')) as T;
}

export interface SourceBody {
  id: string;
  name: string;
  code?: string;
}

export function readBodies(contentDir: string): SourceBody[] {
  return (readYaml<SourceBody[]>(contentDir, 'bodies.yaml') ?? []).map((b) => ({
    ...b,
    id: String(b.id),
    name: String(b.name),
  }));
}
