// CDMZ Atlas: marks <html class="view-pending"> when the address asks for another view than the prerendered default (see src/main.ts).
(function () {
  var keys = ['lang', 'date', 'cat', 'status', 'city', 'corridor', 'within', 'zone', 'q', 'sel', 'embed', 'county', 'evidence', 'bbox'];
  var root = document.documentElement, params, pending = false;
  try { params = new URLSearchParams(location.search); } catch { return; }
  for (var i = 0; i < keys.length; i++) if (params.has(keys[i])) pending = true;
  if (!pending) return;
  if (params.get('lang') === 'en') root.lang = 'en';
  if (params.get('embed') === '1') root.classList.add('embed-page');
  if (params.get('embed') === '1' && params.get('sel')) root.classList.add('embed-sel');
  root.classList.add('view-pending');
  var reveal = function () { root.classList.remove('view-pending'); };
  addEventListener('error', function (e) { if (e.target && e.target.tagName === 'SCRIPT') reveal(); }, true);
  setTimeout(reveal, 15000);
})();
