/**
 * What an evidence card prints of a post: the text up to a bound, cut between two user-perceived characters
 * (graphemes), so a flag, an accented letter or a family emoji is never split. Post text is untrusted and has
 * no length limit, and a 10 MB post printed whole made a page too slow to load (BENCHMARKS.md, "A post printed
 * whole"). The full text is in the released data, which the card links to when it cuts.
 */

/** Characters (UTF-16 code units) a card shows at most: a long Telegram or Facebook post, well past a tweet. */
export const EXCERPT_CHARACTERS = 1_500;
/** Lines a card shows at most: a post of empty lines must not make a card metres tall. */
export const EXCERPT_LINES = 30;

/** How far back from the bound a space is looked for, so the excerpt ends on a whole word. */
const WORD_SEARCH = 100;

export interface PostExcerpt {
  /** The text shown, without the ellipsis the card adds when `cut`. */
  text: string;
  /** True when the post is longer than `text`. */
  cut: boolean;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

export function postExcerpt(text: string, characters = EXCERPT_CHARACTERS, lines = EXCERPT_LINES): PostExcerpt {
  let end = Math.min(text.length, characters);
  let breaks = 0;
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10 && ++breaks >= lines) end = i;
  }
  if (end === text.length) return { text, cut: false };
  // Segment a little past the bound (never the whole post) and keep the graphemes that end within it; the window's
  // last segment may be cut by the window itself, so it is never kept.
  // A word is not cut either when a space comes near the end (a long run without one is cut where it must).
  let kept = 0;
  let space = -1;
  for (const { index, segment } of graphemes.segment(text.slice(0, end + 64))) {
    if (index + segment.length > end) break;
    if (/^[\p{Zs}\t]/u.test(segment)) space = index;
    kept = index + segment.length;
  }
  if (space > 0 && kept - space < WORD_SEARCH) kept = space;
  return { text: text.slice(0, kept).trimEnd(), cut: true };
}

/**
 * The text a card prints: the excerpt, `…` when it was cut, and control characters (NUL above all) shown as
 * U+FFFD, since they are invisible, or a parse error in HTML, as they are. Both evidence cards print this.
 */
export function cardText(text: string): PostExcerpt {
  const excerpt = postExcerpt(text);
  const visible = excerpt.text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd');
  return { text: excerpt.cut ? `${visible}…` : visible, cut: excerpt.cut };
}
