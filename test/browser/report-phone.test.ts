/**
 * The example on a 360 px phone. Its widest tables (the report's bursts and clusters, an account's
 * affiliations and top posts, the data page's chart files, the accounts table, a hashtag's cascades, an
 * entity's accounts) read as one card per row, each cell under its column's name
 * or saying what it is, nothing to scroll sideways, and still as tables to a screen reader; the parameters
 * box beside a coordination chart is one tap-sized line that opens without script; every fold and download
 * link is a finger's height (44 px). At 1280 px the same tables are ordinary tables.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveSite, type StaticServer } from './static-server.ts';

const { example } = inject('browserSites');
const REPORT = 'cases/new-caledonia-2024/';
/** Page and caption id of each table shown as cards on a phone. */
const STACKED: [page: string, id: string][] = [
  [REPORT, 'coordination-bursts'],
  [REPORT, 'coordination-clusters'],
  [`fr/${REPORT}`, 'coordination-bursts'],
  ['accounts/x/esmirakhahil/', 'affiliations-caption'],
  ['accounts/x/esmirakhahil/', 'new-caledonia-2024-top-posts-caption'],
  [`${REPORT}data/`, 'charts-caption'],
  [`${REPORT}accounts/`, 'accounts-caption'],
  [`fr/${REPORT}accounts/`, 'accounts-caption'],
  [`${REPORT}hashtags/frenchcolonialism/`, 'cascades-caption'],
  ['entities/esmira-xalil/', 'ties-caption'],
];
const TAP_PX = 44;

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  if (example.error) return;
  browser = await launchChromium();
  server = await serveSite(example.dir, example.base);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page (the report unless named) in a fresh context at `width`, with or without script. */
async function open(width: number, javaScriptEnabled = true, path = REPORT): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  return { context, page };
}

/** How a stacked table shows: its box's scrolling, and each body cell's drawn column name beside its header's. */
async function tableOnScreen(page: Page, id: string) {
  return page.evaluate((id) => {
    const box = document.querySelector(`[aria-labelledby="${id}"]`)!;
    const table = box.querySelector('table')!;
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    const cells = [...table.querySelectorAll('tbody tr')].flatMap((tr) => [...tr.children].map((cell, i) => ({
      column: i,
      header: headers[i],
      text: cell.textContent?.trim() ?? '',
      label: cell.getAttribute('data-label'),
      drawn: getComputedStyle(cell, '::before').content,
      // The name is drawn in the cell's leading padding, which must hold it.
      room: parseFloat(getComputedStyle(cell).paddingInlineStart) - parseFloat(getComputedStyle(cell, '::before').width),
      right: cell.getBoundingClientRect().right,
    })));
    const theadShown = table.querySelector('thead')!.getBoundingClientRect().height > 2;
    return { scrolls: box.scrollWidth > box.clientWidth, boxRight: box.getBoundingClientRect().right, cells, theadShown };
  }, id);
}

describe('the report on a 360 px phone', () => {
  it.each(STACKED)('/%s#%s: one card per row, every cell under its column name or saying what it is, nothing to scroll sideways', async (path, id) => {
    expect(example.error, example.error).toBeUndefined();
    const { context, page } = await open(360, true, path);
    try {
      const shown = await tableOnScreen(page, id);
      expect(shown.scrolls, `${id} scrolls sideways`).toBe(false);
      expect(shown.theadShown).toBe(false);
      expect(shown.cells.length).toBeGreaterThan(0);
      for (const cell of shown.cells) {
        expect(cell.right).toBeLessThanOrEqual(shown.boxRight + 0.5);
        // A row's header heads its card; a cell such as "CSV 410 bytes" names itself.
        if (cell.label === null && (cell.column === 0 || cell.text.startsWith(cell.header!))) continue;
        expect(cell.label).toBe(cell.header);
        // The name is drawn from the attribute, with empty alternative text so a screen reader says it once (as the header).
        expect(cell.drawn).toBe(`"${cell.header}" / ""`);
        expect(cell.room, `${cell.header}: no room for its name`).toBeGreaterThan(0);
      }
    } finally {
      await context.close();
    }
  });

  it.each(STACKED)('/%s#%s is still a table to a screen reader: rows with a row header and cells', async (path, id) => {
    const { context, page } = await open(360, true, path);
    try {
      const tree = await page.locator(`[aria-labelledby="${id}"] table`).ariaSnapshot();
      // YAML quotes an entry whose name holds a colon.
      expect(tree).toMatch(/^- '?table /);
      expect(tree).toMatch(/^\s+- '?rowheader /m);
      expect(tree).toMatch(/^\s+- '?cell /m);
    } finally {
      await context.close();
    }
  });

  it('folds the parameters box beside a coordination chart to one tap-sized line that opens without script', async () => {
    const { context, page } = await open(360, false);
    try {
      const box = page.locator('.chart-with-basis details.coordination-params');
      await expect(box.count()).resolves.toBeGreaterThan(0);
      const first = box.first();
      const closed = await first.boundingBox();
      expect(closed!.height).toBeGreaterThanOrEqual(TAP_PX);
      expect(closed!.height).toBeLessThan(TAP_PX + 12);
      await first.locator('summary').click();
      await expect(first.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
      await expect(first.locator('dl').isVisible()).resolves.toBe(true);
      expect((await first.boundingBox())!.height).toBeGreaterThan(closed!.height * 4);
    } finally {
      await context.close();
    }
  });

  it('makes every fold and every download link at least 44 px tall', async () => {
    const { context, page } = await open(360);
    try {
      const small = await page.evaluate((min) => [...document.querySelectorAll('main summary, .chart-downloads a, .menu summary')]
        .map((e) => ({ what: `${e.parentElement?.className || e.parentElement?.tagName} ${e.textContent?.trim().slice(0, 30)}`, height: e.getBoundingClientRect().height }))
        .filter((e) => e.height > 0 && e.height < min - 0.5), TAP_PX);
      expect(small).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the report at 1280 px', () => {
  it.each(STACKED)('/%s#%s is an ordinary table: its header row shown, no column names drawn in the cells', async (path, id) => {
    const { context, page } = await open(1280, true, path);
    try {
      const shown = await tableOnScreen(page, id);
      expect(shown.theadShown).toBe(true);
      expect(shown.cells.every((c) => c.drawn === 'none' || c.drawn === 'normal')).toBe(true);
    } finally {
      await context.close();
    }
  });
});
