/**
 * Serves a built site the way a static host does for the Lighthouse benchmark: files from
 * `root` at `/`, folder URLs answered by their `index.html`, text compressed with gzip
 * (sirv for the files, the `compression` middleware for gzip).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import compression from 'compression';
import sirv from 'sirv';

export interface GzipSite {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  close(): Promise<void>;
}

export async function serveWithGzip(root: string): Promise<GzipSite> {
  const compress = compression();
  const files = sirv(root, { dev: false, etag: true });
  // compression is Connect-style middleware: it uses only Node's own request and response
  // objects, though its types name Express's.
  type CompressArgs = Parameters<typeof compress>;
  const server: Server = createServer((req, res) => {
    compress(req as CompressArgs[0], res as CompressArgs[1], () =>
      files(req, res, () => {
        res.statusCode = 404;
        res.end('not found');
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
