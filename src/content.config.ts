// Content collections: one loader of ours (loadSite) feeds two collections.
// `documents` holds metadata only — bodies stay in their files and are rendered per page
// (docs/decisions.md §1) — and `site` holds one entry with settings and classification lists.
// The build fails here, before any page, with every error of the whole column at once.
//
// Under `astro dev` (the loader gets a watcher) nothing throws: every change in the content
// directory reads the column again (src/lib/dev-watch.ts), prints the report in the terminal and
// re-sets both collections, which makes Astro reload its pages. While errors exist the pages keep
// the last column that passed and `site.dev` lists the errors for the banner (DevProblems.astro).
import path from 'node:path';
import { defineCollection } from 'astro:content';
import type { DataStore, Loader, LoaderContext } from 'astro/loaders';
import { resolveBuildOptions } from './lib/build-options.ts';
import { watchContent } from './lib/dev-watch.ts';
import { formatReport } from './lib/diagnostics.ts';
import { getSite, invalidateSite } from './lib/site.ts';
import type { DevStatus, DocumentMeta, SiteData } from './lib/types.ts';
import { z } from 'astro/zod';

/**
 * `gongkai show` previews one document: GONGKAI_ONLY lists it and its relatives (paths in the content dir,
 * found by the command), and only those are read.
 */
const only = process.env.GONGKAI_ONLY ? process.env.GONGKAI_ONLY.split('\n') : undefined;

async function site() {
  const options = resolveBuildOptions(process.env);
  const data = await getSite(options.contentDir, { ...options, only, relatives: false });
  // messages name files as the operator sees them from the project folder
  const prefix = path.relative(process.cwd(), options.contentDir).split(path.sep).join('/') + '/';
  return { options, data, prefix };
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

const errorsOf = (data: SiteData) => data.diagnostics.filter((d) => d.level === 'error');
const warningsOf = (data: SiteData) => data.diagnostics.filter((d) => d.level === 'warning');

/**
 * The build: the column, or every error thrown as one report. Warnings are printed once. A preview
 * (`gongkai show`) shows the page with its errors listed in the terminal (the command printed them too).
 */
let reported = false;
async function checkedSite(logger: LoaderContext['logger']) {
  const s = await site();
  const errors = errorsOf(s.data);
  if (errors.length && !only) throw new ContentError('\n' + formatReport(s.data.diagnostics, s.prefix));
  const shown = only ? s.data.diagnostics : warningsOf(s.data);
  if (shown.length && !reported) {
    reported = true;
    logger.warn('\n' + formatReport(shown, s.prefix));
  }
  return s;
}

function fillDocuments(store: DataStore, data: SiteData): void {
  store.clear();
  for (const doc of data.documents) store.set({ id: doc.slug, data: doc });
}

function fillSite(store: DataStore, data: SiteData, dev?: DevStatus): void {
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
      ...(dev && { dev }),
    } satisfies SiteEntry,
  });
}

function countLine(data: SiteData): string {
  return `${data.documents.length} 份文件${data.withdrawn.length ? `，${data.withdrawn.length} 份已撤回（只生成撤回说明）` : ''}${data.heldBack.length ? `，${data.heldBack.length} 份定时发布暂不生成` : ''}`;
}

// ---- astro dev ------------------------------------------------------------------------------

/** What the dev server knows between syncs (one column per process). */
const dev: {
  stores: { documents?: DataStore; site?: DataStore };
  logger?: LoaderContext['logger'];
  /** The last column without errors: what pages show while errors exist. */
  lastGood?: SiteData;
  /** The column whose report was printed last (both loaders read the same one). */
  printed?: SiteData;
  /** The report printed last, so an unchanged one is not printed again. */
  printedText?: string;
  revision: number;
  /** Counts the watcher's listeners: only the latest one reloads. */
  watchGeneration: number;
} = { stores: {}, revision: 0, watchGeneration: 0 };

/**
 * Reads the column (memoised: the two loaders of one sync share it), prints its report when it
 * changed, and returns what the pages show: the column itself, or the last one without errors
 * (the column as read when there was none yet) with its errors.
 */
