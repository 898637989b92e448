// YAML with line numbers: values come from the `yaml` package (YAML 1.2), and every
// value can be traced back to the line an editor has to change (docs/decisions.md §12).
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { core, ZodError, ZodType } from 'zod';
import { diag } from './diagnostics.ts';
import type { Diagnostic } from './types.ts';

export interface YamlSource {
  value: unknown;
  /** 1-based file line of the value at `path` (or of its key), else of the nearest parent; `undefined` if unknown. */
  lineOf(path: (string | number)[]): number | undefined;
  /** Syntax errors, already as diagnostics. */
  diagnostics: Diagnostic[];
  doc: Document.Parsed;
}

/**
 * Parses YAML text. `text` may begin with a newline so that its lines equal the file's
 * (gray-matter's `matter` string does: line 1 is the opening `---`).
 */
export function parseYamlSource(text: string, file: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  const diagnostics: Diagnostic[] = doc.errors.map((e) => {
    const line = lineAt(e.pos[0]);
    const reason = e.message.split('\n')[0] ?? e.message;
    if (e.code === 'BAD_DQ_ESCAPE') {
      return diag('error', 'yaml-syntax', file, `YAML 语法错误：双引号内的反斜杠“\\”被当作转义符（${reason}）。`, {
        line,
        fix: "主题分类等含“\\”的值请不加引号或改用单引号，例如 topic: 综合政务\\政务公开 或 topic: '综合政务\\政务公开'。",
      });
    }
    if (e.code === 'DUPLICATE_KEY') {
      // the key as written on its line (the parser's own message is English and names no key)
      const key = text
        .slice(text.lastIndexOf('\n', e.pos[0]) + 1)
        .split(/:\s/)[0]!
        .trim();
      return diag('error', 'yaml-duplicate-key', file, `字段“${key}”写了两次。`, {
        line,
        fix: '删除重复的一行，只保留一个值。',
      });
    }
    return diag('error', 'yaml-syntax', file, `YAML 语法错误：${inChinese(e.code, reason) ?? reason}`, {
      line,
      fix: '检查这一行及上一行的冒号、缩进（用空格，不用 Tab）、引号是否成对；列表中的空值请写 0 或删除。',
    });
  });
  const value = doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 100 });
  return {
    value,
    doc,
    diagnostics,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const sub = path.slice(0, n);
        const node = sub.length ? (doc.getIn(sub, true) as Node | undefined) : (doc.contents as Node | null);
        if (node && (node as Node).range) {
          // for a map entry, point at the key's line (where the editor looks)
          const pairLine = keyLine(doc, sub, lineAt);
          return pairLine ?? lineAt((node as Node).range![0]);
        }
        if (n < path.length) {
          const pairLine = keyLine(doc, sub, lineAt);
          if (pairLine) return pairLine;
        }
      }
      return undefined;
    },
  };
}

/** What is asked of a YAML source once it has been read and validated: its value and its lines. */
export type YamlLines = Pick<YamlSource, 'value' | 'lineOf'>;

/**
 * `src` without its parsed document: the value, and `lineOf` answered from a table of every path the
 * document holds (keys compared as text, as editors and zod name them). loadSite keeps every document's
 * frontmatter until the checks have run; the parsed documents (nodes and source tokens, ~16 KB per
 * document) were ~0.5 GB of the build's peak at 30,000 documents, and a table is a few hundred bytes
 * (docs/decisions.md §1, §12).
 */
export function lineTable(src: YamlSource): YamlLines {
  // path → src.lineOf(path), for every node of the document
  const nodes = new Map<string, number | undefined>();
  // path of a map entry written without a value → its key's line (lineOf's answer for paths below it)
  const keys = new Map<string, number | undefined>();
  const visit = (node: unknown, path: (string | number)[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof key !== 'string' && typeof key !== 'number') continue;
        const sub = [...path, key];
        const k = pathKey(sub, sub.length);
        if (nodes.has(k) || keys.has(k)) continue; // lineOf finds the first entry of a key
        if ((pair.value as Node | null)?.range) {
          nodes.set(k, src.lineOf(sub));
          visit(pair.value, sub);
        } else keys.set(k, src.lineOf([...sub, '']));
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (!(item as Node | null)?.range) return;
        const sub = [...path, i];
        nodes.set(pathKey(sub, sub.length), src.lineOf(sub));
        visit(item, sub);
      });
    }
  };
  const root = src.doc.contents as Node | null;
  if (root?.range) {
    nodes.set(pathKey([], 0), src.lineOf([]));
    visit(root, []);
  }
  return tableLines(src.value, nodes, keys);
}

/** A line table as data (no closure), to cross a thread (src/lib/column-read.ts); `linesFromTable` rebuilds it. */
export interface LineTableData {
  value: unknown;
  nodes: Map<string, number | undefined>;
  keys: Map<string, number | undefined>;
}

