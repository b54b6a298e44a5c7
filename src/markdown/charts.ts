/**
 * `::chart{…}`: a chart computed from the case model, rendered through the shared chart module into a
 * `<figure>` whose HTML is trusted (it escapes its own text) and so bypasses the sanitiser in a slot.
 */
import type { LeafDirective } from 'mdast-util-directive';
import { renderFigure } from '../charts/index.ts';
import { buildChart } from './chart-build.ts';
import { attributesOf } from './attributes.ts';
import type { Element } from 'hast';
import { canonicalChart, chartBasis } from '../charts/registry.ts';
import { coordinationParameters } from './coordination-params.ts';
import { chartId, parseChart } from './chart-parse.ts';
import type { RenderState } from './state.ts';
import { trackedTags } from './tracked-tags.ts';
import { foldTag } from '../ingest/normalise-post.ts';

/**
 * The replacement for the directive: a placeholder for the figure's HTML, and what goes beside it (the
 * coordination parameters box for a coordination chart); nothing when it cannot be drawn.
 */
export function chartDirective(node: LeafDirective, state: RenderState): { placeholder: string; beside?: Element } | undefined {
  const { ctx, report } = state;
  const parsed = parseChart(attributesOf(node));
  for (const problem of parsed.problems) report.at(node, problem);
  if (!parsed.spec) return undefined;
  if (!ctx.model || !ctx.caseId) {
    report.at(node, {
      ruleId: 'markdown/no-case-data',
      message: 'Unexpected `::chart` outside a case, expected charts only in a case report, where there is data to plot.',
      hint: 'Move the chart into the case report, or link to the case’s page that shows it.',
    });
    return undefined;
  }
  // Ids use the tag as the case spells it, so an alias in the text still names the chart one way.
  const tags = ctx.caseData ? trackedTags(ctx.caseData) : new Map<string, string>();
  const canonical = (tag: string) => tags.get(foldTag(tag)) ?? tag;
  const spec = canonicalChart(parsed.spec, canonical);
  const id = chartId(spec);
  if (state.chartIds.has(id)) {
    report.at(node, {
      ruleId: 'markdown/duplicate-id',
      message: `Unexpected second chart \`${id}\`, expected each chart once per page.`,
      actual: id,
      hint: 'Link to the first figure instead of drawing it again.',
    });
    return undefined;
  }
  const built = buildChart(spec, id, {
    model: ctx.model,
    ...(ctx.caseData ? { caseData: ctx.caseData } : {}),
    locale: ctx.locale,
    timeZone: ctx.timeZone,
    label: (authorId) => ctx.account(authorId)?.label ?? authorId,
  });
  if ('problem' in built) {
    report.at(node, built.problem);
    return undefined;
  }
  state.chartIds.add(id);
  if (!state.render) return undefined;
  const output = built.draw();
  state.collected.charts.push({ id, output });
  const placeholder = state.slots.add(
    renderFigure(output, {
      id,
      caption: spec.caption ?? output.title,
      csvHref: ctx.urls.chartData(ctx.caseId, id, 'csv'),
      jsonHref: ctx.urls.chartData(ctx.caseId, id, 'json'),
      printedCsvHref: ctx.urls.absolute(ctx.urls.chartData(ctx.caseId, id, 'csv')),
      locale: ctx.locale,
    }),
  );
  // A coordination chart lifted out of the page still says how its ties were found.
  const coordination = chartBasis(spec) === 'coordination' ? ctx.model.coordination : undefined;
  return coordination ? { placeholder, beside: coordinationParameters(coordination, ctx, { intro: false }) } : { placeholder };
}
