#!/usr/bin/env node
// `npm test`: the one command that runs every test (unit, build, browser, serve).
//
// 1. Checks the system tools the build, browser, serving and deployment tests need: Chromium
//    (/usr/bin/chromium), the Noto CJK fonts, poppler's pdftotext, Debian's nginx with gzip_static
//    (/usr/sbin/nginx; the tests start their own on a loopback port, never the system's on port 80),
//    rsync, and OpenSSH's server and client (the deployment tests start their own sshd on loopback).
//    When one is missing and this process may install packages (root, or password-less sudo), it runs
//      apt-get update && apt-get install -y chromium fonts-noto-cjk poppler-utils nginx rsync openssh-server openssh-client
//    otherwise it fails, printing that line. It never skips tests. (Installing nginx or openssh-server
//    may start the system's services on ports 80 and 22; Debian's nginx does not when port 80 is taken.)
// 2. Checks the code itself: formatting (prettier --check), lint (eslint --max-warnings 0) and types
//    (astro check for .astro files, tsc --noEmit for the rest, tests and scripts included).
// 3. Runs `vitest run` over all projects (extra arguments are passed on, e.g. `npm test -- --project unit`)
//    under Node 24 (the `node` devDependency). Exits non-zero if any step failed; a failed code check
//    does not stop the tests, so one run shows every problem.
//
// Plain ESM without dependencies so it also runs under a fresh machine's system Node.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['chromium', 'fonts-noto-cjk', 'poppler-utils', 'nginx', 'rsync', 'openssh-server', 'openssh-client'];
const APT_LINE = `apt-get update && apt-get install -y ${PACKAGES.join(' ')}`;
const CHROMIUM = '/usr/bin/chromium';
const NGINX = '/usr/sbin/nginx';
const SSHD = '/usr/sbin/sshd';

const say = (msg) => console.log(`[test] ${msg}`);
const fail = (msg) => {
  console.error(`[test] FAILED: ${msg}`);
  process.exit(1);
};

function commandExists(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function hasCjkFont() {
  if (commandExists('fc-list')) {
    const r = spawnSync('fc-list', [], { encoding: 'utf8' });
    if (r.status === 0 && /Noto[^\n]*CJK/i.test(r.stdout)) return true;
  }
  // fontconfig may be absent: look for the font files fonts-noto-cjk installs
  for (const dir of ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto']) {
    try {
      if (readdirSync(dir).some((f) => /^Noto(Sans|Serif)CJK/i.test(f))) return true;
    } catch {
      // not there
    }
  }
  return false;
}

/** Debian's nginx is built with gzip_static (the column's precompressed files); another build may not be. */
function nginxHasGzipStatic() {
  const r = spawnSync(NGINX, ['-V'], { encoding: 'utf8' });
  return /--with-http_gzip_static_module/.test(`${r.stdout}${r.stderr}`);
}

function missingTools() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM}) — package chromium`);
  if (!hasCjkFont()) missing.push('Noto CJK fonts — package fonts-noto-cjk');
  if (!commandExists('pdftotext')) missing.push('pdftotext — package poppler-utils');
  if (!existsSync(NGINX)) missing.push(`nginx (${NGINX}) — package nginx`);
  else if (!nginxHasGzipStatic()) missing.push(`nginx with gzip_static (${NGINX} -V) — package nginx`);
  if (!commandExists('rsync')) missing.push('rsync — package rsync');
  if (!existsSync(SSHD)) missing.push(`sshd (${SSHD}) — package openssh-server`);
  if (!commandExists('ssh')) missing.push('ssh — package openssh-client');
  return missing;
}

/** How this process may run apt-get: [] as root, ['sudo', '-n'] with password-less sudo, undefined if it may not. */
function installPrefix() {
  if (!commandExists('apt-get')) return undefined;
  if (typeof process.getuid === 'function' && process.getuid() === 0) return [];
  if (commandExists('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0)
    return ['sudo', '-n'];
  return undefined;
}

function run(argv, opts = {}) {
  say(`$ ${argv.join(' ')}`);
  const r = spawnSync(argv[0], argv.slice(1), { stdio: 'inherit', ...opts });
  if (r.error) return { status: 1, error: r.error };
  return { status: r.status ?? 1, signal: r.signal };
}

// ---- 1. system tools -------------------------------------------------------------------
say('checking system tools: chromium, Noto CJK fonts, pdftotext, nginx, rsync, sshd, ssh');
let missing = missingTools();
if (missing.length === 0) {
  say('system tools present');
} else {
  for (const m of missing) say(`missing: ${m}`);
  const prefix = installPrefix();
  if (!prefix) {
    fail(
      `the browser, PDF, serving and deployment tests need these packages, and this user cannot install them ` +
        `(not root, no password-less sudo, or no apt-get). Run as root:\n\n    ${APT_LINE}\n\nthen run npm test again.`,
    );
  }
  say(`installing: ${APT_LINE}${prefix.length ? ' (through sudo)' : ''}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const upd = run([...prefix, 'apt-get', 'update'], { env });
  if (upd.status !== 0) fail(`apt-get update failed (exit ${upd.status}). Run as root:\n\n    ${APT_LINE}\n`);
  const inst = run([...prefix, 'apt-get', 'install', '-y', ...PACKAGES], { env });
  if (inst.status !== 0) fail(`apt-get install failed (exit ${inst.status}). Run as root:\n\n    ${APT_LINE}\n`);
  missing = missingTools();
  if (missing.length) fail(`still missing after apt-get install: ${missing.join('; ')}`);
  say('system tools installed');
}

