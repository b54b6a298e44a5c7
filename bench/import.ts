/**
 * Import benchmark: generates information-operations CSVs of 100k and 1M rows into bench/out/; for
 * each, times the bare parser (csv-parse, as the importer calls it) and the whole import, each in a
 * child process whose peak RSS is its own, to show the import's cost over the parser and that
 * memory stays flat as input grows.
 * Run alone with `npx tsx bench/import.ts`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportFormat } from '../src/import/types.ts';
import { bundle } from '../scripts/cli.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out');

const header =
  'tweetid,userid,user_display_name,user_screen_name,user_reported_location,user_profile_description,user_profile_url,follower_count,following_count,account_creation_date,account_language,tweet_language,tweet_text,tweet_time,tweet_client_name,in_reply_to_userid,in_reply_to_tweetid,quoted_tweet_tweetid,is_retweet,retweet_userid,retweet_tweetid,latitude,longitude,quote_count,reply_count,like_count,retweet_count,hashtags,urls,user_mentions,poll_choices';

/** Deterministic rows: 2,000 accounts (a quarter hashed), a mix of posts, retweets and replies, 1% duplicates. */
export async function generate(file: string, rows: number): Promise<void> {
  const stream = createWriteStream(file);
  stream.write(`${header}\n`);
  const start = Date.UTC(2019, 4, 1);
  for (let i = 0; i < rows; i++) {
    const n = i % 100 === 99 ? i - 1 : i;
    const user = (n * 7919) % 2000;
    const hashed = user % 4 === 0;
    const userId = hashed ? user.toString(16).padStart(64, 'a') : String(900000000 + user);
    const handle = hashed ? userId : `user_${user}`;
    const time = new Date(start + n * 30_000).toISOString().slice(0, 16).replace('T', ' ');
    const retweet = n % 3 === 1;
    const reply = n % 3 === 2;
    const id = String(1100000000000000000n + BigInt(n));
    const text = retweet
      ? `RT @user_${(user + 1) % 2000}: "Recognize" New Caledonia now #RecognizeNewCaledonia`
      : `Post number ${n}, l'État doit partir #RecognizeNewCaledonia #FrenchColonialism https://t.co/x${n}`;
    const values = [
      id, userId, hashed ? userId : `User ${user}`, handle, 'Bakı', 'news, views', '', `${user * 3}.0`, '120.0', '2018-03-04', 'en', 'fr',
      text, time, 'Twitter Web App', reply ? String(900000000 + ((user + 5) % 2000)) : '', reply ? String(1100000000000000000n + BigInt(n - 1)) : '', '',
      retweet ? 'True' : 'False', retweet ? String(900000000 + ((user + 1) % 2000)) : '', retweet ? String(1100000000000000000n + BigInt(n - 1)) : '',
      'absent', 'absent', '0.0', '1.0', `${n % 50}.0`, '2.0',
      retweet ? "['RecognizeNewCaledonia']" : "['RecognizeNewCaledonia', 'FrenchColonialism']",
      retweet ? '[]' : `['https://example.org/a/${n}']`, '[]', '',
    ];
    const line = `${values.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')}\n`;
    if (!stream.write(line)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

export interface ChildResult {
  ms: number;
  cpuMs: number;
  maxRssKb: number;
  rows: number;
}

/** Run `script` in a fresh process (so its peak RSS is its own) and read the JSON line it prints. */
async function inChild(script: string): Promise<ChildResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: join(here, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`benchmark child exited with ${code}`);
  return JSON.parse(output) as ChildResult;
}

const measured = `
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, rows }));
`;

/** The whole import: parse, map, validate, dedupe, sort, write, hash. */
/** The figures every import bench part reports for one child run: rate, memory and time, rounded for the table. */
export function childFigures(r: ChildResult): Record<string, number> {
  return {
    rows_per_s: Math.round(r.rows / (r.cpuMs / 1000)),
    peak_rss_mb: Math.round((r.maxRssKb / 1024) * 10) / 10,
    seconds: Math.round(r.ms / 100) / 10,
    cpu_seconds: Math.round(r.cpuMs / 100) / 10,
  };
}

/**
 * The import as `npm run import` runs it: from an esbuild bundle of its sources (scripts/cli.mjs makes
 * the same), not through tsx, whose compiled code wraps every closure in a naming helper, once per row.
 */
export async function importInChild(file: string, dataset: string, root: string, format: ImportFormat = 'io-archive'): Promise<ChildResult> {
  bundled ??= bundle(join(here, 'import-child.ts'), join(here, '..', 'node_modules', '.cache', 'casefile-bench'));
  const child = spawn(process.execPath, [await bundled, format, file, root, dataset], { cwd: join(here, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`import benchmark child exited with ${code}`);
  return JSON.parse(output) as ChildResult;
}

let bundled: Promise<string> | undefined;

/** The baseline: the importer's parser (csv-parse, same options) reading every record of the same file, keeping nothing. */
export function parseInChild(file: string): Promise<ChildResult> {
  return inChild(`
    import { createReadStream } from 'node:fs';
    import { parse } from 'csv-parse';
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    let rows = 0;
    const parser = createReadStream(${JSON.stringify(file)}).pipe(parse({ columns: true, info: true, bom: true, delimiter: ',', skip_empty_lines: true }));
    for await (const _ of parser) rows++;
    ${measured}
  `);
}

export async function runImportBench(): Promise<Record<string, Record<string, number>>> {
  mkdirSync(out, { recursive: true });
  const root = join(out, 'import-root');
  const results: Record<string, Record<string, number>> = {};
  // Parser and import alternate, each pair back to back so both see the same load; the pair with the
  // median ratio is kept. Three pairs at 100k, one at 1M (about two minutes of CPU a pair).
  for (const [name, rows, pairs] of [
    ['import_csv_100k', 100_000, 3],
    ['import_csv_1m', 1_000_000, 1],
  ] as const) {
    const file = join(out, `${name}.csv`);
    if (!existsSync(file)) await generate(file, rows);
    const measured: { parsed: ChildResult; result: ChildResult; ratio: number }[] = [];
    for (let pair = 0; pair < pairs; pair++) {
      const parsed = await parseInChild(file);
      const result = await importInChild(file, name.replace(/_/g, '-'), root);
      measured.push({ parsed, result, ratio: result.cpuMs / parsed.cpuMs });
      console.log(`${name} pair ${pair + 1}: parser CPU ${(parsed.cpuMs / 1000).toFixed(2)} s, import CPU ${(result.cpuMs / 1000).toFixed(2)} s, ratio ${(result.cpuMs / parsed.cpuMs).toFixed(2)}, load ${loadavg()[0]!.toFixed(1)}`);
    }
    const { parsed, result } = measured.sort((a, b) => a.ratio - b.ratio)[Math.floor(measured.length / 2)]!;
    results[name] = {
      rows: result.rows,
      ...childFigures(result),
      parser_cpu_seconds: Math.round(parsed.cpuMs / 100) / 10,
      parser_seconds: Math.round(parsed.ms / 100) / 10,
      // CPU time, which other processes on a shared machine disturb less than the wall clock.
      ratio_to_parser: Math.round((result.cpuMs / parsed.cpuMs) * 100) / 100,
      pairs,
    };
  }
  rmSync(root, { recursive: true, force: true });
  return results;
}

/** The entry point `npm run bench -- --only import` calls: runs the part and prints its figures. */
export async function run(): Promise<Record<string, Record<string, number>>> {
  const results = await runImportBench();
  const small = results['import_csv_100k']!;
  const large = results['import_csv_1m']!;
  console.log('rows   rows/s (CPU)  peak RSS MB  seconds  CPU s  parser CPU s  ratio to parser');
  for (const [label, r] of [['100k', small], ['1m', large]] as const) {
    console.log(
      `${label.padStart(4)}  ${String(r['rows_per_s']).padStart(13)}  ${String(r['peak_rss_mb']).padStart(11)}  ${String(r['seconds']).padStart(7)}  ${String(r['cpu_seconds']).padStart(5)}  ${String(r['parser_cpu_seconds']).padStart(12)}  ${String(r['ratio_to_parser']).padStart(15)}`,
    );
  }
  console.log(`peak RSS 1M / 100k: ${(large['peak_rss_mb']! / small['peak_rss_mb']!).toFixed(2)}x (target ≤ 1.3x)`);
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
