/**
 * Who an account amplified, or who amplified it: accounts and their count of reposts and quotes, as one piece
 * of markup. An account page shows two of these with up to 20 rows each; as Astro components (one
 * `AccountName` instance a row) they cost more of the render than the rest of the page around them
 * (BENCHMARKS.md, "Pages without copies").
 */
import type { AccountLabel } from '../aggregate/account-names.ts';
import { translator } from '../locale/messages.ts';
import { accountNameHtml } from './account-name.ts';
import { element, join, text, type Html } from './html.ts';
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

export function amplificationTableHtml({ id, heading, caption, empty, rows, n, locale }: AmplificationTable): Html {
  const t = translator(locale);
  // A ranking where every count ties ranks nothing: say so, and list the accounts without the column.
  const tied = rows.length > 1 && rows.every((r) => r.count === rows[0]!.count);
  const body =
    rows.length === 0
      ? element('p', null, text(empty))
      : tied
        ? element('p', { class: 'ranking-tied' }, [
            text(`${t('amplification.tied', { count: n(rows.length), times: rows[0]!.count })} `),
            ...rows.flatMap((a, i) => [accountNameHtml(a.account, locale), text(i < rows.length - 1 ? ', ' : '.')]),
          ])
        : element('section', tableScrollAttributes(`${id}-caption`), [
            element('table', null, [
              element('caption', { id: `${id}-caption` }, text(caption)),
              element('thead', null, [
                element('tr', null, [
                  element('th', { scope: 'col' }, text(t('amplification.account'))),
                  element('th', { scope: 'col', class: 'num' }, text(t('amplification.count'))),
                ]),
              ]),
              element(
                'tbody',
                null,
                rows.map((a) => element('tr', null, [element('th', { scope: 'row' }, accountNameHtml(a.account, locale)), element('td', { class: 'num' }, text(n(a.count)))])),
              ),
            ]),
          ]);
  return join([element('h3', { id }, text(heading)), body]);
}
