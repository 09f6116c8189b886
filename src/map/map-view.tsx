/**
 * The map: the ONLY component that touches MapLibre. It reads the store and pushes state to
 * the map as feature-state (visibility, hover, selection) and, only when a project's drawn state
 * changes, as new data for the project source. Loaded lazily so the page's text paints first.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, Map as MlMap, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Feature, FeatureCollection } from 'geojson';
import type { Atlas, Project } from '../domain/types';
import { STATUSES, CATEGORIES } from '../domain/types';
import { translate } from '../i18n/translate';
import { useAppStore, useAppStoreApi } from '../state/store-context';
import { selectAsOfDate, selectVisibleIds, projectStateCached } from '../state/selectors';
import { drawCategorySymbol, symbolImageId } from '../theme/category-symbol';
import type { BaseMapResult } from '../data/load-base-map';
import { BASE_ATTRIBUTION, baseStyle, labelLayers } from './base-style';
import { LAYER_IDS, PROJECT_LAYER_IDS, SOURCE_IDS } from './layer-ids';
import { overlayLayers, projectLayers } from './project-layers';
import { projectFeatures, projectFeaturesKey } from './project-features';
import { MAP_IDLE_EVENT, publishMap, publishMapFailure, publishMapStarted } from './map-handle';
import { mapLocale } from './map-locale';
import { geometryParts } from '../geo/geometry-parts';

maplibregl.setWorkerUrl(workerUrl);
// Start MapLibre's worker now: it downloads and compiles its script while the main thread
// decodes the region and creates the map, instead of after the map exists.
maplibregl.prewarm();
performance.mark('cdmz:map-code');

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const SYMBOL_PX = 22;
const ONLINE_STYLE: string | undefined = import.meta.env.VITE_BASEMAP_STYLE || undefined;

declare global {
  interface Window {
    /** performance.now() when the map first became idle with its data drawn (tests, bench). */
    __mapIdle?: number;
  }
}

function addSymbolImages(map: MlMap): void {
  const ratio = 2;
  const size = SYMBOL_PX * ratio;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  ctx.scale(ratio, ratio);
  for (const c of CATEGORIES) {
    for (const s of [...STATUSES, null]) {
      drawCategorySymbol(ctx, c, s, SYMBOL_PX);
      const id = symbolImageId(c, s);
      if (!map.hasImage(id)) map.addImage(id, ctx.getImageData(0, 0, size, size), { pixelRatio: ratio });
    }
  }
}

function corridorCollection(atlas: Atlas): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: atlas.corridors.map((c) => ({
      type: 'Feature',
      geometry: c.line,
      properties: { id: c.id, name_zh: c.name_zh, name_en: c.name_en, schematic: c.schematic },
    })),
  };
}

function zoneCollection(atlas: Atlas): FeatureCollection {
  const features: Feature[] = [];
  for (const z of atlas.zones) {
    if (!z.polygon) continue;
    features.push({
      type: 'Feature',
      geometry: z.polygon,
      properties: { id: z.id, name_zh: z.name_zh, name_en: z.name_en, inferred: z.inferred },
    });
  }
  return { type: 'FeatureCollection', features };
}

