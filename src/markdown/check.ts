/**
 * The check's pass over a body: every problem rendering would report, found by parsing alone. The same
 * plugins run on the tree as in `render.ts` (heading ids, directives, citations, addresses), with the
 * state's `render` off, so no chart is drawn, no evidence card built, no HTML sanitised or written.
 * Author HTML is parsed (rehype-raw) only in a body that has some: it is what the address rules read.
 */
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit, EXIT } from 'unist-util-visit';
import { sortDiagnostics } from '../diagnostics/diagnostic.ts';
import { remarkCitations } from './citations.ts';
import { remarkDirectiveLookalikes } from './directive-lookalikes.ts';
import { remarkDirectives } from './directives.ts';
import { remarkFindings } from './findings.ts';
import { createRenderState } from './state.ts';
import type { CheckedProse, RenderContext } from './types.ts';
import { rehypeUnsafeUrls } from './unsafe-urls.ts';

/**
 * `tree` is the body parsed by `parseMarkdown` (the check parses each body once, for its data requests
 * and for this); it is changed on the way, as rendering changes it.
 */
export async function checkMarkdown(tree: Root, source: string, ctx: RenderContext): Promise<CheckedProse> {
  const state = createRenderState(source, ctx, false);
  const prose = unified()
    .use(remarkFindings, state)
    .use(remarkDirectiveLookalikes, state)
    .use(remarkDirectives, state)
    .use(remarkCitations, state)
    .use(remarkRehype, { allowDangerousHtml: true });
  let hast = prose.runSync(tree, source) as HastRoot;
  if (hasRaw(hast)) {
    const { default: rehypeRaw } = await import('rehype-raw');
    hast = unified().use(rehypeRaw).runSync(hast, source) as HastRoot;
  }
  rehypeUnsafeUrls(state)(hast);
  const { charts: _, ...collected } = state.collected;
  return { diagnostics: sortDiagnostics(state.report.diagnostics), ...collected };
}

function hasRaw(tree: HastRoot): boolean {
  let found = false;
  visit(tree, 'raw', () => {
    found = true;
    return EXIT;
  });
  return found;
}
