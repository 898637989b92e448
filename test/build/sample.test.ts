// The sample column builds, and what it builds matches its sources (computed here, independently
// of src/lib, from content/documents/**/*.md and docs/design.md's rules).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, buildSample, tail, type BuildResult } from '../helpers/build.ts';
import { all, first, listFiles, readHtml, text } from '../helpers/html.ts';
import { SAMPLE_CONTENT, TODAY } from '../helpers/paths.ts';
import { browseCounts, readPage, statedTotal } from '../helpers/site.ts';
import { partition, readBodies, readSources, type SourceDoc } from '../helpers/sources.ts';

let r: BuildResult;
let sources: SourceDoc[];
let pages: SourceDoc[];
let heldBack: SourceDoc[];

beforeAll(async () => {
  sources = readSources(SAMPLE_CONTENT);
  ({ pages, heldBack } = partition(sources, TODAY));
  r = await buildSample();
});

function built(): BuildResult {
  assertBuilt(r);
  return r;
}

describe('sample column (GONGKAI_BASE=/xxgk/)', () => {
  it('builds', () => {
    expect(r.exitCode, `build failed:\n${tail(r)}`).toBe(0);
    expect(sources.length, 'the sample has documents').toBeGreaterThan(0);
  });

  it('gives every published document its page /doc/<slug>/ with its title', () => {
    const { outDir } = built();
    const problems: string[] = [];
    for (const d of pages) {
      const f = path.join(outDir, 'doc', d.slug, 'index.html');
      if (!existsSync(f)) {
        problems.push(`${d.file}: no page doc/${d.slug}/index.html`);
        continue;
      }
      const doc = readHtml(f);
      const h1 = all(doc, 'h1').map(text).join(' | ');
      if (!h1.includes(d.title.replace(/\s+/g, ' ')))
        problems.push(`${d.file}: doc/${d.slug}/ h1 is "${h1}", expected the title "${d.title}"`);
    }
    expect(problems).toEqual([]);
  });

  it('has pages + held back = sources: no other document pages, none for held-back ones', () => {
    const { outDir } = built();
    const docDir = path.join(outDir, 'doc');
    const built_ = existsSync(docDir)
      ? readdirSync(docDir, { withFileTypes: true })
          .filter((e) => e.isDirectory() && existsSync(path.join(docDir, e.name, 'index.html')))
          .map((e) => e.name)
          .sort()
      : [];
    expect(built_).toEqual(pages.map((d) => d.slug).sort());
    for (const d of heldBack)
      expect(existsSync(path.join(docDir, d.slug)), `held back ${d.file} must have no page`).toBe(false);
    expect(pages.length + heldBack.length).toBe(sources.length);
    // slugs are unique, so no two sources share a page
    expect(new Set(pages.map((d) => d.slug)).size).toBe(pages.length);
  });

  it('copies every attachment to /doc/<slug>/files/<name>, byte for byte', () => {
    const { outDir } = built();
    const problems: string[] = [];
    let n = 0;
    for (const d of pages) {
      for (const a of d.attachments) {
        n++;
        const out = path.join(outDir, 'doc', d.slug, 'files', a.fileName);
        if (!existsSync(out)) problems.push(`${d.file}: attachment ${a.file} not at doc/${d.slug}/files/${a.fileName}`);
        else if (!readFileSync(out).equals(readFileSync(path.join(SAMPLE_CONTENT, a.source))))
          problems.push(`${d.file}: doc/${d.slug}/files/${a.fileName} differs from ${a.source}`);
      }
    }
    expect(problems).toEqual([]);
    expect(n, 'the sample has attachments').toBeGreaterThan(0);
  });

  it('has a 404 page', () => {
    const { outDir } = built();
    expect(existsSync(path.join(outDir, '404.html'))).toBe(true);
  });

  describe('catalogue counts equal the document count', () => {
    it('/catalogue/ states the total', () => {
      const { outDir } = built();
      const doc = readPage(outDir, '/catalogue/');
      expect(statedTotal(doc), 'catalogue/index.html: a [data-total] or a <caption> "共 N 条"').toBe(pages.length);
    });

    const byKind: Record<string, (d: SourceDoc) => string> = {
      year: (d) => d.published.slice(0, 4),
      publisher: (d) => d.publisher,
      genre: (d) => d.genre,
    };
    for (const kind of ['year', 'publisher', 'genre', 'topic']) {
      it(`/catalogue/${kind}/: the groups' counts sum to the total${byKind[kind] ? ' and match the sources' : ''}`, () => {
        const { outDir, base } = built();
        const doc = readPage(outDir, `/catalogue/${kind}/`);
        const groups = browseCounts(doc, base, kind);
        expect(groups.length, `catalogue/${kind}/index.html lists no group with a data-count`).toBeGreaterThan(0);
        const sum = groups.reduce((s, g) => s + g.count, 0);
        expect(sum).toBe(pages.length);
        const key = byKind[kind];
        if (key) {
          const expected = new Map<string, number>();
          for (const d of pages) expected.set(key(d), (expected.get(key(d)) ?? 0) + 1);
          const bodies = readBodies(SAMPLE_CONTENT);
          const shown = new Map<string, number>();
          for (const g of groups) {
            if (g.count === 0) continue;
            // year ids are the year; publisher ids map to names through bodies.yaml; genres by name
            const label =
              kind === 'year'
                ? g.id
                : kind === 'publisher'
                  ? (bodies.find((b) => b.id === g.id)?.name ?? g.id)
                  : g.name;
            shown.set(label, g.count);
          }
          expect(Object.fromEntries([...shown].sort())).toEqual(Object.fromEntries([...expected].sort()));
        }
        // each group's own page states the same count
        for (const g of groups.filter((x) => x.count > 0)) {
          const page = readPage(outDir, g.href.slice(base.length - 1));
          expect(statedTotal(page), `${g.href}: stated total`).toBe(g.count);
        }
      });
    }
  });

  it('has <meta name="SiteName"> on every page', () => {
    const { outDir } = built();
    const missing = listFiles(outDir).filter(
      (f) => !first(readHtml(path.join(outDir, f)), 'meta', (m) => m.attrs.name === 'SiteName' && !!m.attrs.content),
    );
    expect(missing).toEqual([]);
  });

  it('writes no inline style, no inline script, no event handler attribute and no resource from another host (CSP)', () => {
    const { outDir } = built();
    const problems: string[] = [];
    const external = /^(https?:)?\/\//i;
    const files = listFiles(outDir);
    expect(files.length).toBeGreaterThan(pages.length);
    for (const f of files) {
      const raw = readFileSync(path.join(outDir, f), 'utf8');
      if (/\sstyle\s*=\s*["']/i.test(raw)) problems.push(`${f}: style="…" attribute`);
      const doc = readHtml(path.join(outDir, f));
      for (const e of all(doc, '*')) {
        const where = `${f}: <${e.tag}${e.attrs.id ? `#${e.attrs.id}` : ''}>`;
        if (e.attrs.style !== undefined) problems.push(`${where} has a style attribute`);
        for (const a of Object.keys(e.attrs))
          if (/^on/i.test(a)) problems.push(`${where} has an event handler attribute ${a}`);
        for (const a of ['href', 'src', 'action', 'formaction'])
          if (/^\s*javascript:/i.test(e.attrs[a] ?? '')) problems.push(`${where} has a javascript: URL`);
        if (e.tag === 'style') problems.push(`${f}: inline <style> element`);
        if (e.tag === 'script' && !e.attrs.src)
          problems.push(`${f}: inline <script> without src: ${text(e).slice(0, 80)}`);
        if (
          ['link', 'script', 'img', 'source', 'iframe', 'video', 'audio', 'embed', 'object', 'track', 'input'].includes(
            e.tag,
          )
        ) {
          for (const a of ['href', 'src', 'data', 'poster']) {
            if (external.test(e.attrs[a] ?? '')) problems.push(`${where} loads ${e.attrs[a]} from another host`);
          }
          for (const u of (e.attrs.srcset ?? '').split(',').map((s) => s.trim().split(/\s+/)[0] ?? '')) {
            if (external.test(u)) problems.push(`${where} srcset loads ${u} from another host`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('lists no held-back document anywhere', () => {
    const { outDir } = built();
    if (heldBack.length === 0) return;
    const html = listFiles(outDir).map((f) => readFileSync(path.join(outDir, f), 'utf8'));
    for (const d of heldBack)
      expect(
        html.some((h) => h.includes(d.title)),
        `${d.file}'s title appears in the site`,
      ).toBe(false);
  });
});
