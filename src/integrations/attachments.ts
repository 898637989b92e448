// Build concern: publish each document's attachments and linked files under
// doc/<slug>/files/, and warn for every published URL (content/published.txt) that the
// build no longer produces (docs/docs/decisions.md §4).
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolveBuildOptions } from '../lib/build-options.ts';
import { getSite } from '../lib/site.ts';
import { missingPublishedUrls, readPublishedList } from '../lib/published-urls.ts';

export default function attachments(): AstroIntegration {
  return {
    name: 'gongkai-attachments',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const options = resolveBuildOptions(process.env);
        const site = getSite(options.contentDir, { today: options.today, now: options.now });
        const outDir = fileURLToPath(dir);
        let copied = 0;
        for (const doc of site.documents) {
          const sources = [...doc.attachments.map((a) => a.source), ...doc.assets];
          if (!sources.length) continue;
          const docDir = path.posix.dirname(doc.file);
          for (const source of sources) {
            const target = path.join(outDir, 'doc', doc.slug, 'files', path.posix.relative(docDir, source));
            mkdirSync(path.dirname(target), { recursive: true });
            copyFileSync(path.join(site.contentDir, source), target);
            copied++;
          }
        }
        logger.info(`已复制 ${copied} 个附件`);
        const listFile = path.join(site.contentDir, 'published.txt');
        if (existsSync(listFile)) {
          const missing = missingPublishedUrls(readPublishedList(readFileSync(listFile, 'utf8')), outDir);
          if (missing.length) {
            logger.warn(
              `已发布的 ${missing.length} 个网址在本次构建中不再存在（读者和搜索引擎的链接将失效）：\n` +
                missing.map((u) => `  ${u}`).join('\n') +
                '\n  修改方法：恢复对应文件或其索引号/slug；确需撤下时，发布撤销说明并在确认后运行 npm run urls:update 更新 content/published.txt。',
            );
          }
        }
      },
    },
  };
}
