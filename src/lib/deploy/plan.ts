// The pure part of a release (docs/design.md "Deploying"): release names, the manifest diff that
// decides what is copied and what is hard-linked, the files a new release carries from the one it
// replaces, which old releases go, and which withdrawn documents a rollback would bring back.
// No I/O here: src/lib/deploy/release.ts does the steps against a target (target.ts).
import { outputFileFor } from '../published-urls.ts';
import { cacheClassOf } from './cache.ts';
import type { Manifest, ManifestFile } from './manifest.ts';

/** Release directories live in DIR/releases/; `current` is a relative symlink to one of them. */
export const RELEASES_DIR = 'releases';
export const CURRENT = 'current';
/** An upload in progress: renamed to the release's name once verified. */
export const PARTIAL_SUFFIX = '.partial';
/** The lock a deploy or rollback holds in DIR (a directory: mkdir is atomic, locally and over ssh). */
export const LOCK_DIR = '.gongkai-deploy.lock';
/** Written into each release; dotfiles, so the server never serves them (the nginx config denies dotfiles). */
export const RELEASE_META = '.gongkai-release.json';
export const CARRIED_FILE = '.gongkai-carried.json';
export const RELEASE_FORMAT = 'gongkai-release/1';
export const DEFAULT_KEEP = 5;

/** A deploy or rollback that stops: `refused` (exit 2: the operator's to fix) or `failed` (exit 3: transfer, server). */
export class DeployError extends Error {
  readonly kind: 'refused' | 'failed';
  constructor(message: string, kind: 'refused' | 'failed' = 'refused') {
    super(message);
    this.kind = kind;
  }
}

/**
 * What a page or a search loads after the page itself: every content-hashed (immutable) file —
 * Astro's CSS/JS, Pagefind's chunks, our search tables (cacheClassOf, src/lib/deploy/cache.ts) — and
 * anything below pagefind/ (a shard's entry file that a search begun on the old release may still ask
 * for). A new release keeps the old release's such files that it lacks itself (carried, not in its
 * manifest), so a page or a search begun before the switch finishes against the files it started with.
 */
export function isCarriedPath(p: string): boolean {
  return p.startsWith('pagefind/') || cacheClassOf(p) === 'immutable';
}

export interface ReleaseMeta {
  format: typeof RELEASE_FORMAT;
  id: string;
  /** The content's commit (manifest `commit`, else the repository's HEAD). */
  commit: string;
  /** When it was deployed (ISO, UTC). */
  deployed: string;
  /** The release that was current when this one was deployed (rollback's default target). */
  previous: string | null;
  /** Files of the manifest, their bytes; copied (changed) and hard-linked (unchanged) at upload. */
  files: number;
  bytes: number;
  copied: number;
  linked: number;
  /** Files kept from `previous` (CARRIED_FILE lists them). */
  carried: number;
}

