/**
 * What each page type receives: a typed view per page, plain data (no closures, getters, Maps, content entries
 * or the raw project), computed once from the assembled site. Every join a page needs (an entity's account
 * ties, a hashtag's first posts and cascade cards, the released datasets' hashes) is done here, so the
 * pages in src/pages only lay their view out. `views.test.ts` holds each view to a JSON round trip.
 */
import type { AccountProfile, HashtagTimeline } from '../aggregate/model.ts';
import type { ChartOutput } from '../charts/index.ts';
import { evidenceCardHtml } from '../markdown/evidence-card.ts';
import type { Account, Case, Entity, TrackedHashtag } from '../schema/index.ts';
import { hashtagChartIds } from './model-charts.ts';
import { untranslatedReports } from './untranslated.ts';
import { accountLabel } from './account-label.ts';
import { sitePrivacy } from './privacy.ts';
import { byId, siteUrls } from './addresses.ts';
import { datasetFiles, releasedFile } from './released-datasets.ts';
import type { AccountLabel } from '../aggregate/account-names.ts';
import type { Site, SiteAccount, SiteCase, SiteEntity } from './types.ts';
import { caseChromeView, caseViews, type CaseChromeView, type CaseDataView, type CaseViewOptions, type CaseViews, type DataFileView } from './views-case.ts';
import { homeView, searchViews, siteChromeView, sourcesIndexView, type HomeView, type SearchView, type SiteChromeView, type SourcesIndexView } from './views-site.ts';

export type * from './views-case.ts';
export type * from './views-site.ts';

/** A link as a page prints it. */
export interface LinkView {
  href: string;
  text: string;
}

/** One chart as a page lays it out: the drawing and the addresses of the numbers it plots. */
export interface ChartView {
  id: string;
  caption: string;
  output: ChartOutput;
  csvHref: string;
  jsonHref: string;
  /** The CSV's full address, printed on paper. */
  printedCsvHref: string;
  locale: string;
}

export interface EntityTie {
  account: AccountLabel;
  role: string;
  /** Empty for the account holder, whose tie is the dossier's own. */
  confidence: 'confirmed' | 'likely' | 'possible' | '';
  sources: LinkView[];
  /** The dossier names the entity as the one behind the account. */
  holder: boolean;
}

export interface EntityView {
  id: string;
  data: Entity;
  /** The description rendered; empty when there is none. */
  html: string;
  sources: LinkView[];
  /** Accounts tied to the entity in a dossier: run by it, or held by someone with a role in it. */
  ties: EntityTie[];
}

export interface HashtagView {
  caseId: string;
  /** The language prefix of a translation's page (`fr`); unset for the original. */
  prefix?: string;
  /** The case the page belongs to, as the layout shows it. */
  caseChrome: CaseChromeView;
  period: Case['period'];
  timeZone: string;
  hashtag: TrackedHashtag;
  timeline: HashtagTimeline;
  charts: { timelineDay: ChartView; timelineHour: ChartView; topAccounts: ChartView };
  /** The earliest posts (several on a tie), with the id of their card on the page when it has one. */
  firstPosts: { author: AccountLabel; time: number; cardId?: string }[];
  /** Evidence cards of the first posts, as HTML (src/markdown/evidence-card.ts). */
  firstPostCards: string[];
  cascades: {
    rootAuthor: AccountLabel;
    rootTime: number;
    size: number;
    reposts: number;
    quotes: number;
    firstDelay: number;
    halfTime: number;
    /** The root's id as published (a private person's post under its stand-in id). */
    rootId: string;
    /** The root's card is on the page (with the first posts or below the table). */
    hasCard: boolean;
  }[];
  /** Cards of the cascade roots that are not first posts already, as HTML. */
  rootCards: string[];
}

