/**
 * The case's events on a time axis: a dashed rule at each, its label in a band above the plot, wrapped
 * to the room on the side of its rule that has more, so labels never cover bars, lines or the peak.
 */
import type { TextOptions } from '@observablehq/plot';
import { Plot } from './drawing.ts';
import { cssVar, fontSize, type Layout } from './theme.ts';
import { wrapText } from './wrap.ts';

export interface ChartEvent {
  time: number;
  label: string;
}

const lineHeight = fontSize + 3;

/**
 * Marks for `events` on an x axis over `domain`, drawn between `marginLeft` and `width - marginRight`;
 * `top` is the y value the rules reach. `band` is the height to add to the plot's top margin.
 */
export function eventMarks(events: ChartEvent[], domain: [number, number], layout: Layout, marginLeft: number, marginRight: number, top: number) {
  const x = (t: number) => marginLeft + ((t - domain[0]) / (domain[1] - domain[0])) * (layout.width - marginLeft - marginRight);
  let line = 0;
  const placed = events.map((e) => {
    const right = x(e.time) <= (marginLeft + layout.width - marginRight) / 2;
    const lines = wrapText(e.label, right ? layout.width - x(e.time) - 4 : x(e.time) - 4);
    const at = { ...e, text: lines.join('\n'), line, right };
    line += lines.length;
    return at;
  });
  const band = line * lineHeight;
  const marks = placed.flatMap((e) => [
    Plot.ruleX([e.time], { stroke: cssVar.muted, strokeDasharray: '4 3', y1: 0, y2: top }),
    Plot.text([e], {
      x: 'time', text: 'text', frameAnchor: 'top', lineAnchor: 'top', dy: -band - 4 + e.line * lineHeight, lineHeight: lineHeight / fontSize,
      ...(e.right ? { textAnchor: 'start', dx: 4 } : { textAnchor: 'end', dx: -4 }),
      fill: 'currentColor',
    } as TextOptions),
  ]);
  return { band, marks };
}
