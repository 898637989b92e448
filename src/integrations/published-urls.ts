// Build concern: warn for every published URL (content/published.txt) that this build no longer
// produces (docs/decisions.md §6). Runs last, after every other step has written its files
// (attachments, report PDFs), so the check sees the whole output.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolveBuildOptions } from '../lib/build-options.ts';
import { missingPublishedUrls, readPublishedList } from '../lib/published-urls.ts';

export default function publishedUrls(): AstroIntegration {
  return {
    name: 'gongkai-published-urls',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const listFile = path.join(resolveBuildOptions(process.env).contentDir, 'published.txt');
        if (!existsSync(listFile)) return;
        const missing = missingPublishedUrls(readPublishedList(readFileSync(listFile, 'utf8')), fileURLToPath(dir));
        if (!missing.length) return;
        logger.warn(
          `已发布的 ${missing.length} 个网址在本次构建中不再存在（读者和搜索引擎的链接将失效）：\n` +
            missing.map((u) => `  ${u}`).join('\n') +
            '\n  修改方法：恢复对应文件或其索引号/slug；确需撤下时，发布撤销说明并在确认后运行 npm run urls:update 更新 content/published.txt。',
        );
      },
    },
  };
}
