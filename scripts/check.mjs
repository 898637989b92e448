#!/usr/bin/env node
// npm run check — checks the content without building: the same checks and messages as
// the build (src/lib/site.ts loadSiteAsync, attachments scanned through the build's cache), in
// seconds. Exit status 1 when there are errors.
import path from 'node:path';
import { buildOptionsOrExit } from '../src/lib/build-options.ts';
import { formatReport, hasErrors } from '../src/lib/diagnostics.ts';
import { loadSiteAsync } from '../src/lib/site.ts';

const options = buildOptionsOrExit(process.env);
const started = Date.now();
const site = await loadSiteAsync(options.contentDir, options);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `检查 ${options.contentDir}：${site.documents.length} 份文件将发布${site.heldBack.length ? `，${site.heldBack.length} 份定时发布` : ''}（${seconds} 秒）。`,
);
if (site.diagnostics.length)
  console.log(
    '\n' +
      formatReport(site.diagnostics, path.relative(process.cwd(), options.contentDir).split(path.sep).join('/') + '/'),
  );
else console.log('没有发现问题。');
process.exit(hasErrors(site.diagnostics) ? 1 : 0);
