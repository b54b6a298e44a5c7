import { describe, expect, it } from 'vitest';
import { context } from '../../test/fixtures/markdown/context.ts';
import { renderMarkdown } from './index.ts';

/** Anything that would run script in a browser. */
const executable = /<script|<iframe|<object|<embed|<style|\son\w+\s*=|javascript:|vbscript:|data:/i;

describe('renderMarkdown sanitising', () => {
  it('drops script, event handlers and dangerous URLs from author Markdown and HTML', () => {
    const body = [
      '<script>alert(1)</script>',
      '',
      'Text <img src="/x.png" alt="x" onerror="alert(1)"> and <a href="data:text/html,<b>x</b>">d</a>.',
      '',
      '[x](javascript:alert(1)) [y](JaVa\tScRiPt:alert(1)) ![i](data:image/png;base64,AAAA)',
      '',
      '<iframe src="https://evil.example"></iframe><style>body{}</style><p style="x" onclick="alert(1)">p</p>',
      '',
      '<svg><script>alert(1)</script></svg>',
    ].join('\n');
    const r = renderMarkdown(body, context());
    expect(r.html).not.toMatch(executable);
    expect(r.html).toContain('<img src="/x.png" alt="x">');
    expect(r.html).toContain('<p>p</p>');
  });

  it('keeps images only from the site root, with a text alternative', () => {
    const r = renderMarkdown('<img src=x onerror="alert(1)">\n\n![](/map.png)\n', context());
    expect(r.html).not.toMatch(/src="x"/);
    expect(r.diagnostics.map((d) => [d.ruleId, d.start.line])).toEqual([
      ['markdown/image-alt', 11],
      ['markdown/resource-path', 11],
      ['markdown/image-alt', 13],
    ]);
  });

  it('reports each unsafe URL at its position', () => {
    const r = renderMarkdown('Intro\n\nsee [x](javascript:alert(1)) and <a href="data:text/html,hi">d</a>\n', context({ lineOffset: 2 }));
    expect(r.diagnostics.map((d) => [d.ruleId, d.actual, d.start])).toEqual([
      ['markdown/unsafe-url', 'javascript:alert(1)', { line: 5, column: 5 }],
      ['markdown/unsafe-url', 'data:text/html,hi', { line: 5, column: 34 }],
    ]);
  });

  it('reports a link whose address hides a scheme behind other text, which the sanitiser would drop', () => {
    const r = renderMarkdown('[x]([click](javascript:alert(1))) [y](a:b) [z](/p?q=a:b#c:d)', context());
    expect(r.html).toBe('<p><a>x</a> <a>y</a> <a href="/p?q=a:b#c:d">z</a></p>');
    expect(r.diagnostics.map((d) => [d.ruleId, d.actual, d.start.column])).toEqual([
      ['markdown/unsafe-url', '%5Bclick%5D(javascript:alert(1))', 1],
      ['markdown/unsafe-url', 'a:b', 35],
    ]);
  });

  it('keeps http(s), relative and #anchor links, and refuses other hosts without a scheme', () => {
    const r = renderMarkdown('[a](https://example.org/x) [b](/cases/x/) [c](#finding) [d](//evil.example/x)', context());
    expect(r.html).toContain('<a href="https://example.org/x">a</a>');
    expect(r.html).toContain('<a href="/cases/x/">b</a>');
    expect(r.html).toContain('<a href="#finding">c</a>');
    expect(r.html).toContain('<a>d</a>');
    expect(r.diagnostics.map((d) => d.actual)).toEqual(['//evil.example/x']);
  });

  it('keeps images on the site only: a page never loads another origin', () => {
    const r = renderMarkdown('![chart](https://tracker.example/p.png)', context());
    expect(r.html).not.toContain('tracker.example');
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['markdown/unsafe-url']);
  });

  it('cannot forge a trusted slot or our ids into raw output', () => {
    const body = '\u{E000}slot:00000000-0000-0000-0000-000000000000:0\u{E001} <b class="x evil">b</b>';
    const r = renderMarkdown(body, context());
    expect(r.html).toContain('<p>\u{E000}slot:00000000-0000-0000-0000-000000000000:0\u{E001} <b');
    expect(r.html).not.toContain('evil');
  });
});
