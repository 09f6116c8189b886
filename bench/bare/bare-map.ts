/**
 * The benchmark's baseline: the same region boundaries as the app (data/counties.geojson and
 * data/cities.geojson: city fills, county and city borders) on a bare MapLibre map, with no app
 * code at all. It marks its first idle exactly as the app does (`window.__mapIdle` =
 * performance.now(), `data-map-idle="true"` on the map container), so the two are compared
 * like for like. Built by `bench/run.ts` with Vite into bench/.out/bare and served at /bare/.
 */
import { Map as MlMap, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

declare const __REGION_BOUNDS__: [number, number, number, number];

declare global {
  interface Window {
    __mapIdle?: number;
  }
}

setWorkerUrl(workerUrl);

const data = (name: string) => new URL(`../data/${name}`, document.baseURI).href;
const container = document.getElementById('map') as HTMLDivElement;
performance.mark('cdmz:map-new');
const map = new MlMap({
  container,
  bounds: __REGION_BOUNDS__,
  fitBoundsOptions: { padding: 16 },
  style: {
    version: 8,
    sources: {
      cities: { type: 'geojson', data: data('cities.geojson') },
      counties: { type: 'geojson', data: data('counties.geojson') },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f4f3ef' } },
      {
        id: 'city-fill',
        type: 'fill',
        source: 'cities',
        paint: {
          'fill-color': ['match', ['get', 'city'], 'chengdu', '#f1e6d8', 'deyang', '#e3ecdc', 'meishan', '#e0e7f0', 'ziyang', '#efe3ea', '#eeeeee'],
        },
      },
      { id: 'county-border', type: 'line', source: 'counties', paint: { 'line-color': '#a8a39a', 'line-width': 0.8 } },
      { id: 'city-border', type: 'line', source: 'cities', paint: { 'line-color': '#6b665e', 'line-width': 1.8 } },
    ],
  },
});
performance.mark('cdmz:map-created');
map.once('load', () => performance.mark('cdmz:map-load'));
map.once('idle', () => {
  window.__mapIdle = performance.now();
  container.setAttribute('data-map-idle', 'true');
});
