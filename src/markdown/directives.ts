/** Renders every directive of a body through its handler; unknown ones are reported and shown as written. */
import type { Root, Text } from 'mdast';
import type { Directives } from 'mdast-util-directive';
import type { Parent } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import { chartDirective } from './charts.ts';
import { coordinationBlock } from './coordination-block.ts';
import { coordinationFigureDirective } from './coordination-figure.ts';
import { attributesOf } from './attributes.ts';
import { classifyDirective, isProblem } from './directive-names.ts';
import { postDirective } from './evidence-card.ts';
import { figureDirective } from './figures.ts';
import { accountReference, entityReference } from './references.ts';
import type { RenderState } from './state.ts';

const directiveTypes = new Set(['textDirective', 'leafDirective', 'containerDirective']);

export function remarkDirectives(state: RenderState) {
  return (tree: Root) => {
    state.cardsOnPage = cardIds(tree, state);
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (!directiveTypes.has(node.type) || !parent || index === undefined) return;
      const directive = node as Directives;
      const known = classifyDirective(directive);
      const replace = (value: string) => {
        const text: Text = { type: 'text', value };
        parent.children[index] = text;
      };
      // A directive that could not be rendered stays visible as written, for the preview; the build fails anyway.
      const asWritten = () => {
        const { start, end } = directive.position ?? {};
        replace(start?.offset !== undefined && end?.offset !== undefined ? state.body.slice(start.offset, end.offset) : '');
      };
      if (isProblem(known)) {
        state.report.at(directive, known);
        asWritten();
        return SKIP;
      }
      if (known.name === 'chart' && directive.type === 'leafDirective') {
        const chart = chartDirective(directive, state);
        if (chart === undefined) asWritten();
        else if (chart.beside === undefined) replace(chart.placeholder);
        else {
          // The figure and its box in one block, so they stay together in the page and on paper.
          directive.data = {
            hName: 'div',
            hProperties: { className: ['chart-with-basis'] },
            hChildren: [{ type: 'text', value: chart.placeholder }, chart.beside],
          };
        }
        return SKIP;
      }
      if (known.name === 'account' && directive.type === 'textDirective') accountReference(directive, state);
      else if (known.name === 'entity' && directive.type === 'textDirective') entityReference(directive, state);
      else if (known.name === 'figure' && directive.type === 'textDirective') figureDirective(directive, known.measure, state);
      else if (known.name === 'post' && directive.type === 'leafDirective') postDirective(directive, state);
      else if (known.name === 'coordination' && directive.type === 'textDirective') coordinationFigureDirective(directive, state);
      else if (known.name === 'coordination' && directive.type === 'leafDirective') {
        const block = coordinationBlock(directive, state);
        if (block) directive.data = { hName: block.tagName, hProperties: block.properties, hChildren: block.children };
      }
      if (directive.data?.hName === undefined) asWritten();
      return SKIP;
    });
  };
}

/** The posts the body shows as evidence cards, wherever they are: a table above a card can link down to it. */
function cardIds(tree: Root, state: RenderState): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'leafDirective', (node) => {
    const id = node.name === 'post' ? attributesOf(node)['id']?.trim() : undefined;
    if (id && state.ctx.model?.posts[id]) ids.add(id);
  });
  return ids;
}
