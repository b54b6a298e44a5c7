/**
 * One way to build markup (ARCHITECTURE.md, "Markup"): HTML and SVG are built as hast and serialised by
 * hast-util-to-html, which does all their escaping; XML (the feed, the sitemap, the GEXF network) is escaped
 * by src/cite/xml-escape.ts. The repeated small elements of account pages are written as strings by
 * src/components/html.ts, held to hast-util-to-html's bytes by its own tests. No other file of src/ writes a character reference, defines an escaper, imports
 * an escaping package, writes HTML or SVG tags into strings or places a string as markup (a hast `raw`
 * node), so a hand escaper that forgets `'` or `&` in one chart cannot come back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Markup written as strings where a page repeats one small element many times (an account page's tables of
 * accounts): escaped with the very package and character sets hast-util-to-html uses, and held by its tests to
 * the same bytes hast-util-to-html writes for hostile text and values.
 */
const HTML_WRITER = 'src/components/html.ts';
/** The one XML escaper, and the files that write XML with it. */
const XML_ESCAPER = 'src/cite/xml-escape.ts';
const XML_WRITERS = new Set(['src/cite/feed.ts', 'src/cite/sitemap.ts', 'src/site/coordination.ts']);
/**
 * Where markup already serialised is placed as it is (a hast `raw` node): a chart's drawn SVG in its figure,
 * parts of a chart serialised once (`svgMarkup`), and the trusted figures the Markdown side slots in.
 */
const RAW_PLACERS = new Set(['src/charts/figure.ts', 'src/charts/svg-writer.ts', 'src/markdown/trusted-slots.ts']);
const RAW = /\btype:\s*['"]raw['"]|\bas\s+SvgMarkup\b/;
/** Markup read, not written: the empty document Plot draws into, parsed by linkedom. */
const MARKUP_READ = new Set(['src/charts/drawing-libraries.ts']);

const CHARACTER_REFERENCE = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/i;
const ESCAPER = /\b(?:function\s+|(?:const|let)\s+)(?:escape|encode)(?:Html|Xml|Svg|Attr|Attribute|Markup|Text|Entities|Entity)\b/i;
const ESCAPING_PACKAGE = /from\s+['"](?:stringify-entities|escape-html|html-escaper|he|entities|xml-escape|lodash\.escape|escape-goat)['"]/;
/** A tag of HTML or SVG opened or closed inside a string or template literal. */
const TAG_IN_STRING = /['"`][^'"`]*<\/?(?:a|abbr|b|body|br|circle|code|desc|details|div|em|figcaption|figure|g|h[1-6]|head|html|i|img|li|line|link|meta|ol|p|path|polyline|rect|script|section|small|span|strong|style|summary|svg|table|tbody|td|text|th|thead|title|tr|ul|wbr)[\s>/]/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|mts|mjs|js)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The code of a file without its comments, line by line (markup named in prose is fine). */
function codeLines(text: string): string[] {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .split('\n')
    .map((line) => line.replace(/(^|[^:'"`])\/\/.*$/, '$1'));
}

/** `file:line: rule: code` for every line of `sources` that escapes or writes markup by hand. */
export function handMadeMarkup(sources: readonly { file: string; text: string }[]): string[] {
  return sources.flatMap(({ file, text }) => {
    if (file === XML_ESCAPER || file === HTML_WRITER) return [];
    return codeLines(text).flatMap((line, i) => {
      const rules = [
        CHARACTER_REFERENCE.test(line) ? 'writes a character reference' : undefined,
        ESCAPER.test(line) ? 'defines an escaper' : undefined,
        ESCAPING_PACKAGE.test(line) ? 'imports an escaping package' : undefined,
        TAG_IN_STRING.test(line) && !XML_WRITERS.has(file) && !MARKUP_READ.has(file) ? 'writes a tag into a string' : undefined,
        RAW.test(line) && !RAW_PLACERS.has(file) ? 'places a string as markup' : undefined,
      ].filter((r) => r !== undefined);
      return rules.map((rule) => `${file}:${i + 1}: ${rule}: ${line.trim()}`);
    });
  });
}

const sources = files(join(root, 'src')).map((f) => ({ file: relative(root, f).split('\\').join('/'), text: readFileSync(f, 'utf8') }));

describe('one way to build markup', () => {
  it('leaves escaping to hast-util-to-html (HTML, SVG) and src/cite/xml-escape.ts (XML) alone', () => {
    expect(handMadeMarkup(sources)).toEqual([]);
  });

  it('serialises the charts drawn without Plot through hast', () => {
    const writer = sources.find((s) => s.file === 'src/charts/svg-writer.ts')!.text;
    expect(writer).toMatch(/from 'hast-util-to-html'/);
    expect(writer).toMatch(/from 'hastscript'/);
  });

  it('names each hand-made escaper or tag with its file and line, and lets comments and the XML writers be', () => {
    expect(
      handMadeMarkup([
        { file: 'src/charts/bars.ts', text: "// written as <rect> elements, &amp; escaped\nconst entities = { '&': '&amp;' };" },
        { file: 'src/charts/dots.ts', text: 'export function escapeHtml(s: string) {\n  return s;\n}' },
        { file: 'src/site/card.ts', text: "import { stringifyEntities } from 'stringify-entities';\nconst card = `<div class=\"card\">${name}</div>`;" },
        { file: 'src/cite/feed.ts', text: "const line = `  <title>${e(title)}</title>`;" },
        { file: 'src/charts/legend.ts', text: "const key = placed(label as SvgMarkup);\nnodes.push({ type: 'raw', value: label });" },
        { file: XML_ESCAPER, text: ".replaceAll('&', '&amp;')" },
      ]),
    ).toEqual([
      "src/charts/bars.ts:2: writes a character reference: const entities = { '&': '&amp;' };",
      'src/charts/dots.ts:1: defines an escaper: export function escapeHtml(s: string) {',
      "src/site/card.ts:1: imports an escaping package: import { stringifyEntities } from 'stringify-entities';",
      'src/site/card.ts:2: writes a tag into a string: const card = `<div class="card">${name}</div>`;',
      'src/charts/legend.ts:1: places a string as markup: const key = placed(label as SvgMarkup);',
      "src/charts/legend.ts:2: places a string as markup: nodes.push({ type: 'raw', value: label });",
    ]);
  });
});
