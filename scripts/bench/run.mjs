// gongkai benchmark: npm run bench -- --docs N [--only gongkai|baseline] [--skip-generate]
//                                          [--baseline-store auto|default|chunked] [--max-old-space MB]
// Generates a synthetic column of N documents (generate.mjs), builds it with gongkai and with a bare
// Astro site (baseline/), cold, one after the other, and prints wall time, CPU time, peak memory,
// pages per second and output size of both, with the ratio gongkai/baseline. See README.md.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  createWriteStream,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');

// Astro 7 needs Node ≥ 22.12: re-run under the project's pinned Node if started by the system one.
if (Number(process.versions.node.split('.')[0]) < 22) {
  const pinned = path.join(REPO, 'node_modules/node/bin/node');
  if (!existsSync(pinned)) {
    console.error(
      `bench: Node ${process.version} is too old and ${pinned} is missing; run it as \`npm run bench -- --docs N\``,
    );
    process.exit(2);
  }
  const r = spawnSync(pinned, process.argv.slice(1), { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const { generate } = await import('./generate.mjs');
const { TCK, sampleTree, machineBusyTicks, otherBuilds } = await import('./proc.mjs');

// ---------- arguments ----------
function parseArgs(argv) {
  const o = {
    docs: undefined,
    only: undefined,
    skipGenerate: false,
    baselineStore: 'auto',
    maxOldSpace: undefined,
    today: '2026-11-27',
    queries: true,
    golden: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--docs')) o.docs = Number(val());
    else if (a.startsWith('--only')) o.only = val();
    else if (a === '--skip-generate') o.skipGenerate = true;
    else if (a === '--skip-queries') o.queries = false;
    else if (a === '--skip-golden') o.golden = false;
    else if (a.startsWith('--baseline-store')) o.baselineStore = val();
    else if (a.startsWith('--max-old-space')) o.maxOldSpace = Number(val());
    else if (a.startsWith('--today')) o.today = val();
    else if (a === '--help' || a === '-h') o.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}
const USAGE = `usage: npm run bench -- --docs N [--only gongkai|baseline] [--skip-generate] [--skip-queries] [--skip-golden]
                              [--baseline-store auto|default|chunked] [--max-old-space MB] [--today YYYY-MM-DD]`;
let args;
try {
  args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!Number.isInteger(args.docs) || args.docs < 1) throw new Error('--docs N is required (a positive integer)');
  if (args.only && !['gongkai', 'baseline'].includes(args.only)) throw new Error('--only takes gongkai or baseline');
  if (!['auto', 'default', 'chunked'].includes(args.baselineStore))
    throw new Error('--baseline-store takes auto, default or chunked');
} catch (e) {
  console.error(`bench: ${e.message}\n${USAGE}`);
  process.exit(2);
}
const N = args.docs;
const CHUNKED_FROM = 60000; // Astro 7.3.5's single-file store fails here (docs/decisions.md §2)
const baselineStore = args.baselineStore === 'auto' ? (N >= CHUNKED_FROM ? 'chunked' : 'default') : args.baselineStore;

const benchRoot = path.join(REPO, '.bench', String(N));
mkdirSync(benchRoot, { recursive: true });
const contentDir = path.join(benchRoot, 'content');

// ---------- /proc sampling (scripts/bench/proc.mjs) ----------
const TIME_BIN = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

// ---------- helpers ----------
function walk(dir) {
  let files = 0;
  let bytes = 0;
  let html = 0;
  const rec = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) rec(p);
      else if (e.isFile()) {
        files++;
        bytes += statSync(p).size;
        if (e.name.endsWith('.html')) html++;
      }
    }
  };
  if (existsSync(dir)) rec(dir);
  return { files, bytes, html };
}
function countDocPages(dist) {
  const d = path.join(dist, 'doc');
  if (!existsSync(d)) return 0;
  let n = 0;
  for (const e of readdirSync(d, { withFileTypes: true }))
    if (e.isDirectory() && existsSync(path.join(d, e.name, 'index.html'))) n++;
  return n;
}
const rm = (p) => rmSync(p, { recursive: true, force: true });
// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fmtS = (s) => (s == null ? '–' : `${s.toFixed(1)} s`);
const fmtGB = (b) => (b == null ? '–' : `${(b / 1024 ** 3).toFixed(2)} GB`);
const fmtMB = (b) => (b == null ? '–' : `${(b / 1024 ** 2).toFixed(1)} MB`);

