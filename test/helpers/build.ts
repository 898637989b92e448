// Builds a column with the real Astro build, once per test run, shared by every test file.
//
// Each build lives in .tmp/build-<name>/ (dist/, content/ for fixture copies, result.json).
// Builds are serialised across vitest workers and projects by a lock directory
// (.tmp/build.lock): Astro keeps its data store in node_modules/.astro and its generated modules
// in .astro/, which two builds in one root would overwrite under each other. Inside the lock a
// build whose result.json carries this run's id (GONGKAI_TEST_RUN, set by vitest.config.ts /
// scripts/test.mjs) and the same inputs is reused instead of rebuilt: the build and browser
// projects both use the sample build, which is built only once.
//
// GONGKAI_TEST_REUSE=1 reuses a finished build from an earlier run with the same inputs (for
// iterating on tests; never set by npm test).
import { spawn } from 'node:child_process';
import { astroEnv as astroProcessEnv } from '../../src/cli/astro-process.ts';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SAMPLE_CONTENT, TMP, TODAY } from './paths.ts';
import { copyContent } from './fixture.ts';

export interface BuildSpec {
  /** Directory name under .tmp: build-<name>. */
  name: string;
  /** Content directory to build (absolute). Default: the sample column. Ignored with `fixture`. */
  content?: string;
  /**
   * Builds a copy of `content` (default the sample) at .tmp/build-<name>/content, changed by this
   * function first (see fixture.ts for edit helpers). Its source text is part of the memo key.
   */
  fixture?: (dir: string) => void | Promise<void>;
  /** GONGKAI_BASE, default '/'. */
  base?: string;
  /** GONGKAI_TODAY, default TODAY (2026-11-27). */
  today?: string;
  /** Extra text for the memo key (e.g. a fixture's plan), so a changed fixture is rebuilt. */
  key?: string;
  /** Kill the build after this many ms (default 20 min). */
  timeoutMs?: number;
  /** Extra environment variables for the build (e.g. GONGKAI_CHROMIUM), set after the defaults. */
  env?: Record<string, string>;
}

export interface BuildResult {
  name: string;
  /** .tmp/build-<name> */
  dir: string;
  /** GONGKAI_OUT */
  outDir: string;
  /** GONGKAI_CONTENT */
  contentDir: string;
  base: string;
  today: string;
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** stdout + stderr, ANSI colours removed. */
  output: string;
  ms: number;
  /** true when this result was reused from an earlier call. */
  reused?: boolean;
}

const LOCK = path.join(TMP, 'build.lock');
const RUN_ID = process.env.GONGKAI_TEST_RUN || `pid-${process.pid}`;
/** npm run build's script: `astro build`, then the search index in its own process. */
const BUILD = path.join(ROOT, 'scripts', 'build.mjs');

export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '');
}

