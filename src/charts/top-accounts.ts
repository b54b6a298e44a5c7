/**
 * The most active accounts as horizontal bars, most active at the top, each bar carrying its value. On a
 * phone each name sits on its own line above its bar, so names and bars both get the full width.
 * Written as SVG directly: bars with values need no axis, and no Plot scale.
 */
import type { ElementContent } from 'hast';
import { s } from 'hastscript';
import { localeFormat, translator } from '../locale/messages.ts';
import { num, writeSvg } from './svg-writer.ts';
import { charWidth, fontSize, layouts, seriesColour, type Layout } from './theme.ts';
import type { ChartOutput } from './types.ts';
import { chartKind, hashtagOption, isChartProblem } from './kind.ts';
import { z } from 'zod';
import { TOP_ACCOUNTS } from '../aggregate/timelines.ts';

export interface TopAccountsInput {
  id: string;
  title: string;
  /** Most active first; labels are account names or handles, untrusted. */
  accounts: { label: string; count: number }[];
  locale: string;
}

/** Room after the longest bar for its value. */
const valueRoom = 40;
const barHeight = 16;

export function topAccountsChart(input: TopAccountsInput): ChartOutput {
  const { accounts, title } = input;
  const f = localeFormat(input.locale);
  const { t } = f;
  const sum = accounts.reduce((s, a) => s + a.count, 0);
  const description = describe();
  const table = {
    columns: [t('chart.rank'), t('chart.account'), t('chart.count')],
    rows: accounts.map((a, i) => [i + 1, a.label, a.count]),
  };
  const data = accounts.map((a, i) => ({ rank: i + 1, account: a.label, count: a.count }));
  const none = { narrow: '', wide: '' };
  if (accounts.length === 0) return { svg: none, unavailable: t('chart.topAccountsEmpty'), title, description, table, data };
  // Bars of equal length rank nothing: say so instead of drawing them.
  if (accounts.length > 1 && accounts.every((a) => a.count === accounts[0]!.count)) {
    return { svg: none, unavailable: t('chart.topAccountsTied', { count: f.number(accounts.length), value: f.posts(accounts[0]!.count) }), title, description, table, data };
  }
  return { svg: { narrow: draw(layouts.narrow), wide: draw(layouts.wide) }, title, description, table, data };

  function draw(layout: Layout): string {
    const narrow = layout.name === 'narrow';
    const max = Math.max(...accounts.map((a) => a.count));
    // Wide: names in a column left of the bars, at most 40% of the width; narrow: names above bars.
    const labelWidth = narrow ? 0 : Math.min(layout.width * 0.4, 8 + Math.max(...accounts.map((a) => [...a.label].length)) * charWidth);
    const barStart = narrow ? 0 : labelWidth + 8;
    const barRoom = layout.width - barStart - valueRoom;
    const step = narrow ? fontSize + barHeight + 12 : barHeight + 10;
    const fit = (label: string) => truncate(label, Math.floor((narrow ? layout.width : labelWidth - 8) / charWidth));
    const bars: ElementContent[] = [];
    const text: ElementContent[] = [];
    accounts.forEach((a, i) => {
      const y = 4 + i * step + (narrow ? fontSize + 4 : 0);
      const w = Math.max(1, (a.count / max) * barRoom);
      bars.push(s('rect', { x: num(barStart), y, width: num(w), height: barHeight }));
      const mid = num(y + barHeight / 2);
      text.push(
        narrow
          ? s('text', { x: 0, y: y - 4, 'text-anchor': 'start' }, fit(a.label))
          : s('text', { x: num(labelWidth), y: mid, dy: '0.32em', 'text-anchor': 'end' }, fit(a.label)),
        s('text', { x: num(barStart + w + 4), y: mid, dy: '0.32em', 'text-anchor': 'start' }, f.number(a.count)),
      );
    });
    const body = [s('g', { style: `fill:${seriesColour(0)}` }, bars), ...text];
    return writeSvg({ id: input.id, kind: 'top-accounts', layout, title, description, height: 8 + accounts.length * step }, body);
  }

  function describe(): string {
    const first = accounts[0];
    const last = accounts.at(-1);
    if (!first || !last) return `${title}. ${t('chart.noData')}`;
    const parts = [`${title}.`, t('chart.topAccountsIntro', { count: accounts.length, first: first.label, value: f.posts(first.count) })];
    if (accounts.length > 1) parts.push(t('chart.topAccountsLast', { label: last.label, value: f.posts(last.count) }), t('chart.topAccountsSum', { value: f.posts(sum) }));
    return parts.join(' ');
  }
}

/** At most `max` characters, the last an ellipsis when cut; the table has names in full. */
function truncate(label: string, max: number): string {
  const chars = [...label];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : label;
}

/** `::chart{kind=top-accounts hashtag=… n=…}`: a hashtag's most active accounts. */
export const topAccountsKind = chartKind({
  kind: 'top-accounts',
  options: {
    hashtag: hashtagOption,
    n: {
      schema: z.string().default(String(TOP_ACCOUNTS)).pipe(z.string().regex(/^\d+$/)).transform(Number).pipe(z.number().min(1).max(TOP_ACCOUNTS)),
      expected: `a whole number from 1 to ${TOP_ACCOUNTS}`,
    },
  },
  id: (o) => [o.hashtag, o.n],
  canonical: (o, tag) => ({ ...o, hashtag: tag(o.hashtag) }),
  build(o, id, { timeline, label, locale }) {
    const tl = timeline(o.hashtag);
    if (isChartProblem(tl)) return { problem: tl };
    const title = translator(locale)('chart.topAccountsTitle', { tag: tl.tag });
    const accounts = tl.topAccounts.slice(0, o.n).map((a) => ({ label: label(a.authorId), count: a.count }));
    return { draw: () => topAccountsChart({ id, title, accounts, locale }) };
  },
});
