#!/usr/bin/env node
// npm run urls:update — records every page and file of the last build (dist/) in
// content/published.txt, the committed list the build checks so a published URL never
// vanishes silently (docs/decisions.md §6). Builds never write this file; only this script does.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOptionsOrExit } from '../src/lib/build-options.ts';
import { listSiteUrls, missingPublishedUrls, readPublishedList } from '../src/lib/published-urls.ts';

const options = buildOptionsOrExit(process.env);
if (!existsSync(path.join(options.outDir, 'index.html'))) {
  console.error(`没有找到构建结果 ${options.outDir}：请先运行 npm run build，再运行 npm run urls:update。`);
  process.exit(1);
}
const listFile = path.join(options.contentDir, 'published.txt');
const previous = existsSync(listFile) ? readPublishedList(readFileSync(listFile, 'utf8')) : [];
const removed = missingPublishedUrls(previous, options.outDir);
const urls = listSiteUrls(options.outDir);
const header =
  '# 已发布网址清单：由 npm run urls:update 更新，每行一个路径（不含 base）。\n# 构建时，清单中不再存在的网址会列为警告。\n';
writeFileSync(listFile, header + urls.join('\n') + '\n');
console.log(`已写入 ${path.relative(process.cwd(), listFile)}：${urls.length} 个网址。`);
if (removed.length)
  console.log(`其中以下 ${removed.length} 个旧网址已从清单中删除：\n` + removed.map((u) => '  ' + u).join('\n'));