export interface AccountCaseView {
  caseId: string;
  /** The case as the layout shows it (its synthetic-data banner). */
  caseChrome: CaseChromeView;
  caseTitle: string;
  caseHref: string;
  locale: string;
  timeZone: string;
  profile: Omit<AccountProfile, 'amplified' | 'amplifiedBy' | 'topPosts'>;
  /** Tracked hashtags of the case, with the account's share of each. */
  tracked: { tag: string; href: string; share: number }[];
  heatmap: ChartView;
  amplified: { account: AccountLabel; count: number }[];
  amplifiedBy: { account: AccountLabel; count: number }[];
  /** Its most reposted posts, as published: a private person's post under its stand-in id, its text scrubbed. */
  topPosts: { id: string; text?: string; href?: string; reposts: number; quotes: number }[];
}

export interface AccountView {
  pageId: string;
  label: AccountLabel;
  dossier?: Account;
  /** The dossier body rendered; empty when there is none. */
  dossierHtml: string;
  /** The sources (by title) and entities (by name) the dossier cites, by id. */
  sourceLinks: Record<string, LinkView>;
  entityLinks: Record<string, LinkView>;
  cases: AccountCaseView[];
}

export interface SiteViews {
  /** The site's part of every page's layout. */
  site: SiteChromeView;
  home: HomeView;
  sources: SourcesIndexView;
  search: SearchView[];
  /** Every page of each case, per language version: the originals in the order of the case index, then the translations. */
  cases: CaseViews[];
  /** The original's report shown again under each language the site has translations in but the case has not. */
  untranslated: { language: string; caseId: string }[];
  entities: EntityView[];
  hashtags: HashtagView[];
  accounts: AccountView[];
  /** Per case, its datasets as released (hashed once): the data page and the report's Dataset metadata read these. */
  data: CaseDataView[];
}

const memo = new WeakMap<Site, Promise<SiteViews>>();

/** Every page's view, computed once per assembled site. */
export function siteViews(site: Site, options: CaseViewOptions = { pdf: false }): Promise<SiteViews> {
  let views = memo.get(site);
  if (!views) {
    views = buildViews(site, options);
    memo.set(site, views);
  }
  return views;
}

async function buildViews(site: Site, options: CaseViewOptions): Promise<SiteViews> {
  const versions = [...site.cases, ...site.translations];
  // One layout view per language version, shared by each of its pages' views.
  const chrome = new Map(versions.map((siteCase) => [siteCase, caseChromeView(site, siteCase)]));
  const data = await Promise.all(site.cases.map((siteCase) => caseDataView(site, siteCase)));
  const released = new Map(data.map((d) => [d.caseId, d]));
  return {
    site: siteChromeView(site),
    home: homeView(site),
    sources: sourcesIndexView(site),
    search: searchViews(site),
    cases: versions.map((siteCase) => caseViews(site, siteCase, released.get(siteCase.id)!, options, chrome.get(siteCase)!)),
    untranslated: untranslatedReports(site).map(({ language, siteCase }) => ({ language, caseId: siteCase.id })),
    entities: site.entities.map((entity) => entityView(site, entity)),
    // Each language version of a case has its own hashtag pages.
    hashtags: versions.flatMap((siteCase) => siteCase.data.hashtags.map((h) => hashtagView(site, siteCase, h, chrome.get(siteCase)!))),
    accounts: site.accounts.map((account) => accountView(site, account, chrome)),
    data,
  };
}

function sourceLink(site: Site, id: string): LinkView {
  return { href: siteUrls(site).source(id), text: byId(site.sources, id)?.data.title ?? id };
}

function chartView(site: Site, siteCase: SiteCase, id: string): ChartView {
  const chart = Object.hasOwn(siteCase.charts, id) ? siteCase.charts[id] : undefined;
  // A page asking for a chart the model did not produce is a build bug: fail instead of leaving a gap.
  if (!chart) throw new Error(`Case ${siteCase.id} has no chart ${id}.`);
  const urls = siteUrls(site);
  const csvHref = urls.chartData(siteCase.id, id, 'csv');
  return {
    id,
    caption: chart.caption,
    output: chart.output,
    csvHref,
    jsonHref: urls.chartData(siteCase.id, id, 'json'),
    printedCsvHref: urls.absolute(csvHref),
    locale: siteCase.data.language,
  };
}

