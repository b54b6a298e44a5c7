/**
 * Assembles the site from a validated project: per case, what the prose asks of the data,
 * the model, the rendered report and dossiers, the charts, and the account pages.
 * Every diagnostic found on the way is returned; nothing here writes files.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ContentEntry, DatasetEntry, Project } from '../content/project.ts';
import type { AccountProfile, ReportModel } from '../aggregate/model.ts';
import type { Account, Case } from '../schema/index.ts';
import { loadCaseModel } from '../model/case-model.ts';
import { collectDataRequests, renderMarkdown } from '../markdown/index.ts';
import type { RenderContext, RenderResult } from '../markdown/types.ts';
import { decidePrivacy } from '../aggregate/pseudonymise.ts';
import { createUrls, type SiteUrls } from '../content/urls.ts';
import { accountIdentity, accountPageIds, dossierLabel, profileLabel } from './accounts.ts';
import { chartId } from '../markdown/chart-parse.ts';
import { heatmapSpec, modelChart, timelineSpec, topAccountsSpec } from './model-charts.ts';
import type { AccountLabel, Site, SiteAccount, SiteCase, SiteChart, SiteVersion } from './types.ts';

export interface PrepareOptions {
  base?: string;
  /** The site's address (`--site`), for the full addresses printed on paper. */
  site?: string;
  /** Include `status: draft` cases (previews), never in the published site. */
  drafts?: boolean;
  version: SiteVersion;
  cacheDir?: string;
  /** anchors.lock.json's aliases: page path → retired anchor → the anchor standing for it. */
  anchorAliases?: Readonly<Record<string, Record<string, string>>>;
}

