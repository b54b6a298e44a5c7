/**
 * The accounts page lists the most active accounts, not all of them: a dataset of thousands of accounts
 * made a page of megabytes that no phone could scroll. Accounts with a page of their own (dossiers, the
 * top N) are always listed, so the table still leads to every account page; the CSV holds every account.
 */

/** How many of the most active accounts the page lists before it points to the CSV. */
export const ACCOUNTS_TABLE_ROWS = 250;

export function accountsTableRows<T>(accounts: readonly T[], hasPage: (account: T) => boolean, limit = ACCOUNTS_TABLE_ROWS): { rows: T[]; left: number } {
  const rows = accounts.filter((a, rank) => rank < limit || hasPage(a));
  return { rows, left: accounts.length - rows.length };
}
