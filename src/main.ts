/**
 * Entry: read the URL → create the store → start loading the map code and the data → render the
 * React shell (app/mount.tsx) at once. The shell's map container (src/map/map-view.tsx) starts
 * the map's owner (src/map/map-owner.ts) once its slot exists; nothing waits for the map.
 */
import { loadAtlas } from './data/load-atlas';
import { loadBaseMap } from './data/load-base-map';
import { createAppStore } from './state/create-app-store';
import { parseUrlState } from './state/url-codec';
import { startUrlSync } from './state/url-sync';
import { startEmbedMessages } from './state/embed-messages';
import { preloadMap } from './app/map-code';
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
// MapLibre and the map owner download while the shell renders (a failure is the map slot's message).
void preloadMap().catch(() => undefined);
const store = createAppStore(parseUrlState(window.location.search));
const dataBase = new URL('./', document.baseURI);
const baseMap = loadBaseMap(dataBase);
void baseMap.then(() => performance.mark('cdmz:base-data'));
void loadAtlas(dataBase, baseMap).then((result) => {
  performance.mark('cdmz:atlas');
  store.getState().setData(result);
});
startUrlSync(store);
startEmbedMessages(store);
document.documentElement.lang = store.getState().lang === 'zh' ? 'zh-CN' : 'en';
// index.html's title stands for the header until the shell renders; in an embed it is smaller.
document.documentElement.classList.toggle('embed-page', store.getState().embed);

// The shell renders now; it does not wait for the map.
const rootEl = document.getElementById('root');
if (rootEl) {
  void import('./app/mount')
    .then(({ mountShell }) => mountShell(rootEl, store, baseMap))
    .catch((e: unknown) => {
      console.error('CDMZ Atlas: the page could not start', e);
      rootEl.insertAdjacentHTML('beforeend', '<p role="alert">本页无法加载，请刷新。The page could not be loaded; please reload.</p>');
    });
}
