// Where releases go (docs/design.md "Deploying"): a directory on this machine, or `user@host:DIR`
// reached over ssh (rsync over ssh copies, ssh runs the few commands a release needs: mkdir, cp -al
// for hard links, sha256sum for the verification, ln -sfn + mv -T for the switch, rm -rf for old
// releases). Both targets do the same operations, on paths relative to DIR with '/' separators;
// src/lib/deploy/release.ts decides which.
//
// The server needs a POSIX shell and GNU coreutils (cp --parents, mv -T, sha256sum) and rsync:
// Debian, Ubuntu, Kylin, UOS, CentOS and openEuler have them.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileProblem } from './manifest.ts';
import { CURRENT, DeployError, LOCK_DIR, RELEASE_META, RELEASES_DIR, type ReleaseMeta } from './plan.ts';

export interface LockOwner {
  host: string;
  pid: number;
  started: string;
  command: string;
}

export interface TargetState {
  /** DIR exists. */
  exists: boolean;
  /** The release `current` points to (its name in releases/), null when there is no `current`. */
  current: string | null;
  /** Set when `current` exists but is not a symlink into releases/ (a directory put there by hand). */
  currentProblem?: string;
  /** Every name in releases/ (releases, partial uploads, anything else), with the release's meta when it has one. */
  entries: { name: string; meta: ReleaseMeta | null }[];
}

export interface VerifyEntry {
  path: string;
  sha256: string;
  size: number;
}

export type Progress = (done: number, total: number) => void;

export interface Target {
  /** For messages: `/srv/xxgk（本机）`, `root@host:/srv/xxgk（ssh）`. */
  readonly label: string;
  readonly remote: boolean;
  /** mkdir -p DIR/releases. */
  init(): Promise<void>;
  /** Takes the lock; returns null when taken, else the holder (as far as it can be read). */
  lock(owner: LockOwner): Promise<LockOwner | 'unknown' | null>;
  unlock(): Promise<void>;
  state(): Promise<TargetState>;
  /** A text file's content, null when it does not exist. */
  readText(rel: string): Promise<string | null>;
  /** Several at once (one command on a server). */
  readTexts(rels: string[]): Promise<(string | null)[]>;
  writeText(rel: string, text: string): Promise<void>;
  /** rm -rf of each. */
  remove(rels: string[]): Promise<void>;
  makeDir(rel: string): Promise<void>;
  /** Hard links toDir/p → fromDir/p for each p (directories made as needed; with `replace`, over an existing file). */
  link(fromDir: string, toDir: string, paths: string[], replace: boolean): Promise<void>;
  /** Copies localDir/p to toDir/p for each p (files 0644, directories 0755). */
  upload(localDir: string, toDir: string, paths: string[], progress: Progress): Promise<void>;
  /** What is wrong in dir against the list (missing, other size, other SHA-256), in Chinese; [] when all match. */
  verify(dir: string, files: VerifyEntry[], progress: Progress): Promise<string[]>;
  rename(from: string, to: string): Promise<void>;
  /** current.tmp → releases/<id>, then renamed over `current` (one rename(2): atomic). */
  switchCurrent(id: string): Promise<void>;
  /**
   * A verified upload goes live: `meta` written to partial/RELEASE_META, partial renamed to
   * releases/<id>, current switched to it (one command on a server).
   */
  finish(partial: string, id: string, meta: string): Promise<void>;
}

/** `user@host:DIR` or `host:DIR` (ssh); anything else is a local path. */
export function parseTarget(
  spec: string,
): { remote: false; dir: string } | { remote: true; host: string; dir: string } {
  const m = /^((?:[^@/:\s]+@)?(?:\[[0-9a-fA-F:]+\]|[^@/:\s]+)):(.*)$/.exec(spec);
  // a Windows drive letter (C:\…) is a local path
  if (m && !/^[A-Za-z]$/.test(m[1]!)) return { remote: true, host: m[1]!, dir: m[2] || '.' };
  return { remote: false, dir: spec };
}

/** Splits an ssh command line ("ssh -p 2222 -i 'my key'") into words: spaces separate, quotes group. */
export function splitCommand(line: string): string[] {
  const out: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (/\s/.test(ch)) {
      if (word !== null) out.push(word);
      word = null;
    } else word = (word ?? '') + ch;
  }
  if (quote) throw new Error(`ssh 命令中的引号不成对：${line}`);
  if (word !== null) out.push(word);
  return out;
}

