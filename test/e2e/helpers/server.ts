// A static file server on 127.0.0.1 (random port) for the browser tests, the demo and the bench.
// It serves test/fixtures/pages at / and test/e2e/pages at /e2e/, plus any extra in-memory pages
// a caller registers (e.g. a generated 1 MB article). Nothing leaves the loopback interface.
// In a page under test/e2e/pages, `<!-- include: parts/NAME.html -->` stands for that file's
// text: the hostile pages share their article (parts/ferry-story.html) and differ only in what
// they do around it, and the browser still gets one static document, as a site would send it.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const fixturesDir = join(repoRoot, 'test/fixtures/pages');
export const e2ePagesDir = join(repoRoot, 'test/e2e/pages');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  base: string;
  /** URL of a fixture folder's source.html, e.g. fixture('svg-icons--seed-news'). */
  fixture(slug: string): string;
  /** URL of a page under test/e2e/pages. */
  e2e(file: string): string;
  /** Serve `body` at `path` (must start with /) from memory. */
  addPage(path: string, body: string | Buffer, type?: string): string;
  /**
   * False: the site is gone. Every request is recorded and its connection dropped unanswered, as
   * a browser meets a site that is down; `requests` tells whether anything still asked.
   */
  setReachable(reachable: boolean): void;
  /** The path of every request that arrived, in order (answered or not). */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

function within(dir: string, urlPath: string): string | null {
  const p = normalize(join(dir, decodeURIComponent(urlPath)));
  return p === dir || p.startsWith(dir + sep) ? p : null;
}

const INCLUDE = /^[ \t]*<!-- include: ([\w./-]+) -->\n/gm;

async function withIncludes(page: Buffer): Promise<Buffer> {
  const text = page.toString('utf8');
  const parts = await Promise.all([...text.matchAll(INCLUDE)].map(async ([, name]) => {
    const file = within(e2ePagesDir, `/${name}`);
    if (!file) throw Object.assign(new Error('forbidden'), { status: 403 });
    return readFile(file, 'utf8');
  }));
  let i = 0;
  return Buffer.from(text.replace(INCLUDE, () => parts[i++]!), 'utf8');
}

export async function startServer(): Promise<StaticServer> {
  const memory = new Map<string, { body: string | Buffer; type: string }>();
  const requests: string[] = [];
  let reachable = true;
  const server: Server = createServer(async (req, res) => {
    requests.push(req.url ?? '/');
    if (!reachable) {
      req.socket.destroy();
      return;
    }
    try {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const mem = memory.get(path);
      if (mem) {
        res.writeHead(200, { 'content-type': mem.type, 'cache-control': 'no-store' });
        res.end(mem.body);
        return;
      }
      const file = path.startsWith('/e2e/') ? within(e2ePagesDir, path.slice(4)) : within(fixturesDir, path);
      if (!file) throw Object.assign(new Error('forbidden'), { status: 403 });
      let target = file;
      if ((await stat(target)).isDirectory()) target = join(target, 'source.html');
      const body = path.startsWith('/e2e/') && extname(target) === '.html' ? await withIncludes(await readFile(target)) : await readFile(target);
      // Fixture pages may declare another charset in a <meta>; let the browser sniff it then.
      const type = extname(target) === '.html' && /charset=["']?(?!utf-8)/i.test(body.subarray(0, 2048).toString('latin1'))
        ? 'text/html'
        : (types[extname(target)] ?? 'application/octet-stream');
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    } catch (err) {
      const status = (err as { status?: number }).status ?? 404;
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(String(status));
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('server: no port');
  const base = `http://127.0.0.1:${addr.port}`;
  return {
    base,
    fixture: (slug) => `${base}/${slug}/source.html`,
    e2e: (file) => `${base}/e2e/${file}`,
    addPage(path, body, type = 'text/html; charset=utf-8') {
      memory.set(path, { body, type });
      return base + path;
    },
    setReachable(on) {
      reachable = on;
      // Kept-alive connections would otherwise still carry requests to a "gone" site.
      if (!on) server.closeAllConnections();
    },
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
