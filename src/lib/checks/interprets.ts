// interprets (解读对象): each 索引号 names a document of the column that is not the 解读 itself and is
// published; the field belongs on a 解读. A policy on another site is checked by the schema (title,
// an http(s) address). What resolves is linked both ways in src/lib/site.ts (linkInterpretations).
import { diag } from '../diagnostics.ts';
import { policyRefs } from '../schema/document.ts';
import { nearestNames } from '../suggest.ts';
import type { Diagnostic } from '../types.ts';
import type { CheckedDocument, ColumnCheck } from './types.ts';

/** Above this many 索引号 of one organisation code, no nearest 索引号 is looked for (each look-up is quadratic in length). */
const MAX_CANDIDATES = 5000;

export const interpretsCheck: ColumnCheck = {
  scope: 'column',
  name: '解读对象：索引号属于本网站的文件，只用于解读',
  run({ documents }) {
    const out: Diagnostic[] = [];
    let index: Lookup | undefined; // made at the first reference that needs it
    for (const d of documents) {
      const refs = policyRefs(d.data.interprets);
      if (!refs.length) continue;
      const line = (i: number) =>
        Array.isArray(d.data.interprets)
          ? (d.yaml?.lineOf(['interprets', i]) ?? d.line('interprets'))
          : d.line('interprets');
      if (d.genre && d.genre.id !== 'interpretation') {
        out.push(
          diag(
            'warning',
            'interprets-genre',
            d.file,
            `解读对象只用于体裁为“解读”的文件，本文件的体裁是“${d.genre.name}”。`,
            {
              line: d.line('interprets'),
              field: 'interprets',
              fix: '如本文件是政策解读，把体裁改为 解读；如要说明本文件有解读，应在那份解读中写 interprets: "本文件的索引号"，并删除本文件的 interprets。',
            },
          ),
        );
      }
      refs.forEach((ref, i) => {
        if (!('indexNo' in ref)) return;
        index ??= lookup(documents);
        const target = index.byIndexNo.get(ref.indexNo);
        const at = { line: line(i), field: 'interprets' };
        if (!target) {
          const { hint, fix } = suggestion(ref.indexNo, index);
          out.push(
            diag('error', 'unknown-interprets', d.file, `解读对象“${ref.indexNo}”不是本网站任何文件的索引号。${hint}`, {
              ...at,
              fix:
                fix ??
                '填写所解读政策的索引号（与其 index_no 完全一致，加引号）；政策不在本网站发布时改写为 title 和 url 两项：政策标题和原文网址。',
            }),
          );
        } else if (target === d) {
          out.push(
            diag('error', 'self-interprets', d.file, '解读对象不能是本文件自己。', {
              ...at,
              fix: '填写所解读的那份政策文件的索引号。',
            }),
          );
        } else if (target.heldBack) {
          out.push(
            diag(
              'warning',
              'interprets-held-back',
              d.file,
              `解读对象“${ref.indexNo}”尚未到发布日期，本次构建暂不显示指向它的链接。`,
              at,
            ),
          );
        }
      });
    }
    return out;
  },
};

interface Lookup {
  byIndexNo: Map<string, CheckedDocument>;
  byDocNo: Map<string, CheckedDocument>;
  byTitle: Map<string, CheckedDocument>;
  /** 索引号 by their organisation code (the part before '/'), for the nearest one; and all of them. */
  byCode: Map<string, string[]>;
  all: string[];
}

const key = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s《》〈〉“”"']/g, '')
    .toUpperCase();
const codeOf = (indexNo: string) => key(indexNo).split('/')[0]!;

function lookup(documents: CheckedDocument[]): Lookup {
  const l: Lookup = { byIndexNo: new Map(), byDocNo: new Map(), byTitle: new Map(), byCode: new Map(), all: [] };
  for (const d of documents) {
    if (!d.meta || l.byIndexNo.has(d.meta.indexNo)) continue;
    l.byIndexNo.set(d.meta.indexNo, d);
    l.all.push(d.meta.indexNo);
    if (d.meta.docNo) l.byDocNo.set(key(d.meta.docNo), d);
    l.byTitle.set(key(d.meta.title), d);
    const code = codeOf(d.meta.indexNo);
    const list = l.byCode.get(code) ?? [];
    list.push(d.meta.indexNo);
    l.byCode.set(code, list);
  }
  return l;
}

/** What the editor may have meant: a document whose 文号 or title was written, or the nearest 索引号. */
function suggestion(written: string, l: Lookup): { hint: string; fix?: string } {
  const named = l.byDocNo.get(key(written)) ?? l.byTitle.get(key(written));
  if (named?.meta) {
    const what = l.byDocNo.get(key(written)) === named ? '文号' : '标题';
    return {
      hint: `它是文件“${named.meta.title}”的${what}。`,
      fix: `解读对象写索引号：interprets: "${named.meta.indexNo}"`,
    };
  }
  // the same organisation's 索引号, or all of them when the code itself was mistyped
  const candidates = l.byCode.get(codeOf(written)) ?? l.all;
  if (candidates.length > MAX_CANDIDATES) return { hint: '' };
  const near = nearestNames(written, candidates, 1)[0];
  return near
    ? { hint: `是不是“${near}”？`, fix: `改为 interprets: "${near}"（与那份文件的 index_no 完全一致）。` }
    : { hint: '' };
}
