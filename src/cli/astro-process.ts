// Starting Astro from a Node process that is not Astro's own: `gongkai show` and the tests use this.

import { createServer } from 'node:net';

/**
 * Variables a test runner (vitest) or a bundler leaves in the environment that change how Astro runs: under
 * `VITEST` or `NODE_ENV=test` its dev server answers no page, and `MODE`/`DEV`/`PROD`/`SSR`/`BASE_URL` are
 * Vite's own (docs/decisions.md §17).
 */
const RUNNER_VARIABLES = /^(VITEST|NODE_OPTIONS$|NODE_ENV$|TEST$|MODE$|DEV$|PROD$|SSR$|BASE_URL$)/;

/** `env` without the runner's variables (and without those `drop` matches), for an Astro child process. */
export function astroEnv(env: NodeJS.ProcessEnv = process.env, drop?: RegExp): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined || RUNNER_VARIABLES.test(k) || drop?.test(k)) continue;
    out[k] = v;
  }
  return out;
}

/** A TCP port free on the loopback interface right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
