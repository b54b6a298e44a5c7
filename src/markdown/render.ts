/** The pipeline of a case or dossier body: Markdown in, sanitised HTML and what it references out. */
import type { Root as HastRoot } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
// Charts in the prose are drawn here (the check's pass, check.ts, never draws).
import '../charts/drawing-libraries.ts';
import { sortDiagnostics } from '../diagnostics/diagnostic.ts';
import { remarkCitations } from './citations.ts';
import { remarkDirectiveLookalikes } from './directive-lookalikes.ts';
import { remarkDirectives } from './directives.ts';
import { remarkFindings } from './findings.ts';
import { markdownSyntax } from './parse.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import { createRenderState, type RenderState } from './state.ts';
import type { RenderContext, RenderResult } from './types.ts';
import { rehypeUnsafeUrls } from './unsafe-urls.ts';

function restoreSlots(state: RenderState) {
  return (tree: HastRoot) => state.slots.restore(tree);
}

export function renderMarkdown(source: string, ctx: RenderContext): RenderResult {
  const state = createRenderState(source, ctx, true);
  const processor = unified()
    .use(remarkParse)
    .use(markdownSyntax)
    .use(remarkFindings, state)
    // Before the directives are replaced: it reads them and the text they left behind.
    .use(remarkDirectiveLookalikes, state)
    .use(remarkDirectives, state)
    .use(remarkCitations, state)
    // Author HTML is kept so it can be parsed (rehype-raw) and then sanitised like everything else.
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeUnsafeUrls, state)
    .use(rehypeSanitize, sanitizeSchema)
    .use(restoreSlots, state)
    // After sanitising, the only raw nodes left are the trusted slots just restored.
    .use(rehypeStringify, { allowDangerousHtml: true });
  const html = String(processor.processSync(source));
  return { html, diagnostics: sortDiagnostics(state.report.diagnostics), ...state.collected };
}
