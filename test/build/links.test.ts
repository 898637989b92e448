// The link check over the whole output (src/post-build.ts `links`, src/lib/link-check.ts), built: a
// copy of the sample whose document body links to anchors that do not exist — one on another
// document's page (a Markdown link: the source-level check sees that the page exists, not the
// anchor) and one on its own page (raw HTML) — fails the build, naming the page, its URL, its
// Markdown file, what the link points to and why. The sample itself passes (test/build/build-log.test.ts
// and every test that builds the sample assert the build succeeds).
import { appendFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, tail, type BuildResult } from '../helpers/build.ts';
import { BASE, SAMPLE_CONTENT, TODAY } from '../helpers/paths.ts';
import { partition, readSources } from '../helpers/sources.ts';

const OTHER_ANCHOR = '不存在的说明';
const OWN_ANCHOR = '第九十九条';

function plan() {
  const docs = partition(readSources(SAMPLE_CONTENT), TODAY).pages.filter(
    (d) => !d.data.withdrawn && d.genre !== '年报',
  );
  const [doc, other] = docs;
  if (!doc || !other) throw new Error('fixture: the sample needs two plain documents');
  return { doc, other };
}

describe('a document body linking to anchors that do not exist', () => {
  const { doc, other } = plan();
  let r: BuildResult;
  beforeAll(async () => {
    r = await buildSite({
      name: 'links-broken',
      base: BASE,
      env: { GONGKAI_CHROMIUM: 'off' },
      key: `${doc.file} ${other.slug}`,
      fixture: (dir) =>
        appendFileSync(
          path.join(dir, doc.file),
          `\n\n另见[${other.title}的说明](../${other.slug}/#${OTHER_ANCHOR})。\n\n` +
            `<p>详见<a href="#${OWN_ANCHOR}">本办法第九十九条</a>。</p>\n`,
        ),
    });
  });

  it('fails the build after the link check, with everything else built', () => {
    expect(r.exitCode, tail(r)).toBe(1);
    expect(r.output).toMatch(
      /\[ERROR\] \[gongkai-build\] 构建失败：全站链接检查（src\/post-build\.ts links）出错（退出码 1）/,
    );
    expect(existsSync(path.join(r.outDir, 'doc', doc.slug, 'index.html'))).toBe(true);
    expect(existsSync(path.join(r.outDir, 'pagefind'))).toBe(true);
  });

  it('lists both broken links with why, the link as written, the page, its URL and its Markdown file', () => {
    const out = r.output;
    expect(out, tail(r, 8000)).toContain('全站链接检查发现 2 个失效的站内链接，指向 2 个不存在的文件或锚点：');
    const page = `doc/${doc.slug}/index.html（网址 ${BASE}doc/${doc.slug}/，源文件 ${doc.file}）`;
    const other_ = out.indexOf(
      `${BASE}doc/${other.slug}/#${OTHER_ANCHOR}  锚点不存在（页面中没有 id 为“${OTHER_ANCHOR}”的元素）`,
    );
    expect(other_, tail(r, 8000)).toBeGreaterThan(-1);
    expect(out.slice(other_).split('\n').slice(1, 3)).toEqual([
      `    链接写作“../${other.slug}/#${encodeURIComponent(OTHER_ANCHOR)}”，在页面：`,
      `      ${page}`,
    ]);
    const own = out.indexOf(`${BASE}doc/${doc.slug}/#${OWN_ANCHOR}  锚点不存在`);
    expect(own, tail(r, 8000)).toBeGreaterThan(-1);
    expect(out.slice(own).split('\n').slice(1, 3)).toEqual([`    链接写作“#${OWN_ANCHOR}”，在页面：`, `      ${page}`]);
    // how to fix, and why the check before the build did not say so
    expect(out).toContain('修改方法：');
    expect(out).toContain('npm run check');
  });
});
