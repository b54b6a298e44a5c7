// Starts Pagefind's search interface. The site's only script, loaded only by the search page:
// every other page reads completely without JavaScript.
// A `?q=` address opens with that search done (the form without JavaScript submits to it too),
// the field has a real label, and a search that finds nothing says so.
window.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('search');
  if (!element || typeof PagefindUI === 'undefined') return;
  const ui = new PagefindUI({
    element: '#search',
    bundlePath: element.dataset.bundle,
    baseUrl: element.dataset.base,
    showImages: false,
    showSubResults: true,
    translations: { zero_results: 'Nothing on this site matches [SEARCH_TERM].' },
  });
  document.getElementById('search-fallback')?.remove();
  const input = element.querySelector('input');
  const label = document.getElementById('search-label');
  if (input && label) {
    input.id = label.htmlFor;
    input.name = 'q';
    label.hidden = false;
  }
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
});
