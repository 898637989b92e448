import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listSiteUrls, missingPublishedUrls, outputFileFor, readPublishedList } from '../../src/lib/published-urls.ts';

function site(files: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-urls-'));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), 'x');
  }
  return dir;
}

describe('published URL list', () => {
  it('reads paths, skipping comments and blank lines', () => {
    expect(readPublishedList('# 注释\n/doc/a/\n\n  /catalogue/  \n')).toEqual(['/doc/a/', '/catalogue/']);
  });
  it('maps a path to its output file', () => {
    expect(outputFileFor('/')).toBe('index.html');
    expect(outputFileFor('/doc/a/')).toBe(path.join('doc/a', 'index.html'));
    expect(outputFileFor('/doc/a/files/%E9%99%84%E4%BB%B6.pdf')).toBe('doc/a/files/附件.pdf');
  });
  it('lists the pages, attachments, PDFs, open data, feed and sitemap of a build, not its assets or precompressed copies', () => {
    const dir = site([
      'index.html',
      'doc/a/index.html',
      'doc/a/files/附件.pdf',
      'doc/a/a.pdf',
      'doc/a/report.json',
      'doc/a/report.json.gz',
      'doc/a/index.html.gz',
      'doc/a/files/data.gz',
      'annual-reports/data/table3.csv',
      '_astro/x.css',
      'pagefind/pagefind.js',
      '404.html',
      'manifest.json',
      'catalogue/2/index.html',
      'feed.xml',
      'sitemap.xml',
      'sitemap.xml.gz',
      'feed.xml.gz',
      'sitemap-1.xml',
      'robots.txt',
      'section/guide/feed.xml',
    ]);
    expect(listSiteUrls(dir)).toEqual([
      '/',
      '/annual-reports/data/table3.csv',
      '/catalogue/2/',
      '/doc/a/',
      '/doc/a/a.pdf',
      '/doc/a/files/data.gz',
      '/doc/a/files/附件.pdf',
      '/doc/a/report.json',
      '/feed.xml',
      '/section/guide/feed.xml',
      '/sitemap.xml',
    ]);
  });
  it('names every listed URL the build no longer has', () => {
    const dir = site(['index.html', 'doc/a/index.html']);
    expect(missingPublishedUrls(['/', '/doc/a/', '/doc/b/', '/doc/a/files/附件.pdf'], dir)).toEqual([
      '/doc/b/',
      '/doc/a/files/附件.pdf',
    ]);
  });
});