/** A word for sh: single-quoted. */
export function shq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a lock holder is a process of this machine that has ended (a killed deploy): its lock may be taken over. */
export function lockIsStale(owner: LockOwner | 'unknown', host: string): boolean {
  return owner !== 'unknown' && owner.host === host && owner.pid > 0 && !isAlive(owner.pid);
}

function parseOwner(text: string | null): LockOwner | 'unknown' {
  try {
    const o = JSON.parse(text ?? '') as LockOwner;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? o : 'unknown';
  } catch {
    return 'unknown';
  }
}

function parseMeta(text: string | null): ReleaseMeta | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as ReleaseMeta;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** GONGKAI_DEPLOY_THROTTLE_MS: a pause after each copied file (the interrupted-upload test makes the copy slow with it). */
function throttle(): number {
  const v = Number(process.env.GONGKAI_DEPLOY_THROTTLE_MS);
  return Number.isFinite(v) && v > 0 ? v : 0;
}

export class LocalTarget implements Target {
  readonly remote = false;
  readonly label: string;
  readonly dir: string;
  constructor(dir: string) {
    this.dir = path.resolve(dir);
    this.label = `${this.dir}（本机）`;
  }

  private abs(rel: string): string {
    return path.join(this.dir, ...rel.split('/'));
  }

  async init(): Promise<void> {
    mkdirSync(this.abs(RELEASES_DIR), { recursive: true });
  }

  async lock(owner: LockOwner): Promise<LockOwner | 'unknown' | null> {
    try {
      mkdirSync(this.abs(LOCK_DIR));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      return parseOwner(await this.readText(`${LOCK_DIR}/owner`));
    }
    writeFileSync(this.abs(`${LOCK_DIR}/owner`), JSON.stringify(owner));
    return null;
  }

  async unlock(): Promise<void> {
    rmSync(this.abs(LOCK_DIR), { recursive: true, force: true });
  }

  async state(): Promise<TargetState> {
    if (!existsSync(this.dir)) return { exists: false, current: null, entries: [] };
    const state: TargetState = { exists: true, current: null, entries: [] };
    let st;
    try {
      st = lstatSync(this.abs(CURRENT));
    } catch {
      st = undefined;
    }
    if (st?.isSymbolicLink()) {
      const to = readlinkSync(this.abs(CURRENT));
      const m = /^(?:\.\/)?releases\/([^/]+)\/?$/.exec(to);
      if (m) state.current = m[1]!;
      else state.currentProblem = `current 指向 ${to}，不在 releases/ 中`;
    } else if (st) state.currentProblem = 'current 不是符号链接（可能是手工放置的目录）';
    const releases = this.abs(RELEASES_DIR);
    if (existsSync(releases)) {
      for (const e of readdirSync(releases, { withFileTypes: true })) {
        if (!e.isDirectory()) continue;
        const metaFile = path.join(releases, e.name, RELEASE_META);
        state.entries.push({
          name: e.name,
          meta: parseMeta(existsSync(metaFile) ? readFileSync(metaFile, 'utf8') : null),
        });
      }
    }
    return state;
  }

