/**
 * Turns a Plot-rendered SVG element into the inline markup a page embeds: accessible, themeable by CSS
 * custom properties, and byte-identical across builds.
 */
import type { PlotOptions } from '@observablehq/plot';
import { drawingDocument, Plot } from './drawing.ts';
import { fontSize, type Layout } from './theme.ts';

const svgNs = 'http://www.w3.org/2000/svg';

export function svgElement(name: string, attributes: Record<string, string | number>): Element {
  const element = drawingDocument().createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** Element ids usable in `id` and `url(#…)`: chart ids come from authors, so anything else becomes `-`. */
export function safeId(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `chart-${cleaned}`;
}

/** Renders `options` with the shared document at the layout's width. */
export function plot(options: PlotOptions, layout: Layout): Element {
  const rendered = Plot.plot({ width: layout.width, className: 'cf-chart', ...options, document: drawingDocument() });
  // Plot returns a <figure> only when it adds a legend or title, which charts never ask for.
  if (rendered.tagName.toLowerCase() !== 'svg') throw new Error('Expected Plot to return a bare svg element.');
  return rendered as Element;
}

/** The id prefix of one layout of a chart, unique in the page that shows both. */
export function layoutId(id: string, layout: Layout): string {
  return `${safeId(id)}-${layout.name}`;
}

/**
 * Finishes a chart: drops Plot's <style> (the site CSS sizes charts), makes it scale to its container,
 * adds <title> and <desc>, moves `var(…)` colours into `style` (presentation attributes do not reliably
 * resolve custom properties), and renumbers Plot's ids, which come from process-wide counters.
 */
export function finishSvg(svg: Element, id: string, title: string, description: string, kind: string, layout: Layout): string {
  const base = layoutId(id, layout);
  svg.querySelector('style')?.remove();
  svg.setAttribute('class', `cf-chart cf-chart-${kind} cf-layout-${layout.name}`);
  svg.setAttribute('font-size', String(fontSize));
  svg.setAttribute('style', 'width:100%;height:auto');
  svg.setAttribute('role', 'img');
  // Named by its title and described by its desc, so a screen reader says each once.
  svg.setAttribute('aria-labelledby', `${base}-title`);
  svg.setAttribute('aria-describedby', `${base}-desc`);
  svg.removeAttribute('aria-label');
  svg.removeAttribute('aria-description');
  // Inside role="img" the marks are presentational; Plot's aria-label on plain <g> is not allowed there.
  for (const element of svg.querySelectorAll('[aria-label], [aria-description]')) {
    element.removeAttribute('aria-label');
    element.removeAttribute('aria-description');
  }

  const desc = svgElement('desc', { id: `${base}-desc` });
  desc.textContent = description;
  svg.insertBefore(desc, svg.firstChild);
  const titleElement = svgElement('title', { id: `${base}-title` });
  titleElement.textContent = title;
  svg.insertBefore(titleElement, svg.firstChild);

  const ids = new Map<string, string>();
  for (const element of svg.querySelectorAll('[id]')) {
    const old = element.getAttribute('id')!;
    if (old.startsWith('plot-')) {
      const renamed = `${base}-${ids.size + 1}`;
      ids.set(old, renamed);
      element.setAttribute('id', renamed);
    }
  }
  for (const element of [svg, ...svg.querySelectorAll('*')]) {
    for (const name of element.getAttributeNames()) {
      let value = element.getAttribute(name)!;
      for (const [old, renamed] of ids) value = value.replaceAll(`url(#${old})`, `url(#${renamed})`);
      if ((name === 'fill' || name === 'stroke') && value.startsWith('var(')) {
        element.removeAttribute(name);
        const style = element.getAttribute('style');
        element.setAttribute('style', `${style ? `${style};` : ''}${name}:${value}`);
      } else if (value !== element.getAttribute(name)) {
        element.setAttribute(name, value);
      }
    }
  }
  return svg.outerHTML;
}
