/** What a Markdown body is rendered with, and what rendering it yields besides HTML. */
import type { FigureQuery } from '../aggregate/figure-query.ts';
import type { ReportModel } from '../aggregate/model.ts';
import type { NormalisedPost } from '../ingest/normalise-post.ts';
import type { ChartOutput } from '../charts/types.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Account, Case, Entity, Source } from '../schema/index.ts';
import type { SiteUrls } from '../content/urls.ts';

export interface RenderContext {
  /** Repo-relative path, for diagnostics. */
  file: string;
  /** Lines before the body (frontmatter), so positions point into the file. */
  lineOffset: number;
  /** Case language, for number and date formatting. */
  locale: string;
  /** Case zone; times are shown with the zone named, and in UTC on evidence cards. */
  timeZone: string;
  /** Absent for dossiers rendered outside a case: data directives then give a diagnostic. */
  caseId?: string;
  caseData?: Case;
  model?: ReportModel;
  sources: ReadonlyMap<string, Source>;
  entities: ReadonlyMap<string, Entity>;
  accounts: ReadonlyMap<string, Account>;
  /**
   * Display name + href of an account by dossier id or dataset author id; private individuals come back
   * pseudonymised. `lang`: the language of the name's words, when they are the project's (AccountLabel.lang).
   */
  account(idOrAuthorId: string): { label: string; href?: string; pseudonymised?: boolean; lang?: string } | undefined;
  urls: SiteUrls;
  /** Retired finding ids → the finding now standing for each (anchors.lock.json aliases of this page). */
  anchorAliases?: Readonly<Record<string, string>>;
  /** What readers may see of a post: the site's one privacy decision (src/site/privacy.ts) applied to it. */
  showPost?(post: NormalisedPost): NormalisedPost;
  /** A post id and a free text as published: the same privacy decision, for posts the model holds only by id. */
  publishPostId?(id: string, authorId?: string): string;
  publishText?(text: string): string;
  /**
   * True when a dataset of the case is synthetic: its post addresses are invented and may name real
   * accounts on the platform, so the coordination tables do not link them (evidence cards still are).
   */
  inventedData?: boolean;
  /** SHA-256 over the case's pinned posts files (coordinationInputHash), printed in the coordination parameters. */
  coordinationInputHash?: string;
}

export interface RenderedFigure {
  /** `figureKey(query)`, or a `coordination:` key for a `:coordination` figure. */
  key: string;
  /** The query over the posts; absent for a `:coordination` figure, read from the coordination analysis. */
  query?: FigureQuery;
  value: number;
  /** As shown in the text. */
  formatted: string;
  line: number;
  column: number;
  /** The query in plain words, for the methodology appendix. */
  description: string;
  /** The value the text states (`expect=`), when it states one. */
  expect?: string;
}

export interface RenderResult {
  html: string;
  diagnostics: Diagnostic[];
  /** Every heading, for the table of contents; `line` in the file. */
  headings: { depth: number; id: string; text: string; line?: number }[];
  /** Headings with an explicit `{#id}`. */
  findings: { id: string; title: string; line: number }[];
  /**
   * One entry per cited source per note: `[@a; @b]` is one note (one number) citing two sources,
   * and citing a source again makes a new note, as pandoc does.
   */
  notes: { number: number; sourceId: string; locator?: string }[];
  /** Every chart rendered, for the data downloads. */
  charts: { id: string; output: ChartOutput }[];
  figures: RenderedFigure[];
  accountsReferenced: string[];
  entitiesReferenced: string[];
  postsReferenced: string[];
}

/** What the check's parse-only pass (check.ts) finds in a body: all rendering finds but the HTML and the charts. */
export type CheckedProse = Omit<RenderResult, 'html' | 'charts'>;
