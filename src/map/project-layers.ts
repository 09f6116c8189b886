/**
 * Project, corridor and zone layers as data: a pure function of the language. What changes with
 * the reader's view reaches them without touching the sources:
 * - feature-state `shown` on project features (the date and the filters, see project-features.ts),
 *   `hover` and `selected` on the selected/hovered project's features, `selected` on the chosen
 *   zone and `active` on the chosen corridor;
 * - the global state `withinKm` for the width of the corridor band: a camera expression (zoom and
 *   global state only), so MapLibre evaluates it per frame as a uniform.
 *
 * Everything that varies per feature is in PAINT properties. MapLibre 6.17 re-tiles a source
 * (worker) when a global-state key read by a filter, a layout property or a data-driven paint
 * property changes (Style._applyGlobalStateChanges → _reloadSource / _updateLayer); feature-state
 * in paint properties is re-evaluated on the main thread for the changed features only
 * (ProgramConfiguration.updatePaintArrays). See README "How the map works".
 *
 * All their lines share one GPU program and their fills the region fill's (see per-feature.ts,
 * tests/unit/map/programs.test.ts).
 *
 * Symbols do not pile up (issue 13 §4): each symbol feature that the fan moves (symbol-fan.ts)
 * carries its `icon-offset` per integer zoom, read with a `step` on the zoom (layout is evaluated
 * at the tile's integer zoom anyway); `project-leader` draws, under the symbols, a dot on the true
 * place and a line to the moved symbol from the same features, so it follows `shown` with them.
 * No `symbol-sort-key` for the selection: it is layout (tile time) and cannot read feature-state,
 * and moved symbols no longer cover each other, so the selected one is never under another.
 */
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { CATEGORIES, GEOMETRY_ACCURACY, STATUSES } from '../domain/types';
import type { Lang } from '../i18n/translate';
import { ACCURACY_STYLE, BASE_COLORS, CATEGORY_COLORS, PROGRESS_REST_OPACITY, STALE_OPACITY, STATUS_STYLE } from '../theme/palette';
import { LEADER_LEFT_PX } from '../theme/leader-symbol';
import { FONT_STACK, nameExpression } from './base-style';
import { LAYER_IDS, SOURCE_IDS } from './layer-ids';
import { atEveryZoom, perFeature, TRANSPARENT, withAlpha } from './per-feature';
import { LABEL_MIN_ZOOM, LABEL_RADIAL_EM, LABEL_SIZE_PX, labelEmPerOffsetPx } from './project-features';
import { FAN_ZOOMS, ICON_SIZE_STOPS } from './symbol-fan';

/** The global-state key of the corridor band's half-width in km. */
export const WITHIN_KM_STATE = 'withinKm';

const notShown: ExpressionSpecification = ['!', ['boolean', ['feature-state', 'shown'], false]];
const hot: ExpressionSpecification = [
  'any',
  ['boolean', ['feature-state', 'selected'], false],
  ['boolean', ['feature-state', 'hover'], false],
];
const stale: ExpressionSpecification = ['boolean', ['get', 'stale'], false];

/**
 * The opacity of a project feature: 0 when not shown on the date or filtered out, `full` when
 * selected or hovered (always clear), `full × STALE_OPACITY` when stale, else `full`.
 */
function projectOpacity(full: number | ExpressionSpecification = 1): ExpressionSpecification {
  const faded: number | ExpressionSpecification = typeof full === 'number' ? full * STALE_OPACITY : ['*', full, STALE_OPACITY];
  return ['case', notShown, 0, hot, full, stale, faded, full];
}

function categoryColor(alpha = 1): ExpressionSpecification {
  const pairs = CATEGORIES.flatMap((c) => [c, alpha === 1 ? CATEGORY_COLORS[c] : withAlpha(CATEGORY_COLORS[c], alpha)]);
  return ['match', ['get', 'category'], ...pairs, withAlpha('#666666', alpha)] as unknown as ExpressionSpecification;
}

function byAccuracy(pick: (a: (typeof GEOMETRY_ACCURACY)[number]) => number): ExpressionSpecification {
  const pairs = GEOMETRY_ACCURACY.flatMap((a) => [a, pick(a)]);
  return ['match', ['get', 'accuracy'], ...pairs, pick('schematic')] as unknown as ExpressionSpecification;
}

/** Dash pattern by status (solid for complete). */
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

/** The symbols' icon-size: smaller where the opening view packs many projects together. */
const iconSize = ['interpolate', ['linear'], ['zoom'], ...ICON_SIZE_STOPS.flat()] as unknown as ExpressionSpecification;

