// “Did you mean …?” for values that must name something known: a publisher (发布机构), a genre
// (体裁), a topic (主题分类), a section (栏目). Editors type short forms (“县政府” for
// “示例县人民政府”, “人社局” for “示例县人力资源和社会保障局”), add words (“通知书” for “通知”)
// or slip a character. Names are compared by code point after normalisation, and characters
// that many known names share (示例县…, …人民政府) count for less than distinctive ones, so a
// common prefix alone never makes two names look alike.

/** Below this score nothing is suggested. */
const THRESHOLD = 0.55;
/** Suggestions after the first must score at least this share of the best one. */
const RELATIVE = 0.8;

/** Up to `max` (default 3) known names closest to `typed`, best first; empty when nothing is reasonably close. */
export function nearestNames(typed: string, known: readonly string[], max = 3): string[] {
  const t = normalise(typed);
  if (t.length === 0 || max <= 0) return [];
  const index = indexOf(known);
  const weight = (c: string) => index.weights.get(c) ?? index.unseen;
  const scored = index.names
    .map((n, order) => ({ name: n.name, order, score: score(t, n.chars, weight) }))
    .filter((s) => s.score >= THRESHOLD);
  // the same name but for brackets, spaces or full-width forms: that is the one
  const same = scored.filter((s) => s.score === 1);
  if (same.length > 0) return same.slice(0, max).map((s) => s.name);
  if (scored.length === 0) return [];
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const floor = scored[0]!.score * RELATIVE;
  return scored
    .filter((s) => s.score >= floor)
    .slice(0, max)
    .map((s) => s.name);
}

/** '是不是“示例县人民政府”？' / '是不是“通知”或“通告”？' — or '' when there is no suggestion. */
export function didYouMean(typed: string, known: readonly string[]): string {
  const names = nearestNames(typed, known).map((n) => `“${n}”`);
  if (names.length === 0) return '';
  const last = names.pop()!;
  return `是不是${names.length ? `${names.join('、')}或` : ''}${last}？`;
}

/**
 * The form names are compared in, as an array of code points: NFKC (full-width brackets, letters
 * and digits become half-width), no whitespace, no quotes or book-title marks, lower case, and
 * one separator between a topic and its sub-topic.
 */
function normalise(s: string): string[] {
  const n = s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s"'“”‘’《》〈〉「」『』]/g, '')
    .replace(/[【〔［]/g, '[')
    .replace(/[】〕］]/g, ']')
    .replace(/[/|＼]/g, '\\');
  return [...n];
}

interface Index {
  names: { name: string; chars: string[] }[];
  /** Weight of each character: high when few known names have it. */
  weights: Map<string, number>;
  /** Weight of a character no known name has. */
  unseen: number;
}

const indexes = new WeakMap<readonly string[], Index>();

function indexOf(known: readonly string[]): Index {
  let index = indexes.get(known);
  if (!index) {
    const seen = new Set<string>();
    const names = known.filter((k) => !seen.has(k) && seen.add(k)).map((name) => ({ name, chars: normalise(name) }));
    const df = new Map<string, number>();
    for (const n of names) for (const c of new Set(n.chars)) df.set(c, (df.get(c) ?? 0) + 1);
    const idf = (count: number) => Math.log(1 + names.length / (1 + count));
    const weights = new Map([...df].map(([c, count]) => [c, idf(count)]));
    index = { names, weights, unseen: idf(0) };
    indexes.set(known, index);
  }
  return index;
}

/** 0…1: how likely an editor who typed `t` meant the known name `k`. */
function score(t: string[], k: string[], w: (c: string) => number): number {
  if (k.length === 0) return 0;
  if (t.length === k.length && t.every((c, i) => c === k[i])) return 1;
  const tw = total(t, w);
  const kw = total(k, w);
  const common = lcsWeight(t, k, w);
  let s = 0;
  // typed is a short form of the name: every character of it, in order (县政府, 人社局)
  if (isSubsequence(t, k)) s = Math.max(s, 0.6 + 0.4 * (tw / kw) + (isSubstring(t, k) ? 0.05 : 0));
  // the name with words added (通知书, 综合政务\政务公开类); scattered through a longer text it
  // is weak evidence, unless it makes up most of what was typed (年度报告 → 年报)
  if (isSubstring(k, t)) s = Math.max(s, 0.65 + 0.4 * (kw / tw));
  else if (isSubsequence(k, t)) s = Math.max(s, 0.4 + 0.6 * (kw / tw));
  // a slip of a character or two: the shared characters must cover most of both names
  const shared = Math.min(common / tw, common / kw);
  const edits = 1 - editWeight(t, k, w) / Math.max(tw, kw);
  return Math.min(0.99, Math.max(s, shared, edits));
}

function total(cs: string[], w: (c: string) => number): number {
  return cs.reduce((sum, c) => sum + w(c), 0);
}

function isSubsequence(a: string[], b: string[]): boolean {
  let i = 0;
  for (const c of b) if (i < a.length && c === a[i]) i++;
  return i === a.length;
}

function isSubstring(a: string[], b: string[]): boolean {
  return b.join('').includes(a.join(''));
}

/** Weight of the heaviest common subsequence. */
function lcsWeight(a: string[], b: string[], w: (c: string) => number): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) {
      row[j] = ca === b[j - 1] ? prev[j - 1]! + w(ca) : Math.max(prev[j]!, row[j - 1]!);
    }
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Levenshtein distance where inserting or deleting a character costs its weight, and replacing one the larger
 * weight.
 */
function editWeight(a: string[], b: string[], w: (c: string) => number): number {
  let prev = [0];
  for (let j = 1; j <= b.length; j++) prev[j] = prev[j - 1]! + w(b[j - 1]!);
  for (const ca of a) {
    const row = [prev[0]! + w(ca)];
    for (let j = 1; j <= b.length; j++) {
      const cb = b[j - 1]!;
      row[j] = Math.min(prev[j]! + w(ca), row[j - 1]! + w(cb), prev[j - 1]! + (ca === cb ? 0 : Math.max(w(ca), w(cb))));
    }
    prev = row;
  }
  return prev[b.length]!;
}
