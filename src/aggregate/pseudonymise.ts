/**
 * Released data must name private individuals no more than the pages do. A post by (or pointing at)
 * an account whose dossier says `subject: private` is rewritten: its author becomes the dossier's
 * pseudonym, and anything that would lead back to the person — handle, display name, platform
 * and archive URLs, mentions — is replaced or dropped.
 */
import { createHash } from 'node:crypto';
import type { NormalisedPost } from '../ingest/normalise-post.ts';
import type { Account } from '../schema/index.ts';

export interface PrivateAccount {
  /** The dossier that makes the person private. */
  dossierId: string;
  /** The platform ids the data may carry for the person: the dossier's, and those of the authors matched to it. */
  platformIds: string[];
  /** Every handle known for the person, from the dossier and from the data (the dossier may record none). */
  handles: string[];
  /** Display names, from the dossier and from the data. */
  displayNames: string[];
  /** The ids of the person's posts the data shows (`ReportModel.privatePostIds`): a link may name a post by id alone. */
  postIds: string[];
  pseudonym: string;
  /** Stable stand-in id derived from the dossier id, never from the real one. */
  pseudoId: string;
}

/** An author as the data shows it, with the dossier aggregation matched it to (by platform id or handle). */
export interface SeenAuthor {
  dossierId?: string;
  authorId: string;
  handle: string | null;
  name?: string;
}

/**
 * The private people of a site: each `subject: private` dossier, with every id, handle and name the data
 * shows for the authors matched to it. A dossier without a handle still scrubs the handle the data
 * carries ("RT @handle:" in other people's posts).
 */
export function privateAccounts(
  dossiers: Iterable<{ id: string; data: Account }>,
  // Stryker disable next-line ArrayDeclaration: equivalent, a default of other values names no dossier (a string has no dossierId)
  seen: Iterable<SeenAuthor> = [],
  // Stryker disable next-line ArrayDeclaration: equivalent, a string's entries are keyed '0', '1'…, never a dossier id (platform/name)
  postIds: Iterable<Readonly<Record<string, readonly string[]>>> = [],
): PrivateAccount[] {
  const out = new Map<string, PrivateAccount>();
  for (const { id, data } of dossiers) {
    if (data.subject !== 'private') continue;
    out.set(id, {
      dossierId: id,
      platformIds: data.platformId ? [data.platformId] : [],
      handles: data.handle ? [data.handle] : [],
      displayNames: [data.displayName],
      postIds: [],
      pseudonym: data.pseudonym!,
      pseudoId: `pseudonymised-${id.replace(/[^a-z0-9]+/gi, '-')}`,
    });
  }
  const add = (list: string[], value: string | null | undefined) => {
    if (value && !list.some((v) => v.toLowerCase() === value.toLowerCase())) list.push(value);
  };
  for (const author of seen) {
    // Stryker disable next-line ConditionalExpression: equivalent, the map has no undefined key
    const person = author.dossierId === undefined ? undefined : out.get(author.dossierId);
    if (!person) continue;
    add(person.platformIds, author.authorId);
    add(person.handles, author.handle);
    add(person.displayNames, author.name);
  }
  for (const record of postIds) {
    for (const [dossierId, ids] of Object.entries(record)) out.get(dossierId)?.postIds.push(...ids);
  }
  return [...out.values()];
}

export interface Pseudonymiser {
  /** True when some line may need rewriting; false lets callers release files byte for byte. */
  active: boolean;
  /** One NDJSON line (a canonical post) in, the released line out. */
  post(line: string): string;
  /**
   * The id a post is published under: a stable stand-in when its author is a private person (an X status id
   * leads back to its author), the id itself otherwise. Pages and the release ask this one function.
   */
  postId(id: string, authorId?: string): string;
  /** The account id published for a platform id: a private person's pseudonymous id, the id itself otherwise. */
  accountId(id: string): string;
  /** Free text as published: a private person's handles, names and post addresses replaced. */
  text(text: string): string;
  /** A post as a page shows it: for a private author, stand-in id, no platform or archive address, scrubbed text. */
  card(post: NormalisedPost): NormalisedPost;
}

