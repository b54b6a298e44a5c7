/**
 * The gates themselves, on small good and bad pages: each must report the offending page and element,
 * so a green site run means the checks looked and found nothing, not that they could not see.
 */
import { describe, expect, it } from 'vitest';
import {
  checkContentSecurityPolicy,
  checkInternalLinks,
  checkNoActiveAttributes,
  checkNoOtherOrigin,
  checkNoScript,
  compareTrees,
  cssUrls,
  firstDifference,
  linkedStylesheets,
  linkTargets,
} from './gates.ts';
import { parsePage } from './site-files.ts';

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'">`;
const page = (file: string, body: string, head = CSP) =>
  parsePage(file, `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}<title>t</title></head><body>${body}</body></html>`);
const messages = (problems: { file: string; message: string }[]) => problems.map((p) => `${p.file}: ${p.message}`);

describe('checkNoOtherOrigin(pages, stylesheets)', () => {
  it('passes resources from the site and inline data', () => {
    const p = page('index.html', '<img src="/a.png" alt=""><img src="data:image/png;base64,AA" alt=""><a href="https://example.org/">ok</a>');
    expect(checkNoOtherOrigin([p], [{ file: 'a.css', css: 'body{background:url(/bg.png)}' }])).toEqual([]);
  });

  it('names the page and element of every external resource', () => {
    const p = page(
      'cases/x/index.html',
      [
        '<img src="https://tracker.example/p.png" alt="">',
        '<img srcset="/a.png 1x, //cdn.example/b.png 2x" alt="">',
        '<link rel="stylesheet" href="https://cdn.example/a.css">',
        '<link rel="icon" href="http://cdn.example/i.svg">',
        '<svg><image href="https://cdn.example/i.png"></image><use xlink:href="https://cdn.example/s.svg#i"></use></svg>',
        '<video poster="https://cdn.example/p.jpg"></video><iframe src="https://evil.example/"></iframe><object data="https://cdn.example/o"></object>',
        '<p style="background:url(\'https://cdn.example/bg.png\')">x</p>',
        '<style>@import "https://cdn.example/x.css";</style>',
      ].join(''),
    );
    const found = messages(checkNoOtherOrigin([p], [{ file: '_astro/a.css', css: 'a{background:url( "https://cdn.example/f.woff2" )}' }]));
    expect(found).toEqual([
      'cases/x/index.html: loads `https://tracker.example/p.png` from another origin in <img src="https://tracker.example/p.png" alt>',
      'cases/x/index.html: loads `//cdn.example/b.png` from another origin in <img srcset="/a.png 1x, //cdn.example/b.png 2x" alt>',
      'cases/x/index.html: loads `https://evil.example/` from another origin in <iframe src="https://evil.example/">',
      'cases/x/index.html: loads `https://cdn.example/p.jpg` from another origin in <video poster="https://cdn.example/p.jpg">',
      'cases/x/index.html: loads `https://cdn.example/o` from another origin in <object data="https://cdn.example/o">',
      'cases/x/index.html: loads `https://cdn.example/i.png` from another origin in <image href="https://cdn.example/i.png">',
      'cases/x/index.html: loads `https://cdn.example/s.svg#i` from another origin in <use xlink:href="https://cdn.example/s.svg#i">',
      'cases/x/index.html: loads `https://cdn.example/a.css` from another origin in <link rel="stylesheet" href="https://cdn.example/a.css">',
      'cases/x/index.html: loads `http://cdn.example/i.svg` from another origin in <link rel="icon" href="http://cdn.example/i.svg">',
      'cases/x/index.html: loads `https://cdn.example/x.css` from another origin in <style>',
      'cases/x/index.html: loads `https://cdn.example/bg.png` from another origin in <p style="background:url(\'https://cdn.example/bg.png\')">',
      '_astro/a.css: loads `https://cdn.example/f.woff2` from another origin in CSS url()/@import',
    ]);
  });

  it('reads url() and @import in every quoting style', () => {
    expect(cssUrls(`a{b:url(x.png);c:url("y.png");d:url( 'z.png' )}@import 'i.css';`)).toEqual(['x.png', 'y.png', 'z.png', 'i.css']);
  });
});

