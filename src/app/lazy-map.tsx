/**
 * MapLibre is the heaviest part of the page: load it after the shell has painted its text.
 */
import { lazy, Suspense } from 'react';
import type { MapViewProps } from '../map/map-view';

const MapView = lazy(() => import('../map/map-view').then((m) => ({ default: m.MapView })));

export function LazyMap(props: MapViewProps) {
  return (
    <Suspense fallback={<div className="map-view map-view--placeholder" aria-hidden="true" />}>
      <MapView {...props} />
    </Suspense>
  );
}
