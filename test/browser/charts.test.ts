/**
 * Every page of the built example that shows a chart, in Chromium at 320, 360 and 1280 px: each chart is
 * shown in exactly one drawing, that drawing is no wider than its frame (nothing cropped, nothing to
 * scroll), no text of it runs past the drawing's edges (where the SVG would cut it), and no chart text
 * renders below 12 CSS px (its font size times the drawing's screen scale).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveSite, type StaticServer } from './static-server.ts';

const { example } = inject('browserSites');
const WIDTHS = [320, 360, 1280] as const;
const MIN_TEXT_PX = 12;

/** URL paths (relative to the base) of the built pages whose HTML holds a chart figure. */
function chartPages(): string[] {
  if (example.error) return [];
  return (readdirSync(example.dir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html') && readFileSync(path.join(example.dir, f), 'utf8').includes('class="chart"'))
    .map((f) => f.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

interface ChartReport {
  figure: string;
  shown: number;
  frameWidth: number;
  drawingWidth: number;
  drawingRight: number;
  frameRight: number;
  scrolls: boolean;
  smallest: { text: string; px: number } | null;
  /** Texts that reach past the drawing's edges, with how far (px). */
  cut: string[];
}

/** What each chart on the page looks like on screen. */
async function measure(page: Page): Promise<ChartReport[]> {
  return page.evaluate(() => [...document.querySelectorAll('figure.chart')].flatMap((figure) => {
    const frame = figure.querySelector('.chart-frame');
    if (!frame) return [];
    const shown = [...frame.querySelectorAll('svg')].filter((svg) => getComputedStyle(svg).display !== 'none');
    const svg = shown[0]!;
    const box = svg.getBoundingClientRect();
    const frameBox = frame.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    let smallest: { text: string; px: number } | null = null;
    const cut: string[] = [];
    for (const text of svg.querySelectorAll('text')) {
      const px = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (!smallest || px < smallest.px) smallest = { text: text.textContent ?? '', px };
      const at = text.getBoundingClientRect();
      const over = Math.max(box.left - at.left, at.right - box.right, box.top - at.top, at.bottom - box.bottom);
      if (at.width > 0 && over > 0.5) cut.push(`"${text.textContent ?? ''}" by ${over.toFixed(1)} px`);
    }
    return [{
      figure: figure.id,
      shown: shown.length,
      frameWidth: frameBox.width,
      drawingWidth: box.width,
      drawingRight: box.right,
      frameRight: frameBox.right,
      scrolls: frame.scrollWidth > frame.clientWidth,
      smallest,
      cut,
    }];
  }));
}

describe('charts of the example in Chromium', () => {
  const pages = chartPages();
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

  it('has pages with charts: the report, hashtag pages and account pages', () => {
    expect(example.error, example.error).toBeUndefined();
    expect(pages.some((p) => p.includes('/hashtags/'))).toBe(true);
    expect(pages.some((p) => p.startsWith('accounts/'))).toBe(true);
    expect(pages.some((p) => /^cases\/[^/]+\/$/.test(p))).toBe(true);
  });

  it('says when every account of a ranking ties instead of listing them with one count (@esmirakhahil: 20 amplifiers, once each)', () => {
    const html = readFileSync(path.join(example.dir, 'accounts/x/esmirakhahil/index.html'), 'utf8');
    const section = html.slice(html.indexOf('>Who amplified it</h3>'), html.indexOf('>Its most reposted posts</h3>'));
    expect(section).toMatch(/<p class="ranking-tied"[^>]*>\s*All 20 accounts listed tie, with reposts and quotes once each, so none stands out:/);
    expect(section).not.toContain('<table');
  });

  describe.each(WIDTHS)('at %i px', (width) => {
    let page: Page;
    beforeAll(async () => {
      if (example.error) return;
      page = await browser.newPage({ viewport: { width, height: 900 } });
    });
    afterAll(async () => {
      await page?.close();
    });

    it.each(pages)('/%s: every chart whole, in one drawing, its text inside it and of 12 px or more', async (pagePath) => {
      await page.goto(`${server.url}${pagePath}`, { waitUntil: 'load' });
      const charts = await measure(page);
      expect(charts.length).toBeGreaterThan(0);
      const problems = charts.flatMap((c) => [
        ...(c.shown !== 1 ? [`${c.figure}: ${c.shown} drawings shown, expected 1`] : []),
        ...(c.drawingWidth > c.frameWidth + 0.5 || c.drawingRight > c.frameRight + 0.5 ? [`${c.figure}: drawing ${c.drawingWidth} px wide in a ${c.frameWidth} px frame`] : []),
        ...(c.scrolls ? [`${c.figure}: its frame scrolls sideways`] : []),
        ...c.cut.map((text) => `${c.figure}: ${text} past the drawing's edge`),
        ...(c.smallest && c.smallest.px < MIN_TEXT_PX - 0.01 ? [`${c.figure}: "${c.smallest.text}" renders at ${c.smallest.px.toFixed(2)} px`] : []),
      ]);
      expect(problems, `[${width}px] /${pagePath}`).toEqual([]);
    });
  });
});
