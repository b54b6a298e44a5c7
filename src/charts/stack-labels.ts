/**
 * Direct labels for a stacked bar chart: each kind named beside its own segment of one bar, the tallest
 * that holds every kind shown and has room beside it, instead of a legend the eye has to go back and forth
 * to. Labels keep their segment's height where they can; where segments are thin they are pushed apart and
 * a short leader ties each to its segment. Where no bar holds every kind with room beside it, the caller
 * keeps its key.
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

/** A rectangle the labels must stay clear of (pixels), such as the peak's label. */
export interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/**
 * Labels for the kinds whose `totals` are above 0, beside a bar holding them all, or undefined.
 * `y` maps a value to its pixel height; `[top, bottom]` and `[left, right]` bound the plotting area.
 * The tallest bar is tried first, on its right then on its left, then the next tallest: a side is taken
 * only where its labels and leaders cross no other bar and none of `obstacles`, so a name never sits on a
 * neighbouring bar (a campaign that fades day by day leaves no room beside any bar: its key is drawn).
 */
export function stackLabels(
  bars: StackBar[],
  totals: number[],
  names: string[],
  y: (value: number) => number,
  vertical: [top: number, bottom: number],
  horizontal: [left: number, right: number],
  obstacles: Box[] = [],
): StackLabel[] | undefined {
  const shown = totals.flatMap((t, i) => (t > 0 ? [i] : []));
  if (shown.length === 0) return undefined;
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  const candidates = bars.filter((b) => shown.every((i) => b.values[i]! > 0)).sort((a, b) => sum(b.values) - sum(a.values));
  const width = Math.max(...shown.map((i) => names[i]!.length)) * charWidth + 8;
  // Every other bar, as the rectangle it fills from its top down to the axis.
  const solid = (chosen: StackBar): Box[] => [
    ...bars.filter((b) => b !== chosen && sum(b.values) > 0).map((b) => ({ x1: b.x1, x2: b.x2, y1: y(sum(b.values)), y2: vertical[1] })),
    ...obstacles,
  ];
  for (const chosen of candidates) {
    for (const right of [true, false]) {
      const labels = place(chosen, shown, right, y, vertical);
      const edge = right ? chosen.x2 : chosen.x1;
      const far = right ? edge + 6 + width : edge - 6 - width;
      if (far > horizontal[1] || far < horizontal[0]) continue;
      const [x1, x2] = right ? [edge, far] : [far, edge];
      const clear = solid(chosen).every((box) => labels.every((l) => {
        const y1 = Math.min(l.from.y, l.at.y - lineHeight / 2);
        const y2 = Math.max(l.from.y, l.at.y + lineHeight / 2);
        return box.x2 <= x1 || box.x1 >= x2 || box.y2 <= y1 || box.y1 >= y2;
      }));
      if (clear) return labels;
    }
  }
  return undefined;
}

/** Each kind's name level with its segment of `chosen`, pushed apart where segments are thin. */
function place(chosen: StackBar, shown: number[], right: boolean, y: (value: number) => number, vertical: [number, number]): StackLabel[] {
  const edge = right ? chosen.x2 : chosen.x1;
  const x = right ? edge + 6 : edge - 6;
  const labels = shown.map((i) => {
    const mid = y(chosen.values.slice(0, i).reduce((s, v) => s + v, 0) + chosen.values[i]! / 2);
    return { index: i, from: { x: edge, y: mid }, at: { x, y: mid }, anchor: right ? ('start' as const) : ('end' as const) };
  });
  // Bottom segment first: push each label up clear of the one below, then down clear of the top edge.
  for (let k = 1; k < labels.length; k++) labels[k]!.at.y = Math.min(labels[k]!.at.y, labels[k - 1]!.at.y - lineHeight);
  const overflow = vertical[0] + lineHeight / 2 - labels.at(-1)!.at.y;
  if (overflow > 0) for (const l of labels) l.at.y = Math.min(l.at.y + overflow, vertical[1]);
  return labels;
}
