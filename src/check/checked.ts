/**
 * What the check hands on besides its diagnostics: the project as found, each case with its model and what
 * its prose holds, and what every body is rendered with. The site renders from this and decides nothing
 * the check has already decided (which cases, which accounts have pages, how accounts are named).
 */
import type { ClickHouseProvenance } from '../engines/clickhouse/engine.ts';
import type { AccountLabel, CaseAccounts } from '../aggregate/account-names.ts';
import type { ReportModel } from '../aggregate/model.ts';
import type { SitePrivacy } from '../aggregate/pseudonymise.ts';
import type { AnchorsLock, Redirect } from '../cite/anchors-lock.ts';
import type { ContentEntry, DatasetEntry, Project } from '../content/project.ts';
import type { SiteUrls } from '../content/urls.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { CheckedProse, RenderContext } from '../markdown/types.ts';
import type { Account, Case } from '../schema/index.ts';

export interface CheckedCase {
  id: string;
  entry: ContentEntry<Case>;
  datasets: DatasetEntry[];
  model: ReportModel;
  /** Where a warehouse counted the posts, when one did (`aggregation: { engine: clickhouse }`): the methodology page says so. */
  engine?: ClickHouseProvenance;
  accounts: CaseAccounts;
  /** The report body as the check read it: headings, findings, figures, notes, references. */
  prose: CheckedProse;
  /**
   * The case's translations (`index.<language>.md`), each read against the same data: `entry` is the case as
   * the translation presents it (its file, body, words and language; the original's data).
   */
  translations: CheckedTranslation[];
}

export interface CheckedTranslation {
  language: string;
  entry: ContentEntry<Case>;
  prose: CheckedProse;
}

/** A page of an account: whose it is and the cases it appears in, first come first served. */
export interface CheckedAccountPage {
  pageId: string;
  /** `dossier:<id>`, or the dataset account's `accountIdentity`. */
  identity: string;
  label: AccountLabel;
  dossier?: ContentEntry<Account>;
  /** The cases the account has a page section in, in case order, with its author id there. */
  cases: { caseId: string; authorId: string }[];
}

export interface CheckResult {
  /** The project, each dataset's manifest carrying the hashes of the files as found. */
  project: Project;
  urls: SiteUrls;
  /** The cases with a model and valid frontmatter (drafts too when the check includes them), in project order. */
  cases: CheckedCase[];
  /** Who is private and how they are published: one decision, read by every page, card and released file. */
  privacy: SitePrivacy;
  /** Every account page, by page id (sorted). */
  accountPages: Map<string, CheckedAccountPage>;
  /** What each body is rendered with, by its file: case reports, dossiers, entities and sources. */
  contexts: Map<string, RenderContext>;
  lock: AnchorsLock;
  redirects: Redirect[];
  diagnostics: Diagnostic[];
}
