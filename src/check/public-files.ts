/**
 * Files in `public/` are copied into the site as they are, on the site's origin: an SVG or HTML file there
 * runs its script when opened directly, where no page's `<meta>` policy applies. So markup files there may hold
 * no script, no event handler, no frame or plugin, and no reference to another site; and, as everywhere, no
 * file may be a link out of the project.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { refuseRead, refusalDiagnostic } from '../content/confine.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

const MARKUP = /\.(?:svg|html?|xhtml|xml|xsl)$/i;

const ACTIVE: { pattern: RegExp; what: string }[] = [
  { pattern: /<(script|iframe|frame|object|embed|foreignObject|handler|listener)\b/gi, what: 'a <$1> element' },
  { pattern: /\son[a-z]+\s*=/gi, what: 'an event handler attribute' },
  { pattern: /@import\b|url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/gi, what: 'a style that loads from another address' },
];

export async function checkPublicFiles(root: string): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const dir = path.join(root, 'public');
  const walk = async (relative: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const name = path.join(relative, entry.name);
      const abs = path.join(dir, name);
      const file = `public/${name.split(path.sep).join('/')}`;
      if (entry.isDirectory()) {
        await walk(name);
        continue;
      }
      const refusal = await refuseRead(root, abs);
      if (refusal === 'outside-project') {
        out.push(refusalDiagnostic(refusal, file, file));
        continue;
      }
      if (refusal || !MARKUP.test(entry.name)) continue;
      out.push(...activeContent(await readFile(abs, 'utf8'), file));
    }
  };
  await walk('');
  return out;
}

/** An attribute that links or loads, and its value in any quoting. */
const REFERENCE = /\s(?:xlink:)?(?:href|src|action|formaction|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** On the site: a path (not `//`), an anchor, or a relative name; no scheme and no character reference to hide one. */
const onSite = (value: string): boolean => /^(?:\/(?!\/)|#|\.{0,2}\/?[\w-])/.test(value.trim()) && !/[:&\\]/.test(value);

/** Every active or foreign piece of `text`, at its line and column. */
export function activeContent(text: string, file: string): Diagnostic[] {
  const references = [...text.matchAll(REFERENCE)].filter((m) => !onSite(m[1] ?? m[2] ?? m[3] ?? ''));
  const out: Diagnostic[] = [];
  for (const { pattern, what } of [...ACTIVE, { pattern: REFERENCE, what: 'a reference to another site or a script URL' }]) {
    const matches = pattern === REFERENCE ? references : text.matchAll(pattern);
    for (const match of matches) {
      const before = text.slice(0, match.index);
      const line = before.split('\n').length;
      const column = match.index - before.lastIndexOf('\n');
      out.push(
        diagnostic({
          file,
          start: { line, column },
          ruleId: 'public/active-content',
          message: `Unexpected ${what.replace('$1', match[1] ?? '')} (\`${match[0].trim().slice(0, 40)}\`) in a file served from the site, expected static markup that loads nothing from elsewhere.`,
          hint: 'Remove it: files in public/ are served on the site\'s own origin, where a script could act as the site.',
        }),
      );
    }
  }
  return out;
}
