// docs/编辑指南.md stays true to the tool: every `npx gongkai <command>` it names is a command of
// program() (src/cli/main.ts), with options that command has, or one still being built on another
// branch (EXPECTED_LATER); every picture it shows exists and every picture of docs/images/guide/ is
// shown; every message it quotes as `npx gongkai check` prints it is still written so in the source.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { program } from '../../src/cli/main.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DOCS = path.join(ROOT, 'docs');
const GUIDE = readFileSync(path.join(DOCS, '编辑指南.md'), 'utf8');
const IMAGES = path.join(DOCS, 'images', 'guide');

/**
 * Commands the guide describes that other branches are building (each marked 待合并 / 待定 in the
 * guide). The lead empties this list as they are merged; the last test fails while a merged one is
 * still listed here.
 */
const EXPECTED_LATER: string[] = [];

const cli = program();
const commands = new Map(cli.commands.map((c) => [c.name(), c]));
const longFlags = (c: Command) => c.options.map((o) => o.long).filter((f): f is string => !!f);
const GLOBAL_FLAGS = [...longFlags(cli), '--help'];

/** Every piece of code the guide shows: inline code spans and the lines of fenced blocks. */
function codeOf(markdown: string): string[] {
  const out: string[] = [];
  const fence = /^```[^\n]*\n([\s\S]*?)^```/gm;
  for (const m of markdown.matchAll(fence)) out.push(...m[1]!.split('\n'));
  for (const m of markdown.replace(fence, '').matchAll(/`([^`\n]+)`/g)) out.push(m[1]!);
  return out;
}

/** `npx gongkai <command> [subcommand] …flags` as written in the guide's code. */
function invocations(): { text: string; command: string; words: string[] }[] {
  return codeOf(GUIDE).flatMap((code) =>
    [...code.matchAll(/npx gongkai ([a-z][a-z-]*)((?: [^`]*)?)/g)].map((m) => ({
      text: m[0],
      command: m[1]!,
      words: m[2]!.trim().split(/\s+/).filter(Boolean),
    })),
  );
}

