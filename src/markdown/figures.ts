/**
 * A figure directive rendered as its computed value, linked to its entry in the methodology appendix.
 * When the text states the value it was written for (`expect=`), a different value fails the build:
 * the report can never contradict its own data.
 */
import type { FigureMeasure } from '../aggregate/figure-query.ts';
import { figureKey } from '../aggregate/figure-query.ts';
import type { TextDirective } from 'mdast-util-directive';
import { attributesOf } from './attributes.ts';
import { describeFigure } from './figure-describe.ts';
import { expectMatches, figureAnchor, formatFigure } from './figure-format.ts';
import { parseFigure } from './figure-parse.ts';
import type { RenderState } from './state.ts';
import { trackedTags } from './tracked-tags.ts';

export function figureDirective(node: TextDirective, measure: FigureMeasure, state: RenderState): void {
  const { ctx, report } = state;
  const parsed = parseFigure(measure, attributesOf(node));
  for (const problem of parsed.problems) report.at(node, problem);
  const { query } = parsed;
  if (!query) return;
  if (!ctx.model || !ctx.caseId) {
    report.at(node, {
      ruleId: 'markdown/no-case-data',
      message: `Unexpected \`:${measure}\` outside a case, expected figures only in a case report, where there is data to compute them.`,
      hint: 'Write the number in words here, or move the figure into the case report.',
    });
    return;
  }
  if (query.hashtag !== undefined && ctx.caseData) {
    const tags = trackedTags(ctx.caseData);
    if (!tags.has(query.hashtag.toLowerCase())) {
      report.at(node, {
        ruleId: 'reference/hashtag',
        message: `Unexpected hashtag \`${query.hashtag}\`, expected one the case tracks: ${[...new Set(tags.values())].join(', ')}.`,
        actual: query.hashtag,
        hint: 'Add the hashtag to the case’s `hashtags`, or correct its spelling.',
      });
      return;
    }
  }
  const key = figureKey(query);
  const answer = ctx.model.figures[key];
  if (!answer) {
    report.at(node, {
      ruleId: 'figure/unanswered',
      message: `Unexpected figure without a computed value (\`${key}\`), expected the aggregation to answer every figure of the case.`,
      actual: key,
      hint: 'Rebuild the case model: the figure queries come from collectDataRequests on this same text.',
    });
    return;
  }
  const label = (account: string) => ctx.account(account)?.label ?? account;
  const formatted = formatFigure(answer.value, query, ctx.locale, ctx.timeZone);
  const description = describeFigure(query, ctx.locale, ctx.timeZone, label);
  const place = report.place(node);
  state.collected.figures.push({ key, query, value: answer.value, formatted, line: place.line, column: place.column, description });
  if (parsed.expect !== undefined && !expectMatches(answer.value, query, parsed.expect, ctx.timeZone)) {
    // Diagnostics are in English whatever the case language.
    const shown = formatFigure(answer.value, query, 'en', ctx.timeZone);
    report.at(node, {
      ruleId: 'figure/expect-mismatch',
      message: `Unexpected ${shown} for ${describeFigure(query, 'en', ctx.timeZone, label)}, expected ${parsed.expect} (as written in the text).`,
      actual: shown,
      expected: parsed.expect,
      hint: 'Update the text (and its expect=) or check the data change that moved this figure.',
    });
  }
  node.data = {
    hName: 'a',
    hProperties: {
      className: ['figure'],
      href: `${ctx.urls.caseSection(ctx.caseId, 'methodology')}#${figureAnchor(key)}`,
      dataFigureKey: key,
    },
    hChildren: [{ type: 'text', value: formatted }],
  };
}
