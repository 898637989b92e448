#!/usr/bin/env node
// `npx gongkai …` — the editors' command line (src/cli/main.ts). npx puts node_modules/.bin first on
// PATH, so `node` here is the project's pinned Node 24, which runs the TypeScript sources directly.
import { main } from '../src/cli/main.ts';

process.exitCode = await main(process.argv);