  async readText(rel: string): Promise<string | null> {
    try {
      return readFileSync(this.abs(rel), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async readTexts(rels: string[]): Promise<(string | null)[]> {
    return Promise.all(rels.map((r) => this.readText(r)));
  }

  async writeText(rel: string, text: string): Promise<void> {
    writeFileSync(this.abs(rel), text);
    chmodSync(this.abs(rel), 0o644);
  }

  async remove(rels: string[]): Promise<void> {
    for (const rel of rels) rmSync(this.abs(rel), { recursive: true, force: true });
  }

  async makeDir(rel: string): Promise<void> {
    mkdirSync(this.abs(rel), { recursive: true });
    chmodSync(this.abs(rel), 0o755);
  }

  /** Makes rel's parent folders, each 0755 whatever the umask: the web server's workers must enter them. */
  private ensureDirs(root: string, rel: string, made: Set<string>) {
    const parts = path.posix.dirname(rel).split('/');
    if (parts[0] === '.') return;
    for (let i = 1; i <= parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (made.has(dir)) continue;
      const abs = path.join(root, ...parts.slice(0, i));
      try {
        mkdirSync(abs);
        chmodSync(abs, 0o755);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      made.add(dir);
    }
  }

  async link(fromDir: string, toDir: string, paths: string[], replace: boolean): Promise<void> {
    const from = this.abs(fromDir);
    const to = this.abs(toDir);
    const made = new Set<string>();
    for (const p of paths) {
      this.ensureDirs(to, p, made);
      const dest = path.join(to, ...p.split('/'));
      if (replace) rmSync(dest, { force: true });
      linkSync(path.join(from, ...p.split('/')), dest);
    }
  }

  async upload(localDir: string, toDir: string, paths: string[], progress: Progress): Promise<void> {
    const to = this.abs(toDir);
    const made = new Set<string>();
    const pause = throttle();
    let done = 0;
    for (const p of paths) {
      this.ensureDirs(to, p, made);
      const dest = path.join(to, ...p.split('/'));
      copyFileSync(path.join(localDir, ...p.split('/')), dest);
      chmodSync(dest, 0o644);
      progress(++done, paths.length);
      if (pause) await sleep(pause);
    }
  }

  async verify(dir: string, files: VerifyEntry[], progress: Progress): Promise<string[]> {
    const root = this.abs(dir);
    const problems: string[] = [];
    let done = 0;
    for (const f of files) {
      const problem = fileProblem(path.join(root, ...f.path.split('/')), f, '发布版本');
      if (problem) problems.push(problem);
      if (++done % 2000 === 0) progress(done, files.length);
    }
    progress(files.length, files.length);
    return problems;
  }

  async rename(from: string, to: string): Promise<void> {
    renameSync(this.abs(from), this.abs(to));
  }

  async switchCurrent(id: string): Promise<void> {
    const tmp = this.abs(`${CURRENT}.tmp`);
    try {
      unlinkSync(tmp);
    } catch {
      // not there
    }
    symlinkSync(`${RELEASES_DIR}/${id}`, tmp);
    renameSync(tmp, this.abs(CURRENT));
  }

  async finish(partial: string, id: string, meta: string): Promise<void> {
    await this.writeText(`${partial}/${RELEASE_META}`, meta);
    await this.rename(partial, `${RELEASES_DIR}/${id}`);
    await this.switchCurrent(id);
  }
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command, feeding `input` to its standard input; `onLine` sees each stdout line as it comes. */
export function run(argv: string[], input?: string | Buffer, onLine?: (line: string) => void): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (onLine) {
        pending += d;
        const lines = pending.split('\n');
        pending = lines.pop()!;
        for (const l of lines) onLine(l);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {
      // the command exited without reading all of its input: its exit code says why
    });
    child.stdin.end(input ?? '');
  });
}

export class SshTarget implements Target {
  readonly remote = true;
  readonly label: string;
  readonly host: string;
  readonly dir: string;
  /** The ssh command and its options (`ssh -p 2222 -i key`), also rsync's `-e`. */
  readonly ssh: string[];
  constructor(host: string, dir: string, ssh: string) {
    this.host = host;
    this.dir = dir.replace(/\/+$/, '') || '/';
    this.ssh = splitCommand(ssh);
    if (!this.ssh.length) throw new Error('ssh 命令为空');
    // one connection for the dozen commands of a release (rsync's included), unless the operator's
    // ssh command sets its own multiplexing; the master ends 15 s after the last command
    if (!this.ssh.some((w) => /^-?o?\s*Control(Path|Master)/i.test(w) || /^-S/.test(w)))
      this.ssh.push(
        '-o',
        'ControlMaster=auto',
        '-o',
        `ControlPath=${path.join(tmpdir(), 'gongkai-ssh-%C')}`,
        '-o',
        'ControlPersist=15',
      );
    this.label = `${host}:${this.dir}（ssh）`;
  }

  /** Runs a sh script in DIR on the server. */
  private async sh(script: string, input?: string | Buffer, what = '远程命令'): Promise<string> {
    const r = await this.exec(`cd ${shq(this.dir)} && ${script}`, input);
    if (r.code !== 0)
      throw new DeployError(
        `${what}在 ${this.host} 上失败（退出码 ${r.code}）：${r.stderr.trim() || r.stdout.trim()}`,
        'failed',
      );
    return r.stdout;
  }

  private exec(script: string, input?: string | Buffer, onLine?: (line: string) => void): Promise<RunResult> {
    // umask 022: folders cp makes are 0755 and files 0644 whatever the login's umask (the web server reads them)
    return run([...this.ssh, this.host, `umask 022; ${script}`], input, onLine).then((r) => {
      // ssh itself failed (255): no connection, a refused key
      if (r.code === 255)
        throw new DeployError(
          `无法通过 ssh 连接 ${this.host}：${r.stderr.trim()}\n请检查主机、用户、密钥（--ssh 或环境变量 GONGKAI_DEPLOY_SSH）。`,
          'failed',
        );
      return r;
    });
  }

  /** Made by lock(), which a deploy takes next: one ssh command fewer. */
  private wantInit = false;
  async init(): Promise<void> {
    this.wantInit = true;
  }

  async lock(owner: LockOwner): Promise<LockOwner | 'unknown' | null> {
    const init = this.wantInit ? `mkdir -p ${shq(this.dir)}/${RELEASES_DIR} && ` : '';
    const r = await this.exec(
      `${init}cd ${shq(this.dir)} && if mkdir ${LOCK_DIR} 2>/dev/null; then printf '%s' ${shq(JSON.stringify(owner))} > ${LOCK_DIR}/owner && echo ACQUIRED; ` +
        `else cat ${LOCK_DIR}/owner 2>/dev/null; echo; echo HELD; fi`,
    );
    if (r.code !== 0)
      throw new DeployError(
        `无法在 ${this.host} 上使用 ${this.dir}（创建目录或加锁失败）：${r.stderr.trim()}`,
        'failed',
      );
    this.wantInit = false;
    const out = r.stdout;
    if (out.trim().endsWith('ACQUIRED')) return null;
    return parseOwner(out.replace(/\n?HELD\s*$/, '').trim());
  }

  async unlock(): Promise<void> {
    await this.sh(`rm -rf ${LOCK_DIR}`, undefined, '解锁');
  }

  async state(): Promise<TargetState> {
    const r = await this.exec(
      `cd ${shq(this.dir)} 2>/dev/null || { echo NODIR; exit 0; }; ` +
        `if [ -L ${CURRENT} ]; then echo "CURRENT $(readlink ${CURRENT})"; elif [ -e ${CURRENT} ]; then echo NOTLINK; fi; ` +
        `if [ -d ${RELEASES_DIR} ]; then for d in ${RELEASES_DIR}/*; do [ -d "$d" ] || continue; echo "ENTRY \${d#${RELEASES_DIR}/}"; ` +
        `if [ -f "$d/${RELEASE_META}" ]; then printf 'META '; tr -d '\\n' < "$d/${RELEASE_META}"; echo; fi; done; fi`,
    );
    if (r.code !== 0) throw new DeployError(`读取 ${this.label} 的发布目录失败：${r.stderr.trim()}`, 'failed');
    const state: TargetState = { exists: true, current: null, entries: [] };
    for (const line of r.stdout.split('\n')) {
      if (line === 'NODIR') return { exists: false, current: null, entries: [] };
      if (line === 'NOTLINK') state.currentProblem = 'current 不是符号链接（可能是手工放置的目录）';
      else if (line.startsWith('CURRENT ')) {
        const to = line.slice(8);
        const m = /^(?:\.\/)?releases\/([^/]+)\/?$/.exec(to);
        if (m) state.current = m[1]!;
        else state.currentProblem = `current 指向 ${to}，不在 releases/ 中`;
      } else if (line.startsWith('ENTRY ')) state.entries.push({ name: line.slice(6), meta: null });
      else if (line.startsWith('META ') && state.entries.length) state.entries.at(-1)!.meta = parseMeta(line.slice(5));
    }
    return state;
  }

  async readText(rel: string): Promise<string | null> {
    return (await this.readTexts([rel]))[0]!;
  }

  async readTexts(rels: string[]): Promise<(string | null)[]> {
    if (!rels.length) return [];
    // each file after a line of its own: a separator no JSON or HTML file holds
    const sep = `--gongkai-${process.pid}-${Date.now()}--`;
    const out = await this.sh(
      rels.map((r) => `echo ${shq(sep)}; if [ -f ${shq(r)} ]; then echo Y; cat ${shq(r)}; else echo N; fi`).join('; '),
      undefined,
      '读取文件',
    );
    const parts = out.split(`${sep}\n`).slice(1);
    return rels.map((_, i) => {
      const part = parts[i] ?? 'N\n';
      // the next separator follows the file's last byte directly: the part is the file exactly
      return part.startsWith('Y\n') ? part.slice(2) : null;
    });
  }

  async writeText(rel: string, text: string): Promise<void> {
    await this.sh(`cat > ${shq(rel)} && chmod 644 ${shq(rel)}`, text, '写入文件');
  }

  async remove(rels: string[]): Promise<void> {
    if (rels.length) await this.sh(`rm -rf ${rels.map(shq).join(' ')}`, undefined, '删除');
  }

  /** A directory to make: made by the next link (rsync makes an upload's destination itself). */
  private pendingDir: string | null = null;
  async makeDir(rel: string): Promise<void> {
    this.pendingDir = rel;
  }

  async link(fromDir: string, toDir: string, paths: string[], replace: boolean): Promise<void> {
    if (!paths.length) return;
    const mkdir = this.pendingDir === toDir ? `mkdir -p ${shq(toDir)} && chmod 755 ${shq(toDir)} && ` : '';
    // one cp per few thousand files (xargs), not one process per file
    const dest = path.posix.relative(fromDir, toDir);
    await this.sh(
      `${mkdir}cd ${shq(fromDir)} && xargs -0 -r cp -l --parents${replace ? ' --remove-destination' : ''} -t ${shq(dest)} --`,
      Buffer.from(paths.join('\0')),
      '建立硬链接',
    );
    if (mkdir) this.pendingDir = null;
  }

  async upload(localDir: string, toDir: string, paths: string[], progress: Progress): Promise<void> {
    if (!paths.length) return;
    let done = 0;
    const r = await run(
      [
        'rsync',
        '--files-from=-',
        '--from0',
        '--links',
        '--times',
        '--perms',
        '--chmod=D755,F644',
        '--out-format=%n',
        '-e',
        this.ssh.map((w) => (/[\s'"]/.test(w) ? shq(w) : w)).join(' '),
        `${localDir.replace(/\/+$/, '')}/`,
        `${this.host}:${this.dir}/${toDir}/`,
      ],
      Buffer.from(paths.join('\0')),
      (line) => {
        if (line && !line.endsWith('/')) progress(++done, paths.length);
      },
    );
    if (r.code !== 0)
      throw new DeployError(`rsync 上传到 ${this.label} 失败（退出码 ${r.code}）：${r.stderr.trim()}`, 'failed');
    progress(paths.length, paths.length);
  }

  async verify(dir: string, files: VerifyEntry[], progress: Progress): Promise<string[]> {
    // sha256sum -c on the server: every byte is read there, none comes back over the network
    const list = files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
    const r = await this.exec(
      `cd ${shq(this.dir)}/${shq(dir)} && LC_ALL=C sha256sum -c --quiet - 2>&1; echo "EXIT $?"`,
      list,
    );
    progress(files.length, files.length);
    const lines = r.stdout.split('\n').filter(Boolean);
    const exit = lines.pop();
    if (exit === 'EXIT 0') return [];
    const problems = lines
      .filter((l) => / FAILED( open or read)?$/.test(l))
      .map((l) =>
        l.endsWith('FAILED open or read')
          ? `${l.replace(/: FAILED open or read$/, '')}：缺少`
          : `${l.replace(/: FAILED$/, '')}：SHA-256 与清单不符`,
      );
    return problems.length ? problems : [`sha256sum 在 ${this.host} 上失败：${lines.join(' ').slice(0, 500) || exit}`];
  }

  async rename(from: string, to: string): Promise<void> {
    await this.sh(`mv -T ${shq(from)} ${shq(to)}`, undefined, '重命名');
  }

  private static switchScript(id: string): string {
    return `ln -sfn ${shq(`${RELEASES_DIR}/${id}`)} ${CURRENT}.tmp && mv -T ${CURRENT}.tmp ${CURRENT}`;
  }

  async switchCurrent(id: string): Promise<void> {
    await this.sh(SshTarget.switchScript(id), undefined, '切换 current');
  }

  async finish(partial: string, id: string, meta: string): Promise<void> {
    await this.sh(
      `cat > ${shq(`${partial}/${RELEASE_META}`)} && chmod 644 ${shq(`${partial}/${RELEASE_META}`)} && ` +
        `mv -T ${shq(partial)} ${shq(`${RELEASES_DIR}/${id}`)} && ${SshTarget.switchScript(id)}`,
      meta,
      '切换 current',
    );
  }
}

export function openTarget(spec: string, ssh: string): Target {
  const t = parseTarget(spec);
  return t.remote ? new SshTarget(t.host, t.dir, ssh) : new LocalTarget(t.dir);
}
