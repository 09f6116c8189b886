/**
 * THE MAP'S ONE OWNER. It creates the page's MapLibre map once, in the map slot React renders
 * (map-view.tsx starts it from its effect, once the slot exists), and it is the only code that
 * calls MapLibre methods that change the map's state: style, global state, feature-state,
 * camera and pixel ratio (ESLint's MAP_WRITES rule fails any other file that does). Everything
 * else reads the map, or asks through the store (selection, zone, corridor, filters, date,
 * language) or map-handle.ts (`frameResults()`; `drawMapAtScale()` for the picture export).
 *
 * How the store reaches the map, in `apply()` (run once the style has loaded and after every
 * store change):
 * - data and language → the style, `atlasStyle(base, atlas, { lang })` (atlas-style.ts, pure);
 *   a new atlas replaces the four atlas sources' data once, a new language the label texts,
 *   the attribution control (`showAttribution`) and MapLibre's control labels (map-locale.ts);
 * - date and filters → feature-state `shown` on the project features whose answer changed
 *   (project-features.ts: one feature per project and state interval, so the source never
 *   changes with the date; no `setData`, no re-tiling in MapLibre's worker);
 * - corridor distance → the global state `withinKm` (the band's width, a uniform);
 * - selection, hover, zone, corridor → feature-state on their few features, and the camera
 *   frames them in the part of the map the reader can see (framing.ts).
 *
 * The camera in the URL's hash is read and written here (camera-hash.ts; MapLibre's `hash`
 * option is off). The slot tells what happened (map-handle.ts status → map-view.tsx message):
 * no WebGL, code or base data missing, or no first frame within STALL_MS. The poster in the slot
 * (`.map-poster`, prerendered) is hidden at the first idle with the data drawn.
 *
 * One first-view ordering, no frame tuning: this module is loaded after the page's first
 * contentful paint (main.ts → app/map-code.ts; src/app/after-first-paint.ts says why) and
 * started by the map's container; MapLibre then draws as it likes (README, bench).
 */
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, Map as MlMap, MapGeoJSONFeature, MapMouseEvent, IControl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './map-owner.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection } from 'geojson';
import { CATEGORIES, STATUSES, type Atlas, type Category, type Status } from '../domain/types';
import { stateOn } from '../domain/state-intervals';
import { translate, type Lang } from '../i18n/translate';
import type { AppStore } from '../state/create-app-store';
import type { AppState } from '../state/app-state';
import { selectAsOfDate, selectVisibleIds } from '../state/selectors';
import { drawCategorySymbol, symbolImageId } from '../theme/category-symbol';
import { drawLeader, leaderImageOf, leaderImageSize } from '../theme/leader-symbol';
import type { BaseMapResult } from '../data/load-base-map';
import { REGION_BOUNDS, REGION_FIT } from '../app/region-bounds';
import { geometryParts } from '../geo/geometry-parts';
import { attributionHtml } from './base-style';
import { atlasStyle, projectBounds, SELECTION_MAX_ZOOM } from './atlas-style';
import { projectFeatureSet, shownFeatureFlags, changedFlags, type ProjectFeatureSet } from './project-features';
import { cameraFromHash, hashOfCamera, type CameraLimits } from './camera-hash';
import { measurePadding } from './framing';
import { markFirstIdle, publishMap, publishMapStatus, registerDrawAtScale, registerFrameResults, type DrawAtScale } from './map-handle';
import { mapLocale, relabelControls } from './map-locale';
import { PROJECT_LAYER_IDS, SOURCE_IDS } from './layer-ids';
import { WITHIN_KM_STATE } from './project-layers';
import { ICON_PX } from './symbol-fan';
import { MAX_ZOOM, MIN_ZOOM } from './zoom-range';

maplibregl.setWorkerUrl(workerUrl);
// Start MapLibre's worker now: it downloads and compiles its script while the page renders.
maplibregl.prewarm();

export { MAX_ZOOM, MIN_ZOOM };
/** No first idle within this many ms after the map was created: the slot says the map stopped responding. */
export const STALL_MS = 15_000;
/** A map made shorter than this (px) by the page folds its attribution (foldAttributionOnShrink). */
const SHORT_MAP_PX = 200;
/** An online basemap style URL, set at build time; off by default. */
const ONLINE_STYLE: string | undefined = import.meta.env.VITE_BASEMAP_STYLE || undefined;

