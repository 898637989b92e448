// `gongkai deploy` and `gongkai rollback` (docs/design.md "Deploying"): the steps of a release
// against a target (target.ts), decided by the pure functions of plan.ts.
//
// deploy: dist/manifest.json is read and dist checked against it (every file's size and SHA-256) →
// DIR's lock taken → a partial upload left by an interrupted deploy removed → releases/<id>.partial/
// made: files unchanged since the current release hard-linked from it, changed and added files
// copied, the current release's hashed assets and search files that the new one lacks carried
// (hard-linked, listed in .gongkai-carried.json) → every file verified against the manifest → renamed
// to releases/<id>/ → `current` switched (one rename) → old releases removed → lock released.
// Nothing served changes before the switch: an interrupted deploy leaves only the partial folder.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import {
  listOutputFiles,
  MANIFEST_FILE,
  readManifest,
  fileProblem,
  type Manifest,
  type ManifestFile,
} from './manifest.ts';
import {
  CARRIED_FILE,
  DeployError,
  diffManifests,
  filesToCarry,
  formatBytes,
  formatCount,
  formatSeconds,
  LOCK_DIR,
  parseReleaseId,
  PARTIAL_SUFFIX,
  previousRelease,
  RELEASE_FORMAT,
  RELEASES_DIR,
  releaseId,
  releasesToRemove,
  republishedWithdrawn,
  sortReleases,
  type CarriedList,
  type RedirectsJson,
  type ReleaseInfo,
  type ReleaseMeta,
} from './plan.ts';
export { DeployError } from './plan.ts';
import { lockIsStale, type LockOwner, type Target, type TargetState } from './target.ts';

export interface Log {
  info(line: string): void;
  warn(line: string): void;
}

const time = () => new Date().toTimeString().slice(0, 8);
/** Log lines in the build's format (`HH:MM:SS [gongkai-deploy] …`); on stderr with `toStderr` (stdout holds --json). */
export function consoleLog(name: string, toStderr = false): Log {
  return {
    info: (m) => (toStderr ? console.error : console.log)(`${time()} [${name}] ${m}`),
    warn: (m) => console.warn(`${time()} [WARN] [${name}] ${m}`),
  };
}

const releaseDir = (id: string) => `${RELEASES_DIR}/${id}`;
/** At most this many paths in a refusal; the rest counted. */
const SHOWN = 20;
const listSome = (items: string[]) =>
  items
    .slice(0, SHOWN)
    .map((p) => `  ${p}`)
    .join('\n') + (items.length > SHOWN ? `\n  ……另有 ${items.length - SHOWN} 个` : '');

/**
 * dist/manifest.json, and dist checked against it: every listed file there with its size and
 * SHA-256, nothing unlisted. Refuses (rebuild) otherwise: the release would not be what was built.
 */
export function checkDist(dist: string, log: Log): Manifest {
  const manifestFile = path.join(dist, MANIFEST_FILE);
  if (!existsSync(manifestFile))
    throw new DeployError(
      `没有找到发布清单 ${manifestFile}。请先运行 npm run build（构建的最后一步写出 manifest.json），再部署。`,
    );
  let manifest: Manifest;
  try {
    manifest = readManifest(manifestFile);
  } catch (e) {
    throw new DeployError(e instanceof Error ? e.message : String(e));
  }
  const started = Date.now();
  const listed = new Set(manifest.files.map((f) => f.path));
  const problems: string[] = [];
  for (const f of manifest.files) {
    const problem = fileProblem(path.join(dist, ...f.path.split('/')), f, 'dist ');
    if (problem) problems.push(problem);
  }
  for (const p of listOutputFiles(dist)) if (!listed.has(p)) problems.push(`${p}：dist 中有，清单中没有`);
  if (problems.length)
    throw new DeployError(
      `dist 与其发布清单 ${manifestFile} 不一致（${problems.length} 处），构建后可能被改动过：\n${listSome(problems)}\n` +
        '请重新运行 npm run build，再部署。',
    );
  const bytes = manifest.files.reduce((n, f) => n + f.size, 0);
  log.info(
    `检查 dist：${formatCount(manifest.files.length)} 个文件（${formatBytes(bytes)}）与发布清单一致（${formatSeconds(Date.now() - started)}）`,
  );
  return manifest;
}

