/**
 * Entry: read the URL → create the store → once the first paint is on screen, start the data,
 * React's code and the map code → as soon as the data and React's code are in, hydrate the
 * prerendered page (or render the URL's view afresh).
 *
 * The page's content does not wait for the map (issues 12 §1, 15 §2): the build prerenders the
 * default view into index.html (src/app/prerender.tsx), so the header, legend, filters, list and
 * summary paint with the HTML, and the poster map (src/map/poster-svg.ts) stands in the map's
 * place. The data, React's code and the map's code are fetched once that paint is on screen
 * (app/after-first-paint.ts); React waits for the data, which the store must hold for the
 * client's first render to equal the prerendered one. The map's owner
 * (src/map/map-owner.ts) is started by the map's container once React has rendered it; the
 * owner hides the poster when MapLibre has drawn.
 *
 * A URL that asks for another view (language, filters, date, selection, embed): the head script
 * public/view-check.js (classic, blocking, same origin: the CSP allows no inline script; kept
 * tiny, it counts as first-load JS) has marked <html class="view-pending">, which hides the
 * prerendered panel content but not the layout or the poster (app/map-poster.css) and sets the
 * page's language; React renders that view afresh, and Root's first commit removes the mark. If
 * a script of the page fails to load, or after 15 s, the mark goes anyway.
 */
import { loadAtlas } from './data/load-atlas';
import { loadBaseMap } from './data/load-base-map';
import { createAppStore } from './state/create-app-store';
import { parseUrlState, serializeUrlState } from './state/url-codec';
import { selectUrlState } from './state/selectors';
import { startUrlSync } from './state/url-sync';
import { startEmbedMessages } from './state/embed-messages';
import { preloadMap } from './app/map-code';
import { afterFirstPaint } from './app/after-first-paint';
import { noteEarlyClicks, notePrerenderedControls } from './app/early-input';
// In the entry rather than a chunk of its own: the map and the shell both use it, and one
// small chunk less is ~0.2 kB less to download (the JS budget, see README).
import './map/base-style';
// Stylesheets in the order they had when the shell was in this chunk: the panels' own rules
// first, then app.css, whose phone rules (44 px targets, bottom sheet) override them. The shell's
// chunk loads later, so its copy of the panels' CSS would come after app.css.
import './panels/filter-panel.css';
import './panels/project-list.css';
// The deferred panels' rules too: their prerendered markup is styled from the first paint, not
// when their code arrives (it jumped 175 px then).
import './panels/status-summary.css';
import './panels/export-buttons.css';
import './app/app.css';
import './app/map-poster.css';

performance.mark('cdmz:entry');
// Content first: the prerendered page paints with the HTML and the stylesheets alone. The data,
// React's code and the map's code are fetched and run only once that paint is on screen
// (app/after-first-paint.ts says why), so they neither share the network with what paints first
// nor hold the first frame. The map's owner is started by the map's container
// (src/map/map-view.tsx) once React has rendered its slot. A failure to load the map code is the
// map slot's message (map-handle status `code-failed`); nothing else waits for it.
const store = createAppStore(parseUrlState(window.location.search));
const dataBase = new URL('./', document.baseURI);
const firstPaint = afterFirstPaint().then(() => performance.mark('cdmz:first-paint'));
const baseMap = firstPaint.then(() => loadBaseMap(dataBase));
void baseMap.then(() => performance.mark('cdmz:base-data'));
const atlas = firstPaint
  .then(() => loadAtlas(dataBase, baseMap))
  .then((result) => {
    performance.mark('cdmz:atlas');
    store.getState().setData(result);
  });
const shellCode = firstPaint.then(() => import('./app/mount'));
void firstPaint.then(() => preloadMap().catch(() => undefined));
startUrlSync(store);
startEmbedMessages(store);
const pageLang = store.getState().lang === 'zh' ? 'zh-CN' : 'en';
if (document.documentElement.lang !== pageLang) document.documentElement.lang = pageLang; // see app/root.tsx
document.documentElement.classList.toggle('embed-page', store.getState().embed);

const rootEl = document.getElementById('root');
if (rootEl) {
  // The poster's markup, read before React touches the page (app/map-poster.tsx; not imported
  // here: that module is React's, in the shell's chunk).
  const poster = document.querySelector('.map-poster')?.innerHTML ?? '';
  const prerendered = rootEl.dataset.prerendered === 'default';
  // What the prerendered controls say, so a tap before React has them is not lost (early-input.ts).
  if (prerendered) {
    notePrerenderedControls(rootEl);
    noteEarlyClicks(rootEl);
  }
  void Promise.all([shellCode, atlas])
    .then(([{ mountShell }]) => {
      const state = store.getState();
      // Hydrate only what the build rendered: the default view with the data loaded.
      const hydrate = prerendered && state.dataStatus === 'ready' && serializeUrlState(selectUrlState(state)) === '';
      mountShell(rootEl, store, baseMap, { hydrate, poster });
    })
    .catch((e: unknown) => {
      console.error('CDMZ Atlas: the page could not start', e);
      document.documentElement.classList.remove('view-pending');
      rootEl.insertAdjacentHTML('beforeend', '<p role="alert">本页无法加载，请刷新。The page could not be loaded; please reload.</p>');
    });
}
