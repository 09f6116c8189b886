/**
 * MapLibre is the heaviest part of the page. The build preloads its chunk from the HTML (see
 * vite.config.ts) and main.tsx imports it before the first render, so it downloads and compiles
 * while the shell paints its text. If it cannot be loaded, the map area says so and the panels
 * (which wait for the map's first view) are released.
 *
 * Not `React.lazy` + `Suspense`: React holds back content that resolves after a Suspense
 * fallback has been shown for up to 300 ms (its fallback throttle), which would delay the map's
 * start by that much. A module promise and a state update have no such delay.
 */
import { useEffect, useState, type ComponentType } from 'react';
import type { MapViewProps } from '../map/map-view';
import { publishMapFailure } from '../map/map-handle';
import { translate } from '../i18n/translate';
import { useAppStore } from '../state/store-context';

type MapModule = typeof import('../map/map-view');

let mapModule: Promise<MapModule> | null = null;
let loaded: ComponentType<MapViewProps> | 'failed' | null = null;

/** Starts downloading the map code now (main.tsx calls it before the first render). */
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

export function LazyMap(props: MapViewProps) {
  const [view, setView] = useState(() => loaded);
  useEffect(() => {
    if (view) return;
    let live = true;
    preloadMap().then(
      (m) => live && setView(() => m.MapView),
      () => live && setView('failed'),
    );
    return () => {
      live = false;
    };
  }, [view]);
  if (view === 'failed') return <MapCodeFailed />;
  if (!view) return <div className="map-view map-view--placeholder" aria-hidden="true" />;
  const MapView = view;
  return <MapView {...props} />;
}
