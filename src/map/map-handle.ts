/**
 * The live map instance for the few things outside the map view that need it (picture export,
 * end-to-end tests through `window.__cdmzMap`). Set by `MapView` when the map is ready.
 */
import type { Map as MlMap } from 'maplibre-gl';

declare global {
  interface Window {
    __cdmzMap?: MlMap | null;
  }
}

/** Dispatched on `window` when the map first becomes idle with its data drawn, or has given up (no base data). */
export const MAP_IDLE_EVENT = 'cdmz:map-idle';

let current: MlMap | null = null;
let failed = false;
let markStarted: () => void = () => {};
const started = new Promise<void>((resolve) => {
  markStarted = resolve;
});
const listeners = new Set<(map: MlMap | null) => void>();

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
  markStarted();
  for (const l of listeners) l(null);
  window.dispatchEvent(new Event(MAP_IDLE_EVENT));
}

/**
 * The map has been constructed (its WebGL context exists and its worker is loading the base
 * data). Work that can wait — parsing the project files — waits for this, so the map starts first.
 */
export function publishMapStarted(): void {
  markStarted();
}

/** Resolves once the map has been constructed or has given up. */
export function whenMapStarted(): Promise<void> {
  return started;
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
