/**
 * A small static host for a built site on 127.0.0.1 and a random port, serving it under its base path
 * the way a CDN would: `/base/x/` → `x/index.html`, anything else 404 with the site's 404 page.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port><base>` */
  url: string;
  close(): Promise<void>;
}

export async function serveSite(root: string, base: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      const file = pathname.startsWith(base) ? await resolveFile(root, pathname.slice(base.length)) : undefined;
      if (!file) {
        const notFound = await resolveFile(root, '404.html');
        response.writeHead(404, { 'content-type': types['.html']! });
        if (notFound) createReadStream(notFound).pipe(response);
        else response.end('Not found');
        return;
      }
      response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
    })().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** The file for a site-relative path, refusing anything that climbs out of the root. */
async function resolveFile(root: string, relative: string): Promise<string | undefined> {
  const candidate = path.resolve(root, `.${path.posix.sep}${relative}`);
  if (candidate !== root && !candidate.startsWith(`${root}${path.sep}`)) return undefined;
  const file = relative === '' || relative.endsWith('/') ? path.join(candidate, 'index.html') : candidate;
  try {
    if ((await stat(file)).isFile()) return file;
  } catch {
    // Missing: the caller answers 404.
  }
  return undefined;
}