/** Splits a build's timestamped log into phases, from Astro's own log lines. */
function phases(lines, wall) {
  const at = (re, from = 0) => {
    for (let i = from; i < lines.length; i++) if (re.test(lines[i].text)) return i;
    return -1;
  };
  const iSync = at(/\[content\] Syncing content/);
  const iSynced = at(/\[content\] Synced content/);
  const iEntry = at(/Building static entrypoints/);
  const iGen = at(/generating static routes/);
  const iGenDone = iGen >= 0 ? at(/✓ Completed in/, iGen + 1) : -1;
  const iDone = at(/\[build\] Complete!/);
  const iFirst = iGen >= 0 ? at(/[├└]─ /, iGen + 1) : -1;
  const t = (i) => (i >= 0 ? lines[i].t : undefined);
  const d = (a, b) => (a !== undefined && b !== undefined ? b - a : undefined);
  return {
    startup: t(iSync) ?? t(iEntry),
    contentSync: d(t(iSync), t(iSynced)),
    setupAfterSync: d(t(iSynced), t(iEntry)),
    bundling: d(t(iEntry), t(iGen)),
    renderPages: d(t(iGen), t(iGenDone)),
    beforeFirstPage: d(t(iGen), t(iFirst)), // getStaticPaths and the first page's data
    afterPages: d(t(iGenDone), t(iDone)),
    exit: d(t(iDone), wall),
  };
}

/**
 * The build's own steps after the pages, from their log lines: the report PDFs (inside astro
 * build) and the search index (its own process after it), each with the peak tree RSS sampled
 * inside its window.
 */
function steps(lines, series) {
  const at = (re) => lines.find((l) => re.test(l.text))?.t;
  const window = (from, to) => {
    if (from === undefined || to === undefined) return undefined;
    const inside = series.filter(([t]) => t >= from && t <= to + 0.25).map(([, r]) => r);
    return { seconds: to - from, peakRssBytes: inside.length ? Math.max(...inside) : undefined };
  };
  const summary = /gongkai-search-index\] 站内搜索：\d+ 个页面，\d+ 个分片（同时/;
  return {
    searchIndex: window(at(/gongkai-search-index\] 站内搜索：开始建立索引/), at(summary)),
    searchIndexSummary: lines.find((l) => summary.test(l.text))?.text.replace(/^.*\] /, ''),
    reportPdf: window(at(/gongkai-report-pdf\] 正在生成/), at(/gongkai-report-pdf\] 已生成/)),
    linkCheck: window(at(/gongkai-build\] 全站链接检查……/), at(/gongkai-links\] 全站链接检查/)),
  };
}

// ---------- the test harness's build lock ----------
// test/helpers/build.ts serialises builds in the repo root with the lock directory .tmp/build.lock
// (mkdir is atomic; owner pid inside): two builds in one root share node_modules/.astro and .astro.
// The gongkai build takes the same lock, so neither overwrites the other's data store.
const LOCK = path.join(REPO, '.tmp', 'build.lock');
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}
async function acquireLock() {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  let told = false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(path.join(LOCK, 'owner'), String(process.pid));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = NaN;
      try {
        pid = Number(readFileSync(path.join(LOCK, 'owner'), 'utf8'));
      } catch {
        // not there or unreadable: treated as absent
      }
      if (Number.isInteger(pid) && pid > 0 && !alive(pid)) {
        rm(LOCK);
        continue;
      }
      if (!told) console.log(`bench: waiting for the build lock ${path.relative(REPO, LOCK)} (held by pid ${pid})`);
      told = true;
      await sleep(500);
    }
  }
}
const releaseLock = () => {
  try {
    if (Number(readFileSync(path.join(LOCK, 'owner'), 'utf8')) === process.pid) rm(LOCK);
  } catch {
    // not there or unreadable: treated as absent
  }
};
process.on('exit', releaseLock);
let currentChild;
let currentTree = [];
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    // the build's own tree (as last sampled): /usr/bin/time does not pass signals on
    if (currentChild && currentChild.exitCode === null)
      for (const pid of [currentChild.pid, ...currentTree]) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // not there or unreadable: treated as absent
        }
      }
    process.exit(130);
  });

