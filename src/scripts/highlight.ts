// Document pages opened from a search result (…/doc/<slug>/?highlight=<query>) mark the query in
// the title and body with Pagefind's highlighter (loaded only then, from the first search shard).
// addStyles: false — it would add a <style> element, which the CSP forbids; the marks are styled
// in base.css (.pagefind-highlight).
const query = new URLSearchParams(location.search).get('highlight');
if (query) {
  const url = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pagefind/s0/pagefind-highlight.js`;
  import(/* @vite-ignore */ url)
    .then((mod: { default: new (options: Record<string, unknown>) => unknown }) => {
      new mod.default({
        highlightParam: 'highlight',
        addStyles: false,
        markOptions: { className: 'pagefind-highlight' },
      });
    })
    .catch(() => {
      // no search index (a build without it): the page reads as it is
    });
}
