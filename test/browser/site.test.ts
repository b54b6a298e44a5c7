/**
 * Every page of the built example, in Debian's Chromium at 360 px and 1280 px: no console error, no failed
 * request, no request to another origin, no axe-core violation at WCAG 2.2 AA, a visible keyboard focus,
 * no sideways scrolling on a phone, and a screenshot for review. Then every hostile page: nothing it
 * carries runs, and its layout holds at 360 px; the hooks that say so are first shown pages that do run
 * script, and must catch each. One browser, pages in sequence, one context per width.
 */
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveSite, type StaticServer } from './static-server.ts';
import type { SiteBuild } from '../site/site-builds.ts';

const { example, hostile, rtl } = inject('browserSites');
const WIDTHS = [360, 1280] as const;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const screenshots = path.resolve(import.meta.dirname, '../../test-output/screenshots');

/** HTML pages of a build as URL paths relative to its base (`cases/x/`); none when the build failed. */
function pagesOf(build: SiteBuild): string[] {
  if (build.error) return [];
  return (readdirSync(build.dir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** What one page load saw, gathered by listeners on the reused page and reset before each visit. */
interface Visit {
  consoleErrors: string[];
  failedRequests: string[];
  otherOrigins: string[];
  /** Dialogs the page opened (alert, confirm, prompt, beforeunload), in any frame. */
  dialogs: string[];
}

interface Tab {
  context: BrowserContext;
  page: Page;
  visit: Visit;
}

async function openTab(origin: string, width: number, options: { bypassCSP: boolean }): Promise<Tab> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: options.bypassCSP, reducedMotion: 'reduce' });
  const tab: Tab = { context, page: await context.newPage(), visit: { consoleErrors: [], failedRequests: [], otherOrigins: [], dialogs: [] } };
  // Nothing may leave the test host: record any other origin and refuse it before it reaches the network.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin || url.startsWith('data:')) return route.continue();
    tab.visit.otherOrigins.push(`${route.request().resourceType()} ${url}`);
    return route.abort('blockedbyclient');
  });
  tab.page.on('console', (message) => {
    if (message.type() === 'error') tab.visit.consoleErrors.push(`${message.text()} (${message.location().url}:${message.location().lineNumber})`);
  });
  tab.page.on('pageerror', (error) => tab.visit.consoleErrors.push(`uncaught ${error.message}`));
  // A dialog from any frame, even one whose window never ran the init script below (a fresh about:blank iframe's own alert).
  tab.page.on('dialog', (dialog) => {
    tab.visit.dialogs.push(`${dialog.type()}(${dialog.message()})`);
    void dialog.dismiss().catch(() => {});
  });
  tab.page.on('requestfailed', (request) => {
    if (new URL(request.url()).origin === origin) tab.visit.failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  tab.page.on('response', (response) => {
    if (response.status() >= 400) tab.visit.failedRequests.push(`${response.url()} HTTP ${response.status()}`);
  });
  return tab;
}

async function visit(tab: Tab, url: string): Promise<void> {
  tab.visit = { consoleErrors: [], failedRequests: [], otherOrigins: [], dialogs: [] };
  const response = await tab.page.goto(url, { waitUntil: 'load', timeout: 90_000 });
  if (!response || response.status() >= 400) tab.visit.failedRequests.push(`${url} HTTP ${response?.status() ?? 'no response'}`);
}

/** Elements wider than the viewport, deepest first, to say what makes a phone scroll sideways. */
async function overflow(page: Page): Promise<{ scrollWidth: number; viewport: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const viewport = root.clientWidth;
    const culprits: string[] = [];
    if (root.scrollWidth > viewport) {
      for (const element of document.body.querySelectorAll('*')) {
        // A right-to-left page overflows on its left.
        const out = (box: DOMRect) => box.right > viewport + 0.5 || box.left < -0.5;
        const box = element.getBoundingClientRect();
        if (!out(box)) continue;
        // Report the deepest element that sticks out, not every ancestor that contains it.
        if ([...element.children].some((c) => out(c.getBoundingClientRect()))) continue;
        const id = element.id ? `#${element.id}` : '';
        const classes = element.classList.length ? `.${[...element.classList].join('.')}` : '';
        culprits.push(`<${element.tagName.toLowerCase()}${id}${classes}> edges ${Math.round(box.left)}..${Math.round(box.right)} px`);
        if (culprits.length === 5) break;
      }
    }
    return { scrollWidth: root.scrollWidth, viewport, culprits };
  });
}