describe('checkNoScript(page)', () => {
  it('allows JSON-LD only', () => {
    expect(checkNoScript(page('a.html', '<script type="application/ld+json">{}</script>'), { allowSameOriginScripts: false })).toEqual([]);
  });

  it('reports inline and external scripts, event handlers and script URLs', () => {
    const p = page(
      'a.html',
      '<script>alert(1)</script><script type="module" src="/_astro/x.js"></script><b onmouseover="x()">b</b><a href="java\tscript:x()">j</a><a href="data:text/html,hi">d</a>',
    );
    expect(messages(checkNoScript(p, { allowSameOriginScripts: false }))).toEqual([
      'a.html: ships JavaScript: <script> alert(1)',
      'a.html: ships JavaScript: <script type="module" src="/_astro/x.js">',
      'a.html: has an event-handler attribute `onmouseover` in <b onmouseover="x()">',
      'a.html: has a `javascript:` URL in <a href="java\tscript:x()">',
      'a.html: has a `data:` URL in <a href="data:text/html,hi">',
    ]);
  });

  it('lets the search page load its own scripts, never another origin’s', () => {
    const p = page('search/index.html', '<script src="/pagefind/pagefind-ui.js"></script><script src="https://cdn.example/x.js"></script>');
    expect(messages(checkNoScript(p, { allowSameOriginScripts: true }))).toEqual([
      'search/index.html: ships JavaScript: <script src="https://cdn.example/x.js">',
    ]);
  });

  it('allows an inline data: image but no other data: URL', () => {
    expect(checkNoActiveAttributes(page('a.html', '<img src="data:image/png;base64,AA" alt="">'))).toEqual([]);
    expect(messages(checkNoActiveAttributes(page('a.html', '<img src="data:image/svg+xml,<svg onload=x()>" alt="">')))).toEqual([
      expect.stringContaining('has a `data:` URL'),
    ]);
  });
});

describe('checkContentSecurityPolicy(page, { allowWasm })', () => {
  const head = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'">`;
  it("accepts 'wasm-unsafe-eval' only where allowed (the search page)", () => {
    expect(checkContentSecurityPolicy(page('search/index.html', '', head), { allowWasm: true })).toEqual([]);
    expect(messages(checkContentSecurityPolicy(page('a.html', '', head)))).toEqual([
      "a.html: has CSP `script-src 'wasm-unsafe-eval'`, expected only this origin (and hashed inline script)",
    ]);
  });
});

describe('checkContentSecurityPolicy(page)', () => {
  it('accepts a same-origin policy set first in <head>', () => {
    expect(checkContentSecurityPolicy(page('a.html', ''))).toEqual([]);
  });

  it('reports a page without a policy', () => {
    expect(messages(checkContentSecurityPolicy(page('a.html', '', '')))).toEqual(['a.html: has no <meta http-equiv="Content-Security-Policy">']);
  });

  it('reports other origins, unhashed inline script and missing directives', () => {
    const head = `<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-inline' https://cdn.example; img-src *">`;
    expect(messages(checkContentSecurityPolicy(page('a.html', '', head)))).toEqual([
      'a.html: has a CSP without `default-src`, so unlisted resource types may come from anywhere',
      "a.html: has CSP `script-src 'unsafe-inline'`, expected only this origin (and hashed inline script)",
      'a.html: has CSP `script-src https://cdn.example`, expected only this origin (and hashed inline script)',
      'a.html: has CSP `img-src *`, expected only this origin (and hashed inline script)',
      "a.html: has a CSP without `object-src 'none'`",
      'a.html: has a CSP without `base-uri`, so an injected <base> could redirect relative URLs',
    ]);
  });

  it('reports a policy that comes after a stylesheet it should govern', () => {
    const head = `<link rel="stylesheet" href="/a.css">${CSP}`;
    expect(messages(checkContentSecurityPolicy(page('a.html', '', head)))).toEqual([
      'a.html: has <link rel="stylesheet" href="/a.css"> before the CSP meta tag, so the policy does not cover it',
    ]);
  });
});

