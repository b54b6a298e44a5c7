import { describe, expect, it } from 'vitest';
import { context } from '../../test/fixtures/markdown/context.ts';
import { renderMarkdown } from './render.ts';

// The figure and citation tests run their stage alone (test/fixtures/markdown/render-plugin.ts); this is
// the whole pipeline, sanitiser included, keeping what those stages make.
describe('renderMarkdown', () => {
  it('keeps a figure’s link to the methodology and a note’s marker, section and back-link through sanitising', () => {
    const r = renderMarkdown('We found :count{hashtag=RecognizeNewCaledonia from=2024-05-16 to=2024-05-22} posts [@rferl-2024].', context());
    expect(r.diagnostics).toEqual([]);
    expect(r.html).toMatch(
      /^<p>We found <a class="figure" href="\/cases\/new-caledonia\/methodology\/#fig-[0-9a-f]{12}" data-figure-key="from=2024-05-16;hashtag=RecognizeNewCaledonia;measure=count;to=2024-05-22">1,413<\/a> posts<sup class="note-ref"><a href="#note-1" id="note-ref-1">1<\/a><\/sup>\.<\/p>\n<section class="notes" aria-labelledby="notes-heading"><h2 id="notes-heading">Notes<\/h2><ol><li id="note-1">Jane Roe and John Doe, <cite>Azerbaijan and New Caledonia<\/cite>/,
    );
    expect(r.html).toContain('<a href="#note-ref-1" class="note-back" aria-label="Back to reference 1">↩</a></li></ol></section>');
  });
});
