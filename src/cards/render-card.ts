/**
 * A share card: the 1200 x 630 PNG that link previews show (Open Graph, X). Laid out by satori from plain
 * element objects, rasterised by resvg, in Source Sans 3 read from the installed @fontsource package
 * (SIL Open Font License 1.1): no network, no system font, so the same card gives the same bytes anywhere.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import type { Card } from '../site/share-cards.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** What a card says: decided with the site's pages (src/site/share-cards.ts), drawn here. */
export type { Card };

const fontFiles = [
  { weight: 400, file: 'source-sans-3-latin-400-normal.woff' },
  { weight: 700, file: 'source-sans-3-latin-700-normal.woff' },
  { weight: 400, file: 'source-sans-3-latin-ext-400-normal.woff' },
  { weight: 700, file: 'source-sans-3-latin-ext-700-normal.woff' },
] as const;

/** The package splits the font by script; satori falls back from one named font to the next for a missing glyph. */
const fontName = (file: string) => (file.includes('latin-ext') ? 'Source Sans 3 Ext' : 'Source Sans 3');

/** Folder of the font files and their licence inside the installed package. */
export function fontFolder(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@fontsource/source-sans-3/package.json'));
}

let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined;
function loadFonts() {
  fonts ??= Promise.all(
    fontFiles.map(async ({ weight, file }) => ({
      name: fontName(file),
      data: await readFile(path.join(fontFolder(), 'files', file)),
      weight,
      style: 'normal' as const,
    })),
  );
  return fonts;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: Node | string | (Node | string)[] } };
const el = (type: string, style: Record<string, unknown>, children?: Node['props']['children']): Node => ({ type, props: { style, ...(children === undefined ? {} : { children }) } });

/** Title size that keeps a long headline within four lines. */
function titleSize(title: string): number {
  return title.length > 110 ? 50 : title.length > 70 ? 58 : 68;
}

function layout(card: Card): Node {
  const ink = '#1b1b1a';
  const muted = '#55554f';
  // Sizes are those of the content box: satori adds padding and borders outside them.
  return el('div', { width: CARD_WIDTH - 144, height: CARD_HEIGHT - 16 - 104, display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: '48px 72px 56px', background: '#fdfdfb', borderTop: '16px solid #0b4f99', fontFamily: "'Source Sans 3', 'Source Sans 3 Ext'", color: ink }, [
    el('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'center', fontSize: 30, color: muted }, [
      el('div', { display: 'flex', fontWeight: 700, color: ink }, card.siteName),
      card.synthetic
        ? el('div', { display: 'flex', padding: '4px 16px', border: '3px solid #9a5b00', borderRadius: 6, background: '#fff1d6', color: '#3d2500', fontWeight: 700, fontSize: 26 }, 'SYNTHETIC DATA')
        : el('div', { display: 'flex' }, ''),
    ]),
    el('div', { display: 'flex', flexDirection: 'column' }, [
      el('div', { display: 'flex', fontSize: 28, fontWeight: 700, letterSpacing: 2, color: muted, textTransform: 'uppercase', marginBottom: 12 }, card.kicker),
      el('div', { display: 'flex', fontSize: titleSize(card.title), fontWeight: 700, lineHeight: 1.12, maxHeight: titleSize(card.title) * 1.12 * 4, overflow: 'hidden' }, card.title),
    ]),
    el('div', { display: 'flex', flexDirection: 'column' }, [
      card.figure
        ? el('div', { display: 'flex', alignItems: 'baseline', marginBottom: 8 }, [
            el('div', { display: 'flex', fontSize: 76, fontWeight: 700, color: '#0b4f99', marginRight: 20, lineHeight: 1 }, card.figure.value),
            el('div', { display: 'flex', fontSize: 32, color: ink, lineHeight: 1.2 }, card.figure.label),
          ])
        : el('div', { display: 'flex' }, ''),
      el('div', { display: 'flex', fontSize: 26, color: muted }, card.footer),
    ]),
  ]);
}

/** The card as PNG bytes; the same card always gives the same bytes. */
export async function renderCard(card: Card): Promise<Buffer> {
  const svg = await satori(layout(card) as never, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: await loadFonts() });
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}