describe('checkInternalLinks(pages, targets, options)', () => {
  const pages = [
    page('index.html', '<h1 id="top-title">t</h1><a href="/cases/x/">x</a><a href="/cases/x/#finding">f</a><a href="#top-title">self</a><a href="https://example.org/">out</a>'),
    page('cases/x/index.html', '<h2 id="finding">f</h2><a href="../../">home</a><a href="/cases/y/">missing</a><a href="#nowhere">broken</a><a href="/cases/x">no slash</a><img src="/a.png" alt="">'),
  ];
  const targets = linkTargets(['index.html', 'cases/x/index.html', 'a.png'], pages);

  it('reports a missing page, a broken #anchor and a folder link without its slash', () => {
    expect(messages(checkInternalLinks(pages, targets, { base: '/' }))).toEqual([
      'cases/x/index.html: links `/cases/y/` to a missing file cases/y/index.html in <a href="/cases/y/">',
      'cases/x/index.html: links `#nowhere` to #nowhere, which is not an id on this page in <a href="#nowhere">',
      'cases/x/index.html: links `/cases/x` to a missing file cases/x (a folder: add the trailing slash) in <a href="/cases/x">',
    ]);
  });

  it('reports every link that escapes the base path, including absolute links to the site itself', () => {
    const based = [
      page('index.html', '<a href="/reports/casefile/cases/x/">ok</a><a href="/cases/x/">escapes</a><link rel="canonical" href="https://example.org/cases/x/">'),
      page('cases/x/index.html', '<link rel="canonical" href="https://example.org/reports/casefile/cases/x/"><a href="../../#top">top</a>'),
    ];
    const found = messages(checkInternalLinks(based, linkTargets(['index.html', 'cases/x/index.html'], based), { base: '/reports/casefile/', site: 'https://example.org' }));
    expect(found).toEqual([
      'index.html: links `/cases/x/` outside the base path /reports/casefile/ in <a href="/cases/x/">',
      'index.html: links `https://example.org/cases/x/` outside the base path /reports/casefile/ in <link rel="canonical" href="https://example.org/cases/x/">',
    ]);
  });
});

describe('compareTrees(a, b)', () => {
  it('lists files that differ or exist in one build only', () => {
    const a = new Map([['index.html', 'aaaaaaaaaaaaaaaa'], ['same.css', 'cccc'], ['only-a.html', 'dddd']]);
    const b = new Map([['index.html', 'bbbbbbbbbbbbbbbb'], ['same.css', 'cccc'], ['only-b.html', 'eeee']]);
    expect(messages(compareTrees(a, b))).toEqual([
      'index.html: differs (aaaaaaaaaaaa vs bbbbbbbbbbbb)',
      'only-a.html: only in the first build',
      'only-b.html: only in the second build',
    ]);
  });

  it('shows where two texts part', () => {
    expect(firstDifference('built at 10:00 ok', 'built at 10:01 ok', 4)).toBe('at character 13:\n  first:  …"10:00 ok"\n  second: …"10:01 ok"');
  });
});

describe('linkedStylesheets(page, base)', () => {
  it('resolves stylesheet links against the base', () => {
    const p = page('cases/x/index.html', '', `${CSP}<link rel="stylesheet" href="/b/_astro/a.css"><link rel="icon" href="/b/i.svg">`);
    expect(linkedStylesheets(p, '/b/')).toEqual(['_astro/a.css']);
  });
});
