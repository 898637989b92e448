// `gongkai nginx-config --root DIR` (`npm run nginx-config -- --root DIR`): the nginx configuration
// that serves the built column (src/lib/serve/nginx.ts) — for a column under a sub-path the location
// blocks to include in the portal's server, at the host root a complete server block — written to a
// file, with what the operator does next, in Chinese (docs/design.md "Serving with nginx").
import { portalRobotsLines } from '../../lib/deploy/robots.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { normaliseBase, resolveBuildOptions } from '../../lib/build-options.ts';
import type { RedirectManifest } from '../../lib/redirects.ts';
import { nginxConfig, NginxConfigError, type NginxConfig } from '../../lib/serve/nginx.ts';
import { contextOf, EXIT, printJson, UsageError, type CliContext } from '../context.ts';

export interface NginxConfigOptions {
  root?: string;
  base?: string;
  siteUrl?: string;
  dist?: string;
  out?: string;
  listen?: string;
}

export function registerNginxConfig(program: Command): void {
  program
    .command('nginx-config')
    .description(
      '生成 nginx 配置（运维用）：专栏在子路径下时生成供门户 server 引用的 location，在网站根路径时生成完整的 server',
    )
    .requiredOption('--root <目录>', '服务器上存放网站文件的目录（绝对路径），例如 /srv/www/xxgk/current')
    .option('--base <路径>', '专栏的网站路径，例如 /xxgk/（默认：环境变量 GONGKAI_BASE，否则 site.yaml 的 base）')
    .option('--site-url <网址>', '网站地址（默认：site.yaml 的 site_url）；https 时加 HSTS')
    .option('--dist <目录>', '构建输出目录，从中读取 redirects.json（默认：环境变量 GONGKAI_OUT，否则 dist）')
    .option('--out <文件>', '写入的配置文件（默认：当前目录下的 gongkai-<路径名>.conf；- 表示输出到屏幕）')
    .option('--listen <地址>', '完整 server 的 listen（只用于根路径，默认 80）')
    .action(async (options: NginxConfigOptions, command: Command) => {
      process.exitCode = runNginxConfig(contextOf(command), options);
    });
}

interface SiteYaml {
  siteUrl?: string;
  attachmentTypes: string[];
}

/** The two fields of site.yaml the configuration needs, read without loading the column's documents. */
function readSiteYaml(contentDir: string): SiteYaml | undefined {
  const file = path.join(contentDir, 'site.yaml');
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(
      `${file} 不是有效的 YAML：${e instanceof Error ? e.message : String(e)}。先运行 npx gongkai check 改正它。`,
    );
  }
  const site = (data ?? {}) as { site_url?: unknown; attachment_types?: unknown };
  return {
    siteUrl: typeof site.site_url === 'string' ? site.site_url : undefined,
    attachmentTypes: Array.isArray(site.attachment_types) ? site.attachment_types.map(String) : [],
  };
}

/** dist/redirects.json when the build wrote one. */
function readRedirects(file: string): RedirectManifest | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as RedirectManifest;
    if (typeof data?.base !== 'string' || !Array.isArray(data.redirects) || !Array.isArray(data.withdrawn))
      throw new Error('缺少 base、redirects 或 withdrawn');
    return data;
  } catch (e) {
    throw new UsageError(
      `${file} 不是构建写出的跳转清单（${e instanceof Error ? e.message : String(e)}）。请重新运行 npm run build。`,
    );
  }
}

/** The file name for a base: gongkai-xxgk.conf, gongkai-a-b.conf, gongkai-site.conf for '/'. */
export function defaultConfigName(base: string): string {
  const name = base.replace(/^\/|\/$/g, '').replace(/[^A-Za-z0-9._~-]+/g, '-');
  return `gongkai-${name || 'site'}.conf`;
}

