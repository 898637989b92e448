// Debian's nginx (/usr/sbin/nginx) started by a test, as an unprivileged user can: its own prefix
// directory under .tmp/ (config, pid, temp paths, error and access logs), `daemon off` so the master
// is this process's child, on a free loopback port. The http{} wrapper holds only what any nginx
// has (events, temp paths, logs) and includes EXACTLY the file `npm run nginx-config` writes
// (nginxConfig in src/lib/serve/nginx.ts): for a sub-path, inside a bare `server` that stands for
// the portal's; for the host root, the generated `server` itself. So the tests test what operators deploy.
//
// nginx reads files per request and follows symlinks (the generated config sets
// `disable_symlinks off; open_file_cache off;`): `root` may be a deployment's `current` symlink,
// switched while nginx runs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { freePort } from '../../src/cli/astro-process.ts';
import type { RedirectManifest } from '../../src/lib/redirects.ts';
import { nginxConfig, type NginxConfig } from '../../src/lib/serve/nginx.ts';
import { TMP } from './paths.ts';

export const NGINX = '/usr/sbin/nginx';
/** What `npm test` installs (scripts/test.mjs); printed when nginx is missing. */
export const NGINX_APT_LINE = 'apt-get update && apt-get install -y nginx';

export interface NginxOptions {
  /** The directory to serve (absolute; a symlink is fine). */
  root: string;
  /** The column's base, default '/'. */
  base?: string;
  /** site.yaml's site_url (https adds HSTS). */
  siteUrl?: string;
  /** A redirects.json to turn into 301/410 rules (as `npm run nginx-config` reads dist/redirects.json). */
  redirectsFile?: string;
  /** site.yaml's attachment_types. */
  attachmentTypes?: string[];
  /**
   * Lines of the portal's own server around the included file (sub-path only), e.g. a regex location
   * for static files or a server-level add_header, to prove the column's locations keep their answers.
   */
  portal?: string[];
  /** Name of the scratch directory under .tmp/ (default nginx-<pid>-<n>). */
  name?: string;
}

export interface RunningNginx {
  /** http://127.0.0.1:<port><base> */
  url: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** The generated configuration as served. */
  config: NginxConfig;
  /** The scratch directory (nginx.conf, the generated file, logs). */
  dir: string;
  /** Stops nginx (SIGQUIT, then SIGKILL after 5 s) and waits for it to exit. */
  stop(): Promise<void>;
  /** The error log so far (warnings included). */
  errorLog(): string;
  /** The access log so far: one line per request, `<status> <method> <uri>`. */
  accessLog(): string;
}

/** Fails (never skips) when nginx is missing or lacks gzip_static, naming the apt line. */
export function assertNginx(): void {
  if (!existsSync(NGINX))
    throw new Error(`${NGINX} is missing: run npm test (it installs it) or, as root: ${NGINX_APT_LINE}`);
  const v = spawnSync(NGINX, ['-V'], { encoding: 'utf8' });
  if (!/--with-http_gzip_static_module/.test(`${v.stdout}${v.stderr}`))
    throw new Error(`${NGINX} is built without gzip_static (nginx -V): install Debian's nginx: ${NGINX_APT_LINE}`);
}

let counter = 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether something answers HTTP on the port. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/', method: 'HEAD', timeout: 1000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  assertNginx();
  const base = options.base ?? '/';
  const dir = path.join(TMP, options.name ?? `nginx-${process.pid}-${++counter}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'temp'), { recursive: true });
  const redirects = options.redirectsFile
    ? (JSON.parse(readFileSync(options.redirectsFile, 'utf8')) as RedirectManifest)
    : undefined;

  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const listen = `127.0.0.1:${port}`;
    const config = nginxConfig({
      base,
      root: path.resolve(options.root),
      siteUrl: options.siteUrl,
      redirects,
      attachmentTypes: options.attachmentTypes,
      listen,
    });
    const generated = path.join(dir, 'gongkai.conf');
    writeFileSync(generated, config.text);
    const temp = (name: string) => path.join(dir, 'temp', name);
    const conf = [
      'daemon off;',
      'master_process on;',
      'worker_processes 1;',
      // as root the workers would run as nobody, who may not read the test's files
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${path.join(dir, 'error.log')} warn;`,
      'events { worker_connections 256; }',
      'http {',
      "  log_format gongkai '$status $request_method $request_uri';",
      `  access_log ${path.join(dir, 'access.log')} gongkai;`,
      `  client_body_temp_path ${temp('body')};`,
      `  proxy_temp_path ${temp('proxy')};`,
      `  fastcgi_temp_path ${temp('fastcgi')};`,
      `  uwsgi_temp_path ${temp('uwsgi')};`,
      `  scgi_temp_path ${temp('scgi')};`,
      '  sendfile on;',
      ...(config.kind === 'server'
        ? [`  include ${generated};`]
        : [
            // the portal's own server, as the printed instructions tell the operator
            '  server {',
            `    listen ${listen};`,
            '    server_name localhost;',
            ...(options.portal ?? []).map((l) => `    ${l}`),
            `    include ${generated};`,
            '  }',
          ]),
      '}',
      '',
    ].join('\n');
    const confFile = path.join(dir, 'nginx.conf');
    writeFileSync(confFile, conf);
    const errorFile = path.join(dir, 'error.log');
    writeFileSync(errorFile, '');
    writeFileSync(path.join(dir, 'access.log'), '');

    const child: ChildProcess = spawn(NGINX, ['-p', dir + '/', '-c', confFile, '-e', errorFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    let exited: number | null | undefined;
    const exit = new Promise<void>((resolve) =>
      child.on('exit', (code, signal) => {
        exited = code ?? (signal ? -1 : null);
        resolve();
      }),
    );
    const errorLog = () => {
      try {
        return readFileSync(errorFile, 'utf8');
      } catch {
        return '';
      }
    };
    const started = Date.now();
    while (exited === undefined && !(await answers(port))) {
      if (Date.now() - started > 15_000) break;
      await sleep(50);
    }
    if (exited !== undefined || Date.now() - started > 15_000) {
      if (exited === undefined) {
        child.kill('SIGKILL');
        await exit;
      }
      const log = `${output}\n${errorLog()}`;
      if (/Address already in use/.test(log) && attempt < 3) continue;
      throw new Error(`nginx did not start (config ${confFile}):\n${log.trim()}`);
    }
    const origin = `http://127.0.0.1:${port}`;
    return {
      url: origin + base,
      origin,
      port,
      config,
      dir,
      errorLog,
      accessLog: () => readFileSync(path.join(dir, 'access.log'), 'utf8'),
      async stop() {
        if (exited !== undefined) return;
        child.kill('SIGQUIT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exit;
        clearTimeout(timer);
      },
    };
  }
}
