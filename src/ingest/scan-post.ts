/**
 * Reads a post straight from the UTF-8 bytes of one NDJSON line (or one element of a JSON array),
 * without JSON.parse and without building the parsed object: it checks the JSON grammar and the fast
 * check's rules (`postTime`) in one pass, and makes strings only of what aggregation reads. At a million posts this costs well
 * under half of decoding and parsing the same bytes.
 *
 * Like `postTime` it is sound, not complete: a line it accepts is valid JSON that `postTime` accepts,
 * with the same values; anything it is unsure of (an unknown key, a repeated key, an escape in a
 * key or an enumerated value, a number that is not a plain count) it refuses, and the reader falls
 * back to JSON.parse, the fast check and zod, which decide and explain. `scan-post.test.ts` checks
 * both halves against that path.
 */
import { PlatformSchema, PostKindSchema, PrecisionSchema, type Platform, type PostKind } from '../schema/index.ts';
import { parseInstant } from './instant.ts';
import { isPlainHttpUrl } from './is-post.ts';

/** What aggregation reads of a valid post, as `postTime` and then the schema would give it. */
export interface PostFields {
  id: string;
  platform: Platform;
  authorId: string;
  handle: string | null;
  name: string | undefined;
  /** `createdAt` in epoch ms. */
  time: number;
  kind: PostKind;
  refId: string | undefined;
  refAuthorId: string | undefined;
  text: string;
  /** Hashtags as written, or undefined when the post has none listed. */
  hashtags: string[] | undefined;
  /** Links as written, or undefined when the post has none listed (coordination compares them). */
  urls: string[] | undefined;
  /** The post's own address (coordination links the posts its tables name). */
  url: string | undefined;
  /** The sha256 of each media item that has one, in order. */
  mediaHashes: string[] | undefined;
}

/**
 * Keys and enumerated values, matched on their bytes so no string is made to compare them. A word is
 * found through a small table indexed by its length and its first, middle and last bytes (a
 * multiplier is searched for once so that no two words of a set share a slot), then compared.
 */
class Words<T extends string> {
  private readonly slots: (Uint8Array | undefined)[];
  private readonly index: Int8Array;
  private readonly mask: number;
  private readonly m: number;

  constructor(readonly words: readonly T[]) {
    const bytes = words.map((w) => Buffer.from(w, 'latin1'));
    const fits = (size: number, m: number): boolean => new Set(bytes.map((w) => hash(w, 0, w.length, m) & (size - 1))).size === words.length;
    let size = 16;
    let m = 1;
    while (!fits(size, m)) {
      if (++m === 64) {
        m = 1;
        size *= 2;
        if (size > 1 << 12) throw new Error(`No slot table for ${words.join(', ')}`);
      }
    }
    this.m = m;
    this.mask = size - 1;
    this.slots = new Array<Uint8Array | undefined>(size).fill(undefined);
    this.index = new Int8Array(size).fill(-1);
    bytes.forEach((word, k) => {
      const slot = hash(word, 0, word.length, m) & this.mask;
      this.slots[slot] = word;
      this.index[slot] = k;
    });
  }

  /** Index of the word spelt by b[s .. e), or -1. */
  find(b: Uint8Array, s: number, e: number): number {
    const n = e - s;
    if (n === 0) return -1;
    const slot = hash(b, s, e, this.m) & this.mask;
    const word = this.slots[slot];
    if (word === undefined || word.length !== n) return -1;
    for (let k = 0; k < n; k++) if (b[s + k] !== word[k]) return -1;
    return this.index[slot]!;
  }
}

function hash(b: Uint8Array, s: number, e: number, m: number): number {
  return e - s + b[s]! * m + b[(s + e) >> 1]! * (m + 3) + b[e - 1]! * (m + 7);
}

/** Node's own decoders without the argument checks of `toString` (they exist on every Buffer, untyped). */
const { latin1Slice, utf8Slice } = Buffer.prototype as unknown as Record<'latin1Slice' | 'utf8Slice', (this: Buffer, start: number, end: number) => string>;

// Keys of a post; a key's index is its bit in the mask `object` keeps of the keys seen.
const POST_KEYS = new Words([
  'id', 'platform', 'author', 'createdAt', 'text', 'kind', 'url', 'precision', 'lang', 'ref',
  'hashtags', 'mentions', 'urls', 'media', 'metrics', 'availability', 'archives',
]);
const ID = 0, PLATFORM = 1, AUTHOR = 2, CREATED_AT = 3, TEXT = 4, KIND = 5, URL = 6, PRECISION = 7, LANG = 8, REF = 9;
const HASHTAGS = 10, MENTIONS = 11, URLS = 12, MEDIA = 13, METRICS = 14, AVAILABILITY = 15, ARCHIVES = 16;
/** id, platform, author, createdAt, text and kind: the keys every post has. */
const REQUIRED = 0b111111;

