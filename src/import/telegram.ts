/**
 * Telegram Desktop chat export (`result.json`, machine-readable JSON). The export is one JSON
 * document that grows with the chat, so its messages are streamed one at a time; posts are ids
 * `<chat id>/<message id>`, as message ids are per chat.
 */
import { diagnostic, DiagnosticError } from '../diagnostics/diagnostic.ts';
import { streamJson } from './json-stream.ts';
import { compact, httpOnly, invalidRow, isRecord, str } from './row.ts';
import { fromUnixSeconds } from './time.ts';
import type { ReaderContext, Row, RowInvalid } from './types.ts';

type Json = Record<string, unknown>;

const mediaTypes: Record<string, 'video' | 'gif' | 'audio'> = {
  video_file: 'video',
  video_message: 'video',
  animation: 'gif',
  voice_message: 'audio',
  audio_file: 'audio',
};

export async function* readTelegram(file: string, ctx: ReaderContext): AsyncGenerator<Row> {
  const display = ctx.displayPath;
  // The chat's own fields come before its messages in every export Telegram Desktop writes.
  const chat: Json = {};
  const notAChat = (): DiagnosticError =>
    new DiagnosticError([
      diagnostic({
        file: display,
        ruleId: 'import/not-telegram',
        message: 'Unexpected JSON without `id` and `messages`, expected a single-chat Telegram export (result.json).',
        hint: 'Export one chat from Telegram Desktop as “Machine-readable JSON”.',
      }),
    ]);
  const messages = streamJson(file, display, ctx.onBytes, {
    paths: ['$.messages.*'],
    depth: 2,
    onRootScalar: (key, value) => {
      chat[key] = value;
    },
  });
  const username = ctx.telegramUsername?.replace(/^@/, '');
  let chatId: string | undefined;
  for await (const { value, line } of messages) {
    if (chatId === undefined) {
      if (chat.id === undefined || chat.id === null) throw notAChat();
      chatId = String(chat.id);
      ctx.provenance.title ??= typeof chat.name === 'string' ? `Telegram: ${chat.name}` : undefined;
      ctx.provenance.query ??= `chat ${typeof chat.name === 'string' ? chat.name : chatId} (${String(chat.type)})`;
    }
    yield convert(value, chatId, username, display, line);
  }
  if (chatId === undefined && (chat.id === undefined || chat.id === null)) throw notAChat();
}

function convert(message: unknown, chatId: string, username: string | undefined, file: string, line: number): Row {
  const bad = (field: string, value: unknown, expected: string): RowInvalid => invalidRow(file, { line, column: 1 }, field, value, expected);
  if (!isRecord(message)) return bad('messages[]', message, 'a message object');
  if (message.type === 'service') return { type: 'skip', reason: 'service message (join, pin, title change…)' };
  if (message.type !== 'message') return bad('type', message.type, '`message` or `service`');
  const messageId = str(message.id);
  if (!messageId) return bad('id', message.id, 'a message id');
  // `date` is local time without an offset; only `date_unixtime` pins the instant.
  const createdAt = fromUnixSeconds(message.date_unixtime);
  if (!createdAt) {
    const hint = 'Re-export with a recent Telegram Desktop: older exports only have a local `date`, without a time zone.';
    return invalidRow(file, { line, column: 1 }, 'date_unixtime', message.date_unixtime, 'Unix seconds as a string, like "1715851800"', hint);
  }
  const authorId = str(message.from_id) ?? `channel${chatId}`;
  // The username given on the command line is the chat's own; other senders' handles are not exported.
  const handle = username && authorId === `channel${chatId}` ? username : null;
  const changes: string[] = [];
  const entities = Array.isArray(message.text_entities) ? message.text_entities.filter(isRecord) : textParts(message.text);
  const id = `${chatId}/${messageId}`;
  let kind: 'post' | 'repost' | 'reply' = 'post';
  let ref: { id: string; authorId?: string } | undefined;
  if (message.forwarded_from !== undefined) {
    // The export names the source chat but not the forwarded message: the ref is marked unknown
    // (unique per forward, so no two forwards are mistaken for copies of one post).
    kind = 'repost';
    ref = compact({ id: `${id}#forwarded-unknown`, authorId: str(message.forwarded_from_id) });
  } else if (message.reply_to_message_id !== undefined) {
    kind = 'reply';
    ref = { id: `${chatId}/${String(message.reply_to_message_id)}` };
  }
  const links = entities.flatMap((e) => (e.type === 'link' ? [withScheme(String(e.text), changes)] : e.type === 'text_link' ? [e.href] : []));
  const media: { type: 'photo' | 'video' | 'gif' | 'audio' | 'document' }[] = [];
  if (message.photo !== undefined) media.push({ type: 'photo' });
  if (message.file !== undefined && message.media_type !== 'sticker') media.push({ type: mediaTypes[String(message.media_type)] ?? 'document' });
  return {
    type: 'post',
    file,
    line,
    changes,
    post: compact({
      id,
      platform: 'telegram',
      url: username ? `https://t.me/${username}/${messageId}` : undefined,
      author: compact({ id: authorId, handle, name: str(message.from) }),
      createdAt,
      precision: 'second',
      text: flatText(message.text),
      kind,
      ref,
      hashtags: entities.filter((e) => e.type === 'hashtag').map((e) => String(e.text).replace(/^#/, '')),
      mentions: entities.filter((e) => e.type === 'mention').map((e) => String(e.text).replace(/^@/, '')),
      urls: httpOnly(links, changes),
      media,
    }),
    accounts: [compact({ id: authorId, handle, name: str(message.from) })],
  };
}

/** `text` is a string, or an array of strings and `{type, text}` pieces: joined verbatim. */
function flatText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return '';
  return text.map((part) => (typeof part === 'string' ? part : isRecord(part) ? String(part.text ?? '') : '')).join('');
}

/** Older exports lack `text_entities`; the typed pieces of `text` carry the same information. */
function textParts(text: unknown): Json[] {
  return Array.isArray(text) ? text.filter(isRecord) : [];
}

/** Telegram marks bare domains (`t.me/x`) as links; they are web links, so https is assumed. */
function withScheme(link: string, changes: string[]): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return link;
  changes.push('https:// added to a link written without a scheme');
  return `https://${link}`;
}
