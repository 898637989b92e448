// The search page's behaviour (src/pages/search.astro): the URL holds the query, filters, sort and
// page, so a search can be shared and the back button works; the engine (engine.ts) does the rest.
// Focus stays where the reader is: changing a filter keeps it on the <select>; paging moves it to
// the results heading; a new search leaves it in the box. Only the count is announced.
import { SEARCH_FILTERS } from '../../lib/search/plan.ts';
import { SearchEngine, type ResultItem, type SearchOutcome, type SearchRequest } from './engine.ts';

const FILTER_KEYS = SEARCH_FILTERS.map((f) => f.key);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function requestFrom(params: URLSearchParams): SearchRequest {
  const filters: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    page: Math.max(1, Number(params.get('page')) || 1),
    loose: params.get('loose') === '1',
  };
}

function paramsOf(req: SearchRequest): URLSearchParams {
  const p = new URLSearchParams();
  p.set('q', req.q);
  for (const k of FILTER_KEYS) if (req.filters[k]) p.set(k, req.filters[k]);
  if (req.sort === 'date') p.set('sort', 'date');
  if (req.page > 1) p.set('page', String(req.page));
  if (req.loose) p.set('loose', '1');
  return p;
}

/** What the browser lacks for the search, or undefined. */
function missingSupport(): string | undefined {
  if (typeof WebAssembly !== 'object') return 'WebAssembly';
  if (typeof Intl === 'undefined' || !('Segmenter' in Intl)) return '中文分词（Intl.Segmenter）';
  if (typeof Worker === 'undefined') return 'Web Worker';
  return undefined;
}

