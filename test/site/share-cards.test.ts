/**
 * Share cards on the built example under a base path: the report, each hashtag page and each dossier
 * account name a 1200 x 630 PNG by its absolute address, with a text alternative and the large-image
 * card for X; the PNG is in the site where the address points; other pages name none.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parsePage } from './site-files.ts';

const { exampleBase: build } = inject('siteBuilds');

async function head(page: string) {
  const { document } = parsePage(page, await readFile(path.join(build.dir, page), 'utf8'));
  const meta = (key: string) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? undefined;
  return { meta, document };
}

describe.each([
  'cases/new-caledonia-2024/index.html',
  'cases/new-caledonia-2024/hashtags/recognizenewcaledonia/index.html',
  'accounts/x/esmirakhahil/index.html',
])('%s', (page) => {
  it('names its card by absolute address under the base path, with alt text, and the card is a 1200 x 630 PNG', async () => {
    expect(build.error, build.error).toBeUndefined();
    const { meta } = await head(page);
    const image = meta('og:image')!;
    expect(image).toMatch(new RegExp(`^${build.site}${build.base}cards/.+\\.png$`));
    expect(meta('og:image:alt')!.length).toBeGreaterThan(10);
    expect(meta('og:image:width')).toBe('1200');
    expect(meta('og:image:height')).toBe('630');
    expect(meta('twitter:card')).toBe('summary_large_image');
    const png = await readFile(path.join(build.dir, new URL(image).pathname.slice(build.base.length)));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});

describe('a page without a card', () => {
  it('has no og:image and a small X card', async () => {
    const { meta } = await head('cases/new-caledonia-2024/methodology/index.html');
    expect(meta('og:image')).toBeUndefined();
    expect(meta('twitter:card')).toBe('summary');
  });
});

describe('the report', () => {
  it('gives its card as the NewsArticle image and ships the font licence', async () => {
    const { meta, document } = await head('cases/new-caledonia-2024/index.html');
    const article = [...document.querySelectorAll('script[type="application/ld+json"]')]
      .map((s) => JSON.parse(s.textContent!) as Record<string, unknown>)
      .find((j) => j['@type'] === 'NewsArticle')!;
    expect(article['image']).toEqual([meta('og:image')]);
    expect(await readFile(path.join(build.dir, 'cards/FONT-LICENSE.txt'), 'utf8')).toContain('SIL Open Font License');
  });
});
