import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stackLabels, type Box, type StackBar, type StackLabel } from './stack-labels.ts';
import { charWidth, fontSize } from './theme.ts';

const names = ['Original posts', 'Reposts'];
/** A plotting area 300 px wide and 200 px tall, 0 to 100 posts. */
const top = 20;
const bottom = 220;
const y = (v: number) => bottom - (v / 100) * (bottom - top);
const bar = (i: number, post: number, repost: number): StackBar => ({ x1: 40 + i * 30, x2: 40 + i * 30 + 28, values: [post, repost] });
const labelWidth = (index: number) => names[index]!.length * charWidth;

/** Whether a label's text (as drawn, from its anchor) lies over the box. */
function overlaps({ at, anchor, index }: StackLabel, box: Box): boolean {
  const [x1, x2] = anchor === 'start' ? [at.x, at.x + labelWidth(index)] : [at.x - labelWidth(index), at.x];
  return x1 < box.x2 && x2 > box.x1 && at.y - fontSize / 2 < box.y2 && at.y + fontSize / 2 > box.y1;
}

describe('stackLabels', () => {
  test('names each kind beside the tallest bar when the next bar is lower than its lowest segment\'s middle', () => {
    const labels = stackLabels([bar(0, 20, 60), bar(1, 1, 2), bar(2, 1, 1)], [22, 63], names, y, [top, bottom], [40, 340])!;
    expect(labels.map((l) => [l.index, l.anchor, l.from.x])).toEqual([[0, 'start', 68], [1, 'start', 68]]);
  });

  test('passes over a bar whose neighbours stand as high as its segments, and gives up when none has room', () => {
    // The tallest bar (2) has tall neighbours on both sides; bar 4 stands alone at the right with room after it.
    const bars = [bar(0, 30, 50), bar(1, 30, 55), bar(2, 40, 50), bar(3, 1, 1), bar(4, 20, 30)];
    const labels = stackLabels(bars, [121, 186], names, y, [top, bottom], [40, 400])!;
    expect(labels[0]!.from.x).toBe(bars[4]!.x2);
    // Every bar crowded by its neighbours, and no room at the edges: the caller draws its key.
    const crowded = [bar(0, 30, 50), bar(1, 30, 55), bar(2, 40, 50)];
    expect(stackLabels(crowded, [100, 155], names, y, [top, bottom], [40, 130])).toBeUndefined();
  });

  test('keeps clear of the obstacles it is given, such as the peak label', () => {
    const bars = [bar(0, 20, 60), bar(1, 1, 2)];
    const free = stackLabels(bars, [21, 62], names, y, [top, bottom], [40, 340])!;
    // A box over the right-hand side sends the names to the next bar that has room.
    const blocked = stackLabels(bars, [21, 62], names, y, [top, bottom], [40, 340], [{ x1: 70, x2: 120, y1: top, y2: bottom }]);
    expect(free[0]!.from.x).toBe(68);
    expect(blocked?.[0]!.from.x).not.toBe(68);
  });

  test('never puts a name over another bar or an obstacle', () => {
    const bars = fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })), { minLength: 1, maxLength: 12 });
    fc.assert(fc.property(bars, fc.integer({ min: 100, max: 400 }), (rows, right) => {
      const stack = rows.map(([post, repost], i) => bar(i, post, repost));
      const totals = [0, 1].map((k) => rows.reduce((s, r) => s + r[k]!, 0));
      const labels = stackLabels(stack, totals, names, y, [top, bottom], [40, 40 + right]);
      if (!labels) return;
      const chosen = stack.find((b) => b.x1 === labels[0]!.from.x || b.x2 === labels[0]!.from.x)!;
      for (const l of labels) {
        for (const other of stack) {
          if (other === chosen || other.values[0]! + other.values[1]! === 0) continue;
          expect(overlaps(l, { x1: other.x1, x2: other.x2, y1: y(other.values[0]! + other.values[1]!), y2: bottom })).toBe(false);
        }
        const far = l.anchor === 'start' ? l.at.x + labelWidth(l.index) : l.at.x - labelWidth(l.index);
        expect(far).toBeLessThanOrEqual(40 + right);
        expect(far).toBeGreaterThanOrEqual(40);
      }
    }));
  });
});
