// content/redirects.yaml: every old URL leads in one step to a page the build produces. Each `from`
// is listed once and is no longer a page of its own (else the redirect would hide it); each `to` is
// a page or file of this build (CheckedColumn.pagePaths) and not itself redirected (a chain A → B → C
// costs readers a hop and breaks when B is reused: write A → C); no loops.
import { diag } from '../diagnostics.ts';
import { pagePathOf, sitePathProblem } from '../redirects.ts';
import type { Diagnostic } from '../types.ts';
import type { ColumnCheck } from './types.ts';

const FILE = 'redirects.yaml';

export const redirectsCheck: ColumnCheck = {
  scope: 'column',
  name: 'redirects.yaml：旧网址不重复、不是现有页面，新网址存在，没有连环跳转和循环',
  run({ redirects, sources, pagePaths, settings }) {
    const src = sources.redirects;
    if (!src || !redirects.length) return [];
    const out: Diagnostic[] = [];
    const at = (i: number, key: 'from' | 'to') => ({ line: src.lineOf([i, key]), field: key });
    const base = settings?.base ?? '/';
    const shapeOk = redirects.map((r, i) => {
      let ok = true;
      for (const key of ['from', 'to'] as const) {
        const p = r[key];
        const problem = sitePathProblem(p);
        const page = pagePathOf(p);
        if (problem || page !== p) {
          ok = false;
          out.push(
            diag('error', 'redirect-path', FILE, `网址“${p}”${problem ?? '是页面，应以 / 结尾'}。`, {
              ...at(i, key),
              fix: problem
                ? '写本站内的路径，不含网站路径 base，例如 /doc/11999999999900011l-202103-00012/。'
                : `写成 ${page}`,
            }),
          );
        }
      }
      return ok;
    });
    const byFrom = new Map<string, number>();
    redirects.forEach((r, i) => {
      const earlier = byFrom.get(r.from);
      if (earlier === undefined) {
        byFrom.set(r.from, i);
        return;
      }
      out.push(
        diag('error', 'redirect-duplicate', FILE, `旧网址“${r.from}”已在第 ${src.lineOf([earlier, 'from'])} 行写过。`, {
          ...at(i, 'from'),
          fix: '每个旧网址只写一次：删除其中一项。',
        }),
      );
    });
    const inLoop = new Set<number>();
    redirects.forEach((r, i) => {
      if (!shapeOk[i] || byFrom.get(r.from) !== i) return;
      // follow the redirects from here: a loop, or the end of a chain
      const seen = [i];
      let next = byFrom.get(r.to);
      while (next !== undefined && !seen.includes(next)) {
        seen.push(next);
        next = byFrom.get(redirects[next]!.to);
      }
      if (next !== undefined) {
        if (inLoop.has(i)) return;
        const loop = seen.slice(seen.indexOf(next));
        for (const j of loop) inLoop.add(j);
        if (!loop.includes(i)) return; // reported at the loop's own first entry
        const names = loop.map((j) => redirects[j]!.from);
        out.push(
          diag('error', 'redirect-loop', FILE, `跳转成环：${[...names, names[0]].join(' → ')}。`, {
            ...at(i, 'to'),
            fix: '每个旧网址应跳转到一个现有页面：改正其中一项的 to，或删除多余的项。',
          }),
        );
        return;
      }
      const end = redirects[seen[seen.length - 1]!]!.to;
      if (seen.length > 1) {
        out.push(
          diag(
            'error',
            'redirect-chain',
            FILE,
            `连环跳转：${[r.from, ...seen.slice(1).map((j) => redirects[j]!.from), end].join(' → ')}。`,
            { ...at(i, 'to'), fix: `直接跳转到最终网址：把 to 改为 ${end}。` },
          ),
        );
        return;
      }
      if (!pagePaths) return;
      if (pagePaths.has(r.from)) {
        out.push(
          diag('error', 'redirect-from-live', FILE, `旧网址“${r.from}”仍是本站的页面，跳转会使它无法访问。`, {
            ...at(i, 'from'),
            fix: '删除这一项；或者确认该页面确实已迁移后再添加。',
          }),
        );
      }
      if (!pagePaths.has(r.to)) {
        const withBase = base !== '/' && r.to.startsWith(base) && pagePaths.has(r.to.slice(base.length - 1));
        out.push(
          diag('error', 'redirect-target-missing', FILE, `新网址“${r.to}”不是本次构建生成的页面或文件。`, {
            ...at(i, 'to'),
            fix: withBase
              ? `去掉开头的网站路径：写成 ${r.to.slice(base.length - 1)}。`
              : '改为现有页面的网址（文件的网址见其页面地址 /doc/<网址标识>/）。',
          }),
        );
      }
    });
    return out;
  },
};