/** Astro's per-page times ("├─ /doc/x/index.html (+12ms)") summed by the URL's first segment. */
function pageTimes(lines) {
  const by = {};
  for (const { text } of lines) {
    const m = /[├└]─ \/([^/ ]*)[^ ]* \(\+(\d+)ms\)/.exec(text);
    if (!m) continue;
    const k = '/' + (m[1].endsWith('.html') || !m[1] ? '' : m[1] + '/');
    by[k] ??= { pages: 0, ms: 0 };
    by[k].pages++;
    by[k].ms += Number(m[2]);
  }
  return by;
}

// ---------- one measured build ----------
/** Share of one core the whole machine spent busy over `ms`. */
async function machineLoad(ms) {
  const b0 = machineBusyTicks();
  await sleep(ms);
  return (machineBusyTicks() - b0) / TCK / (ms / 1000);
}
async function waitQuiet() {
  // Wait (up to 15 min) while someone else's astro build runs or the machine is busy (> 0.3 cores over
  // 5 s, e.g. tests driving a browser): that would distort the figures. An idle browser does not count.
  const started = Date.now();
  let told = false;
  for (;;) {
    const builds = otherBuilds().filter((l) => /astro(\.mjs)?\s+build/.test(l));
    const load = await machineLoad(5000);
    if (!builds.length && load < 0.3) return;
    if (Date.now() - started > 900_000) {
      console.log(`bench: still not quiet after 15 min (load ${load.toFixed(2)} cores); building anyway`);
      return;
    }
    if (!told)
      console.log(
        `bench: waiting for a quiet machine (load ${load.toFixed(2)} cores${builds.length ? '; ' + builds.join('; ') : ''})`,
      );
    told = true;
    await sleep(10000);
  }
}
async function measure(label, opts) {
  await waitQuiet();
  if (!opts.lock) return measureUnlocked(label, opts);
  await acquireLock();
  try {
    return await measureUnlocked(label, opts);
  } finally {
    releaseLock();
  }
}
async function measureUnlocked(label, { cwd, astroArgs, exec, env, dist, clear }) {
  rm(dist);
  for (const c of clear) rm(c);
  const logFile = path.join(benchRoot, `log-${label}.txt`);
  const log = createWriteStream(logFile);
  const timeFile = path.join(benchRoot, `time-${label}.txt`);
  rm(timeFile);
  // an Astro build, or any other command (exec: [program, ...arguments]), e.g. the plain Pagefind run
  const command = exec ?? [
    process.execPath,
    ...(args.maxOldSpace ? [`--max-old-space-size=${args.maxOldSpace}`] : []),
    path.join(REPO, 'node_modules/astro/bin/astro.mjs'),
    ...astroArgs,
  ];
  const [cmd, cmdArgs] = TIME_BIN
    ? [TIME_BIN, ['-o', timeFile, '-f', '%e %U %S %M %x', ...command]]
    : [command[0], command.slice(1)];
  const fullEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env };
  log.write(
    `# ${label}: ${cmd} ${cmdArgs.join(' ')}\n# cwd ${cwd}\n# env ${Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}\n`,
  );
  console.log(`bench: building ${label} … (log: ${path.relative(REPO, logFile)})`);

  const busy0 = machineBusyTicks();
  const t0 = performance.now();
  const child = spawn(cmd, cmdArgs, { cwd, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  currentChild = child;
  const lines = [];
  const stderrTail = [];
  const stdoutTail = [];
  const onData = (stream, tail) => {
    let buf = '';
    stream.on('data', (chunk) => {
      const t = (performance.now() - t0) / 1000;
      buf += chunk.toString('utf8');
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const text = stripAnsi(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        lines.push({ t, text });
        log.write(`[${t.toFixed(3).padStart(9)}] ${stream === child.stderr ? 'E ' : ''}${text}\n`);
        tail.push(text);
        if (tail.length > 30) tail.shift();
      }
    });
  };
  onData(child.stdout, stdoutTail);
  onData(child.stderr, stderrTail);

  let peakRss = 0;
  let peakAt = 0;
  let peakProcs = 0;
  let lastCpuTicks = 0;
  let samples = 0;
  /** [seconds, tree RSS] of every sample: the peak of a step is read from its window */
  const series = [];
  const seenOthers = new Set();
  let lastProgress = t0;
  const sampler = setInterval(() => {
    const tree = sampleTree(child.pid);
    currentTree = [...tree.keys()];
    let rss = 0;
    let cpu = 0;
    for (const st of tree.values()) {
      rss += st.rssBytes;
      cpu += st.cpuTicks;
    }
    samples++;
    series.push([(performance.now() - t0) / 1000, rss]);
    if (rss > peakRss) {
      peakRss = rss;
      peakAt = (performance.now() - t0) / 1000;
      peakProcs = tree.size;
    }
    if (cpu > lastCpuTicks) lastCpuTicks = cpu;
    if (samples % 20 === 0) for (const o of otherBuilds(new Set(tree.keys()))) seenOthers.add(o);
    if (performance.now() - lastProgress > 60000) {
      lastProgress = performance.now();
      const last = lines.length ? lines[lines.length - 1].text.trim().slice(0, 90) : '';
      console.log(
        `bench:   ${label} ${((performance.now() - t0) / 1000).toFixed(0)} s, RSS ${fmtGB(rss)} (peak ${fmtGB(peakRss)}), ${last}`,
      );
    }
  }, 250);
  const status = await new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  const wall = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const busyTicks = machineBusyTicks() - busy0;
  await new Promise((r) => log.end(r));

  let cpu = {
    method: '/proc sampling (utime+stime+cutime+cstime of the tree, last sample; may miss < 0.25 s)',
    seconds: lastCpuTicks / TCK,
  };
  let maxRssSingle;
  let exitCode = status.code;
  if (TIME_BIN && existsSync(timeFile)) {
    const timeText = readFileSync(timeFile, 'utf8');
    const sig = /terminated by signal (\d+)/.exec(timeText);
    if (sig) status.signal = `signal ${sig[1]}`;
    const last = timeText.trim().split('\n').pop();
    const m = /^([\d.]+) ([\d.]+) ([\d.]+) (\d+) (\d+)$/.exec(last ?? '');
    if (m) {
      cpu = {
        method: '/usr/bin/time: user+sys of the build process and all its waited-for descendants (rusage)',
        seconds: Number(m[2]) + Number(m[3]),
        user: Number(m[2]),
        sys: Number(m[3]),
      };
      maxRssSingle = Number(m[4]) * 1024;
      if (exitCode === 0) exitCode = Number(m[5]);
    }
  }
  const out = walk(dist);
  const ok = exitCode === 0 && !status.signal;
  return {
    label,
    ok,
    exitCode,
    signal: status.signal ?? undefined,
    wallSeconds: wall,
    cpuSeconds: cpu.seconds,
    cpuUser: cpu.user,
    cpuSys: cpu.sys,
    cpuMethod: cpu.method,
    cpuUtilisation: cpu.seconds / wall, // cores busy on average
    otherCpuSeconds: Math.max(0, busyTicks / TCK - cpu.seconds), // CPU time others used meanwhile
    peakRssBytes: peakRss,
    peakRssAtSeconds: peakAt,
    peakRssProcesses: peakProcs,
    maxRssSingleProcessBytes: maxRssSingle,
    rssSamples: samples,
    htmlPages: out.html,
    outputFiles: out.files,
    outputBytes: out.bytes,
    pagesPerSecond: out.html / wall,
    phases: phases(lines, wall),
    steps: steps(lines, series),
    pageTimes: pageTimes(lines),
    astroSummary: lines
      .map((l) => l.text)
      .filter((t) => /page\(s\) built in|\[build\] ✓ Completed in|\[types\] Generated/.test(t)),
    otherBuildsSeen: [...seenOthers],
    log: path.relative(REPO, logFile),
    stderrTail: ok ? undefined : stderrTail.length ? stderrTail : stdoutTail,
  };
}

// ---------- main ----------
// one benchmark at a time on this machine: two would distort each other and share .bench/<N>/
const RUN_LOCK = path.join(REPO, '.bench', 'run.lock');
for (let told = false; ;) {
  try {
    mkdirSync(RUN_LOCK, { recursive: false });
    writeFileSync(path.join(RUN_LOCK, 'owner'), String(process.pid));
    break;
  } catch (e) {
    if (e.code !== 'EEXIST') throw e;
    let pid = NaN;
    try {
      pid = Number(readFileSync(path.join(RUN_LOCK, 'owner'), 'utf8'));
    } catch {
      // not there or unreadable: treated as absent
    }
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) {
      rm(RUN_LOCK);
      continue;
    }
    if (!told)
      console.log(`bench: another benchmark runs (pid ${pid}, ${path.relative(REPO, RUN_LOCK)}); waiting for it`);
    told = true;
    await sleep(2000);
  }
}
process.on('exit', () => {
  try {
    if (Number(readFileSync(path.join(RUN_LOCK, 'owner'), 'utf8')) === process.pid) rm(RUN_LOCK);
  } catch {
    // not there or unreadable: treated as absent
  }
});
const started = new Date();
// what is measured: the working tree as it is when the run starts
const git = (...a) => spawnSync('git', a, { cwd: REPO }).stdout?.toString().trim() ?? '';
const gitHead = git('rev-parse', '--short', 'HEAD');
const gitDirty = git('status', '--porcelain', '--', 'src', 'astro.config.mjs', 'package.json') !== '';
let gen;
if (args.skipGenerate) {
  const stampFile = path.join(benchRoot, 'generated.json');
  if (!existsSync(stampFile) || !existsSync(contentDir)) {
    console.error(`bench: --skip-generate, but ${path.relative(REPO, contentDir)} was never generated`);
    process.exit(2);
  }
  gen = JSON.parse(readFileSync(stampFile, 'utf8'));
  console.log(
    `bench: using ${path.relative(REPO, contentDir)} as generated (${gen.sampleDocs} sample + ${gen.generatedDocs} generated)`,
  );
} else {
  gen = await generate(N, { log: (m) => console.log(`bench: ${m}`) });
}

