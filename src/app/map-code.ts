/**
 * MapLibre and the map's owner are the heaviest part of the page: one lazily loaded chunk
 * (src/map/map-owner.ts). The build preloads it from the HTML (vite.config.ts) and main.ts calls
 * `preloadMap()` first thing, so it downloads while the page renders. If it cannot be loaded,
 * the map slot says so (map-handle status `code-failed`); nothing else waits for it.
 */
import { publishMapStatus } from '../map/map-handle';

export type MapModule = typeof import('../map/map-owner');

let mapModule: Promise<MapModule> | null = null;

/** Starts downloading the map code now (main.ts calls it first thing); the same promise every time. */
export function preloadMap(): Promise<MapModule> {
  mapModule ??= import('../map/map-owner').catch((e: unknown) => {
    console.warn('CDMZ Atlas: the map code could not be loaded', e);
    publishMapStatus('code-failed');
    throw e;
  });
  return mapModule;
}