export async function prepareSite(project: Project, options: PrepareOptions): Promise<{ site: Site; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const urls = createUrls(options.base ?? '/', options.site);
  const dossiers = [...project.accounts.values()];
  const accountsData = new Map([...project.accounts].map(([id, e]) => [id, e.data]));
  const sourcesData = new Map([...project.sources].map(([id, e]) => [id, e.data]));
  const entitiesData = new Map([...project.entities].map(([id, e]) => [id, e.data]));

  const cases: SiteCase[] = [];
  const accountPages = new Map<string, SiteAccount>();
  const labels = new Map<string, Map<string, AccountLabel>>();

  // What dossier bodies ask of the data is the same for every case: read it once.
  const dossierPostIds = dossiers.flatMap((d) => collectDataRequests(d.body, { file: d.file, lineOffset: d.bodyLineOffset }).postIds);
  const caseEntries = [...project.cases.values()].filter((c) => options.drafts || c.data.status === 'published');
  // Cases with frontmatter errors: the body is checked like any other (against the data when it can be), never published.
  const checkOnly = new Set<ContentEntry<Case>>();
  for (const invalid of project.invalidCases) {
    if (invalid.data) {
      const entry = { ...invalid, data: invalid.data };
      checkOnly.add(entry);
      caseEntries.push(entry);
    } else {
      diagnostics.push(...proseOnly(invalid.body, invalid.file, invalid.bodyLineOffset, 'en', 'UTC'));
    }
  }
  // First every case's model: the privacy decision is one for the site, taken from what all the data shows
  // of each private person, before any case renders an evidence card.
  const loaded: { entry: ContentEntry<Case>; datasets: DatasetEntry[]; model: ReportModel | null }[] = [];
  for (const entry of caseEntries) {
    const datasets = entry.data.datasets
      .map((d) => project.datasets.get(`${entry.id}/${d}`))
      .filter((d): d is DatasetEntry => d !== undefined);

    const requests = collectDataRequests(entry.body, { file: entry.file, lineOffset: entry.bodyLineOffset });
    diagnostics.push(...requests.diagnostics);
    // A missing or invalid dataset is already reported; the prose is still checked below, without data.
    const { model, diagnostics: modelDiagnostics } = datasets.length !== entry.data.datasets.length
      ? { model: null, diagnostics: [] }
      : await loadCaseModel({
      root: project.root,
      caseId: entry.id,
      caseData: entry.data,
      dossiers: dossiers.map((d) => ({ id: d.id, data: d.data })),
      datasets: datasets.map((d) => ({ id: d.id, dir: d.dir, manifest: d.manifest })),
      wantedPostIds: [
        ...new Set([
          ...requests.postIds,
          ...dossierPostIds,
          ...entry.data.claims.flatMap((c) => (c.appearance.post ? [c.appearance.post] : [])),
        ]),
      ],
      figureQueries: requests.figureQueries,
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    });
    diagnostics.push(...modelDiagnostics);
    loaded.push({ entry, datasets, model });
  }
  const privacy = decidePrivacy(dossiers, loaded.flatMap((l) => l.model?.accounts ?? []));

  for (const { entry, datasets, model } of loaded) {
    if (!model) {
      // The data has errors, but the prose can still be checked for everything that does not need it.
      diagnostics.push(...proseOnly(entry.body, entry.file, entry.bodyLineOffset, entry.data.language, entry.data.timeZone));
      continue;
    }

    // Pages for every dossier account in the data and for the N most active accounts.
    const caseLabels = new Map<string, AccountLabel>();
    labels.set(entry.id, caseLabels);
    const pageIds: string[] = [];
    const withPage = new Set<string>();
    const accountPageId = accountPageIds(model.accounts, project.accounts.keys());
    model.accounts.forEach((account, rank) => {
      const pageId = accountPageId(account);
      const dossier = account.dossierId ? project.accounts.get(account.dossierId) : undefined;
      const hasPage = dossier !== undefined || rank < entry.data.topAccounts;
      const base = dossier ? dossierLabel(dossier) : profileLabel(account);
      const label: AccountLabel = hasPage ? { ...base, href: urls.account(pageId) } : base;
      caseLabels.set(account.authorId, label);
      if (dossier) caseLabels.set(dossier.id, label);
      if (hasPage) {
        pageIds.push(pageId);
        withPage.add(pageId);
      }
    });
    // Dossiers without posts in this case still resolve for `:account[…]`.
    for (const d of dossiers) {
      if (!caseLabels.has(d.id)) caseLabels.set(d.id, { ...dossierLabel(d), href: urls.account(d.id) });
    }
    const label = (id: string) => caseLabels.get(id)?.label ?? profileLabel({ handle: null, authorId: id }).label;

    const ctx: RenderContext = {
      file: entry.file,
      lineOffset: entry.bodyLineOffset,
      locale: entry.data.language,
      timeZone: entry.data.timeZone,
      caseId: entry.id,
      caseData: entry.data,
      model,
      sources: sourcesData,
      entities: entitiesData,
      accounts: accountsData,
      account: (id) => caseLabels.get(id),
      urls,
      anchorAliases: options.anchorAliases?.[`/cases/${entry.id}/`] ?? {},
      // The one decision the release and the pages take too (sitePrivacy).
      showPost: (post) => privacy.card(post),
    };
    const report = renderMarkdown(entry.body, ctx);
    diagnostics.push(...report.diagnostics, ...checkClaims(entry, report.findings.map((f) => f.id), model));
    if (checkOnly.has(entry)) continue;

    const charts = new Map<string, SiteChart>();
    for (const c of report.charts) charts.set(c.id, { id: c.id, caption: c.output.title, output: c.output });
    const profilesById = new Map(model.profiles.map((p) => [p.authorId, p]));
    const chartCtx = { model, caseData: entry.data, locale: entry.data.language, timeZone: entry.data.timeZone, label, profiles: profilesById };
    for (const h of entry.data.hashtags) {
      for (const spec of [timelineSpec(h.tag, 'day'), timelineSpec(h.tag, 'hour'), topAccountsSpec(h.tag)]) {
        if (charts.has(chartId(spec))) continue;
        const chart = modelChart(spec, chartCtx);
        charts.set(chart.id, chart);
      }
    }

    const siteCase: SiteCase = {
      id: entry.id,
      entry,
      data: entry.data,
      model,
      report,
      datasets,
      updated: [entry.data.published, entry.data.updated ?? '', ...entry.data.corrections.map((c) => c.date)].sort().at(-1)!,
      synthetic: datasets.some((d) => d.manifest.synthetic),
      accountPages: pageIds,
      charts,
    };
    cases.push(siteCase);

    for (const profile of model.profiles) {
      const pageId = accountPageId(profile);
      if (!withPage.has(pageId)) continue;
      const accountLabel = caseLabels.get(profile.authorId)!;
      // A private person's platform id would name the chart's files and HTML ids: their dossier id stands in.
      const dossier = profile.dossierId ? project.accounts.get(profile.dossierId) : undefined;
      const heatmap = modelChart(heatmapSpec(dossier?.data.subject === 'private' ? dossier.id : profile.authorId), chartCtx);
      charts.set(heatmap.id, heatmap);
      const owner = profile.dossierId ? `dossier:${profile.dossierId}` : accountIdentity(profile);
      const existing = accountPages.get(pageId);
      if (existing && existing.identity !== owner) {
        diagnostics.push(pageCollision(pageId, existing, owner, entry, project.accounts));
        continue;
      }
      const page = existing ?? newAccountPage(pageId, owner, accountLabel, profile, project.accounts);
      page.cases.push({ caseId: entry.id, profile, heatmapChartId: heatmap.id });
      accountPages.set(pageId, page);
    }
  }

  /** A case body checked without data: everything but the figures, charts and cards that need it. */
  function proseOnly(body: string, file: string, lineOffset: number, locale: string, timeZone: string): Diagnostic[] {
    const prose = renderMarkdown(body, {
      file,
      lineOffset,
      locale,
      timeZone,
      sources: sourcesData,
      entities: entitiesData,
      accounts: accountsData,
      account: (id) => labelForDossier(project.accounts.get(id), urls),
      urls,
    });
    return prose.diagnostics.filter((d) => d.ruleId !== 'markdown/no-case-data');
  }

  // Every dossier has a page, with or without posts in a dataset.
  for (const d of dossiers) {
    const existing = accountPages.get(d.id);
    if (existing && existing.identity !== `dossier:${d.id}`) diagnostics.push(pageCollision(d.id, existing, `dossier:${d.id}`, undefined, project.accounts));
    if (!existing) accountPages.set(d.id, { pageId: d.id, identity: `dossier:${d.id}`, label: { ...dossierLabel(d), href: urls.account(d.id) }, dossier: d, cases: [] });
  }
  // Dossier bodies are rendered once, outside any case: data directives belong in reports.
  for (const page of accountPages.values()) {
    if (!page.dossier) continue;
    const d = page.dossier;
    const firstCase = cases.find((c) => page.cases.some((pc) => pc.caseId === c.id));
    const rendered = renderMarkdown(d.body, {
      file: d.file,
      lineOffset: d.bodyLineOffset,
      locale: firstCase?.data.language ?? 'en',
      timeZone: firstCase?.data.timeZone ?? 'UTC',
      sources: sourcesData,
      entities: entitiesData,
      accounts: accountsData,
      account: (id) => (firstCase ? labels.get(firstCase.id)?.get(id) : undefined) ?? labelForDossier(project.accounts.get(id), urls),
      urls,
    });
    diagnostics.push(...rendered.diagnostics);
    page.dossierHtml = rendered;
  }

  // Entity and source bodies, and the bodies of invalid files (checked so every mistake shows in one run).
  const standalone = (entry: ContentEntry<unknown>): RenderResult => {
    const rendered = renderMarkdown(entry.body, {
      file: entry.file,
      lineOffset: entry.bodyLineOffset,
      locale: 'en',
      timeZone: 'UTC',
      sources: sourcesData,
      entities: entitiesData,
      accounts: accountsData,
      account: (id) => labelForDossier(project.accounts.get(id), urls),
      urls,
    });
    diagnostics.push(...rendered.diagnostics);
    return rendered;
  };
  const entityHtml = new Map([...project.entities].map(([id, e]) => [id, standalone(e)]));
  const sourceHtml = new Map([...project.sources].map(([id, e]) => [id, standalone(e)]));
  project.invalidBodies.forEach(standalone);

  cases.sort((a, b) => (a.data.published < b.data.published ? 1 : a.data.published > b.data.published ? -1 : a.id < b.id ? -1 : 1));

  const site: Site = {
    root: project.root,
    urls,
    version: options.version,
    project,
    cases,
    privacy,
    accounts: new Map([...accountPages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    entities: project.entities,
    entityHtml,
    sources: project.sources,
    sourceHtml,
    accountLabel: (caseId, id) => labels.get(caseId)?.get(id) ?? { ...profileLabel({ handle: null, authorId: id }) },
    hashtagChartIds: (_caseId, tag) => ({
      timelineDay: chartId(timelineSpec(tag, 'day')),
      timelineHour: chartId(timelineSpec(tag, 'hour')),
      topAccounts: chartId(topAccountsSpec(tag)),
    }),
  };
  return { site, diagnostics };
}

/** A fact-check must point at a finding of the report, and at a post of the data when it names one. */
function checkClaims(entry: ContentEntry<Case>, findings: string[], model: ReportModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  entry.data.claims.forEach((claim, i) => {
    if (!findings.includes(claim.finding)) {
      out.push(
        diagnostic({
          file: entry.file,
          ...(entry.locate(['claims', i, 'finding']) ?? {}),
          ruleId: 'reference/finding',
          message: `Unexpected finding \`${claim.finding}\`, expected the id of a finding heading in this report (${findings.map((f) => `\`${f}\``).join(', ') || 'none yet'}).`,
          hint: 'Give the finding a permanent id in its heading: `## Title {#finding-id}`.',
        }),
      );
    }
    if (claim.appearance.post && !model.posts[claim.appearance.post]) {
      out.push(
        diagnostic({
          file: entry.file,
          ...(entry.locate(['claims', i, 'appearance', 'post']) ?? {}),
          ruleId: 'reference/post',
          message: `Unexpected post \`${claim.appearance.post}\`, expected the id of a post in the case's datasets.`,
        }),
      );
    }
  });
  return out;
}