const runs = {};
if (args.only !== 'baseline') {
  const dist = path.join(benchRoot, 'dist-gongkai');
  runs.gongkai = await measure('gongkai', {
    cwd: REPO,
    // npm run build without npm's own process: astro build, then the search index step
    exec: [process.execPath, path.join(REPO, 'scripts/build.mjs')],
    // Astro's full log (a line per page): the phases below are read from its own lines
    env: { GONGKAI_CONTENT: contentDir, GONGKAI_OUT: dist, GONGKAI_TODAY: args.today, GONGKAI_VERBOSE: '1' },
    dist,
    clear: [
      path.join(REPO, 'node_modules/.astro'),
      path.join(REPO, '.astro'),
      path.join(REPO, 'node_modules/.vite/deps'),
    ],
    lock: true,
  });
  runs.gongkai.documentsBuilt = countDocPages(dist);
}
if (args.only !== 'gongkai') {
  const root = path.join(HERE, 'baseline');
  const dist = path.join(benchRoot, 'dist-baseline');
  const cache = path.join(benchRoot, 'cache-baseline');
  runs.baseline = await measure('baseline', {
    cwd: REPO,
    astroArgs: ['build', '--root', root],
    env: {
      BENCH_DOCS: path.join(contentDir, 'documents'),
      BENCH_OUT: dist,
      BENCH_CACHE: cache,
      BENCH_STORE: baselineStore,
    },
    dist,
    clear: [cache, path.join(root, '.astro'), path.join(root, 'node_modules')],
  });
  runs.baseline.documentsBuilt = runs.baseline.htmlPages; // one page per document, nothing else
  runs.baseline.store =
    baselineStore === 'chunked' ? "experimental.collectionStorage: 'chunked'" : 'default (single-file data store)';
}

