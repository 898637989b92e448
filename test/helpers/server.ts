// A static file server for built sites (node:http, no dependencies), as a production server
// would serve them: the dist directory under a base path, index.html for directory paths
// (directory URLs without the trailing slash are redirected), 404 with the built 404.html,
// content types by extension (the table nginx serves), and the CSP of docs/decisions.md §4 as a header on every response.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contentTypeOf } from '../../src/lib/serve/headers.ts';
import { CSP } from './paths.ts';

/** The content type of a file: the table the deployment's nginx serves (src/lib/serve/headers.ts). */
export const contentType = contentTypeOf;

export interface ServedRequest {
  method: string;
  url: string;
  status: number;
}

export interface StaticServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** origin + base, e.g. http://127.0.0.1:41234/xxgk/ */
  baseUrl: string;
  base: string;
  /** Every request answered, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The built site (GONGKAI_OUT). */
  dir: string;
  /** Base path, default '/'. */
  base?: string;
  port?: number;
}

export async function startServer(opts: ServeOptions): Promise<StaticServer> {
  const root = path.resolve(opts.dir);
  let base = opts.base ?? '/';
  if (!base.startsWith('/')) base = '/' + base;
  if (!base.endsWith('/')) base += '/';
  const requests: ServedRequest[] = [];

  const notFoundFile = path.join(root, '404.html');

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    headers: Record<string, string | number>,
    file?: string,
    body?: string,
  ) {
    res.writeHead(status, {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      ...headers,
    });
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '', status });
    if (req.method === 'HEAD') return void res.end();
    if (file) createReadStream(file).pipe(res);
    else res.end(body ?? '');
  }

  function notFound(req: IncomingMessage, res: ServerResponse) {
    if (existsSync(notFoundFile)) {
      const html = readFileSync(notFoundFile);
      return send(
        req,
        res,
        404,
        { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': html.length },
        notFoundFile,
      );
    }
    return send(req, res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, undefined, 'Not Found');
  }

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(
        req,
        res,
        405,
        { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' },
        undefined,
        'Method Not Allowed',
      );
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(req, res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, undefined, 'Bad Request');
    }
    if (pathname.includes('\0')) return notFound(req, res);
    if (pathname === base.slice(0, -1) && base !== '/') {
      return send(req, res, 301, { Location: base + url.search });
    }
    if (!pathname.startsWith(base)) return notFound(req, res);
    const rel = pathname.slice(base.length);
    const file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
    if (file !== root && !file.startsWith(root + path.sep)) return notFound(req, res);

    let target = file;
    let st = existsSync(target) ? statSync(target) : undefined;
    if (st?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        return send(req, res, 301, { Location: url.pathname + '/' + url.search });
      }
      target = path.join(file, 'index.html');
      st = existsSync(target) ? statSync(target) : undefined;
    }
    if (!st?.isFile()) return notFound(req, res);
    return send(req, res, 200, { 'Content-Type': contentType(target), 'Content-Length': st.size }, target);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: origin + base,
    base,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