describe('the example site in Chromium', () => {
  const pages = pagesOf(example);
  let server: StaticServer;
  const tabs = new Map<number, Tab>();

  beforeAll(async () => {
    if (example.error) return;
    server = await serveSite(example.dir, example.base);
    const origin = new URL(server.url).origin;
    for (const width of WIDTHS) tabs.set(width, await openTab(origin, width, { bypassCSP: false }));
    await mkdir(screenshots, { recursive: true });
  });
  afterAll(async () => {
    for (const tab of tabs.values()) await tab.context.close();
    await server?.close();
  });

  it('was built', () => {
    expect(example.error, example.error).toBeUndefined();
    expect(pages.length).toBeGreaterThan(0);
  });

  describe.each(WIDTHS)('at %i px', (width) => {
    it.each(pages)('/%s', async (pagePath) => {
      const tab = tabs.get(width)!;
      const where = `[${width}px] ${example.base}${pagePath}`;
      await visit(tab, `${server.url}${pagePath}`);
      const problems: string[] = [];
      for (const e of tab.visit.consoleErrors) problems.push(`console error: ${e}`);
      for (const r of tab.visit.failedRequests) problems.push(`failed request: ${r}`);
      for (const r of tab.visit.otherOrigins) problems.push(`request to another origin: ${r}`);

      // Evaluated through the DevTools protocol, which the page's CSP does not govern; the page itself stays script-free.
      await tab.page.evaluate(axe.source);
      const violations = await tab.page.evaluate(async (tags) => {
        const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ')})` : ''}`) }));
      }, AXE_TAGS);
      for (const v of violations) problems.push(`axe ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n      ${v.targets.join('\n      ')}`);

      await tab.page.keyboard.press('Tab');
      const focus = await tab.page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return { ok: false, what: 'nothing took focus' };
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
        const visible = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
        const what = `<${element.tagName.toLowerCase()}${element.className ? ` class="${String(element.className)}"` : ''}> "${(element.textContent ?? '').trim().slice(0, 40)}"`;
        return { ok: element.tagName === 'A' && (outline || shadow) && visible, what: `${what} outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow}, box ${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}×${Math.round(box.height)}` };
      });
      if (!focus.ok) problems.push(`first Tab stop is not a link with a visible focus indicator: ${focus.what}`);

      if (width === 360) {
        const o = await overflow(tab.page);
        if (o.scrollWidth > o.viewport) problems.push(`scrolls sideways: ${o.scrollWidth} px wide in a ${o.viewport} px viewport; widest: ${o.culprits.join(', ')}`);
      }
      const name = (pagePath.replace(/\/$/, '').replace(/[^a-z0-9.-]+/gi, '_') || 'home').replace(/\.html$/, '');
      await tab.page.screenshot({ path: path.join(screenshots, `${name}-${width}.png`), fullPage: true });

      expect(problems, `${where}\n  ${problems.join('\n  ')}`).toEqual([]);
    });
  });
});

/**
 * A tab for pages that carry payloads: without the CSP, so escaping alone must keep them inert (the CSP is a
 * second, separate layer), with `alert`, `confirm` and `prompt` replaced by functions that mark the page.
 */
async function openPayloadTab(origin: string): Promise<Tab> {
  const tab = await openTab(origin, 360, { bypassCSP: true });
  // An init script runs before any of the page's own.
  await tab.context.addInitScript(() => {
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        (window as unknown as { __pwned?: unknown }).__pwned = `${name}(${args.map(String).join(', ')})`;
      };
    }
  });
  return tab;
}

/**
 * What ran on the page just visited, in it or in any of its frames: the marker global a payload sets
 * (`window.__pwned`, or a hooked dialog) and any dialog opened. Hover, focus and load handlers only run when
 * their event fires: it fires them on every element of every frame.
 */
