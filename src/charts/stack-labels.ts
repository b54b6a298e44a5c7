/**
 * Direct labels for a stacked bar chart: each kind named beside its own segment of one bar, the tallest
 * that holds every kind shown, instead of a legend the eye has to go back and forth to. Labels keep their
 * segment's height where they can; where segments are thin they are pushed apart and a short leader ties
 * each to its segment. Where no bar holds every kind, the caller keeps its key.
 */
import { charWidth, fontSize } from './theme.ts';

export interface StackBar {
  /** Pixel x of the bar's left and right edges. */
  x1: number;
  x2: number;
  /** Segment values bottom to top, in the stack's order; 0 where the kind is absent. */
  values: number[];
}

export interface StackLabel {
  /** Index of the segment (kind) named. */
  index: number;
  /** Where the segment's middle is, and where its name goes (pixels). */
  from: { x: number; y: number };
  at: { x: number; y: number };
  anchor: 'start' | 'end';
}

const lineHeight = fontSize + 2;

/**
 * Labels for the kinds whose `totals` are above 0, beside the tallest bar holding them all, or undefined.
 * `y` maps a value to its pixel height; `[top, bottom]` and `[left, right]` bound the plotting area.
 */
export function stackLabels(
  bars: StackBar[],
  totals: number[],
  names: string[],
  y: (value: number) => number,
  vertical: [top: number, bottom: number],
  horizontal: [left: number, right: number],
): StackLabel[] | undefined {
  const shown = totals.flatMap((t, i) => (t > 0 ? [i] : []));
  if (shown.length === 0) return undefined;
  let bar: StackBar | undefined;
  let best = -1;
  for (const b of bars) {
    const total = b.values.reduce((s, v) => s + v, 0);
    if (total > best && shown.every((i) => b.values[i]! > 0)) [bar, best] = [b, total];
  }
  if (!bar) return undefined;
  const chosen = bar;
  const width = Math.max(...shown.map((i) => names[i]!.length)) * charWidth + 8;
  // Right of the bar when the names fit there, otherwise left of it.
  const right = chosen.x2 + width <= horizontal[1];
  const edge = right ? chosen.x2 : chosen.x1;
  const x = right ? edge + 6 : edge - 6;
  let base = 0;
  const labels = shown.map((i) => {
    const before = chosen.values.slice(0, i).reduce((s, v) => s + v, 0);
    base = before;
    const mid = y(base + chosen.values[i]! / 2);
    return { index: i, from: { x: edge, y: mid }, at: { x, y: mid }, anchor: right ? ('start' as const) : ('end' as const) };
  });
  // Bottom segment first: push each label up clear of the one below, then down clear of the top edge.
  for (let k = 1; k < labels.length; k++) labels[k]!.at.y = Math.min(labels[k]!.at.y, labels[k - 1]!.at.y - lineHeight);
  const overflow = vertical[0] + lineHeight / 2 - labels.at(-1)!.at.y;
  if (overflow > 0) for (const l of labels) l.at.y = Math.min(l.at.y + overflow, vertical[1]);
  return labels;
}
