// Editing a document's frontmatter from the command line without disturbing what the editor wrote.
// The frontmatter is parsed with the `yaml` package's Document API; an edit replaces, inserts or
// removes one top-level entry, rendered by the same API, at the source offsets of the parsed nodes.
// Everything else keeps its bytes: comments, key order, quoting, flow-collection spacing and
// indentation (yaml's own toString() would normalise `[a, b]` vs `{ a: b }` spacing and sequence
// indentation across the whole block), and the body after the closing `---` is never touched.
// New keys go where the schema lists them (DOCUMENT_FIELDS order); a replaced scalar keeps its
// quoting (`index_no: "…"` stays in double quotes).
import { readFileSync, writeFileSync } from 'node:fs';
import { Document, isMap, isScalar, Pair, Scalar, YAMLMap, parseDocument, type Node } from 'yaml';
import { DOCUMENT_FIELDS } from '../lib/schema/document.ts';

const ORDER = DOCUMENT_FIELDS.filter((f) => !f.path.includes('.')).map((f) => f.path);

/** How a new scalar is written: plain unless it must be quoted, or in double quotes (codes, 索引号). */
export type Quote = 'plain' | 'double';

export interface FrontmatterEdit {
  key: string;
  /** undefined removes the key. */
  value?: unknown;
  /** For a new string value; a replaced string keeps the old value's quoting unless this is given. */
  quote?: Quote;
}

/** A Markdown file split around its frontmatter, parsed, ready for edits. */
export interface FrontmatterFile {
  file: string;
  /** Everything before the YAML (a BOM, the opening fence line). */
  head: string;
  /** The YAML text between the fences (its last line's end included). */
  yaml: string;
  /** The closing fence and the body: written back byte for byte. */
  tail: string;
  eol: '\n' | '\r\n';
  /** The parsed frontmatter: values and node ranges. */
  doc: Document.Parsed;
}

/** Reads a Markdown file's frontmatter; throws (in Chinese) when it has none or it is not a YAML mapping. */
export function readFrontmatter(file: string): FrontmatterFile {
  const text = readFileSync(file, 'utf8');
  const open = /^(\uFEFF?---[ \t]*\r?\n)/.exec(text);
  if (!open) throw new Error(`${file} 开头没有元数据（以 --- 开始和结束的一段）。`);
  const close = /^---[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(open[1]!.length);
  const m = close.exec(rest);
  if (!m) throw new Error(`${file} 的元数据没有结束的 ---。`);
  const yaml = rest.slice(0, m.index);
  const doc = parseDocument(yaml, { keepSourceTokens: true, uniqueKeys: true });
  if (doc.errors.length) throw new Error(`${file} 的元数据有 YAML 语法错误：${doc.errors[0]!.message.split('\n')[0]}`);
  if (!isMap(doc.contents)) throw new Error(`${file} 的元数据不是“字段: 值”的形式。`);
  return {
    file,
    head: open[1]!,
    yaml,
    tail: rest.slice(m.index),
    eol: open[1]!.endsWith('\r\n') ? '\r\n' : '\n',
    doc,
  };
}

/** The value of a top-level key as plain data (undefined when absent). */
export function frontmatterValue(fm: FrontmatterFile, key: string): unknown {
  const v = fm.doc.get(key, true) as Node | undefined;
  return v === undefined ? undefined : (v.toJSON() as unknown);
}

/** One top-level entry as YAML text (no final line break), through the Document API. */
function renderPair(key: string, value: unknown, quote: Scalar.Type | undefined): string {
  const doc = new Document(new YAMLMap());
  const node = doc.createNode(value) as Node;
  if (isScalar(node) && typeof value === 'string' && quote) node.type = quote;
  (doc.contents as YAMLMap).items.push(new Pair(doc.createNode(key), node));
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
}

const QUOTES: Record<Quote, Scalar.Type> = { plain: Scalar.PLAIN, double: Scalar.QUOTE_DOUBLE };

/** Applies edits to the YAML text; returns the new text. Untouched bytes stay as they were. */
export function editYaml(fm: FrontmatterFile, edits: FrontmatterEdit[]): string {
  let yaml = fm.yaml;
  // edits are applied one at a time, re-parsing between them, so each uses the current offsets
  for (const edit of edits) {
    const doc = parseDocument(yaml, { keepSourceTokens: true });
    const map = doc.contents as YAMLMap<Scalar, Node | null>;
    const pairs = map.items;
    const at = pairs.findIndex((p) => isScalar(p.key) && p.key.value === edit.key);
    const lineEnd = (offset: number) => {
      const nl = yaml.indexOf('\n', offset);
      return nl < 0 ? yaml.length : nl + 1;
    };
    // where an entry's text ends: its value's end (before a trailing comment), else its key's
    const valueEnd = (p: Pair<Scalar, Node | null>) => p.value?.range?.[1] ?? p.key.range![1];
    if (at >= 0) {
      const pair = pairs[at]!;
      const start = pair.key.range![0];
      let end = valueEnd(pair);
      // a block collection's range ends after its last line break: keep that break
      if (yaml[end - 1] === '\n') end -= yaml[end - 2] === '\r' ? 2 : 1;
      if (edit.value === undefined) {
        yaml = yaml.slice(0, start) + yaml.slice(lineEnd(end));
        continue;
      }
      const old = pair.value;
      const quote = edit.quote ? QUOTES[edit.quote] : isScalar(old) ? old.type : undefined;
      yaml = yaml.slice(0, start) + withEol(renderPair(edit.key, edit.value, quote), fm.eol) + yaml.slice(end);
      continue;
    }
    if (edit.value === undefined) continue;
    // a new key: after the last present key that the schema lists before it
    const rank = ORDER.indexOf(edit.key);
    let after = -1;
    pairs.forEach((p, i) => {
      const r = ORDER.indexOf(String(p.key?.value));
      if (rank < 0 || (r >= 0 && r < rank)) after = i;
    });
    const text = withEol(renderPair(edit.key, edit.value, edit.quote && QUOTES[edit.quote]), fm.eol) + fm.eol;
    let insertAt = after >= 0 ? lineEnd(valueEnd(pairs[after]!) - 1) : 0;
    if (insertAt > 0 && yaml[insertAt - 1] !== '\n') {
      // the last line had no line break
      yaml += fm.eol;
      insertAt = yaml.length;
    }
    yaml = yaml.slice(0, insertAt) + text + yaml.slice(insertAt);
  }
  return yaml;
}

const withEol = (s: string, eol: string) => (eol === '\n' ? s : s.replace(/\n/g, eol));

/** Applies edits and writes the file: its head, the edited YAML, and its tail (the body) as they were. */
export function writeFrontmatter(fm: FrontmatterFile, edits: FrontmatterEdit[]): void {
  writeFileSync(fm.file, fm.head + editYaml(fm, edits) + fm.tail);
}
