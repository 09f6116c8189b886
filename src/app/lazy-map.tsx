/**
 * MapLibre is the heaviest part of the page: load it after the shell has painted its text.
 */
import { lazy, Suspense } from 'react';
import type { MapViewProps } from '../map/map-view';

let mapModule: Promise<typeof import('../map/map-view')> | null = null;

/** Starts downloading the map code now (main.tsx calls it before the first render). */
export function preloadMap(): Promise<typeof import('../map/map-view')> {
  mapModule ??= import('../map/map-view');
  return mapModule;
}

const MapView = lazy(() => preloadMap().then((m) => ({ default: m.MapView })));

export function LazyMap(props: MapViewProps) {
  return (
    <Suspense fallback={<div className="map-view map-view--placeholder" aria-hidden="true" />}>
      <MapView {...props} />
    </Suspense>
  );
}
