/**
 * Released data must name private individuals no more than the pages do. A post by (or pointing at)
 * an account whose dossier says `subject: private` is rewritten: its author becomes the dossier's
 * pseudonym, and anything that would lead back to the person — handle, display name, platform
 * and archive URLs, mentions — is replaced or dropped.
 */
import type { Account } from '../schema/index.ts';

export interface PrivateAccount {
  /** The platform ids the data may carry for the person: the dossier's, and those of the authors matched to it. */
  platformIds: string[];
  /** Every handle known for the person, from the dossier and from the data (the dossier may record none). */
  handles: string[];
  /** Display names, from the dossier and from the data. */
  displayNames: string[];
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
export function privateAccounts(dossiers: Iterable<{ id: string; data: Account }>, seen: Iterable<SeenAuthor> = []): PrivateAccount[] {
  const out = new Map<string, PrivateAccount>();
  for (const { id, data } of dossiers) {
    if (data.subject !== 'private') continue;
    out.set(id, {
      platformIds: data.platformId ? [data.platformId] : [],
      handles: data.handle ? [data.handle] : [],
      displayNames: [data.displayName],
      pseudonym: data.pseudonym!,
      pseudoId: `pseudonymised-${id.replace(/[^a-z0-9]+/gi, '-')}`,
    });
  }
  const add = (list: string[], value: string | null | undefined) => {
    if (value && !list.some((v) => v.toLowerCase() === value.toLowerCase())) list.push(value);
  };
  for (const author of seen) {
    const person = author.dossierId === undefined ? undefined : out.get(author.dossierId);
    if (!person) continue;
    add(person.platformIds, author.authorId);
    add(person.handles, author.handle);
    add(person.displayNames, author.name);
  }
  return [...out.values()];
}

export interface Pseudonymiser {
  /** True when some line may need rewriting; false lets callers release files byte for byte. */
  active: boolean;
  /** One NDJSON line (a canonical post) in, the released line out. */
  post(line: string): string;
}

export function createPseudonymiser(accounts: readonly PrivateAccount[]): Pseudonymiser {
  const byId = new Map(accounts.flatMap((a) => a.platformIds.map((id) => [id, a] as const)));
  const byHandle = new Map(accounts.flatMap((a) => a.handles.map((h) => [h.toLowerCase(), a] as const)));
  const find = (id?: string, handle?: string | null) =>
    (id !== undefined ? byId.get(id) : undefined) ?? (handle ? byHandle.get(handle.toLowerCase()) : undefined);

  // Names and handles as they may appear inside free text, longest first so a handle inside a name is not half-replaced.
  const replacements = accounts
    .flatMap((a) => [
      ...a.handles.flatMap((h) => [{ pattern: `@${h}`, by: `@[${a.pseudonym}]` }, { pattern: h, by: `[${a.pseudonym}]` }]),
      ...a.displayNames.map((name) => ({ pattern: name, by: `[${a.pseudonym}]` })),
    ])
    .sort((x, y) => y.pattern.length - x.pattern.length);
  const scrub = (text: string) =>
    replacements.reduce((t, r) => t.replace(new RegExp(escapeRegExp(r.pattern), 'giu'), r.by), text);

  return {
    active: accounts.length > 0,
    post(line) {
      if (accounts.length === 0 || line.trim() === '') return line;
      const post = JSON.parse(line) as Record<string, unknown> & {
        author: { id: string; handle?: string | null; name?: string };
        ref?: { id: string; authorId?: string };
        text: string;
        mentions?: string[];
        url?: string;
        archives?: { url: string }[];
      };
      const author = find(post.author.id, post.author.handle);
      if (author) {
        post.author = { id: author.pseudoId, handle: null, name: author.pseudonym };
        // Platform and archive addresses carry the handle.
        delete post.url;
        post.archives = [];
      }
      const refAuthor = post.ref?.authorId !== undefined ? find(post.ref.authorId) : undefined;
      if (post.ref && refAuthor) post.ref = { ...post.ref, authorId: refAuthor.pseudoId };
      if (post.mentions) post.mentions = post.mentions.map((m) => (find(undefined, m) ? `[${find(undefined, m)!.pseudonym}]` : m));
      post.text = scrub(post.text);
      return JSON.stringify(post);
    },
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