/** A per-feature value for each integer zoom z of FAN_ZOOMS from `fromZoom` (`valueAt(z)`), as a zoom `step`. */
function perBand(valueAt: (z: number) => unknown, fromZoom = FAN_ZOOMS[0] as number): ExpressionSpecification {
  const zooms = FAN_ZOOMS.filter((z) => z >= fromZoom);
  const stops = zooms.slice(1).flatMap((z) => [z, valueAt(z)]);
  return ['step', ['zoom'], valueAt(zooms[0] as number), ...stops] as unknown as ExpressionSpecification;
}

/** A moved symbol's number at zoom z (`ox<z>`, …), 0 where it has none. */
const at = (key: string, z: number): ExpressionSpecification => ['number', ['get', `${key}${z}`], 0];

/** The symbol's offset at the zoom (icon px), [0, 0] unless the fan moves it there. */
const fanOffset = perBand((z) => ['semiliteral', [at('ox', z), at('oy', z)]]);

const r = LABEL_RADIAL_EM;
const labelAround: ExpressionSpecification = ['literal', ['top', [0, r], 'bottom', [0, -r], 'left', [r, 0], 'right', [-r, 0]]];
/** Where a point's name may go: around its symbol, moved with it (from LABEL_MIN_ZOOM, when names show). */
const labelAnchors: ExpressionSpecification = [
  'step',
  ['zoom'],
  labelAround,
  ...FAN_ZOOMS.filter((z) => z >= LABEL_MIN_ZOOM).flatMap((z) => {
    const k = labelEmPerOffsetPx(z);
    const x = ['*', at('ox', z), k];
    const y = ['*', at('oy', z), k];
    const pair = (px: unknown, py: unknown) => ['semiliteral', [px, py]];
    return [z, ['semiliteral', ['top', pair(x, ['+', y, r]), 'bottom', pair(x, ['-', y, r]), 'left', pair(['+', x, r], y), 'right', pair(['-', x, r], y)]]];
  }),
] as unknown as ExpressionSpecification;

const leaderLayout = {
  'icon-size': iconSize,
  'icon-allow-overlap': true,
  'icon-ignore-placement': true,
  'icon-rotation-alignment': 'viewport',
} as const;

/** Drawn in this order, points on top; the line label and point names above their symbols. */
export function projectLayers(lang: Lang): LayerSpecification[] {
  const name = nameExpression(lang);
  return [
    {
      id: LAYER_IDS.projectFill,
      type: 'fill',
      source: SOURCE_IDS.projects,
      filter: geomIs('Polygon'),
      // Opacity in the colour, so this layer shares the region fill's GPU program (per-feature.ts).
      paint: {
        'fill-color': ['case', notShown, TRANSPARENT, hot, categoryColor(0.55), stale, categoryColor(0.3 * STALE_OPACITY), categoryColor(0.3)],
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
        'line-opacity': projectOpacity(),
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
        'line-opacity': ['case', notShown, 0, hot, 0.75, 0],
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
        'line-opacity': projectOpacity(partOpacity),
      },
    },
    {
      // Under the symbols: for a moved symbol, a dot on its true place and a line to it (or to
      // its stack's hub), then the spokes from a hub to the symbols on its ring.
      id: LAYER_IDS.projectLeader,
      type: 'symbol',
      source: SOURCE_IDS.projects,
      filter: ['has', 'moved'],
      layout: {
        // '' where the symbol is not moved: no image.
        'icon-image': perBand((z) => ['coalesce', ['get', `lead${z}`], '']),
        'icon-rotate': perBand((z) => at('turn', z)),
        'icon-anchor': 'left',
        // The image starts with the dot: its centre on the place (the offset turns with the image).
        'icon-offset': ['literal', [-LEADER_LEFT_PX, 0]],
        ...leaderLayout,
      },
      paint: { 'icon-opacity': projectOpacity() },
    },
    {
      id: LAYER_IDS.projectSpoke,
      type: 'symbol',
      source: SOURCE_IDS.projects,
      filter: ['has', 'moved'],
      layout: {
        'icon-image': perBand((z) => ['coalesce', ['get', `spoke${z}`], '']),
        'icon-rotate': perBand((z) => at('sturn', z)),
        'icon-anchor': 'left',
        'icon-offset': perBand((z) => ['semiliteral', [at('sx', z), at('sy', z)]]),
        ...leaderLayout,
      },
      paint: { 'icon-opacity': projectOpacity() },
    },
    {
      // A line's symbol, at the centre of each of its lines (a Point feature: symbol-sites.ts).
      id: LAYER_IDS.projectLineSymbol,
      type: 'symbol',
      source: SOURCE_IDS.projects,
      filter: ['all', geomIs('Point'), ['==', ['get', 'part'], 'icon']],
      layout: {
        'icon-image': ['get', 'icon'],
        'icon-size': iconSize,
        'icon-offset': fanOffset,
        'icon-allow-overlap': true,
      },
      paint: { 'icon-opacity': projectOpacity() },
    },
    {
      // Names along line projects from zoom 9 (collision-aware: a name that does not fit waits
      // for a closer zoom; the tooltip and the list name every project meanwhile).
      id: LAYER_IDS.projectLineLabel,
      type: 'symbol',
      source: SOURCE_IDS.projects,
      minzoom: 9,
      filter: ['all', geomIs('LineString'), ['!=', ['get', 'part'], 'rest']],
      layout: {
        'symbol-placement': 'line',
        'text-field': name,
        'text-font': FONT_STACK,
        'text-size': 11,
        'symbol-spacing': 350,
        'text-offset': [0, -1],
        'text-max-angle': 30,
      },
      paint: {
        'text-opacity': projectOpacity(),
        'text-color': BASE_COLORS.label,
        'text-halo-color': BASE_COLORS.labelHalo,
        'text-halo-width': 1.2,
      },
    },
    {
      id: LAYER_IDS.projectPoint,
      type: 'symbol',
      source: SOURCE_IDS.projects,
      filter: ['all', geomIs('Point'), ['==', ['get', 'part'], 'whole']],
      layout: {
        'icon-image': ['get', 'icon'],
        'icon-size': iconSize,
        'icon-offset': fanOffset,
        'icon-allow-overlap': true,
        'icon-ignore-placement': false,
        // Names from tile zoom 9 only (shown from 9.5 by the opacity below), placed where they
        // do not collide (variable anchors around the symbol, moved with it): no glyph is laid
        // out for labels nobody sees.
        'text-field': ['step', ['zoom'], '', LABEL_MIN_ZOOM, name],
        'text-font': FONT_STACK,
        'text-size': LABEL_SIZE_PX,
        'text-variable-anchor-offset': labelAnchors,
        'text-justify': 'auto',
        'text-optional': true,
        'text-max-width': 9,
      },
      paint: {
        'icon-opacity': projectOpacity(),
        'text-opacity': ['step', ['zoom'], 0, 9.5, projectOpacity()],
        'text-color': BASE_COLORS.label,
        'text-halo-color': BASE_COLORS.labelHalo,
        'text-halo-width': 1.2,
      },
    },
  ];
}