const AUTHOR_KEYS = new Words(['id', 'handle', 'name']);
const REF_KEYS = new Words(['id', 'authorId']);
const MEDIA_KEYS = new Words(['type', 'sha256', 'url']);
const METRICS_KEYS = new Words(['observedAt', 'reposts', 'quotes', 'replies', 'likes', 'views']);
const AVAILABILITY_KEYS = new Words(['status', 'observedAt']);
const ARCHIVE_KEYS = new Words(['url', 'archivedAt', 'sha256']);

const PLATFORMS = new Words<Platform>(PlatformSchema.options);
const KINDS = new Words<PostKind>(PostKindSchema.options);
const PRECISIONS = new Words(PrecisionSchema.options);
const MEDIA_TYPES = new Words(['photo', 'video', 'gif', 'audio', 'document']);
const STATUSES = new Words(['available', 'deleted', 'suspended', 'withheld', 'unknown']);

/** `nextKey` and `nextItem` results besides an index. */
const END = -1;
const FAIL = -2;

const EMPTY = Buffer.alloc(0);

export class PostScanner {
  private b: Buffer = EMPTY;
  private i = 0;
  private end = 0;
  /** The last string read: its content is b[s .. e), with escapes and bytes above 0x7f flagged. */
  private s = 0;
  private e = 0;
  private escaped = false;
  private ascii = true;

  /** The post being read; a fresh record per line, since the caller may keep it. */
  private p!: PostFields;

  /** The post on the line b[start .. end), or undefined when the line needs the full path. */
  scan(b: Buffer, start: number, end: number): PostFields | undefined {
    this.b = b;
    this.i = start;
    this.end = end;
    this.p = { id: '', platform: 'x', authorId: '', handle: null, name: undefined, time: NaN, kind: 'post', refId: undefined, refAuthorId: undefined, text: '', hashtags: undefined, urls: undefined, url: undefined, mediaHashes: undefined };
    this.ws();
    if (!this.object(POST_KEYS, REQUIRED, this.postMember)) return undefined;
    this.ws();
    const p = this.p;
    if (this.i !== this.end || (p.kind === 'post') !== (p.refId === undefined)) return undefined;
    return p;
  }

  // What each key's value must be, as `postTime` checks it. Made once per scanner, not per post.
  private readonly postMember = (k: number): boolean => {
    const p = this.p;
    switch (k) {
      case ID:
        if (!this.string() || this.e === this.s) return false;
        p.id = this.value();
        return true;
      case PLATFORM: {
        const w = this.word(PLATFORMS);
        if (w >= 0) p.platform = PLATFORMS.words[w]!;
        return w >= 0;
      }
      case AUTHOR:
        return this.object(AUTHOR_KEYS, 1, this.authorMember);
      case CREATED_AT:
        p.time = this.instant();
        return p.time === p.time;
      case TEXT:
        if (!this.string()) return false;
        p.text = this.value();
        return true;
      case KIND: {
        const w = this.word(KINDS);
        if (w >= 0) p.kind = KINDS.words[w]!;
        return w >= 0;
      }
      case URL:
        if (!this.url()) return false;
        p.url = this.value();
        return true;
      case PRECISION:
        return this.word(PRECISIONS) >= 0;
      case LANG:
        return this.string() && !this.escaped && plainLanguageBytes(this.b, this.s, this.e);
      case REF:
        return this.object(REF_KEYS, 1, this.refMember);
      case HASHTAGS:
        p.hashtags = [];
        return this.array(this.hashtag);
      case MENTIONS:
        return this.array(this.anyString);
      case URLS:
        p.urls = [];
        return this.array(this.link);
      case MEDIA:
        return this.array(this.mediaItem);
      case METRICS:
        return this.object(METRICS_KEYS, 1, this.metricsMember);
      case AVAILABILITY:
        return this.object(AVAILABILITY_KEYS, 0b11, this.availabilityMember);
      case ARCHIVES:
        return this.array(this.archive);
      default:
        return false;
    }
  };

  private readonly authorMember = (k: number): boolean => {
    if (k === 1 && this.null()) {
      this.p.handle = null;
      return true;
    }
    // id and handle must not be empty; a name may be.
    if (!this.string() || (k !== 2 && this.e === this.s)) return false;
    if (k === 0) this.p.authorId = this.value();
    else if (k === 1) this.p.handle = this.value();
    else this.p.name = this.value();
    return true;
  };

  private readonly refMember = (k: number): boolean => {
    if (!this.string() || this.e === this.s) return false;
    if (k === 0) this.p.refId = this.value();
    else this.p.refAuthorId = this.value();
    return true;
  };

  private readonly hashtag = (): boolean => {
    if (!this.string()) return false;
    this.p.hashtags!.push(this.value());
    return true;
  };

