/**
 * MapLibre is the heaviest part of the page. The build preloads its chunk from the HTML (see
 * vite.config.ts) and main.tsx imports it before the first render, so it downloads and compiles
 * while the shell paints its text. If it cannot be loaded, the map area says so and the panels
 * (which wait for the map's first view) are released.
 */
import { lazy, Suspense } from 'react';
import type { MapViewProps } from '../map/map-view';
import { publishMapFailure } from '../map/map-handle';
import { translate } from '../i18n/translate';
import { useAppStore } from '../state/store-context';

let mapModule: Promise<typeof import('../map/map-view')> | null = null;

/** Starts downloading the map code now (main.tsx calls it before the first render). */
export function preloadMap(): Promise<typeof import('../map/map-view')> {
  mapModule ??= import('../map/map-view');
  return mapModule;
}

function MapCodeFailed() {
  const lang = useAppStore((s) => s.lang);
  return (
    <div className="map-view">
      <div className="map-message" role="alert">
        {translate(lang, 'map.codeFailed')}
      </div>
    </div>
  );
}

const MapView = lazy(() =>
  preloadMap().then(
    (m) => ({ default: m.MapView }),
    (e: unknown) => {
      console.warn('CDMZ Atlas: the map code could not be loaded', e);
      publishMapFailure();
      return { default: MapCodeFailed };
    },
  ),
);

export function LazyMap(props: MapViewProps) {
  return (
    <Suspense fallback={<div className="map-view map-view--placeholder" aria-hidden="true" />}>
      <MapView {...props} />
    </Suspense>
  );
}
