/**
 * The map: the ONLY component that touches MapLibre. It reads the store and pushes state to
 * the map as feature-state (visibility, hover, selection) and, only when a project's drawn state
 * changes, as new data for the project source. Loaded lazily so the page's text paints first;
 * the map itself is created before, by map-boot.ts, and moved into this component's slot.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { GeoJSONSource, Map as MlMap, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import type { Atlas, Project } from '../domain/types';
import { translate } from '../i18n/translate';
import { useAppStore, useAppStoreApi } from '../state/store-context';
import { selectAsOfDate, selectVisibleIds, projectStateCached } from '../state/selectors';
import type { BaseMapResult } from '../data/load-base-map';
import { labelLayers } from './base-style';
import { LAYER_IDS, PROJECT_LAYER_IDS, SOURCE_IDS } from './layer-ids';
import { overlayLayers, projectLayers } from './project-layers';
import { projectFeatures, projectFeaturesKey } from './project-features';
import { addAtlasParts, atlasPartsForState, projectBounds, SELECTION_FIT } from './atlas-style';
import { markFirstIdle } from './map-handle';
import { moveIntoSlot, startMap, userMoved } from './map-boot';

/** main.ts starts the map through the module it loads anyway. */
export { startMap } from './map-boot';

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
  const slot = useRef<HTMLDivElement>(null);
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

  // The map is started before the shell renders (map-boot.ts). Once it has started, its holder
  // moves into this slot (a layout effect: before the next paint). If the slot's size differs
  // from the holder's, the map takes the new size and fits the region again. No tile has been
  // drawn by then, so this is cheap.
  useLayoutEffect(() => {
    let live = true;
    void startMap({ store, baseMap, initialBounds }).then(async (start) => {
      if (!live) return;
      if (start.kind === 'failed') {
        if (slot.current) moveIntoSlot(start.container, slot.current);
        setPhase({ kind: 'failed', reason: start.reason });
        return;
      }
      const { map: m, container: el } = start;
      // From here on this component keeps the map in step with the store.
      const drawn = start.handOver();
      overlaysAdded.current = drawn.atlas;
      featuresKey.current = drawn.featuresKey;
      hiddenIds.current = drawn.hidden;
      const now = store.getState();
      if (drawn.selected && drawn.selected !== now.selectedId) m.setFeatureState({ source: SOURCE_IDS.projects, id: drawn.selected }, { selected: false });
      if (drawn.zone && drawn.zone !== now.filters.zoneId) m.setFeatureState({ source: SOURCE_IDS.zones, id: drawn.zone }, { selected: false });
      if (slot.current && moveIntoSlot(el, slot.current)) {
        m.resize();
        // Fit again, unless the reader has moved the map meanwhile.
        if (start.fit && !userMoved(m)) m.fitBounds(start.fit.bounds, { padding: start.fit.padding, maxZoom: start.fit.maxZoom, animate: false });
      }
      await start.styleLoaded;
      if (live) setPhase({ kind: 'ready', map: m });
    });
    return () => {
      live = false;
    };
    // One map per page, started once; later state reaches it through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // An atlas that arrives after the map was created (e.g. loaded again): its sources and layers.
  useEffect(() => {
    if (!map || !atlas || overlaysAdded.current === atlas) return;
    const parts = atlasPartsForState(atlas, store.getState());
    overlaysAdded.current = atlas;
    featuresKey.current = parts.featuresKey;
    hiddenIds.current = new Set();
    addAtlasParts(map, parts);
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
      map.fitBounds(b, { ...SELECTION_FIT, animate: !reduce, duration: reduce ? 0 : 900 });
    }
    return flagFeature(map, SOURCE_IDS.projects, selectedId, 'selected');
  }, [map, atlas, selectedId]);

  useEffect(() => {
    if (!map || !atlas || !hoveredId || overlaysAdded.current !== atlas) return;
    return flagFeature(map, SOURCE_IDS.projects, hoveredId, 'hover');
  }, [map, atlas, hoveredId]);

  // Language: label text expressions only (and the map region's name).
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
    const mark = () => markFirstIdle(map);
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
      <div ref={slot} className="map-slot" />
      {message ? (
        <div className="map-message" role="alert">
          {message}
        </div>
      ) : null}
    </div>
  );
}
