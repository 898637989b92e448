import { describe, expect, it } from 'vitest';
import { firstSentence, renderMarkdown, splitFrontmatter } from '../../src/lib/markdown.ts';

describe('renderMarkdown', () => {
  it('moves a body’s h1 headings down a level (the title is the page’s one h1)', async () => {
    expect(await renderMarkdown('# 一、总体情况\n\n## （一）主动公开\n')).toBe(
      '<h2>一、总体情况</h2>\n<h3>（一）主动公开</h3>',
    );
  });
  it('keeps headings that already start at h2', async () => {
    expect(await renderMarkdown('## 一、总体情况\n\n### （一）主动公开\n')).toBe(
      '<h2>一、总体情况</h2>\n<h3>（一）主动公开</h3>',
    );
  });
  it('drops what could run code even if a check was bypassed', async () => {
    const html = await renderMarkdown(
      '<p onclick="x()" style="color:red">字</p>\n\n<script>alert(1)</script>\n\n[a](javascript:alert(1))',
    );
    expect(html).not.toMatch(/onclick|style=|<script|javascript:/);
    expect(html).toContain('<p>字</p>');
  });
  it('gives tables column scope and a focusable scrolling region', async () => {
    const html = await renderMarkdown('| 项目 | 数量 |\n| --- | --- |\n| 规章 | 0 |\n');
    expect(html).toContain('<th scope="col">项目</th>');
    expect(html).toMatch(
      /^<div class="table-scroll" tabindex="0" role="region" aria-label="表格（可左右滚动）"[^>]*><table>/,
    );
  });
  it('leaves a link to another page of the site as written (not a file)', async () => {
    expect(await renderMarkdown('见[另一份文件](../abc-1/)和[附件](附件.pdf)。')).toBe(
      '<p>见<a href="../abc-1/">另一份文件</a>和<a href="files/%E9%99%84%E4%BB%B6.pdf">附件</a>。</p>',
    );
  });
  it('gives root-relative links to the site’s pages the base path the site is built under', async () => {
    const before = process.env.GONGKAI_BASE;
    try {
      process.env.GONGKAI_BASE = '/xxgk/';
      expect(await renderMarkdown('见[目录](/catalogue/)、[首页](/)和[站外](//www.gov.cn/)。')).toBe(
        '<p>见<a href="/xxgk/catalogue/">目录</a>、<a href="/xxgk/">首页</a>和<a href="//www.gov.cn/">站外</a>。</p>',
      );
      delete process.env.GONGKAI_BASE;
      expect(await renderMarkdown('[目录](/catalogue/)')).toBe('<p><a href="/catalogue/">目录</a></p>');
    } finally {
      if (before === undefined) delete process.env.GONGKAI_BASE;
      else process.env.GONGKAI_BASE = before;
    }
  });
  it('points local files at the document’s files/ folder and leaves other links alone', async () => {
    const html = await renderMarkdown('[附件](附件1.pdf) [站外](https://www.gov.cn/) [锚点](#a)');
    expect(html).toContain(`href="files/${encodeURI('附件1.pdf')}"`);
    expect(html).toContain('href="https://www.gov.cn/"');
    expect(html).toContain('href="#a"');
  });
});

describe('firstSentence (内容概述 fallback)', () => {
  it.each([
    ['各单位：现将有关事项通知如下。请遵照执行。', '各单位：现将有关事项通知如下。'],
    ['# 标题\n\n**为进一步**做好[工作](x.md)，特制定本方案。其余', '为进一步做好工作，特制定本方案。'],
    ['| a | b |\n\n- 第一项内容。', '第一项内容。'],
    ['无句号的一段文字', '无句号的一段文字'],
    ['县人民代表大会常务委员会：\n\n2019年，县人民政府共承办建议126件。其余', '2019年，县人民政府共承办建议126件。'],
  ])('%j → %s', (body, expected) => expect(firstSentence(body)).toBe(expected));
  it('is at most 100 characters', () => {
    const s = firstSentence('字'.repeat(300) + '。');
    expect(s).toHaveLength(100);
    expect(s.endsWith('…')).toBe(true);
  });
});

describe('splitFrontmatter', () => {
  it('gives the body’s first line', () => {
    const r = splitFrontmatter('---\ntitle: a\nb: c\n---\n正文\n');
    expect(r.bodyLine).toBe(5);
    expect(r.body).toBe('正文\n');
    expect(r.hasFrontmatter).toBe(true);
  });
});
