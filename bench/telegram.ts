/**
 * Telegram benchmark (`npm run bench -- --only telegram`): generates Telegram Desktop exports
 * (`result.json`, pretty-printed as the app writes it) of 100k and 1M messages into bench/out/ and
 * imports each in a child process, to show that the export is streamed: peak RSS stays flat as the
 * file grows tenfold (target: 1M / 100k at most 1.3x).
 */
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childFigures, importInChild } from './import.ts';
import { random } from './random.ts';
import type { Results } from './run.ts';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out');
const START = Date.UTC(2024, 4, 13) / 1000;

/** One message as Telegram Desktop writes it: text pieces, entities, now and then a reply, a forward, a photo. */
function message(id: number, rnd: () => number): Record<string, unknown> {
  const time = START + id * 20;
  const date = new Date(time * 1000).toISOString().slice(0, 19);
  if (rnd() < 0.01) return { id, type: 'service', date, date_unixtime: String(time), actor: 'Kanaky Info', actor_id: 'channel1987654321', action: 'pin_message', message_id: id - 1, text: '', text_entities: [] };
  const pieces: (string | Record<string, string>)[] = [`Message ${id} : mobilisation à Nouméa, «\u00a0Kanaky\u00a0» `];
  if (rnd() < 0.7) pieces.push({ type: 'hashtag', text: `#Tag${Math.floor(rnd() ** 3 * 50)}` }, ' ');
  if (rnd() < 0.3) pieces.push({ type: 'link', text: `t.me/kanakyinfo/${id}` }, ' et ');
  if (rnd() < 0.2) pieces.push({ type: 'text_link', text: "l'article", href: `https://example.org/a/${id}` }, '\n');
  if (rnd() < 0.1) pieces.push({ type: 'mention', text: `@user${Math.floor(rnd() * 500)}` });
  const entities = pieces.map((p) => (typeof p === 'string' ? { type: 'plain', text: p } : p));
  const m: Record<string, unknown> = { id, type: 'message', date, date_unixtime: String(time), from: 'Kanaky Info', from_id: 'channel1987654321' };
  const r = rnd();
  if (r < 0.1 && id > 1) m['reply_to_message_id'] = 1 + Math.floor(rnd() * (id - 1));
  else if (r < 0.2) Object.assign(m, { forwarded_from: 'Other channel', forwarded_from_id: 'channel42' });
  if (rnd() < 0.1) Object.assign(m, { photo: `photos/photo_${id}@16-05-2024_10-30-00.jpg`, width: 1280, height: 720 });
  m['text'] = pieces.length === 1 ? pieces[0] : pieces;
  m['text_entities'] = entities;
  return m;
}

export async function writeTelegramExport(file: string, messages: number, seed = 1): Promise<void> {
  const rnd = random(seed);
  const stream = createWriteStream(file);
  let buffer = '{\n "name": "Kanaky Info",\n "type": "public_channel",\n "id": 1987654321,\n "messages": [\n';
  for (let id = 1; id <= messages; id++) {
    // Telegram Desktop indents by one space; a message sits two levels down.
    buffer += `  ${JSON.stringify(message(id, rnd), null, 1).replace(/\n/g, '\n  ')}${id < messages ? ',' : ''}\n`;
    if (buffer.length > 1 << 20) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  stream.end(`${buffer} ]\n}\n`);
  await once(stream, 'finish');
}

export async function run(): Promise<Results> {
  mkdirSync(out, { recursive: true });
  const root = join(out, 'telegram-root');
  const results: Results = {};
  for (const [name, messages] of [['import_telegram_100k', 100_000], ['import_telegram_1m', 1_000_000]] as const) {
    const file = join(out, `${name}.json`);
    if (!existsSync(file)) await writeTelegramExport(file, messages);
    const r = await importInChild(file, name.replace(/_/g, '-'), root, 'telegram');
    results[name] = {
      messages: r.rows,
      ...childFigures(r),
    };
    console.log(`${name}: ${r.rows.toLocaleString('en')} messages, CPU ${(r.cpuMs / 1000).toFixed(1)} s, wall ${(r.ms / 1000).toFixed(1)} s, peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB`);
  }
  rmSync(root, { recursive: true, force: true });
  const ratio = Number(results['import_telegram_1m']!['peak_rss_mb']) / Number(results['import_telegram_100k']!['peak_rss_mb']);
  results['import_telegram_1m']!['rss_ratio_to_100k'] = Number(ratio.toFixed(2));
  console.log(`peak RSS 1M / 100k: ${ratio.toFixed(2)}x (target ≤ 1.3x)`);
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
