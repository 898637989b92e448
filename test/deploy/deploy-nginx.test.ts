// Releases under a running nginx: nginx serves DIR/current under /xxgk/ while a client requests pages,
// the assets each page references and a search's files in a loop, and the test deploys, deploys
// again, kills an upload midway and rolls back. Every response must be 200, and a page and its assets
// must come from one release: each release carries a marker (a <meta> in every page, a comment in
// every CSS/JS file, whose names it also changes, as a new build's hashed names would).
// Deterministically, across each switch: a page loaded before it still gets its assets after it, and
// a search begun before it (manifest, shard entry, pf_meta) still gets its index chunks and fragments
// after it, byte for byte those of the release it began on.
//
// nginx: Debian's, with exactly the configuration `npm run nginx-config` writes (test/helpers/nginx.ts),
// its root the deployment's `current` symlink.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutputFiles, type Manifest } from '../../src/lib/deploy/manifest.ts';
import {
  BASE,
  buildRelease,
  currentRelease,
  distCopy,
  EDITED_SLUG,
  gongkai,
  manifestOf,
  scratch,
  spawnGongkai,
} from '../helpers/deploy.ts';
import { startNginx, type RunningNginx } from '../helpers/nginx.ts';

const MARK = 'gongkai-test-release';
/** The loop's bounds: it stops by itself. */
const MAX_REQUESTS = 300_000;
const MAX_MS = 8 * 60_000;

/**
 * Marks a dist copy as release `marker`: a <meta> in every page; every _astro file (CSS, JS, SVG)
 * renamed (name.hash-marker.ext), references rewritten, a marker comment appended; precompressed .gz
 * siblings rewritten to match.
 */
function markRelease(dir: string, marker: string): void {
  const astro = path.join(dir, '_astro');
  const renames = new Map<string, string>();
  for (const name of readdirSync(astro)) {
    if (name.endsWith('.gz')) continue;
    const ext = path.extname(name);
    renames.set(name, `${name.slice(0, -ext.length)}-${marker}${ext}`);
  }
  for (const rel of listOutputFiles(dir)) {
    if (rel.endsWith('.gz')) continue;
    const isPage = rel.endsWith('.html');
    const inAstro = rel.startsWith('_astro/');
    if (!isPage && !inAstro) continue;
    if (inAstro && !/\.(css|js|svg)$/.test(rel)) throw new Error(`markRelease: ${rel} is not text it can mark`);
    const file = path.join(dir, rel);
    let text = readFileSync(file, 'utf8');
    for (const [from, to] of renames) text = text.split(from).join(to);
    if (isPage) text = text.replace('<head>', `<head><meta name="${MARK}" content="${marker}">`);
    else if (rel.endsWith('.css')) text += `\n/* ${MARK} ${marker} */\n`;
    else if (rel.endsWith('.js')) text += `\n// ${MARK} ${marker}\n`;
    else if (rel.endsWith('.svg')) text += `\n<!-- ${MARK} ${marker} -->\n`;
    let out = file;
    if (inAstro) {
      out = path.join(astro, renames.get(path.basename(rel))!);
      renameSync(file, out);
    }
    writeFileSync(out, text);
    if (existsSync(`${file}.gz`)) {
      rmSync(`${file}.gz`);
      writeFileSync(`${out}.gz`, gzipSync(text, { level: 9 }));
    }
  }
}

let work: string;
let site: string;
let nginx: RunningNginx;
const dists: Record<string, string> = {};
const manifests: Record<string, Manifest> = {};
let pages: string[] = [];

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function get(url: string): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(url);
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

const assetsOf = (html: string) =>
  [...html.matchAll(/(?:href|src)="([^"]*\/_astro\/[^"]+)"/g)].map((m) => new URL(m[1]!, nginx.origin).href);
const markerOf = (html: string) => new RegExp(`<meta name="${MARK}" content="([^"]+)">`).exec(html)?.[1];

interface PageLoad {
  page: string;
  marker: string;
  assets: string[];
}

async function loadPage(page: string, problems: string[]): Promise<PageLoad | undefined> {
  const r = await get(nginx.url + page);
  if (r.status !== 200) {
    problems.push(`${r.status} ${page}`);
    return undefined;
  }
  const html = r.body.toString('utf8');
  const marker = markerOf(html);
  if (!marker) {
    problems.push(`no release marker in ${page}`);
    return undefined;
  }
  return { page, marker, assets: assetsOf(html) };
}

