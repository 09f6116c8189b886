/**
 * The build's prerender (issue 12 §1): renders the default view — the real components, the real
 * store, the committed data — to HTML, with the poster map (src/map/poster-svg.ts) in the map's
 * place. Run by the `cdmz-prerender` plugin in vite.config.ts after the client build (and in
 * dev, on every page load), through Vite's module runner; never part of the page's script.
 *
 * `react-dom/static` waits for the lazily loaded panels (summary, export tools), so what they
 * show is in the HTML too; the client fetches their code when it hydrates them.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { loadAtlas } from '../data/load-atlas';
import { loadBaseMap, type BaseMapResult } from '../data/load-base-map';
import { posterSvg } from '../map/poster-svg';
import { createAppStore } from '../state/create-app-store';
import { selectAsOfDate } from '../state/selectors';
import { AppStoreProvider } from '../state/store-context';
import { REGION_BOUNDS, REGION_FIT } from './region-bounds';
import { Root } from './root';

export interface PrerenderResult {
  /** The markup of #root's content. */
  html: string;
  /** Bytes of the poster's SVG (for the build log). */
  posterBytes: number;
}

/**
 * Serves `file:` URLs from disk while the app's loaders run: they use `fetch` as in the
 * browser, and Node's `fetch` has no `file:` scheme.
 */
async function withFileFetch<T>(run: () => Promise<T>): Promise<T> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.protocol !== 'file:') throw new Error(`prerender: no network (${url.href})`);
    try {
      return new Response(await readFile(fileURLToPath(url)), { status: 200 });
    } catch {
      return new Response('not found', { status: 404 });
    }
  };
  try {
    return await run();
  } finally {
    globalThis.fetch = realFetch;
  }
}

/**
 * Renders the default view from the data in `rootDir/data/`. Throws when the data does not load
 * (a build must not ship a page that says the data is broken).
 */
export async function prerenderDefaultView(rootDir: string): Promise<PrerenderResult> {
  const base = pathToFileURL(rootDir.endsWith('/') ? rootDir : `${rootDir}/`);
  const store = createAppStore();
  let baseMap!: Promise<BaseMapResult>;
  await withFileFetch(async () => {
    baseMap = loadBaseMap(base);
    store.getState().setData(await loadAtlas(base, baseMap));
  });
  const state = store.getState();
  const region = await baseMap;
  if (state.dataStatus !== 'ready' || !state.atlas || !region.ok) {
    const why = state.issues.map((i) => `${i.file}: ${i.message}`).join('; ') || (region.ok ? 'unknown' : region.error.message);
    throw new Error(`prerender: the data did not load (${why})`);
  }
  const date = selectAsOfDate(state);
  if (!date) throw new Error('prerender: the data has no record date');
  const poster = posterSvg({ region: region.value, atlas: state.atlas, date, bounds: REGION_BOUNDS, fit: REGION_FIT });
  const page = () => (
    <StrictMode>
      <AppStoreProvider store={store}>
        <Root baseMap={baseMap} poster={poster} />
      </AppStoreProvider>
    </StrictMode>
  );
  // One piece: React would otherwise outline Suspense boundaries beyond its progressive chunk
  // size and move them into place with an inline script (refused by the CSP, useless without
  // script).
  const html = await new Response((await prerender(page(), { progressiveChunkSize: Number.MAX_SAFE_INTEGER })).prelude).text();
  if (/<script|<template/i.test(html)) throw new Error(`prerender: the markup has a script or template (a Suspense boundary resolved late?): ${/.{200}<(script|template).{300}/s.exec(html)?.[0] ?? ''}`);
  return { html, posterBytes: Buffer.byteLength(poster) };
}