async function payloadsThatRan(tab: Tab): Promise<string[]> {
  const ran: string[] = [];
  for (const frame of tab.page.frames()) {
    const pwned = await frame.evaluate(() => {
      for (const element of document.querySelectorAll('*')) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'error', 'load']) {
          if (type === 'click' && element.closest('a[href], button, form')) continue;
          element.dispatchEvent(new Event(type, { bubbles: false }));
        }
      }
      return (window as unknown as { __pwned?: unknown }).__pwned;
    });
    const where = frame === tab.page.mainFrame() ? '' : ` in a frame (${frame.url()})`;
    if (pwned !== undefined) ran.push(`window.__pwned is ${String(pwned)}${where}: a payload ran`);
  }
  return [...ran, ...tab.visit.dialogs.map((d) => `a dialog opened, ${d}: a payload ran`)];
}

describe('the payload hooks', () => {
  // Pages that run script, each as a payload the hostile pages could carry, and one that runs none: the hooks must tell them apart.
  const PAGES: { name: string; body: string; caught: RegExp | undefined }[] = [
    { name: 'inline-script', body: '<script>window.__pwned = "inline script"</script>', caught: /^window\.__pwned is inline script/ },
    { name: 'alert', body: '<script>alert("from a script")</script>', caught: /^window\.__pwned is alert\(from a script\)/ },
    { name: 'image-error', body: '<img alt="" src="missing.png" onerror="confirm(\'onerror\')">', caught: /^window\.__pwned is confirm\(onerror\)/ },
    { name: 'hover', body: '<p onmouseover="prompt(\'hover\')">Hover me</p>', caught: /^window\.__pwned is prompt\(hover\)/ },
    {
      name: 'fresh-frame',
      body: '<script>document.body.appendChild(document.createElement("iframe")).contentWindow.alert("from a fresh frame")</script>',
      caught: /^window\.__pwned is alert\(from a fresh frame\) in a frame/,
    },
    { name: 'srcdoc-frame', body: '<iframe title="x" srcdoc="<script>window.__pwned = &quot;srcdoc&quot;</script>"></iframe>', caught: /^window\.__pwned is srcdoc in a frame/ },
    { name: 'inert', body: '<p>&lt;script&gt;window.__pwned=1&lt;/script&gt; <span title="&quot; onmouseover=&quot;alert(1)">text</span></p>', caught: undefined },
  ];
  let dir: string;
  let server: StaticServer;
  let tab: Tab;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'casefile-payloads-'));
    for (const page of PAGES) {
      await writeFile(path.join(dir, `${page.name}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${page.name}</title></head><body>${page.body}</body></html>\n`);
    }
    await writeFile(path.join(dir, 'other-origin.html'), '<!doctype html><html lang="en"><head><title>x</title></head><body><img alt="" src="http://evil.example/pixel.png"></body></html>\n');
    server = await serveSite(dir, '/');
    tab = await openPayloadTab(new URL(server.url).origin);
  });
  afterAll(async () => {
    await tab?.context.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(PAGES)('tell what the $name page ran', async ({ name, caught }) => {
    await visit(tab, `${server.url}${name}.html`);
    const ran = await payloadsThatRan(tab);
    if (caught === undefined) expect(ran).toEqual([]);
    else expect(ran.some((r) => caught.test(r)), ran.join('\n')).toBe(true);
  });

  it('tell a request to another origin, and stop it', async () => {
    await visit(tab, `${server.url}other-origin.html`);
    expect(tab.visit.otherOrigins).toEqual(['image http://evil.example/pixel.png']);
  });
});

