#!/usr/bin/env node
// Compares two built sites page by page for what a reader and a crawler see: the <title>, every
// <meta name> tag, every link (href and text) and the text as rendered (whitespace collapsed the way
// CSS collapses it: runs of spaces inside a line become one, lines break at block elements and are
// trimmed). Class names, style sheets and markup structure are ignored on purpose: a refactor may move
// styles, not change what a page says.
//
//   node scripts/compare-sites.mjs OLD_DIST NEW_DIST [--verbose]
//
// Prints pages only in one site, and for each page that differs the first lines that differ. Exits 1
// when anything differs.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const [oldDir, newDir] = args.filter((a) => !a.startsWith('--'));
if (!oldDir || !newDir) {
  console.error('usage: node scripts/compare-sites.mjs OLD_DIST NEW_DIST [--verbose]');
  process.exit(2);
}

const BLOCK = new Set(
  'address article aside blockquote body br caption dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
const SKIP = new Set(['script', 'style', 'template', 'head']);

function htmlFiles(dir, prefix = '') {
  const out = [];
  for (const e of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...htmlFiles(dir, rel));
    else if (e.name.endsWith('.html')) out.push(rel);
  }
  return out.sort();
}

const attr = (node, name) => node.attrs?.find((a) => a.name === name)?.value;

/** What one page says: title, meta tags, links, rendered text lines. */
function describe(file) {
  const doc = parse(readFileSync(file, 'utf8'));
  const meta = [];
  const links = [];
  let title = '';
  const lines = [''];
  const walk = (node, inHead) => {
    const tag = node.tagName;
    if (tag === 'title') title = text(node);
    if (tag === 'meta' && attr(node, 'name')) meta.push(`${attr(node, 'name')}=${attr(node, 'content') ?? ''}`);
    if (tag === 'a' && attr(node, 'href') !== undefined) links.push(`${attr(node, 'href')} ${squash(text(node))}`);
    if (tag === 'img') lines[lines.length - 1] += `[img ${attr(node, 'alt') ?? ''}]`;
    if (node.nodeName === '#text' && !inHead) lines[lines.length - 1] += node.value;
    const skip = tag && SKIP.has(tag);
    if (tag && BLOCK.has(tag)) lines.push('');
    for (const c of node.childNodes ?? []) walk(c, inHead || skip);
    if (node.content) walk(node.content, true);
    if (tag && BLOCK.has(tag)) lines.push('');
  };
  walk(doc, false);
  return {
    title,
    meta: meta.sort(),
    links,
    text: lines.map((l) => l.replace(/[ \t\n\r\f]+/g, ' ').trim()).filter(Boolean),
  };
}

function text(node) {
  if (node.nodeName === '#text') return node.value;
  return (node.childNodes ?? []).map(text).join('');
}
const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** Positions where two lists differ (all of them with --verbose, else the first). */
function differencesOf(a, b) {
  const out = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) out.push({ i, old: a[i], new: b[i] });
    if (out.length && !verbose) break;
  }
  return out;
}

const oldFiles = htmlFiles(oldDir);
const newFiles = htmlFiles(newDir);
const newSet = new Set(newFiles);
const oldSet = new Set(oldFiles);
let differences = 0;
for (const f of oldFiles.filter((f) => !newSet.has(f))) {
  console.log(`only in ${oldDir}: ${f}`);
  differences++;
}
for (const f of newFiles.filter((f) => !oldSet.has(f))) {
  console.log(`only in ${newDir}: ${f}`);
  differences++;
}
let same = 0;
for (const f of oldFiles.filter((f) => newSet.has(f))) {
  const a = describe(path.join(oldDir, f));
  const b = describe(path.join(newDir, f));
  const parts = [];
  if (a.title !== b.title) parts.push(`  title: ${a.title} → ${b.title}`);
  for (const key of ['meta', 'links', 'text']) {
    for (const d of differencesOf(a[key], b[key])) {
      parts.push(`  ${key} #${d.i}:\n    - ${d.old ?? '(none)'}\n    + ${d.new ?? '(none)'}`);
    }
  }
  if (parts.length) {
    differences++;
    if (verbose || differences <= 40) console.log(`${f}\n${parts.join('\n')}`);
  } else same++;
}
console.log(`\n${same} pages the same, ${differences} differ or exist in one site only`);
process.exit(differences ? 1 : 0);
