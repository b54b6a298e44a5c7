/**
 * ClickHouse over its HTTP interface, with `fetch` only: a query goes in the URL, small tables the query
 * reads (the case's parameter tables) go as external data in the body, and the answer comes back as JSON.
 * External data never becomes SQL text, and a read-only account (`readonly = 2`) may send it: nothing is
 * created on the server. A Distributed table's remote shards receive the external tables with the query.
 */
import { Agent } from 'undici';
import { inlineParameters, urlParameters, type Parameters } from './parameters.ts';

/** A small table sent with one query: its columns as ClickHouse types, and its rows. */
export interface ExternalTable {
  /** `name Type` pairs, in column order, e.g. `[['tag', 'String'], ['position', 'UInt32']]`. */
  columns: readonly (readonly [string, string])[];
  rows: readonly Record<string, unknown>[];
}

export interface ClickHouseOptions {
  /** The server's HTTP interface, e.g. `http://127.0.0.1:8123/`. */
  url: string;
  user?: string;
  password?: string;
  /** Milliseconds one query may take. */
  timeout?: number;
  /** Another fetch (tests). */
  fetch?: typeof fetch;
}

export interface QueryResult {
  /** Column names and ClickHouse types, in order. */
  meta: { name: string; type: string }[];
  /** Rows as objects; 64-bit integers read as numbers (exactly, or the query fails). */
  rows: Record<string, unknown>[];
  /** Rows the server read to answer (ClickHouse's own statistics). */
  rowsRead: number;
}

export class ClickHouseError extends Error {
  constructor(
    message: string,
    /** ClickHouse's error code (`Code: 60` is an unknown table), when the server sent one. */
    readonly code: number | undefined,
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = 'ClickHouseError';
  }
}

export interface ClickHouseClient {
  readonly url: string;
  /** `SELECT version()`, and whether the server binds `{name:Type}` parameters itself (it is asked once). */
  server(): Promise<{ version: string; bindsParameters: boolean }>;
  query(sql: string, options?: { parameters?: Parameters; tables?: Record<string, ExternalTable> }): Promise<QueryResult>;
}

/** Ten minutes: what one query may take when the case does not say. */
export const DEFAULT_TIMEOUT_MS = 600_000;

/**
 * The connection settings of a client whose queries may take `timeout` ms. fetch's own (undici's) wait
 * five minutes for a response's headers and then fail, whatever the query's timeout: a ClickHouse query
 * sends its headers only once its answer is ready, so a long count (10M posts and more) would be cut off
 * at five minutes. Here the headers and the body may take as long as the query may. Idle connections are
 * closed after 2 s, before ClickHouse closes them (3 s), so a query is seldom sent on a closing one.
 */
export function connectionOptions(timeout: number): { headersTimeout: number; bodyTimeout: number; keepAliveTimeout: number } {
  return { headersTimeout: timeout, bodyTimeout: timeout, keepAliveTimeout: 2_000 };
}

