import { describe, expect, it } from 'vitest';
import { context } from '../../test/fixtures/markdown/context.ts';
import { renderMarkdown } from './index.ts';

describe('renderMarkdown findings', () => {
  it('gives a heading with {#id} that id, a self-link and a data-finding hook', () => {
    const r = renderMarkdown('## Viral montage {#montage-first-post}\n', context());
    expect(r.html).toBe(
      '<h2 id="montage-first-post" data-finding="montage-first-post" data-permanent="">Viral montage' +
        '<a class="anchor" href="#montage-first-post" aria-label="Link to this finding"></a></h2>',
    );
    expect(r.findings).toEqual([{ id: 'montage-first-post', title: 'Viral montage', line: 11 }]);
  });

  it('gives other headings slug ids that never take an explicit id', () => {
    const r = renderMarkdown('# Intro\n\n## Intro\n\n## Other {#intro-1}\n', context());
    expect(r.headings).toEqual([
      { depth: 1, id: 'intro', text: 'Intro', line: 11 },
      { depth: 2, id: 'intro-2', text: 'Intro', line: 13 },
      { depth: 2, id: 'intro-1', text: 'Other', line: 15 },
    ]);
    expect(r.findings.map((f) => f.id)).toEqual(['intro-1']);
  });

  it('reports a duplicate finding id and one that is not a slug', () => {
    const r = renderMarkdown('## A {#same}\n\ntext\n\n## B {#same}\n\n## C {#Not Slug}\n', context({ lineOffset: 3 }));
    expect(r.diagnostics.map((d) => [d.ruleId, d.start.line, d.start.column])).toEqual([
      ['markdown/duplicate-id', 8, 1],
      ['markdown/finding-id', 10, 1],
    ]);
    expect(r.diagnostics[0]!.message).toContain('first used on line 4');
  });

  it('keeps a retired id of a finding (an alias in anchors.lock.json) as a permanent anchor in its heading', () => {
    const r = renderMarkdown('## Viral montage {#montage}\n', context({ anchorAliases: { 'the-montage': 'montage', other: 'elsewhere' } }));
    expect(r.html).toBe(
      '<h2 id="montage" data-finding="montage" data-permanent=""><span id="the-montage" data-permanent=""></span>Viral montage' +
        '<a class="anchor" href="#montage" aria-label="Link to this finding"></a></h2>',
    );
    expect(r.findings).toEqual([{ id: 'montage', title: 'Viral montage', line: 11 }]);
  });
});
