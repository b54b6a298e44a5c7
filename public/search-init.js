// Starts Pagefind's search interface. The site's only script, loaded only by the search page:
// every other page reads completely without JavaScript.
window.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('search');
  if (!element || typeof PagefindUI === 'undefined') return;
  new PagefindUI({
    element: '#search',
    bundlePath: element.dataset.bundle,
    baseUrl: element.dataset.base,
    showImages: false,
    showSubResults: true,
  });
  document.getElementById('search-fallback')?.remove();
});
