/**
 * MapLibre and the map's owner are the heaviest part of the page: one lazily loaded chunk
 * (src/map/map-owner.ts). main.ts calls `preloadMap()` once the page's first paint is on screen
 * (app/after-first-paint.ts), with the data and React's code, so it downloads while React
 * hydrates. If it cannot be loaded, the map slot says so (map-handle status `code-failed`);
 * nothing else waits for it.
 */
import { publishMapStatus } from '../map/map-handle';

export type MapModule = typeof import('../map/map-owner');

let mapModule: Promise<MapModule> | null = null;

/** Starts downloading the map code now; the same promise every time. */
export function preloadMap(): Promise<MapModule> {
  mapModule ??= import('../map/map-owner').catch((e: unknown) => {
    console.warn('CDMZ Atlas: the map code could not be loaded', e);
    publishMapStatus('code-failed');
    throw e;
  });
  return mapModule;
}