describe('docs/编辑指南.md', () => {
  it('names only commands of gongkai (or ones listed as coming), with their real options', () => {
    const mentioned = new Set([...GUIDE.matchAll(/npx gongkai ([a-z][a-z-]*)/g)].map((m) => m[1]!));
    expect(mentioned.size).toBeGreaterThan(3);
    const unknown = [...mentioned].filter((c) => !commands.has(c) && !EXPECTED_LATER.includes(c));
    expect(unknown, 'commands the guide names that gongkai does not have').toEqual([]);

    const wrong: string[] = [];
    for (const { text, command, words } of invocations()) {
      let c = commands.get(command);
      if (!c) continue; // coming later: its options are not known yet
      const sub = c.commands.find((s) => s.name() === words[0]);
      if (sub) c = sub;
      const known = [...longFlags(c), ...GLOBAL_FLAGS];
      for (const flag of words.filter((w) => w.startsWith('--')))
        if (!known.includes(flag)) wrong.push(`${text}: ${flag}`);
    }
    expect(wrong, 'options the guide uses that the command does not have').toEqual([]);
  });

  it('shows pictures that exist, each with a Chinese description, and every picture of docs/images/guide/', () => {
    const prose = GUIDE.replace(/^```[^\n]*\n[\s\S]*?^```/gm, '').replace(/`[^`\n]+`/g, '');
    const shown = [...prose.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)].map((m) => ({ alt: m[1]!, src: m[2]! }));
    expect(shown.length).toBeGreaterThan(5);
    const missing = shown.filter((s) => !existsSync(path.resolve(DOCS, decodeURI(s.src)))).map((s) => s.src);
    expect(missing, 'pictures the guide links that do not exist').toEqual([]);
    const noAlt = shown.filter((s) => !/[\u4e00-\u9fff]{4}/.test(s.alt)).map((s) => s.src);
    expect(noAlt, 'pictures without a Chinese description').toEqual([]);
    const linked = new Set(shown.map((s) => path.resolve(DOCS, decodeURI(s.src))));
    const unused = readdirSync(IMAGES).filter((f) => f.endsWith('.png') && !linked.has(path.join(IMAGES, f)));
    expect(unused, 'pictures of docs/images/guide/ the guide does not show').toEqual([]);
  });

  it('quotes messages that the source still writes', () => {
    const messages = quotedMessages(GUIDE);
    expect(messages.length).toBeGreaterThan(20);
    const corpus = sourceText();
    const stale = messages.flatMap((m) => {
      const parts = uncovered(m, corpus);
      return parts.length ? [`${m}\n      not in the source: ${parts.join(' / ')}`] : [];
    });
    expect(stale, 'messages quoted in the guide that no longer match the source').toEqual([]);
  });

  it('lists as coming only commands that gongkai does not have yet', () => {
    const merged = EXPECTED_LATER.filter((c) => commands.has(c));
    expect(merged, 'merged: remove them from EXPECTED_LATER and the 待合并/待定 marks from the guide').toEqual([]);
  });
});

/**
 * The messages and fixes of the diagnostics the guide shows in ```text blocks, as formatDiagnostic
 * prints them ("<file> 第 N 行  错误  字段 / field：message", "    修改方法：fix"), without file and field.
 */
function quotedMessages(markdown: string): string[] {
  const out: string[] = [];
  for (const block of markdown.matchAll(/^```text\n([\s\S]*?)^```/gm)) {
    for (const line of block[1]!.split('\n')) {
      const d = /^\S+(?: 第 \d+ 行)? {2}(?:错误|警告) {2}(?:[^：/]+ \/ [\w.]+：)?(.+)$/.exec(line);
      const fix = /^ {4}修改方法：(.+)$/.exec(line);
      if (d) out.push(d[1]!);
      else if (fix) out.push(fix[1]!);
    }
  }
  return out;
}

/** What messages are made of: the source of src/lib and src/cli, and the sample column (the values a message names). */
function sourceText(): string {
  const files: string[] = [];
  const walk = (dir: string, ext: RegExp) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p, ext);
      else if (ext.test(e.name)) files.push(p);
    }
  };
  walk(path.join(ROOT, 'src', 'lib'), /\.(ts|mjs)$/);
  walk(path.join(ROOT, 'src', 'cli'), /\.(ts|mjs)$/);
  walk(path.join(ROOT, 'content'), /\.(md|yaml)$/);
  // a backslash written \\ in a string literal prints as one
  return files.map((f) => readFileSync(f, 'utf8').replaceAll('\\\\', '\\')).join('\n');
}

/**
 * The words (runs of Chinese characters) of a message that the source does not make. Values a message
 * quotes (“…”) are left out: they come from the column being checked. A word of two characters must be
 * in the source; in a longer one every character but the first and the last (which may join a value
 * the message names) must lie in a four-character piece of the source (three for a word of three), or in a two-character piece
 * at the word's start or end. Empty when the message is still made by the source.
 */
function uncovered(message: string, corpus: string): string[] {
  const words = message.replace(/“[^”]*”/g, ' ').match(/[\u4e00-\u9fff]{2,}/g) ?? [];
  return words.filter((word) => {
    const chars = [...word];
    if (chars.length === 2) return !corpus.includes(word);
    const covered = chars.map((_, i) => i === 0 || i === chars.length - 1);
    const w = Math.min(4, chars.length);
    for (let i = 0; i + w <= chars.length; i++)
      if (corpus.includes(chars.slice(i, i + w).join(''))) covered.fill(true, i, i + w);
    if (corpus.includes(chars.slice(0, 2).join(''))) covered[1] = true;
    if (corpus.includes(chars.slice(-2).join(''))) covered[chars.length - 2] = true;
    return covered.includes(false);
  });
}
