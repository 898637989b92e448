// Orders that are the same on every machine. `localeCompare` and `Intl.Collator` follow the
// process's locale (LANG): under zh_CN.UTF-8 Chinese sorts by pinyin and before Latin letters,
// under en_US by code point and after them, and 'Z' comes after 'a' in both — so a list sorted with
// them is not the same build output on an operator's machine and in CI (docs/design.md
// "Build output: manifest, precompressed files").

/**
 * Unicode code-point order, which is also the byte order of UTF-8 (what `sort`, Python and Go use
 * for bytes). JavaScript's `<` compares UTF-16 code units, which puts U+E000–U+FFFF (e.g. the
 * full-width '（') after the surrogate pairs of U+10000 and above; this puts them before.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fixUp(x) - fixUp(y);
  }
  return a.length - b.length;
}

/** A UTF-16 code unit mapped so that the units' order is their code points' order. */
function fixUp(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}