// Inside npm scripts `node` is the pinned Node 24 (node_modules/.bin/node). If this script was
// started with an older system Node, use the pinned one so Astro (Node ≥ 22.12) builds.
function nodeBinary() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return process.execPath;
  const pinned = path.join(root, 'node_modules', '.bin', 'node');
  if (existsSync(pinned)) return pinned;
  fail(`Node ${process.versions.node} is too old and ${pinned} is missing: run npm install first.`);
}

// ---- 2. code checks -----------------------------------------------------------------------
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const codeChecks = [
  ['formatting', [bin('prettier'), '--check', '--log-level', 'warn', '.']],
  ['lint', [bin('eslint'), '--max-warnings', '0', '.']],
  ['types (.astro)', [bin('astro'), 'check']],
  ['types (.ts)', [bin('tsc'), '--noEmit']],
];
const failedChecks = [];
if (!process.argv.includes('--no-code-checks')) {
  const pathWithPinnedNode = `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`;
  for (const [name, argv] of codeChecks) {
    const r = run(argv, { cwd: root, env: { ...env, PATH: pathWithPinnedNode } });
    if (r.status !== 0) failedChecks.push(name);
    say(`${name}: ${r.status === 0 ? 'ok' : 'FAILED'}`);
  }
}

// ---- 3. vitest under Node 24 -------------------------------------------------------------
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
if (!existsSync(vitest)) fail(`${vitest} not found: run npm install first.`);
const node = nodeBinary();
const args = process.argv.slice(2).filter((a) => a !== '--no-code-checks');
say(
  `running vitest (projects unit, build, browser, serve) with Node ${spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()}`,
);
// One id per run: the build helper builds each fixture once per run and reuses it across projects.
env.GONGKAI_TEST_RUN ??= `${Date.now()}-${process.pid}`;
const res = run([node, vitest, 'run', ...args], { cwd: root, env });
if (res.error) fail(`could not start vitest: ${res.error.message}`);
if (res.signal) fail(`vitest was killed by ${res.signal}`);
say(res.status === 0 ? 'all tests passed' : `tests FAILED (vitest exit ${res.status})`);
if (failedChecks.length) say(`code checks FAILED: ${failedChecks.join(', ')}`);
process.exit(res.status || (failedChecks.length ? 1 : 0));
