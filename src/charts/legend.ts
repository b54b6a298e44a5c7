/**
 * A legend drawn inside the SVG, below the x axis (the top left holds the y axis label): Plot's own legends
 * are HTML beside the SVG, which a downloaded SVG would lose.
 */
import { svgElement } from './svg.ts';
import { charWidth, fontSize } from './theme.ts';

export interface LegendItem {
  label: string;
  colour: string;
  /** Line swatch with this dash pattern; a filled square otherwise. */
  dash?: string;
}

const rowHeight = fontSize + 8;
const swatch = 14;
const gap = 16;

export interface Legend {
  /** Vertical space the legend takes, to add to the plot's bottom margin. */
  height: number;
  /** Appends the legend to the bottom of `svg`, whose total height is `svgHeight`. */
  draw(svg: Element, svgHeight: number): void;
}

/** Items placed in rows from `left`, wrapping before `width`. */
export function legend(items: LegendItem[], left: number, width: number): Legend {
  const placed: { item: LegendItem; x: number; row: number }[] = [];
  let x = left;
  let row = 0;
  for (const item of items) {
    const itemWidth = swatch + 4 + item.label.length * charWidth;
    if (x > left && x + itemWidth > width) {
      x = left;
      row += 1;
    }
    placed.push({ item, x, row });
    x += itemWidth + gap;
  }
  return {
    height: items.length === 0 ? 0 : (row + 1) * rowHeight,
    draw(svg, svgHeight) {
      const group = svgElement('g', { 'aria-hidden': 'true', class: 'cf-chart-legend', transform: `translate(0,${svgHeight - (row + 1) * rowHeight - 4})` });
      for (const { item, x, row } of placed) {
        const y = row * rowHeight + rowHeight / 2;
        group.append(item.dash === undefined
          ? svgElement('rect', { x, y: y - swatch / 2, width: swatch, height: swatch, fill: item.colour })
          : svgElement('line', { x1: x, x2: x + swatch, y1: y, y2: y, stroke: item.colour, 'stroke-width': 2, 'stroke-dasharray': item.dash }));
        const text = svgElement('text', { x: x + swatch + 4, y, dy: '0.32em', 'text-anchor': 'start' });
        text.textContent = item.label;
        group.append(text);
      }
      svg.append(group);
    },
  };
}
