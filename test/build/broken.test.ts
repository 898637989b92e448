// A broken copy of the sample column must fail the build, and one run must list every error,
// each naming its file (relative to the content directory) and its field in both languages.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, tail, type BuildResult } from '../helpers/build.ts';
import { fieldLine, removeFile, setField } from '../helpers/fixture.ts';
import { SAMPLE_CONTENT, TODAY } from '../helpers/paths.ts';
import { partition, readSources, type SourceDoc } from '../helpers/sources.ts';

interface Breakage {
  what: string;
  doc: SourceDoc;
  zh: string;
  en: string;
  /** Line the error should point at (informational: checked when the message has a line). */
  line?: number;
}

/** Picks distinct documents of the sample for each breakage (deterministically). */
function plan(): { breakages: Breakage[]; apply: (dir: string) => void } {
  const { pages } = partition(readSources(SAMPLE_CONTENT), TODAY);
  const used = new Set<string>();
  const pick = (what: string, pred: (d: SourceDoc) => boolean = () => true): SourceDoc => {
    const d = pages.find((x) => !used.has(x.file) && pred(x));
    if (!d) throw new Error(`fixture: the sample has no document suitable for "${what}"`);
    used.add(d.file);
    return d;
  };
  // duplicate 索引号: B takes A's 索引号 (neither has an explicit slug, so only the number clashes)
  const dupA = pick('duplicate index_no (original)', (d) => !d.data.slug);
  const dupB = pick('duplicate index_no (copy)', (d) => !d.data.slug);
  const unknown = pick('unknown publisher');
  // a bad 成文日期 on a document published after it would be (so no other date rule fires)
  const badDate = pick('bad date', (d) => d.published >= '2021-03-01' && !d.data.repealed);
  // a missing attachment whose file no other document uses
  const counts = new Map<string, number>();
  for (const d of pages) for (const a of d.attachments) counts.set(a.source, (counts.get(a.source) ?? 0) + 1);
  const missing = pick(
    'missing attachment',
    (d) => d.attachments.length > 0 && counts.get(d.attachments[0]!.source) === 1,
  );

  const breakages: Breakage[] = [
    { what: 'duplicate 索引号', doc: dupB, zh: '索引号', en: 'index_no' },
    { what: 'unknown 发布机构', doc: unknown, zh: '发布机构', en: 'publisher' },
    { what: 'bad date 2021-02-30', doc: badDate, zh: '成文日期', en: 'written' },
    { what: 'missing attachment file', doc: missing, zh: '附件', en: 'attachments' },
  ];
  const apply = (dir: string) => {
    const at = (d: SourceDoc) => path.join(dir, d.file);
    setField(at(dupB), 'index_no', JSON.stringify(dupA.indexNo));
    setField(at(unknown), 'publisher', '示例县不存在的局');
    setField(at(badDate), 'written', '2021-02-30');
    removeFile(path.join(dir, missing.attachments[0]!.source));
  };
  for (const b of breakages) {
    const key = b.en === 'attachments' ? 'attachments' : b.en;
    b.line = fieldLine(path.join(SAMPLE_CONTENT, b.doc.file), key);
  }
  return { breakages, apply };
}

describe('a broken copy of the sample column', () => {
  let p: ReturnType<typeof plan>;
  let r: BuildResult;

  beforeAll(async () => {
    p = plan();
    const apply = p.apply;
    const key = JSON.stringify(p.breakages.map((b) => [b.what, b.doc.file]));
    r = await buildSite({ name: 'broken', fixture: (dir) => apply(dir), key });
  });

  it('fails the build', () => {
    expect(r.exitCode, `the build must fail; output:\n${tail(r)}`).not.toBe(0);
    expect(r.exitCode).not.toBeNull();
  });

  it('lists every error in one run, each naming its file and the field in Chinese and English', () => {
    const lines = r.output.split('\n');
    const problems: string[] = [];
    for (const b of p.breakages) {
      // the diagnostic's first line names the file; the field names are on that line
      const hits = lines.filter((l) => l.includes(b.doc.file) && l.includes(b.zh) && l.includes(b.en));
      if (hits.length === 0) {
        const fileLines = lines.filter((l) => l.includes(b.doc.file));
        problems.push(
          `${b.what}: no line names ${b.doc.file} with "${b.zh}" and "${b.en}"` +
            (fileLines.length
              ? `; lines naming the file:\n    ${fileLines.join('\n    ')}`
              : '; the file is not named at all'),
        );
      }
    }
    expect(problems, `build output:\n${tail(r, 8000)}`).toEqual([]);
  });

  it('reports the errors as errors (错误), not only as warnings', () => {
    for (const b of p.breakages) {
      const hit = r.output.split('\n').find((l) => l.includes(b.doc.file) && l.includes(b.en));
      expect(hit, b.what).toBeDefined();
      expect(hit!, b.what).toMatch(/错误|error/i);
    }
  });

  it('points at the line of each field', () => {
    for (const b of p.breakages) {
      if (!b.line || b.en === 'attachments') continue;
      const hit = r.output.split('\n').find((l) => l.includes(b.doc.file) && l.includes(b.en));
      const m = hit && /第\s*(\d+)\s*行/.exec(hit);
      expect(m, `${b.what}: no line number in “${hit}”`).toBeTruthy();
      expect(Number(m![1]), `${b.what}: ${hit}`).toBe(b.line);
    }
  });

  it('writes no pages', () => {
    // the content check stops the build before any page is rendered
    expect(r.output).not.toMatch(/doc\/[^\s]+\/index\.html/);
  });
});