// ---------- search: one plain Pagefind run over the same pages, cold queries, golden queries ----------
const PAGEFIND_BIN = path.join(REPO, 'node_modules/@pagefind/linux-x64/bin/pagefind_extended');
let search;
if (runs.gongkai?.ok) {
  const dist = path.join(benchRoot, 'dist-gongkai');
  const plainOut = path.join(benchRoot, 'pagefind-plain');
  if (args.only !== 'gongkai' && existsSync(PAGEFIND_BIN)) {
    runs.pagefindPlain = await measure('pagefind-plain', {
      cwd: REPO,
      exec: [
        PAGEFIND_BIN,
        '--site',
        dist,
        '--glob',
        'doc/*/index.html',
        '--output-path',
        plainOut,
        '--force-language',
        'zh-cn',
        '--quiet',
      ],
      env: {},
      dist: plainOut,
      clear: [],
    });
  }
  const { resolveBuildOptions } = await import('../../src/lib/build-options.ts');
  const base = resolveBuildOptions({ GONGKAI_CONTENT: contentDir, GONGKAI_OUT: dist }).base;
  const { coldQueries, goldenAtScale } = await import('./search.mjs');
  search = {
    indexBytes: walk(path.join(dist, 'pagefind')).bytes,
    shards: readdirSync(path.join(dist, 'pagefind')).filter((d) => /^s\d+$/.test(d)).length,
  };
  if (args.queries) {
    console.log('bench: cold queries in Chromium …');
    search.cold = await coldQueries({
      repo: REPO,
      dist,
      base,
      queries: ['预算', '城乡居民基本医疗保险', '示政规〔2019〕2号'],
    });
    console.log('bench: golden queries over the benchmark column …');
    if (args.golden) search.golden = await goldenAtScale({ repo: REPO, dist, base, contentDir, today: args.today });
  }
}

