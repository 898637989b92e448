#!/usr/bin/env node
// npm run docs — rewrites the field tables of docs/design.md from the schemas
// (src/lib/schema/field-docs.ts). The unit tests fail when the file is not current.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withFieldTables } from '../src/lib/schema/field-docs.ts';

const file = fileURLToPath(new URL('../docs/design.md', import.meta.url));
const before = readFileSync(file, 'utf8');
const after = withFieldTables(before);
if (after === before) console.log('docs/design.md is current.');
else {
  writeFileSync(file, after);
  console.log('docs/design.md: field tables rewritten from the schemas.');
}
