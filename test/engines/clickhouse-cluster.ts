/**
 * Two ClickHouse servers on localhost, a cluster of two shards between them, for the ClickHouse engine's
 * tests: each server runs Debian's `clickhouse-server` from its own temporary folder (config, data, logs),
 * never the system service. `startClickHouseCluster` resolves once both answer `/ping` and both see the
 * cluster; `stop` ends both and removes the folder, and an exit of the test process ends them too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CLICKHOUSE_SERVER = process.env.CLICKHOUSE_SERVER ?? '/usr/sbin/clickhouse-server';
/** The cluster's name in `remote_servers`, as a `Distributed` table names it. */
export const CLUSTER = 'casefile_two_shards';

export interface ClickHouseShard {
  http: number;
  tcp: number;
  /** The shard's HTTP interface, e.g. `http://127.0.0.1:4431/`. */
  url: string;
}

export interface ClickHouseCluster<N extends 1 | 2 = 2> {
  /** Two shards, or one alone when asked for (`shards: 1`, the benchmark's single server). */
  shards: N extends 1 ? [ClickHouseShard] : [ClickHouseShard, ClickHouseShard];
  /** The servers' process ids, in shard order (the benchmark reads each one's peak RSS). */
  pids: number[];
  /** A second user with a password made for this run, as a researcher's read account would be. */
  reader: { user: string; password: string };
  /** Runs one statement on a shard (the first by default) over HTTP; rejects with the server's message. */
  query(sql: string, shard?: number): Promise<string>;
  stop(): Promise<void>;
}

export interface ClusterOptions<N extends 1 | 2 = 2> {
  /** First of three ports per server (HTTP, native TCP, interserver); 4431 by default, so 4431-4436. */
  basePort?: number;
  /** 2 by default; 1 starts a single server (its cluster then has one shard). */
  shards?: N;
  /** A folder to keep the servers' data in, kept by `stop` so a later start finds the tables again. */
  dir?: string;
  /** Bytes one query may use (2 GB by default: the tests share the machine). */
  maxMemory?: number;
}