// ---------- report ----------
const astroVersion = JSON.parse(readFileSync(path.join(REPO, 'node_modules/astro/package.json'), 'utf8')).version;
const machine = {
  nproc: os.availableParallelism(),
  cpu: os.cpus()[0]?.model,
  memoryGB: +(os.totalmem() / 1024 ** 3).toFixed(1),
  node: process.version,
  astro: astroVersion,
  kernel: os.release(),
  gitHead,
  gitDirty,
};
const g = runs.gongkai;
const b = runs.baseline;
const ratio = (k) => (g && b && g.ok && b.ok && b[k] ? g[k] / b[k] : undefined);
const rows = [
  ['exit status', (r) => (r.ok ? '0 (ok)' : `FAILED (${r.signal ?? 'exit ' + r.exitCode})`), null],
  ['wall time', (r) => fmtS(r.wallSeconds), 'wallSeconds'],
  ['CPU time (user+sys)', (r) => fmtS(r.cpuSeconds), 'cpuSeconds'],
  ['  cores busy (CPU/wall)', (r) => r.cpuUtilisation.toFixed(2), 'cpuUtilisation'],
  ['peak memory (tree RSS)', (r) => fmtGB(r.peakRssBytes), 'peakRssBytes'],
  ['  largest single process', (r) => fmtGB(r.maxRssSingleProcessBytes), 'maxRssSingleProcessBytes'],
  ['documents built', (r) => String(r.documentsBuilt), null],
  ['pages built (.html)', (r) => String(r.htmlPages), 'htmlPages'],
  ['pages / second', (r) => r.pagesPerSecond.toFixed(1), 'pagesPerSecond'],
  ['output size', (r) => fmtMB(r.outputBytes), 'outputBytes'],
  ['output files', (r) => String(r.outputFiles), 'outputFiles'],
  ['phase: startup', (r) => fmtS(r.phases.startup), null],
  ['phase: content sync', (r) => fmtS(r.phases.contentSync), null],
  ['phase: sync → bundling', (r) => fmtS(r.phases.setupAfterSync), null],
  ['phase: vite bundling', (r) => fmtS(r.phases.bundling), null],
  ['phase: rendering pages', (r) => fmtS(r.phases.renderPages), null],
  ['  of it before 1st page', (r) => fmtS(r.phases.beforeFirstPage), null],
  ['  sum of per-page "+ms"', (r) => fmtS(Object.values(r.pageTimes).reduce((a, v) => a + v.ms, 0) / 1000), null],
  ['other CPU on machine', (r) => fmtS(r.otherCpuSeconds), null],
];
const cols = ['figure', 'gongkai', 'baseline', 'ratio g/b'];
const table = rows.map(([name, f, key]) => [
  name,
  g ? f(g) : '–',
  b ? f(b) : '–',
  key && ratio(key) !== undefined ? ratio(key).toFixed(2) : '',
]);
const widths = cols.map((c, i) => Math.max([...c].length, ...table.map((r) => [...r[i]].length)));
const line = (r) => '| ' + r.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join(' | ') + ' |';
const text = [
  '',
  `gongkai benchmark — N = ${N} documents (${gen.sampleDocs} sample + ${gen.generatedDocs} generated), ${started.toISOString()}`,
  `gongkai at commit ${gitHead}${gitDirty ? ' plus uncommitted changes in src/' : ''}`,
  `machine: ${machine.nproc} cores (${machine.cpu}), ${machine.memoryGB} GB, Node ${machine.node}, Astro ${machine.astro}${args.maxOldSpace ? `, --max-old-space-size=${args.maxOldSpace}` : ''}`,
  b ? `baseline store: ${b.store}` : 'baseline: not run (--only gongkai)',
  `peak memory: largest sum of RSS over the build's process tree, sampled every 250 ms from /proc (not the cgroup's peak: the session cgroup is shared)`,
  `CPU time: ${(g ?? b).cpuMethod}`,
  '',
  line(cols),
  line(widths.map((w) => '-'.repeat(w))),
  ...table.map(line),
  '',
].join('\n');
const p = runs.pagefindPlain;
const searchLines = [];
if (g?.steps?.searchIndex) {
  const si = g.steps.searchIndex;
  searchLines.push(
    `search index step (gongkai, inside its build): ${fmtS(si.seconds)}, peak ${fmtGB(si.peakRssBytes)} (tree RSS in the step's window); ${g.steps.searchIndexSummary ?? ''}; index ${fmtMB(search?.indexBytes)} in ${search?.shards} shard(s)`,
  );
}
if (g?.steps?.reportPdf)
  searchLines.push(
    `report PDF step (gongkai): ${fmtS(g.steps.reportPdf.seconds)}, peak ${fmtGB(g.steps.reportPdf.peakRssBytes)}`,
  );
