/**
 * The map's place in the page (contract 4): a container that renders the map slot — ONE region
 * named "Map" (`data-testid="map"`), with no React children, so React never touches what is put
 * in it (the prerendered poster, MapLibre's container) — and the slot's message when the map
 * cannot be drawn. Its effect starts the map owner once (map-owner.ts, loaded with MapLibre by
 * app/map-code.ts); from then on the owner alone keeps the map in step with the store.
 *
 * Nothing here waits for the map: the panels render from the data alone.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { BaseMapResult } from '../data/load-base-map';
import { translate, type Lang } from '../i18n/translate';
import type { MessageKey } from '../i18n/zh';
import { useAppStore, useAppStoreApi } from '../state/store-context';
import { formatDate } from '../i18n/format';
import { dateInForce } from '../domain/timeline-range';
import { selectTimelineRange } from '../state/selectors';
import { preloadMap } from '../app/map-code';
import { mapStatus, onMapChange, type MapStatus } from './map-handle';
import { MapPoster } from '../app/map-poster';

const startingStatus = (): MapStatus => 'starting';

export interface MapViewProps {
  baseMap: Promise<BaseMapResult>;
  /** The poster map's markup (prerendered; see app/map-poster.tsx), shown until the map has drawn. */
  poster: string;
}

const MESSAGE: Partial<Record<MapStatus, MessageKey>> = {
  'no-webgl': 'map.noWebgl',
  'code-failed': 'map.codeFailed',
  'base-failed': 'map.baseFailed',
  failed: 'map.failed',
  stalled: 'map.stalled',
};

/** The slot's message for a map status, worded for the layout (the embed has no list or filters). */
export function mapMessage(lang: Lang, status: MapStatus, embed: boolean, stallSeconds: number): string | null {
  const key = MESSAGE[status];
  if (!key) return null;
  return translate(lang, (embed ? `${key}.embed` : key) as MessageKey, { s: stallSeconds });
}

/** Seconds of silence after which the slot says the map stopped responding (map-owner.ts STALL_MS). */
const STALL_SECONDS = 15;

export function MapView({ baseMap, poster }: MapViewProps) {
  const slot = useRef<HTMLDivElement>(null);
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.lang);
  const embed = useAppStore((s) => s.embed);
  // The server snapshot is `starting`: the prerendered page and the client's first render agree.
  const status = useSyncExternalStore(onMapChange, mapStatus, startingStatus);

  useEffect(() => {
    const el = slot.current;
    if (!el) return;
    // Once per page: startMapOwner returns the same owner on a second call (StrictMode).
    preloadMap().then(
      (m) => m.startMapOwner(el, store, baseMap),
      () => undefined, // preloadMap has published 'code-failed'
    );
  }, [store, baseMap]);

  // The poster stays as the map when the map cannot come. It follows the filters (map-poster.tsx)
  // but shows the statuses of the default date (the latest record): on another date, the
  // reader is told.
  const posterDate = useAppStore((s) => {
    const range = selectTimelineRange(s);
    if (!range || s.asOfDate === null) return null;
    const drawn = dateInForce(null, range);
    return drawn !== dateInForce(s.asOfDate, range) ? drawn : null;
  });
  const failure = mapMessage(lang, status, embed, STALL_SECONDS);
  // Chinese sentences follow each other with no space.
  const message = failure && posterDate && poster ? `${failure}${lang === 'zh' ? '' : ' '}${translate(lang, 'map.posterOnly', { date: formatDate(lang, posterDate) })}` : failure;
  return (
    <div className={`map-view${embed ? ' map-view--embed' : ''}`}>
      <div ref={slot} className="map-slot" data-testid="map" role="region" aria-label={translate(lang, 'map.label')} data-map-status={status}>
        {/* The slot's only React child: the owner appends MapLibre's container after it and hides it at the first idle. */}
        <MapPoster markup={poster} />
      </div>
      {message ? (
        <div className="map-message" role="alert">
          {message}
        </div>
      ) : null}
    </div>
  );
}
