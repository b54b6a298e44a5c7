import { describe, expect, it } from 'vitest';
import { clickhouseClient } from './client.ts';

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
});
