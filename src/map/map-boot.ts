/**
 * Starts the map, and lets it draw its first view, before the page's React shell runs.
 *
 * The map is the slowest part of the first view: it needs its WebGL context, its worker and its
 * data, and in software rendering every frame and shader costs. So `startMap` creates it as
 * soon as MapLibre's code, the region data and the project files are in (main.ts), in a holder
 * element of its own placed like the map's slot (app.css), and React's code runs only after the
 * first idle. Until then this module keeps the map in step with the store: project files that
 * come late, and the URL's filters, selection and zone as feature-state. It also marks the
 * first idle. `MapView` then moves the holder into its slot and takes over (`handOver`). If the
 * slot's size differs, `MapView` resizes the map and fits it again, unless the reader has
 * moved it meanwhile.
 *
 * One map per page: `startMap` returns the same start every time it is called.
 */
import * as maplibregl from 'maplibre-gl';
import type { Map as MlMap } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { STATUSES, CATEGORIES, type Atlas } from '../domain/types';
import type { AppStore } from '../state/create-app-store';
import { drawCategorySymbol, symbolImageId } from '../theme/category-symbol';
import type { BaseMapResult } from '../data/load-base-map';
import { BASE_ATTRIBUTION, baseStyle } from './base-style';
import { markFirstIdle, publishMap, publishMapFailure } from './map-handle';
import { SOURCE_IDS } from './layer-ids';
import { selectVisibleIds } from '../state/selectors';
import type { AppState } from '../state/app-state';
import { mapLocale } from './map-locale';
import { gateFirstView } from './first-view-gate';
import { addAtlasParts, atlasPartsForState, projectBounds, SELECTION_FIT, withAtlasParts } from './atlas-style';
import { REGION_FIT } from '../app/region-bounds';

maplibregl.setWorkerUrl(workerUrl);
// Start MapLibre's worker now: it downloads and compiles its script while the main thread
// decodes the region and creates the map, instead of after the map exists.
maplibregl.prewarm();
performance.mark('cdmz:map-code');

const SYMBOL_PX = 22;
const MAX_ZOOM = 15;
/** An online basemap style URL, set at build time; off by default. */
const ONLINE_STYLE: string | undefined = import.meta.env.VITE_BASEMAP_STYLE || undefined;
/** The holder's class until `MapView` has moved it into the shell (app.css places it). */
const BOOT_CLASS = 'map-canvas--boot';

export type MapStart =
  | {
      kind: 'started';
      map: MlMap;
      /** The element the map draws into; `MapView` moves it into the shell. */
      container: HTMLDivElement;
      /** Resolves when the style has loaded (`publishMap` has been called). */
      styleLoaded: Promise<void>;
      /** Where the first view was fitted (the region, or the project selected in the URL). */
      fit: { bounds: Bounds; padding: number; maxZoom: number } | null;
      /**
       * `MapView` takes the map over: from now on it adds an atlas that arrives late and keeps
       * the feature-state. Returns what the map shows so far.
       */
      handOver: () => DrawnAtlas;
    }
  | { kind: 'failed'; reason: 'webgl' | 'base'; container: HTMLDivElement };

type Bounds = [number, number, number, number];

/** What the map shows of the atlas: which atlas, its features' key, the hidden project ids. */
export interface DrawnAtlas {
  atlas: Atlas | null;
  featuresKey: string;
  hidden: Set<string>;
  /** The project and zone flagged `selected` (MapView clears them if the store has moved on). */
  selected: string | null;
  zone: string | null;
}

export interface StartMapOptions {
  store: AppStore;
  baseMap: Promise<BaseMapResult>;
  /** Region bounds [w, s, e, n] for the first view (unless the URL has a camera hash). */
  initialBounds: Bounds;
}

let start: Promise<MapStart> | null = null;
const movedByUser = new WeakSet<MlMap>();

/** The reader has panned or zoomed the map (not a camera change made by code). */
export function userMoved(map: MlMap): boolean {
  return movedByUser.has(map);
}

/**
 * How long the map waits for the project files before starting with the region alone (their
 * layers are then added when they arrive). They are parsed while MapLibre's code compiles, so
 * normally they are in first, and the first style has everything: one tiling pass.
 */
const ATLAS_WAIT_MS = 1500;

/** Resolves once the store's data has loaded or failed, or after `ms`. */
function dataSettled(store: AppStore, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (store.getState().dataStatus !== 'loading') return resolve();
    const timer = setTimeout(done, ms);
    const stop = store.subscribe((s) => s.dataStatus !== 'loading' && done());
    function done() {
      clearTimeout(timer);
      stop();
      resolve();
    }
  });
}

