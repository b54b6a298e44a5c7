/** Words the Markdown pipeline adds to a page, per language; English for languages not listed. */
import type { PostKind } from '../schema/index.ts';

export interface MarkdownMessages {
  linkToFinding: string;
  notes: string;
  backToReference: (n: number) => string;
  archivedCopy: string;
  accessed: (date: string) => string;
  unknownSource: (id: string) => string;
  evidence: (author: string) => string;
  kinds: Record<PostKind, string>;
  postedAt: string;
  inUtc: string;
  repostOf: (kind: PostKind, author: string, id: string) => string;
  availability: Record<'deleted' | 'suspended' | 'withheld', string>;
  media: string;
  archives: string;
  archivedAt: (date: string) => string;
  original: string;
  source: (dataset: string, line: number) => string;
  /** After a shortened post text: where the whole text is, before the link to the case's data. */
  shortened: (dataset: string, line: number) => string;
  releasedData: string;
}

const en: MarkdownMessages = {
  linkToFinding: 'Link to this finding',
  notes: 'Notes',
  backToReference: (n) => `Back to reference ${n}`,
  archivedCopy: 'archived copy',
  accessed: (date) => `accessed ${date}`,
  unknownSource: (id) => `Unknown source ${id}`,
  evidence: (author) => `Evidence: post by ${author}`,
  kinds: { post: 'Post', repost: 'Repost', quote: 'Quote', reply: 'Reply' },
  postedAt: 'Posted',
  inUtc: 'UTC',
  repostOf: (kind, author, id) =>
    `${kind === 'reply' ? 'Reply to' : kind === 'quote' ? 'Quotes' : 'Repost of'} post ${id} by ${author}.`,
  availability: {
    deleted: 'This post has since been deleted.',
    suspended: 'The account behind this post has since been suspended.',
    withheld: 'This post has since been withheld.',
  },
  media: 'Media (SHA-256)',
  archives: 'Archived copies',
  archivedAt: (date) => `archived ${date}`,
  original: 'Original address (may no longer work)',
  source: (dataset, line) => `Dataset ${dataset}, record ${line}`,
  shortened: (dataset, line) => `Text shortened. The whole post is record ${line} of dataset ${dataset}, in `,
  releasedData: 'the released data',
};

const fr: MarkdownMessages = {
  linkToFinding: 'Lien vers ce constat',
  notes: 'Notes',
  backToReference: (n) => `Retour à l’appel de note ${n}`,
  archivedCopy: 'copie archivée',
  accessed: (date) => `consulté le ${date}`,
  unknownSource: (id) => `Source inconnue ${id}`,
  evidence: (author) => `Pièce : publication de ${author}`,
  kinds: { post: 'Publication', repost: 'Republication', quote: 'Citation', reply: 'Réponse' },
  postedAt: 'Publié',
  inUtc: 'UTC',
  repostOf: (kind, author, id) =>
    `${kind === 'reply' ? 'Réponse à la' : kind === 'quote' ? 'Cite la' : 'Republication de la'} publication ${id} de ${author}.`,
  availability: {
    deleted: 'Cette publication a depuis été supprimée.',
    suspended: 'Le compte qui l’a publiée a depuis été suspendu.',
    withheld: 'Cette publication a depuis été masquée.',
  },
  media: 'Médias (SHA-256)',
  archives: 'Copies archivées',
  archivedAt: (date) => `archivée le ${date}`,
  original: 'Adresse d’origine (peut ne plus fonctionner)',
  source: (dataset, line) => `Jeu de données ${dataset}, enregistrement ${line}`,
  shortened: (dataset, line) => `Texte abrégé. La publication entière est l’enregistrement ${line} du jeu de données ${dataset}, dans `,
  releasedData: 'les données publiées',
};

const catalogue: Record<string, MarkdownMessages> = { en, fr };

/** Messages for `locale`, matched on its language (`fr-CA` → French). */
export function markdownMessages(locale: string): MarkdownMessages {
  return catalogue[new Intl.Locale(locale).language] ?? en;
}
