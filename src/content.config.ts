// Content collections: one loader of ours (loadSite) feeds two collections.
// `documents` holds metadata only — bodies stay in their files and are rendered per page
// (docs/decisions.md §1) — and `site` holds one entry with settings and classification lists.
// The build fails here, before any page, with every error of the whole column at once.
import path from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { resolveBuildOptions } from './lib/build-options.ts';
import { formatReport } from './lib/diagnostics.ts';
import { getSite } from './lib/site.ts';
import type { DocumentMeta, SiteData } from './lib/types.ts';
import { z } from 'astro/zod';

/** `gongkai show` previews one document (GONGKAI_ONLY: its path in the content dir): only it and its relatives are read. */
const only = process.env.GONGKAI_ONLY ? process.env.GONGKAI_ONLY.split('\n') : undefined;

async function site() {
  const options = resolveBuildOptions(process.env);
  const data = await getSite(options.contentDir, { ...options, only });
  return { options, data };
}

/** Thrown with the formatted report as its message and no stack, so editors see only the report. */
class ContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = '内容检查未通过';
    this.stack = '';
  }
  // Astro adds a "Browser APIs" hint to any error whose text mentions "document" (our
  // paths do); the report already says what to do.
  override toString(): string {
    return this.name;
  }
}

let reported = false;
async function checkedSite(logger: LoaderContext['logger']) {
  const s = await site();
  const errors = s.data.diagnostics.filter((d) => d.level === 'error');
  const warnings = s.data.diagnostics.filter((d) => d.level === 'warning');
  // messages name files as the operator sees them from the project folder
  const prefix = path.relative(process.cwd(), s.options.contentDir).split(path.sep).join('/') + '/';
  // a preview shows the page with its errors listed in the terminal (gongkai show printed them too)
  if (errors.length && !only) throw new ContentError('\n' + formatReport(s.data.diagnostics, prefix));
  if ((warnings.length || errors.length) && !reported) {
    reported = true;
    logger.warn('\n' + formatReport(only ? s.data.diagnostics : warnings, prefix));
  }
  return s;
}

const documentsLoader: Loader = {
  name: 'gongkai-documents',
  load: async ({ store, logger }) => {
    const { data } = await checkedSite(logger);
    store.clear();
    for (const doc of data.documents) store.set({ id: doc.slug, data: doc });
    logger.info(
      `${data.documents.length} 份文件${data.withdrawn.length ? `，${data.withdrawn.length} 份已撤回（只生成撤回说明）` : ''}${data.heldBack.length ? `，${data.heldBack.length} 份定时发布暂不生成` : ''}`,
    );
  },
};

const siteLoader: Loader = {
  name: 'gongkai-site',
  load: async ({ store, logger }) => {
    const { data } = await checkedSite(logger);
    store.clear();
    store.set({
      id: 'site',
      data: {
        contentDir: data.contentDir,
        settings: data.settings,
        publishers: data.publishers,
        topics: data.topics,
        genres: data.genres,
        sections: data.sections,
        withdrawn: data.withdrawn,
      } satisfies SiteEntry,
    });
  },
};

/** The one entry of the `site` collection: what loadSite found besides the documents. */
type SiteEntry = Pick<
  SiteData,
  'contentDir' | 'settings' | 'publishers' | 'topics' | 'genres' | 'sections' | 'withdrawn'
>;

// The schemas only type the entries (pages read DocumentMeta and SiteEntry); nothing is parsed
// again: loadSite has validated every file, and store.set does not run a schema.
export const collections = {
  documents: defineCollection({ loader: documentsLoader, schema: z.custom<DocumentMeta>() }),
  site: defineCollection({ loader: siteLoader, schema: z.custom<SiteEntry>() }),
};