/** Metres per pixel at zoom 0 for 512 px tiles at the region's latitude (≈30.6° N). */
const METRES_PER_PX_Z0 = (40_075_016.686 * Math.cos((30.6 * Math.PI) / 180)) / 512;

/** Band width in px at zoom 0 per km of `withinKm` (2 × km: both sides of the centre line). */
export const BAND_PX_Z0_PER_KM = (2 * 1000) / METRES_PER_PX_Z0;

const active: ExpressionSpecification = ['boolean', ['feature-state', 'active'], false];

/**
 * Corridor lines, their labels, the distance band and the junction zones. The band is a line
 * whose width is 2 × `withinKm` (global state) converted to pixels at every zoom (exponential
 * base 2), so it needs no buffering in the browser; the error from using one latitude is < 1.5 %
 * over the region. Only the active corridor (feature-state `active`) draws its band and its
 * prominent label.
 */
export function overlayLayers(lang: Lang): LayerSpecification[] {
  const km: ExpressionSpecification = ['number', ['global-state', WITHIN_KM_STATE], 0];
  return [
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
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': BASE_COLORS.band,
        'line-opacity': ['case', active, 0.14, 0],
        'line-width': ['interpolate', ['exponential', 2], ['zoom'], 0, ['*', BAND_PX_Z0_PER_KM, km], 24, ['*', BAND_PX_Z0_PER_KM * 2 ** 24, km]],
      },
    },
    {
      id: LAYER_IDS.corridorLine,
      type: 'line',
      source: SOURCE_IDS.corridors,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': perFeature(BASE_COLORS.corridor),
        'line-width': atEveryZoom(['case', active, 3, 1.5]),
        'line-opacity': ['case', active, 0.95, 0.7],
        'line-dasharray': perFeature([3, 2]),
        'line-blur': perFeature(0),
      },
    },
    {
      // Every corridor's name from zoom 7; the active corridor's from the opening zoom, bolder.
      id: LAYER_IDS.corridorLabel,
      type: 'symbol',
      source: SOURCE_IDS.corridors,
      minzoom: 5,
      layout: {
        'symbol-placement': 'line',
        'text-field': nameExpression(lang),
        'text-font': FONT_STACK,
        'text-size': 12,
        'symbol-spacing': 300,
      },
      paint: {
        'text-color': BASE_COLORS.corridor,
        'text-halo-color': '#ffffff',
        'text-halo-width': 1.8,
        'text-opacity': ['step', ['zoom'], ['case', active, 1, 0], 7, ['case', active, 1, 0.85]],
      },
    },
  ];
}
