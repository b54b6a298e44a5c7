/**
 * Assembles the site from a checked project (src/check/check-project.ts): per case, the rendered report, its
 * charts and the account pages; dossier, entity and source bodies rendered. The check has decided every
 * case, name and page, and reported every problem; nothing here reports or writes files.
 */
import type { AccountProfile } from '../aggregate/model.ts';
import type { ContentEntry } from '../content/project.ts';
import type { CheckResult } from '../check/checked.ts';
import { renderMarkdown } from '../markdown/index.ts';
import type { RenderContext, RenderResult } from '../markdown/types.ts';
import { profileLabel } from '../aggregate/account-names.ts';
import { chartId } from '../markdown/chart-parse.ts';
import { heatmapSpec, modelChart, timelineSpec, topAccountsSpec } from './model-charts.ts';
import type { Site, SiteAccount, SiteCase, SiteChart, SiteDataset, SiteVersion } from './types.ts';

export interface PrepareOptions {
  version: SiteVersion;
}

/** The site from a checked project: what the check decided, rendered. */
export function prepareSite(checked: CheckResult, options: PrepareOptions): Site {
  const { project, urls, privacy } = checked;
  const datasetsOf = new Map(checked.cases.map((c) => [c.id, c.datasets.map(({ id, dir, manifest }): SiteDataset => ({ id, dir, manifest }))]));
  /** A private person's platform id would name the heatmap's files and HTML ids: their dossier id stands in. */
  const heatmapAccount = (profile: AccountProfile): string => {
    const dossier = profile.dossierId ? project.accounts.get(profile.dossierId) : undefined;
    return dossier?.data.subject === 'private' ? dossier.id : profile.authorId;
  };
  const bodyContext = (file: string): RenderContext => {
    const ctx = checked.contexts.get(file);
    if (!ctx) throw new Error(`${file} was not checked.`);
    return ctx;
  };

  const cases: SiteCase[] = [];
  const translations: SiteCase[] = [];
  // Each case's profiles by account, made once: an account page looks its profile up here, and a
  // search of the list per page cost 10,000 pages × 10,000 profiles in a case with 10,000 account pages.
  const profilesByCase = new Map(checked.cases.map((c) => [c.id, new Map(c.model.profiles.map((p) => [p.authorId, p]))]));
  for (const c of checked.cases) {
    const { entry, model } = c;
    const label = (id: string) => c.accounts.labels.get(id)?.label ?? profileLabel({ handle: null, authorId: id }).label;
    const profilesById = profilesByCase.get(c.id)!;
    const versions = [
      { language: entry.data.language, href: urls.caseReport(entry.id), original: true },
      ...c.translations.map((t) => ({ language: t.language, href: urls.inLanguage(t.language).caseReport(entry.id), original: false })),
    ];
    /** One language version: its body rendered, and every chart of its pages drawn in its language. */
    const version = (versionEntry: typeof entry, prefix?: string): SiteCase => {
      // The one decision the release and the pages take too (sitePrivacy).
      const report = renderMarkdown(versionEntry.body, { ...bodyContext(versionEntry.file), showPost: (post) => privacy.card(post) });
      const charts = new Map<string, SiteChart>();
      for (const chart of report.charts) charts.set(chart.id, { id: chart.id, caption: chart.output.title, output: chart.output });
      // Chart ids begin with their kind's name, never a digit, so the record keeps the order they were drawn in.
      const data = versionEntry.data;
      const chartCtx = { model, caseData: data, locale: data.language, timeZone: data.timeZone, label, profiles: profilesById };
      for (const h of data.hashtags) {
        for (const spec of [timelineSpec(h.tag, 'day'), timelineSpec(h.tag, 'hour'), topAccountsSpec(h.tag)]) {
          if (charts.has(chartId(spec))) continue;
          const chart = modelChart(spec, chartCtx);
          charts.set(chart.id, chart);
        }
      }
      // Every account with a page in this case has its heatmap, drawn once: account pages are the site's, not a translation's.
      if (prefix === undefined) {
        const withPage = new Set(c.accounts.pageIds);
        for (const profile of model.profiles) {
          if (!withPage.has(c.accounts.pageId(profile))) continue;
          const heatmap = modelChart(heatmapSpec(heatmapAccount(profile)), chartCtx);
          charts.set(heatmap.id, heatmap);
        }
      }
      return {
        id: entry.id,
        ...(prefix !== undefined ? { prefix } : {}),
        versions,
        data,
        model,
        ...(c.engine ? { engine: c.engine } : {}),
        report,
        datasets: datasetsOf.get(c.id)!,
        updated: [data.published, data.updated ?? '', ...data.corrections.map((x) => x.date)].sort().at(-1)!,
        synthetic: c.datasets.some((d) => d.manifest.synthetic),
        accountPages: c.accounts.pageIds,
        charts: Object.fromEntries(charts),
      };
    };
    cases.push(version(entry));
    for (const t of c.translations) translations.push(version(t.entry, t.language));
  }

  const accounts: SiteAccount[] = [];
  for (const [pageId, page] of checked.accountPages) {
    const sections = page.cases.map(({ caseId, authorId }) => {
      const profile = profilesByCase.get(caseId)!.get(authorId)!;
      return { caseId, profile, heatmapChartId: chartId(heatmapSpec(heatmapAccount(profile))) };
    });
    const dossier = page.dossier ? { dossier: { id: page.dossier.id, data: page.dossier.data } } : {};
    const account: SiteAccount = { pageId, identity: page.identity, label: page.label, ...dossier, cases: sections };
    // Dossier bodies are rendered once, outside any case: data directives belong in reports.
    if (page.dossier && page.identity === `dossier:${page.dossier.id}`) account.dossierHtml = renderMarkdown(page.dossier.body, bodyContext(page.dossier.file));
    accounts.push(account);
  }

  const standalone = <T>(entry: ContentEntry<T>): { id: string; data: T; body: RenderResult } => ({ id: entry.id, data: entry.data, body: renderMarkdown(entry.body, bodyContext(entry.file)) });

  cases.sort((a, b) => (a.data.published < b.data.published ? 1 : a.data.published > b.data.published ? -1 : a.id < b.id ? -1 : 1));
  const labels = Object.fromEntries(checked.cases.map((c) => [c.id, Object.fromEntries(c.accounts.labels)]));

  return {
    root: project.root,
    // The host's root: every site path carries the base already, so only the host resolves it.
    addresses: { base: urls.base, origin: urls.absolute('/') },
    version: options.version,
    cases,
    translations: cases.flatMap((c) => translations.filter((t) => t.id === c.id)),
    privatePeople: [...privacy.people],
    accounts,
    entities: [...project.entities.values()].map(standalone),
    sources: [...project.sources.values()].map(standalone),
    accountLabels: labels,
  };
}
