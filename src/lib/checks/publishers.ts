// bodies.yaml: every publisher (发布机构) has its own id and name, a code with a valid check
// character, and a known level.
import { diag } from '../diagnostics.ts';
import { checkOrganisationCode } from '../index-no.ts';
import { didYouMean } from '../suggest.ts';
import { PUBLISHER_LEVELS } from '../taxonomy.ts';
import type { Diagnostic } from '../types.ts';
import type { ColumnCheck } from './types.ts';

export const publishersCheck: ColumnCheck = {
  scope: 'column',
  name: 'bodies.yaml 的标识、名称、机构代码与层级',
  run({ publishers, sources, settings }) {
    const src = sources.bodies;
    if (!src) return [];
    const out: Diagnostic[] = [];
    const seen = new Set<string>();
    const levels = [...PUBLISHER_LEVELS, ...(settings?.levels ?? [])];
    publishers.forEach((p, i) => {
      const duplicates: [string, () => Diagnostic][] = [
        [
          `id:${p.id}`,
          () =>
            diag('error', 'duplicate-publisher-id', 'bodies.yaml', `机构标识“${p.id}”重复。`, {
              line: src.lineOf([i]),
              field: 'id',
              fix: '每个机构使用不同的标识。',
            }),
        ],
        [
          `name:${p.name}`,
          () =>
            diag('error', 'duplicate-publisher-name', 'bodies.yaml', `机构名称“${p.name}”重复。`, {
              line: src.lineOf([i]),
              field: 'name',
              fix: '删除重复的一项。',
            }),
        ],
      ];
      for (const [key, report] of duplicates) {
        if (seen.has(key)) out.push(report());
        seen.add(key);
      }
      const code = p.code ? checkOrganisationCode(p.code) : undefined;
      if (code && !code.ok) {
        out.push(
          diag('error', 'publisher-code', 'bodies.yaml', `“${p.name}”的机构代码“${p.code}”${code.problem}。`, {
            line: src.lineOf([i, 'code']),
            field: 'code',
            fix: '核对该机构的统一社会信用代码（18 位）或组织机构代码（9 位）；不确定时删除 code，索引号将使用本网站主管机关的代码。',
          }),
        );
      }
      if (p.level !== undefined && !levels.includes(p.level)) {
        out.push(
          diag(
            'error',
            'publisher-level',
            'bodies.yaml',
            `“${p.name}”的机构层级“${p.level}”无法识别。${didYouMean(p.level, levels)}`,
            {
              line: src.lineOf([i, 'level']),
              field: 'level',
              fix: `填写以下层级之一：${levels.join('、')}；其他层级请先在 site.yaml 的 levels 中添加。`,
            },
          ),
        );
      }
    });
    return out;
  },
};
