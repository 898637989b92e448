// Several columns built side by side on one machine: what a province's 集约化 platform pays per column
// (docs/scale.md). npm run bench:columns -- --columns 2000,2000,2000,2000 --parallel 1,2
//
// For each --parallel value P, builds every column of --columns (sizes in documents; each is the
// benchmark's generated column .bench/<N>/content, generated if needed) with `npm run build`
// (scripts/build.mjs: the whole product — pages, report PDFs unless --pdf off, search index, link check,
// manifest), P jobs at a time, cold (own output and Astro cache, both removed first). Prints per job the
// wall time and the peak RSS of its process tree, and per P the total wall time, the machine's peak (all
// jobs' trees summed, sampled every 250 ms) and the throughput in documents per minute. Columns of the
// same size read the same content directory (the page cache is shared; their outputs are not).
// Results: .bench/columns/result.json and results/<time>.json.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { sampleTree, TCK, machineBusyTicks } from './proc.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(REPO, '.bench', 'columns');

function parseArgs(argv) {
  const o = { columns: [2000, 2000, 2000, 2000], parallel: [1, 2], pdf: true, today: '2026-11-27' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    const list = (v) => String(v).split(',').map(Number);
    if (a.startsWith('--columns')) o.columns = list(val());
    else if (a.startsWith('--parallel')) o.parallel = list(val());
    else if (a.startsWith('--pdf')) o.pdf = val() !== 'off';
    else if (a.startsWith('--today')) o.today = val();
    else throw new Error(`unknown argument ${a}`);
  }
  if (o.columns.some((n) => !Number.isInteger(n) || n < 1) || o.parallel.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('--columns and --parallel take comma-separated positive integers');
  return o;
}

const args = parseArgs(process.argv.slice(2));
const node = process.execPath;
const fmtGB = (b) => `${(b / 2 ** 30).toFixed(2)} GB`;
const fmtS = (s) => `${s.toFixed(1)} s`;

/** One build, cold, its tree sampled by the caller's sampler through `jobs`. */
function buildColumn(job, jobs) {
  rmSync(job.outDir, { recursive: true, force: true });
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    GONGKAI_CONTENT: job.contentDir,
    GONGKAI_OUT: job.outDir,
    GONGKAI_TODAY: args.today,
    ...(args.pdf ? {} : { GONGKAI_CHROMIUM: 'off' }),
  };
  // the Astro cache of this content + output (src/lib/build-options.ts), so every build is cold
  return import(path.join(REPO, 'src/lib/build-options.ts')).then(({ resolveBuildOptions }) => {
    rmSync(resolveBuildOptions(env, REPO).cacheDir, { recursive: true, force: true });
    const t0 = performance.now();
    const child = spawn(node, [path.join(REPO, 'scripts/build.mjs')], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const keep = (d) => (tail = (tail + d).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    job.pid = child.pid;
    job.peak = 0;
    jobs.add(job);
    return new Promise((resolve) =>
      child.on('close', (code, signal) => {
        jobs.delete(job);
        job.seconds = (performance.now() - t0) / 1000;
        job.ok = code === 0 && !signal;
        if (!job.ok) job.tail = tail;
        resolve(job);
      }),
    );
  });
}

async function runRound(parallel) {
  const queue = args.columns.map((docs, i) => ({
    column: i + 1,
    docs,
    contentDir: path.join(REPO, '.bench', String(docs), 'content'),
    outDir: path.join(OUT, `dist-${i + 1}`),
  }));
  const running = new Set();
  let machinePeak = 0;
  const busy0 = machineBusyTicks();
  const sampler = setInterval(() => {
    let sum = 0;
    for (const job of running) {
      let rss = 0;
      for (const st of sampleTree(job.pid).values()) rss += st.rssBytes;
      job.peak = Math.max(job.peak, rss);
      sum += rss;
    }
    machinePeak = Math.max(machinePeak, sum);
  }, 250);
  const t0 = performance.now();
  const done = [];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const r = await buildColumn(job, running);
      console.log(
        `columns: P=${parallel} column ${r.column} (${r.docs} documents) ${r.ok ? 'ok' : 'FAILED'} in ${fmtS(r.seconds)}, peak ${fmtGB(r.peak)}`,
      );
      if (!r.ok) console.log(r.tail);
      done.push(r);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  clearInterval(sampler);
  const wall = (performance.now() - t0) / 1000;
  const cpu = (machineBusyTicks() - busy0) / TCK;
  const docs = done.reduce((s, r) => s + r.docs, 0);
  return {
    parallel,
    wallSeconds: wall,
    machineCpuSeconds: cpu,
    machinePeakRssBytes: machinePeak,
    documentsPerMinute: (docs / wall) * 60,
    ok: done.every((r) => r.ok),
    jobs: done
      .sort((a, b) => a.column - b.column)
      .map(({ column, docs, seconds, peak, ok }) => ({ column, docs, seconds, peakRssBytes: peak, ok })),
  };
}

mkdirSync(path.join(OUT, 'results'), { recursive: true });
for (const n of new Set(args.columns)) await generate(n, { log: (m) => console.log(`columns: ${m}`) });
const rounds = [];
for (const p of args.parallel) rounds.push(await runRound(p));

const lines = [
  `columns: ${args.columns.join(', ')} documents; PDFs ${args.pdf ? 'on' : 'off'}; ${os.cpus().length} cores, ${fmtGB(os.totalmem())} memory`,
  '| jobs at a time | total wall | documents/min | machine peak (all jobs) | per job: wall, peak |',
  '|---|---|---|---|---|',
  ...rounds.map(
    (r) =>
      `| ${r.parallel} | ${fmtS(r.wallSeconds)} | ${r.documentsPerMinute.toFixed(0)} | ${fmtGB(r.machinePeakRssBytes)} | ${r.jobs
        .map((j) => `${fmtS(j.seconds)} / ${fmtGB(j.peakRssBytes)}`)
        .join('; ')} |`,
  ),
];
console.log(lines.join('\n'));
const result = {
  when: new Date().toISOString(),
  args,
  cores: os.cpus().length,
  memoryBytes: os.totalmem(),
  rounds,
  table: lines,
};
writeFileSync(path.join(OUT, 'result.json'), JSON.stringify(result, null, 2));
writeFileSync(path.join(OUT, 'results', `${result.when.replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2));
for (const j of rounds.flatMap((r) => r.jobs))
  rmSync(path.join(OUT, `dist-${j.column}`), { recursive: true, force: true });
if (!rounds.every((r) => r.ok)) process.exit(1);
