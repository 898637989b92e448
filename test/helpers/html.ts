// Reading built HTML in tests: a real HTML parser (parse5, already installed with rehype-raw)
// and a few DOM-like helpers, so assertions do not depend on attribute order or whitespace.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent?: El;
}
export type Node = El | { text: string };

type P5Node = DefaultTreeAdapterMap['childNode'];

function convert(n: P5Node, parent?: El): Node | undefined {
  if (n.nodeName === '#text' && 'value' in n) return { text: n.value };
  if (!('tagName' in n)) return undefined;
  const el: El = { tag: n.tagName, attrs: {}, children: [], parent };
  for (const a of n.attrs) el.attrs[a.name] = a.value;
  const kids = 'content' in n ? n.content.childNodes : n.childNodes;
  for (const c of kids) {
    const k = convert(c, el);
    if (k) el.children.push(k);
  }
  return el;
}

export function parseHtml(html: string): El {
  const doc = parse(html);
  const root: El = { tag: '#document', attrs: {}, children: [] };
  for (const c of doc.childNodes) {
    const k = convert(c, root);
    if (k) root.children.push(k);
  }
  return root;
}

export function isEl(n: Node): n is El {
  return 'tag' in n;
}

/** Every element under `root` (document order). */
export function* walk(root: El): Generator<El> {
  for (const c of root.children) {
    if (isEl(c)) {
      yield c;
      yield* walk(c);
    }
  }
}

/** Elements matching a tag name ('*' for any) and an optional predicate. */
export function all(root: El, tag: string, pred: (e: El) => boolean = () => true): El[] {
  const out: El[] = [];
  for (const e of walk(root)) if ((tag === '*' || e.tag === tag) && pred(e)) out.push(e);
  return out;
}

export function first(root: El, tag: string, pred?: (e: El) => boolean): El | undefined {
  return all(root, tag, pred)[0];
}

/** Text content, whitespace collapsed. */
export function text(n: Node): string {
  if (!isEl(n)) return n.text;
  return n.children.map(text).join('').replace(/\s+/g, ' ').trim();
}

export function hasClass(e: El, cls: string): boolean {
  return (e.attrs.class ?? '').split(/\s+/).includes(cls);
}

export function ancestors(e: El): El[] {
  const out: El[] = [];
  for (let p = e.parent; p; p = p.parent) out.push(p);
  return out;
}

export function readHtml(file: string): El {
  return parseHtml(readFileSync(file, 'utf8'));
}

/** Every file under `dir` whose name ends with one of `exts` (relative paths, forward slashes). */
export function listFiles(dir: string, exts: string[] = ['.html']): string[] {
  const out: string[] = [];
  const rec = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) rec(p);
      else if (exts.some((x) => e.name.endsWith(x))) out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  rec(dir);
  return out.sort();
}

/** Parses an integer from text like "共 53 条" / "53" / "1,234"; undefined when none. */
export function intIn(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const m = /\d[\d,]*/.exec(s);
  return m ? Number(m[0].replace(/,/g, '')) : undefined;
}
