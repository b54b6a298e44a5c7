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
  /** A point's shape instead, as Plot draws its symbols (for charts of dots told apart by shape too). */
  symbol?: 'circle' | 'square' | 'triangle' | 'diamond';
  /** Fill opacity of the swatch, as the marks it stands for are drawn. */
  opacity?: number;
}

/** A filled shape of about the swatch's area centred on (x, y). */
function symbolSwatch(symbol: NonNullable<LegendItem['symbol']>, x: number, y: number, colour: string, opacity = 1): Element {
  const shape = symbolShape(symbol, x, y, colour);
  if (opacity !== 1) shape.setAttribute('fill-opacity', String(opacity));
  return shape;
}

function symbolShape(symbol: NonNullable<LegendItem['symbol']>, x: number, y: number, colour: string): Element {
  const r = swatch / 2 - 1;
  switch (symbol) {
    case 'circle':
      return svgElement('circle', { cx: x, cy: y, r: r - 0.5, fill: colour });
    case 'square':
      return svgElement('rect', { x: x - r + 1, y: y - r + 1, width: 2 * r - 2, height: 2 * r - 2, fill: colour });
    case 'triangle':
      return svgElement('path', { d: `M${x},${y - r}L${x + r},${y + r * 0.8}L${x - r},${y + r * 0.8}Z`, fill: colour });
    case 'diamond':
      return svgElement('path', { d: `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`, fill: colour });
  }
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
        group.append(item.symbol !== undefined
          ? symbolSwatch(item.symbol, x + swatch / 2, y, item.colour, item.opacity)
          : item.dash === undefined
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