  private readonly link = (): boolean => {
    if (!this.string()) return false;
    this.p.urls!.push(this.value());
    return true;
  };

  private readonly anyString = (): boolean => this.string();

  private readonly mediaItem = (): boolean => this.object(MEDIA_KEYS, 1, this.mediaMember);

  private readonly mediaMember = (k: number): boolean => {
    if (k === 0) return this.word(MEDIA_TYPES) >= 0;
    if (k === 2) return this.url();
    if (!this.sha256()) return false;
    (this.p.mediaHashes ??= []).push(latin1Slice.call(this.b, this.s, this.e));
    return true;
  };

  private readonly metricsMember = (k: number): boolean => (k === 0 ? !Number.isNaN(this.instant()) : this.count());

  private readonly availabilityMember = (k: number): boolean => (k === 0 ? this.word(STATUSES) >= 0 : !Number.isNaN(this.instant()));

  private readonly archive = (): boolean => this.object(ARCHIVE_KEYS, 1, this.archiveMember);

  private readonly archiveMember = (k: number): boolean => (k === 0 ? this.url() : k === 1 ? !Number.isNaN(this.instant()) : this.sha256());

  /**
   * An object at `i` whose keys are all in `words`, none repeated, with every key of the `required`
   * bit mask; `member(k)` reads the value of key k.
   */
  private object(words: Words<string>, required: number, member: (k: number) => boolean): boolean {
    if (!this.open()) return false;
    let has = 0;
    for (let k = this.nextKey(words, true); k !== END; k = this.nextKey(words, false)) {
      if (k === FAIL || (has & (1 << k)) !== 0 || !member(k)) return false;
      has |= 1 << k;
    }
    return (has & required) === required;
  }

  /** An array at `i` whose every item `item()` reads. */
  private array(item: () => boolean): boolean {
    if (this.b[this.i] !== 91) return false;
    this.i++;
    for (let r = this.nextItem(true); r !== END; r = this.nextItem(false)) {
      if (r === FAIL || !item()) return false;
    }
    return true;
  }

  private ws(): void {
    const b = this.b;
    let c = b[this.i];
    // Line breaks too: an element of a pretty-printed JSON array spans lines (an NDJSON line never holds one).
    while ((c === 32 || c === 9 || c === 13 || c === 10) && this.i < this.end) c = b[++this.i];
  }

  /** At `{`: steps past it. */
  private open(): boolean {
    if (this.b[this.i] !== 123) return false;
    this.i++;
    return true;
  }

  /**
   * After `{` (first) or a member's value: the index in `words` of the next member's key, leaving
   * `i` at its value; END past the closing `}`; FAIL for anything else, an escaped key included.
   */
  private nextKey(words: Words<string>, first: boolean): number {
    this.ws();
    let c = this.b[this.i];
    if (c === 125 && this.i < this.end) {
      this.i++;
      return END;
    }
    if (!first) {
      if (c !== 44) return FAIL;
      this.i++;
      this.ws();
      c = this.b[this.i];
    }
    if (c !== 34 || !this.string() || this.escaped) return FAIL;
    const k = words.find(this.b, this.s, this.e);
    if (k < 0) return FAIL;
    this.ws();
    if (this.b[this.i] !== 58 || this.i >= this.end) return FAIL;
    this.i++;
    this.ws();
    return k;
  }

  /** After `[` (first) or an item: 0 when an item follows (at `i`), END past the closing `]`, FAIL otherwise. */
  private nextItem(first: boolean): number {
    this.ws();
    const c = this.b[this.i];
    if (this.i >= this.end) return FAIL;
    if (c === 93) {
      this.i++;
      return END;
    }
    if (!first) {
      if (c !== 44) return FAIL;
      this.i++;
      this.ws();
    }
    return 0;
  }

  /**
   * A string at `i`: records its content's bounds and steps past it. Escapes are checked against
   * JSON's grammar here (so a string that is only checked, never read, is still valid JSON); raw
   * control characters are refused as JSON refuses them.
   */
  private string(): boolean {
    const b = this.b;
    const end = this.end;
    let i = this.i;
    if (b[i] !== 34) return false;
    this.s = ++i;
    let escaped = false;
    let ascii = true;
    for (;;) {
      if (i >= end) return false;
      const c = b[i]!;
      if (c === 34) break;
      if (c === 92) {
        escaped = true;
        const x = b[i + 1];
        if (x === 117) {
          if (i + 6 > end) return false;
          for (let h = i + 2; h < i + 6; h++) if (!isHex(b[h]!)) return false;
          i += 6;
        } else if (x === 34 || x === 92 || x === 47 || x === 98 || x === 102 || x === 110 || x === 114 || x === 116) {
          i += 2;
        } else {
          return false;
        }
        continue;
      }
      if (c < 32) return false;
      if (c > 127) ascii = false;
      i++;
    }
    this.e = i;
    this.i = i + 1;
    this.escaped = escaped;
    this.ascii = ascii;
    return true;
  }

