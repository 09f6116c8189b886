/**
 * Code the benchmark runs inside the browser, kept as plain JavaScript text: functions handed to
 * `page.evaluate` through tsx/esbuild can pick up helper calls (`__name`) that do not exist in
 * the page. Installs `window.__benchProbe` on the benchmark's host page, which frames the app
 * (same origin) and drives it through the public `cdmz:set` embed message — the same path an
 * article uses — so the store action, the list DOM and the map are all observed from one clock
 * (the frame's `performance.now()`).
 */
export const PAGE_PROBE = String.raw`
(() => {
  const frameWin = () => document.getElementById('app').contentWindow;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  window.__benchProbe = {
    ready() {
      const w = frameWin();
      return !!(w && w.__mapIdle !== undefined && w.__cdmzMap);
    },
    async settle() {
      const w = frameWin();
      const map = w.__cdmzMap;
      // The list in view, as a reader who uses it has it: the list renders only the rows in its
      // scroller's view (virtualised), so below the filters it would render none.
      const list = w.document.querySelector('[data-testid="project-list"]');
      if (list) list.scrollIntoView({ block: 'start' });
      for (let i = 0; i < 600; i++) {
        if (map.loaded() && map.areTilesLoaded() && !map.isMoving()) break;
        await sleep(25);
      }
      await new Promise((r) => { map.once('idle', r); map.triggerRepaint(); });
      await sleep(150);
    },
    /** One forced repaint of an unchanged map: the floor every map update pays (software GL here). */
    async repaintMs() {
      const w = frameWin();
      const map = w.__cdmzMap;
      const t0 = w.performance.now();
      await new Promise((r) => { map.once('idle', r); map.triggerRepaint(); });
      return w.performance.now() - t0;
    },
    listCount() {
      const doc = frameWin().document;
      const list = doc.querySelector('[data-testid="project-list"]');
      return list ? list.querySelectorAll('[data-project-id]').length : null;
    },
    /**
     * Posts cdmz:set with 'patch' and times, from just before posting:
     *  listMs  - the project list's DOM settled (last mutation of the list after the change)
     *  renderMs - the map's first render frame after the change
     *  idleMs  - the map's next 'idle' after that frame (drawn and nothing pending)
     * visible = number of visible project ids the page reported back (cdmz:state);
 * contentEvents / tileEvents = source data replaced / tiles (re)loaded between the change and the idle.
     */
    async measure(patch) {
      const w = frameWin();
      const doc = w.document;
      const map = w.__cdmzMap;
      const listEl = doc.querySelector('[data-testid="project-list"]') || doc.getElementById('project-panel') || doc.body;
      let t0 = 0;
      let firstList = null;
      let lastList = null;
      let tRender = null;
      const mo = new w.MutationObserver(() => {
        const t = w.performance.now();
        if (firstList === null) firstList = t;
        lastList = t;
      });
      mo.observe(listEl, { subtree: true, childList: true, characterData: true, attributes: true });
      const onRender = () => { if (tRender === null) tRender = w.performance.now(); };
      map.on('render', onRender);
      // The map's data traffic: new source data (setData: sourceDataType 'content') and tiles
      // (re)loaded by the worker (a 'sourcedata' event carrying a tile). Both should stay 0.
      let contentEvents = 0;
      let tileEvents = 0;
      const onSourceData = (e) => {
        if (e.sourceDataType === 'content') contentEvents += 1;
        if (e.tile) tileEvents += 1;
      };
      map.on('sourcedata', onSourceData);
      let onIdle = null;
      const idle = new Promise((resolve) => {
        onIdle = () => { if (tRender !== null) resolve(w.performance.now()); };
        map.on('idle', onIdle);
      });
      let onMsg = null;
      const stateMsg = new Promise((resolve) => {
        onMsg = (e) => {
          if (e.source === w && e.data && e.data.type === 'cdmz:state' && e.data.state) resolve(e.data);
        };
        window.addEventListener('message', onMsg);
      });
      t0 = w.performance.now();
      w.postMessage({ type: 'cdmz:set', state: patch }, '*');
      const timeout = (ms) => sleep(ms).then(() => null);
      const tIdle = await Promise.race([idle, timeout(90000)]);
      // Let the list finish (deferred or chunked rendering shows up as later mutations).
      let quiet = 0;
      let seen = lastList;
      for (let i = 0; i < 200 && quiet < 300; i++) {
        await sleep(50);
        if (lastList === seen) quiet += 50; else { quiet = 0; seen = lastList; }
      }
      const msg = await Promise.race([stateMsg, timeout(2000)]);
      mo.disconnect();
      map.off('render', onRender);
      map.off('idle', onIdle);
      map.off('sourcedata', onSourceData);
      window.removeEventListener('message', onMsg);
      return {
        listFirstMs: firstList === null ? null : firstList - t0,
        listMs: lastList === null ? null : lastList - t0,
        renderMs: tRender === null ? null : tRender - t0,
        idleMs: tIdle === null ? null : tIdle - t0,
        visible: msg ? msg.visibleProjectIds.length : null,
        contentEvents,
        tileEvents,
        listItems: window.__benchProbe.listCount(),
      };
    },
  };
})();
`;

/** The benchmark's host page: the app in a same-origin frame at a desktop size. No script. */
export function hostPageHtml(appQuery: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench host</title><link rel="icon" href="data:,"></head>
<body style="margin:0"><iframe id="app" title="app" src="../${appQuery}" width="1280" height="800" style="border:0"></iframe></body></html>`;
}
