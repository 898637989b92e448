// What the deploy tests share: three builds of the sample that differ as consecutive releases do
// (A the sample; B one document's body edited; W that edit and another document withdrawn), copies of
// their dist with a manifest, the real command line, and reading a deployed directory.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {
  createManifest,
  MANIFEST_FILE,
  readManifest,
  serialiseManifest,
  type Manifest,
} from '../../src/lib/deploy/manifest.ts';
import { assertBuilt, buildSite, type BuildResult } from './build.ts';
import { setField } from './fixture.ts';
import { ROOT, TMP } from './paths.ts';
import { slugFromIndexNo } from './sources.ts';

/** Small search shards (as the sample's browser build) so a one-document change touches some shards and not others. */
const ENV = { GONGKAI_CHROMIUM: 'off', GONGKAI_SEARCH_SHARD_PAGES: '16' };
export const BASE = '/xxgk/';
export const EDITED = 'documents/2024/emergency-7-15-qiangjiangyu-tongbao.md';
export const EDITED_SLUG = slugFromIndexNo('11999999999900070P/202407-00023');
export const EDIT_TEXT = '部署测试：这一句是第二个版本加入的正文。';
export const WITHDRAWN = 'documents/2023/education-xuesheng-zizhu-zhengce.md';
export const WITHDRAWN_SLUG = slugFromIndexNo('119999999999000542/202308-00025');

function editOne(dir: string): void {
  appendFileSync(path.join(dir, EDITED), `\n${EDIT_TEXT}\n`);
}

function withdrawOne(dir: string): void {
  editOne(dir);
  setField(path.join(dir, WITHDRAWN), 'withdrawn', '{ date: 2026-01-05, reason: 部署测试：撤回 }');
}

export type Which = 'a' | 'b' | 'w';

/** Release A (the sample), B (one document edited) or W (B plus a withdrawn document), built once per run. */
export async function buildRelease(which: Which): Promise<BuildResult> {
  const r = await buildSite({
    name: `deploy-${which}`,
    base: BASE,
    env: ENV,
    ...(which === 'b' && { fixture: editOne, key: EDIT_TEXT }),
    ...(which === 'w' && { fixture: withdrawOne, key: `${EDIT_TEXT}|${WITHDRAWN}|${editOne.toString()}` }),
  });
  assertBuilt(r);
  return r;
}

/**
 * A copy of a build's dist at `dest` with its manifest.json: the build's own when it writes one,
 * else made here with the manifest module (for a build made without the finish step).
 * `edit` changes the copy first (the manifest is then made anew).
 */
export function distCopy(build: BuildResult, dest: string, edit?: (dir: string) => void): string {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(path.dirname(dest), { recursive: true });
  cpSync(build.outDir, dest, { recursive: true });
  const file = path.join(dest, MANIFEST_FILE);
  const own = existsSync(file) ? readManifest(file) : undefined;
  if (!own || edit) {
    edit?.(dest);
    const meta = own
      ? { base: own.base, site_url: own.site_url, commit: own.commit, today: own.today }
      : { base: build.base, site_url: null, commit: null, today: `${build.today} 00:00` };
    writeFileSync(file, serialiseManifest(createManifest(dest, meta)));
  }
  return dest;
}

export function manifestOf(dir: string): Manifest {
  return readManifest(path.join(dir, MANIFEST_FILE));
}

/** A scratch directory for one test file under .tmp/. */
export function scratch(name: string): string {
  const dir = path.join(TMP, `deploy-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  output: string;
}

/** This process's environment without vitest's variables. */
function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(VITEST|NODE_ENV$|TEST$|GONGKAI_)/.test(k) && v !== undefined) env[k] = v;
  return { ...env, NO_COLOR: '1', ...extra };
}

/** Starts `gongkai …` (bin/gongkai.mjs, the command npm run deploy runs). */
export function spawnGongkai(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, 'bin', 'gongkai.mjs'), ...args], {
    cwd: ROOT,
    env: cliEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `gongkai …` to its end. */
export function gongkai(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnGongkai(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, output: stdout + stderr }));
  });
}

/** The release `current` points to in a deploy directory. */
export function currentRelease(dir: string): string {
  return readlinkSync(path.join(dir, 'current')).replace(/^releases\//, '');
}

export const inode = (file: string) => statSync(file).ino;
export const text = (file: string) => readFileSync(file, 'utf8');