export function clickhouseClient(options: ClickHouseOptions): ClickHouseClient {
  const request = options.fetch ?? fetch;
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  const dispatcher = new Agent(connectionOptions(timeout));
  const headers: Record<string, string> = {};
  // Headers rather than URL parameters, so a password never lands in a server's or proxy's access log.
  if (options.user !== undefined) headers['X-ClickHouse-User'] = options.user;
  if (options.password !== undefined) headers['X-ClickHouse-Key'] = options.password;
  let known: Promise<{ version: string; bindsParameters: boolean }> | undefined;

  const send = async (sql: string, search: URLSearchParams, tables: Record<string, ExternalTable>): Promise<QueryResult> => {
    const url = new URL(options.url);
    search.set('query', `${sql.trim().replace(/;$/, '')}\nFORMAT JSON`);
    for (const [key, value] of search) url.searchParams.set(key, value);
    let body: FormData | undefined;
    for (const [name, table] of Object.entries(tables)) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected external table name ${JSON.stringify(name)}, expected lower-case letters, digits and _`);
      body ??= new FormData();
      url.searchParams.set(`${name}_format`, 'JSONEachRow');
      url.searchParams.set(`${name}_structure`, table.columns.map(([column, type]) => `${column} ${type}`).join(', '));
      body.append(name, new Blob([table.rows.map((row) => JSON.stringify(row)).join('\n')]), name);
    }
    const post = () => request(url, { method: 'POST', headers, ...(body ? { body } : {}), signal: AbortSignal.timeout(timeout), dispatcher } as RequestInit);
    let response: Response;
    try {
      response = await post().catch((error: unknown) => {
        // ClickHouse closes a keep-alive connection after 3 s idle; fetch may have picked it just then, and
        // fails writing the body (EPIPE, ECONNRESET). Every query here only reads: sent once more, on a new connection.
        if (!closedConnection(error)) throw error;
        return post();
      });
    } catch (error) {
      throw new ClickHouseError(`Unexpected failure to reach ClickHouse at ${redact(options.url)} (${(error as Error).message}), expected its HTTP interface`, undefined, undefined);
    }
    const text = await response.text();
    if (!response.ok) throw serverError(text, response.status);
    let answer: { meta: { name: string; type: string }[]; data: Record<string, unknown>[]; statistics?: { rows_read?: number } };
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      // ClickHouse writes an error after a 200 when a query fails while its answer streams.
      throw serverError(text.slice(-2000), response.status);
    }
    // 64-bit integers come quoted (ClickHouse's default): converted here, never rounded.
    const wide = answer.meta.filter((m) => /^(Nullable\()?U?Int64\)?$/.test(m.type)).map((m) => m.name);
    const wideArrays = answer.meta.filter((m) => /^Array\(U?Int64\)$/.test(m.type)).map((m) => m.name);
    for (const row of answer.data) {
      for (const name of wide) if (row[name] !== null) row[name] = exactNumber(row[name], name);
      for (const name of wideArrays) row[name] = (row[name] as unknown[]).map((v) => exactNumber(v, name));
    }
    return { meta: answer.meta, rows: answer.data, rowsRead: answer.statistics?.rows_read ?? 0 };
  };

  const server = (): Promise<{ version: string; bindsParameters: boolean }> =>
    (known ??= (async () => {
      const version = String((await send('SELECT version() AS version', new URLSearchParams(), {})).rows[0]!.version);
      // Asked, not guessed from the version: a server that binds parameters answers the probe.
      const probe = await send('SELECT {probe:UInt8} AS probe', new URLSearchParams({ param_probe: '1' }), {}).catch(() => undefined);
      return { version, bindsParameters: probe?.rows[0]?.probe === 1 };
    })());

  return {
    url: options.url,
    server,
    async query(sql, { parameters = {}, tables = {} } = {}) {
      const { bindsParameters } = await server();
      if (!bindsParameters) return send(inlineParameters(sql, parameters), new URLSearchParams(), tables);
      const named = inlineParameters(sql, parameters, (type) => type === 'Identifier');
      return send(named, urlParameters(named, parameters), tables);
    },
  };
}

function closedConnection(error: unknown): boolean {
  const code = ((error as { cause?: { code?: unknown } }).cause?.code ?? '') as string;
  return code === 'EPIPE' || code === 'ECONNRESET' || code === 'UND_ERR_SOCKET';
}

function exactNumber(value: unknown, column: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || String(n) !== String(value)) {
    throw new ClickHouseError(`Unexpected ${String(value)} in column ${column}, expected a whole number below 2^53`, undefined, undefined);
  }
  return n;
}

function serverError(text: string, status: number): ClickHouseError {
  const code = /Code: (\d+)/.exec(text);
  const message = text.replace(/, e\.what\(\) = DB::Exception\s*$/, '').trim();
  return new ClickHouseError(message, code ? Number(code[1]) : undefined, status);
}

/** The address without any user or password written into it. */
export function redact(address: string): string {
  try {
    const url = new URL(address);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return address;
  }
}
