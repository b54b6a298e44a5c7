/**
 * Which pages get a share card, and what it says: each report (its lead hashtag's post count), each
 * hashtag page (its post count and peak day) and each dossier account (its posts in the data). Findings
 * are anchors in the report, so they share the report's card. Other account pages get none: a site may
 * have thousands of them, and each card is slow to draw (BENCHMARKS.md, "A share card"). What a card says is
 * decided here, with the pages that show it; src/cards draws it.
 */
import { formatCalendarDate, formatNumber, formatPeakDays, formatPeriod, siteName } from './format.ts';
import type { Site } from './types.ts';
import { siteUrls } from './addresses.ts';

export interface Card {
  /** A line above the title: what the page is ("Investigation", "Hashtag", "Account"). */
  kicker: string;
  title: string;
  /** The page's key figure, shown large. */
  figure?: { value: string; label: string };
  /** Publisher and date, or the case the page belongs to. */
  footer: string;
  siteName: string;
  /** Says "Synthetic data" on the card, as the pages do. */
  synthetic: boolean;
}

export interface ShareCard {
  /** Site-relative path of the PNG, e.g. `cards/cases/x.png`. */
  file: string;
  /** Path of the page it is for, as the page's URL has it (with the base). */
  page: string;
  card: Card;
  /** Text alternative for `og:image:alt`. */
  alt: string;
}

/** `cards/<page path without the base and the trailing slash>.png`. */
function cardFile(base: string, page: string): string {
  return `cards/${page.slice(base.length).replace(/\/$/, '')}.png`;
}

const memo = new WeakMap<Site, ShareCard[]>();

export function siteCards(site: Site): ShareCard[] {
  const known = memo.get(site);
  if (known) return known;
  const urls = siteUrls(site);
  const base = urls.base;
  const cards: ShareCard[] = [];
  const add = (page: string, card: Card, alt: string) => cards.push({ file: cardFile(base, page), page, card, alt });
  for (const siteCase of site.cases) {
    const { data, model } = siteCase;
    const locale = data.language;
    const n = (v: number) => formatNumber(v, locale);
    const synthetic = siteCase.synthetic;
    const lead = data.hashtags.map((h) => ({ tag: h.tag, timeline: model.timelines[h.tag] })).find((t) => t.timeline);
    const footer = `${data.publisher.name} · ${formatCalendarDate(data.published, locale)}`;
    const figure = lead?.timeline ? { value: n(lead.timeline.total), label: `posts under #${lead.tag}, ${formatPeriod(data.period, locale)}` } : undefined;
    add(
      urls.caseReport(siteCase.id),
      { kicker: 'Investigation', title: data.title, ...(figure ? { figure } : {}), footer, siteName, synthetic },
      `${data.title}${figure ? `: ${figure.value} ${figure.label}` : ''}.`,
    );
    for (const h of data.hashtags) {
      const timeline = model.timelines[h.tag];
      if (!timeline) continue;
      const peak = timeline.peakDay.labels.length > 0 ? `, busiest on ${formatPeakDays(timeline.peakDay.labels, locale)}` : '';
      const tagFigure = { value: n(timeline.total), label: `posts by ${n(timeline.accounts)} accounts${peak}` };
      add(
        urls.hashtag(siteCase.id, h.tag),
        { kicker: 'Hashtag', title: `#${h.tag}`, figure: tagFigure, footer: data.title, siteName, synthetic },
        `#${h.tag}: ${tagFigure.value} ${tagFigure.label}.`,
      );
    }
  }
  for (const account of site.accounts) {
    if (!account.dossier) continue;
    const total = account.cases.reduce((sum, c) => sum + c.profile.total, 0);
    const synthetic = account.cases.some((c) => site.cases.find((s) => s.id === c.caseId)?.synthetic);
    const caseTitles = account.cases.flatMap((c) => site.cases.find((s) => s.id === c.caseId)?.data.title ?? []);
    const accountFigure = total > 0 ? { value: formatNumber(total, 'en'), label: total === 1 ? 'post in the data' : 'posts in the data' } : undefined;
    add(
      urls.account(account.pageId),
      { kicker: 'Account dossier', title: account.label.label, ...(accountFigure ? { figure: accountFigure } : {}), footer: caseTitles[0] ?? siteName, siteName, synthetic },
      `${account.label.label}${accountFigure ? `: ${accountFigure.value} ${accountFigure.label}` : ''}.`,
    );
  }
  memo.set(site, cards);
  return cards;
}

/** The card of the page at `pathname`, if it has one. */
export function cardForPage(site: Site, pathname: string): ShareCard | undefined {
  return siteCards(site).find((c) => c.page === pathname);
}
