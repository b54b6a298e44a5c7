import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { element, join, text } from './html.ts';

// Names and texts as a dataset may carry them: markup, references, quotes of every kind, control characters.
const hostile = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '`backtick` &amp; &lt; &#60; & plain',
  'a\u0000b',
  '\u202Eevil\u202C RTL override',
  'café – “quoted” 🇫🇷',
  '',
];

describe('markup written as strings', () => {
  test('is byte for byte what hast-util-to-html writes for the same element, whatever the text and values', () => {
    for (const s of hostile) {
      expect(element('a', { href: s, class: 'x' }, text(s))).toBe(toHtml(h('a', { href: s, class: 'x' }, s)));
      expect(element('td', null, [text(s), element('bdi', null, text(s))])).toBe(toHtml(h('td', [s, h('bdi', s)])));
    }
  });

  test('keeps a hostile text as text: no element and no attribute comes out of it', () => {
    for (const s of hostile) {
      const { document } = parseHTML(`<p>${element('a', { title: s }, text(s))}</p>`);
      expect(document.querySelectorAll('p *').length).toBe(1);
      expect(document.querySelector('a')!.getAttributeNames()).toEqual(['title']);
      expect(document.querySelector('a')!.textContent).toBe(s);
    }
  });

  test('joins pieces in order', () => {
    expect(join([text('a<'), element('b', null), text('&c')])).toBe('a&#x3C;<b></b>&#x26;c');
  });
});