describe('the hostile site in Chromium', () => {
  const pages = pagesOf(hostile);
  let server: StaticServer;
  let tab: Tab;

  beforeAll(async () => {
    if (hostile.error) return;
    server = await serveSite(hostile.dir, hostile.base);
    tab = await openPayloadTab(new URL(server.url).origin);
  });
  afterAll(async () => {
    await tab?.context.close();
    await server?.close();
  });

  it('was built', () => {
    expect(hostile.error, hostile.error).toBeUndefined();
    expect(pages.length).toBeGreaterThan(0);
  });

  it.each(pages)('/%s runs nothing it carries, holds its layout at 360 px and stays accessible', async (pagePath) => {
    await visit(tab, `${server.url}${pagePath}`);
    const ran = await payloadsThatRan(tab);
    const o = await overflow(tab.page);
    // The payloads (bidi overrides, look-alike and 3,000-character handles, a 10 MB post) must leave the page accessible.
    await tab.page.evaluate(axe.source);
    const violations = await tab.page.evaluate(async (tags) => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => `axe ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    }, AXE_TAGS);
    const problems = [
      ...ran,
      ...violations,
      ...(o.scrollWidth > o.viewport ? [`scrolls sideways: ${o.scrollWidth} px wide in a ${o.viewport} px viewport; widest: ${o.culprits.join(', ')}`] : []),
      ...tab.visit.otherOrigins.map((r) => `request to another origin: ${r}`),
    ];
    expect(problems, `[360px] ${pagePath}\n  ${problems.join('\n  ')}`).toEqual([]);
  });
});

describe('a right-to-left case in Chromium', () => {
  const pages = pagesOf(rtl);
  let server: StaticServer;
  const tabs = new Map<number, Tab>();

  beforeAll(async () => {
    if (rtl.error) return;
    server = await serveSite(rtl.dir, rtl.base);
    const origin = new URL(server.url).origin;
    for (const width of WIDTHS) tabs.set(width, await openTab(origin, width, { bypassCSP: false }));
    await mkdir(screenshots, { recursive: true });
  });
  afterAll(async () => {
    for (const tab of tabs.values()) await tab.context.close();
    await server?.close();
  });

  it('was built', () => {
    expect(rtl.error, rtl.error).toBeUndefined();
    expect(pages.filter((p) => p.startsWith('cases/')).length).toBeGreaterThan(0);
  });

  // The case's pages are Arabic; the site-wide pages (index, search, sources…) stay in the site's language.
  describe.each(WIDTHS)('at %i px', (width) => {
    it.each(pages.filter((p) => p.startsWith('cases/')))('/%s is laid out right to left, without sideways scrolling, and stays accessible', async (pagePath) => {
      const tab = tabs.get(width)!;
      await visit(tab, `${server.url}${pagePath}`);
      const page = await tab.page.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        // The navigation and headings the generator writes are in Arabic, and start on the right.
        nav: document.querySelector('.site-nav summary')?.textContent?.trim() ?? '',
        // Where the heading's first letter is drawn: at the right of the page when it reads right to left.
        headingStart: (() => {
          const walker = document.createTreeWalker(document.querySelector('main h1') ?? document.body, NodeFilter.SHOW_TEXT);
          const text = walker.nextNode();
          if (!text) return undefined;
          const range = document.createRange();
          range.setStart(text, 0);
          range.setEnd(text, 1);
          return range.getBoundingClientRect().right;
        })(),
        width: document.documentElement.clientWidth,
      }));
      const problems: string[] = [];
      if (page.lang !== 'ar' || page.dir !== 'rtl') problems.push(`<html lang="${page.lang}" dir="${page.dir}">, expected lang="ar" dir="rtl"`);
      if (page.headingStart === undefined || page.headingStart < page.width / 2) problems.push(`the heading starts at ${page.headingStart} px of ${page.width}, expected its right half`);
      if (!/^القائمة/.test(page.nav)) problems.push(`menu reads "${page.nav}", expected the Arabic word`);
      for (const e of tab.visit.consoleErrors) problems.push(`console error: ${e}`);
      for (const r of tab.visit.failedRequests) problems.push(`failed request: ${r}`);
      await tab.page.evaluate(axe.source);
      const violations = await tab.page.evaluate(async (tags) => {
        const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return result.violations.map((v) => `axe ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      }, AXE_TAGS);
      problems.push(...violations);
      const o = await overflow(tab.page);
      if (o.scrollWidth > o.viewport) problems.push(`scrolls sideways: ${o.scrollWidth} px wide in a ${o.viewport} px viewport; widest: ${o.culprits.join(', ')}`);
      const name = `rtl-${pagePath.replace(/\/$/, '').replace(/[^a-z0-9.-]+/gi, '_')}`;
      await tab.page.screenshot({ path: path.join(screenshots, `${name}-${width}.png`), fullPage: true });
      expect(problems, `[${width}px] /${pagePath}\n  ${problems.join('\n  ')}`).toEqual([]);
    });
  });
});
