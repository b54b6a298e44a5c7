/**
 * The report opens on its story: on a 360 x 740 phone and a 1280 x 800 desktop, the first screen holds
 * the headline, the standfirst, the lead finding and its first key figure. The navigation is one line on
 * a phone, opens without JavaScript, and never shows the same address twice.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveSite, type StaticServer } from './static-server.ts';

const { example } = inject('browserSites');
const SCREENS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
] as const;
const REPORT = 'cases/new-caledonia-2024/';

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

/** A page with JavaScript off: everything here must work without it. */
async function open(width: number, height: number, pagePath: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}${pagePath}`);
  return page;
}

/** Where an element sits relative to the first screen: fully inside it, and visible. */
async function onFirstScreen(page: Page, selector: string): Promise<{ text: string; top: number; bottom: number; visible: boolean }> {
  const locator = page.locator(selector).first();
  const box = await locator.boundingBox();
  return { text: (await locator.innerText()).trim(), top: box?.y ?? -1, bottom: box ? box.y + box.height : Infinity, visible: await locator.isVisible() };
}

/** Visible links of the page header as `label → href`. */
async function headerLinks(page: Page): Promise<{ label: string; href: string }[]> {
  const links = page.locator('header.site-header a');
  const out: { label: string; href: string }[] = [];
  for (const link of await links.all()) {
    if (await link.isVisible()) out.push({ label: (await link.innerText()).trim(), href: new URL((await link.getAttribute('href'))!, server.url).pathname });
  }
  return out;
}

describe.each(SCREENS)('the report at $width x $height', ({ width, height }) => {
  it('shows the headline, the standfirst, the lead finding and its key figure on the first screen', async () => {
    expect(example.error, example.error).toBeUndefined();
    const page = await open(width, height, REPORT);
    const headline = await onFirstScreen(page, 'h1');
    const standfirst = await onFirstScreen(page, '.standfirst');
    const lead = await onFirstScreen(page, '.lead-finding a');
    const figure = await onFirstScreen(page, '.key-figures dd');
    expect(headline.text).toMatch(/^#RecognizeNewCaledonia: how a hashtag campaign/);
    expect(lead.text).toBe('A campaign that peaked on its first day');
    expect(figure.text).toBe('1,413');
    for (const [name, box] of Object.entries({ headline, standfirst, lead, figure })) {
      expect(box.visible, name).toBe(true);
      expect(box.bottom, `${name} ends ${Math.round(box.bottom)} px down, below the first screen`).toBeLessThanOrEqual(height);
    }
    // The lead finding's link leads to the finding in the report.
    expect(await page.locator('.lead-finding a').getAttribute('href')).toBe('#first-day-peak');
    await page.context().close();
  });

  it('keeps the navigation to one visible copy of each link, on one line on a phone', async () => {
    const page = await open(width, height, REPORT);
    const links = await headerLinks(page);
    const hrefs = links.map((l) => l.href);
    expect(hrefs.length, JSON.stringify(links)).toBe(new Set(hrefs).size);
    const labels = links.map((l) => l.label);
    expect(labels.length).toBe(new Set(labels).size);
    const header = await page.locator('header.site-header').boundingBox();
    if (width < 768) {
      // The site's name and the menu button: one line.
      expect(header!.height).toBeLessThan(64);
      expect(labels).toEqual(['Casefile']);
    } else {
      expect(labels).toEqual(expect.arrayContaining(['Report', 'Sources', 'All sources', 'Search', '#RecognizeNewCaledonia']));
    }
    await page.context().close();
  });
});

describe('the phone menu without JavaScript', () => {
  it('opens on a tap and lists the case sections and the site pages once each', async () => {
    const page = await open(360, 740, REPORT);
    await page.locator('header .menu summary').click();
    const links = await headerLinks(page);
    const labels = links.map((l) => l.label);
    expect(labels).toEqual([
      'Casefile',
      'Report',
      '#RecognizeNewCaledonia',
      '#FrenchColonialism',
      'Accounts',
      'Sources',
      'Methodology',
      'Data',
      'Corrections',
      'All sources',
      'Search',
    ]);
    expect(await page.locator('header a[aria-current="page"]:visible').innerText()).toBe('Report');
    await page.context().close();
  });

  it('folds the contents on a phone, and opens them on a tap', async () => {
    const page = await open(360, 740, REPORT);
    const firstEntry = page.locator('nav.toc li a').first();
    expect(await firstEntry.isVisible()).toBe(false);
    await page.locator('nav.toc summary').click();
    expect(await firstEntry.isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('the report in another language', () => {
  it('is one link away at the foot of the page, without JavaScript, and links back', async () => {
    const page = await open(360, 740, REPORT);
    const french = page.locator('footer nav.language-switcher a[hreflang="fr"]');
    expect(await french.innerText()).toBe('Français');
    await french.click();
    await page.waitForLoadState('load');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(new URL(page.url()).pathname).toMatch(/\/fr\/cases\/new-caledonia-2024\/$/);
    expect(await page.locator('footer nav.language-switcher a').allInnerTexts()).toEqual(['English']);
    await page.context().close();
  });
});