export interface CarriedList {
  /** path → the release whose own file it is (and whose manifest gives its sha256). */
  files: { path: string; from: string; sha256: string; size: number }[];
}

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function releaseTime(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** A commit for a release name: letters and digits only, at most 12. */
export function shortCommit(commit: string | null | undefined): string {
  const clean = (commit ?? '').replace(/[^0-9A-Za-z]/g, '').slice(0, 12);
  return clean || 'nocommit';
}

/** `<commit>-<time>`, with `-2`, `-3` … when that name is taken (two deploys in one second). */
export function releaseId(commit: string, date: Date, taken: Iterable<string> = []): string {
  const base = `${shortCommit(commit)}-${releaseTime(date)}`;
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

const ID = /^([0-9A-Za-z]+)-(\d{8}T\d{6}Z)(?:-(\d+))?$/;

/** The parts of a release name, or undefined for anything else in releases/ (a partial upload, a stray folder). */
export function parseReleaseId(id: string): { commit: string; time: string; seq: number } | undefined {
  const m = ID.exec(id);
  return m ? { commit: m[1]!, time: m[2]!, seq: m[3] ? Number(m[3]) : 1 } : undefined;
}

/** Release names, oldest first (by time, then sequence). Names that are not releases are left out. */
export function sortReleases(ids: string[]): string[] {
  return ids
    .filter((id) => parseReleaseId(id))
    .sort((a, b) => {
      const pa = parseReleaseId(a)!;
      const pb = parseReleaseId(b)!;
      return pa.time < pb.time ? -1 : pa.time > pb.time ? 1 : pa.seq - pb.seq;
    });
}

export interface ManifestDiff {
  added: ManifestFile[];
  changed: ManifestFile[];
  removed: ManifestFile[];
  unchanged: ManifestFile[];
}

/** What the new manifest adds, changes (sha256 or size differ) and removes relative to the old one (none: everything is added). */
export function diffManifests(old: Manifest | null, next: Manifest): ManifestDiff {
  const before = new Map((old?.files ?? []).map((f) => [f.path, f]));
  const diff: ManifestDiff = { added: [], changed: [], removed: [], unchanged: [] };
  const seen = new Set<string>();
  for (const f of next.files) {
    seen.add(f.path);
    const o = before.get(f.path);
    if (!o) diff.added.push(f);
    else if (o.sha256 !== f.sha256 || o.size !== f.size) diff.changed.push(f);
    else diff.unchanged.push(f);
  }
  for (const f of old?.files ?? []) if (!seen.has(f.path)) diff.removed.push(f);
  return diff;
}

/**
 * The files a release carries from the one it replaces: that release's own (manifest) files below
 * isCarriedPath that the new manifest lacks. Only its own: what it carried itself is not passed on,
 * so an old file lives one release longer, not for ever.
 */
export function filesToCarry(from: Manifest | null, fromId: string, next: Manifest): CarriedList['files'] {
  if (!from) return [];
  const own = new Set(next.files.map((f) => f.path));
  return from.files
    .filter((f) => isCarriedPath(f.path) && !own.has(f.path))
    .map((f) => ({ path: f.path, from: fromId, sha256: f.sha256, size: f.size }));
}

export interface ReleaseInfo {
  id: string;
  meta: ReleaseMeta | null;
}

/**
 * The release a rollback goes to: the one the current release replaced (recorded at its deploy),
 * else the newest older one. Undefined when there is none.
 */
export function previousRelease(releases: ReleaseInfo[], current: string | null): string | undefined {
  if (!current) return undefined;
  const ids = sortReleases(releases.map((r) => r.id));
  const recorded = releases.find((r) => r.id === current)?.meta?.previous;
  if (recorded && ids.includes(recorded)) return recorded;
  const at = ids.indexOf(current);
  return at > 0 ? ids[at - 1] : undefined;
}

/**
 * Releases to remove so that `keep` remain: the newest `keep` stay, and so do the current release
 * and the one a rollback would go to, whatever their age.
 */
export function releasesToRemove(releases: ReleaseInfo[], current: string | null, keep: number): string[] {
  const ids = sortReleases(releases.map((r) => r.id));
  const stay = new Set(ids.slice(Math.max(0, ids.length - Math.max(keep, 1))));
  if (current) stay.add(current);
  const previous = previousRelease(releases, current);
  if (previous) stay.add(previous);
  return ids.filter((id) => !stay.has(id));
}

export interface RedirectsJson {
  base: string;
  withdrawn: string[];
}

/**
 * Documents withdrawn in the current release that the target release still publishes as a normal
 * page: its redirects.json does not list the URL as withdrawn and its manifest has the page. These
 * are what a rollback to the target would make public again.
 */
export function republishedWithdrawn(
  current: RedirectsJson | null,
  target: RedirectsJson | null,
  targetFiles: Set<string>,
): string[] {
  if (!current) return [];
  const stillWithdrawn = new Set(target?.withdrawn ?? []);
  return current.withdrawn.filter(
    (url) => !stillWithdrawn.has(url) && targetFiles.has(outputFileFor(url).split('\\').join('/')),
  );
}

/** Bytes for people: 1.2 MB, 345 KB, 12 B (1024-based, as du -h). */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/** Thousands separated: 12,345. */
export const formatCount = (n: number) => n.toLocaleString('en-US');

/** Seconds for people: 0.4 秒, 12.3 秒, 3 分 05 秒. */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} 秒`;
  return `${Math.floor(s / 60)} 分 ${String(Math.round(s % 60)).padStart(2, '0')} 秒`;
}
