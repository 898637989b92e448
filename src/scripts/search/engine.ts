// The search as the page runs it (docs/decisions.md §3): the query normalised as the index was
// (繁体 → 简体, full-width → ASCII), exact 文号 / 索引号 / title look-ups pinned first, Pagefind over
// every shard for the rest, documents that are 失效 or 废止 after those in force at comparable
// relevance, phrases first, and newest-first paging across shards. No DOM here: page.ts renders.
import {
  exactBucket,
  exactKey,
  normaliseQuery,
  t2sBucketsOf,
  t2sMap,
  type ExactEntry,
  type SearchManifest,
} from '../../lib/search/normalise.ts';

/** The part of Pagefind's browser API we use (pagefind.js of a shard bundle). */
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}
export interface PagefindData {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: { title: string; url: string; anchor?: { id?: string }; excerpt: string }[];
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
type Filters = Record<string, string | string[] | { any: string[] }>;
interface PagefindInstance {
  search(
    term: string,
    options?: { filters?: Filters; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<PagefindResponse>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
interface PagefindModule {
  createInstance(options: { basePath: string; baseUrl: string }): PagefindInstance;
}

export const PAGE_SIZE = 10;
/** Unquoted results checked for the query's text when it is searched as a phrase. */
const VERIFY_LIMIT = 40;
/** Results put in date order from their data; longer lists page through the date-ordered shards. */
const DATE_SORT_LIMIT = 200;
/** Score factor of a 失效 / 废止 document: after one in force unless clearly more relevant. */
const INVALID_FACTOR = 0.5;

export interface SearchRequest {
  q: string;
  /** Selected filter values by key (publisher, topic, genre, year, validity, section). */
  filters: Record<string, string>;
  sort: 'relevance' | 'date';
  /** 1-based. */
  page: number;
  /** Also list results that hold the query's words only apart (the phrase found elsewhere). */
  loose: boolean;
}

export interface ResultItem {
  url: string;
  title: string;
  excerpt: string; // HTML with <mark>
  meta: Record<string, string | undefined>;
  /** Titles of the attachments the match is in, when it is only there. */
  inAttachments: string[];
}

export interface SearchOutcome {
  /** The query as searched: simplified, full-width folded. */
  normalised: string;
  /** Documents whose 文号, 索引号 or whole title is the query. */
  exact: ExactEntry[];
  /** Results in total (exact look-ups included). */
  total: number;
  items: ResultItem[];
  pages: number;
  /** Counts of each filter value among the results, as Pagefind reports them for the current filters. */
  counts: Record<string, Record<string, number>>;
  /** Whether `counts` hold the filter counts (false until the filter index is loaded: loadFilters). */
  countsReady: boolean;
  /** Results that hold the words only apart, not listed unless `loose` (0 when the phrase was not searched). */
  looseOnly: number;
  /** Only the exact 文号 / 索引号 match is listed: the documents mentioning it are searched on request (`loose`). */
  mentionsOnRequest: boolean;
}

export class SearchEngine {
  private bucketCache = new Map<number, Promise<Record<string, ExactEntry[]>>>();
  private base: string;
  private manifest: SearchManifest;
  /** The 繁→简 pairs of the buckets loaded so far (those of the characters queried). */
  private t2s = new Map<string, string>();
  private t2sLoaded = new Map<number, Promise<void>>();
  private pagefindLoaded?: Promise<PagefindInstance>;
  private constructor(base: string, manifest: SearchManifest) {
    this.base = base;
    this.manifest = manifest;
  }

  /**
   * Loads the 繁→简 buckets a query's characters need. Results' texts are folded with the pairs
   * loaded, which hold every character of the query: a text can only hold the query through them.
   */
  private loadT2s(q: string): Promise<void> {
    return Promise.all(
      t2sBucketsOf(q).map((n) => {
        let loaded = this.t2sLoaded.get(n);
        if (!loaded) {
          loaded = fetch(`${this.base}pagefind/${this.manifest.t2sFiles[n]}`)
            .then((r) => {
              if (!r.ok) throw new Error(`search t2s ${n}: HTTP ${r.status}`);
              return r.json() as Promise<string>;
            })
            .then((pairs) => {
              for (const [k, v] of t2sMap(pairs)) this.t2s.set(k, v);
            });
          this.t2sLoaded.set(n, loaded);
        }
        return loaded;
      }),
    ).then(() => undefined);
  }

  /** Loads the manifest; Pagefind itself loads with the first query that needs it (a 文号 look-up may not). */
  static async open(base: string): Promise<SearchEngine> {
    const res = await fetch(`${base}pagefind/gongkai.json`);
    if (!res.ok) throw new Error(`search manifest: HTTP ${res.status}`);
    const manifest = (await res.json()) as SearchManifest;
    if (!manifest.shards[0]) throw new Error('search manifest lists no shard');
    return new SearchEngine(base, manifest);
  }

  /** The first shard's Pagefind, with the other shards merged into it. */
  private pagefind(): Promise<PagefindInstance> {
    this.pagefindLoaded ??= (async () => {
      const [first, ...rest] = this.manifest.shards;
      const url = `${this.base}pagefind/${first!.dir}`;
      const mod = (await import(/* @vite-ignore */ `${url}pagefind.js`)) as PagefindModule;
      // urls in the index carry the base already; the page builds its own highlight links
      const pagefind = mod.createInstance({ basePath: url, baseUrl: '/' });
      await pagefind.options({ excerptLength: 40, highlightParam: null });
      for (const shard of rest) await pagefind.mergeIndex(`${this.base}pagefind/${shard.dir}`, { baseUrl: '/' });
      return pagefind;
    })();
    return this.pagefindLoaded;
  }

  private filtersLoaded?: Promise<void>;

  /**
   * Loads every shard's filter index: until then a search reports no filter counts. The page asks
   * for it after showing the first results, so the first query transfers only what finds them;
   * newest first needs it at once (the per-shard counts say which shards hold a page of results).
   */
  loadFilters(): Promise<void> {
    this.filtersLoaded ??= this.pagefind()
      .then((pf) => pf.filters())
      .then(() => undefined);
    return this.filtersLoaded;
  }

  get countsReady(): boolean {
    return this.filtersLoaded !== undefined;
  }

  normalise(q: string): string {
    return normaliseQuery(q, this.t2s);
  }

  /** Documents whose 文号, 索引号 or whole title equals the query, among the selected filters. */
  async exactMatches(normalised: string, filters: Record<string, string>): Promise<ExactEntry[]> {
    const key = exactKey(normalised, this.t2s);
    if ([...key].length < 2) return [];
    const n = exactBucket(key, this.manifest.exactBuckets);
    let bucket = this.bucketCache.get(n);
    if (!bucket) {
      bucket = fetch(`${this.base}pagefind/${this.manifest.exactFiles[n]}`).then((r) => (r.ok ? r.json() : {}));
      this.bucketCache.set(n, bucket);
    }
    const entries = (await bucket)[key] ?? [];
    return entries.filter((e) => Object.entries(filters).every(([k, v]) => e.filters[k] === v));
  }

  async search(req: SearchRequest): Promise<SearchOutcome> {
    await this.loadT2s(req.q);
    const normalised = this.normalise(req.q);
    const filters: Filters = { ...req.filters };
    const exact = normalised ? await this.exactMatches(normalised, req.filters) : [];
    const pinned = new Set(exact.map((e) => this.base + e.url.replace(/^\//, '')));

    // A query without spaces (Chinese words, a 文号, a 索引号) is first a phrase: Pagefind's quoted
    // search, then those of the unquoted search's other results whose text holds the query (Pagefind
    // may segment the text around it differently: 县政务服务中心). When nothing holds the phrase, or
    // the query has spaces, its words are searched: Pagefind's unquoted results, checked to hold every
    // word (Pagefind drops a word a shard does not know, so 疫情防控 would find 防控 alone). A query
    // with digits and no space (a 文号) is only a phrase. What holds only some words is counted and
    // listed on request (`loose`).
    // a 文号 or 索引号 (digits, with its brackets or 号, or one the exact table knows) is read as written
    const docNoLike = /\d/.test(normalised) && (exact.length > 0 || /[号〔〕[\]【】()（）]/.test(normalised));
    if (docNoLike && exact.length && !req.loose) {
      // a 文号 or 索引号 the exact table knows: its document, without loading the index; the documents
      // whose text mentions it are listed on request (`loose`)
      const listed =
        req.sort === 'date'
          ? [...exact].sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : 0))
          : exact;
      return {
        normalised,
        exact: listed,
        total: listed.length,
        items: listed.slice(0, PAGE_SIZE).map((e) => this.exactItem(e)),
        pages: Math.max(1, Math.ceil(listed.length / PAGE_SIZE)),
        counts: adjustCounts(
          {},
          listed.map((e) => Object.fromEntries(Object.entries(e.filters).map(([k, v]) => [k, [v]]))),
        ),
        countsReady: true,
        looseOnly: 0,
        mentionsOnRequest: true,
      };
    }
    const wantLoose = req.loose && !docNoLike;
    if (req.sort === 'date') await this.loadFilters();
    const phraseable =
      [...normalised].length >= 2 && !normalised.includes('"') && (!/\s/.test(normalised) || docNoLike);
    const loose = normalised ? await (await this.pagefind()).search(normalised, { filters }) : undefined;
    const phrase =
      phraseable && /\p{Script=Han}/u.test(normalised)
        ? await (await this.pagefind()).search(`"${normalised}"`, { filters })
        : undefined;
    /** Results whose data was loaded to check them, by id (reused when they are shown). */
    const loaded = new Map<string, PagefindData>();
    const check = async (list: PagefindResult[], keys: string[]) => {
      const data = await Promise.all(list.map((r) => loaded.get(r.id) ?? r.data()));
      list.forEach((r, i) => loaded.set(r.id, data[i]!));
      return list.filter((_, i) => {
        const text = exactKey(data[i]!.content, this.t2s);
        return keys.every((k) => text.includes(k));
      });
    };
    const all = loose?.results ?? [];
    let ranked: PagefindResult[] = all;
    let term = normalised;
    let counts = loose?.filters ?? {};
    /** ranked is not one Pagefind search's result list (newest first must sort it here). */
    let composed = false;
    let looseOnly = 0;
    let phraseFound = false;
    if (phraseable && loose) {
      const phraseHits = phrase?.results ?? [];
      const inPhrase = new Set(phraseHits.map((r) => r.id));
      const rest = all.filter((r) => !inPhrase.has(r.id));
      const holds = await check(rest.slice(0, VERIFY_LIMIT), [exactKey(normalised, this.t2s)]);
      if (phraseHits.length || holds.length) {
        phraseFound = true;
        const held = new Set(holds.map((r) => r.id));
        const others = rest.filter((r) => !held.has(r.id));
        looseOnly = others.length;
        ranked = wantLoose ? [...phraseHits, ...holds, ...others] : [...phraseHits, ...holds];
        if (!wantLoose) {
          if (holds.length) composed = true;
          else term = `"${normalised}"`;
          counts = adjustCounts(
            phrase?.filters ?? zeroCounts(loose.filters),
            holds.map((r) => loaded.get(r.id)!.filters),
          );
        }
      }
    }
    if (loose && !phraseFound && !req.loose) {
      if ((phraseable && /\d/.test(normalised)) || docNoLike) {
        // a 文号, 索引号 or number that no text holds: nothing, the partial matches on request
        looseOnly = all.length;
        ranked = [];
        counts = zeroCounts(loose.filters);
      } else {
        const words = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(normalised)]
          .filter((w) => w.isWordLike)
          .map((w) => exactKey(w.segment, this.t2s))
          .filter(Boolean);
        const checked = all.slice(0, VERIFY_LIMIT);
        const passed = await check(checked, words);
        const failed = checked.filter((r) => !passed.includes(r));
        // the unchecked tail is kept when most checked results held every word
        const tail = passed.length * 2 >= checked.length ? all.slice(VERIFY_LIMIT) : [];
        ranked = [...passed, ...tail];
        looseOnly = all.length - ranked.length;
        if (failed.length) {
          composed = true;
          counts = tail.length
            ? adjustCounts(
                loose.filters,
                failed.map((r) => loaded.get(r.id)!.filters),
                -1,
              )
            : adjustCounts(
                zeroCounts(loose.filters),
                passed.map((r) => loaded.get(r.id)!.filters),
              );
        }
      }
    }

    let dateOrdered = false;
    if (req.sort === 'relevance' && ranked.length) ranked = await this.demoteInvalid(term, filters, ranked, counts);
    else if (req.sort === 'date' && composed) {
      // the phrase hits and the checked results together are no one Pagefind search: newest first
      // from their data (a short list; a longer one keeps its tail in relevance order)
      const head = ranked.slice(0, DATE_SORT_LIMIT);
      const data = await Promise.all(head.map((r) => loaded.get(r.id) ?? r.data()));
      data.forEach((d, i) => loaded.set(head[i]!.id, d));
      const date = (r: PagefindResult) => loaded.get(r.id)!.meta.published ?? '';
      ranked = [
        ...head.sort((a, b) => (date(a) < date(b) ? 1 : date(a) > date(b) ? -1 : 0)),
        ...ranked.slice(DATE_SORT_LIMIT),
      ];
      dateOrdered = true;
    }

    const listed = ranked.length + exact.length;
    const pages = Math.max(1, Math.ceil(listed / PAGE_SIZE));
    const page = Math.min(Math.max(1, req.page), pages);
    // page 1 starts with the exact matches; Pagefind's results fill the rest
    const from = (page - 1) * PAGE_SIZE;
    const to = page * PAGE_SIZE;
    const exactHere = exact.slice(from, to);
    const skip = Math.max(0, from - exact.length);
    const want = to - from - exactHere.length;
    let slice: PagefindResult[];
    // newest first straight from the shards, unless the list was put in date order above
    if (req.sort === 'date' && normalised && !dateOrdered) {
      slice = await this.newestSlice(term, filters, counts.shard ?? {}, skip, want);
    } else slice = ranked.slice(skip, skip + want);

    const items: ResultItem[] = exactHere.map((e) => this.exactItem(e));
    for (const data of await Promise.all(slice.map((r) => loaded.get(r.id) ?? r.data()))) {
      if (pinned.has(data.url)) continue;
      items.push(toItem(data));
    }
    // an exact match is usually among Pagefind's results too (its title or 文号 is in the text): it is
    // listed once, so a page may show one result fewer than PAGE_SIZE
    return {
      normalised,
      exact,
      total: listed,
      items,
      pages,
      counts,
      countsReady: this.countsReady,
      looseOnly: req.loose ? 0 : looseOnly,
      mentionsOnRequest: false,
    };
  }

  /** A result line for an exact match, from the table (no fragment to load). */
  private exactItem(e: ExactEntry): ResultItem {
    return {
      url: this.base + e.url.replace(/^\//, ''),
      title: e.title,
      excerpt: '',
      meta: {
        index_no: e.indexNo,
        doc_no: e.docNo,
        publisher: e.publisher,
        published: e.published,
        validity: e.validity,
      },
      inAttachments: [],
    };
  }

  /** Results that are 失效 or 废止 after comparable ones in force: their score halved, order kept otherwise. */
  private async demoteInvalid(
    term: string,
    filters: Filters,
    ranked: PagefindResult[],
    counts: Record<string, Record<string, number>>,
  ): Promise<PagefindResult[]> {
    // with the filter counts loaded, they say whether any result is 失效 or 废止
    const v = counts.validity;
    if (v && !v['失效'] && !v['废止']) return ranked;
    if (typeof filters.validity === 'string' && filters.validity !== '有效') return ranked;
    const invalid = await (
      await this.pagefind()
    ).search(term, { filters: { ...filters, validity: { any: ['失效', '废止'] } } });
    const ids = new Set(invalid.results.map((r) => r.id));
    return ranked
      .map((r, i) => ({ r, i, s: ids.has(r.id) ? r.score * INVALID_FACTOR : r.score }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .map((x) => x.r);
  }

  /**
   * Newest first across shards: shards hold date ranges, newest first, and Pagefind sorts within one
   * shard only, so the page's results come from the shards its offset falls in, one shard at a time.
   */
  private async newestSlice(
    term: string,
    filters: Filters,
    perShard: Record<string, number>,
    skip: number,
    want: number,
  ): Promise<PagefindResult[]> {
    const out: PagefindResult[] = [];
    let offset = 0;
    for (let shard = 0; shard < this.manifest.shards.length && out.length < want; shard++) {
      const n = perShard[String(shard)] ?? 0;
      if (offset + n <= skip) {
        offset += n;
        continue;
      }
      if (n === 0) continue;
      const r = await (
        await this.pagefind()
      ).search(term, {
        filters: { ...filters, shard: String(shard) },
        sort: { date: 'desc' },
      });
      const start = Math.max(0, skip - offset);
      out.push(...r.results.slice(start, start + want - out.length));
      offset += n;
    }
    return out;
  }
}

/** Filter counts with every value at 0. */
function zeroCounts(counts: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  return Object.fromEntries(
    Object.entries(counts).map(([k, v]) => [k, Object.fromEntries(Object.keys(v).map((x) => [x, 0]))]),
  );
}

/** Counts with the filter values of some results added (delta 1) or taken out (delta -1); never below 0. */
function adjustCounts(
  counts: Record<string, Record<string, number>>,
  results: Record<string, string[]>[],
  delta: 1 | -1 = 1,
): Record<string, Record<string, number>> {
  const out = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, { ...v }]));
  for (const filters of results)
    for (const [k, values] of Object.entries(filters))
      for (const v of values) (out[k] ??= {})[v] = Math.max(0, (out[k]![v] ?? 0) + delta);
  return out;
}

function toItem(data: PagefindData): ResultItem {
  const inAttachments = data.sub_results
    .filter((s) => s.anchor?.id?.startsWith('attachment-'))
    .map((s) => s.title.replace(/^附件：/, ''));
  // the match is "in an attachment" when no other part of the page matched
  const elsewhere = data.sub_results.some((s) => !s.anchor?.id?.startsWith('attachment-'));
  return {
    url: data.url,
    title: data.meta.title ?? data.url,
    excerpt: data.excerpt,
    meta: data.meta,
    inAttachments: elsewhere ? [] : inAttachments,
  };
}
