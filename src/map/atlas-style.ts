/**
 * The map's whole style as a pure function of the data and the view: `atlasStyle(base, atlas,
 * view) → StyleSpecification`. Base map (region, water, borders, labels), the atlas's overlays
 * (zones, corridors, stations) and the project source (one feature per project and state
 * interval, project-features.ts), with their layers below the region labels.
 *
 * The view part is only the language: the date, the filters, the selection, the zone and the
 * corridor do not change the style (see project-layers.ts for how they reach the map), so the
 * owner (map-owner.ts) calls `map.setStyle(atlasStyle(…))` only when the data or the language
 * changes, and MapLibre's style diff turns that into the few calls it needs.
 */
import type { GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { Atlas, Project } from '../domain/types';
import type { Lang } from '../i18n/translate';
import type { BaseMapData } from '../data/load-base-map';
import { geometryParts } from '../geo/geometry-parts';
import { baseStyle } from './base-style';
import { LAYER_IDS, SOURCE_IDS } from './layer-ids';
import { overlayLayers, projectLayers, WITHIN_KM_STATE } from './project-layers';
import { projectFeatureSet } from './project-features';

export interface StyleView {
  lang: Lang;
}

const EMPTY: FeatureCollection = Object.freeze({ type: 'FeatureCollection', features: [] }) as FeatureCollection;

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

const sourcesCache = new WeakMap<Atlas, Record<string, GeoJSONSourceSpecification>>();

/**
 * The atlas's sources (empty collections while there is no atlas: the layers exist from the
 * start). Memoised per atlas, so the owner can tell changed data by identity.
 */
function atlasSources(atlas: Atlas | null): Record<string, GeoJSONSourceSpecification> {
  if (atlas) {
    let sources = sourcesCache.get(atlas);
    if (!sources) sourcesCache.set(atlas, (sources = buildAtlasSources(atlas)));
    return sources;
  }
  return buildAtlasSources(null);
}

function buildAtlasSources(atlas: Atlas | null): Record<string, GeoJSONSourceSpecification> {
  return {
    [SOURCE_IDS.zones]: { type: 'geojson', data: atlas ? zoneCollection(atlas) : EMPTY, promoteId: 'id' },
    [SOURCE_IDS.corridors]: { type: 'geojson', data: atlas ? corridorCollection(atlas) : EMPTY, promoteId: 'id' },
    // Numeric feature ids (= index) of the interval features: feature-state targets them.
    [SOURCE_IDS.projects]: { type: 'geojson', data: atlas ? projectFeatureSet(atlas).collection : EMPTY },
    [SOURCE_IDS.stations]: { type: 'geojson', data: atlas ? stationCollection(atlas) : EMPTY },
  };
}

function atlasLayers(lang: Lang): LayerSpecification[] {
  return [
    ...overlayLayers(lang),
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
  ];
}

/** The complete style for the base data, the atlas (null while it loads or when it failed) and the view. */
export function atlasStyle(base: BaseMapData, atlas: Atlas | null, view: StyleView): StyleSpecification {
  const style = baseStyle(base, view.lang);
  const layers = [...style.layers];
  const at = layers.findIndex((l) => l.id === LAYER_IDS.countyLabel);
  layers.splice(at < 0 ? layers.length : at, 0, ...atlasLayers(view.lang));
  return {
    ...style,
    sources: { ...style.sources, ...atlasSources(atlas) },
    layers,
    // The corridor band's half-width (km): the only view value read by an expression.
    state: { [WITHIN_KM_STATE]: { default: 0 } },
    // View changes are drawn at once: no paint transition keeps the map busy after a change.
    transition: { duration: 0, delay: 0 },
  };
}

/** How the map frames a selected project: never wider than needed, never closer than `maxZoom`. */
export const SELECTION_MAX_ZOOM = 13;

/** Bounding box of a project's geometry, or null (no geometry); the analysis has already decomposed it. */
export function projectBounds(p: Project): [number, number, number, number] | null {
  if (!p.geometry) return null;
  const box = geometryParts(p.geometry).bbox;
  return Number.isFinite(box[0]) ? box : null;
}
