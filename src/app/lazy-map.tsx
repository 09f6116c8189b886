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
import { MapPoster } from './map-poster';

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

/**
 * The map's area: the poster (prerendered) and, once its code is in, the live map under it.
 * The first render is always the placeholder, also when the map code came in before React: the
 * prerendered page has the placeholder, and hydration must find what it rendered.
 */
export function LazyMap({ poster, ...props }: MapViewProps & { poster: string }) {
  const lang = useAppStore((s) => s.lang);
  const [view, setView] = useState<ReturnType<typeof loadedMapView>>(null);
  useEffect(() => {
    if (view) return;
    // Already settled when the code came in before React: then this is one microtask.
    let live = true;
    preloadMap().then(
      (m) => live && setView(() => m.MapView),
      () => live && setView('failed'),
    );
    return () => {
      live = false;
    };
  }, [view]);
  const MapView = view === 'failed' ? null : view;
  return (
    <div className="map-area" role="region" aria-label={translate(lang, 'map.label')}>
      {view === 'failed' ? <MapCodeFailed /> : MapView ? <MapView {...props} /> : <div className="map-view map-view--placeholder" aria-hidden="true" />}
      <MapPoster markup={poster} />
    </div>
  );
}
