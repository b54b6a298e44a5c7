/**
 * Who an account amplified, or who amplified it: accounts and their count of reposts and quotes, as one piece
 * of hast. An account page shows two of these with up to 20 rows each; as Astro components (one
 * `AccountName` instance a row) they cost more of the render than the rest of the page around them
 * (BENCHMARKS.md, "Pages without copies").
 */
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { AccountLabel } from '../aggregate/account-names.ts';
import { translator } from '../locale/messages.ts';
import { accountName } from './account-name.ts';
import { tableScrollAttributes } from './table-scroll.ts';

export interface AmplificationTable {
  /** Unique on the page; the heading and caption ids derive from it. */
  id: string;
  heading: string;
  caption: string;
  /** Said instead of the table when there is nobody to list. */
  empty: string;
  rows: readonly { account: AccountLabel; count: number }[];
  n: (value: number) => string;
  /** Locale of the table's own words. */
  locale: string;
}

export function amplificationTableHtml({ id, heading, caption, empty, rows, n, locale }: AmplificationTable): string {
  const t = translator(locale);
  // A ranking where every count ties ranks nothing: say so, and list the accounts without the column.
  const tied = rows.length > 1 && rows.every((r) => r.count === rows[0]!.count);
  const body: ElementContent =
    rows.length === 0
      ? h('p', empty)
      : tied
        ? h('p', { class: 'ranking-tied' }, [
            `${t('amplification.tied', { count: n(rows.length), times: rows[0]!.count })} `,
            ...rows.flatMap((a, i) => [...accountName(a.account, locale), i < rows.length - 1 ? ', ' : '.']),
          ])
        : h('section', tableScrollAttributes(`${id}-caption`), [
            h('table', [
              h('caption', { id: `${id}-caption` }, caption),
              h('thead', [
                h('tr', [h('th', { scope: 'col' }, t('amplification.account')), h('th', { scope: 'col', class: 'num' }, t('amplification.count'))]),
              ]),
              h(
                'tbody',
                rows.map((a) => h('tr', [h('th', { scope: 'row' }, accountName(a.account, locale)), h('td', { class: 'num' }, n(a.count))])),
              ),
            ]),
          ]);
  return toHtml({ type: 'root', children: [h('h3', { id }, heading), body] });
}
