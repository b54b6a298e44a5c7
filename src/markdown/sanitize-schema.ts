/**
 * What survives sanitising: the elements of ordinary Markdown and GFM, our plugins' elements, our classes,
 * ids and aria labels. Ids keep no prefix: finding and note anchors are permanent links, and pages run no
 * script that clobbering could hijack. Chart SVG never passes here: it is inserted afterwards (trusted slots).
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

const classes = [
  // Ours.
  'anchor', 'note-ref', 'notes', 'note-url', 'note-back', 'account-ref', 'entity-ref', 'figure',
  'evidence-card', 'evidence-author', 'evidence-pseudonym', 'evidence-kind', 'evidence-time', 'evidence-ref', 'evidence-status', 'evidence-shortened',
  'evidence-text', 'evidence-media', 'evidence-archives', 'evidence-source',
  'coordination', 'coordination-params', 'coordination-params-title', 'coordination-caveat', 'coordination-files',
  'coordination-note', 'coordination-accounts', 'coordination-print-note', 'coordination-other-weight', 'chart-with-basis',
  'table-scroll', 'table-stack', 'num', 'facts', 'hash',
  // GFM footnotes and task lists, as remark-rehype emits them.
  'footnotes', 'sr-only', 'data-footnote-backref', 'task-list-item', 'contains-task-list',
];

/** The default lists with their `className` entries dropped: one list of classes applies everywhere. */
function withoutClassName(attributes: NonNullable<Schema['attributes']>): NonNullable<Schema['attributes']> {
  return Object.fromEntries(
    Object.entries(attributes).map(([tag, list]) => [
      tag,
      tag === 'code' ? list : (list ?? []).filter((d) => !(Array.isArray(d) && d[0] === 'className')),
    ]),
  );
}

const base = withoutClassName(defaultSchema.attributes ?? {});

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'article', 'header', 'footer', 'time', 'cite', 'abbr', 'mark', 'bdi', 'wbr', 'caption'],
  attributes: {
    ...base,
    a: [...(base['a'] ?? []), 'rel'],
    // Finding headings, and the empty spans in them that keep a retired id of the finding working.
    ...Object.fromEntries(['h2', 'h3', 'h4', 'h5', 'h6', 'span'].map((h) => [h, [...(base[h] ?? []), 'dataPermanent']])),
    // A stacked table's cells, named by their column for a phone (the stylesheet draws the name).
    ...Object.fromEntries(['th', 'td'].map((h) => [h, [...(base[h] ?? []), 'dataLabel']])),
    '*': [
      ...(base['*'] ?? []),
      ['className', ...classes],
      'ariaLabel',
      'ariaLabelledBy',
      'ariaHidden',
      'dataFinding',
      'dataFigureKey',
    ],
  },
  protocols: { href: ['http', 'https'], cite: ['http', 'https'], src: [] },
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style', 'template', 'textarea', 'title'],
};
