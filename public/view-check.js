/*
 * CDMZ Atlas: runs in <head> before the page's body is drawn (a classic, blocking, same-origin
 * script: the Content-Security-Policy allows no inline script). The HTML holds the build's
 * prerendered DEFAULT view (Chinese, no filters, latest date, nothing selected). When the
 * address asks for another view, the page must not show the default view's content meanwhile:
 * this marks <html class="view-pending"> (app.css hides the panels' content, not the layout),
 * sets the page's language and the embed layout class, and React's first render removes the
 * mark (src/app/root.tsx). If the page's script cannot load or start, the mark goes after a
 * while, so the prerendered content is not hidden for good.
 */
(function () {
  var keys = ['lang', 'date', 'cat', 'status', 'city', 'corridor', 'within', 'zone', 'q', 'sel', 'embed', 'county', 'evidence'];
  var root = document.documentElement;
  var params;
  try {
    params = new URLSearchParams(location.search);
  } catch {
    return;
  }
  var pending = false;
  for (var i = 0; i < keys.length; i++) if (params.has(keys[i])) pending = true;
  if (!pending) return;
  if (params.get('lang') === 'en') root.lang = 'en';
  if (params.get('embed') === '1') root.classList.add('embed-page');
  root.classList.add('view-pending');
  var reveal = function () {
    root.classList.remove('view-pending');
  };
  // A script of the page that fails to load: show what there is.
  addEventListener('error', function (e) {
    if (e.target && e.target.tagName === 'SCRIPT') reveal();
  }, true);
  setTimeout(reveal, 15000);
})();
