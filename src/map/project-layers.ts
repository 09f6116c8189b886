/**
 * Project, corridor and zone layers as data: a pure function of the language (and the chosen
 * corridor band). State reaches them as feature-state (`hidden`, `hover`, `selected`) and as
 * the `status`/`part` properties written by `projectFeatures` when the date changes. All their
 * lines share one GPU program and their fills the region fill's (see `per-feature.ts`).
 */
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { CATEGORIES, GEOMETRY_ACCURACY, STATUSES } from '../domain/types';
import type { Lang } from '../i18n/translate';
import { ACCURACY_STYLE, BASE_COLORS, CATEGORY_COLORS, PROGRESS_REST_OPACITY, STATUS_STYLE } from '../theme/palette';
import { FONT_STACK, nameExpression } from './base-style';
import { LAYER_IDS, SOURCE_IDS } from './layer-ids';
import { atEveryZoom, perFeature, TRANSPARENT, withAlpha } from './per-feature';

const hidden: ExpressionSpecification = ['boolean', ['feature-state', 'hidden'], false];
const hot: ExpressionSpecification = [
  'any',
  ['boolean', ['feature-state', 'selected'], false],
  ['boolean', ['feature-state', 'hover'], false],
];

function categoryColor(alpha = 1): ExpressionSpecification {
  const pairs = CATEGORIES.flatMap((c) => [c, alpha === 1 ? CATEGORY_COLORS[c] : withAlpha(CATEGORY_COLORS[c], alpha)]);
  return ['match', ['get', 'category'], ...pairs, withAlpha('#666666', alpha)] as unknown as ExpressionSpecification;
}

function byAccuracy(pick: (a: (typeof GEOMETRY_ACCURACY)[number]) => number): ExpressionSpecification {
  const pairs = GEOMETRY_ACCURACY.flatMap((a) => [a, pick(a)]);
  return ['match', ['get', 'accuracy'], ...pairs, pick('schematic')] as unknown as ExpressionSpecification;
}

/** Dash pattern by status (solid for complete); `none` = no status yet: dotted. */
function statusDash(): DataDrivenPropertyValueSpecification<number[]> {
  const pairs = STATUSES.flatMap((s) => {
    const dash = STATUS_STYLE[s].dash;
    return [s, ['literal', dash.length ? dash : [1, 0]]];
  });
  return ['match', ['get', 'status'], ...pairs, ['literal', [0.5, 2.5]]] as unknown as DataDrivenPropertyValueSpecification<number[]>;
}

/** 1 for what is done (or the whole line), PROGRESS_REST_OPACITY for the share still to build. */
const partOpacity: ExpressionSpecification = ['case', ['==', ['get', 'part'], 'rest'], PROGRESS_REST_OPACITY, 1];

const geomIs = (t: 'Point' | 'LineString' | 'Polygon'): ExpressionSpecification => [
  'any',
  ['==', ['geometry-type'], t],
  ['==', ['geometry-type'], `Multi${t}`],
];

export function projectLayers(lang: Lang): LayerSpecification[] {
  return [
    {
      id: LAYER_IDS.projectFill,
      type: 'fill',
      source: SOURCE_IDS.projects,
      filter: geomIs('Polygon'),
      // Opacity in the colour, so this layer shares the region fill's GPU program (per-feature.ts).
      paint: {
        'fill-color': ['case', hidden, TRANSPARENT, hot, categoryColor(0.55), categoryColor(0.3)],
        'fill-antialias': false,
      },
    },
    {
      id: LAYER_IDS.projectOutline,
      type: 'line',
      source: SOURCE_IDS.projects,
      filter: geomIs('Polygon'),
      paint: {
        'line-color': categoryColor(),
        'line-width': atEveryZoom(['case', hot, 3.5, 2]),
        'line-dasharray': statusDash(),
        'line-opacity': ['case', hidden, 0, 1],
        'line-blur': perFeature(0),
      },
    },
    {
      id: LAYER_IDS.projectLineCasing,
      type: 'line',
      source: SOURCE_IDS.projects,
      filter: geomIs('LineString'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], BASE_COLORS.selection, BASE_COLORS.hover],
        'line-width': atEveryZoom(['+', byAccuracy((a) => ACCURACY_STYLE[a].widthPx), 6]),
        'line-opacity': ['case', hidden, 0, hot, 0.75, 0],
        'line-blur': perFeature(0),
        'line-dasharray': perFeature([1, 0]),
      },
    },
    {
      id: LAYER_IDS.projectLine,
      type: 'line',
      source: SOURCE_IDS.projects,
      filter: geomIs('LineString'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': categoryColor(),
        'line-width': atEveryZoom(byAccuracy((a) => ACCURACY_STYLE[a].widthPx)),
        'line-blur': byAccuracy((a) => ACCURACY_STYLE[a].blurPx),
        'line-dasharray': statusDash(),
        'line-opacity': ['case', hidden, 0, partOpacity],
      },
    },
    {
      id: LAYER_IDS.projectLineSymbol,
      type: 'symbol',
      source: SOURCE_IDS.projects,
      filter: ['all', geomIs('LineString'), ['!=', ['get', 'part'], 'rest']],
      layout: {
        'symbol-placement': 'line-center',
        'icon-image': ['get', 'icon'],
        'icon-size': 0.8,
        'icon-allow-overlap': true,
        'icon-rotation-alignment': 'viewport',
      },
      paint: { 'icon-opacity': ['case', hidden, 0, 1] },
    },
    {
      id: LAYER_IDS.projectPoint,
      type: 'symbol',
      source: SOURCE_IDS.projects,
      filter: geomIs('Point'),
      layout: {
        'icon-image': ['get', 'icon'],
        'icon-size': ['interpolate', ['linear'], ['zoom'], 6, 0.8, 11, 1.1],
        'icon-allow-overlap': true,
        'icon-ignore-placement': false,
        // Names from tile zoom 9 only (shown from 9.5 by the opacity below): below that no
        // glyph is laid out or rasterised for labels nobody sees.
        'text-field': ['step', ['zoom'], '', 9, nameExpression(lang)],
        'text-font': FONT_STACK,
        'text-size': 11,
        'text-offset': [0, 1.3],
        'text-anchor': 'top',
        'text-optional': true,
        'text-max-width': 9,
      },
      paint: {
        'icon-opacity': ['case', hidden, 0, 1],
        'text-opacity': ['step', ['zoom'], 0, 9.5, ['case', hidden, 0, 1]],
        'text-color': BASE_COLORS.label,
        'text-halo-color': BASE_COLORS.labelHalo,
        'text-halo-width': 1.2,
      },
    },
  ];
}