/** A page's assets: all 200, all of the page's release. */
async function loadAssets(p: PageLoad, problems: string[]): Promise<number> {
  for (const a of p.assets) {
    const r = await get(a);
    if (r.status !== 200) problems.push(`${r.status} ${a} (of ${p.page}, release ${p.marker})`);
    else if (!a.includes(`-${p.marker}.`) || !r.body.toString('utf8').includes(`${MARK} ${p.marker}`))
      problems.push(`mixed: ${a} is not of release ${p.marker}, whose page ${p.page} references it`);
  }
  return p.assets.length;
}

interface SearchStart {
  shard: string;
  meta: string;
  /** The exact-match and 繁→简 tables gongkai.json named (content-hashed), loaded later by the search. */
  tables: string[];
}

/** What a search loads first: the search manifest, the first shard's entry file and its pf_meta. */
async function beginSearch(problems: string[]): Promise<SearchStart | undefined> {
  const m = await get(`${nginx.url}pagefind/gongkai.json`);
  if (m.status !== 200) return void problems.push(`${m.status} pagefind/gongkai.json`);
  const manifest = JSON.parse(m.body.toString('utf8')) as {
    shards: { dir: string }[];
    exactFiles: string[];
    t2sFiles: string[];
  };
  const shard = manifest.shards[0]!.dir;
  const tables = [manifest.exactFiles[0]!, manifest.t2sFiles[0]!].map((f) => `pagefind/${f}`);
  const e = await get(`${nginx.url}pagefind/${shard}pagefind-entry.json`);
  if (e.status !== 200) return void problems.push(`${e.status} pagefind/${shard}pagefind-entry.json`);
  const entry = JSON.parse(e.body.toString('utf8')) as { languages: Record<string, { hash: string }> };
  const meta = `pagefind/${shard}pagefind.${Object.values(entry.languages)[0]!.hash}.pf_meta`;
  const r = await get(nginx.url + meta);
  if (r.status !== 200) return void problems.push(`${r.status} ${meta}`);
  return { shard, meta, tables };
}

/**
 * The rest of a search: the shard's index chunks, fragments and filters of the release whose pf_meta
 * it loaded (the release it began on), each 200 with that release's bytes; the exact-match and 繁→简
 * tables gongkai.json named, with their bytes.
 */
async function finishSearch(s: SearchStart, problems: string[]): Promise<number> {
  const release = Object.values(manifests).find((m) => m.files.some((f) => f.path === s.meta));
  if (!release) return (problems.push(`${s.meta} is in no release`), 0);
  const chunks = release.files.filter(
    (f) => f.path.startsWith(`pagefind/${s.shard}`) && /\.(pf_index|pf_fragment|pf_filter)$/.test(f.path),
  );
  // the tables of the release whose gongkai.json it loaded (the same one unless a switch fell in between)
  for (const t of s.tables) {
    const f = Object.values(manifests)
      .flatMap((m) => m.files)
      .find((f) => f.path === t);
    if (f) chunks.push(f);
    else problems.push(`${t} is in no release`);
  }
  for (const f of chunks) {
    const r = await get(nginx.url + f.path);
    if (r.status !== 200) problems.push(`${r.status} ${f.path} (search begun on the release of ${s.meta})`);
    else if (sha(r.body) !== f.sha256) problems.push(`mixed: ${f.path} is not the bytes of the release of ${s.meta}`);
  }
  const r = await get(`${nginx.url}pagefind/${s.shard}pagefind.js`);
  if (r.status !== 200) problems.push(`${r.status} pagefind/${s.shard}pagefind.js`);
  return chunks.length + 1;
}

const deployTo = (dist: string, ...more: string[]) => gongkai(['deploy', '--to', site, '--dist', dist, ...more]);

beforeAll(async () => {
  work = scratch('nginx');
  site = path.join(work, 'site');
  const [a, b, w] = [await buildRelease('a'), await buildRelease('b'), await buildRelease('w')];
  for (const [name, build] of [
    ['r1', a],
    ['r2', b],
    ['r3', w],
  ] as const) {
    dists[name] = distCopy(build, path.join(work, `dist-${name}`), (dir) => markRelease(dir, name));
    manifests[name] = manifestOf(dists[name]);
  }
  const everywhere = (p: string) => Object.values(manifests).every((m) => m.files.some((f) => f.path === p));
  pages = [
    'index.html',
    'search/index.html',
    'catalogue/index.html',
    `doc/${EDITED_SLUG}/index.html`,
    ...manifests.r1!.files.map((f) => f.path).filter((p) => /^(doc|section|catalogue)\/[^/]+\/index\.html$/.test(p)),
  ]
    .filter(everywhere)
    .filter((p, i, all) => all.indexOf(p) === i)
    .slice(0, 12)
    .map((p) => p.replace(/index\.html$/, ''));
  const first = await deployTo(dists.r1!);
  expect(first.code, first.output).toBe(0);
  nginx = await startNginx({ root: path.join(site, 'current'), base: BASE, name: 'deploy-nginx-server' });
});

