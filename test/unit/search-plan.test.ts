// The search's plain-data side (src/lib/search/): query and key normalisation shared by the index
// step and the page, the 繁→简 table, each page's filters/metadata/sort, the hidden elements added
// before Pagefind reads a page, the shard plan and the exact-match table.
import { describe, expect, it } from 'vitest';
import {
  T2S_BUCKETS,
  exactBucket,
  exactKey,
  normaliseQuery,
  t2sBucket,
  t2sBucketsOf,
  t2sMap,
  t2sSplit,
  toSimplified,
} from '../../src/lib/search/normalise.ts';
import {
  SHARD_FILTER,
  exactBucketCount,
  exactTable,
  indexedExtras,
  indexedHtml,
  planShards,
  searchRecord,
  type RecordNames,
} from '../../src/lib/search/plan.ts';
import { t2sPairs } from '../../src/lib/search/t2s.ts';
import type { DocumentMeta } from '../../src/lib/types.ts';

const t2s = t2sMap(t2sPairs());

describe('繁→简 table (opencc-js)', () => {
  it.each([
    ['醫療保障', '医疗保障'],
    ['預算', '预算'],
    ['稅收', '税收'],
    ['環境保護', '环境保护'],
    ['政務公開', '政务公开'],
    ['低保', '低保'],
  ])('%s → %s', (from, to) => expect(toSimplified(from, t2s)).toBe(to));

  it('holds a few thousand single-character pairs', () => {
    expect(t2s.size).toBeGreaterThan(2500);
    expect(t2s.size).toBeLessThan(5000);
    for (const [from, to] of t2s) expect([...from].length + [...to].length).toBe(2);
  });
});

describe("繁→简 buckets (a query fetches only its characters' pairs)", () => {
  const buckets = t2sSplit(t2sPairs());
  it('every pair in the bucket of its traditional character, none lost, each bucket small', () => {
    expect(buckets).toHaveLength(T2S_BUCKETS);
    const merged = new Map(buckets.flatMap((b) => [...t2sMap(b)]));
    expect(merged).toEqual(t2s);
    for (const [i, b] of buckets.entries()) {
      for (const from of t2sMap(b).keys()) expect(t2sBucket(from)).toBe(i);
      expect(Buffer.byteLength(JSON.stringify(b))).toBeLessThan(1500);
    }
  });
  it('a query folds the same with the buckets of its characters as with the whole table', () => {
    for (const q of ['醫療保障 預算', '示政辦〔2021〕5號', '環境保護', '低保办法']) {
      const some = new Map(t2sBucketsOf(q).flatMap((n) => [...t2sMap(buckets[n]!)]));
      expect(normaliseQuery(q, some)).toBe(normaliseQuery(q, t2s));
    }
  });
  it('no bucket for a query without CJK characters', () => {
    expect(t2sBucketsOf('11999999mb1712712b-202005-00003')).toEqual([]);
  });
});