export function runNginxConfig(ctx: CliContext, options: NginxConfigOptions): number {
  if (!options.root)
    throw new UsageError('请用 --root 指定服务器上存放网站文件的目录，例如 --root /srv/www/xxgk/current。');
  const build = resolveBuildOptions({ ...process.env, GONGKAI_CONTENT: ctx.contentDir });
  const base = options.base !== undefined ? normaliseBase(options.base) : build.base;
  const site = readSiteYaml(ctx.contentDir);
  const siteUrl = options.siteUrl ?? site?.siteUrl;
  const dist = options.dist ? path.resolve(options.dist) : build.outDir;
  const redirectsFile = path.join(dist, 'redirects.json');
  const redirects = readRedirects(redirectsFile);

  let config: NginxConfig;
  try {
    config = nginxConfig({
      base,
      root: options.root,
      siteUrl,
      redirects,
      attachmentTypes: site?.attachmentTypes,
      listen: options.listen,
    });
  } catch (e) {
    if (e instanceof NginxConfigError) throw new UsageError(e.message);
    throw e;
  }

  const toStdout = options.out === '-';
  const out = toStdout ? undefined : path.resolve(options.out ?? defaultConfigName(base));
  if (out) writeFileSync(out, config.text);
  const notes = operatorNotes({ config, base, out, siteUrl, redirectsFile, hasRedirects: !!redirects });

  if (ctx.json) {
    printJson({
      file: out ?? null,
      kind: config.kind,
      base,
      redirects: config.redirects,
      withdrawn: config.withdrawn,
      notes,
    });
  } else if (toStdout) {
    process.stdout.write(config.text);
    process.stderr.write(`\n${notes.join('\n')}\n`);
  } else {
    console.log(notes.join('\n'));
  }
  return EXIT.ok;
}

/** What the operator does with the file, in Chinese, one line each. */
export function operatorNotes(a: {
  config: NginxConfig;
  base: string;
  out?: string;
  siteUrl?: string;
  redirectsFile: string;
  hasRedirects: boolean;
}): string[] {
  const name = a.out ? path.basename(a.out) : defaultConfigName(a.base);
  const target = `/etc/nginx/snippets/${name}`;
  const lines: string[] = [];
  lines.push(
    a.out ? `已写出 nginx 配置：${a.out}` : 'nginx 配置见上文。',
    `  专栏网址：${a.siteUrl ? a.siteUrl.replace(/\/$/, '') : ''}${a.base}；` +
      (a.hasRedirects
        ? `网址跳转 ${a.config.redirects} 条（301），已撤回文件 ${a.config.withdrawn} 份（页面以下的文件 410）。`
        : `没有找到 ${a.redirectsFile}，配置中没有网址跳转和撤回规则：先运行 npm run build，再重新生成。`),
  );
  if (!a.siteUrl)
    lines.push('  注意：没有网站地址（site.yaml 的 site_url 或 --site-url），配置中没有 HSTS，server_name 为 _。');
  lines.push('', '在服务器上（用 root）：');
  if (a.config.kind === 'location') {
    lines.push(
      `  1. 把它复制到 ${target}`,
      `  2. 在门户网站的 server { … } 中加一行：include ${target};`,
      `     专栏的 location 用 ^~ ${a.base}，门户已有的正则 location（例如按 .js/.css 设置缓存的）不会截走专栏的请求；`,
      `     门户 server 中的 add_header 对专栏不起作用（专栏的 location 有自己的响应头），门户若已有 location ${a.base}，请删除它。`,
      '  3. 在 http { … } 或门户的 server { … } 中写 server_tokens off;（不暴露 nginx 版本；本配置只管专栏自己的响应）',
      '  4. 检查并生效：nginx -t && nginx -s reload',
    );
  } else {
    const conf = `/etc/nginx/sites-available/${name}`;
    lines.push(
      `  1. 把它复制到 ${conf}，并启用：ln -s ${conf} /etc/nginx/sites-enabled/`,
      '     （这是完整的 server：专栏就是整个网站。Debian 自带的 default 站点也在 80 端口时，删除 /etc/nginx/sites-enabled/default）',
      ...(a.siteUrl?.startsWith('https:')
        ? ['  2. 网站用 https：在 server 中按注释填写证书（listen 443 ssl），另设 80 端口跳转到 https']
        : ['  2. （网站用 http：无需证书）']),
      '  3. 检查并生效：nginx -t && nginx -s reload',
    );
  }
  lines.push(
    '',
    '以后每次发布：redirects.json 变化（新的跳转或撤回）时重新运行 npm run nginx-config 并 nginx -t && nginx -s reload；',
    '网站文件目录本身（--root，例如部署的 current 链接）切换后无需重启 nginx。',
  );
  if (a.base !== '/') {
    lines.push(
      '',
      `门户网站的 robots.txt 由门户维护（专栏不在网站根路径 /，不能有自己的 robots.txt）。请门户在其 robots.txt 中允许抓取 ${a.base}，并加上：`,
      ...(a.siteUrl
        ? portalRobotsLines(a.siteUrl, a.base).map((l) => `  ${l}`)
        : ['  （site.yaml 没有 site_url（网站地址），无法写出网站地图的完整网址：请先填写 site_url）']),
    );
  }
  return lines;
}
