// A published URL must not vanish silently (docs/decisions.md §6): with a document removed from a
// copy of the sample, the build still succeeds and warns, naming the URL that is gone.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, tail, type BuildResult } from '../helpers/build.ts';
import { SAMPLE_CONTENT, TODAY } from '../helpers/paths.ts';
import { partition, readSources } from '../helpers/sources.ts';
import { readPublishedList } from '../../src/lib/published-urls.ts';
import { readFileSync } from 'node:fs';

describe('a published URL that the build no longer produces', () => {
  let r: BuildResult;
  let removed: { file: string; url: string };

  beforeAll(async () => {
    const sources = readSources(SAMPLE_CONTENT);
    const { pages } = partition(sources, TODAY);
    const listed = new Set(readPublishedList(readFileSync(path.join(SAMPLE_CONTENT, 'published.txt'), 'utf8')));
    // a document nothing refers to, whose page is in the committed list
    const victim = pages.find(
      (d) =>
        !d.supersededBy &&
        !sources.some((o) => o.supersededBy === d.indexNo) &&
        d.attachments.length === 0 &&
        listed.has(`/doc/${d.slug}/`),
    );
    if (!victim)
      throw new Error(
        'fixture: content/published.txt lists no removable document page (run npm run build && npm run urls:update)',
      );
    removed = { file: victim.file, url: `/doc/${victim.slug}/` };
    r = await buildSite({ name: 'withdrawn', key: victim.file, fixture: (dir) => rmSync(path.join(dir, victim.file)) });
  });

  it('still builds', () => expect(r.exitCode, tail(r)).toBe(0));

  it('warns, naming the vanished URL and what to do', () => {
    const at = r.output.indexOf('在本次构建中不再存在');
    expect(at, `no warning about vanished URLs:\n${tail(r)}`).toBeGreaterThan(-1);
    const warning = r.output.slice(at, at + 2000);
    expect(warning).toContain(removed.url);
    expect(warning).toContain('npm run urls:update');
  });

  it('the unchanged sample warns about none', async () => {
    const { buildSample } = await import('../helpers/build.ts');
    const sample = await buildSample();
    expect(sample.output).not.toContain('在本次构建中不再存在');
  });
});
