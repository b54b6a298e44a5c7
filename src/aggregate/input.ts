/** What aggregation needs besides the posts: the case's settings, dossiers and questions. */
import type { AccountStatus, CoordinationParams, Platform } from '../schema/index.ts';
import type { FigureQuery } from './figure-query.ts';

export interface DossierRef {
  /** Dossier id, `<platform>/<file name>`. */
  id: string;
  platform: Platform;
  handle: string | null;
  platformId?: string;
  /** Latest status in the dossier's history, for `status-count` figures. */
  status?: AccountStatus;
  /** `subject: private`: the model lists the person's post ids (`ReportModel.privatePostIds`). */
  private?: true;
}

export interface AggregateInput {
  caseId: string;
  /** IANA zone the timelines are binned and labelled in. */
  timeZone: string;
  /** Inclusive local dates. */
  period: { from: string; to: string };
  /** Tracked hashtags; the reader has already mapped aliases to `tag`. */
  hashtags: { tag: string; aliases: string[] }[];
  dossiers: DossierRef[];
  /** Posts to copy whole into the model (evidence cards), whose cascades the model also keeps (cascade charts). */
  wantedPostIds: string[];
  /** The case's `topAccounts`: how many of the most active authors get a page, hence a full profile. */
  topAccounts: number;
  figureQueries: FigureQuery[];
  /** The case's `coordination:` parameters; coordination is computed only when they are given. */
  coordination?: CoordinationParams;
}
