/**
 * Entry: read the URL → create the store → start loading data → render <App/> or <EmbedApp/>.
 * Data loading starts before React renders, so fetching overlaps with the first paint.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadAtlas } from './data/load-atlas';
import { loadBaseMap } from './data/load-base-map';
import { createAppStore } from './state/create-app-store';
import { parseUrlState } from './state/url-codec';
import { startUrlSync } from './state/url-sync';
import { startEmbedMessages } from './state/embed-messages';
import { AppStoreProvider } from './state/store-context';
import { Root } from './app/root';
import { preloadMap } from './app/lazy-map';
import { whenMapStarted } from './map/map-handle';
import './app/app.css';

performance.mark('cdmz:entry');
// A failure is reported by preloadMap itself (message in the map area, panels released).
void preloadMap().catch(() => undefined);
const store = createAppStore(parseUrlState(window.location.search));
const dataBase = new URL('./', document.baseURI);
const baseMap = loadBaseMap(dataBase);
void baseMap.then(() => performance.mark('cdmz:base-data'));
// The project files are parsed once the map has started (or given up), at the latest after 3 s.
const mapStartedOrLate = Promise.race([whenMapStarted(), new Promise((resolve) => setTimeout(resolve, 3000))]);
void loadAtlas(dataBase, baseMap, mapStartedOrLate).then((result) => {
  performance.mark('cdmz:atlas');
  store.getState().setData(result);
});
startUrlSync(store);
startEmbedMessages(store);
document.documentElement.lang = store.getState().lang === 'zh' ? 'zh-CN' : 'en';

const rootEl = document.getElementById('root');
if (rootEl) {
  createRoot(rootEl).render(
    <StrictMode>
      <AppStoreProvider store={store}>
        <Root baseMap={baseMap} />
      </AppStoreProvider>
    </StrictMode>,
  );
}