function entityView(site: Site, entity: SiteEntity): EntityView {
  const { id } = entity;
  // A private individual's account never names the person behind it, so it is not listed as theirs.
  const ties = site.accounts.flatMap((account): EntityTie[] => {
    const dossier = account.dossier?.data;
    if (!dossier) return [];
    const label = { ...account.label, href: siteUrls(site).account(account.pageId) };
    const rows = dossier.affiliations
      .filter((a) => a.entity === id)
      .map((a): EntityTie => ({ account: label, role: a.role, confidence: a.confidence, sources: a.sources.map((s) => sourceLink(site, s)), holder: false }));
    if (dossier.entity === id && !account.label.pseudonymised && dossier.subject !== 'private') {
      rows.unshift({ account: label, role: '', confidence: '', sources: [], holder: true });
    }
    return rows;
  });
  return {
    id,
    data: entity.data,
    html: entity.body.html.trim(),
    sources: entity.data.sources.map((s) => sourceLink(site, s)),
    ties,
  };
}

/** How a case's evidence cards are made on pages: as `::post` makes them in the report. */
function cardMaker(site: Site, siteCase: SiteCase): (postId: string) => { id: string; html: string } | undefined {
  const { model, data } = siteCase;
  const privacy = sitePrivacy(site);
  const dataHref = `${siteUrls(site, siteCase.prefix).caseSection(siteCase.id, 'data')}#datasets`;
  return (postId) => {
    const real = model.posts[postId];
    if (!real) return undefined;
    // Posts as published: a private person's post shows under its stand-in id, without addresses.
    const post = privacy.card(real);
    const html = evidenceCardHtml(post, {
      locale: data.language,
      timeZone: data.timeZone,
      account: (authorId) => accountLabel(site, siteCase.id, authorId),
      dataHref,
    });
    return { id: post.id, html };
  };
}

function hashtagView(site: Site, siteCase: SiteCase, hashtag: TrackedHashtag, caseChrome: CaseChromeView = caseChromeView(site, siteCase)): HashtagView {
  const { model } = siteCase;
  const tag = hashtag.tag;
  const timeline = model.timelines[tag];
  if (!timeline) throw new Error(`Case ${siteCase.id} has no timeline for #${tag}.`);
  const ids = hashtagChartIds(tag);
  const who = (authorId: string) => accountLabel(site, siteCase.id, authorId);
  const card = cardMaker(site, siteCase);
  const privacy = sitePrivacy(site);
  const cascadesByRoot = new Map(model.cascades.map((c) => [c.rootId, c]));
  const cascades = timeline.topCascades.flatMap((id) => cascadesByRoot.get(id) ?? []);
  const firstCards = timeline.firstPosts.map((ref) => card(ref.id));
  // A first post that also roots a cascade is shown once, with the first posts.
  const firstIds = new Set(timeline.firstPosts.map((f) => f.id));
  const rootCards = cascades.flatMap((c) => (firstIds.has(c.rootId) ? [] : (card(c.rootId) ?? [])));
  return {
    caseId: siteCase.id,
    ...(siteCase.prefix !== undefined ? { prefix: siteCase.prefix } : {}),
    caseChrome,
    period: siteCase.data.period,
    timeZone: siteCase.data.timeZone,
    hashtag,
    timeline,
    charts: {
      timelineDay: chartView(site, siteCase, ids.timelineDay),
      timelineHour: chartView(site, siteCase, ids.timelineHour),
      topAccounts: chartView(site, siteCase, ids.topAccounts),
    },
    firstPosts: timeline.firstPosts.map((ref, i) => {
      const shown = firstCards[i];
      return { author: who(ref.authorId), time: ref.time, ...(shown ? { cardId: `post-${shown.id}` } : {}) };
    }),
    firstPostCards: firstCards.flatMap((c) => (c ? [c.html] : [])),
    cascades: cascades.map((c) => ({
      rootAuthor: who(c.rootAuthorId),
      rootTime: c.rootTime,
      size: c.size,
      reposts: c.reposts,
      quotes: c.quotes,
      firstDelay: c.firstDelay,
      halfTime: c.halfTime,
      rootId: privacy.postId(c.rootId, c.rootAuthorId),
      hasCard: model.posts[c.rootId] !== undefined,
    })),
    rootCards: rootCards.map((c) => c.html),
  };
}

