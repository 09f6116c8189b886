/**
 * The built-in offline base map as a pure function of the region data and the language:
 * background, city fills, water, county and city borders, labels. No tiles, no glyph server
 * (the style has no `glyphs`, so MapLibre draws text with the browser's local fonts), no sprite.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, LineLayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { BaseMapData } from '../data/load-base-map';
import { escapeHtml } from '../domain/html-escape';
import { translate, type Lang } from '../i18n/translate';
import { BASE_COLORS, CITY_FILLS } from '../theme/palette';
import { LAYER_IDS, SOURCE_IDS } from './layer-ids';
import { perFeature } from './per-feature';

/** Where the OpenStreetMap credit links to, as ODbL asks. */
export const OSM_COPYRIGHT_URL = 'https://www.openstreetmap.org/copyright';

/**
 * The one sources line of the built-in data (base map and project layers) in `lang`, with the
 * OpenStreetMap credit between `before` and `after`. The map's attribution control, the embed's
 * sources line and the exported picture all say it in the page's language.
 */
export function sourcesLine(lang: Lang): { before: string; osm: string; after: string } {
  const [before = '', after = ''] = translate(lang, 'embed.sources').split('{osm}');
  return { before, osm: translate(lang, 'embed.osm'), after };
}

/**
 * The map's attribution as the HTML MapLibre's attribution control takes: the sources line, the
 * credit linked, then the licences (on hover or focus the control shows all of it).
 */
export function attributionHtml(lang: Lang): string {
  const { before, osm, after } = sourcesLine(lang);
  const line = `${escapeHtml(before)}<a href="${OSM_COPYRIGHT_URL}" target="_blank" rel="noopener noreferrer">${escapeHtml(osm)}</a>${escapeHtml(after)}`;
  return `${line} · ${escapeHtml(translate(lang, 'map.licences'))}`;
}

export const FONT_STACK = ['sans-serif'];

/** The label text expression for `lang`, falling back to Chinese where English is missing. */
export function nameExpression(lang: Lang): ExpressionSpecification {
  return lang === 'en' ? ['coalesce', ['get', 'name_en'], ['get', 'name_zh']] : ['get', 'name_zh'];
}

/**
 * A solid base line whose width follows the zoom (`stops`: zoom, width, zoom, width, …). Written
 * per feature (see per-feature.ts) so that rivers and borders share the overlays' line program.
 */
function baseLine(id: string, source: string, color: string, stops: number[], filter?: FilterSpecification): LineLayerSpecification {
  return {
    id,
    type: 'line',
    source,
    ...(filter ? { filter } : {}),
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': perFeature(color),
      'line-width': ['interpolate', ['linear'], ['zoom'], ...stops.map((v, i) => (i % 2 ? perFeature(v) : v))] as ExpressionSpecification,
      'line-opacity': perFeature(1),
      'line-blur': perFeature(0),
      'line-dasharray': perFeature([1, 0]),
    },
  };
}

export function baseLayers(): LayerSpecification[] {
  const cityFill: ExpressionSpecification = [
    'match',
    ['get', 'city'],
    'chengdu', CITY_FILLS.chengdu,
    'deyang', CITY_FILLS.deyang,
    'meishan', CITY_FILLS.meishan,
    'ziyang', CITY_FILLS.ziyang,
    '#eeeeee',
  ];
  return [
    { id: LAYER_IDS.background, type: 'background', paint: { 'background-color': BASE_COLORS.background } },
    // Fills are drawn without their anti-aliased outline (a second GPU program): every fill here
    // is edged by a line layer, or too small for the edge to show.
    { id: LAYER_IDS.cityFill, type: 'fill', source: SOURCE_IDS.cities, paint: { 'fill-color': cityFill, 'fill-antialias': false } },
    {
      id: LAYER_IDS.lakes,
      type: 'fill',
      source: SOURCE_IDS.water,
      filter: ['==', ['get', 'kind'], 'lake'],
      // Per-feature like the city fill above: both layers then share one GPU program.
      paint: { 'fill-color': perFeature(BASE_COLORS.water), 'fill-antialias': false },
    },
    baseLine(LAYER_IDS.rivers, SOURCE_IDS.water, BASE_COLORS.waterLine, [6, 1.2, 10, 2.5, 12, 4], ['==', ['get', 'kind'], 'river']),
    baseLine(LAYER_IDS.countyBorder, SOURCE_IDS.counties, BASE_COLORS.countyBorder, [6, 0.5, 10, 1.2]),
    baseLine(LAYER_IDS.cityBorder, SOURCE_IDS.cities, BASE_COLORS.cityBorder, [6, 1.4, 10, 2.6]),
  ];
}

/** Label layers go on top of the project layers, so they are separate. */
export function labelLayers(lang: Lang): LayerSpecification[] {
  const text = nameExpression(lang);
  return [
    {
      id: LAYER_IDS.countyLabel,
      type: 'symbol',
      source: SOURCE_IDS.labels,
      filter: ['==', ['get', 'level'], 'county'],
      minzoom: 7.5,
      layout: {
        'text-field': text,
        'text-font': FONT_STACK,
        'text-size': ['interpolate', ['linear'], ['zoom'], 7.5, 11, 11, 14],
        'text-max-width': 7,
        'text-padding': 4,
      },
      paint: { 'text-color': BASE_COLORS.label, 'text-halo-color': BASE_COLORS.labelHalo, 'text-halo-width': 1.4 },
    },
    {
      id: LAYER_IDS.cityLabel,
      type: 'symbol',
      source: SOURCE_IDS.labels,
      filter: ['==', ['get', 'level'], 'city'],
      maxzoom: 10,
      layout: {
        'text-field': text,
        'text-font': FONT_STACK,
        'text-size': ['interpolate', ['linear'], ['zoom'], 6, 14, 9, 19],
        'text-letter-spacing': 0.08,
        'text-allow-overlap': false,
      },
      paint: { 'text-color': '#1b2126', 'text-halo-color': BASE_COLORS.labelHalo, 'text-halo-width': 2 },
    },
  ];
}

/** The whole offline style: sources with the region data in them, base layers, labels. */
export function baseStyle(data: BaseMapData, lang: Lang): StyleSpecification {
  return {
    version: 8,
    name: 'CDMZ Atlas offline base',
    sources: {
      [SOURCE_IDS.cities]: { type: 'geojson', data: data.cities },
      [SOURCE_IDS.counties]: { type: 'geojson', data: data.counties },
      [SOURCE_IDS.labels]: { type: 'geojson', data: data.labels },
      [SOURCE_IDS.water]: { type: 'geojson', data: data.water },
    },
    layers: [...baseLayers(), ...labelLayers(lang)],
  };
}
