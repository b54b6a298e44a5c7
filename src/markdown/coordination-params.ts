/**
 * The parameters box of the coordination analysis: what every coordination number rests on (the signals,
 * the window, the thresholds in force with the resolved percentile weight, the burst cap, the normalisation
 * versions and the hash of the posts read). `::coordination` opens with it and every coordination chart
 * carries it, folded, so a figure lifted out of the page still says how it was computed.
 */
import type { Element } from 'hast';
import type { CoordinationResult } from '../aggregate/coordination/types.ts';
import { listFormat } from '../locale/intl.ts';
import { slot, translator } from '../locale/messages.ts';
import { h, rich, type Child } from './hast.ts';
import type { RenderContext } from './types.ts';

export function coordinationParameters(result: CoordinationResult, ctx: Pick<RenderContext, 'locale' | 'caseId' | 'urls' | 'coordinationInputHash'>, options: { intro: boolean }): Element {
  const t = translator(ctx.locale);
  const p = result.params;
  const signals = (key: 'chart.coordSignal' | 'coord.signalDoes', type: Intl.ListFormatType) =>
    listFormat(ctx.locale, { type }).format(p.signals.map((signal) => t(key, { signal })));
  const code = (text: string) => h('code', {}, [text]);
  const norm = result.normalisation;
  const facts: [string, Child[]][] = [
    [t('coord.signals'), [signals('chart.coordSignal', 'conjunction')]],
    [t('coord.window'), [t('coord.windowValue', { window: p.window })]],
    [t('coord.accountsAnalysed'), [t('coord.accountsValue', { eligible: result.counts.eligibleAccounts, total: result.counts.accounts, minPosts: p.minPosts })]],
    [
      t('coord.tieNeeds'),
      [
        t('coord.tieValue', { weight: p.resolvedMinWeight }),
        ' ',
        p.weightPercentile !== undefined
          ? t('coord.percentile', { min: p.minWeight, percentile: p.weightPercentile, resolved: p.percentileWeight ?? 0 })
          : t('coord.noPercentile'),
      ],
    ],
    [t('coord.burst'), [t('coord.burstValue', { cap: p.burstCap })]],
    [
      t('coord.normalisation'),
      rich(
        norm.nearText
          ? t('coord.normalisationNear', { text: slot('text'), url: slot('url'), near: slot('near'), similarity: p.nearTextSimilarity })
          : t('coord.normalisationValue', { text: slot('text'), url: slot('url') }),
        { text: code(norm.text), url: code(norm.url), near: norm.nearText ? code(norm.nearText) : null },
      ),
    ],
    [
      t('coord.input'),
      ctx.coordinationInputHash ? [`${t('coord.inputHash')} `, h('span', { className: ['hash'] }, [ctx.coordinationInputHash])] : [t('coord.inputFiles')],
    ],
  ];
  const all = ctx.caseId ? h('a', { href: ctx.urls.dataFile(ctx.caseId, 'coordination/params.json') }, [t('coord.allParameters')]) : t('coord.allParameters');
  const list = h('dl', { className: ['facts'] }, facts.flatMap(([term, value]) => [h('dt', {}, [term]), h('dd', {}, value)]));
  const title = h('strong', {}, [t('coord.paramsTitle')]);
  // Beside a chart the box folds to its title: on a phone the whole list would stand a screen long after
  // every chart, repeating the block's. A closed <details> opens without script, and prints open.
  if (!options.intro) return h('details', { className: ['coordination-params'] }, [h('summary', {}, [title]), list, h('p', {}, [all, '.'])]);
  return h('div', { className: ['coordination-params'] }, [
    h('p', { className: ['coordination-params-title'] }, [title]),
    h('p', {}, [t('coord.paramsIntro', { signals: signals('coord.signalDoes', 'disjunction'), window: p.window, weight: p.resolvedMinWeight }), ' ', all, '.']),
    list,
  ]);
}
