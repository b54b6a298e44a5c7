import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { accountNameHtml } from './account-name.ts';
import { amplificationTableHtml, type AmplificationTable } from './amplification-table.ts';

const n = (v: number) => String(v);
const table = (rows: AmplificationTable['rows']): Document =>
  parseHTML(`<html><body>${amplificationTableHtml({ id: 'c-amplified', heading: 'Whom it amplified', caption: 'Accounts it reposted', empty: 'Nobody.', rows, n, locale: 'en' })}</body></html>`).document;
const text = (doc: Document, selector: string) => doc.querySelector(selector)?.textContent ?? null;

const linked = { label: '@alpha', handle: 'alpha', href: '/accounts/x/alpha/', pseudonymised: false };
const plain = { label: '@beta', handle: 'beta', pseudonymised: false };
const pseudonym = { label: 'Private person 1', handle: null, pseudonymised: true };

describe('the amplification table', () => {
  test('ranks accounts by count in a labelled, scrolling table, each named as AccountName names it', () => {
    const doc = table([{ account: linked, count: 3 }, { account: plain, count: 1 }]);
    expect(text(doc, 'h3#c-amplified')).toBe('Whom it amplified');
    const region = doc.querySelector('section.table-scroll')!;
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.getAttribute('aria-labelledby')).toBe('c-amplified-caption');
    expect(text(doc, 'caption#c-amplified-caption')).toBe('Accounts it reposted');
    const rows = [...doc.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('th')!.innerHTML, tr.querySelector('td.num')!.textContent]);
    expect(rows).toEqual([
      [accountNameHtml(linked, 'en'), '3'],
      [accountNameHtml(plain, 'en'), '1'],
    ]);
  });

  test('says when every count ties, and lists the names as a sentence: commas, no space before them, a full stop', () => {
    const doc = table([{ account: linked, count: 1 }, { account: plain, count: 1 }, { account: pseudonym, count: 1 }]);
    expect(doc.querySelector('table')).toBeNull();
    expect(text(doc, 'p.ranking-tied')).toBe('All 3 accounts listed tie, with reposts and quotes once each, so none stands out: @alpha, @beta, Private person 1 (pseudonym).');
  });

  test('says who is not there when nobody is', () => {
    const doc = table([]);
    expect(text(doc, 'h3 + p')).toBe('Nobody.');
    expect(doc.querySelector('table, .ranking-tied')).toBeNull();
  });
});

describe('an account name', () => {
  test('links to the account page, isolates the name, and marks a pseudonym', () => {
    expect(accountNameHtml(linked, 'en')).toBe('<a href="/accounts/x/alpha/"><bdi>@alpha</bdi></a>');
    expect(accountNameHtml(pseudonym, 'en')).toBe('<bdi>Private person 1</bdi><span class="muted"> (pseudonym)</span>');
  });

  test('marks a name in the project’s language on a page in another, and a handle never', () => {
    const dossier = { label: 'Account linked to Esmira Xalil', handle: 'esmirakhahil', href: '/accounts/x/esmirakhahil/', pseudonymised: false, lang: 'en' };
    expect(accountNameHtml(dossier, 'fr')).toBe('<a href="/accounts/x/esmirakhahil/"><bdi lang="en">Account linked to Esmira Xalil</bdi></a>');
    expect(accountNameHtml(dossier, 'en')).toBe('<a href="/accounts/x/esmirakhahil/"><bdi>Account linked to Esmira Xalil</bdi></a>');
    expect(accountNameHtml(linked, 'fr')).toBe('<a href="/accounts/x/alpha/"><bdi>@alpha</bdi></a>');
  });

  test('escapes a name from the data', () => {
    const html = accountNameHtml({ label: '<img src=x onerror=alert(1)>&', handle: null, pseudonymised: false }, 'en');
    expect(parseHTML(`<p>${html}</p>`).document.querySelector('img')).toBeNull();
    expect(parseHTML(`<p>${html}</p>`).document.querySelector('bdi')!.textContent).toBe('<img src=x onerror=alert(1)>&');
  });
});
