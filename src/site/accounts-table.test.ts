import { describe, expect, it } from 'vitest';
import { accountsTableRows } from './accounts-table.ts';

describe('accountsTableRows', () => {
  const accounts = Array.from({ length: 1000 }, (_, rank) => ({ rank, page: rank === 700 }));

  it('keeps the most active accounts and every account with a page, and counts the rest', () => {
    const { rows, left } = accountsTableRows(accounts, (a) => a.page, 250);
    expect(rows.map((a) => a.rank)).toEqual([...Array.from({ length: 250 }, (_, i) => i), 700]);
    expect(left).toBe(749);
  });

  it('lists a small dataset whole', () => {
    expect(accountsTableRows(accounts.slice(0, 40), () => false, 250)).toEqual({ rows: accounts.slice(0, 40), left: 0 });
  });
});
