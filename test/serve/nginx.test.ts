// The built column served by Debian's nginx with exactly the configuration `npm run nginx-config`
// writes (test/helpers/nginx.ts), over HTTP:
// - the sample under /xxgk/, included in a stand-in for the portal's server that has its own regex
//   location for static files and its own add_header (as portals do): every file of the output
//   answers 200 with its bytes, its content type, the security headers (the CSP exactly `CSP`) and its
//   cache class; attachments that download say so; a missing URL answers the 404 page with 404; no
//   directory listing; dotfiles are missing; precompressed files are served to a browser that accepts
//   gzip; `current` may be a symlink switched while nginx runs.
// - the withdrawal fixture (test/helpers/withdraw-fixture.ts) at the host root, as the generated
//   server block: the editors' redirect answers 301 (and takes the files below the old page along),
//   the withdrawn pages stay 200 with their notice, the files below them answer 410.
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutputFiles, MANIFEST_FILE, readManifest } from '../../src/lib/deploy/manifest.ts';
import {
  CACHE_CONTROL,
  cacheClassOf,
  contentTypeOf,
  CSP,
  DOWNLOAD_EXTENSIONS,
  extensionOf,
  securityHeaders,
} from '../../src/lib/serve/headers.ts';
import { assertBuilt, buildSample, type BuildResult } from '../helpers/build.ts';
import { startNginx, type RunningNginx } from '../helpers/nginx.ts';
import { TMP } from '../helpers/paths.ts';
import { ATTACHMENT, buildWithdrawn, LIVE, OLD, reportSlug, slug } from '../helpers/withdraw-fixture.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/** One request, the body as sent (no decompression). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A path below base as a browser requests it: each segment percent-encoded. */
const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');

/** The files the build wrote: its manifest when it has one, else a walk of the directory. */
function outputFiles(outDir: string): string[] {
  const manifest = path.join(outDir, MANIFEST_FILE);
  return existsSync(manifest) ? readManifest(manifest).files.map((f) => f.path) : listOutputFiles(outDir);
}

/** What is wrong with the security headers of an answer ([] when they are as configured). */
function securityProblems(a: Answer, https: boolean): string[] {
  const problems: string[] = [];
  // the one policy the browser tests run under (src/lib/serve/headers.ts), byte for byte
  if (a.headers['content-security-policy'] !== CSP) problems.push(`CSP: ${a.headers['content-security-policy']}`);
  for (const [name, value] of securityHeaders({ https })) {
    if (a.headers[name.toLowerCase()] !== value)
      problems.push(`${name}: ${JSON.stringify(a.headers[name.toLowerCase()])} ≠ ${JSON.stringify(value)}`);
  }
  if (!https && a.headers['strict-transport-security'] !== undefined) problems.push('HSTS over http');
  // server_tokens off: no version
  if (a.headers.server !== 'nginx') problems.push(`Server: ${JSON.stringify(a.headers.server)}`);
  return problems;
}

afterAll(() => agent.destroy());

