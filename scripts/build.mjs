#!/usr/bin/env node
// npm run build: the site with Astro, then, after Astro has exited, the report PDFs, the search index,
// the published-URL check and, last, the .gz files and manifest.json (`finish`: nothing may write
// into the output after it), each in a process of its own (src/post-build.ts), so neither
// Chromium's nor Pagefind's memory adds to Astro's or to each other's (docs/decisions.md §3). Extra
// arguments go to `astro build`.
// Runs under the project's Node 24 (npm scripts put node_modules/.bin first on the PATH).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const run = (args) => spawnSync(process.execPath, args, { env, stdio: 'inherit' });

const astro = run([path.join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)]);
if (astro.status !== 0) process.exit(astro.status ?? 1);
// one process per step: the index step does not carry the PDF step's heap (src/post-build.ts)
for (const step of ['reports', 'search', 'published', 'finish']) {
  const post = run([path.join(REPO, 'src/post-build.ts'), step]);
  if (post.status !== 0) process.exit(post.status ?? 1);
}
