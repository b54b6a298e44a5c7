/**
 * The attributes of a wide table's scrolling region (`TableScroll.astro`, and tables built as hast): it
 * scrolls sideways inside a focusable, labelled region, so keyboard users can scroll it too and screen
 * readers announce what it holds. Attribute names, as both Astro and hastscript take them.
 */
export function tableScrollAttributes(labelledBy: string, stack = false): { class: string; tabindex: string; 'aria-labelledby': string } {
  return { class: stack ? 'table-scroll table-stack' : 'table-scroll', tabindex: '0', 'aria-labelledby': labelledBy };
}