function newAccountPage(
  pageId: string,
  identity: string,
  label: AccountLabel,
  profile: AccountProfile,
  dossiers: Map<string, ContentEntry<Account>>,
): SiteAccount {
  const dossier = profile.dossierId ? dossiers.get(profile.dossierId) : undefined;
  return { pageId, identity, label, ...(dossier ? { dossier } : {}), cases: [] };
}

/**
 * Two accounts would share one page (a dossier named like another account's id form, or one handle held by
 * different accounts in two cases): an error at the dossier, or at the later case, never a merged page.
 */
function pageCollision(
  pageId: string,
  existing: SiteAccount,
  identity: string,
  entry: ContentEntry<Case> | undefined,
  dossiers: Map<string, ContentEntry<Account>>,
): Diagnostic {
  const dossierId = [existing.identity, identity].find((i) => i.startsWith('dossier:'))?.slice('dossier:'.length);
  const dossier = dossierId === undefined ? undefined : dossiers.get(dossierId);
  const who = (i: string) => (i.startsWith('dossier:') ? `the dossier \`${i.slice(8)}\`` : `the dataset account \`${i}\``);
  return diagnostic({
    file: dossier?.file ?? entry?.file ?? 'content',
    ruleId: 'account/page-collision',
    message: `Unexpected second account on the page \`/accounts/${pageId}/\` (${who(identity)}, already ${who(existing.identity)}), expected one page per account.`,
    hint: dossier
      ? 'Rename the dossier file, or give it the `platformId` of the dataset account if they are the same account.'
      : 'Add a dossier with the `platformId` of one of the two accounts, so its page is named by the dossier.',
  });
}

function labelForDossier(dossier: ContentEntry<Account> | undefined, urls: SiteUrls): AccountLabel | undefined {
  return dossier ? { ...dossierLabel(dossier), href: urls.account(dossier.id) } : undefined;
}
