// A MINIMAL stand-in for test/helpers/nginx.ts (the nginx engineer's helper, which runs nginx with the
// configuration `npm run nginx-config` writes): Debian's nginx on a loopback port serving `root`
// (a deployment's `current` symlink) under `base`, with only what serving a switched symlink needs —
// symlinks followed per request (`disable_symlinks off`, no open_file_cache; the base is a symlink
// to `root` in a document root of its own), directory URLs to
// index.html. Same call shape (`startNginx({ root, base }) → { url, origin, stop }`): when that helper
// is in main, test/deploy/deploy-nginx.test.ts imports it instead and this file goes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { TMP } from './paths.ts';
import { freePort } from './sshd.ts';

export const NGINX = '/usr/sbin/nginx';
export const NGINX_APT_LINE = 'apt-get update && apt-get install -y nginx';

export interface MinimalNginx {
  /** http://127.0.0.1:<port><base> */
  url: string;
  origin: string;
  stop(): Promise<void>;
  errorLog(): string;
}

export async function startNginx(options: { root: string; base?: string; name?: string }): Promise<MinimalNginx> {
  if (!existsSync(NGINX) || spawnSync(NGINX, ['-v']).status !== 0)
    throw new Error(`${NGINX} is missing: install it as root:\n\n    ${NGINX_APT_LINE}\n`);
  const base = options.base ?? '/';
  const dir = path.join(TMP, options.name ?? `deploy-nginx-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  const port = await freePort();
  // root, not alias (alias with try_files has long-standing nginx quirks): a document root holding
  // the base as a symlink to the served directory
  let root = path.resolve(options.root);
  if (base !== '/') {
    const www = path.join(dir, 'www');
    mkdirSync(path.dirname(path.join(www, base.replace(/\/$/, ''))), { recursive: true });
    symlinkSync(root, path.join(www, base.replace(/\/$/, '')));
    root = www;
  }
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `# minimal test config for deploy tests (see test/helpers/deploy-nginx.ts)
${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  include /etc/nginx/mime.types;
  types { application/wasm wasm; application/json json; }
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  server_tokens off;
  server {
    listen 127.0.0.1:${port};
    location ^~ ${base} {
      root ${root};
      disable_symlinks off;
      open_file_cache off;
      index index.html;
      try_files $uri $uri/index.html =404;
      location ~ /\\. { return 404; }
    }
  }
}
`,
  );
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let exited = false;
  child.on('exit', () => (exited = true));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (exited) throw new Error(`nginx exited at start:\n${stderr}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on 127.0.0.1:${port}:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    errorLog: () => {
      try {
        return readFileSync(path.join(dir, 'error.log'), 'utf8');
      } catch {
        return '';
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
        child.kill('SIGQUIT');
      }),
  };
}
