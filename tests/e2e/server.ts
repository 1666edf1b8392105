import { readFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The site's home page: origin + base. */
  url: string;
  /** Serves another built site from now on, at the same address (a site republished in place). */
  use(dir: string): void;
  close(): Promise<void>;
}

/**
 * Serves a built site on localhost under its base path, as a web server would: requests
 * outside the base get a 404, unknown pages the site's 404.html. `hide` lists path prefixes
 * (under the base) answered with 404, to play a site without some files; `json` answers the
 * paths it holds (under the base) with its values instead of the site's files.
 */
export async function serveSite(
  dir: string,
  base: string,
  options: { hide?: string[]; json?: ReadonlyMap<string, unknown> } = {},
): Promise<StaticServer> {
  const handlers = new Map<string, ReturnType<typeof sirv>>();
  let current = dir;
  const files = () => {
    let handler = handlers.get(current);
    if (!handler) handlers.set(current, (handler = sirv(current, { dev: true, etag: false })));
    return handler;
  };
  const notFound = (res: ServerResponse, page = false) => {
    res.statusCode = 404;
    readFile(join(current, '404.html')).then(
      (html) => {
        res.setHeader('Content-Type', page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
        res.end(page ? html : 'not found');
      },
      () => res.end('not found'),
    );
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(base)) return notFound(res);
    const inside = `/${url.pathname.slice(base.length)}`;
    if (options.hide?.some((prefix) => inside.startsWith(prefix))) return notFound(res);
    if (options.json?.has(inside)) {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      return res.end(JSON.stringify(options.json.get(inside)));
    }
    req.url = inside + url.search;
    files()(req, res, () => notFound(res, true));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    use: (next) => void (current = next),
    close: () =>
      new Promise((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}
