// Sampling a process tree from /proc for the benchmarks (run.mjs, columns.mjs): RSS summed over the tree,
// CPU ticks, and the machine's busy time (to tell what other processes took during a run). Linux only.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export const PAGE = Number(spawnSync('getconf', ['PAGESIZE']).stdout?.toString().trim()) || 4096;
export const TCK = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100;

function readStat(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
    return {
      ppid: Number(rest[1]),
      cpuTicks: Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]), // utime stime cutime cstime
      rssBytes: Number(rest[21]) * PAGE,
      comm: s.slice(s.indexOf('(') + 1, s.lastIndexOf(')')),
    };
  } catch {
    return undefined;
  }
}
/** The process tree under root: pid → stat. /proc/<pid>/task/<tid>/children is not available here, so scan /proc. */
export function sampleTree(root) {
  const stats = new Map();
  for (const name of readdirSync('/proc')) {
    if (name.charCodeAt(0) > 57) continue;
    const st = readStat(name);
    if (st) stats.set(Number(name), st);
  }
  const kids = new Map();
  for (const [pid, st] of stats) {
    if (!kids.has(st.ppid)) kids.set(st.ppid, []);
    kids.get(st.ppid).push(pid);
  }
  const tree = new Map();
  const stack = [root];
  while (stack.length) {
    const p = stack.pop();
    const st = stats.get(p);
    if (!st) continue;
    tree.set(p, st);
    for (const k of kids.get(p) ?? []) stack.push(k);
  }
  return tree;
}
/** Busy jiffies of the whole machine (all cores), to tell how much CPU other processes took during a run. */
export function machineBusyTicks() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal
  return f[0] + f[1] + f[2] + f[5] + f[6] + (f[7] || 0);
}
export function otherBuilds(exclude = new Set()) {
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (name.charCodeAt(0) > 57 || exclude.has(Number(name)) || Number(name) === process.pid) continue;
    let cmd;
    try {
      cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    if (/astro(\.mjs)?\s+(build|check|sync)|vitest|pagefind|playwright|chrom(e|ium)/.test(cmd))
      found.push(`${name}: ${cmd.slice(0, 100)}`);
  }
  return found;
}
