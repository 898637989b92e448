// site.yaml: the organisation's code and its check character, the 索引号 pattern, the old `domain`
// field agreeing with `site_url`, and the image file of the 党政机关网站标识 (footer.conac.image).
import { SITE_IMAGE_TYPES, type SiteFile } from '../column.ts';
import { diag } from '../diagnostics.ts';
import { describeVerdict } from '../file-policy.ts';
import { checkOrganisationCode, isUsableIndexPattern } from '../index-no.ts';
import type { Diagnostic } from '../types.ts';
import type { ColumnCheck } from './types.ts';

export const siteSettingsCheck: ColumnCheck = {
  scope: 'column',
  name: 'site.yaml 的机构代码、索引号规则、网站地址与网站标识图片',
  run({ settings, sources, siteMark }) {
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
    if (siteMark && siteMark.state !== 'ok') {
      out.push(
        diag('error', 'site-mark-file', 'site.yaml', siteMarkProblem(siteMark), {
          line: lineOf(['footer', 'conac', 'image']),
          field: 'footer.conac.image',
          fix: siteMarkFix(siteMark),
        }),
      );
    }
    return out;
  },
};

const TYPES = SITE_IMAGE_TYPES.map((t) => `.${t}`).join('、');

function siteMarkProblem(f: SiteFile): string {
  const what = `党政机关网站标识的图片“${f.written}”`;
  switch (f.state) {
    case 'outside':
      return `${what}不在内容目录中。`;
    case 'missing':
      return `${what}不存在。`;
    case 'symlink':
      return `${what}是一个符号链接；出于安全考虑，链接不会被读取或发布。`;
    case 'type':
      return `${what}不是网页能显示的图片（允许 ${TYPES}）。`;
    default:
      return f.verdict
        ? `党政机关网站标识的${describeVerdict(f.written, f.verdict, [...SITE_IMAGE_TYPES], 'image').message}`
        : `${what}不能发布。`;
  }
}

function siteMarkFix(f: SiteFile): string {
  switch (f.state) {
    case 'outside':
      return '把图片放进内容目录（例如 images/dzjg.png），写相对于内容目录的路径，不以 / 开头，不含 ..。';
    case 'missing':
      return '把标识图片放到内容目录中的这个位置，或改正 footer.conac.image 的路径（相对于内容目录）；不显示标识时删除 footer.conac。';
    case 'symlink':
      return '把真实的图片文件放在这里，不要使用链接。';
    case 'type':
      return `使用 PNG、JPG、GIF、WebP 或 SVG 格式的标识图片（${TYPES}）。`;
    default:
      return f.verdict
        ? describeVerdict(f.written, f.verdict, [...SITE_IMAGE_TYPES], 'image').fix
        : '换用 PNG 格式的标识图片。';
  }
}
