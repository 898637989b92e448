// A strict XML reader for tests of the sitemaps and feeds: saxes (namespace-aware, well-formedness
// errors thrown) into a small element tree.
import { SaxesParser } from 'saxes';

export interface XmlEl {
  /** Local name. */
  name: string;
  /** Namespace URI ('' for none). */
  ns: string;
  attrs: Record<string, string>;
  children: XmlEl[];
  text: string;
}

/** Parses `text`; throws on anything not well-formed. */
export function parseXml(text: string): XmlEl {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlEl = { name: '#document', ns: '', attrs: {}, children: [], text: '' };
  const stack: XmlEl[] = [root];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attrs[a.name] = a.value;
    const el: XmlEl = { name: tag.local, ns: tag.uri, attrs, children: [], text: '' };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => {
    stack.at(-1)!.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(text).close();
  const [el] = root.children;
  if (!el) throw new Error('no root element');
  return el;
}

/** Child elements named `name`. */
export const kids = (el: XmlEl, name: string): XmlEl[] => el.children.filter((c) => c.name === name);
/** The text of the first child named `name` (undefined when there is none). */
export const childText = (el: XmlEl, name: string): string | undefined => kids(el, name)[0]?.text;