if (g?.steps?.linkCheck)
  searchLines.push(
    `link check step (gongkai): ${fmtS(g.steps.linkCheck.seconds)}, peak ${fmtGB(g.steps.linkCheck.peakRssBytes)}`,
  );
if (p) {
  searchLines.push(
    `plain Pagefind run over the same document pages (one index, CLI): ${p.ok ? '' : 'FAILED, '}${fmtS(p.wallSeconds)}, CPU ${fmtS(p.cpuSeconds)}, peak ${fmtGB(p.peakRssBytes)}, index ${fmtMB(p.outputBytes)}`,
  );
  if (g?.steps?.searchIndex && p.ok)
    searchLines.push(
      `  index step / plain run: wall ${(g.steps.searchIndex.seconds / p.wallSeconds).toFixed(2)}, peak memory ${(g.steps.searchIndex.peakRssBytes / p.peakRssBytes).toFixed(2)}`,
    );
  if (g?.ok && b?.ok && p.ok)
    searchLines.push(
      `whole product: gongkai ${fmtS(g.wallSeconds)} vs bare Astro + one Pagefind run ${fmtS(b.wallSeconds + p.wallSeconds)} = ${(g.wallSeconds / (b.wallSeconds + p.wallSeconds)).toFixed(2)} (wall); peak ${fmtGB(g.peakRssBytes)}`,
    );
}
for (const c of search?.cold ?? [])
  searchLines.push(
    `cold query “${c.q}”: first results after ${c.requests} requests, ${(c.bytesRaw / 1024).toFixed(0)} KB raw / ${(c.bytesGzip / 1024).toFixed(0)} KB gzip, ${c.msToResults.toFixed(0)} ms from Enter; with the filter counts ${c.allRequests} requests, ${(c.allBytesGzip / 1024).toFixed(0)} KB gzip (${c.status})`,
  );
