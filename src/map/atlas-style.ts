/**
 * The atlas's part of the map style: overlay sources (zones, corridors, stations), the project
 * source with its features on the store's date, and their layers (drawn below the region labels).
 * Used for the first style (map-boot.ts) and for an atlas that arrives later (MapView).
 */
import type { GeoJSONSource, GeoJSONSourceSpecification, LayerSpecification, Map as MlMap } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { Atlas, Project } from '../domain/types';
import type { Lang } from '../i18n/translate';
import type { AppState } from '../state/app-state';
import { selectAsOfDate, projectStateCached } from '../state/selectors';
import { LAYER_IDS, SOURCE_IDS } from './layer-ids';
import { overlayLayers, projectLayers } from './project-layers';
import { projectFeatures, projectFeaturesKey } from './project-features';
import { geometryParts } from '../geo/geometry-parts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

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

/**
 * The atlas's part of the style: overlay sources (zones, corridors, stations), the project source
 * with its features on the date, and their layers (drawn below the region labels).
 */
export function atlasStyleParts(
  atlas: Atlas,
  lang: Lang,
  band: { corridorId: string; withinKm: number } | null,
  projects: FeatureCollection,
): { sources: Record<string, GeoJSONSourceSpecification>; layers: LayerSpecification[] } {
  return {
    sources: {
      [SOURCE_IDS.zones]: { type: 'geojson', data: zoneCollection(atlas), promoteId: 'id' },
      [SOURCE_IDS.corridors]: { type: 'geojson', data: corridorCollection(atlas) },
      [SOURCE_IDS.projects]: { type: 'geojson', data: projects, promoteId: 'id' },
      [SOURCE_IDS.stations]: { type: 'geojson', data: stationCollection(atlas) },
    },
    layers: [
      ...overlayLayers(lang, band),
      ...projectLayers(lang),
      {
        id: LAYER_IDS.stations,
        type: 'circle',
        source: SOURCE_IDS.stations,
        minzoom: 8.5,
        paint: {
          'circle-radius': 4,
          'circle-color': ['case', ['get', 'opened'], '#ffffff', '#dddddd'],
          'circle-stroke-color': '#c0392b',
          'circle-stroke-width': 2,
        },
      },
    ],
  };
}


export interface AtlasParts {
  sources: Record<string, GeoJSONSourceSpecification>;
  layers: LayerSpecification[];
  /** `projectFeaturesKey` of the project features in `sources` ('' when there is no date). */
  featuresKey: string;
}

/** The atlas's sources and layers for the store's current language, date and corridor band. */
export function atlasPartsForState(atlas: Atlas, state: AppState): AtlasParts {
  const date = selectAsOfDate(state);
  const stateOf = date ? (p: Project) => projectStateCached(p, date) : null;
  const { corridorId, withinKm } = state.filters;
  const projects = stateOf ? projectFeatures(atlas.projects, stateOf) : EMPTY;
  const band = corridorId ? { corridorId, withinKm: withinKm ?? 0 } : null;
  return {
    ...atlasStyleParts(atlas, state.lang, band, projects),
    featuresKey: stateOf ? projectFeaturesKey(atlas.projects, stateOf) : '',
  };
}

/** Inserts the atlas's layers below the region labels, and its sources, into a style. */
export function withAtlasParts<S extends { sources: Record<string, unknown>; layers: LayerSpecification[] }>(style: S, parts: AtlasParts): S {
  const layers = [...style.layers];
  const at = layers.findIndex((l) => l.id === LAYER_IDS.countyLabel);
  layers.splice(at < 0 ? layers.length : at, 0, ...parts.layers);
  return { ...style, sources: { ...style.sources, ...parts.sources }, layers };
}

/** Puts the atlas's sources (new data for those already there) and layers (below the labels) on a map. */
export function addAtlasParts(map: MlMap, parts: AtlasParts): void {
  for (const [id, src] of Object.entries(parts.sources)) {
    const existing = map.getSource(id) as GeoJSONSource | undefined;
    if (existing) existing.setData(src.data as FeatureCollection);
    else map.addSource(id, src);
  }
  const before = map.getLayer(LAYER_IDS.countyLabel) ? LAYER_IDS.countyLabel : undefined;
  for (const layer of parts.layers) if (!map.getLayer(layer.id)) map.addLayer(layer, before);
}

/** How the map frames a selected project (first view and "fly there"). */
export const SELECTION_FIT = { padding: 60, maxZoom: 11.5 } as const;

/** Bounding box of a project's geometry, or null (no geometry); the analysis has already decomposed it. */
export function projectBounds(p: Project): [number, number, number, number] | null {
  if (!p.geometry) return null;
  const box = geometryParts(p.geometry).bbox;
  return Number.isFinite(box[0]) ? box : null;
}
