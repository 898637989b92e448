// Fixture copies of a content directory and small, line-preserving edits to them (for broken
// copies of the sample column). Edits work on the text, so every other line keeps its number.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

/** Copies a content directory (default the sample) to `dest`, replacing what was there. */
export function copyContent(dest: string, src: string): void {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(path.dirname(dest), { recursive: true });
  cpSync(src, dest, { recursive: true });
}

const FM = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Splits a Markdown file into frontmatter lines (without the --- fences) and the rest. */
function split(text: string): { fm: string[]; rest: string } {
  const m = FM.exec(text);
  if (!m) throw new Error('no frontmatter');
  return { fm: m[1]!.split(/\r?\n/), rest: text.slice(m[0].length) };
}

function join(fm: string[], rest: string): string {
  return `---\n${fm.join('\n')}\n---\n${rest}`;
}

/** Index range [start, end) of a top-level key's lines (its line and the indented/list lines that follow). */
function keyRange(fm: string[], key: string): [number, number] | undefined {
  const start = fm.findIndex((l) => new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`).test(l));
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < fm.length && (/^\s+\S/.test(fm[end]!) || /^-\s/.test(fm[end]!) || fm[end] === '')) end++;
  // keep trailing blank lines outside the range
  while (end > start + 1 && fm[end - 1] === '') end--;
  return [start, end];
}

/**
 * Sets a top-level frontmatter field of `file` to the YAML text `valueYaml` (written verbatim
 * after `key: `). Replaces the field's first line and blanks any continuation lines, so the
 * file keeps its line numbers; appends the field when absent.
 */
export function setField(file: string, key: string, valueYaml: string): void {
  const { fm, rest } = split(readFileSync(file, 'utf8'));
  const r = keyRange(fm, key);
  if (r) {
    fm[r[0]] = `${key}: ${valueYaml}`;
    for (let i = r[0] + 1; i < r[1]; i++) fm[i] = '';
  } else {
    fm.push(`${key}: ${valueYaml}`);
  }
  writeFileSync(file, join(fm, rest));
}

/** The 1-based line number of a top-level frontmatter field in `file` (the --- fence is line 1). */
export function fieldLine(file: string, key: string): number | undefined {
  const { fm } = split(readFileSync(file, 'utf8'));
  const r = keyRange(fm, key);
  return r ? r[0] + 2 : undefined;
}

/** Writes a new Markdown document with the given frontmatter (values as data) and body. */
export function writeDocument(file: string, frontmatter: Record<string, unknown>, body: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `---\n${stringify(frontmatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${body.trim()}\n`);
}

/** Deletes a file that must exist (fails loudly so a fixture never silently does nothing). */
export function removeFile(file: string): void {
  if (!existsSync(file)) throw new Error(`fixture: ${file} does not exist`);
  rmSync(file);
}