for (const r of search?.golden?.summary ?? [])
  searchLines.push(
    `golden queries at N=${N}, ${r.class.padEnd(13)}: ${String(r.queries).padStart(3)} queries, recall ${r.recall.toFixed(3)} (${r.found}/${r.expected}), precision ${r.precision.toFixed(3)} (${r.found}/${r.returned})${r.truncated ? `, ${r.truncated} truncated at 30 pages` : ''}${r.firstWrong.length ? `, not first: ${r.firstWrong.join(' ')}` : ''}`,
  );
console.log(text);
if (searchLines.length) console.log(searchLines.join('\n') + '\n');
for (const r of [g, b]) {
  if (!r) continue;
  if (r.astroSummary.length) console.log(`${r.label}: ${r.astroSummary.join(' · ')}`);
  const pt = Object.entries(r.pageTimes).sort((x, y) => y[1].ms - x[1].ms);
  if (pt.length)
    console.log(
      `${r.label}: per-page times summed (Astro's "+ms"): ${pt.map(([k, v]) => `${k} ${v.pages} pages ${(v.ms / 1000).toFixed(1)} s`).join(', ')}`,
    );
  if (r.otherCpuSeconds > 0.1 * r.wallSeconds) {
    const shown = r.otherBuildsSeen.slice(0, 6);
    const more = r.otherBuildsSeen.length - shown.length;
    console.log(
      `WARNING: other processes used ${fmtS(r.otherCpuSeconds)} CPU during the ${r.label} build (${(r.otherCpuSeconds / r.wallSeconds).toFixed(2)} cores on average): figures distorted.${shown.length ? ` Seen:\n  ${shown.join('\n  ')}${more > 0 ? `\n  … and ${more} more` : ''}` : ''}`,
    );
  }
  if (!r.ok) {
    console.log(
      `\n${r.label.toUpperCase()} BUILD FAILED (${r.signal ?? 'exit ' + r.exitCode}); last lines of its output (full log: ${r.log}):`,
    );
    console.log(r.stderrTail.map((l) => '  ' + l).join('\n'));
  }
  if (r.ok && r.documentsBuilt !== N)
    console.log(`NOTE: ${r.label} built ${r.documentsBuilt} document pages for N = ${N}`);
}
const result = {
  N,
  date: started.toISOString(),
  machine,
  generated: gen,
  baselineStore: b ? baselineStore : undefined,
  memoryMethod: 'max over samples of the summed RSS (/proc/<pid>/stat) of the build process tree, every 250 ms',
  runs,
  search,
  ratios:
    g && b
      ? Object.fromEntries(
          ['wallSeconds', 'cpuSeconds', 'peakRssBytes', 'pagesPerSecond', 'outputBytes', 'outputFiles'].map((k) => [
            k,
            ratio(k),
          ]),
        )
      : undefined,
  table: text + (searchLines.length ? '\n' + searchLines.join('\n') : ''),
};
writeFileSync(path.join(benchRoot, 'result.json'), JSON.stringify(result, null, 2) + '\n');
// every run is kept too: result.json is the latest, results/ the history
const variant = `${args.only ?? 'both'}${b ? '-' + baselineStore : ''}`;
mkdirSync(path.join(benchRoot, 'results'), { recursive: true });
writeFileSync(
  path.join(benchRoot, 'results', `${started.toISOString().replace(/[:.]/g, '-')}-${variant}.json`),
  JSON.stringify(result, null, 2) + '\n',
);
console.log(`bench: figures written to ${path.relative(REPO, path.join(benchRoot, 'result.json'))}`);
process.exit(Object.values(runs).every((r) => r.ok) ? 0 : 1);
