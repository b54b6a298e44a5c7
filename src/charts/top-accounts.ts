/** The most active accounts as horizontal bars, most active at the top. */
import * as Plot from '@observablehq/plot';
import { formatters } from './messages.ts';
import { finishSvg, plot } from './svg.ts';
import { chartWidth, fontSize, seriesColour } from './theme.ts';
import type { ChartOutput } from './types.ts';

export interface TopAccountsInput {
  id: string;
  title: string;
  /** Most active first; labels are account names or handles, untrusted. */
  accounts: { label: string; count: number }[];
  locale: string;
}

/** Longest axis label before truncation, so long names cannot squeeze the bars out; the table has them in full. */
const maxLabel = 22;
const barStep = 28;

export function topAccountsChart(input: TopAccountsInput): ChartOutput {
  const { accounts, title } = input;
  const f = formatters(input.locale);
  const { m } = f;
  const sum = accounts.reduce((s, a) => s + a.count, 0);
  const description = describe();
  const table = {
    columns: [m.rank, m.account, m.count],
    rows: accounts.map((a, i) => [i + 1, a.label, a.count]),
  };
  const data = accounts.map((a, i) => ({ rank: i + 1, account: a.label, count: a.count }));

  const labels = accounts.map((a) => truncate(a.label));
  const marginLeft = Math.min(chartWidth / 2, 16 + Math.max(4, ...labels.map((l) => l.length)) * fontSize * 0.6);
  const ranks = accounts.map((_, i) => i);
  const svg = plot({
    height: 48 + Math.max(1, accounts.length) * barStep,
    marginLeft,
    marginRight: 48,
    marginTop: 12,
    marginBottom: 36,
    // Bars are keyed by rank, not label: two accounts may share a display name.
    y: { type: 'band', domain: ranks, tickFormat: (i: number) => labels[i] ?? '', label: null, padding: 0.2 },
    x: { domain: [0, Math.max(1, ...accounts.map((a) => a.count))], nice: true, ticks: 4, grid: true, tickFormat: f.number, label: m.count, labelAnchor: 'center', labelArrow: 'none' },
    marks: [
      Plot.barX(ranks, { y: (i: number) => i, x: (i: number) => accounts[i]!.count, fill: seriesColour(0) }),
      Plot.ruleX([0]),
      Plot.text(ranks, { y: (i: number) => i, x: (i: number) => accounts[i]!.count, text: (i: number) => f.number(accounts[i]!.count), textAnchor: 'start', dx: 4 }),
    ],
  });
  return { svg: finishSvg(svg, input.id, title, description, 'top-accounts'), title, description, table, data };

  function describe(): string {
    const first = accounts[0];
    const last = accounts.at(-1);
    if (!first || !last) return `${title}. ${m.noData}`;
    const parts = [`${title}.`, m.topAccountsIntro(accounts.length, first.label, f.posts(first.count))];
    if (accounts.length > 1) parts.push(m.topAccountsLast(last.label, f.posts(last.count)), m.topAccountsSum(f.posts(sum)));
    return parts.join(' ');
  }
}

function truncate(label: string): string {
  const chars = [...label];
  return chars.length > maxLabel ? `${chars.slice(0, maxLabel - 1).join('')}…` : label;
}
