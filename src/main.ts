/**
 * Entry: read the URL → create the store → start the map code and the data → start the map
 * (map-boot.ts) → then render the React shell (app/mount.tsx), which moves the map into place.
 *
 * The order is the point: the map is the slowest part of the first view, so MapLibre's code,
 * the region data and the map's WebGL context come first. React's code is fetched in parallel
 * (the HTML preloads it) but runs only once the map has drawn its first view.
 */
import { loadAtlas } from './data/load-atlas';
import { loadBaseMap } from './data/load-base-map';
import { createAppStore } from './state/create-app-store';
import { parseUrlState } from './state/url-codec';
import { startUrlSync } from './state/url-sync';
import { startEmbedMessages } from './state/embed-messages';
import { preloadMap } from './app/map-code';
import { MAP_IDLE_EVENT, mapFailed } from './map/map-handle';
import { REGION_BOUNDS } from './app/region-bounds';
// In the entry rather than a chunk of its own: the map and the shell both use it, and one
// small chunk less is ~0.2 kB less to download (the JS budget, see README).
import './map/base-style';
// Stylesheets in the order they had when the shell was in this chunk: the panels' own rules
// first, then app.css, whose phone rules (44 px targets, bottom sheet) override them. The shell's
// chunk loads later, so its copy of the panels' CSS would come after app.css.
import './panels/filter-panel.css';
import './panels/project-list.css';
import './app/app.css';

performance.mark('cdmz:entry');
const mapCode = preloadMap();
const store = createAppStore(parseUrlState(window.location.search));
const dataBase = new URL('./', document.baseURI);
const baseMap = loadBaseMap(dataBase);
void baseMap.then(() => performance.mark('cdmz:base-data'));
// The project files are parsed while MapLibre's code compiles; the map waits for them (a
// bounded wait, see map-boot.ts) so that its first style has everything.
void loadAtlas(dataBase, baseMap).then((result) => {
  performance.mark('cdmz:atlas');
  store.getState().setData(result);
});
// A failure to load the map code is reported by preloadMap (message in the map area, panels
// released); it also releases the shell below.
void mapCode.then((m) => m.startMap({ store, baseMap, initialBounds: REGION_BOUNDS })).catch(() => undefined);
startUrlSync(store);
startEmbedMessages(store);
document.documentElement.lang = store.getState().lang === 'zh' ? 'zh-CN' : 'en';
// index.html's title stands for the header until the shell renders; in an embed it is smaller.
document.documentElement.classList.toggle('embed-page', store.getState().embed);

// The shell renders once the map has drawn its first view or given up (at the latest after
// 3 s): React's code and first render then do not compete with the map's first view. Until
// then the page shows the title from index.html and the map in its holder (map-boot.ts).
const rootEl = document.getElementById('root');
const firstViewOrLate = new Promise((resolve) => {
  if (window.__mapIdle !== undefined || mapFailed()) resolve(undefined);
  window.addEventListener(MAP_IDLE_EVENT, resolve, { once: true });
  setTimeout(resolve, 3000);
});
if (rootEl) {
  void firstViewOrLate
    .then(() => import('./app/mount'))
    .then(({ mountShell }) => mountShell(rootEl, store, baseMap))
    .catch((e: unknown) => {
      console.error('CDMZ Atlas: the page could not start', e);
      rootEl.insertAdjacentHTML('beforeend', '<p role="alert">本页无法加载，请刷新。The page could not be loaded; please reload.</p>');
    });
}
