#!/usr/bin/env node
// npm run docs — rewrites what is generated from the schemas: the field tables of docs/design.md
// (src/lib/schema/field-docs.ts) and the JSON Schemas of the annual-report data files under schemas/
// (src/lib/report/schema-files.ts). The unit tests fail when a file is not current.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaFiles } from '../src/lib/report/schema-files.ts';
import { withFieldTables } from '../src/lib/schema/field-docs.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Writes `text` to `rel` when it differs; says which. */
function update(rel, text, what) {
  const file = path.join(root, rel);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (before === text) console.log(`${rel} is current.`);
  else {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`${rel}: ${what}.`);
  }
}

const design = 'docs/design.md';
update(
  design,
  withFieldTables(readFileSync(path.join(root, design), 'utf8')),
  'field tables rewritten from the schemas',
);
for (const { path: rel, text } of schemaFiles()) update(rel, text, 'written from the data file schema');
