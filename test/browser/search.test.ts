/**
 * Search, the one feature that needs JavaScript: on the built example, typing a word of a finding
 * lists the report, under the base path, with nothing loaded from another origin.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveSite, type StaticServer } from './static-server.ts';

const { example } = inject('browserSites');
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveSite(example.dir, example.base);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the search page', () => {
  it('finds the report by a word of its findings, and the dossier of an account by its holder', async () => {
    const page = await browser.newPage();
    const origin = new URL(server.url).origin;
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).origin !== origin) elsewhere.push(r.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${server.url}search/`);
    await page.fill('#search input', 'montage');
    const first = page.locator('.pagefind-ui__result-link').first();
    await first.waitFor({ timeout: 20_000 });
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.some((h) => h.startsWith(`${example.base}cases/new-caledonia-2024/`))).toBe(true);

    await page.fill('#search input', 'Behbud');
    await page.waitForFunction(() => [...document.querySelectorAll('.pagefind-ui__result-link')].some((a) => a.getAttribute('href')?.includes('accounts/x/elmeddin-behbud')), undefined, { timeout: 20_000 });
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a ?q= address with its search done, under a labelled field, with clean titles and excerpts', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=montage`);
    const titles = page.locator('.pagefind-ui__result-title');
    await titles.first().waitFor({ timeout: 20_000 });
    expect(await page.getByLabel('Search cases, accounts, entities and sources').inputValue()).toBe('montage');
    const shown = [...(await titles.allInnerTexts()), ...(await page.locator('.pagefind-ui__result-excerpt').allInnerTexts())];
    expect(shown.some((t) => t.includes("The montage's first post"))).toBe(true);
    for (const text of shown) {
      expect(text).not.toMatch(/#$|↩|Download (CSV|JSON)|Cite this/);
    }
    await page.close();
  });

  it('says so when nothing matches', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=zqxjvbnonsense`);
    await page.getByText('Nothing on this site matches zqxjvbnonsense.').waitFor({ timeout: 20_000 });
    expect(await page.locator('.pagefind-ui__result').count()).toBe(0);
    await page.close();
  });
});
