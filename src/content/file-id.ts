/**
 * A file-name id from free text (a pseudonym or a handle): lowercase letters and digits joined by single
 * dashes. `npm run new -- account x GrzegorzBraun_` names the dossier `x/grzegorzbraun`, and references
 * written with the handle as it appears (`:account[x/GrzegorzBraun_]`) find it through the same rule.
 */
export function fileId(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_.]+/g, '-')
    .replace(/[-_.]{2,}/g, (run) => run[0] ?? '-')
    .replace(/^[-_.]+|[-_.]+$/g, '');
}