export function startSearchPage(): void {
  const root = document.getElementById('search');
  if (!root) return;
  const base = root.dataset.base ?? '/';
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = root.querySelector<HTMLInputElement>('#search-q')!;
  const status = root.querySelector<HTMLElement>('#search-status')!;
  const unavailable = root.querySelector<HTMLElement>('#search-unavailable')!;
  const results = root.querySelector<HTMLElement>('#search-results')!;
  const list = root.querySelector<HTMLElement>('#search-list')!;
  const pager = root.querySelector<HTMLElement>('#search-pager')!;
  const heading = root.querySelector<HTMLElement>('#search-results-title')!;
  const select = (k: string) => root.querySelector<HTMLSelectElement>(`#search-${k}`)!;

  const missing = missingSupport();
  if (missing) {
    unavailable.querySelector('p')!.prepend(`您的浏览器不支持${missing}。`);
    return;
  }
  unavailable.hidden = true;

  let engine: Promise<SearchEngine> | undefined;
  let current = 0;

  const fillForm = (req: SearchRequest) => {
    input.value = req.q;
    for (const k of FILTER_KEYS) select(k).value = req.filters[k] ?? '';
    select('sort').value = req.sort;
  };
  const readForm = (): SearchRequest => {
    const filters: Record<string, string> = {};
    for (const k of FILTER_KEYS) if (select(k).value) filters[k] = select(k).value;
    return {
      q: input.value.trim(),
      filters,
      sort: select('sort').value === 'date' ? 'date' : 'relevance',
      page: 1,
      loose: false,
    };
  };

  const run = async (req: SearchRequest, focus?: HTMLElement) => {
    const id = ++current;
    if (!req.q) {
      status.textContent = '';
      results.hidden = true;
      root.dataset.state = 'done';
      root.dataset.run = String(id);
      return;
    }
    status.textContent = '正在搜索……';
    // data-state / data-run tell a test (and styles) which search the page shows; aria-busy the same to AT
    root.dataset.state = 'searching';
    results.setAttribute('aria-busy', 'true');
    let outcome: SearchOutcome;
    try {
      engine ??= SearchEngine.open(base);
      outcome = await (await engine).search(req);
    } catch (e) {
      console.error(e);
      engine = undefined;
      if (id !== current) return;
      status.textContent = '搜索暂时不可用，请稍后再试，或使用政府信息公开目录查找。';
      results.hidden = true;
      results.removeAttribute('aria-busy');
      root.dataset.state = 'error';
      root.dataset.run = String(id);
      return;
    }
    if (id !== current) return;
    render(req, outcome);
    if (!outcome.countsReady) {
      // the filter counts follow the first results: the same search again once the filter index is in
      try {
        const e = await engine;
        await e.loadFilters();
        const again = await e.search(req);
        if (id !== current) return;
        renderCounts(again);
      } catch (e) {
        console.error(e);
      }
    }
    if (id !== current) return;
    results.removeAttribute('aria-busy');
    root.dataset.state = 'done';
    root.dataset.run = String(id);
    focus?.focus();
  };

  const go = (req: SearchRequest, focus?: HTMLElement) => {
    history.pushState(null, '', `?${paramsOf(req)}`);
    void run(req, focus);
  };

  /** Each filter option with its count among the results; an option with none is disabled. */
  const renderCounts = (o: SearchOutcome) => {
    for (const k of FILTER_KEYS) {
      const counts = o.counts[k] ?? {};
      for (const opt of Array.from(select(k).options)) {
        if (!opt.value) continue;
        const n = counts[opt.value] ?? 0;
        opt.textContent = `${opt.value}（${n}）`;
        opt.disabled = n === 0 && select(k).value !== opt.value;
      }
    }
  };

  const render = (req: SearchRequest, o: SearchOutcome) => {
    if (o.countsReady) renderCounts(o);
    const pageNote = o.pages > 1 ? `，第 ${Math.min(req.page, o.pages)}/${o.pages} 页` : '';
    status.textContent = o.total
      ? `找到 ${o.total} 条与“${o.normalised}”相关的结果${pageNote}。`
      : `没有找到与“${o.normalised}”相关的信息。`;
    list.replaceChildren();
    pager.replaceChildren();
    results.hidden = false;
    if (!o.total) {
      list.append(noResults(req, o));
      return;
    }
    const ol = el('ol', { start: String((Math.min(req.page, o.pages) - 1) * 10 + 1) });
    for (const item of o.items) ol.append(hit(item, o));
    list.append(ol);
    if (o.mentionsOnRequest) {
      const p = el('p', { class: 'search-loose' });
      const a = el(
        'a',
        { href: `?${paramsOf({ ...req, loose: true, page: 1 })}` },
        `查找正文中提到“${o.normalised}”的其他文件`,
      );
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        go({ ...req, loose: true, page: 1 }, heading);
      });
      p.append(a);
      list.append(p);
    }
    if (o.looseOnly > 0) {
      const p = el('p', { class: 'search-loose' }, `另有 ${o.looseOnly} 条结果只包含“${o.normalised}”中的部分字词。`);
      const a = el('a', { href: `?${paramsOf({ ...req, loose: true, page: 1 })}` }, '一并显示');
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        go({ ...req, loose: true, page: 1 }, heading);
      });
      p.append(a);
      list.append(p);
    }
    if (o.pages > 1) pager.append(pages(req, o.pages));
  };

  const hit = (item: ResultItem, o: SearchOutcome) => {
    const li = el('li', { class: 'search-hit' });
    const h3 = el('h3');
    const url = `${item.url}${item.url.includes('?') ? '&' : '?'}highlight=${encodeURIComponent(o.normalised)}`;
    h3.append(el('a', { href: url }, item.title));
    li.append(h3);
    if (o.exact.some((e) => base + e.url.replace(/^\//, '') === item.url)) {
      const by = o.exact.find((e) => base + e.url.replace(/^\//, '') === item.url)!.by;
      li.append(
        el(
          'p',
          { class: 'search-exact' },
          by === 'doc-no' ? '文号完全匹配' : by === 'index-no' ? '索引号完全匹配' : '标题完全匹配',
        ),
      );
    }
    if (item.excerpt) {
      const p = el('p', { class: 'search-excerpt' });
      p.innerHTML = item.excerpt; // Pagefind's excerpt: indexed text with < and > escaped, matches in <mark>
      li.append(p);
    }
    if (item.inAttachments.length)
      li.append(el('p', { class: 'search-in-attachment' }, `匹配内容在附件中：${item.inAttachments.join('；')}`));
    const dl = el('dl', { class: 'search-meta' });
    const row = (term: string, value: string | undefined, cls?: string) => {
      if (!value) return;
      const div = el('div');
      div.append(el('dt', {}, `${term}：`), el('dd', cls ? { class: cls } : {}, value));
      dl.append(div);
    };
    row('索引号', item.meta.index_no);
    row('文号', item.meta.doc_no);
    row('发布机构', item.meta.publisher);
    row('发布日期', item.meta.published);
    if (item.meta.validity && item.meta.validity !== '有效') row('有效性', item.meta.validity, 'search-invalid');
    li.append(dl);
    return li;
  };

  const pages = (req: SearchRequest, count: number) => {
    const ul = el('ul');
    const page = Math.min(req.page, count);
    const link = (n: number, label: string, rel?: string) => {
      const li = el('li');
      if (n === page && !rel) {
        li.append(el('span', { 'aria-current': 'page' }, label));
      } else {
        const a = el('a', { href: `?${paramsOf({ ...req, page: n })}`, ...(rel && { rel }) }, label);
        a.addEventListener('click', (ev) => {
          ev.preventDefault();
          go({ ...req, page: n }, heading);
        });
        li.append(a);
      }
      ul.append(li);
    };
    if (page > 1) link(page - 1, '上一页', 'prev');
    const from = Math.max(1, page - 4);
    const to = Math.min(count, from + 8);
    for (let n = from; n <= to; n++) link(n, String(n));
    if (page < count) link(page + 1, '下一页', 'next');
    return ul;
  };

  const noResults = (req: SearchRequest, o: SearchOutcome) => {
    const box = el('div', { class: 'search-none' });
    box.append(el('p', {}, `已按简体字检索“${o.normalised}”。您可以：`));
    const ul = el('ul');
    ul.append(el('li', {}, '检查错别字，或换用更短、更常用的词语；'));
    ul.append(
      el('li', {}, '查找文号时，可只输入机关代字和年份、序号，如“示政办 2021 5”，括号写成〔〕、[]、()或【】均可；'),
    );
    if (Object.keys(req.filters).length) {
      const li = el('li', {}, '取消部分筛选条件；');
      ul.append(li);
    }
    const catalogue = el('li', {}, '在政府信息公开目录中浏览：');
    const links: HTMLAnchorElement[] = [];
    for (const k of FILTER_KEYS) {
      const opt = select(k).selectedOptions[0];
      if (opt?.value && opt.dataset.catalogue && k !== 'validity')
        links.push(
          el('a', { href: opt.dataset.catalogue }, `${SEARCH_FILTERS.find((f) => f.key === k)!.label}：${opt.value}`),
        );
    }
    links.push(el('a', { href: `${base}catalogue/` }, '全部目录'));
    links.forEach((a, i) => catalogue.append(...(i ? ['、', a] : [a])));
    ul.append(catalogue);
    box.append(ul);
    return box;
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    go(readForm());
  });
  for (const k of [...FILTER_KEYS, 'sort']) {
    select(k).addEventListener('change', () => {
      if (input.value.trim()) go(readForm(), select(k));
    });
  }
  window.addEventListener('popstate', () => {
    const req = requestFrom(new URLSearchParams(location.search));
    fillForm(req);
    void run(req);
  });
  const initial = requestFrom(new URLSearchParams(location.search));
  fillForm(initial);
  if (initial.q) void run(initial);
}
