/**
 * Links may only go to http(s) addresses or stay on the site (relative paths, `#anchors`); anything else
 * (`javascript:`, `data:`, `vbscript:`, `//other.host`) is removed and reported. Embedded resources (`src`)
 * must stay on the site: a built page never requests another origin. Runs on hast, so Markdown links and
 * author HTML are checked alike; the sanitiser's protocol lists are the second line of defence.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isHttpUrl } from '../schema/index.ts';
import type { RenderState } from './state.ts';

const linkProperties = ['href', 'cite', 'action', 'formAction', 'xLinkHref'];
const resourceProperties = ['src', 'srcSet', 'poster', 'data', 'background', 'longDesc'];

/** What browsers ignore inside a URL (tabs, newlines, controls) is ignored here too, so `java\tscript:` is caught. */
const clean = (url: string) => url.replace(/[\u0000-\u0020\u007f]/g, '');
/**
 * A colon before any `/`, `?` or `#` is read as a scheme, as the sanitiser reads it: it drops such an address
 * whatever stands before the colon, so `[x]([click](javascript:…))`, whose address is `[click](javascript:…)`,
 * must be reported here rather than lose its link silently.
 */
const hasScheme = (url: string) => /^[^/?#]*:/.test(url);
const otherHost = (url: string) => /^[\\/]{2}/.test(url);

function sameSite(url: string): boolean {
  const c = clean(url);
  return !hasScheme(c) && !otherHost(c);
}

export function rehypeUnsafeUrls(state: RenderState) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'img' && (typeof node.properties['alt'] !== 'string' || node.properties['alt'].trim() === '')) {
        state.report.at(node, {
          ruleId: 'markdown/image-alt',
          message: 'Unexpected image without a text alternative, expected `alt` text describing it.',
          hint: 'Write ![what the image shows](/images/file.png), or alt="…" in HTML.',
        });
      }
      for (const name of [...linkProperties, ...resourceProperties]) {
        const value = node.properties[name];
        if (value === undefined || value === null || value === false) continue;
        const url = Array.isArray(value) ? value.join(' ') : String(value);
        const isLink = linkProperties.includes(name);
        if (!isLink && sameSite(url)) {
          // Embedded files live in public/ and are addressed from the site root, which moves with the base path.
          if (clean(url).startsWith('/')) {
            node.properties[name] = `${state.ctx.urls.base}${clean(url).slice(1)}`;
          } else {
            delete node.properties[name];
            state.report.at(node, {
              ruleId: 'markdown/resource-path',
              message: `Unexpected path \`${url.slice(0, 60)}\` in <${node.tagName}> ${name}, expected a path from the site root such as /images/map.png.`,
              actual: url,
              hint: 'Put the file in public/ and write its path from there, starting with `/`.',
            });
          }
          continue;
        }
        if (sameSite(url) || (isLink && isHttpUrl(clean(url)))) continue;
        delete node.properties[name];
        const expected = isLink
          ? 'an http(s) address, a path on this site, or a #anchor'
          : 'a path on this site (a page may not load anything from another site)';
        state.report.at(node, {
          ruleId: 'markdown/unsafe-url',
          message: `Unexpected address \`${url.slice(0, 60)}\` in <${node.tagName}> ${name}, expected ${expected}.`,
          actual: url,
          expected,
          hint: isLink ? 'Link to an https:// address; other schemes can run code in the reader’s browser.' : 'Copy the file into the site and refer to it by path.',
        });
      }
    });
  };
}
