/**
 * The two normalisations coordination keys are made with. Each is named with a version that the data
 * release prints (params.json), because a change to either changes which posts count as "the same":
 * a finding computed with one version is reproduced only with that version.
 */

/** Co-text normalisation; bump the number whenever `coTextKey` changes what it returns. */
export const TEXT_NORMALISATION = 'casefile-text-1';
/** Co-link normalisation; bump the number whenever `coLinkKey` changes what it returns. */
export const URL_NORMALISATION = 'casefile-url-1';

/** Shorter normalised texts make no co-text key: slogans and greetings coincide by chance (D3lta ignores them too). */
export const MIN_TEXT_LENGTH = 30;

/** Format characters: zero-width spaces and joiners, soft hyphens, bidi marks, byte-order marks. */
const INVISIBLE = /\p{Cf}/gu;
/** The retweet prefix, only at the very start: "RT @x:" marks a copy, "ART" or a later "rt @x" is text. */
const RETWEET_PREFIX = /^rt @[\p{L}\p{N}_.]+:?\s*/iu;
const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;
/** A mention is an `@` that no letter, digit or dot precedes: `name@example.org` is an e-mail and stays. */
const MENTION = /(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}_]+/gu;
const SPACES = /\s+/gu;

/**
 * The co-text key of a post's text (casefile-text-1): NFKC, invisible characters removed, a leading
 * "RT @x:" removed, links and mentions removed, lower case, whitespace collapsed; '' (no key) when
 * fewer than MIN_TEXT_LENGTH characters remain.
 */
export function coTextKey(text: string): string {
  const normal = normaliseCoText(text);
  // Code points, not UTF-16 units; each is one or two units, so only lengths in between need counting.
  if (normal.length < MIN_TEXT_LENGTH) return '';
  if (normal.length >= 2 * MIN_TEXT_LENGTH) return normal;
  let points = 0;
  for (const _ of normal) points++;
  return points >= MIN_TEXT_LENGTH ? normal : '';
}

/** casefile-text-1 without the length floor (near-duplicate comparison and tests use it). */
export function normaliseCoText(text: string): string {
  // The same steps, each skipped where it cannot change the text: ASCII is its own NFKC and has no
  // format characters; no `@` means no mention and no "RT @x:", no `://` or `www.` no link.
  let t = ASCII.test(text) ? text : text.normalize('NFKC').replace(INVISIBLE, '');
  const at = t.includes('@');
  if (at) t = t.replace(RETWEET_PREFIX, '');
  if (t.includes('://') || /www\./i.test(t)) t = t.replace(LINK, ' ');
  if (at) t = t.replace(MENTION, ' ');
  return t.toLowerCase().replace(SPACES, ' ').trim();
}

const ASCII = /^[\x00-\x7f]*$/;

/** Query parameters that say who clicked where, not what is linked: stripped before comparing. */
const TRACKING = /^(?:utm_.*|fbclid|gclid|dclid|msclkid|igshid|mc_cid|mc_eid|yclid|_ga|ref_src|ref_url|si|s|feature)$/i;

/**
 * The co-link key of a URL (casefile-url-1): http and https alike, host lower-cased without `www.`,
 * default port, fragment and tracking parameters dropped, remaining parameters sorted, a lone trailing
 * slash dropped; '' (no key) for anything that is not an http(s) URL with a host. Short links are
 * compared as written: expanding them would need the network.
 */
export function coLinkKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return '';
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') return '';
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...parsed.searchParams].filter(([name]) => !TRACKING.test(name));
  params.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const query = params.length === 0 ? '' : `?${new URLSearchParams(params).toString()}`;
  const path = parsed.pathname === '/' ? '' : parsed.pathname.replace(/\/$/, '');
  return `${host}${parsed.port === '' ? '' : `:${parsed.port}`}${path}${query}`;
}

/** Fewer tags than this make no hashtag-set key: two tags in common is ordinary topical overlap. */
export const MIN_HASHTAGS = 3;

/** The co-hashtag-set key: the distinct tags, NFKC, without `#`, lower case, sorted; '' below MIN_HASHTAGS. */
export function hashtagSetKey(tags: readonly string[]): string {
  const set = new Set<string>();
  for (const tag of tags) {
    const t = tag.normalize('NFKC').replace(INVISIBLE, '').replace(/^#/, '').toLowerCase().trim();
    if (t !== '') set.add(t);
  }
  return set.size >= MIN_HASHTAGS ? [...set].sort().join(' ') : '';
}
