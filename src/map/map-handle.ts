/**
 * The live map instance for the few things outside the map view that need it (picture export,
 * end-to-end tests through `window.__cdmzMap`). Set by map-boot.ts when the map's style has
 * loaded. Also the first-idle signal (`markFirstIdle`) and the "map gave up" flag.
 */
import type { Map as MlMap } from 'maplibre-gl';

declare global {
  interface Window {
    __cdmzMap?: MlMap | null;
    /** performance.now() when the map first became idle with its data drawn (tests, bench). */
    __mapIdle?: number;
  }
}

/** Dispatched on `window` when the map first becomes idle with its data drawn, or has given up (no base data). */
export const MAP_IDLE_EVENT = 'cdmz:map-idle';

let current: MlMap | null = null;
let failed = false;
const listeners = new Set<(map: MlMap | null) => void>();

/**
 * The first idle with the data drawn: sets `window.__mapIdle` (performance.now()) and
 * `data-map-idle="true"` on the map's container, and tells the page (MAP_IDLE_EVENT). Once.
 */
export function markFirstIdle(map: MlMap): void {
  if (window.__mapIdle !== undefined) return;
  window.__mapIdle = performance.now();
  map.getContainer().setAttribute('data-map-idle', 'true');
  window.dispatchEvent(new Event(MAP_IDLE_EVENT));
}

export function publishMap(map: MlMap | null): void {
  current = map;
  window.__cdmzMap = map;
  for (const l of listeners) l(map);
}

/**
 * The map cannot be drawn at all (no WebGL 2, or no base data). Tells the listeners and the
 * code waiting for the first idle, which will then never come.
 */
export function publishMapFailure(): void {
  failed = true;
  for (const l of listeners) l(null);
  window.dispatchEvent(new Event(MAP_IDLE_EVENT));
}

/** True once the map has given up (see `publishMapFailure`). */
export function mapFailed(): boolean {
  return failed;
}

/** The ready map, or null (no WebGL, not loaded yet). */
export function currentMap(): MlMap | null {
  return current;
}

export function onMapChange(listener: (map: MlMap | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
