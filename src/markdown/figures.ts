/**
 * A figure directive rendered as its computed value, linked to its entry in the methodology appendix.
 * When the text states the value it was written for (`expect=`), a different value fails the build:
 * the report can never contradict its own data.
 */
import type { FigureMeasure } from '../aggregate/figure-query.ts';
import { figureKey, type FigureQuery, type UnknownName } from '../aggregate/figure-query.ts';
import type { TextDirective } from 'mdast-util-directive';
import { attributesOf } from './attributes.ts';
import { describeFigure } from './figure-describe.ts';
import { formatCalendarDate } from './format.ts';
import { expectMatches, figureAnchor, formatFigure } from './figure-format.ts';
import { parseFigure, unitOf } from './figure-parse.ts';
import type { Problem } from './report.ts';
import type { RenderState } from './state.ts';
import { trackedTags } from './tracked-tags.ts';
import { foldTag } from '../ingest/normalise-post.ts';

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
    if (!tags.has(foldTag(query.hashtag))) {
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
  const unknown = answer.unknown ?? [];
  for (const name of unknown) report.at(node, unknownName(measure, name));
  const outside = outsidePeriod(query, ctx.model.period);
  if (outside) report.at(node, outside);
  if (unknown.length > 0 || outside) return;
  if (answer.basis === 0 && !(parsed.expect !== undefined && statesZero(parsed.expect))) {
    report.at(node, {
      ruleId: 'figure/empty',
      message: `Unexpected \`:${measure}\` that matches nothing in the data (\`${key}\`), expected a figure computed from at least one ${query.measure === 'status-count' ? 'dossier' : query.measure === 'cascade-size' ? 'repost or quote' : 'post'}.`,
      actual: key,
      hint: unitOf(measure) === 'time'
        ? 'Check the hashtag, account, kind and dates: no post matches them, so there is no time to state.'
        : 'Check the hashtag, account, kind and dates; if nothing is the finding, say so with expect=0.',
    });
    return;
  }
  const label = (account: string) => ctx.account(account)?.label ?? account;
  const formatted = formatFigure(answer.value, query, ctx.locale, ctx.timeZone);
  const description = describeFigure(query, ctx.locale, ctx.timeZone, label);
  const place = report.place(node);
  state.collected.figures.push({
    key,
    query,
    value: answer.value,
    formatted,
    line: place.line,
    column: place.column,
    description,
    ...(parsed.expect !== undefined ? { expect: parsed.expect } : {}),
  });
  if (parsed.expect !== undefined && !expectMatches(answer.value, query, parsed.expect, ctx.timeZone)) {
    // Diagnostics are in English whatever the case language.
    const shown = formatFigure(answer.value, query, 'en', ctx.timeZone);
    const implied = impliedPeriod(query, ctx.caseData?.period);
    report.at(node, {
      ruleId: 'figure/expect-mismatch',
      message: `Unexpected ${shown} for ${describeFigure(query, 'en', ctx.timeZone, label)}${implied ? `, counted within the case's period (${implied}, ${ctx.timeZone})` : ''}, expected ${parsed.expect} (as written in the text).`,
      actual: shown,
      expected: parsed.expect,
      hint: implied
        ? "Update the text (and its expect=), or check the data change that moved this figure. Only posts within the case's `period` are counted; give from= and to= to count other days."
        : 'Update the text (and its expect=) or check the data change that moved this figure.',
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

function unknownName(measure: FigureMeasure, { option, name, suggestion }: UnknownName): Problem {
  const what = option === 'post' ? 'a post id in the case’s data' : 'a dossier id or the handle of an author in the case’s data';
  return {
    ruleId: option === 'post' ? 'figure/unknown-post' : 'figure/unknown-account',
    message: `Unexpected ${option}=\`${name}\` in \`:${measure}\`, expected ${what}.`,
    actual: name,
    expected: what,
    hint: suggestion !== undefined ? `Did you mean \`${suggestion}\`?` : option === 'post' ? 'Copy the post id from the dataset or the post’s URL.' : 'Check the spelling, or add a dossier for the account.',
  };
}

/** A from= or to= outside the case period asks about days the case's data does not cover. */
function outsidePeriod(query: FigureQuery, period: { from: string; to: string }): Problem | undefined {
  for (const name of ['from', 'to'] as const) {
    const value = query[name];
    if (value === undefined || (value >= period.from && value <= period.to)) continue;
    const expected = `a date from ${period.from} to ${period.to} (the case period)`;
    return {
      ruleId: 'figure/outside-period',
      message: `Unexpected ${name}=${value}, expected ${expected}.`,
      actual: value,
      expected,
      hint: 'Move the date inside the case period, or widen the case’s `period` if the data covers it.',
    };
  }
  return undefined;
}

/**
 * Whether `expect=` states that the figure is zero (`0`, `0%`, `0.0%`): the only way to publish an empty
 * answer. A time is stated as a date, never a number, so an empty time is always reported.
 */
function statesZero(stated: string): boolean {
  // Stryker disable next-line Regex: a stated share has one `%`, at its end (parseFigure).
  return Number(stated.replace(/%$/, '')) === 0;
}

/**
 * The days a figure counts when the text does not give both: the case's period fills in. Said in the
 * diagnostic, since a figure that counts fewer posts than the dataset holds is otherwise a puzzle.
 * Cascade sizes and dossier status counts do not depend on days.
 */
function impliedPeriod(query: FigureQuery, period: { from: string; to: string } | undefined): string | undefined {
  if (!period || (query.from && query.to)) return undefined;
  if (query.measure === 'cascade-size' || (query.measure === 'status-count' && query.hashtag === undefined)) return undefined;
  return `${formatCalendarDate(query.from ?? period.from, 'en')} to ${formatCalendarDate(query.to ?? period.to, 'en')}`;
}