/** The release's commit: the manifest's (the content's), else the HEAD of the repository deploy runs in, else none. */
export function commitOf(manifest: Manifest, cwd = process.cwd()): string {
  if (manifest.commit) return manifest.commit;
  const r = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

function describeOwner(owner: LockOwner | 'unknown'): string {
  return owner === 'unknown'
    ? '锁的持有者不明'
    : `主机 ${owner.host} 的进程 ${owner.pid}，${owner.started} 开始的 ${owner.command}`;
}

async function withLock<T>(
  target: Target,
  command: string,
  breakLock: boolean,
  log: Log,
  fn: () => Promise<T>,
): Promise<T> {
  const host = hostname();
  const owner: LockOwner = { host, pid: process.pid, started: new Date().toISOString(), command };
  let held = await target.lock(owner);
  if (held && (breakLock || lockIsStale(held, host))) {
    log.warn(
      `${breakLock ? '按 --break-lock 解除' : '接管已中断的部署留下的'}锁（${describeOwner(held)}）：${target.label} ${LOCK_DIR}`,
    );
    await target.unlock();
    held = await target.lock(owner);
  }
  if (held)
    throw new DeployError(
      `${target.label} 正在进行另一次部署或回滚（${describeOwner(held)}），为免互相覆盖，本次不执行。\n` +
        `请等它结束后重试；如确认它已中断，加 --break-lock 重试（或删除目标目录中的 ${LOCK_DIR}）。`,
    );
  try {
    return await fn();
  } finally {
    await target.unlock();
  }
}

function releasesOf(state: TargetState): ReleaseInfo[] {
  return state.entries.filter((e) => parseReleaseId(e.name)).map((e) => ({ id: e.name, meta: e.meta }));
}

function parseManifestText(text: string | null): Manifest | null {
  if (text === null) return null;
  try {
    const m = JSON.parse(text) as Manifest;
    return Array.isArray(m.files) ? m : null;
  } catch {
    return null;
  }
}

function parseJson<T>(text: string | null): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** Logs progress: after the first second, then every 5 seconds (a long copy shows it is alive, a log stays short). */
function progressLogger(log: Log, what: string): (done: number, total: number) => void {
  let last = Date.now();
  let wait = 1000;
  return (done, total) => {
    const now = Date.now();
    if (now - last < wait || done === total) return;
    wait = 5000;
    last = now;
    log.info(`${what}：${formatCount(done)} / ${formatCount(total)} 个文件`);
  };
}

export interface DeployOptions {
  dist: string;
  target: Target;
  keep: number;
  verbose: boolean;
  /** Do not carry the replaced release's assets (their old search files go at once, e.g. after a withdrawal). */
  noCarry?: boolean;
  /** Copy every file (no hard links from the current release). */
  full?: boolean;
  breakLock?: boolean;
  now?: Date;
  log: Log;
}

export interface DeployResult {
  id: string;
  previous: string | null;
  files: number;
  bytes: number;
  copied: number;
  copiedBytes: number;
  linked: number;
  carried: number;
  added: string[];
  changed: string[];
  removed: string[];
  /** Documents withdrawn in this release that the replaced one still published (URLs with the base). */
  newlyWithdrawn: string[];
  removedReleases: string[];
  cleanedPartials: string[];
  ms: number;
}

export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const { target, log } = options;
  const started = Date.now();
  const manifest = checkDist(options.dist, log);
  const commit = commitOf(manifest);
  await target.init();
  return withLock(target, 'deploy', !!options.breakLock, log, async () => {
    const state = await target.state();
    if (state.currentProblem)
      throw new DeployError(
        `${target.label} 中的 ${state.currentProblem}。部署只能切换由它管理的符号链接：请把现有网站移走（或另选目标目录）后重试。`,
      );
    const partials = state.entries.filter((e) => e.name.endsWith(PARTIAL_SUFFIX)).map((e) => e.name);
    if (partials.length) {
      log.info(`清理上次中断的上传（从未上线）：${partials.map((p) => `${RELEASES_DIR}/${p}`).join('、')}`);
      await target.remove(partials.map(releaseDir));
    }
    const releases = releasesOf(state);
    let current = state.current;
    if (current && !releases.some((r) => r.id === current)) {
      log.warn(`current 指向的 ${releaseDir(current)} 不存在：本次完整上传`);
      current = null;
    }
    const [currentManifestText, currentRedirectsText] = current
      ? await target.readTexts([`${releaseDir(current)}/${MANIFEST_FILE}`, `${releaseDir(current)}/redirects.json`])
      : [null, null];
    const currentManifest = parseManifestText(currentManifestText ?? null);
    if (current && !currentManifest)
      log.warn(`当前版本 ${current} 没有可读的 ${MANIFEST_FILE}：本次完整上传，不保留其资源文件`);
    const diff = diffManifests(currentManifest, manifest);
    const base = options.full ? null : currentManifest;
    const linkFrom = base ? diffManifests(base, manifest).unchanged : [];
    const copy: ManifestFile[] = base ? [...diff.added, ...diff.changed] : manifest.files;
    const carry = options.noCarry || !current ? [] : filesToCarry(currentManifest, current, manifest);
    const id = releaseId(
      commit,
      options.now ?? new Date(),
      state.entries.map((e) => e.name.replace(PARTIAL_SUFFIX, '')),
    );
    const partial = `${releaseDir(id)}${PARTIAL_SUFFIX}`;
    const copiedBytes = copy.reduce((n, f) => n + f.size, 0);
    const bytes = manifest.files.reduce((n, f) => n + f.size, 0);
    log.info(
      `目标 ${target.label}：新版本 ${id}；` +
        (current
          ? `与当前版本 ${current} 相比：新增 ${formatCount(diff.added.length)} 个文件，修改 ${formatCount(diff.changed.length)} 个，` +
            `删除 ${formatCount(diff.removed.length)} 个，未变 ${formatCount(diff.unchanged.length)} 个`
          : '目标中还没有版本：完整上传'),
    );
    const meta: ReleaseMeta = {
      format: RELEASE_FORMAT,
      id,
      commit,
      deployed: (options.now ?? new Date()).toISOString(),
      previous: current,
      files: manifest.files.length,
      bytes,
      copied: copy.length,
      linked: linkFrom.length,
      carried: carry.length,
    };
    await target.makeDir(partial);
    try {
      // unchanged files and the carried ones both come from the current release: one pass
      const fromCurrent = [...linkFrom.map((f) => f.path), ...carry.map((f) => f.path)];
      if (fromCurrent.length) {
        const t = Date.now();
        await target.link(releaseDir(current!), partial, fromCurrent, false);
        log.info(
          `硬链接 ${formatCount(linkFrom.length)} 个未变文件` +
            (carry.length ? `和上一版本的 ${formatCount(carry.length)} 个资源文件` : '') +
            `（${formatSeconds(Date.now() - t)}）`,
        );
      }
      const t = Date.now();
      log.info(`上传 ${formatCount(copy.length)} 个文件（${formatBytes(copiedBytes)}）……`);
      await target.upload(
        options.dist,
        partial,
        [...copy.map((f) => f.path), MANIFEST_FILE],
        progressLogger(log, '上传中：已复制'),
      );
      log.info(`上传完成（${formatSeconds(Date.now() - t)}）`);
      const carried: CarriedList = { files: carry };
      await target.writeText(`${partial}/${CARRIED_FILE}`, JSON.stringify(carried) + '\n');
      const v = Date.now();
      const problems = await target.verify(partial, [...manifest.files, ...carry], progressLogger(log, '校验中'));
      if (problems.length) {
        const fromCurrent = new Set([...linkFrom, ...carry].map((f) => f.path));
        const linkedBad = problems.some((p) => fromCurrent.has(p.split('：')[0]!));
        throw new DeployError(
          `上传后的校验发现 ${problems.length} 个文件与发布清单不符，未切换，网站仍是原来的版本：\n${listSome(problems)}\n` +
            (linkedBad
              ? `其中有从当前版本 ${current} 硬链接的文件：服务器上当前版本的文件与其清单不符（可能被改动过），请检查服务器，并用 --full 完整上传。`
              : '请检查网络和服务器磁盘后重试。'),
          'failed',
        );
      }
      log.info(
        `校验：${formatCount(manifest.files.length + carry.length)} 个文件的大小和 SHA-256 与清单一致（${formatSeconds(Date.now() - v)}）`,
      );
      await target.finish(partial, id, JSON.stringify(meta) + '\n');
    } catch (e) {
      try {
        await target.remove([partial]);
      } catch {
        // the next deploy removes it
      }
      throw e;
    }
    log.info(`已切换：current → ${releaseDir(id)}${current ? `（原为 ${releaseDir(current)}）` : ''}`);

    const after: ReleaseInfo[] = [...releases, { id, meta }];
    const remove = releasesToRemove(after, id, options.keep);
    if (remove.length) {
      await target.remove(remove.map(releaseDir));
      log.info(`删除旧版本（保留最近 ${options.keep} 个）：${remove.join('、')}`);
    }

    const oldRedirects = parseJson<RedirectsJson>(currentRedirectsText ?? null);
    const newRedirects = readLocalJson<RedirectsJson>(path.join(options.dist, 'redirects.json'));
    const before = new Set(oldRedirects?.withdrawn ?? []);
    const siteBase = (manifest.base || '/').replace(/\/?$/, '/');
    const newlyWithdrawn = current
      ? (newRedirects?.withdrawn ?? []).filter((u) => !before.has(u)).map((u) => siteBase + u.replace(/^\//, ''))
      : [];

    return {
      id,
      previous: current,
      files: manifest.files.length,
      bytes,
      copied: copy.length,
      copiedBytes,
      linked: linkFrom.length,
      carried: carry.length,
      added: diff.added.map((f) => f.path),
      changed: diff.changed.map((f) => f.path),
      removed: diff.removed.map((f) => f.path),
      newlyWithdrawn,
      removedReleases: remove,
      cleanedPartials: partials,
      ms: Date.now() - started,
    };
  });
}

function readLocalJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** The deploy's summary for the operator and the security review (what changed between the releases). */
export function deploySummary(r: DeployResult, target: Target, verbose: boolean): string {
  const lines = [
    `部署完成：版本 ${r.id}，目标 ${target.label}，用时 ${formatSeconds(r.ms)}`,
    `  文件：${formatCount(r.files)} 个，${formatBytes(r.bytes)}；复制 ${formatCount(r.copied)} 个（${formatBytes(r.copiedBytes)}），` +
      `从上一版本硬链接 ${formatCount(r.linked)} 个未变文件`,
    r.previous
      ? `  与上一版本 ${r.previous} 相比：新增 ${formatCount(r.added.length)} 个，修改 ${formatCount(r.changed.length)} 个，删除 ${formatCount(r.removed.length)} 个`
      : '  这是目标中的第一个版本',
  ];
  if (r.carried)
    lines.push(
      `  另保留上一版本的 ${formatCount(r.carried)} 个样式、脚本和搜索索引文件（不在清单中，见 ${CARRIED_FILE}），` +
        '使切换前打开的页面和已开始的搜索能够完成；下次部署时移除',
    );
  if (r.newlyWithdrawn.length) {
    lines.push(`  本版本撤回的文件 ${r.newlyWithdrawn.length} 份：`);
    for (const u of r.newlyWithdrawn) lines.push(`    ${u}`);
    if (r.carried)
      lines.push(
        '    它们的正文已不在本版本的页面和搜索中；上一版本的搜索索引文件仍保留到下次部署。如需立即清除，请加 --no-carry 再部署一次。',
      );
  }
  if (verbose) {
    for (const [label, paths] of [
      ['新增', r.added],
      ['修改', r.changed],
      ['删除', r.removed],
    ] as const)
      for (const p of paths) lines.push(`  ${label}  ${p}`);
  }
  if (r.previous) lines.push(`  回滚到上一版本：npm run rollback -- --to ${targetSpec(target)}`);
  return lines.join('\n');
}

function targetSpec(target: Target): string {
  return target.label.replace(/（.*）$/, '');
}

export interface RollbackOptions {
  target: Target;
  /** The release to go back to; default: the one the current release replaced. */
  toRelease?: string;
  force: boolean;
  breakLock?: boolean;
  log: Log;
}

export interface RollbackResult {
  from: string;
  to: string;
  /** Withdrawn documents the release rolled back to publishes again (only with force). */
  republished: string[];
  carried: number;
  ms: number;
}

export async function rollback(options: RollbackOptions): Promise<RollbackResult> {
  const { target, log } = options;
  const started = Date.now();
  const initial = await target.state();
  if (!initial.exists) throw new DeployError(`${target.label} 不存在：那里还没有部署过。`);
  return withLock(target, 'rollback', !!options.breakLock, log, async () => {
    const state = await target.state();
    if (state.currentProblem) throw new DeployError(`${target.label} 中的 ${state.currentProblem}，无法回滚。`);
    const current = state.current;
    if (!current) throw new DeployError(`${target.label} 中没有 current：还没有部署过，无法回滚。`);
    const releases = releasesOf(state);
    const to = options.toRelease ?? previousRelease(releases, current);
    if (!to)
      throw new DeployError(
        `当前版本 ${current} 之前没有可回滚的版本（用 npm run rollback -- --list 查看目标中的版本）。`,
      );
    if (to === current) throw new DeployError(`${to} 已是当前版本，无需回滚。`);
    const entry = releases.find((r) => r.id === to);
    if (!entry || !entry.meta)
      throw new DeployError(`${target.label} 中没有完整的版本 ${to}（用 --list 查看可回滚的版本）。`);
    const [targetManifestText, currentManifestText, currentRedirectsText, targetRedirectsText, carriedText] =
      await target.readTexts([
        `${releaseDir(to)}/${MANIFEST_FILE}`,
        `${releaseDir(current)}/${MANIFEST_FILE}`,
        `${releaseDir(current)}/redirects.json`,
        `${releaseDir(to)}/redirects.json`,
        `${releaseDir(to)}/${CARRIED_FILE}`,
      ]);
    const targetManifest = parseManifestText(targetManifestText ?? null);
    if (!targetManifest) throw new DeployError(`版本 ${to} 没有可读的 ${MANIFEST_FILE}，无法校验，不回滚到它。`);
    const currentManifest = parseManifestText(currentManifestText ?? null);
    const currentRedirects = parseJson<RedirectsJson>(currentRedirectsText ?? null);
    const targetRedirects = parseJson<RedirectsJson>(targetRedirectsText ?? null);
    const republished = republishedWithdrawn(
      currentRedirects,
      targetRedirects,
      new Set(targetManifest.files.map((f) => f.path)),
    );
    const base = (currentRedirects?.base ?? '/').replace(/\/?$/, '/');
    const urls = republished.map((u) => `${base}${u.replace(/^\//, '')}`);
    if (republished.length && !options.force)
      throw new DeployError(
        `拒绝回滚到 ${to}：当前版本已撤回的 ${republished.length} 份文件在该版本中仍正常发布，回滚会让撤回的内容重新公开：\n` +
          `${listSome(urls)}\n` +
          '请改为修正内容后重新构建、部署；如确认这些内容可以重新公开，加 --force 回滚。',
      );
    if (republished.length) log.warn(`按 --force 回滚：以下已撤回的文件将重新公开：\n${listSome(urls)}`);

    // the release rolled back to keeps the current one's assets it lacks: pages and searches opened
    // before the switch finish
    const carriedBefore: CarriedList = parseJson<CarriedList>(carriedText ?? null) ?? { files: [] };
    const carry = filesToCarry(currentManifest, current, targetManifest);
    const v = Date.now();
    const carryPaths = new Set(carry.map((f) => f.path));
    const keptCarried = carriedBefore.files.filter((f) => !carryPaths.has(f.path));
    const problems = await target.verify(
      releaseDir(to),
      [...targetManifest.files, ...keptCarried],
      progressLogger(log, '校验中'),
    );
    if (problems.length)
      throw new DeployError(
        `版本 ${to} 的文件与其发布清单不符（${problems.length} 处），不回滚到它，网站仍是 ${current}：\n${listSome(problems)}\n` +
          '请重新构建该提交并部署。',
        'failed',
      );
    log.info(
      `校验：版本 ${to} 的 ${formatCount(targetManifest.files.length + keptCarried.length)} 个文件与清单一致（${formatSeconds(Date.now() - v)}）`,
    );
    if (carry.length) {
      await target.link(
        releaseDir(current),
        releaseDir(to),
        carry.map((f) => f.path),
        true,
      );
      await target.writeText(
        `${releaseDir(to)}/${CARRIED_FILE}`,
        JSON.stringify({ files: [...keptCarried, ...carry] } satisfies CarriedList) + '\n',
      );
    }
    await target.switchCurrent(to);
    log.info(`已回滚：current → ${releaseDir(to)}（原为 ${releaseDir(current)}）`);
    return { from: current, to, republished: urls, carried: carry.length, ms: Date.now() - started };
  });
}

export function rollbackSummary(r: RollbackResult, target: Target): string {
  const lines = [`回滚完成：current → ${r.to}（原为 ${r.from}），目标 ${target.label}，用时 ${formatSeconds(r.ms)}`];
  if (r.carried)
    lines.push(
      `  ${r.to} 另保留了 ${r.from} 的 ${formatCount(r.carried)} 个样式、脚本和搜索索引文件，使切换前开始的搜索能够完成`,
    );
  if (r.republished.length) lines.push(`  已按 --force 重新公开 ${r.republished.length} 份已撤回的文件`);
  lines.push(`  ${r.from} 仍保留，可用 npm run rollback -- --to ${targetSpec(target)} --to-release ${r.from} 回到它`);
  return lines.join('\n');
}

/** `rollback --list`: the releases in DIR, newest first, the current one and rollback's default marked. */
export async function listReleases(target: Target): Promise<string> {
  const state = await target.state();
  if (!state.exists) throw new DeployError(`${target.label} 不存在：那里还没有部署过。`);
  const releases = releasesOf(state);
  const previous = previousRelease(releases, state.current);
  const ids = sortReleases(releases.map((r) => r.id)).reverse();
  const lines = [`${target.label} 中的版本（新的在前）：`];
  if (!ids.length) lines.push('  （没有）');
  for (const id of ids) {
    const meta = releases.find((r) => r.id === id)!.meta;
    const mark = id === state.current ? '当前    ' : id === previous ? '回滚目标' : '        ';
    const info = meta
      ? `部署于 ${meta.deployed.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}，${formatCount(meta.files)} 个文件，${formatBytes(meta.bytes)}，` +
        `复制 ${formatCount(meta.copied)} 个`
      : '（不完整：没有版本信息，不能回滚到它）';
    lines.push(`  ${mark}  ${id}  ${info}`);
  }
  for (const e of state.entries.filter((e) => e.name.endsWith(PARTIAL_SUFFIX)))
    lines.push(`  未完成  ${e.name}（中断的上传，从未上线，下次部署时清理）`);
  return lines.join('\n');
}
