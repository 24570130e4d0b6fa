/**
 * Serves a built site over HTTP on loopback for browser tests, at the domain root or
 * under a sub-path, the way a static host would (directory URLs → index.html).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { DIST } from './dist.ts';

export interface StaticSite {
  /** Origin plus the sub-path, always ending in `/`, e.g. `http://127.0.0.1:4321/lab/papers/`. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** Serves `root` (default: the built site) under `basePath` (default `/`) on a free port. */
export async function serveSite(root = DIST, basePath = '/'): Promise<StaticSite> {
  const prefix = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const serveFiles = sirv(path.resolve(root), { dev: true, etag: true });
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(prefix)) {
      res.statusCode = 404;
      res.end('outside the site');
      return;
    }
    req.url = `/${url.slice(prefix.length)}`;
    serveFiles(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${prefix}`,
    // A browser may still hold a connection with a request under way (a prefetch, a search
    // fragment) when a test ends; close() alone waits for it, and once took a whole hook
    // timeout on a loaded machine. Cutting every connection makes closing immediate.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