/** Ports 4431-4436 by default: HTTP, native TCP and interserver for each of the two servers. */
export async function startClickHouseCluster<N extends 1 | 2 = 2>(options: ClusterOptions<N> = {}): Promise<ClickHouseCluster<N>> {
  if (!existsSync(CLICKHOUSE_SERVER)) {
    throw new Error(`Unexpected missing ${CLICKHOUSE_SERVER}, expected Debian's clickhouse-server (apt-get install -y clickhouse-server; .ci/run installs it)`);
  }
  const base = options.basePort ?? 4431;
  const keep = options.dir !== undefined;
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), 'casefile-clickhouse-')));
  const ports = (options.shards === 1 ? [0] : [0, 1]).map((n) => ({ http: base + 3 * n, tcp: base + 3 * n + 1, interserver: base + 3 * n + 2 }));
  const children: ChildProcess[] = [];
  const reader = { user: 'reader', password: randomBytes(12).toString('base64url') };
  const stopChildren = (): void => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', stopChildren);

  const stop = async (): Promise<void> => {
    process.off('exit', stopChildren);
    await Promise.all(children.map((child) => ended(child)));
    if (!keep) await rm(dir, { recursive: true, force: true });
  };

  try {
    for (const [n, p] of ports.entries()) {
      const home = path.join(dir, `shard${n + 1}`);
      await mkdir(home, { recursive: true });
      await writeFile(path.join(home, 'config.xml'), serverConfig(home, p, ports));
      await writeFile(path.join(home, 'users.xml'), usersConfig(reader, options.maxMemory ?? 2_000_000_000));
      const child = spawn(CLICKHOUSE_SERVER, [`--config-file=${path.join(home, 'config.xml')}`], {
        cwd: home,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
      child.once('exit', (code, signal) => {
        (child as ChildProcess & { log?: () => string }).log = () => `exit ${code ?? signal}: ${stderr}`;
      });
      children.push(child);
    }
    const shards = ports.map((p) => ({ http: p.http, tcp: p.tcp, url: `http://127.0.0.1:${p.http}/` })) as ClickHouseCluster<N>['shards'];
    const query = async (sql: string, shard = 0): Promise<string> => {
      const response = await fetch(shards[shard]!.url, { method: 'POST', body: sql });
      const text = await response.text();
      if (!response.ok) throw new Error(`ClickHouse ${response.status} on ${shards[shard]!.url}: ${text.trim()}`);
      return text;
    };
    for (const [n, shard] of shards.entries()) await ready(shard.url, children[n]!, path.join(dir, `shard${n + 1}`));
    // Each server answers for every shard, so a Distributed table may be created on any.
    for (const n of shards.keys()) {
      const seen = await query(`SELECT count() FROM system.clusters WHERE cluster = '${CLUSTER}'`, n);
      if (seen.trim() !== String(shards.length)) throw new Error(`Unexpected cluster on shard ${n + 1} (${seen.trim()} shards), expected ${shards.length}`);
    }
    return { shards, pids: children.map((child) => child.pid!), reader, query, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Waits up to 30 s for `/ping`; a server that exits first fails with its log. */
async function ready(url: string, child: ChildProcess, home: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = await readFile(path.join(home, 'server.err.log'), 'utf8').catch(() => '');
      throw new Error(`clickhouse-server in ${home} exited before it was ready: ${(child as ChildProcess & { log?: () => string }).log?.() ?? ''}\n${log.slice(-2000)}`);
    }
    const answer = await fetch(`${url}ping`).then((r) => r.text()).catch(() => '');
    if (answer.trim() === 'Ok.') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`clickhouse-server at ${url} did not answer /ping within 30 s`);
}

/** SIGTERM, then SIGKILL after 10 s: resolves once the process is gone. */
function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The server's own config: everything under `home`, listening on 127.0.0.1 only, small caches (several
 * test runs share one machine), UTC as the server zone so nothing depends on the host's.
 */
function serverConfig(home: string, own: { http: number; tcp: number; interserver: number }, all: { tcp: number }[]): string {
  const shards = all.map((p) => `      <shard><replica><host>127.0.0.1</host><port>${p.tcp}</port></replica></shard>`).join('\n');
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${home}/server.log</log><errorlog>${home}/server.err.log</errorlog><size>10M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${own.http}</http_port>
  <tcp_port>${own.tcp}</tcp_port>
  <interserver_http_port>${own.interserver}</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <path>${home}/data/</path>
  <tmp_path>${home}/tmp/</tmp_path>
  <user_files_path>${home}/user_files/</user_files_path>
  <format_schema_path>${home}/format_schemas/</format_schema_path>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>67108864</mark_cache_size>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <max_concurrent_queries>20</max_concurrent_queries>
  <!-- 3 s by default: on a loaded machine fetch would reuse a connection the server was just closing (EPIPE). -->
  <keep_alive_timeout>60</keep_alive_timeout>
  <timezone>UTC</timezone>
  <remote_servers>
    <${CLUSTER}>
${shards}
    </${CLUSTER}>
  </remote_servers>
</yandex>
`;
}

/**
 * `default`, without a password, is what the Distributed table uses between shards; `reader` has a
 * password and may only read, as a researcher's account on a warehouse would. Both reachable from localhost only.
 */
function usersConfig(reader: { user: string; password: string }, maxMemory: number): string {
  return `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default><max_memory_usage>${maxMemory}</max_memory_usage></default>
    <read_only><max_memory_usage>${maxMemory}</max_memory_usage><readonly>2</readonly></read_only>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
    <${reader.user}>
      <password>${reader.password}</password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>read_only</profile>
      <quota>default</quota>
    </${reader.user}>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;
}