/** The URL carries a camera (`#zoom/lat/lng`, MapLibre's hash): keep it instead of the fit. */
function hasCameraHash(): boolean {
  return /^#[\d.]+\/[-\d.]+\/[-\d.]+/.test(window.location.hash);
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

function createMap({ store, baseMap, initialBounds }: StartMapOptions): Promise<MapStart> {
  const container = document.createElement('div');
  container.className = `map-canvas ${BOOT_CLASS}${store.getState().embed ? ` ${BOOT_CLASS}-embed` : ''}`;
  container.dataset.testid = 'map';
  // The region named "Map" is the map's area around it (app/lazy-map.tsx), one landmark.
  document.body.appendChild(container);
  return Promise.all([baseMap, dataSettled(store, ATLAS_WAIT_MS)]).then(([base]): MapStart => {
    if (!base.ok) {
      publishMapFailure();
      return { kind: 'failed', reason: 'base', container };
    }
    const state = store.getState();
    const lang = state.lang;
    const atlas = state.atlas;
    const parts = atlas ? atlasPartsForState(atlas, state) : null;
    const offline = parts ? withAtlasParts(baseStyle(base.value, lang), parts) : baseStyle(base.value, lang);
    const drawn: DrawnAtlas = { atlas, featuresKey: parts?.featuresKey ?? '', hidden: new Set(), selected: null, zone: null };
    // The first view: the camera in the URL's hash, else the project selected in the URL, else
    // the region.
    const selected = atlas && state.selectedId ? atlas.projects.find((p) => p.id === state.selectedId) : undefined;
    const selectedBox = selected ? projectBounds(selected) : null;
    const fit = hasCameraHash()
      ? null
      : selectedBox
        ? { bounds: selectedBox, ...SELECTION_FIT }
        : { bounds: initialBounds, ...REGION_FIT };
    let map: MlMap;
    performance.mark('cdmz:map-new');
    try {
      map = new maplibregl.Map({
        container,
        style: ONLINE_STYLE ?? offline,
        ...(fit ? { bounds: fit.bounds, fitBoundsOptions: { padding: fit.padding, maxZoom: fit.maxZoom } } : {}),
        hash: true,
        minZoom: 5,
        maxZoom: MAX_ZOOM,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        cooperativeGestures: store.getState().embed,
        locale: mapLocale(lang),
        attributionControl: { compact: true, customAttribution: BASE_ATTRIBUTION },
        canvasContextAttributes: { preserveDrawingBuffer: true },
      });
    } catch (e) {
      // MapLibre throws when the browser gives it no WebGL 2 context. No separate probe is
      // made beforehand: a throwaway context costs close to a second in software rendering.
      console.warn('CDMZ Atlas: the map could not start', e);
      publishMapFailure();
      return { kind: 'failed', reason: 'webgl', container };
    }
    performance.mark('cdmz:map-created');
    map.on('movestart', (e: { originalEvent?: unknown }) => {
      if (e.originalEvent) movedByUser.add(map);
    });
    // One frame for the complete first view instead of one per arriving tile.
    gateFirstView(map);
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    // Until MapView takes over, the map keeps up with the store on its own: the page's shell
    // renders after the first idle, and that idle must show the URL's view (filters, selection).
    let handedOver = false;
    let loaded = false;
    let applied = false;
    let marking = false;
    let stopWatching = () => {};
    const keepUp = () => {
      if (handedOver || !loaded) return;
      const now = store.getState();
      if (now.atlas && drawn.atlas !== now.atlas) {
        // The project files came after the map had started: their sources and layers now.
        const late = atlasPartsForState(now.atlas, now);
        addAtlasParts(map, late);
        drawn.atlas = now.atlas;
        drawn.featuresKey = late.featuresKey;
      }
      if (drawn.atlas && !applied) {
        applied = true;
        applyViewState(map, drawn, now);
      }
      if (now.dataStatus !== 'loading' && !marking) {
        marking = true;
        stopWatching();
        map.once('idle', () => markFirstIdle(map));
        map.triggerRepaint();
      }
    };
    const styleLoaded = new Promise<void>((resolve) => {
      map.once('style.load', () => {
        performance.mark('cdmz:map-load');
        if (ONLINE_STYLE) {
          // An online basemap is an explicit option: our layers go on top of it.
          for (const [id, src] of Object.entries(offline.sources)) if (!map.getSource(id)) map.addSource(id, src);
          for (const layer of offline.layers) if (layer.type !== 'background' && !map.getLayer(layer.id)) map.addLayer(layer);
        }
        addSymbolImages(map);
        publishMap(map);
        loaded = true;
        stopWatching = store.subscribe(keepUp);
        keepUp();
        resolve();
      });
    });
    const handOver = () => {
      handedOver = true;
      stopWatching();
      return drawn;
    };
    return { kind: 'started', map, container, styleLoaded, fit, handOver };
  });
}

/**
 * The URL's view on the projects as feature-state: projects its filters hide, the selected
 * project and zone, recorded in `drawn`. MapView keeps this up to date after it takes over.
 */
function applyViewState(map: MlMap, drawn: DrawnAtlas, state: AppState): void {
  const visible = new Set(selectVisibleIds(state));
  for (const p of drawn.atlas?.projects ?? []) {
    if (!p.geometry || visible.has(p.id)) continue;
    drawn.hidden.add(p.id);
    map.setFeatureState({ source: SOURCE_IDS.projects, id: p.id }, { hidden: true });
  }
  drawn.selected = state.selectedId;
  drawn.zone = state.filters.zoneId;
  if (drawn.selected) map.setFeatureState({ source: SOURCE_IDS.projects, id: drawn.selected }, { selected: true });
  if (drawn.zone) map.setFeatureState({ source: SOURCE_IDS.zones, id: drawn.zone }, { selected: true });
}

/**
 * Moves the map's holder into `slot` (MapView's place for it in the shell), where it stops being
 * placed by the boot classes. Returns whether its size changed on the way.
 */
export function moveIntoSlot(container: HTMLElement, slot: HTMLElement): boolean {
  if (container.parentElement === slot) return false;
  const before = `${container.clientWidth}x${container.clientHeight}`;
  slot.appendChild(container);
  container.classList.remove(BOOT_CLASS, `${BOOT_CLASS}-embed`);
  return `${container.clientWidth}x${container.clientHeight}` !== before;
}

/**
 * Creates the page's map once (later calls return the same start). main.ts calls it as soon
 * as MapLibre's code is in; `MapView` calls it too, for the case it mounts first.
 */
export function startMap(options: StartMapOptions): Promise<MapStart> {
  start ??= createMap(options);
  return start;
}
