/**
 * Released data must name private individuals no more than the pages do. A post by (or pointing at)
 * an account whose dossier says `subject: private` is rewritten: its author becomes the dossier's
 * pseudonym, and anything that would lead back to the person — handle, display name, platform
 * and archive URLs, mentions — is replaced or dropped.
 */
import type { Account } from '../schema/index.ts';

export interface PrivateAccount {
  /** The platform id and handle the data may carry. */
  platformId?: string;
  handle: string | null;
  displayName: string;
  pseudonym: string;
  /** Stable stand-in id derived from the dossier id, never from the real one. */
  pseudoId: string;
}

export function privateAccounts(dossiers: Iterable<{ id: string; data: Account }>): PrivateAccount[] {
  const out: PrivateAccount[] = [];
  for (const { id, data } of dossiers) {
    if (data.subject !== 'private') continue;
    out.push({
      ...(data.platformId ? { platformId: data.platformId } : {}),
      handle: data.handle,
      displayName: data.displayName,
      pseudonym: data.pseudonym!,
      pseudoId: `pseudonymised-${id.replace(/[^a-z0-9]+/gi, '-')}`,
    });
  }
  return out;
}

export interface Pseudonymiser {
  /** True when some line may need rewriting; false lets callers release files byte for byte. */
  active: boolean;
  /** One NDJSON line (a canonical post) in, the released line out. */
  post(line: string): string;
}

export function createPseudonymiser(accounts: readonly PrivateAccount[]): Pseudonymiser {
  const byId = new Map(accounts.filter((a) => a.platformId).map((a) => [a.platformId!, a]));
  const byHandle = new Map(accounts.filter((a) => a.handle).map((a) => [a.handle!.toLowerCase(), a]));
  const find = (id?: string, handle?: string | null) =>
    (id !== undefined ? byId.get(id) : undefined) ?? (handle ? byHandle.get(handle.toLowerCase()) : undefined);

  // Names and handles as they may appear inside free text, longest first so a handle inside a name is not half-replaced.
  const replacements = accounts
    .flatMap((a) => [
      ...(a.handle ? [{ pattern: `@${a.handle}`, by: `@[${a.pseudonym}]` }, { pattern: a.handle, by: `[${a.pseudonym}]` }] : []),
      { pattern: a.displayName, by: `[${a.pseudonym}]` },
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
