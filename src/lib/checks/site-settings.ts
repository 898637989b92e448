// site.yaml: the organisation's code and its check character, the 索引号 pattern, and the old
// `domain` field agreeing with `site_url`.
import { diag } from '../diagnostics.ts';
import { checkOrganisationCode, isUsableIndexPattern } from '../index-no.ts';
import type { Diagnostic } from '../types.ts';
import type { ColumnCheck } from './types.ts';

export const siteSettingsCheck: ColumnCheck = {
  scope: 'column',
  name: 'site.yaml 的机构代码、索引号规则与网站地址',
  run({ settings, sources }) {
    if (!settings || !sources.site) return [];
    const lineOf = (path: string[]) => sources.site!.lineOf(path);
    const out: Diagnostic[] = [];
    const code = checkOrganisationCode(settings.organisation.code);
    if (!code.ok) {
      out.push(
        diag('error', 'organisation-code', 'site.yaml', `机构代码“${settings.organisation.code}”${code.problem}。`, {
          line: lineOf(['organisation', 'code']),
          field: 'organisation.code',
          fix: '核对本机关的统一社会信用代码（18 位）或组织机构代码（9 位）。',
        }),
      );
    }
    if (!isUsableIndexPattern(settings.indexNo.pattern)) {
      out.push(
        diag('error', 'index-pattern', 'site.yaml', `索引号规则“${settings.indexNo.pattern}”无法识别。`, {
          line: lineOf(['index_no', 'pattern']),
          field: 'index_no.pattern',
          fix: '可用的占位符：{code} {year} {yyyymm} {serial:N}，且必须有顺序号 {serial}；例如写成 "{code}/{yyyymm}-{serial:5}"。',
        }),
      );
    }
    const written = sources.site.value && (sources.site.value as { domain?: unknown }).domain;
    if (typeof written === 'string' && written.trim() !== settings.domain) {
      out.push(
        diag(
          'error',
          'domain-mismatch',
          'site.yaml',
          `网站域名“${written}”与网站地址 ${settings.siteUrl} 的主机名不一致。`,
          {
            line: lineOf(['domain']),
            field: 'domain',
            fix: '删除 domain 这一行（域名由 site_url 得出），或改正 site_url。',
          },
        ),
      );
    }
    return out;
  },
};