/** `chrome`: the layout view of each case, made once for every page that shows the case. */
function accountView(site: Site, account: SiteAccount, chrome?: Map<SiteCase, CaseChromeView>): AccountView {
  const { pageId } = account;
  const urls = siteUrls(site);
  const dossier = account.dossier?.data;
  const privacy = sitePrivacy(site);
  const sourceIds = dossier ? [...dossier.affiliations.flatMap((a) => a.sources), ...dossier.status.map((s) => s.source)] : [];
  const entityIds = dossier ? [...dossier.affiliations.map((a) => a.entity), ...(dossier.entity ? [dossier.entity] : [])] : [];
  const cases = account.cases.flatMap(({ caseId, profile, heatmapChartId }): AccountCaseView[] => {
    const siteCase = site.cases.find((c) => c.id === caseId);
    if (!siteCase) return [];
    const who = (authorId: string) => accountLabel(site, caseId, authorId);
    const { amplified, amplifiedBy, topPosts, ...rest } = profile;
    return [
      {
        caseId,
        caseChrome: chrome?.get(siteCase) ?? caseChromeView(site, siteCase),
        caseTitle: siteCase.data.title,
        caseHref: urls.caseReport(caseId),
        locale: siteCase.data.language,
        timeZone: siteCase.data.timeZone,
        profile: rest,
        tracked: siteCase.data.hashtags.map((h) => ({ tag: h.tag, href: urls.hashtag(caseId, h.tag), share: profile.shareOfTag[h.tag] ?? 0 })),
        heatmap: chartView(site, siteCase, heatmapChartId),
        amplified: amplified.map((a) => ({ account: who(a.authorId), count: a.count })),
        amplifiedBy: amplifiedBy.map((a) => ({ account: who(a.authorId), count: a.count })),
        topPosts: topPosts.map((p) => {
          const real = siteCase.model.posts[p.id];
          const text = real ? privacy.card(real).text : undefined;
          const id = privacy.postId(p.id, profile.authorId);
          const inReport = siteCase.report.postsReferenced.includes(p.id);
          return {
            id,
            ...(text !== undefined ? { text: text.length > 140 ? `${text.slice(0, 140)}…` : text } : {}),
            ...(inReport ? { href: `${urls.caseReport(caseId)}#post-${id}` } : {}),
            reposts: p.reposts,
            quotes: p.quotes,
          };
        }),
      },
    ];
  });
  return {
    pageId,
    label: account.label,
    ...(dossier ? { dossier } : {}),
    dossierHtml: account.dossierHtml?.html.trim() ?? '',
    sourceLinks: Object.fromEntries(sourceIds.map((id) => [id, sourceLink(site, id)])),
    entityLinks: Object.fromEntries(entityIds.map((id) => [id, { href: urls.entity(id), text: byId(site.entities, id)?.data.name ?? id }])),
    cases,
  };
}

/** The case's dataset files, each hashed as released once (a pseudonymised file is streamed through the rewrite). */
async function caseDataView(site: Site, siteCase: SiteCase): Promise<CaseDataView> {
  const files = await Promise.all(
    datasetFiles(site, siteCase).map(async (f): Promise<DataFileView> => {
      const manifest = siteCase.datasets.find((d) => d.id === f.dataset)!.manifest;
      const released = await releasedFile(site, f);
      return {
        name: f.name,
        ...(released ? { href: siteUrls(site).dataFile(siteCase.id, f.name), released } : {}),
        collectedSha256: f.sha256,
        release: f.release,
        title: manifest.title,
        licence: manifest.licence,
      };
    }),
  );
  return { caseId: siteCase.id, files };
}