async function devSite(): Promise<{ shown: SiteData; status: DevStatus }> {
  const { data, prefix } = await site();
  const errors = errorsOf(data);
  if (dev.printed !== data) {
    dev.printed = data;
    dev.revision++;
    const logger = dev.logger;
    const text = data.diagnostics.length ? formatReport(data.diagnostics, prefix) : '';
    if (errors.length) {
      logger?.error(
        '\n' +
          text +
          `\n\n开发服务器${dev.lastGood ? '继续显示最近一次检查通过的内容' : '显示能读出的内容'}，` +
          '每个页面顶部列出这些错误；改正并保存后自动重新检查。',
      );
    } else {
      if (text && text !== dev.printedText) logger?.warn('\n' + text);
      logger?.info(`内容检查通过：${countLine(data)}`);
    }
    dev.printedText = text;
  }
  if (!errors.length) dev.lastGood = data;
  return {
    shown: errors.length ? (dev.lastGood ?? data) : data,
    status: { revision: dev.revision, prefix, errors, stale: errors.length > 0 && !!dev.lastGood },
  };
}

/** One burst of changes in the content directory: read the column again and re-set both collections. */
async function devReload(changed: string[]): Promise<void> {
  const started = performance.now();
  try {
    invalidateSite(resolveBuildOptions(process.env).contentDir);
    const { shown, status } = await devSite();
    if (dev.stores.documents) fillDocuments(dev.stores.documents, shown);
    if (dev.stores.site) fillSite(dev.stores.site, shown, status);
  } catch (e) {
    // a fault of ours, not of the content: say so and keep serving (an exception here would end the server)
    dev.logger?.error(`重新读取内容时程序出错，页面仍显示上一次的内容：\n${e instanceof Error ? e.stack : String(e)}`);
    return;
  }
  const paths = [...new Set(changed)];
  const what = paths.length === 1 ? paths[0] : `${paths.at(-1)} 等 ${paths.length} 处`;
  dev.logger?.info(`内容已变更（${what}），重新检查用时 ${Math.round(performance.now() - started)} ms`);
}

async function devLoad(which: 'documents' | 'site', context: LoaderContext): Promise<void> {
  const { store, logger, watcher } = context;
  dev.stores[which] = store;
  if (which === 'documents') {
    dev.logger = logger;
    // Astro removes the loaders' listeners before every full sync, so each sync adds its own; one
    // left from an earlier sync (a sync of named loaders keeps them) does nothing
    const generation = ++dev.watchGeneration;
    watchContent(watcher!, resolveBuildOptions(process.env).contentDir, (changed) => {
      if (generation === dev.watchGeneration) return devReload(changed);
    });
  }
  const { shown, status } = await devSite();
  if (which === 'documents') fillDocuments(store, shown);
  else fillSite(store, shown, status);
}

// ---- the loaders ---------------------------------------------------------------------------

const documentsLoader: Loader = {
  name: 'gongkai-documents',
  load: async (context) => {
    if (context.watcher) return devLoad('documents', context);
    const { data } = await checkedSite(context.logger);
    fillDocuments(context.store, data);
    context.logger.info(countLine(data));
  },
};

const siteLoader: Loader = {
  name: 'gongkai-site',
  load: async (context) => {
    if (context.watcher) return devLoad('site', context);
    const { data } = await checkedSite(context.logger);
    fillSite(context.store, data);
  },
};

/** The one entry of the `site` collection: what loadSite found besides the documents. */
type SiteEntry = Pick<
  SiteData,
  'contentDir' | 'settings' | 'publishers' | 'topics' | 'genres' | 'sections' | 'withdrawn'
> & {
  dev?: DevStatus;
};

// The schemas only type the entries (pages read DocumentMeta and SiteEntry); nothing is parsed
// again: loadSite has validated every file, and store.set does not run a schema.
export const collections = {
  documents: defineCollection({ loader: documentsLoader, schema: z.custom<DocumentMeta>() }),
  site: defineCollection({ loader: siteLoader, schema: z.custom<SiteEntry>() }),
};
