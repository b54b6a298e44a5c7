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

  it('reads a citation whose locator or list wraps onto the next line, and checks its source', () => {
    const r = renderCitations('Wrapped [@viginum-2024, p.\n4] and [@rferl-2024;\n@nowhere, pp.\n  2-3].\n', context());
    expect(r.notes).toEqual([
      { number: 1, sourceId: 'viginum-2024', locator: 'p. 4' },
      { number: 2, sourceId: 'rferl-2024' },
      { number: 2, sourceId: 'nowhere', locator: 'pp. 2-3' },
    ]);
    expect(r.diagnostics.map((d) => [d.ruleId, d.start.line, d.start.column])).toEqual([['reference/source', 13, 1]]);
    expect(r.html).not.toContain('[@');
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

describe('what counts as a citation, and where its note goes', () => {
  const sup = (n: number) => `<sup class="note-ref"><a href="#note-${n}" id="note-ref-${n}">${n}</a></sup>`;

  it('reads ids with dots and underscores, spaces inside the brackets, and a full stop after the id', () => {
    const cited = new Map(sources);
    cited.set('who.int_2024', sources.get('viginum-2024')!);
    const r = renderCitations('A [ @who.int_2024 ]. B [@rferl-2024.]. C [@rferl-2024;@viginum-2024 , p. 9 ].', context({ sources: cited }));
    expect(r.diagnostics).toEqual([]);
    expect(r.notes).toStrictEqual([
      { number: 1, sourceId: 'who.int_2024' },
      { number: 2, sourceId: 'rferl-2024' },
      { number: 3, sourceId: 'rferl-2024' },
      { number: 3, sourceId: 'viginum-2024', locator: 'p. 9' },
    ]);
    expect(r.html).toContain(`<p>A${sup(1)}. B${sup(2)}. C${sup(3)}.</p>`);
  });

  it('keeps no locator when the comma has nothing after it', () => {
    const r = renderCitations('See [@viginum-2024, ].', context());
    expect(r.notes).toStrictEqual([{ number: 1, sourceId: 'viginum-2024' }]);
    expect(r.html).toContain('<li id="note-1"><cite>Un-notorious BIG</cite>, VIGINUM. <a');
  });

  it('leaves brackets whose first character after @ is not a letter or digit, or with text before the @, alone', () => {
    for (const body of ['A [@-x] b.', 'A [@] b.', 'A [see @rferl-2024] b.', 'A [@rferl-2024 @viginum-2024] b.']) {
      const r = renderCitations(body, context());
      expect(r.notes, body).toEqual([]);
      expect(r.html, body).toBe(`<p>${body}</p>`);
    }
  });

  it('starts a new note for a citation that opens a paragraph, even right after another paragraph’s note', () => {
    const r = renderCitations('[@rferl-2024] opens.\n\n[@viginum-2024] opens too.', context());
    expect(r.notes).toEqual([
      { number: 1, sourceId: 'rferl-2024' },
      { number: 2, sourceId: 'viginum-2024' },
    ]);
    expect(r.html).toContain(`<p>${sup(1)} opens.</p>\n<p>${sup(2)} opens too.</p>`);
  });

  it('joins brackets side by side only when nothing but spaces is between them', () => {
    const r = renderCitations('Here [@rferl-2024] , [@viginum-2024] and [@rferl-2024]  [@viginum-2024] end', context());
    expect(r.notes.map((n) => [n.number, n.sourceId])).toEqual([
      [1, 'rferl-2024'],
      [2, 'viginum-2024'],
      [3, 'rferl-2024'],
      [3, 'viginum-2024'],
    ]);
    expect(r.html).toContain(`<p>Here${sup(1)} ,${sup(2)} and${sup(3)} end</p>`);
  });

  it('places each of two identical unknown citations in one line at its own column', () => {
    const r = renderCitations('A [@nope] and [@nope], then [@gone].', context({ lineOffset: 0 }));
    expect(r.diagnostics.map((d) => [d.actual, d.start, d.message, d.hint])).toEqual([
      ['nope', { line: 1, column: 4 }, 'Unexpected source `nope`, expected a file in content/sources.', 'Add content/sources/nope.md or correct the id.'],
      ['nope', { line: 1, column: 16 }, 'Unexpected source `nope`, expected a file in content/sources.', 'Add content/sources/nope.md or correct the id.'],
      ['gone', { line: 1, column: 30 }, 'Unexpected source `gone`, expected a file in content/sources.', 'Add content/sources/gone.md or correct the id.'],
    ]);
    expect(r.html).toContain('<li id="note-1">Unknown source nope.');
  });

  it('names the source an unknown id was meant to be: a typo, or the id written short', () => {
    const r = renderCitations('A [@rferl-2042], B [@viginum].', context({ lineOffset: 0 }));
    expect(r.diagnostics.map((d) => [d.actual, d.hint])).toEqual([
      ['rferl-2042', 'Did you mean `rferl-2024`?'],
      ['viginum', 'Did you mean `viginum-2024`?'],
    ]);
  });

  it('sets a citation remark read as a link reference like any other, and reports an unknown one there', () => {
    const r = renderCitations('See [@rferl-2024], and [@nope].\n\n[@rferl-2024]: https://example.org\n[@nope]: https://example.org\n', context({ lineOffset: 4 }));
    expect(r.html).toContain(`<p>See${sup(1)}, and${sup(2)}.</p>`);
    expect(r.diagnostics.map((d) => [d.ruleId, d.actual, d.start, d.end])).toEqual([
      ['reference/source', 'nope', { line: 5, column: 24 }, { line: 5, column: 31 }],
    ]);
    expect(r.notes).toEqual([
      { number: 1, sourceId: 'rferl-2024' },
      { number: 2, sourceId: 'nope' },
    ]);
  });

  it('leaves a link reference that is not a citation as a link', () => {
    const r = renderCitations('See [the report] and [the report][@rferl-2024].\n\n[the report]: https://example.org\n[@rferl-2024]: https://example.org/r\n', context());
    expect(r.notes).toEqual([]);
    expect(r.html).toBe('<p>See <a href="https://example.org">the report</a> and <a href="https://example.org/r">the report</a>.</p>');
  });

  it('reads a locator written straight after the comma', () => {
    expect(renderCitations('See [@viginum-2024,p. 4].', context()).notes).toEqual([{ number: 1, sourceId: 'viginum-2024', locator: 'p. 4' }]);
  });

  it('sets a citation read as a link reference at the start of a paragraph, after emphasis, and with spaces inside', () => {
    const defs = '\n\n[@rferl-2024]: https://example.org\n[@viginum-2024]: https://example.org/v\n[ @rferl-2024 ]: https://example.org/r\n';
    const r = renderCitations(`[@rferl-2024] opens, *then*[@viginum-2024] and [ @rferl-2024 ].${defs}`, context());
    expect(r.html).toBe(`<p>${sup(1)} opens, <em>then</em>${sup(2)} and${sup(3)}.</p>\n${r.html.slice(r.html.indexOf('<section'))}`);
    expect(r.notes.map((n) => n.sourceId)).toEqual(['rferl-2024', 'viginum-2024', 'rferl-2024']);
  });

  it('leaves images and full or collapsed references alone, even when their label reads as a citation', () => {
    const r = renderCitations('![@rferl-2024] and [@rferl-2024][] and [text][@rferl-2024].\n\n[@rferl-2024]: https://example.org/r.png\n', context());
    expect(r.notes).toEqual([]);
    expect(r.html).toBe(
      '<p><img src="https://example.org/r.png" alt="@rferl-2024"> and <a href="https://example.org/r.png">@rferl-2024</a> and <a href="https://example.org/r.png">text</a>.</p>',
    );
  });

  it('places an unknown source at the start of the body, and one whose brackets span quoted lines at its text', () => {
    const first = renderCitations('[@nope] starts.', context({ lineOffset: 0 }));
    expect(first.diagnostics.map((d) => d.start)).toEqual([{ line: 1, column: 2 }]);
    // The quote's `> ` is not in the text remark gives, so the bracket cannot be found again in the body.
    const quoted = renderCitations('Intro.\n\n> See [@rferl-2024;\n> @nope], and [@gone].', context({ lineOffset: 0 }));
    expect(quoted.diagnostics.map((d) => [d.actual, d.start])).toEqual([
      ['nope', { line: 3, column: 3 }],
      ['gone', { line: 4, column: 16 }],
    ]);
  });

  it('adds no notes section to a body without citations', () => {
    expect(renderCitations('No sources here.', context()).html).toBe('<p>No sources here.</p>');
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
