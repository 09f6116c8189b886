/**
 * MapLibre is the heaviest part of the page. The build preloads its chunk from the HTML (see
 * vite.config.ts) and main.ts imports it first, before React's code, so the map can start
 * before the shell renders (map-boot.ts). If it cannot be loaded, the map area says so
 * (LazyMap) and the panels, which wait for the map's first view, are released.
 */
import type { ComponentType } from 'react';
import type { MapViewProps } from '../map/map-view';
import { publishMapFailure } from '../map/map-handle';

export type MapModule = typeof import('../map/map-view');

let mapModule: Promise<MapModule> | null = null;
let loaded: ComponentType<MapViewProps> | 'failed' | null = null;

/** Starts downloading the map code now (main.ts calls it first thing). */
export function preloadMap(): Promise<MapModule> {
  mapModule ??= import('../map/map-view').then(
    (m) => {
      loaded = m.MapView;
      return m;
    },
    (e: unknown) => {
      loaded = 'failed';
      console.warn('CDMZ Atlas: the map code could not be loaded', e);
      publishMapFailure();
      throw e;
    },
  );
  return mapModule;
}

/** The map component once its code has loaded, 'failed', or null (still loading). */
export function loadedMapView(): ComponentType<MapViewProps> | 'failed' | null {
  return loaded;
}