type Bounds = [number, number, number, number];

/** The hash camera's limits: the map's zooms, the centre within a degree of the region. */
export const CAMERA_LIMITS: CameraLimits = {
  minZoom: MIN_ZOOM,
  maxZoom: MAX_ZOOM,
  box: [REGION_BOUNDS[0] - 1, REGION_BOUNDS[1] - 1, REGION_BOUNDS[2] + 1, REGION_BOUNDS[3] + 1],
};

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/** Resolves after the map has drawn a complete frame (all tiles loaded, nothing moving). */
function nextIdle(map: MlMap, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(() => {
      map.off('idle', done);
      reject(new Error(`the map did not finish drawing within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    function done() {
      window.clearTimeout(timer);
      resolve();
    }
    map.once('idle', done);
    map.triggerRepaint();
  });
}

function union(boxes: Iterable<Bounds>): Bounds | null {
  let out: Bounds | null = null;
  for (const b of boxes) out = out ? [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])] : [...b];
  return out;
}

function geometryBounds(g: Parameters<typeof geometryParts>[0] | null | undefined): Bounds | null {
  if (!g) return null;
  const box = geometryParts(g).bbox;
  return Number.isFinite(box[0]) ? (box as Bounds) : null;
}

/** The store values the owner has applied to the map (so `apply` only does what changed). */
interface Applied {
  atlas: Atlas | null;
  lang: Lang;
  sources: Record<string, unknown>;
  set: ProjectFeatureSet | null;
  shown: Uint8Array;
  visibleIds: readonly string[] | null;
  date: string | null;
  selected: string | null;
  hovered: string | null;
  zone: string | null;
  corridor: string | null;
  withinKm: number;
}

export interface MapOwner {
  /** Frames the filter results on the date; false when there are none on the map. */
  frameResults(): boolean;
}

let owner: MapOwner | null = null;

/**
 * Creates the page's map in `slot` once (later calls return the same owner). `slot` is the
 * element React renders with no React children of its own besides the poster (contract 4).
 */
export function startMapOwner(slot: HTMLElement, store: AppStore, baseMap: Promise<BaseMapResult>): MapOwner {
  owner ??= createOwner(slot, store, baseMap);
  return owner;
}

/** Map images are drawn at this pixel ratio. */
const IMAGE_RATIO = 2;

/**
 * Draws a map image of `width` × `height` CSS px with `draw` and adds it as `id`. The canvas is
 * read back once, so it lives in memory, not on the GPU: getImageData then does not wait for the
 * GPU process (measured: 0.4 s in headless Chromium while it drew the page).
 */
function addDrawnImage(map: MlMap, id: string, width: number, height: number, draw: (ctx: CanvasRenderingContext2D) => void): void {
  const canvas = document.createElement('canvas');
  canvas.width = width * IMAGE_RATIO;
  canvas.height = height * IMAGE_RATIO;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  ctx.scale(IMAGE_RATIO, IMAGE_RATIO);
  draw(ctx);
  if (!map.hasImage(id)) map.addImage(id, ctx.getImageData(0, 0, canvas.width, canvas.height), { pixelRatio: IMAGE_RATIO });
}

/** The image MapLibre asks for: a leader or spoke (`leader-<length>`, `spoke-<length>`) or a category symbol. */
function addSymbolImage(map: MlMap, id: string): void {
  const leader = leaderImageOf(id);
  if (leader) {
    const { width, height } = leaderImageSize(leader.kind, leader.lengthPx);
    addDrawnImage(map, id, width, height, (ctx) => drawLeader(ctx, leader.kind, leader.lengthPx));
    return;
  }
  for (const c of CATEGORIES) {
    for (const s of [...STATUSES, null]) {
      if (symbolImageId(c, s) !== id) continue;
      addDrawnImage(map, id, ICON_PX, ICON_PX, (ctx) => drawCategorySymbol(ctx, c as Category, s as Status | null, ICON_PX));
      return;
    }
  }
}

/** "Zoom to results" as a map control (top right, under the zoom buttons). */
class FrameResultsControl implements IControl {
  private el: HTMLDivElement | null = null;
  private button: HTMLButtonElement | null = null;
  constructor(private readonly onClick: () => void, private lang: Lang) {}
  onAdd(): HTMLElement {
    this.el = document.createElement('div');
    this.el.className = 'maplibregl-ctrl maplibregl-ctrl-group map-frame-results';
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'map-frame-results__button';
    this.button.dataset.testid = 'frame-results';
    this.button.addEventListener('click', this.onClick);
    this.el.appendChild(this.button);
    this.setLang(this.lang);
    return this.el;
  }
  setLang(lang: Lang): void {
    this.lang = lang;
    if (!this.button) return;
    const label = translate(lang, 'map.frameResults');
    this.button.title = label;
    this.button.setAttribute('aria-label', label);
    this.button.textContent = '⤢';
  }
  onRemove(): void {
    this.el?.remove();
  }
}

function createOwner(slot: HTMLElement, store: AppStore, baseMap: Promise<BaseMapResult>): MapOwner {
  let map: MlMap | null = null;
  let loaded = false;
  let movedByReader = false;
  let initialFramePending = true;
  let applied: Applied | null = null;
  let control: FrameResultsControl | null = null;
  let attribution: maplibregl.AttributionControl | null = null;
  let popup: maplibregl.Popup | null = null;
  /**
   * The attribution control says the sources line in `lang` (it takes its text once: replaced on
   * a switch). A reader who had folded it (ⓘ) finds it folded in the new language too: the new
   * control opens unfolded, and its own button folds it.
   */
  const showAttribution = (m: MlMap, lang: Lang) => {
    const old = m.getContainer().querySelector('.maplibregl-ctrl-attrib');
    const folded = old !== null && old.classList.contains('maplibregl-compact') && !old.classList.contains('maplibregl-compact-show');
    if (attribution) m.removeControl(attribution);
    attribution = new maplibregl.AttributionControl({ compact: true, customAttribution: attributionHtml(lang) });
    m.addControl(attribution, 'bottom-right');
    if (folded) foldAttribution(m);
  };
  /** Folds the compact attribution to its ⓘ button, with the control's own button (its toggle). */
  const foldAttribution = (m: MlMap) => {
    const el = m.getContainer().querySelector('.maplibregl-ctrl-attrib.maplibregl-compact-show');
    el?.querySelector<HTMLButtonElement>('.maplibregl-ctrl-attrib-button')?.click();
  };
  /**
   * MapLibre shows the compact attribution unfolded when the map appears and folds it once the
   * reader drags the map. A map the page makes short later (a phone's project sheet expanded:
   * ~130 px left) would be a third covered by it: the reader has acted, so it folds then too.
   */
  const foldAttributionOnShrink = (m: MlMap) => {
    let height = m.getContainer().clientHeight;
    m.on('resize', () => {
      const h = m.getContainer().clientHeight;
      if (h < height && h < SHORT_MAP_PX) foldAttribution(m);
      height = h;
    });
  };
  let clickedOnMap = false;
  /** What the camera has framed (or was there at the start): a change of these frames anew. */
  let framed = { selected: store.getState().selectedId, zone: store.getState().filters.zoneId, corridor: store.getState().filters.corridorId, bounds: store.getState().frameBounds };

  const frame = (bounds: Bounds, maxZoom: number, animate = !reducedMotion()) => {
    if (!map) return;
    const [w, s, e, n] = bounds;
    // A point (or a tiny box) is framed at maxZoom around it.
    map.fitBounds([w, s, e, n], { padding: measurePadding(slot), maxZoom, animate, duration: animate ? 800 : 0 });
  };
  /**
   * The region's first view: REGION_FIT, the framing the prerendered poster is drawn with
   * (src/map/poster-svg.ts, app/map-poster.css), so the switch from the poster to the map is not
   * a jump. The region's outline leaves the box's corners empty, where the controls sit.
   */
  const frameRegion = () => {
    map?.fitBounds(REGION_BOUNDS, { ...REGION_FIT, animate: false });
  };

  const frameResultsNow = (): boolean => {
    const state = store.getState();
    if (!map || !state.atlas || !applied?.set) return false;
    const boxes: Bounds[] = [];
    for (const p of state.atlas.projects) {
      const ids = applied.set.byProject.get(p.id);
      if (!ids?.some((id) => applied?.shown[id])) continue;
      const b = projectBounds(p);
      if (b) boxes.push(b);
    }
    const box = union(boxes);
    if (!box) return false;
    frame(box, SELECTION_MAX_ZOOM);
    return true;
  };

  /**
   * The first view's camera (after the hash, handled by the caller): stored bounds (`bbox`, the
   * embed code's), else the selection, else the zone; null = the region.
   */
  const initialBounds = (state: AppState): { bounds: Bounds; maxZoom: number } | null => {
    if (state.frameBounds) return { bounds: state.frameBounds, maxZoom: MAX_ZOOM };
    const atlas = state.atlas;
    const sel = atlas && state.selectedId ? atlas.projects.find((p) => p.id === state.selectedId) : undefined;
    const selBox = sel ? projectBounds(sel) : null;
    if (selBox) return { bounds: selBox, maxZoom: SELECTION_MAX_ZOOM };
    const zone = atlas && state.filters.zoneId ? atlas.zones.find((z) => z.id === state.filters.zoneId) : undefined;
    const zoneBox = geometryBounds(zone?.polygon);
    if (zoneBox) return { bounds: zoneBox, maxZoom: 12 };
    return null;
  };

  const setFlag = (source: string, id: string | number, key: string, value: boolean) => {
    map?.setFeatureState({ source, id }, { [key]: value });
  };
  const flagProject = (pid: string | null, key: 'selected' | 'hover', value: boolean) => {
    if (!pid || !applied?.set) return;
    for (const id of applied.set.byProject.get(pid) ?? []) setFlag(SOURCE_IDS.projects, id, key, value);
  };

  /** The first view's framing (not for a hash camera): stored bounds, selection or zone, once they can be framed. */
  const frameFirstView = () => {
    if (!initialFramePending || !map) return;
    const state = store.getState();
    if (movedByReader) {
      initialFramePending = false;
      return;
    }
    const first = initialBounds(state);
    if (first) {
      frame(first.bounds, first.maxZoom, false);
      initialFramePending = false;
    } else if (state.atlas || state.dataStatus !== 'loading') {
      // Nothing to frame (or it cannot be found): the region, as the poster shows it.
      frameRegion();
      initialFramePending = false;
    }
  };

  /** Applies the store's state to the map: the only place (with the camera code above) that changes it. */
  const apply = () => {
    if (!map || !loaded) return;
    const m = map;
    const state = store.getState();
    const base = baseData;
    if (!base) return;
    const prev = applied;
    const style = atlasStyle(base, state.atlas, { lang: state.lang });
    // 1. Data: the atlas sources whose data object changed (once per atlas).
    const atlasChanged = !prev || prev.atlas !== state.atlas;
    if (atlasChanged) {
      for (const id of [SOURCE_IDS.zones, SOURCE_IDS.corridors, SOURCE_IDS.projects, SOURCE_IDS.stations]) {
        const spec = style.sources[id] as { data: FeatureCollection };
        if (prev && prev.sources[id] === spec.data) continue;
        if (prev) {
          m.removeFeatureState({ source: id });
          (m.getSource(id) as GeoJSONSource | undefined)?.setData(spec.data);
        }
      }
    }
    // 2. Language: label texts (layout) and the map's accessible name.
    if (prev && prev.lang !== state.lang) {
      for (const layer of style.layers) {
        if (layer.type !== 'symbol' || !m.getLayer(layer.id)) continue;
        const text = layer.layout?.['text-field'];
        if (text !== undefined && JSON.stringify(m.getLayoutProperty(layer.id, 'text-field')) !== JSON.stringify(text)) {
          m.setLayoutProperty(layer.id, 'text-field', text);
        }
      }
      control?.setLang(state.lang);
      showAttribution(m, state.lang);
      relabelControls(m.getContainer(), state.lang);
      popup?.remove();
    }
    slot.setAttribute('aria-label', translate(state.lang, 'map.label'));

    const set = state.atlas ? projectFeatureSet(state.atlas) : null;
    const next: Applied = {
      atlas: state.atlas,
      lang: state.lang,
      sources: Object.fromEntries(Object.entries(style.sources).map(([id, s]) => [id, (s as { data?: unknown }).data])),
      set,
      shown: atlasChanged || !prev ? new Uint8Array(set?.collection.features.length ?? 0) : prev.shown,
      visibleIds: atlasChanged ? null : (prev?.visibleIds ?? null),
      date: atlasChanged ? null : (prev?.date ?? null),
      selected: atlasChanged ? null : (prev?.selected ?? null),
      hovered: atlasChanged ? null : (prev?.hovered ?? null),
      zone: atlasChanged ? null : (prev?.zone ?? null),
      corridor: atlasChanged ? null : (prev?.corridor ?? null),
      withinKm: prev?.withinKm ?? 0,
    };

    // 3. Date and filters: feature-state `shown` of the features whose answer changed.
    const visibleIds = selectVisibleIds(state);
    const date = selectAsOfDate(state);
    if (set && (next.visibleIds !== visibleIds || next.date !== date)) {
      const flags = shownFeatureFlags(set, new Set(visibleIds), date);
      for (const id of changedFlags(next.shown, flags)) setFlag(SOURCE_IDS.projects, id, 'shown', flags[id] === 1);
      next.shown = flags;
      next.visibleIds = visibleIds;
      next.date = date;
    }

    // 4. Selection, hover, zone, corridor: feature-state on their features.
    applied = next;
    if (next.selected !== state.selectedId) {
      flagProject(next.selected, 'selected', false);
      flagProject(state.selectedId, 'selected', true);
    }
    if (next.hovered !== state.hoveredId) {
      flagProject(next.hovered, 'hover', false);
      flagProject(state.hoveredId, 'hover', true);
    }
    const zoneId = state.filters.zoneId;
    if (next.zone !== zoneId && state.atlas) {
      if (next.zone) setFlag(SOURCE_IDS.zones, next.zone, 'selected', false);
      if (zoneId) setFlag(SOURCE_IDS.zones, zoneId, 'selected', true);
    }
    const corridorId = state.filters.corridorId;
    if (next.corridor !== corridorId && state.atlas) {
      if (next.corridor) setFlag(SOURCE_IDS.corridors, next.corridor, 'active', false);
      if (corridorId) setFlag(SOURCE_IDS.corridors, corridorId, 'active', true);
    }
    const km = corridorId ? (state.filters.withinKm ?? 0) : 0;
    if (next.withinKm !== km) m.setGlobalStateProperty(WITHIN_KM_STATE, km);

    next.selected = state.selectedId;
    next.hovered = state.hoveredId;
    next.zone = zoneId;
    next.corridor = corridorId;
    next.withinKm = km;

    // 5. Camera: the first view once the data is in, then whatever is newly chosen.
    const atlas = state.atlas;
    if (atlas) {
      if (initialFramePending) {
        frameFirstView();
      } else if (state.frameBounds && state.frameBounds !== framed.bounds) {
        frame(state.frameBounds, MAX_ZOOM);
      } else if (state.selectedId && state.selectedId !== framed.selected && !clickedOnMap) {
        const p = atlas.projects.find((x) => x.id === state.selectedId);
        const b = p ? projectBounds(p) : null;
        if (b) frame(b, SELECTION_MAX_ZOOM);
      } else if (zoneId && zoneId !== framed.zone) {
        const b = geometryBounds(atlas.zones.find((z) => z.id === zoneId)?.polygon);
        if (b) frame(b, 12);
      } else if (corridorId && corridorId !== framed.corridor) {
        const b = geometryBounds(atlas.corridors.find((c) => c.id === corridorId)?.line);
        if (b) frame(b, 11);
      }
      framed = { selected: state.selectedId, zone: zoneId, corridor: corridorId, bounds: state.frameBounds };
    }
    clickedOnMap = false;
    maybeMarkIdle();
  };

  let baseData: Extract<BaseMapResult, { ok: true }>['value'] | null = null;
  let idleMarked = false;
  const maybeMarkIdle = () => {
    if (idleMarked || !map) return;
    const s = store.getState();
    if (s.dataStatus === 'loading' || (s.atlas && applied?.atlas !== s.atlas)) return;
    const m = map;
    m.once('idle', () => {
      if (idleMarked) return;
      idleMarked = true;
      clearTimeout(stallTimer);
      publishMapStatus('ready');
      slot.querySelector<HTMLElement>('.map-poster')?.setAttribute('hidden', '');
      markFirstIdle(slot);
    });
    m.triggerRepaint();
  };
  let stallTimer: ReturnType<typeof setTimeout> | undefined;

  /** The picture export's request (map-handle.ts): the map at `scale` for `read`, then as it was. */
  const drawAtScale: DrawAtScale = async (scale, read) => {
    const m = map;
    if (!m || !loaded) throw new Error('the map is not available');
    const original = m.getPixelRatio();
    try {
      if (original !== scale) m.setPixelRatio(scale);
      await nextIdle(m);
      return read(m.getCanvas());
    } finally {
      if (m.getPixelRatio() !== original) {
        m.setPixelRatio(original);
        m.triggerRepaint();
      }
    }
  };

  // ---- pointer: hover tooltip (devices that hover), tap callout (touch), click selects
  const shownProjectAt = (features: MapGeoJSONFeature[]): MapGeoJSONFeature | null => {
    for (const f of features) if (f.state?.shown && typeof f.properties?.id === 'string') return f;
    return null;
  };
  const tipContent = (pid: string): HTMLElement | null => {
    const state = store.getState();
    const p = state.atlas?.projects.find((x) => x.id === pid);
    const date = selectAsOfDate(state);
    if (!p || !date) return null;
    const lang = state.lang;
    const s = stateOn(p, date);
    const el = document.createElement('div');
    el.className = 'map-tip';
    const name = document.createElement('strong');
    name.className = 'map-tip__name';
    name.textContent = lang === 'en' ? p.name_en || p.name_zh : p.name_zh;
    const line = document.createElement('span');
    line.className = 'map-tip__state';
    line.textContent = `${translate(lang, `status.${s.status ?? 'none'}`)} · ${translate(lang, `category.${p.category}`)}`;
    el.append(name, line);
    if (s.stale) {
      const stale = document.createElement('span');
      stale.className = 'map-tip__stale';
      stale.textContent = translate(lang, 'map.tip.stale');
      el.append(stale);
    }
    return el;
  };
  const showTip = (pid: string, at: maplibregl.LngLatLike, touch: boolean) => {
    if (!map) return;
    const content = tipContent(pid);
    if (!content) return;
    popup?.remove();
    popup = new maplibregl.Popup({ closeButton: touch, closeOnClick: true, offset: 14, maxWidth: '260px', className: touch ? 'map-callout' : 'map-tooltip', focusAfterOpen: false })
      .setLngLat(at)
      .setDOMContent(content)
      .addTo(map);
  };

  const wirePointer = (m: MlMap) => {
    const canHover = window.matchMedia?.('(hover: hover)').matches ?? true;
    const layers = () => PROJECT_LAYER_IDS.filter((id) => m.getLayer(id));
    m.on('mousemove', (e: MapMouseEvent) => {
      const f = shownProjectAt(m.queryRenderedFeatures(e.point, { layers: layers() }));
      const id = f ? (f.properties.id as string) : null;
      m.getCanvas().style.cursor = id ? 'pointer' : '';
      if (store.getState().hoveredId !== id) store.getState().hover(id);
      if (!canHover) return;
      if (id) showTip(id, e.lngLat, false);
      else if (popup && !popup.getElement()?.classList.contains('map-callout')) {
        popup.remove();
        popup = null;
      }
    });
    m.on('mouseout', () => {
      if (store.getState().hoveredId) store.getState().hover(null);
      if (popup && !popup.getElement()?.classList.contains('map-callout')) popup.remove();
    });
    m.on('click', (e: MapMouseEvent) => {
      const box: [[number, number], [number, number]] = [[e.point.x - 6, e.point.y - 6], [e.point.x + 6, e.point.y + 6]];
      const f = shownProjectAt(m.queryRenderedFeatures(box, { layers: layers() }));
      if (!f) return;
      const id = f.properties.id as string;
      if (!canHover) showTip(id, e.lngLat, true);
      clickedOnMap = true;
      store.getState().select(id);
    });
  };

  // ---- the camera hash: read at start and on hashchange, written after the reader moves
  const writeHash = () => {
    if (!map) return;
    const hash = hashOfCamera({ zoom: map.getZoom(), center: [map.getCenter().lng, map.getCenter().lat] });
    if (window.location.hash === hash) return;
    const url = `${window.location.pathname}${window.location.search}${hash}`;
    window.history.replaceState(window.history.state, '', url);
  };
  const onHashChange = () => {
    const cam = cameraFromHash(window.location.hash, CAMERA_LIMITS);
    if (!cam || !map) return; // unreadable: ignored, the map stays where it is
    map.jumpTo({ center: cam.center, zoom: cam.zoom });
  };

  void baseMap.then(
    (base) => {
      if (!base.ok) {
        publishMapStatus('base-failed');
        return;
      }
      baseData = base.value;
      const state = store.getState();
      const container = document.createElement('div');
      container.className = 'map-canvas';
      slot.appendChild(container);
      // The map starts on the hash's camera, else on the region; what the view asks to frame
      // (bbox, selection, zone) is framed once the controls exist, so their room is measured too.
      const hashCam = cameraFromHash(window.location.hash, CAMERA_LIMITS);
      if (hashCam) initialFramePending = false;
      const camera = hashCam
        ? { center: hashCam.center, zoom: hashCam.zoom }
        : { bounds: REGION_BOUNDS as Bounds, fitBoundsOptions: { ...REGION_FIT } };
      const style = atlasStyle(base.value, state.atlas, { lang: state.lang });
      let m: MlMap;
      performance.mark('cdmz:map-new');
      try {
        m = new maplibregl.Map({
          container,
          style: ONLINE_STYLE ?? style,
          ...camera,
          hash: false,
          minZoom: MIN_ZOOM,
          maxZoom: MAX_ZOOM,
          dragRotate: false,
          pitchWithRotate: false,
          touchPitch: false,
          cooperativeGestures: state.embed,
          locale: mapLocale(state.lang),
          attributionControl: false, // our own, in the page's language (showAttribution)
          canvasContextAttributes: { preserveDrawingBuffer: true },
        });
      } catch (e) {
        // Only a missing WebGL 2 context is reported as such; anything else is "could not start".
        const noGl = e instanceof maplibregl.GPUInitializationError || (e instanceof Error && e.name === 'GPUInitializationError');
        console.warn('CDMZ Atlas: the map could not start', e);
        container.remove();
        publishMapStatus(noGl ? 'no-webgl' : 'failed');
        return;
      }
      map = m;
      performance.mark('cdmz:map-created');
      // ONE region named "Map": the slot (map-view.tsx). MapLibre makes its canvas a second,
      // nested region; the canvas is the interactive surface (arrow keys pan), so: application.
      m.getCanvas().setAttribute('role', 'application');
      stallTimer = setTimeout(() => {
        if (!idleMarked) publishMapStatus('stalled');
      }, STALL_MS);
      m.on('error', (e: { error?: unknown }) => console.warn('CDMZ Atlas: map error', e.error ?? e));
      // Symbols are drawn on demand, when a tile first needs one (MapLibre awaits the resolver).
      m.setMissingStyleImageResolver((id) => addSymbolImage(m, id));
      m.on('movestart', (e: { originalEvent?: unknown }) => {
        if (e.originalEvent) movedByReader = true;
      });
      m.on('moveend', (e: { originalEvent?: unknown }) => {
        if (e.originalEvent || movedByReader) writeHash();
      });
      window.addEventListener('hashchange', onHashChange);
      m.touchZoomRotate.disableRotation();
      m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
      control = new FrameResultsControl(() => {
        frameResultsNow();
      }, state.lang);
      m.addControl(control, 'top-right');
      m.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
      showAttribution(m, state.lang);
      foldAttributionOnShrink(m);
      // The control corners sit over the map: framing keeps content clear of them.
      for (const corner of m.getContainer().querySelectorAll('.maplibregl-ctrl-top-right, .maplibregl-ctrl-bottom-left, .maplibregl-ctrl-bottom-right')) {
        corner.setAttribute('data-covers-map', '');
      }
      wirePointer(m);
      registerFrameResults(frameResultsNow);
      registerDrawAtScale(drawAtScale);
      frameFirstView();
      m.once('style.load', () => {
        if (ONLINE_STYLE) {
          // An online basemap is an explicit option: our layers go on top of it.
          for (const [id, src] of Object.entries(style.sources)) if (!m.getSource(id)) m.addSource(id, src);
          for (const layer of style.layers) if (layer.type !== 'background' && !m.getLayer(layer.id)) m.addLayer(layer);
        }
        performance.mark('cdmz:map-load');
        loaded = true;
        applied = {
          atlas: state.atlas,
          lang: state.lang,
          sources: Object.fromEntries(Object.entries(style.sources).map(([id, s]) => [id, (s as { data?: unknown }).data])),
          set: null,
          shown: new Uint8Array(state.atlas ? projectFeatureSet(state.atlas).collection.features.length : 0),
          visibleIds: null,
          date: null,
          selected: null,
          hovered: null,
          zone: null,
          corridor: null,
          withinKm: 0,
        };
        publishMap(m);
        store.subscribe(apply);
        apply();
      });
    },
    () => publishMapStatus('base-failed'),
  );

  return { frameResults: frameResultsNow };
}