export function createPseudonymiser(accounts: readonly PrivateAccount[]): Pseudonymiser {
  const byId = new Map(accounts.flatMap((a) => a.platformIds.map((id) => [id, a] as const)));
  const byHandle = new Map(accounts.flatMap((a) => a.handles.map((h) => [h.toLowerCase(), a] as const)));
  const byPost = new Map(accounts.flatMap((a) => a.postIds.map((id) => [id, a] as const)));
  const find = (id?: string, handle?: string | null) =>
    // Stryker disable next-line ConditionalExpression: equivalent, the map has no undefined key
    (id !== undefined ? byId.get(id) : undefined) ?? (handle ? byHandle.get(handle.toLowerCase()) : undefined);

  // Names and handles as they may appear inside free text, longest first so a handle inside a name is not half-replaced.
  const replacements = accounts
    .flatMap((a) => [
      ...a.handles.flatMap((h) => [{ pattern: `@${h}`, by: `@[${a.pseudonym}]` }, { pattern: h, by: `[${a.pseudonym}]` }]),
      ...a.displayNames.map((name) => ({ pattern: name, by: `[${a.pseudonym}]` })),
    ])
    .sort((x, y) => y.pattern.length - x.pattern.length)
    .map((r) => ({ pattern: standalone(r.pattern), by: r.by }));
  // Keyed by the person's real platform ids, which are never published, so a reader cannot recompute the
  // stand-in from a guessed status id; the same post gets the same stand-in in every file and page.
  const standIn = (person: PrivateAccount, id: string) => {
    // Stryker disable next-line StringLiteral: equivalent, ids joined without a separator could collide only for one person's ids, and the stand-in starts with that person's pseudonymous id
    const key = [...person.platformIds].sort().join('\0');
    return `${person.pseudoId}-post-${createHash('sha256').update(`${key}\0${id}`).digest('hex').slice(0, 12)}`;
  };
  const postId = (id: string, authorId?: string) => {
    // Stryker disable next-line ConditionalExpression: equivalent, the map has no undefined key
    const person = authorId !== undefined ? byId.get(authorId) : undefined;
    return person ? standIn(person, id) : id;
  };
  // An address of one of the person's posts cited in anyone's text, with or without a `ref`:
  // x.com/<handle>/status/<id>, t.me/<handle>/<id>. Every number in the path after the handle is a post id.
  // Stryker disable next-line MethodExpression,ArrowFunction,ArithmeticOperator: equivalent in any order, since a handle must be followed by `/`, so the alternation backtracks from `jane` to `jane_doe`
  const handles = [...byHandle.keys()].sort((x, y) => y.length - x.length).map(escapeRegExp);
  const postAddress = handles.length === 0 ? undefined : new RegExp(`(/@?)(${handles.join('|')})((?:/[^\\s/?#"'<>]+)+)`, 'giu');
  const citedPosts = (text: string) =>
    postAddress === undefined
      ? text
      : text.replace(postAddress, (_match, slash: string, handle: string, rest: string) => {
          const person = byHandle.get(handle.toLowerCase())!;
          return `${slash}${handle}${rest.replace(/\/(\d+)(?!\w)/g, (_segment, id: string) => `/${standIn(person, id)}`)}`;
        });
  // x.com/i/status/<id>, twitter.com/i/web/status/<id>, or any handle before /status/: X finds a post by its
  // id alone, so a link to one of the person's posts is recognised by the id, whatever precedes it.
  const statusAddress = /(\/status(?:es)?\/)(\d+)(?!\d)/giu;
  const linkedPosts = (text: string) =>
    // Stryker disable next-line ConditionalExpression: equivalent, with no post id every address is returned as it was (the test only saves a pass)
    byPost.size === 0
      ? text
      : text.replace(statusAddress, (match, path: string, id: string) => {
          const person = byPost.get(id);
          return person ? `${path}${standIn(person, id)}` : match;
        });
  const scrub = (text: string) =>
    replacements.reduce((t, r) => t.replace(r.pattern, r.by), citedPosts(linkedPosts(text)));
  // A link or media address may carry the handle (x.com/<handle>/status/…) or be the person's own site.
  const revealing = (url: string) => url !== scrub(url);

  return {
    active: accounts.length > 0,
    post(line) {
      if (accounts.length === 0 || line.trim() === '') return line;
      const post = JSON.parse(line) as Record<string, unknown> & {
        id: string;
        author: { id: string; handle?: string | null; name?: string };
        ref?: { id: string; authorId?: string };
        text: string;
        mentions?: string[];
        url?: string;
        urls?: string[];
        media?: { url?: string }[];
        archives?: { url: string }[];
      };
      const author = find(post.author.id, post.author.handle);
      if (author) {
        post.id = postId(post.id, author.platformIds[0]);
        post.author = { id: author.pseudoId, handle: null, name: author.pseudonym };
        // Platform, archive, media and link addresses lead back to the person.
        delete post.url;
        post.archives = [];
        post.urls = [];
        if (post.media) post.media = post.media.map(({ url: _url, ...rest }) => rest);
      }
      const refAuthor = post.ref?.authorId !== undefined ? find(post.ref.authorId) : undefined;
      const realRefId = post.ref?.id;
      if (post.ref && refAuthor) post.ref = { ...post.ref, id: postId(post.ref.id, post.ref.authorId), authorId: refAuthor.pseudoId };
      if (post.urls) post.urls = post.urls.filter((u) => !revealing(u));
      if (post.mentions) post.mentions = post.mentions.map((m) => (find(undefined, m) ? `[${find(undefined, m)!.pseudonym}]` : m));
      post.text = scrub(post.text);
      // A reply or quote may cite the private post by its address: its id gives way to the stand-in.
      // Stryker disable next-line LogicalOperator: `||` is equivalent, a reference to someone else keeps its id, so the text is joined back unchanged
      if (post.ref && refAuthor) post.text = post.text.split(realRefId!).join(post.ref.id);
      return JSON.stringify(post);
    },
    postId,
    accountId: (id) => byId.get(id)?.pseudoId ?? id,
    text: scrub,
    card(post) {
      const author = find(post.authorId, post.handle);
      // Stryker disable next-line ConditionalExpression,LogicalOperator: the weakened tests are equivalent, a post has a refAuthorId only with a refId (normalise-post.ts) and byId has no undefined key
      const refPrivate = post.refId !== undefined && post.refAuthorId !== undefined && byId.has(post.refAuthorId);
      let text = scrub(post.text);
      // Stryker disable next-line ConditionalExpression: `true` is equivalent, a public reference's stand-in is its own id, so the text is joined back unchanged
      if (refPrivate) text = text.split(post.refId!).join(postId(post.refId!, post.refAuthorId));
      if (!author) return { ...post, text, ...(refPrivate ? { refId: postId(post.refId!, post.refAuthorId) } : {}) };
      const { url: _url, ...rest } = post;
      return {
        ...rest,
        id: postId(post.id, author.platformIds[0]),
        // The author id stays: pages look the reader-facing label up by it and never print it.
        handle: null,
        name: author.pseudonym,
        text,
        archives: [],
        ...(refPrivate ? { refId: postId(post.refId!, post.refAuthorId) } : {}),
      };
    },
  };
}

