// Every diagnostic code the source can emit has a test. Every diagnostic is built by diag()
// (src/lib/diagnostics.ts): the reader (column.ts, yaml-source.ts, text-file.ts), the body findings
// of markdown.ts, taxonomy.ts and the checks. The codes are found by reading each
// diag('error' | 'warning', 'code', …) call in src/, or, when a local helper passes the code on
// (`const unknown = (code: string, …) => diag('error', code, …)`), the helper's calls. A code
// counts as tested when some file under test/ quotes it ('code' or code: 'code'). A new rule
// without a test fails here, naming its code; so does a diag() call whose code cannot be read.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

/** Files under `dir` (recursive, relative to the repository) whose names match `ext`. */
function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const SOURCES = filesUnder('src', /\.ts$/).map((full) => ({
  file: path.relative(ROOT, full).split(path.sep).join('/'),
  text: readFileSync(full, 'utf8'),
}));

const CODE = /^'([a-z0-9]+(?:-[a-z0-9]+)*)'$/;
const LEVEL = /^'(error|warning)'$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The top-level arguments of the call whose '(' is at `open`, as written (trimmed). Strings,
 * template literals and brackets are skipped over; good enough for this code base's calls.
 */
function callArgs(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        args.push(text.slice(start, i).trim());
        return args.filter((a) => a !== '');
      }
    } else if (c === ',' && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return args;
}

/** Positions of the '(' of each call of `name` in `text` (not its definition). */
function callsOf(text: string, name: string): number[] {
  return [...text.matchAll(new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*\\(`, 'g'))]
    .filter((m) => !/(?:function|const|let|var)\s+$/.test(text.slice(Math.max(0, m.index - 20), m.index)))
    .map((m) => m.index + m[0].length - 1);
}

/** The helper around `at` that takes `param`: its name and the parameter's position. */
function enclosingHelper(text: string, at: number, param: string): { name: string; index: number } | undefined {
  const defs = [
    ...text
      .slice(0, at)
      .matchAll(/(?:function\s+([\w$]+)\s*(?:<[^>]*>)?\(|(?:const|let)\s+([\w$]+)\s*=\s*(?:async\s*)?(?:<[^>]*>)?\()/g),
  ];
  for (const d of defs.reverse()) {
    const params = callArgs(text, d.index + d[0].length - 1).map((p) => p.split(/[\s:=?]/)[0]!);
    const index = params.indexOf(param);
    if (index >= 0) return { name: (d[1] ?? d[2])!, index };
  }
  return undefined;
}

interface Found {
  code: string;
  level: string;
  file: string;
}

/** Every code a diag() call can emit, and the calls whose code could not be read. */
function scan(): { found: Found[]; unreadable: string[] } {
  const found: Found[] = [];
  const unreadable: string[] = [];
  for (const { file, text } of SOURCES) {
    for (const open of callsOf(text, 'diag')) {
      const [level = '', code = ''] = callArgs(text, open);
      const shown = `${file}: diag(${level}, ${code}, …)`;
      const literalLevel = LEVEL.exec(level)?.[1];
      if (!literalLevel) {
        unreadable.push(shown);
        continue;
      }
      const literalCode = CODE.exec(code)?.[1];
      if (literalCode) {
        found.push({ code: literalCode, level: literalLevel, file });
        continue;
      }
      const helper = IDENTIFIER.test(code) ? enclosingHelper(text, open, code) : undefined;
      const passed = helper ? callsOf(text, helper.name).map((o) => callArgs(text, o)[helper.index] ?? '') : [];
      if (!passed.length || passed.some((a) => !CODE.test(a))) {
        unreadable.push(shown);
        continue;
      }
      for (const a of passed) found.push({ code: CODE.exec(a)![1]!, level: literalLevel, file });
    }
  }
  return { found, unreadable };
}

const { found, unreadable } = scan();
const CODES = new Map<string, { levels: Set<string>; files: Set<string> }>();
for (const f of found) {
  const entry = CODES.get(f.code) ?? { levels: new Set(), files: new Set() };
  entry.levels.add(f.level);
  entry.files.add(f.file);
  CODES.set(f.code, entry);
}

const TEST_TEXT = filesUnder('test', /\.(ts|mjs|js)$/)
  .filter((f) => f !== SELF)
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

const isTested = (code: string) => TEST_TEXT.includes(`'${code}'`) || TEST_TEXT.includes(`"${code}"`);

/** The whole list, for failure messages: `code  level  tested|NO TEST  src/lib/…`. */
function listing(): string {
  const rows = [...CODES]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([code, { levels, files }]) =>
        `  ${code.padEnd(28)} ${[...levels].join('/').padEnd(13)} ${isTested(code) ? 'tested ' : 'NO TEST'}  ${[...files].join(', ')}`,
    );
  return `${CODES.size} codes found in src/:\n${rows.join('\n')}`;
}

describe('diagnostic codes', () => {
  it('the scan finds the codes (a broken pattern cannot pass silently)', () => {
    expect(CODES.size, listing()).toBeGreaterThanOrEqual(40);
    // codes from each kind of source: the reader, YAML, encoding, body findings, taxonomy, checks
    for (const code of ['no-frontmatter', 'yaml-syntax', 'encoding', 'raw-html-element', 'unknown-topic-parent'])
      expect(CODES.has(code), `${code} not found; ${listing()}`).toBe(true);
  });

  it('every diag() call names its level and code so the scan can read them', () => {
    expect(unreadable, `diag() calls whose level or code is not a string literal:\n${listing()}`).toEqual([]);
  });

  it('diagnostics are only built by diag()', () => {
    const literals = SOURCES.filter(
      ({ file, text }) => file !== 'src/lib/diagnostics.ts' && /\blevel:\s*'(?:error|warning)'\s*[,}]/.test(text),
    ).map((s) => s.file);
    expect(literals, 'a diagnostic built as an object literal escapes the code scan').toEqual([]);
  });

  it('every code has a test', () => {
    const untested = [...CODES.keys()].filter((code) => !isTested(code)).sort();
    expect(untested, `codes that no file under test/ quotes; ${listing()}`).toEqual([]);
  });
});