/** Node ≥ 22.12 for Astro: this process's node when new enough, else the pinned node package. */
export function nodeForAstro(): string {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return process.execPath;
  const pinned = path.join(ROOT, 'node_modules', '.bin', 'node');
  if (existsSync(pinned)) return pinned;
  throw new Error(`Astro needs Node ≥ 22.12; this is ${process.versions.node} and ${pinned} is missing (npm install)`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the build lock and returns its release: for whatever runs Astro in this project's root
 * outside buildSite (the dev-server test). Cross-process: mkdir is atomic; a lock whose owner
 * process is gone is taken over.
 */
export async function acquireBuildLock(): Promise<() => void> {
  mkdirSync(TMP, { recursive: true });
  const owner = path.join(LOCK, 'owner');
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(owner, String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let pid = NaN;
      try {
        pid = Number(readFileSync(owner, 'utf8'));
      } catch {
        // owner file not written yet: give it a moment
      }
      if (Number.isInteger(pid) && pid > 0 && !alive(pid)) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      await sleep(250);
    }
  }
  return () => rmSync(LOCK, { recursive: true, force: true });
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const release = await acquireBuildLock();
  try {
    return await fn();
  } finally {
    release();
  }
}

function keyOf(spec: BuildSpec): string {
  const h = createHash('sha256');
  h.update(
    JSON.stringify({
      content: spec.content ?? SAMPLE_CONTENT,
      base: spec.base ?? '/',
      today: spec.today ?? TODAY,
      ...(spec.env && { env: spec.env }),
    }),
  );
  if (spec.fixture) h.update(spec.fixture.toString());
  if (spec.key) h.update(spec.key);
  return h.digest('hex').slice(0, 16);
}

/** This process's environment without vitest's own variables (NODE_ENV=test, VITEST*, TEST) and GONGKAI_*, for Astro. */
export function astroEnv(): Record<string, string> {
  return astroProcessEnv(process.env, /^GONGKAI_/);
}

const memo = new Map<string, Promise<BuildResult>>();

/** Builds `spec` (or reuses this run's build of it) and returns the result; never throws on a failing build. */
export function buildSite(spec: BuildSpec): Promise<BuildResult> {
  const key = `${spec.name}:${keyOf(spec)}`;
  let p = memo.get(key);
  if (!p) {
    p = withLock(() => buildLocked(spec, keyOf(spec)));
    memo.set(key, p);
  }
  return p;
}

async function buildLocked(spec: BuildSpec, key: string): Promise<BuildResult> {
  const dir = path.join(TMP, `build-${spec.name}`);
  const resultFile = path.join(dir, 'result.json');
  if (existsSync(resultFile)) {
    try {
      const prev = JSON.parse(readFileSync(resultFile, 'utf8')) as BuildResult & { runId: string; key: string };
      if (prev.key === key && (prev.runId === RUN_ID || process.env.GONGKAI_TEST_REUSE === '1')) {
        const { runId: _r, key: _k, ...result } = prev;
        return { ...result, reused: true };
      }
    } catch {
      // unreadable: rebuild
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let contentDir = spec.content ?? SAMPLE_CONTENT;
  if (spec.fixture) {
    const copy = path.join(dir, 'content');
    copyContent(copy, contentDir);
    await spec.fixture(copy);
    contentDir = copy;
  }
  const outDir = path.join(dir, 'dist');
  const base = spec.base ?? '/';
  const today = spec.today ?? TODAY;

  const env = astroEnv();
  Object.assign(env, {
    ASTRO_TELEMETRY_DISABLED: '1',
    GONGKAI_CONTENT: contentDir,
    GONGKAI_BASE: base,
    GONGKAI_OUT: outDir,
    GONGKAI_TODAY: today,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  });
  Object.assign(env, spec.env);

  const started = Date.now();
  const { exitCode, signal, stdout, stderr } = await new Promise<{
    exitCode: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
  }>((resolve, reject) => {
    const child = spawn(nodeForAstro(), [BUILD], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), spec.timeoutMs ?? 20 * 60_000);
    child.on('error', reject);
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      resolve({ exitCode: code, signal: sig, stdout: out, stderr: err });
    });
  });
  const result: BuildResult = {
    name: spec.name,
    dir,
    outDir,
    contentDir,
    base,
    today,
    exitCode,
    signal,
    stdout,
    stderr,
    output: stripAnsi(stdout + '\n' + stderr),
    ms: Date.now() - started,
  };
  writeFileSync(path.join(dir, 'build.log'), result.output);
  writeFileSync(resultFile, JSON.stringify({ ...result, runId: RUN_ID, key }, null, 1));
  return result;
}

/** A short excerpt of a build's output for assertion messages. */
export function tail(result: BuildResult, chars = 4000): string {
  const o = result.output.trim();
  return o.length > chars ? '…' + o.slice(-chars) : o;
}

/** Fails with the build log when the build did not succeed. */
export function assertBuilt(result: BuildResult): void {
  if (result.exitCode !== 0) {
    throw new Error(
      `build "${result.name}" failed (exit ${result.exitCode}${result.signal ? `, ${result.signal}` : ''}); log: ${path.join(result.dir, 'build.log')}\n${tail(result)}`,
    );
  }
}

/** The sample column built under GONGKAI_BASE=/xxgk/: the build and browser tests share it. */
export function buildSample(): Promise<BuildResult> {
  // search shards of 16 pages: the sample's 59 documents make 4, so every search in the tests merges
  // shards and newest-first pages across them as a 70,000-document column does
  return buildSite({ name: 'sample-xxgk', base: '/xxgk/', env: { GONGKAI_SEARCH_SHARD_PAGES: '16' } });
}
