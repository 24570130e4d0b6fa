/**
 * Serves a built site the way a typical static host does, for speed measurements: text
 * gzipped, `Cache-Control: max-age=600` with an ETag (what GitHub Pages sends), folders
 * answered by their index.html. Pagefind's own index files are gzip already and go as they
 * are. (The test server, tests/helpers/server.ts, compresses nothing and forbids caching.)
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readDataScript } from '../../src/shared/data-script.ts';
import { recordShardName, type RecordShard } from '../../src/shared/offline-index.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

export interface StaticHost {
  url: string;
  /** The site path of the newest paper's page. */
  firstPaperPath(): Promise<string>;
  close(): Promise<void>;
}

export async function serveStaticHost(root: string): Promise<StaticHost> {
  const cache = new Map<string, { body: Buffer; type: string; etag: string; gzip: boolean }>();
  async function load(file: string) {
    let entry = cache.get(file);
    if (!entry) {
      const raw = await readFile(file);
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      const gzip = COMPRESSIBLE.test(type);
      const body = gzip ? gzipSync(raw, { level: 6 }) : raw;
      entry = { body, type, gzip, etag: `"${createHash('sha1').update(raw).digest('hex').slice(0, 16)}"` };
      cache.set(file, entry);
    }
    return entry;
  }
  const server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
      let file = path.join(root, pathname);
      if (!file.startsWith(root)) throw new Error('outside the site');
      if ((await stat(file).catch(() => undefined))?.isDirectory()) file = path.join(file, 'index.html');
      const entry = await load(file);
      res.setHeader('Cache-Control', 'max-age=600');
      res.setHeader('ETag', entry.etag);
      if (req.headers['if-none-match'] === entry.etag) {
        res.statusCode = 304;
        res.end();
        return;
      }
      res.setHeader('Content-Type', entry.type);
      if (entry.gzip) res.setHeader('Content-Encoding', 'gzip');
      res.end(entry.body);
    })().catch(() => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async firstPaperPath() {
      const name = recordShardName(0);
      const records = readDataScript<RecordShard>(await readFile(path.join(root, `${name}.js`), 'utf8'), name);
      return records[0].path.replace(/^\//, '');
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
