// Shared locations and constants of the build and browser tests.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Scratch space for test builds and fixture copies (git-ignored). */
export const TMP = path.join(ROOT, '.tmp');
/**
 * The column the build and browser tests check: the sample shipped in the repository, or
 * GONGKAI_TEST_CONTENT (to run the same tests against another column).
 */
export const SAMPLE_CONTENT = path.resolve(ROOT, process.env.GONGKAI_TEST_CONTENT || 'content');
/** "Today" for every test build, so scheduled documents do not depend on the clock. */
export const TODAY = '2026-11-27';
/** The sub-path the browser tests serve the site under. */
export const BASE = '/xxgk/';

/** The CSP of docs/decisions.md §4, sent as a response header by the test server: the one the deployment sends. */
export { CSP } from '../../src/lib/serve/headers.ts';