function stationCollection(atlas: Atlas): FeatureCollection {
  const features: Feature[] = [];
  for (const p of atlas.projects) {
    for (const st of p.stations ?? []) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: st.coord },
        properties: { project: p.id, name_zh: st.name_zh, name_en: st.name_en, opened: st.opened ?? true },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Bounding box of a project's geometry (for "fly there"); the analysis has already decomposed it. */
function projectBounds(p: Project): [number, number, number, number] | null {
  if (!p.geometry) return null;
  const box = geometryParts(p.geometry).bbox;
  return Number.isFinite(box[0]) ? box : null;
}

/**
 * Sets a boolean feature-state (`selected`, `hover`) on one feature and returns the effect
 * cleanup that clears it (if the source still exists).
 */
function flagFeature(map: MlMap, source: string, id: string, key: 'selected' | 'hover'): () => void {
  map.setFeatureState({ source, id }, { [key]: true });
  return () => {
    if (map.getSource(source)) map.setFeatureState({ source, id }, { [key]: false });
  };
}

export interface MapViewProps {
  baseMap: Promise<BaseMapResult>;
  /** Region bounds [w, s, e, n] for the first view. */
  initialBounds: [number, number, number, number];
}

type MapPhase = { kind: 'starting' } | { kind: 'ready'; map: MlMap } | { kind: 'failed'; reason: 'webgl' | 'base' };

export function MapView({ baseMap, initialBounds }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<MapPhase>({ kind: 'starting' });
  const store = useAppStoreApi();
  const lang = useAppStore((s) => s.lang);
  const embed = useAppStore((s) => s.embed);
  const atlas = useAppStore((s) => s.atlas);
  const dataStatus = useAppStore((s) => s.dataStatus);
  const asOfDate = useAppStore(selectAsOfDate);
  const visibleIds = useAppStore(selectVisibleIds);
  const selectedId = useAppStore((s) => s.selectedId);
  const hoveredId = useAppStore((s) => s.hoveredId);
  const corridorId = useAppStore((s) => s.filters.corridorId);
  const withinKm = useAppStore((s) => s.filters.withinKm);
  const zoneId = useAppStore((s) => s.filters.zoneId);
  const map = phase.kind === 'ready' ? phase.map : null;
  const overlaysAdded = useRef<Atlas | null>(null);
  const featuresKey = useRef<string>('');
  const hiddenIds = useRef<Set<string>>(new Set());
  const clickedOnMap = useRef(false);

  // Create the map once, as soon as its container is in the DOM (a layout effect: not after the
  // next paint, which with CJK text to lay out can be a long wait).
  useLayoutEffect(() => {
    const el = container.current;
    if (!el || phase.kind === 'failed') return;
    let cancelled = false;
    let created: MlMap | null = null;
    void baseMap.then((base) => {
      if (cancelled) return;
      if (!base.ok) {
        setPhase({ kind: 'failed', reason: 'base' });
        publishMapFailure();
        return;
      }
      const initialLang = store.getState().lang;
      const hasHash = /^#[\d.]+\/[-\d.]+\/[-\d.]+/.test(window.location.hash);
      let m: MlMap;
      performance.mark('cdmz:map-new');
      try {
        m = new maplibregl.Map({
          container: el,
          style: ONLINE_STYLE ?? baseStyle(base.value, initialLang),
          ...(hasHash ? {} : { bounds: initialBounds, fitBoundsOptions: { padding: 16 } }),
          hash: true,
          minZoom: 5,
          maxZoom: 15,
          dragRotate: false,
          pitchWithRotate: false,
          touchPitch: false,
          cooperativeGestures: store.getState().embed,
          locale: mapLocale(initialLang),
          attributionControl: { compact: true, customAttribution: BASE_ATTRIBUTION },
          canvasContextAttributes: { preserveDrawingBuffer: true },
        });
      } catch (e) {
        // MapLibre throws when the browser gives it no WebGL 2 context. No separate probe is
        // made beforehand: a throwaway context costs close to a second in software rendering.
        console.warn('CDMZ Atlas: the map could not start', e);
        setPhase({ kind: 'failed', reason: 'webgl' });
        publishMapFailure();
        return;
      }
      created = m;
      performance.mark('cdmz:map-created');
      publishMapStarted();
      m.touchZoomRotate.disableRotation();
      m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
      m.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
      // 'style.load' (a frame after the constructor), not 'load' (after the first tiles are
      // drawn): overlays and projects added now are tiled and drawn in the same first pass.
      m.once('style.load', () => {
        if (cancelled) return;
        performance.mark('cdmz:map-load');
        if (ONLINE_STYLE) {
          // An online basemap is an explicit option: our region layers go on top of it.
          const offline = baseStyle(base.value, initialLang);
          for (const [id, src] of Object.entries(offline.sources)) if (!m.getSource(id)) m.addSource(id, src);
          for (const layer of offline.layers) if (layer.type !== 'background' && !m.getLayer(layer.id)) m.addLayer(layer);
        }
        addSymbolImages(m);
        publishMap(m);
        setPhase({ kind: 'ready', map: m });
      });
    });
    return () => {
      cancelled = true;
      publishMap(null);
      created?.remove();
    };
    // The map is created once per mount; later state reaches it through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Overlays and the project source, once per loaded atlas.
  useEffect(() => {
    if (!map || !atlas || overlaysAdded.current === atlas) return;
    overlaysAdded.current = atlas;
    const lang0 = store.getState().lang;
    const addOrSet = (id: string, data: FeatureCollection, promoteId?: string) => {
      const src = map.getSource(id) as GeoJSONSource | undefined;
      if (src) src.setData(data);
      else map.addSource(id, { type: 'geojson', data, ...(promoteId ? { promoteId } : {}) });
    };
    addOrSet(SOURCE_IDS.zones, zoneCollection(atlas), 'id');
    addOrSet(SOURCE_IDS.corridors, corridorCollection(atlas));
    addOrSet(SOURCE_IDS.projects, EMPTY, 'id');
    addOrSet(SOURCE_IDS.stations, stationCollection(atlas));
    const before = map.getLayer(LAYER_IDS.countyLabel) ? LAYER_IDS.countyLabel : undefined;
    const band = store.getState().filters;
    const layers = [
      ...overlayLayers(lang0, band.corridorId ? { corridorId: band.corridorId, withinKm: band.withinKm ?? 0 } : null),
      ...projectLayers(lang0),
      {
        id: LAYER_IDS.stations,
        type: 'circle' as const,
        source: SOURCE_IDS.stations,
        minzoom: 8.5,
        paint: {
          'circle-radius': 4,
          'circle-color': ['case', ['get', 'opened'], '#ffffff', '#dddddd'] as never,
          'circle-stroke-color': '#c0392b',
          'circle-stroke-width': 2,
        },
      },
    ];
    for (const layer of layers) if (!map.getLayer(layer.id)) map.addLayer(layer, before);
    featuresKey.current = '';
    hiddenIds.current = new Set();
    performance.mark('cdmz:overlays');
  }, [map, atlas, store]);

  // Project features on the date: new data only when something drawn changes.
  useEffect(() => {
    if (!map || !atlas || !asOfDate || overlaysAdded.current !== atlas) return;
    const stateOf = (p: Project) => projectStateCached(p, asOfDate);
    const key = projectFeaturesKey(atlas.projects, stateOf);
    if (key === featuresKey.current) return;
    featuresKey.current = key;
    (map.getSource(SOURCE_IDS.projects) as GeoJSONSource).setData(projectFeatures(atlas.projects, stateOf));
  }, [map, atlas, asOfDate]);

  // Filters: feature-state `hidden`, changed ids only.
  useEffect(() => {
    if (!map || !atlas || overlaysAdded.current !== atlas) return;
    const visible = new Set(visibleIds);
    const next = new Set<string>();
    for (const p of atlas.projects) if (p.geometry && !visible.has(p.id)) next.add(p.id);
    const prev = hiddenIds.current;
    for (const id of next) if (!prev.has(id)) map.setFeatureState({ source: SOURCE_IDS.projects, id }, { hidden: true });
    for (const id of prev) if (!next.has(id)) map.setFeatureState({ source: SOURCE_IDS.projects, id }, { hidden: false });
    hiddenIds.current = next;
  }, [map, atlas, visibleIds]);

  // Selection and hover.
  useEffect(() => {
    if (!map || !atlas || !selectedId || overlaysAdded.current !== atlas) return;
    const p = atlas.projects.find((x) => x.id === selectedId);
    const fromMap = clickedOnMap.current;
    clickedOnMap.current = false;
    const b = p ? projectBounds(p) : null;
    if (b && !fromMap) {
      const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      map.fitBounds(b, { padding: 60, maxZoom: 11.5, animate: !reduce, duration: reduce ? 0 : 900 });
    }
    return flagFeature(map, SOURCE_IDS.projects, selectedId, 'selected');
  }, [map, atlas, selectedId]);

  useEffect(() => {
    if (!map || !atlas || !hoveredId || overlaysAdded.current !== atlas) return;
    return flagFeature(map, SOURCE_IDS.projects, hoveredId, 'hover');
  }, [map, atlas, hoveredId]);

  // Language: label text expressions only.
  useEffect(() => {
    if (!map) return;
    for (const layer of [...labelLayers(lang), ...projectLayers(lang), ...overlayLayers(lang, null)]) {
      if (layer.type !== 'symbol' || !map.getLayer(layer.id)) continue;
      const text = layer.layout?.['text-field'];
      if (text !== undefined) map.setLayoutProperty(layer.id, 'text-field', text);
    }
  }, [map, lang]);

  // Corridor band: which corridor, how wide (the layer's width expression is in pixels per zoom).
  useEffect(() => {
    if (!map || !atlas || overlaysAdded.current !== atlas) return;
    const band = corridorId ? { corridorId, withinKm: withinKm ?? 0 } : null;
    const layers = overlayLayers(lang, band);
    const bandLayer = layers.find((l) => l.id === LAYER_IDS.corridorBand);
    const lineLayer = layers.find((l) => l.id === LAYER_IDS.corridorLine);
    if (bandLayer?.type !== 'line' || lineLayer?.type !== 'line' || !map.getLayer(bandLayer.id)) return;
    map.setFilter(bandLayer.id, bandLayer.filter ?? null);
    map.setPaintProperty(bandLayer.id, 'line-width', bandLayer.paint?.['line-width']);
    map.setLayoutProperty(bandLayer.id, 'visibility', bandLayer.layout?.visibility ?? 'visible');
    map.setPaintProperty(lineLayer.id, 'line-width', lineLayer.paint?.['line-width']);
  }, [map, atlas, corridorId, withinKm, lang]);

  useEffect(() => {
    if (!map || !atlas || !zoneId || overlaysAdded.current !== atlas) return;
    return flagFeature(map, SOURCE_IDS.zones, zoneId, 'selected');
  }, [map, atlas, zoneId]);

  // Pointer: hover and click select the topmost visible project.
  useEffect(() => {
    if (!map) return;
    const visibleProject = (features: MapGeoJSONFeature[]): string | null => {
      for (const f of features) if (!f.state?.hidden && typeof f.properties?.id === 'string') return f.properties.id;
      return null;
    };
    const layers = () => PROJECT_LAYER_IDS.filter((id) => map.getLayer(id));
    const onMove = (e: MapMouseEvent) => {
      const id = visibleProject(map.queryRenderedFeatures(e.point, { layers: layers() }));
      map.getCanvas().style.cursor = id ? 'pointer' : '';
      if (store.getState().hoveredId !== id) store.getState().hover(id);
    };
    const onClick = (e: MapMouseEvent) => {
      const box: [[number, number], [number, number]] = [[e.point.x - 4, e.point.y - 4], [e.point.x + 4, e.point.y + 4]];
      const id = visibleProject(map.queryRenderedFeatures(box, { layers: layers() }));
      if (id) {
        clickedOnMap.current = true;
        store.getState().select(id);
      }
    };
    const onLeave = () => store.getState().hoveredId && store.getState().hover(null);
    map.on('mousemove', onMove);
    map.on('click', onClick);
    map.on('mouseout', onLeave);
    return () => {
      map.off('mousemove', onMove);
      map.off('click', onClick);
      map.off('mouseout', onLeave);
    };
  }, [map, store]);

  // First idle with data drawn: the signal tests and the benchmark wait on.
  useEffect(() => {
    if (!map || window.__mapIdle !== undefined) return;
    if (dataStatus === 'loading') return;
    if (dataStatus === 'ready' && overlaysAdded.current !== atlas) return;
    const mark = () => {
      if (window.__mapIdle !== undefined) return;
      window.__mapIdle = performance.now();
      container.current?.setAttribute('data-map-idle', 'true');
      window.dispatchEvent(new Event(MAP_IDLE_EVENT));
    };
    map.once('idle', mark);
    map.triggerRepaint();
    return () => {
      map.off('idle', mark);
    };
  }, [map, dataStatus, atlas, asOfDate]);

  const message =
    phase.kind === 'failed'
      ? translate(lang, phase.reason === 'webgl' ? 'map.noWebgl' : 'map.baseFailed')
      : null;
  return (
    <div className={`map-view${embed ? ' map-view--embed' : ''}`}>
      <div
        ref={container}
        className="map-canvas"
        data-testid="map"
        role="region"
        aria-label={translate(lang, 'map.label')}
      />
      {message ? (
        <div className="map-message" role="alert">
          {message}
        </div>
      ) : null}
    </div>
  );
}
