import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { clickhouseClient, connectionOptions, DEFAULT_TIMEOUT_MS } from './client.ts';

/** A server that answers every query with one row, after refusing the first `refusals` requests as `fetch` does when a kept-alive connection was closed. */
function flakyServer(refusals: number, code = 'EPIPE') {
  const sent: string[] = [];
  const fetch = (async (url: URL) => {
    const query = url.searchParams.get('query') ?? '';
    sent.push(query);
    if (sent.length <= refusals) throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(`write ${code}`), { code }) });
    const data = query.startsWith('SELECT version()') ? [{ version: '18.16.1' }] : [{ n: 1 }];
    return new Response(JSON.stringify({ meta: [{ name: Object.keys(data[0]!)[0], type: 'String' }], data }));
  }) as unknown as typeof globalThis.fetch;
  return { fetch, sent };
}

describe('clickhouseClient', () => {
  it('sends a query once more when the connection was closed under it (EPIPE, ECONNRESET)', async () => {
    for (const code of ['EPIPE', 'ECONNRESET']) {
      const server = flakyServer(1, code);
      const client = clickhouseClient({ url: 'http://127.0.0.1:1/', fetch: server.fetch });
      await expect(client.server()).resolves.toMatchObject({ version: '18.16.1' });
      expect(server.sent.filter((q) => q.startsWith('SELECT version()'))).toHaveLength(2);
    }
  });

  it('fails with a ClickHouseError when the second attempt fails too, or on another network failure', async () => {
    await expect(clickhouseClient({ url: 'http://127.0.0.1:1/', fetch: flakyServer(2).fetch }).server()).rejects.toThrow(/Unexpected failure to reach ClickHouse at http:\/\/127\.0\.0\.1:1\//);
    const refused = flakyServer(1, 'ECONNREFUSED');
    await expect(clickhouseClient({ url: 'http://127.0.0.1:1/', fetch: refused.fetch }).server()).rejects.toThrow(/fetch failed/);
    expect(refused.sent).toHaveLength(1);
  });

  it('waits for a slow answer as long as the query may take, not fetch\'s five minutes for the headers', async () => {
    const inits: RequestInit[] = [];
    const fetch = (async (_url: URL, init: RequestInit) => {
      inits.push(init);
      return new Response(JSON.stringify({ meta: [{ name: 'version', type: 'String' }], data: [{ version: '18.16.1' }] }));
    }) as unknown as typeof globalThis.fetch;
    await clickhouseClient({ url: 'http://127.0.0.1:1/', fetch, timeout: 1_800_000 }).server();
    expect(inits.length).toBeGreaterThan(0);
    for (const init of inits) expect((init as { dispatcher?: unknown }).dispatcher).toBeInstanceOf(Agent);
    expect(connectionOptions(1_800_000)).toMatchObject({ headersTimeout: 1_800_000, bodyTimeout: 1_800_000 });
    expect(connectionOptions(DEFAULT_TIMEOUT_MS).headersTimeout).toBeGreaterThan(300_000);
    expect(connectionOptions(DEFAULT_TIMEOUT_MS).keepAliveTimeout).toBeLessThan(3_000);
  });

  it('a real answer whose headers come late arrives through the client\'s connections', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => {
      setTimeout(() => res.end(JSON.stringify({ meta: [{ name: 'version', type: 'String' }], data: [{ version: '18.16.1' }] })), 300);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      await expect(clickhouseClient({ url: `http://127.0.0.1:${port}/` }).server()).resolves.toMatchObject({ version: '18.16.1' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