describe('the sample under /xxgk/, in the portal’s server', () => {
  let build: BuildResult;
  let nginx: RunningNginx;
  let files: string[];
  const dir = path.join(TMP, 'serve-nginx');
  const current = path.join(dir, 'current');
  const release = path.join(dir, 'release-a');
  const url = (p: string) => nginx.url + encodePath(p);
  const doc = (files: string[]) => files.find((f) => /^doc\/[^/]+\/index\.html$/.test(f))!.replace(/index\.html$/, '');
  /** Files added to the served copy for the tests below (not part of the build). */
  let gzFile: string;
  let createdGz = false;
  const extras: Record<string, string> = {
    '.git/config': '[core]\n',
    '.env': 'SECRET=1\n',
    '_astro/.hidden.js': 'x\n',
    '.well-known/security.txt': 'Contact: mailto:security@example.gov.cn\n',
  };
  const attachmentsDir = () => `${doc(files)}files/`;
  const fakeAttachments = ['测试附件.docx', '测试附件.xlsx', '测试附件.ofd', '测试附件.wps', '测试附件.zip'];

  beforeAll(async () => {
    build = await buildSample();
    assertBuilt(build);
    files = outputFiles(build.outDir);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(build.outDir, release, { recursive: true });
    for (const [f, text] of Object.entries(extras)) {
      mkdirSync(path.dirname(path.join(release, f)), { recursive: true });
      writeFileSync(path.join(release, f), text);
    }
    for (const f of fakeAttachments) {
      mkdirSync(path.join(release, attachmentsDir()), { recursive: true });
      writeFileSync(path.join(release, attachmentsDir(), f), 'PK\u0003\u0004 not really\n');
    }
    // precompressed files: the build's own when it writes them, else one made here to prove gzip_static
    gzFile = files.find((f) => f.endsWith('.html.gz'))?.replace(/\.gz$/, '') ?? 'index.html';
    if (!files.includes(`${gzFile}.gz`)) {
      writeFileSync(path.join(release, `${gzFile}.gz`), gzipSync(readFileSync(path.join(release, gzFile))));
      createdGz = true;
    }
    symlinkSync(release, current);
    nginx = await startNginx({
      root: current,
      base: '/xxgk/',
      siteUrl: 'https://www.shilixian.gov.cn',
      redirectsFile: path.join(build.outDir, 'redirects.json'),
      name: 'serve-nginx-server',
      portal: [
        // what a portal's server often has: headers of its own, caching by extension, its own pages
        'add_header X-Portal portal always;',
        'location ~* \\.(?:css|js|png|svg|html|json)$ { root /nonexistent; expires 7d; }',
        'location / { return 418; }',
      ],
    });
  });

  afterAll(async () => {
    await nginx?.stop();
  });

  it('every file of the output answers 200 with its bytes, its type, the security headers and its cache class', async () => {
    expect(files.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const f of files) {
      const a = await get(url(f));
      const want = readFileSync(path.join(build.outDir, f));
      const p: string[] = [];
      if (a.status !== 200) p.push(`status ${a.status}`);
      else if (!a.body.equals(want)) p.push('body differs from the file');
      if (a.headers['content-type'] !== contentTypeOf(f))
        p.push(`Content-Type ${a.headers['content-type']} ≠ ${contentTypeOf(f)}`);
      if (a.headers['cache-control'] !== CACHE_CONTROL[cacheClassOf(f)])
        p.push(`Cache-Control ${a.headers['cache-control']} ≠ ${CACHE_CONTROL[cacheClassOf(f)]}`);
      const download = DOWNLOAD_EXTENSIONS.includes(extensionOf(f));
      if (a.headers['content-disposition'] !== (download ? 'attachment' : undefined))
        p.push(`Content-Disposition ${a.headers['content-disposition']}`);
      // the portal's own headers and rules do not reach the column
      if (a.headers['x-portal'] !== undefined || a.headers.expires !== undefined) p.push('portal headers');
      p.push(...securityProblems(a, true));
      if (p.length) problems.push(`${f}: ${p.join('; ')}`);
    }
    expect(problems).toEqual([]);
    expect(nginx.errorLog()).not.toMatch(/\[(error|crit|alert|emerg)\]/);
  });

  it('types and cache classes: pages, Astro’s and Pagefind’s hashed files, Pagefind’s entry files', async () => {
    const find = (re: RegExp) => {
      const f = files.find((x) => re.test(x));
      expect(f, `the sample output has a file matching ${re}`).toBeTruthy();
      return f!;
    };
    const cases: [file: string, type: string, cache: string][] = [
      ['index.html', 'text/html; charset=utf-8', 'no-cache'],
      [find(/^_astro\/.+\.css$/), 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
      [find(/^_astro\/.+\.js$/), 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      [find(/^pagefind\/.*\.pf_fragment$/), 'application/octet-stream', 'public, max-age=31536000, immutable'],
      [find(/^pagefind\/.*\.pf_index$/), 'application/octet-stream', 'public, max-age=31536000, immutable'],
      [find(/^pagefind\/.*\.pf_meta$/), 'application/octet-stream', 'public, max-age=31536000, immutable'],
      [find(/^pagefind\/.*\/pagefind\.js$/), 'text/javascript; charset=utf-8', 'no-cache'],
      [find(/^pagefind\/.*\/pagefind-entry\.json$/), 'application/json; charset=utf-8', 'no-cache'],
      [find(/^pagefind\/.*\/wasm\.[^/]+\.pagefind$/), 'application/octet-stream', 'no-cache'],
      [find(/^doc\/.+\/files\/.+\.pdf$/), 'application/pdf', 'no-cache'],
      [find(/\.csv$/), 'text/csv; charset=utf-8', 'no-cache'],
    ];
    for (const [f, type, cache] of cases) {
      const a = await get(url(f));
      expect([f, a.status, a.headers['content-type'], a.headers['cache-control']]).toEqual([f, 200, type, cache]);
    }
    // a PDF opens in the browser
    expect((await get(url(find(/^doc\/.+\/files\/.+\.pdf$/)))).headers['content-disposition']).toBeUndefined();
  });

  it('office, OFD, WPS and ZIP attachments download, with their types', async () => {
    const types: Record<string, string> = {
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ofd: 'application/ofd',
      wps: 'application/vnd.ms-works',
      zip: 'application/zip',
    };
    for (const f of fakeAttachments) {
      const a = await get(url(attachmentsDir() + f));
      expect([f, a.status, a.headers['content-type'], a.headers['content-disposition']]).toEqual([
        f,
        200,
        types[extensionOf(f)],
        'attachment',
      ]);
      expect(securityProblems(a, true), f).toEqual([]);
    }
  });

  it('a missing URL answers the column’s 404 page with status 404 and the headers', async () => {
    const page404 = readFileSync(path.join(build.outDir, '404.html'));
    for (const p of ['no-such-page-gongkai-test/', 'doc/no-such-doc/files/x.pdf', '_astro/no-such.js', 'x.docx']) {
      const a = await get(url(p));
      expect(a.status, p).toBe(404);
      expect(a.body.equals(page404), `${p}: the body is 404.html`).toBe(true);
      expect(a.headers['content-type'], p).toBe('text/html; charset=utf-8');
      // a missing hashed asset must not be cached for a year, nor a missing attachment downloaded
      expect(a.headers['cache-control'], p).toBe('no-cache');
      expect(a.headers['content-disposition'], p).toBeUndefined();
      expect(securityProblems(a, true), p).toEqual([]);
    }
  });

  it('no directory listing: a directory without index.html answers the 404 page', async () => {
    for (const p of ['doc/', '_astro/', attachmentsDir(), 'pagefind/']) {
      const a = await get(url(p));
      expect(a.status, p).toBe(404);
      expect(a.body.toString(), p).not.toMatch(/Index of/i);
    }
  });

  it('a directory without its slash and the base without its slash are redirected to a path on the same host', async () => {
    const a = await get(url('catalogue'));
    expect([a.status, a.headers.location]).toEqual([301, '/xxgk/catalogue/']);
    const b = await get(`${nginx.origin}/xxgk`);
    expect([b.status, b.headers.location]).toEqual([301, '/xxgk/']);
    expect(securityProblems(a, true)).toEqual([]);
    expect(securityProblems(b, true)).toEqual([]);
    expect(b.headers['x-portal']).toBeUndefined();
  });

  it('dotfiles are missing (404 page), /.well-known/ is served', async () => {
    for (const p of ['.git/config', '.env', '_astro/.hidden.js', '.git/']) {
      const a = await get(url(p));
      expect(a.status, p).toBe(404);
      expect(a.body.toString(), p).not.toContain('SECRET');
      expect(a.body.toString(), p).not.toContain('[core]');
    }
    const wk = await get(url('.well-known/security.txt'));
    expect([wk.status, wk.headers['content-type']]).toEqual([200, 'text/plain; charset=utf-8']);
  });

  it('the portal’s own locations still answer outside the column', async () => {
    expect((await get(`${nginx.origin}/portal/page`)).status).toBe(418);
    expect((await get(`${nginx.origin}/`)).status).toBe(418);
    // the portal's regex location answers its own static files (here: from a directory that is not there)
    const css = await get(`${nginx.origin}/portal/site.css`);
    expect([css.status, css.headers['x-portal']]).toEqual([404, 'portal']);
  });

  it('precompressed files: the .gz to a browser that accepts gzip, the file itself to one that does not', async () => {
    const gz = readFileSync(path.join(release, `${gzFile}.gz`));
    const plain = readFileSync(path.join(release, gzFile));
    const p = gzFile === 'index.html' ? '' : gzFile;
    const zipped = await get(url(p), { 'Accept-Encoding': 'gzip, deflate, br' });
    expect([zipped.status, zipped.headers['content-encoding'], zipped.headers.vary]).toEqual([
      200,
      'gzip',
      'Accept-Encoding',
    ]);
    expect(zipped.body.equals(gz), `the body is ${gzFile}.gz${createdGz ? ' (made by this test)' : ''}`).toBe(true);
    expect(zipped.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(securityProblems(zipped, true)).toEqual([]);
    const raw = await get(url(p));
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(raw.body.equals(plain)).toBe(true);
  });

  it('follows the `current` symlink per request: a switch is served at once', async () => {
    const other = path.join(dir, 'release-b');
    mkdirSync(other, { recursive: true });
    writeFileSync(path.join(other, 'index.html'), '<!doctype html><title>b</title>release b\n');
    const swap = (to: string) => {
      const tmp = `${current}.new`;
      rmSync(tmp, { force: true });
      symlinkSync(to, tmp);
      renameSync(tmp, current); // atomic, as a deployment switches
    };
    try {
      expect((await get(url(''))).body.toString()).not.toContain('release b');
      swap(other);
      const b = await get(url(''));
      expect([b.status, b.body.toString()]).toEqual([200, '<!doctype html><title>b</title>release b\n']);
    } finally {
      swap(release);
    }
    expect((await get(url(''))).body.toString()).not.toContain('release b');
  });
});

describe('the withdrawal fixture at the host root, as the generated server block', () => {
  let build: BuildResult;
  let nginx: RunningNginx;
  const url = (p: string) => nginx.url + encodePath(p.replace(/^\//, ''));

  beforeAll(async () => {
    build = await buildWithdrawn();
    assertBuilt(build);
    nginx = await startNginx({
      root: build.outDir,
      base: '/',
      siteUrl: 'http://www.shilixian.gov.cn',
      redirectsFile: path.join(build.outDir, 'redirects.json'),
      name: 'serve-nginx-withdrawn',
    });
  });

  afterAll(async () => {
    await nginx?.stop();
  });

  it('is a server block with the redirect and both withdrawn pages', () => {
    expect(nginx.config.kind).toBe('server');
    expect([nginx.config.redirects, nginx.config.withdrawn]).toEqual([1, 2]);
  });

  it('every file of the output answers 200 with its type; over http no HSTS', async () => {
    const problems: string[] = [];
    for (const f of outputFiles(build.outDir)) {
      // the old URL's page moves the reader on without a server; with nginx it is a 301
      if (`/${f}` === `${OLD}index.html`) continue;
      const a = await get(url(f), {}, 'HEAD');
      const p = [
        ...(a.status === 200 ? [] : [`status ${a.status}`]),
        ...(a.headers['content-type'] === contentTypeOf(f) ? [] : [`Content-Type ${a.headers['content-type']}`]),
        ...securityProblems(a, false),
      ];
      if (p.length) problems.push(`${f}: ${p.join('; ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('the editors’ redirect answers 301 to the new page, and takes the files below the old page along', async () => {
    const page = await get(url(OLD));
    expect([page.status, page.headers.location]).toEqual([301, LIVE]);
    expect(securityProblems(page, false)).toEqual([]);
    const file = await get(url(`${OLD}files/附件1.pdf`));
    expect([file.status, file.headers.location]).toEqual([301, `${LIVE}files/${encodeURIComponent('附件1')}.pdf`]);
    const query = await get(`${url(OLD)}?from=old`);
    expect(query.headers.location).toBe(`${LIVE}?from=old`);
  });

  it('a withdrawn page stays (200, its notice); what was below it answers 410 with the notice', async () => {
    for (const s of [slug, reportSlug]) {
      const page = await get(url(`/doc/${s}/`));
      expect(page.status, s).toBe(200);
      expect(page.body.toString(), s).toContain('本信息已撤回');
      expect(securityProblems(page, false), s).toEqual([]);
    }
    const notice = readFileSync(path.join(build.outDir, 'doc', slug, 'index.html'));
    for (const p of [`/doc/${slug}/files/${ATTACHMENT}`, `/doc/${slug}/index.html`, `/doc/${reportSlug}/report.json`]) {
      const a = await get(url(p));
      if (p.endsWith('index.html')) {
        expect(a.status, p).toBe(200);
        continue;
      }
      expect(a.status, p).toBe(410);
      expect(a.headers['content-type'], p).toBe('text/html; charset=utf-8');
      expect(a.body.toString(), p).toContain('本信息已撤回');
      expect(securityProblems(a, false), p).toEqual([]);
    }
    const gone = await get(url(`/doc/${slug}/files/${ATTACHMENT}`));
    expect(gone.body.equals(notice)).toBe(true);
  });

  it('a missing URL answers the 404 page with status 404', async () => {
    const a = await get(url('/no-such-page/'));
    expect(a.status).toBe(404);
    expect(a.body.equals(readFileSync(path.join(build.outDir, '404.html')))).toBe(true);
    expect(securityProblems(a, false)).toEqual([]);
  });
});