const TABLE = Symbol('line table');

/** The data behind a table made by `lineTable` (undefined for any other YamlLines). */
export function tableData(lines: YamlLines): LineTableData | undefined {
  return (lines as { [TABLE]?: LineTableData })[TABLE];
}

/** The table again, from its data. */
export function linesFromTable(data: LineTableData): YamlLines {
  return tableLines(data.value, data.nodes, data.keys);
}

// Outside lineTable, whose scope holds `src`: a closure made there would keep the parsed document.
function tableLines(
  value: unknown,
  nodes: Map<string, number | undefined>,
  keys: Map<string, number | undefined>,
): YamlLines {
  const lines: YamlLines & { [TABLE]: LineTableData } = {
    [TABLE]: { value, nodes, keys },
    value,
    lineOf(path) {
      // as src.lineOf: the node at `path`, else the entry's key, else the nearest parent
      for (let n = path.length; n >= 0; n--) {
        const k = pathKey(path, n);
        if (nodes.has(k)) return nodes.get(k);
        if (n < path.length && keys.has(k)) return keys.get(k);
      }
      return undefined;
    },
  };
  return lines;
}

/** The first `n` segments of a path as one string ('' for the root). */
function pathKey(path: (string | number)[], n: number): string {
  let k = '';
  for (let i = 0; i < n; i++) k += '\u0000' + String(path[i]);
  return k;
}

/** What the commonest YAML syntax errors mean, in the editor's words; undefined for the rest. */
function inChinese(code: string, reason: string): string | undefined {
  if (code === 'UNEXPECTED_TOKEN' && /Unexpected , in flow/.test(reason)) {
    return '方括号中有空项：两个逗号之间没有值（空格子请写 0）。';
  }
  if (code === 'BAD_INDENT' && /end with a \]/.test(reason)) return '方括号没有闭合：缺少“]”。';
  if (code === 'MISSING_CHAR' && /quote/.test(reason)) return '引号没有成对：缺少结束的引号。';
  if (code === 'TAB_AS_INDENT') return '缩进用了 Tab 键：YAML 只能用空格缩进。';
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
    return '这一行的缩进或冒号不对：“字段: 值”的冒号后要有一个空格，同一层的字段要对齐。';
  }
  return undefined;
}

function keyLine(doc: Document.Parsed, path: (string | number)[], lineAt: (o: number) => number): number | undefined {
  if (!path.length) return undefined;
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const last = path[path.length - 1];
  if (isMap(parent)) {
    for (const pair of parent.items) {
      const k = isScalar(pair.key) ? pair.key.value : pair.key;
      if (k === last && isScalar(pair.key) && pair.key.range) return lineAt(pair.key.range[0]);
    }
  }
  if (isSeq(parent) && typeof last === 'number') {
    const item = parent.items[last] as Node | undefined;
    if (item?.range) return lineAt(item.range[0]);
  }
  return undefined;
}

/**
 * Plain scalars that YAML read as numbers where a string belongs (codes, 索引号, 文号):
 * `000014349` becomes 14349, `113417030032499282` loses digits. Reported with the text as written.
 */
export function numbersWhereStringsBelong(
  src: YamlSource,
  stringFields: string[],
  file: string,
  prefix: (string | number)[] = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const field of stringFields) {
    // 'footer.icp' is a nested field
    const keys = field.split('.');
    const node = src.doc.getIn([...prefix, ...keys], true);
    if (isScalar(node) && typeof node.value === 'number') {
      const written = (node as { source?: string }).source ?? String(node.value);
      const fieldPath = [...prefix, ...keys].filter((p) => typeof p === 'string').join('.');
      out.push(
        diag('error', 'number-not-string', file, `“${written}”被读成了数字 ${node.value}，前导零或末尾数字会丢失。`, {
          line: src.lineOf([...prefix, ...keys]),
          field: fieldPath,
          fix: `给这个值加上引号：${keys[keys.length - 1]}: "${written}"`,
        }),
      );
    }
  }
  return out;
}

/** Turns zod issues into diagnostics with Chinese messages, each pointing at its line. */
export function zodDiagnostics(
  error: ZodError,
  src: YamlSource,
  file: string,
  prefix: (string | number)[] = [],
): Diagnostic[] {
  return error.issues.map((issue) => {
    // zod paths may hold symbols; YAML keys are strings and indices
    const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    const field = path.filter((p) => typeof p === 'string').join('.') || undefined;
    const line = src.lineOf(path);
    const indices = path.filter((p): p is number => typeof p === 'number');
    const where = indices.length ? `（第 ${indices.map((n) => n + 1).join('、')} 项）` : '';
    const { message, fix } = describeIssue(issue, field);
    return diag('error', 'schema', file, message + where, { line, field, fix });
  });
}