describe('query normalisation', () => {
  it.each([
    ['  預算　公開 ', '预算 公开'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['示政办［2021］5号', '示政办[2021]5号'],
  ])('%j → %j', (q, want) => expect(normaliseQuery(q, t2s)).toBe(want));

  it('every spelling of a 文号 has one exact key', () => {
    const keys = [
      '示政办〔2021〕5号',
      '示政办[2021]5号',
      '示政办(2021)5号',
      '示政办（2021）5号',
      '示政办【2021】5号',
      '示政办2021 5号',
      '示政辦〔2021〕5號',
    ].map((q) => exactKey(q, t2s));
    expect(new Set(keys)).toEqual(new Set(['示政办20215号']));
    expect(exactKey('示政办〔2021〕15号', t2s)).not.toBe(keys[0]);
  });

  it('a 索引号 in any letter case, with or without its separators, has one exact key', () => {
    expect(exactKey('11999999999900011L/202103-00011', t2s)).toBe('11999999999900011l20210300011');
    expect(exactKey('11999999999900011l-202103-00011', t2s)).toBe('11999999999900011l20210300011');
  });

  it('buckets are stable and in range', () => {
    for (const n of [1, 2, 64, 1024]) {
      const b = exactBucket('示政办20215号', n);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(n);
      expect(exactBucket('示政办20215号', n)).toBe(b);
    }
  });
});

const names: RecordNames = {
  topicName: (id) => ({ '01': '国务院组织机构', '02': '综合政务' })[id.split('-')[0]!] ?? id,
  genreName: (id) => ({ notice: '通知' })[id] ?? id,
  sectionName: (id) => ({ 'art20-01': '法规文件' })[id] ?? id,
};

function meta(over: Partial<DocumentMeta>): DocumentMeta {
  return {
    title: '关于印发<示例>办法的通知',
    indexNo: '11999999999900011L/202103-00011',
    slug: '11999999999900011l-202103-00011',
    file: 'documents/a.md',
    published: '2021-03-05',
    publishedAt: '2021-03-05 09:30',
    publisherId: 'gov',
    publisher: '示例县人民政府',
    topicId: '02-01',
    genreId: 'notice',
    sectionId: 'art20-01',
    supersedes: [],
    keywords: [],
    summary: '',
    attachments: [],
    assets: [],
    ...over,
  } as DocumentMeta;
}

describe('a page in the index', () => {
  it('filters (the 大类 of a 小类), metadata and a numeric date sort key', () => {
    const r = searchRecord(meta({ docNo: '示政办〔2021〕5号', validity: '有效' }), names);
    expect(r).toEqual({
      url: '/doc/11999999999900011l-202103-00011/',
      filters: {
        publisher: '示例县人民政府',
        topic: '综合政务',
        genre: '通知',
        year: '2021',
        section: '法规文件',
        validity: '有效',
      },
      meta: {
        title: '关于印发<示例>办法的通知',
        index_no: '11999999999900011L/202103-00011',
        publisher: '示例县人民政府',
        published: '2021-03-05',
        doc_no: '示政办〔2021〕5号',
        validity: '有效',
      },
      sortDate: '202103050930',
    });
  });

  it('a document without 有效性 has no validity filter (other filters do not narrow it away)', () => {
    const r = searchRecord(meta({}), names);
    expect(r.filters).not.toHaveProperty('validity');
    expect(r.meta).not.toHaveProperty('validity');
    expect(r.meta).not.toHaveProperty('doc_no');
  });

  it('hidden elements: filters, the shard, metadata, sort and attachment sections, all escaped', () => {
    const html = indexedExtras(searchRecord(meta({}), names), 3, [
      { id: 'attachment-2', title: '附件2：<表>', text: '城镇居民 & 农村居民' },
    ]);
    expect(html).toContain('<div hidden>');
    expect(html).toContain(`<span data-pagefind-filter="${SHARD_FILTER}">3</span>`);
    expect(html).toContain('<span data-pagefind-filter="year">2021</span>');
    expect(html).toContain('<span data-pagefind-meta="title">关于印发&lt;示例&gt;办法的通知</span>');
    expect(html).toContain('<span data-pagefind-sort="date">202103050930</span>');
    expect(html).toContain(
      '<section data-pagefind-body><h2 id="attachment-2">附件：附件2：&lt;表&gt;</h2><p>城镇居民 &amp; 农村居民</p></section>',
    );
  });
});

describe('what Pagefind reads of a built page', () => {
  const page = (body: string) =>
    `<!DOCTYPE html><html lang="zh-CN"><head><title>标题 | 示例县</title></head><body><header><nav><a href="/">首页</a></nav></header>` +
    `<main>${body}</main><footer>示ICP备00000000号</footer></body></html>`;
  it('the indexed elements only, nested elements whole, in page order, without the chrome', () => {
    const html = indexedHtml(
      page(
        '<h1 id="doc-title" class="doc-title" data-pagefind-body>关于<em>低保</em>的通知</h1>' +
          '<table><tr><th>索引号</th><td>x</td></tr></table>' +
          '<div class="doc-body" data-pagefind-body><p>正文</p><div class="table-scroll"><table><tr><td>单元</td></tr></table></div><DIV>大写</DIV><p>末段</p></div>' +
          '<div class="attachments">附件列表</div>',
      ),
    );
    expect(html).toBe(
      '<!DOCTYPE html><html lang="zh-CN"><head></head><body>' +
        '<h1 id="doc-title" class="doc-title" data-pagefind-body>关于<em>低保</em>的通知</h1>' +
        '<div class="doc-body" data-pagefind-body><p>正文</p><div class="table-scroll"><table><tr><td>单元</td></tr></table></div><DIV>大写</DIV><p>末段</p></div>' +
        '</body></html>',
    );
    for (const chrome of ['首页', '示ICP备', '索引号', '附件列表']) expect(html).not.toContain(chrome);
  });
  it('undefined when there is nothing to index or an element does not end (the whole page is sent)', () => {
    expect(indexedHtml(page('<p>列表页</p>'))).toBeUndefined();
    expect(indexedHtml('<div data-pagefind-body><div>未闭合</div>')).toBeUndefined();
  });
});

describe('shards', () => {
  const docs = Array.from({ length: 10 }, (_, i) => ({
    published: `2020-01-${String(10 - i).padStart(2, '0')}`,
    size: 10,
  }));
  it('cut by pages, newest first, in order', () => {
    const shards = planShards(docs, (d) => d.size, { pages: 4, bytes: 1e9 });
    expect(shards.map((s) => s.length)).toEqual([4, 4, 2]);
    expect(shards.flat()).toEqual(docs);
  });
  it('cut by bytes', () => {
    expect(planShards(docs, (d) => d.size, { pages: 100, bytes: 35 }).map((s) => s.length)).toEqual([3, 3, 3, 1]);
  });
  it('a page larger than the byte limit still gets a shard of its own', () => {
    expect(planShards(docs.slice(0, 2), () => 100, { pages: 100, bytes: 35 }).map((s) => s.length)).toEqual([1, 1]);
  });
});

describe('exact-match table', () => {
  it('about 200 keys a bucket, a power of two', () => {
    expect([0, 200, 201, 800, 801, 300_000].map(exactBucketCount)).toEqual([1, 1, 2, 4, 8, 2048]);
  });

  it('each document under its 文号, 索引号 and title, in the bucket its key names', () => {
    const docs = [
      meta({ docNo: '示政办〔2021〕5号', validity: '废止' }),
      meta({ indexNo: '11999999999900011L/202103-00012', slug: 'b', title: '另一份文件' }),
    ];
    const { buckets, count } = exactTable(docs, (d) => searchRecord(d, names), t2s);
    const find = (q: string) => buckets[exactBucket(exactKey(q, t2s), count)]![exactKey(q, t2s)] ?? [];
    expect(find('示政办[2021]5号').map((e) => [e.url, e.by, e.validity])).toEqual([
      ['/doc/11999999999900011l-202103-00011/', 'doc-no', '废止'],
    ]);
    expect(find('11999999999900011l/202103-00012').map((e) => [e.url, e.by])).toEqual([['/doc/b/', 'index-no']]);
    expect(find('另一份文件').map((e) => e.by)).toEqual(['title']);
    expect(find('示政办〔2021〕6号')).toEqual([]);
    expect(find('另一份文件')[0]!.filters.publisher).toBe('示例县人民政府');
  });
});