/** A letter, mark, digit or underscore: what a handle or a name in a spaced script is made of. */
const WORD = '[\\p{L}\\p{M}\\p{N}_]';
const WORD_CHAR = new RegExp(WORD, 'u');
// Scripts written without spaces between words: a name there has no edge to look for.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;

/**
 * A name or handle matched, in any letter case, only where it stands on its own: a one-letter display name
 * ("B") must not cut into other words ("member"), nor a handle `jane` into someone else's `jane_doe`. An edge
 * is asked for only on a side that begins or ends with a letter of a spaced script; in Chinese, Japanese,
 * Thai and the like every occurrence is replaced, since there a missed name would be a leak.
 */
function standalone(literal: string): RegExp {
  const chars = Array.from(literal);
  const edge = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c) && !UNSPACED.test(c);
  const before = edge(chars[0]) ? `(?<!${WORD})` : '';
  const after = edge(chars.at(-1)) ? `(?!${WORD})` : '';
  return new RegExp(`${before}${escapeRegExp(literal)}${after}`, 'giu');
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The one privacy decision of a site, taken once from the dossiers and from what every case's data shows
 * of each private person; evidence cards, pages, checks and the release all read it (src/site/privacy.ts).
 */
export interface SitePrivacy extends Pseudonymiser {
  /** The private people, with every platform id, handle and name the data shows for them. */
  people: readonly PrivateAccount[];
}

export function decidePrivacy(
  dossiers: Iterable<{ id: string; data: Account }>,
  seen: Iterable<SeenAuthor>,
  // Stryker disable next-line ArrayDeclaration: equivalent, as for privateAccounts
  postIds: Iterable<Readonly<Record<string, readonly string[]>>> = [],
): SitePrivacy {
  const people = privateAccounts(dossiers, seen, postIds);
  return { ...createPseudonymiser(people), people };
}
