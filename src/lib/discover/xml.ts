// Text and attribute values in the XML the build writes (sitemaps, Atom feeds).

/**
 * `s` escaped for XML character data and attribute values (either quote), with the characters XML 1.0
 * does not allow (C0 controls but tab, CR and LF; lone surrogates; U+FFFE, U+FFFF) removed, so an odd
 * character pasted into a title cannot make a feed unreadable.
 */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