  /** The last string read, as JSON.parse would give it (invalid UTF-8 becomes U+FFFD, as the text decoder makes it). */
  private value(): string {
    if (this.escaped) return JSON.parse(utf8Slice.call(this.b, this.s - 1, this.e + 1)) as string;
    return (this.ascii ? latin1Slice : utf8Slice).call(this.b, this.s, this.e);
  }

  /** A string that is one of `words`, spelt without escapes: its index, or -1. */
  private word(words: Words<string>): number {
    if (!this.string() || this.escaped) return -1;
    return words.find(this.b, this.s, this.e);
  }

  private null(): boolean {
    const b = this.b;
    const i = this.i;
    if (i + 4 > this.end || b[i] !== 110 || b[i + 1] !== 117 || b[i + 2] !== 108 || b[i + 3] !== 108) return false;
    this.i += 4;
    return true;
  }

  /** A timestamp string in the form `parseInstant` reads: its epoch ms, or NaN. */
  private instant(): number {
    if (!this.string() || this.escaped || !this.ascii) return NaN;
    return parseInstant(latin1Slice.call(this.b, this.s, this.e));
  }

  private url(): boolean {
    if (!this.string()) return false;
    // Plain ASCII is matched on the bytes; escapes and other characters are decoded and matched by HTTP_URL.
    return this.escaped || !this.ascii ? isPlainHttpUrl(this.value()) : httpUrlBytes(this.b, this.s, this.e);
  }

  private sha256(): boolean {
    if (!this.string() || this.escaped || this.e - this.s !== 64) return false;
    for (let k = this.s; k < this.e; k++) {
      const c = this.b[k]!;
      if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
    }
    return true;
  }

  /** A plain count: digits, no sign, fraction or exponent, at most 15 of them so it is an exact integer. */
  private count(): boolean {
    const b = this.b;
    const from = this.i;
    let i = from;
    while (i < this.end && b[i]! >= 48 && b[i]! <= 57) i++;
    // A fraction or an exponent that follows is refused by the caller, which expects `,` or `}`.
    if (i === from || i - from > 15 || (b[from] === 48 && i - from > 1)) return false;
    this.i = i;
    return true;
  }
}

/**
 * HTTP_URL (see is-post.ts) on printable ASCII bytes: `http://` or `https://`, dot-separated labels
 * of letters, digits and hyphens whose last starts with a letter, an optional port of 1-4 digits,
 * then nothing or `/`, `?` or `#` followed by printable characters other than space.
 */
export function httpUrlBytes(b: Uint8Array, s: number, e: number): boolean {
  if (e - s < 8 || b[s] !== 104 || b[s + 1] !== 116 || b[s + 2] !== 116 || b[s + 3] !== 112) return false;
  let i = s + 4;
  if (b[i] === 115) i++;
  if (b[i] !== 58 || b[i + 1] !== 47 || b[i + 2] !== 47) return false;
  i += 3;
  let labelStart = i;
  for (; i < e; i++) {
    const c = b[i]!;
    if (c === 46) {
      if (i === labelStart) return false;
      labelStart = i + 1;
    } else if (!(isLetter(c) || (c >= 48 && c <= 57) || c === 45)) break;
  }
  if (i === labelStart || !isLetter(b[labelStart]!)) return false;
  if (i < e && b[i] === 58) {
    const from = ++i;
    while (i < e && b[i]! >= 48 && b[i]! <= 57) i++;
    if (i === from || i - from > 4) return false;
  }
  if (i === e) return true;
  const c = b[i]!;
  if (c !== 47 && c !== 63 && c !== 35) return false;
  for (i++; i < e; i++) if (b[i]! <= 32 || b[i]! >= 127) return false;
  return true;
}

/** PLAIN_LANGUAGE (see is-post.ts) on bytes: 2-3 lower-case letters, then `-Xxxx` (a script), then `-XX` or `-999` (a region). */
export function plainLanguageBytes(b: Uint8Array, s: number, e: number): boolean {
  let i = s;
  while (i < e && b[i]! >= 97 && b[i]! <= 122) i++;
  if (i - s < 2 || i - s > 3) return false;
  if (i + 5 <= e && b[i] === 45 && isUpper(b[i + 1]!) && isLower(b[i + 2]!) && isLower(b[i + 3]!) && isLower(b[i + 4]!)) i += 5;
  if (i === e) return true;
  if (b[i] !== 45) return false;
  if (i + 3 === e) return isUpper(b[i + 1]!) && isUpper(b[i + 2]!);
  return i + 4 === e && isDigit(b[i + 1]!) && isDigit(b[i + 2]!) && isDigit(b[i + 3]!);
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