afterAll(async () => {
  await nginx?.stop();
});

describe('releases under a running nginx', () => {
  it('the releases differ where a switch could mix them: page markers, asset names, the first search shard', () => {
    expect(pages.length).toBeGreaterThan(5);
    const meta = (m: Manifest) => m.files.find((f) => /^pagefind\/s0\/pagefind\..*\.pf_meta$/.test(f.path))!.path;
    expect(meta(manifests.r1!)).not.toBe(meta(manifests.r2!));
  });

  it("never serves a release's bookkeeping (dotfiles)", async () => {
    for (const f of ['.gongkai-release.json', '.gongkai-carried.json'])
      expect((await get(nginx.url + f)).status, f).toBe(404);
    expect((await get(nginx.url)).status).toBe(200);
  });

  it('serves one complete release to every request while it deploys, deploys again, is killed midway and rolls back', async () => {
    const problems: string[] = [];
    const markers: string[] = [];
    let requests = 0;
    let stop = false;
    const started = Date.now();
    const loop = (async () => {
      for (let i = 0; !stop && requests < MAX_REQUESTS && Date.now() - started < MAX_MS; i++) {
        const p = await loadPage(pages[i % pages.length]!, problems);
        requests++;
        if (p) {
          if (markers.at(-1) !== p.marker) markers.push(p.marker);
          requests += await loadAssets(p, problems);
        }
        if (i % 4 === 0) {
          const s = await beginSearch(problems);
          requests += 3;
          if (s) requests += await finishSearch(s, problems);
        }
      }
    })();

    /** A page and a search begun on the release served now, finished after `step` switched it. */
    const across = async (step: () => Promise<void>) => {
      const before: string[] = [];
      const page = await loadPage(`doc/${EDITED_SLUG}/`, before);
      const search = await beginSearch(before);
      expect(before).toEqual([]);
      await step();
      const after: string[] = [];
      expect(await loadAssets(page!, after)).toBeGreaterThan(0);
      expect(await finishSearch(search!, after)).toBeGreaterThan(3);
      expect(after).toEqual([]);
      return page!.marker;
    };

    try {
      // deploy again: r1 → r2
      expect(
        await across(async () => {
          const r = await deployTo(dists.r2!);
          expect(r.code, r.output).toBe(0);
        }),
      ).toBe('r1');
      const r2 = currentRelease(site);

      // an upload killed midway: nothing served changes
      const child = spawnGongkai(['deploy', '--to', site, '--dist', dists.r3!, '--full'], {
        GONGKAI_DEPLOY_THROTTLE_MS: '20',
      });
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout!.setEncoding('utf8').on('data', (d: string) => {
          out += d;
          if (out.includes('上传中：已复制')) resolve();
        });
        child.on('close', () => reject(new Error(`deploy ended before the copy was under way:\n${out}`)));
      });
      const closed = new Promise((r) => child.on('close', r));
      child.kill('SIGKILL');
      await closed;
      expect(currentRelease(site)).toBe(r2);

      // roll back: r2 → r1
      expect(
        await across(async () => {
          const r = await gongkai(['rollback', '--to', site]);
          expect(r.code, r.output).toBe(0);
        }),
      ).toBe('r2');

      // and deploy once more (the killed upload's partial folder is cleaned): r1 → r2
      expect(
        await across(async () => {
          const r = await deployTo(dists.r2!);
          expect(r.code, r.output).toBe(0);
          expect(r.output).toContain('清理上次中断的上传');
        }),
      ).toBe('r1');
      // the loop sees the last release before it stops
      const seenAt = requests;
      while (requests < seenAt + 200) await new Promise((r) => setTimeout(r, 50));
    } finally {
      stop = true;
      await loop;
    }

    expect(problems.slice(0, 20)).toEqual([]);
    // the client saw every switch: r1, r2, back to r1, r2 again; never the killed upload's r3
    expect(markers).toEqual(['r1', 'r2', 'r1', 'r2']);
    expect(requests).toBeGreaterThan(500);
    // nginx's own complaints about the column's requests (the helper's readiness probe asks for / outside it)
    const errors = nginx
      .errorLog()
      .split('\n')
      .filter((l) => /\[(error|crit|alert|emerg)\]/.test(l) && !l.includes('request: "HEAD / HTTP'));
    expect(errors).toEqual([]);
  });
});
