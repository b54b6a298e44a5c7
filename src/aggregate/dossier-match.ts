/** Matches dataset authors to dossiers: by platform id when the dossier knows it, else by handle, case-insensitively. */
import type { DossierRef } from './input.ts';

export interface DossierMatcher {
  /** Dossier id for an author, if one matches. */
  match(platform: string, authorId: string, handle: string | null): string | undefined;
}

export function dossierMatcher(dossiers: readonly DossierRef[]): DossierMatcher {
  const byId = new Map<string, string>();
  const byHandle = new Map<string, string>();
  for (const d of dossiers) {
    if (d.platformId !== undefined) byId.set(`${d.platform}\u0000${d.platformId}`, d.id);
    else if (d.handle !== null) byHandle.set(`${d.platform}\u0000${d.handle.toLowerCase()}`, d.id);
  }
  return {
    match(platform, authorId, handle) {
      return (
        byId.get(`${platform}\u0000${authorId}`) ??
        (handle === null ? undefined : byHandle.get(`${platform}\u0000${handle.toLowerCase()}`))
      );
    },
  };
}
