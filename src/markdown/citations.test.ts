import { describe, expect, it } from 'vitest';
import { context, sources } from '../../test/fixtures/markdown/context.ts';
import { renderCitations } from '../../test/fixtures/markdown/render-plugin.ts';

describe('citations in the text', () => {
  const body = 'One [@rferl-2024]. Two [@viginum-2024, p. 4].\n\nBoth [@rferl-2024; @viginum-2024, pp. 2-3].\n';

  it('numbers notes by appearance, a new note per citation, with reference and back-link ids', () => {
    const r = renderCitations(body, context());
    expect(r.diagnostics).toEqual([]);
    expect(r.notes).toEqual([
      { number: 1, sourceId: 'rferl-2024' },
      { number: 2, sourceId: 'viginum-2024', locator: 'p. 4' },
      { number: 3, sourceId: 'rferl-2024' },
      { number: 3, sourceId: 'viginum-2024', locator: 'pp. 2-3' },
    ]);
    expect(r.html).toContain('<sup class="note-ref"><a href="#note-1" id="note-ref-1">1</a></sup>');
    expect(r.html).toContain('<sup class="note-ref"><a href="#note-3" id="note-ref-3">3</a></sup>');
    expect(r.html).toContain('<section class="notes" aria-labelledby="notes-heading"><h2 id="notes-heading">Notes</h2><ol>');
    expect(r.html).toContain('<a href="#note-ref-2" class="note-back" aria-label="Back to reference 2">↩</a>');
    expect(r.html.match(/<li id="note-\d+">/g)).toHaveLength(3);
  });

  it('formats a source in full the first time: authors, title, publisher, date, locator, URL, archived copy, access date', () => {
    const html = renderCitations(body, context()).html;
    expect(html).toContain(
      '<li id="note-1">Jane Roe and John Doe, <cite>Azerbaijan and New Caledonia</cite>, RFE/RL, ' +
        '<time datetime="2024-05-20">May 20, 2024</time>. ' +
        '<a href="https://www.rferl.org/a/new-caledonia.html" class="note-url">' +
        'https://www<wbr>.rferl<wbr>.org<wbr>/a<wbr>/new<wbr>-caledonia<wbr>.html</a> ' +
        '(<a href="https://web.archive.org/web/2024/rferl">archived copy</a>; accessed June 3, 2024).\u00a0<a href="#note-ref-1"',
    );
    expect(html).toContain('<li id="note-2"><cite>Un-notorious BIG</cite>, VIGINUM, p. 4. <a');
  });

  it('gives a source cited again in short form (author or publisher, short title, locator) linking to its full note', () => {
    const html = renderCitations(body, context()).html;
    expect(html).toContain(
      '<li id="note-3">Jane Roe and John Doe, <a href="#note-1"><cite>Azerbaijan and New Caledonia</cite></a>; ' +
        'VIGINUM, <a href="#note-2"><cite>Un-notorious BIG</cite></a>, pp. 2-3.\u00a0<a href="#note-ref-3"',
    );
    expect(html.match(/rferl<wbr>\.org/g)).toHaveLength(1);
  });

  it('sets the marker right after the word, and makes brackets side by side one note', () => {
    const r = renderCitations('Later [@rferl-2024] [@viginum-2024, p. 4], then again\n[@rferl-2024].', context());
    expect(r.html).toContain('<p>Later<sup class="note-ref"><a href="#note-1" id="note-ref-1">1</a></sup>, then again<sup class="note-ref">');
    expect(r.notes).toEqual([
      { number: 1, sourceId: 'rferl-2024' },
      { number: 1, sourceId: 'viginum-2024', locator: 'p. 4' },
      { number: 2, sourceId: 'rferl-2024' },
    ]);
    expect(r.html.match(/<li id="note-\d+">/g)).toHaveLength(2);
  });

  it('marks a title in another language with its lang, in full and short notes', () => {
    const french = new Map(sources);
    french.set('viginum-2024', { ...sources.get('viginum-2024')!, title: 'Nouvelle-Calédonie : des comptes relaient un montage', language: 'fr' });
    const html = renderCitations(body, context({ sources: french })).html;
    expect(html).toContain('<cite lang="fr">Nouvelle-Calédonie : des comptes relaient un montage</cite>, VIGINUM, p. 4.');
    expect(html).toContain('<a href="#note-2"><cite lang="fr">des comptes relaient un</cite></a>, pp. 2-3.');
  });

  it('formats dates and words in the case language', () => {
    const html = renderCitations('Voir [@rferl-2024].', context({ locale: 'fr' })).html;
    expect(html).toContain('<time datetime="2024-05-20">20 mai 2024</time>');
    expect(html).toContain('copie archivée</a>; consulté le 3 juin 2024)');
  });

  it('reads a citation that remark parsed as a link reference', () => {
    const r = renderCitations('See [@rferl-2024].\n\n[@rferl-2024]: https://example.org\n', context());
    expect(r.notes).toEqual([{ number: 1, sourceId: 'rferl-2024' }]);
    expect(r.html).toContain('id="note-ref-1"');
  });

  it('reports an unknown source at the line and column of its @id, past the frontmatter', () => {
    const r = renderCitations('Intro.\n\nSee [@rferl-2024; @nope] and\n> quoted [@gone].\n', context({ lineOffset: 5 }));
    expect(r.diagnostics.map((d) => [d.ruleId, d.actual, d.start])).toEqual([
      ['reference/source', 'nope', { line: 8, column: 19 }],
      ['reference/source', 'gone', { line: 9, column: 11 }],
    ]);
  });

  it('leaves brackets that are not citations alone', () => {
    const r = renderCitations('An email [me@example.org] and [a note].', context());
    expect(r.notes).toEqual([]);
    expect(r.html).not.toContain('note-ref');
  });
});

describe('a note citing a source dated by its month or year only', () => {
  it('names the month or the year, never a day the source does not give', async () => {
    const { formatCalendarDate } = await import('./format.ts');
    expect(formatCalendarDate('2022-09', 'en')).toBe('September 2022');
    expect(formatCalendarDate('2022', 'en')).toBe('2022');
    expect(formatCalendarDate('2022-09-14', 'fr')).toBe('14 septembre 2022');
  });
});
