// What every subcommand shares: where the column is, "now", how to print, and the exit codes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { resolveBuildOptions } from '../lib/build-options.ts';

/** Exit codes: 0 nothing wrong; 1 the content has errors; 2 refused: wrong usage or configuration; 3 the tool failed. */
export const EXIT = { ok: 0, contentErrors: 1, usage: 2, failure: 3 } as const;

export interface CliContext {
  /** Absolute path of the content directory. */
  contentDir: string;
  /** The content directory as the editor sees it, relative to the working directory, with a trailing '/'. */
  contentPrefix: string;
  today: string;
  now: string;
  /** The build's cache (attachments' text and personal-information scans are shared with the build). */
  cacheDir: string;
  json: boolean;
}

/** A command that declines, with the reason in Chinese: printed without a stack, exit `exitCode`. */
export class Refusal extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.contentErrors) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** A refusal for wrong usage or configuration (missing or bad arguments, a file that would be overwritten): exit 2. */
export class UsageError extends Refusal {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** The global options (`--content`, `--json`) and the environment, resolved once for a subcommand. */
export function contextOf(command: Command): CliContext {
  const global = command.optsWithGlobals<{ content?: string; json?: boolean }>();
  const env = { ...process.env };
  if (global.content) env.GONGKAI_CONTENT = global.content;
  // run inside a column kept in its own repository (site.yaml at its top, no content/ folder): that column
  else if (!env.GONGKAI_CONTENT && !existsSync('content/site.yaml') && existsSync('site.yaml'))
    env.GONGKAI_CONTENT = '.';
  let options: ReturnType<typeof resolveBuildOptions>;
  try {
    options = resolveBuildOptions(env);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e)); // a malformed GONGKAI_* variable
  }
  const relative = path.relative(process.cwd(), options.contentDir).split(path.sep).join('/');
  return {
    contentDir: options.contentDir,
    contentPrefix: relative === '' ? '' : !relative.startsWith('..') ? `${relative}/` : `${options.contentDir}/`,
    today: options.today,
    now: options.now,
    cacheDir: options.cacheDir,
    json: !!global.json,
  };
}

/** Prints a value as JSON (for `--json`). */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
