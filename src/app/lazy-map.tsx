/**
 * The map component, once its code is in (map-code.ts starts loading it before React runs).
 *
 * Not `React.lazy` + `Suspense`: React holds back content that resolves after a Suspense
 * fallback has been shown for up to 300 ms (its fallback throttle), which would delay the map
 * by that much. A module promise and a state update have no such delay.
 */
import { useEffect, useState } from 'react';
import type { MapViewProps } from '../map/map-view';
import { translate } from '../i18n/translate';
import { useAppStore } from '../state/store-context';
import { loadedMapView, preloadMap } from './map-code';

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
  const [view, setView] = useState(loadedMapView);
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