function typeName(v: unknown): string {
  if (v === null) return '空值';
  if (Array.isArray(v)) return '列表';
  switch (typeof v) {
    case 'number':
      return '数字';
    case 'string':
      return '文字';
    case 'boolean':
      return '是/否值';
    case 'object':
      return '键值对';
    default:
      return String(typeof v);
  }
}

const EXPECTED: Record<string, string> = {
  string: '文字',
  number: '数字',
  array: '列表',
  object: '键值对',
  boolean: 'true 或 false',
};

/** A zod 4 issue in Chinese (`input` is there because validate() asks zod for it). */
function describeIssue(issue: core.$ZodIssue, field: string | undefined): { message: string; fix?: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined)
        return { message: '缺少必填字段。', fix: `添加一行 ${field?.split('.').pop() ?? ''}: ……` };
      if (issue.input === null)
        return { message: '字段的值为空。', fix: '填写这个值，或删除这一行（如果它不是必填字段）。' };
      return {
        message: `应为${EXPECTED[issue.expected] ?? issue.expected}，实为${typeName(issue.input)}。`,
        fix:
          issue.expected === 'string'
            ? '给这个值加上引号，例如 "……"。'
            : issue.expected === 'array'
              ? '改写成列表，每项一行，以“- ”开头。'
              : undefined,
      };
    case 'invalid_format':
      return { message: issue.message, fix: undefined };
    case 'invalid_value':
      return {
        message: issue.input === undefined ? '不是允许的值。' : `“${String(issue.input)}”不是允许的值。`,
        fix: `只能填写：${issue.values.map(String).join('、')}。`,
      };
    case 'invalid_union':
      if (field === 'interprets') {
        // a policy elsewhere with a key missing is the likely slip: name the key
        const items = Array.isArray(issue.input) ? (issue.input as unknown[]) : [issue.input];
        const partial = items.find((v) => v !== null && typeof v === 'object' && !Array.isArray(v)) as
          Record<string, unknown> | undefined;
        const missing = partial ? ['title', 'url'].filter((k) => partial[k] === undefined || partial[k] === null) : [];
        if (missing.length)
          return {
            message: `本网站以外的政策要写 title 和 url 两项，这里缺少 ${missing.join(' 和 ')}。`,
            fix: missing.includes('url')
              ? '补上一行 url: https://……（政策原文网页的网址），与 title 对齐。'
              : '补上一行 title: ……（政策的完整标题），与 url 对齐。',
          };
        return {
          message: `解读对象应为索引号（文字）、title 和 url 两项，或它们的列表，实为${typeName(issue.input)}。`,
          fix: '本网站的文件写 interprets: "索引号"（加引号）；本网站以外的政策写两行：title: 政策标题 和 url: https://……（放在 interprets: 下一行，缩进两格）。',
        };
      }
      return {
        message: `应为文字或列表，实为${typeName(issue.input)}。`,
        fix:
          field === 'keywords'
            ? '写成 keywords: [关键词1, 关键词2]，或一行文字用顿号分隔。'
            : '改写成文字（加引号）或列表。',
      };
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int') {
        return {
          message: `应不小于 ${String(issue.minimum)}，实为 ${String(issue.input)}。`,
          fix: '改为允许范围内的数。',
        };
      }
      return { message: '不能为空。', fix: '填写这个值，或删除这一行（如果它不是必填字段）。' };
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int') {
        return {
          message: `应不大于 ${String(issue.maximum)}，实为 ${String(issue.input)}。`,
          fix: '改为允许范围内的数。',
        };
      }
      return { message: `最多 ${String(issue.maximum)} 项（或个字）。`, fix: '删去多余的内容。' };
    case 'unrecognized_keys':
      return { message: `无法识别的字段：${issue.keys.join('、')}。`, fix: '检查字段名的拼写。' };
    case 'custom':
      return { message: issue.message };
    default:
      return {
        message: `值“${String('input' in issue ? issue.input : '')}”不符合要求。`,
        fix: '对照 docs/design.md 中该字段的说明改正。',
      };
  }
}

/** Runs a zod schema over a parsed YAML source; returns the data or diagnostics. */
export function validate<T>(
  schema: ZodType<T>,
  src: YamlSource,
  file: string,
): { data?: T; diagnostics: Diagnostic[] } {
  if (src.value === null || typeof src.value !== 'object') {
    return {
      diagnostics: [
        diag(
          'error',
          'yaml-not-mapping',
          file,
          src.value == null ? '元数据是空的。' : '元数据应是“字段: 值”的形式，每行一个字段。',
          { line: src.lineOf([]) ?? 1, fix: '按 README 的示例填写字段，例如 title: ……' },
        ),
      ],
    };
  }
  // reportInput: zod 4 leaves the offending value out of its issues unless asked
  const r = schema.safeParse(src.value, { reportInput: true });
  if (r.success) return { data: r.data, diagnostics: [] };
  return { diagnostics: zodDiagnostics(r.error, src, file) };
}