/** Metres per pixel at zoom 0 for 512 px tiles at the region's latitude (≈30.6° N). */
const METRES_PER_PX_Z0 = (40_075_016.686 * Math.cos((30.6 * Math.PI) / 180)) / 512;

/**
 * Corridor lines, their labels, the distance band and the junction zones. The band is a line
 * whose width is 2 × `withinKm` converted to pixels at every zoom (exponential base 2), so it
 * needs no buffering in the browser; the error from using one latitude is < 1.5 % over the region.
 */
export function overlayLayers(lang: Lang, band: { corridorId: string; withinKm: number } | null): LayerSpecification[] {
  const bandPxAtZ0 = band ? (2 * band.withinKm * 1000) / METRES_PER_PX_Z0 : 0;
  const layers: LayerSpecification[] = [
    {
      id: LAYER_IDS.zoneFill,
      type: 'fill',
      source: SOURCE_IDS.zones,
      paint: {
        'fill-color': [
          'case',
          ['boolean', ['feature-state', 'selected'], false],
          withAlpha(BASE_COLORS.zoneFill, 0.4),
          withAlpha(BASE_COLORS.zoneFill, 0.18),
        ],
        'fill-antialias': false,
      },
    },
    {
      id: LAYER_IDS.zoneLine,
      type: 'line',
      source: SOURCE_IDS.zones,
      paint: {
        'line-color': perFeature(BASE_COLORS.zoneLine),
        'line-width': atEveryZoom(['case', ['boolean', ['feature-state', 'selected'], false], 2.5, 1.2]),
        'line-dasharray': ['case', ['boolean', ['get', 'inferred'], false], ['literal', [2, 2]], ['literal', [1, 0]]],
        'line-opacity': perFeature(1),
        'line-blur': perFeature(0),
      },
    },
    {
      id: LAYER_IDS.corridorBand,
      type: 'line',
      source: SOURCE_IDS.corridors,
      filter: ['==', ['get', 'id'], band?.corridorId ?? ''],
      layout: { 'line-join': 'round', 'line-cap': 'round', visibility: band ? 'visible' : 'none' },
      paint: {
        'line-color': BASE_COLORS.band,
        'line-opacity': 0.14,
        'line-width': ['interpolate', ['exponential', 2], ['zoom'], 0, bandPxAtZ0, 24, bandPxAtZ0 * 2 ** 24],
      },
    },
    {
      id: LAYER_IDS.corridorLine,
      type: 'line',
      source: SOURCE_IDS.corridors,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': perFeature(BASE_COLORS.corridor),
        'line-width': atEveryZoom(['case', ['==', ['get', 'id'], band?.corridorId ?? ''], 3, 1.5]),
        'line-opacity': perFeature(0.7),
        'line-dasharray': perFeature([3, 2]),
        'line-blur': perFeature(0),
      },
    },
    {
      id: LAYER_IDS.corridorLabel,
      type: 'symbol',
      source: SOURCE_IDS.corridors,
      minzoom: 7,
      layout: {
        'symbol-placement': 'line',
        'text-field': nameExpression(lang),
        'text-font': FONT_STACK,
        'text-size': 11,
        'symbol-spacing': 400,
      },
      paint: { 'text-color': BASE_COLORS.corridor, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
  return layers;
}
