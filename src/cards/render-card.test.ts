import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, renderCard, type Card } from './render-card.ts';

const card: Card = {
  kicker: 'Investigation',
  title: '#RecognizeNewCaledonia: how a hashtag campaign against France was traced to Azerbaijani officials (Ələkbərov)',
  figure: { value: '1,413', label: 'posts under #RecognizeNewCaledonia, May 16–22, 2024' },
  footer: 'Casefile example · November 28, 2026',
  siteName: 'Casefile',
  synthetic: true,
};

/** Width and height from a PNG's IHDR chunk, which follows the 8-byte signature and the chunk's length and type. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('renderCard(card)', () => {
  it('draws a 1200 x 630 PNG, the same bytes every time', async () => {
    const png = await renderCard(card);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngSize(png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
    expect(CARD_WIDTH / CARD_HEIGHT).toBeCloseTo(1.905, 2);
    expect((await renderCard(card)).equals(png)).toBe(true);
  }, 30_000);

  it('draws what it is given: another title, figure or no synthetic badge changes the picture', async () => {
    const png = await renderCard(card);
    expect((await renderCard({ ...card, title: 'Another title' })).equals(png)).toBe(false);
    expect((await renderCard({ ...card, synthetic: false })).equals(png)).toBe(false);
    const { figure: _figure, ...withoutFigure } = card;
    expect((await renderCard(withoutFigure)).equals(png)).toBe(false);
  }, 30_000);
});
