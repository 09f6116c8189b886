/**
 * The light side of the map (no MapLibre import; in the entry chunk): what the rest of the page
 * may know about the map, published by the owner (map-owner.ts).
 * - `mapStatus()` / `onMapChange()`: starting, ready, or what went wrong (the map slot's message,
 *   the picture buttons);
 * - `currentMap()`: the ready map for picture export and the end-to-end tests
 *   (`window.__cdmzMap`); nobody but the owner changes its state;
 * - `frameResults()`: the "zoom to results" request (contract 5);
 * - `drawMapAtScale()`: the picture export's request to draw the map at another pixel ratio;
 * - the first-idle signal: `window.__mapIdle` and `data-map-idle="true"` on the map slot.
 */
import type { Map as MlMap } from 'maplibre-gl';

declare global {
  interface Window {
    __cdmzMap?: MlMap | null;
    /** performance.now() when the map first became idle with its data drawn (tests, bench). */
    __mapIdle?: number;
  }
}

/** Dispatched on `window` when the map first becomes idle with its data drawn. */
export const MAP_IDLE_EVENT = 'cdmz:map-idle';

/**
 * - `starting`: code, data or first frame on the way;
 * - `ready`: drawn;
 * - `no-webgl`: the browser gave no WebGL 2 context;
 * - `code-failed`: MapLibre's code could not be loaded;
 * - `base-failed`: the region data could not be loaded;
 * - `failed`: the map threw on start for another reason;
 * - `stalled`: no first frame within the bounded wait (it may still come: then `ready`).
 */
export type MapStatus = 'starting' | 'ready' | 'no-webgl' | 'code-failed' | 'base-failed' | 'failed' | 'stalled';

let current: MlMap | null = null;
let status: MapStatus = 'starting';
/**
 * Draws the map at `scale` device pixels per CSS pixel, waits for the complete frame, calls `read`
 * with the map's canvas and puts the map back as it was (the owner does it: map-owner.ts).
 */
export type DrawAtScale = <T>(scale: number, read: (canvas: HTMLCanvasElement) => T) => Promise<T>;

let frameRequest: (() => boolean) | null = null;
let scaleRequest: DrawAtScale | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const l of listeners) l();
}

/** The first idle with the data drawn: `window.__mapIdle`, `data-map-idle` on `slot`, MAP_IDLE_EVENT. Once. */
export function markFirstIdle(slot: HTMLElement): void {
  if (window.__mapIdle !== undefined) return;
  window.__mapIdle = performance.now();
  slot.setAttribute('data-map-idle', 'true');
  window.dispatchEvent(new Event(MAP_IDLE_EVENT));
}

export function publishMap(map: MlMap | null): void {
  current = map;
  window.__cdmzMap = map;
  notify();
}

export function publishMapStatus(next: MapStatus): void {
  if (status === next) return;
  status = next;
  notify();
}

export function mapStatus(): MapStatus {
  return status;
}

/** True once the map cannot be drawn at all (no WebGL, code or base data missing, start failed). */
export function mapFailed(): boolean {
  return status === 'no-webgl' || status === 'code-failed' || status === 'base-failed' || status === 'failed';
}

/** The ready map, or null (no WebGL, not loaded yet). */
export function currentMap(): MlMap | null {
  return current;
}

/** Called on every change of the map or its status. */
export function onMapChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The owner registers how it frames the filter results. */
export function registerFrameResults(fn: (() => boolean) | null): void {
  frameRequest = fn;
}

/** The owner registers how it draws the map at another pixel ratio. */
export function registerDrawAtScale(fn: DrawAtScale | null): void {
  scaleRequest = fn;
}

/**
 * The picture export's way to the map's pixels (see {@link DrawAtScale}); rejects without a map.
 * `read` runs while the map is at `scale` and must copy what it needs before it returns.
 */
export function drawMapAtScale<T>(scale: number, read: (canvas: HTMLCanvasElement) => T): Promise<T> {
  return scaleRequest ? scaleRequest(scale, read) : Promise.reject(new Error('the map is not available'));
}

/**
 * "Zoom to results": frames the projects that pass the filters and are on the map on the date,
 * in the visible part of the map. Returns false when there is no map or nothing to frame.
 */
export function frameResults(): boolean {
  return frameRequest ? frameRequest() : false;
}

/**
 * The bounds `[w, s, e, n]` the map shows now (4 decimals), or null without a map. The embed
 * code stores them (URL `bbox`) so that any width frames the same content.
 */
export function visibleBounds(): [number, number, number, number] | null {
  if (!current) return null;
  const b = current.getBounds();
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  return [r(b.getWest()), r(b.getSouth()), r(b.getEast()), r(b.getNorth())];
}
