/**
 * The pre-pass before aggregation: which figures and posts a body asks of the data, with the syntax
 * problems of its directives (those need no data, so the checker reports them before aggregating).
 */
import type { Root } from 'mdast';
import type { Directives } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { FigureQuery } from '../aggregate/figure-query.ts';
import { figureKey } from '../aggregate/figure-query.ts';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { attributesOf } from './attributes.ts';
import { chartPostIds } from '../charts/registry.ts';
import { parseChart } from './chart-parse.ts';
import { classifyDirective, isProblem } from './directive-names.ts';
import { parseFigure } from './figure-parse.ts';
import { parseMarkdown } from './parse.ts';
import { createReporter } from './report.ts';

const directiveTypes = new Set(['textDirective', 'leafDirective', 'containerDirective']);

export interface DataRequests {
  figureQueries: FigureQuery[];
  postIds: string[];
  diagnostics: Diagnostic[];
}

export function collectDataRequests(source: string, ctx: { file: string; lineOffset: number }): DataRequests {
  return collectFromTree(parseMarkdown(source), source, ctx);
}

/** The same from a body already parsed (`parseMarkdown`); the tree is only read. */
export function collectFromTree(tree: Root, source: string, ctx: { file: string; lineOffset: number }): DataRequests {
  const report = createReporter(ctx.file, ctx.lineOffset, source);
  const figures = new Map<string, FigureQuery>();
  const postIds = new Set<string>();
  visit(tree, (node) => {
    if (!directiveTypes.has(node.type)) return;
    const directive = node as Directives;
    const known = classifyDirective(directive);
    if (isProblem(known)) {
      report.at(directive, known);
      return;
    }
    const attributes = attributesOf(directive);
    if (known.name === 'figure') {
      const parsed = parseFigure(known.measure, attributes);
      for (const problem of parsed.problems) report.at(directive, problem);
      if (parsed.query) figures.set(figureKey(parsed.query), parsed.query);
    } else if (known.name === 'chart') {
      const parsed = parseChart(attributes);
      for (const problem of parsed.problems) report.at(directive, problem);
      // The model keeps only the largest cascades, and those of the posts asked for.
      if (parsed.spec) for (const id of chartPostIds(parsed.spec)) postIds.add(id);
    } else if (known.name === 'post' && attributes['id']?.trim()) {
      postIds.add(attributes['id'].trim());
    }
  });
  return { figureQueries: [...figures.values()], postIds: [...postIds], diagnostics: sortDiagnostics(report.diagnostics) };
}
