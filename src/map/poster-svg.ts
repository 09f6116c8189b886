/**
 * The poster map (issue 12 §2): the default view's map as one SVG string — region (city fills,
 * lakes, rivers, county and city borders), junction zones, corridors, and the projects with
 * their status symbols and lines on the date (stale ones faded, contract 2), labelled with real
 * `<text>` in both languages (CSS shows the page's: `.poster-zh` / `.poster-en`).
 *
 * Pure: data + view + size → SVG. The build draws it into the prerendered page
 * (src/app/prerender.tsx); the page shows it in the map's place until MapLibre has drawn, and
 * keeps it when the map cannot start.
 *
 * Framing: Web Mercator, like the map. The viewBox is the region's bounds in Mercator pixels at
 * the zoom the live map's first view has in a reference slot (REFERENCE_SLOT, the desktop
 * layout), and `preserveAspectRatio="xMidYMid meet"` fits it into the SVG's box the way
 * MapLibre's `fitBounds` fits the bounds (same centre, uniform scale). app.css insets the SVG by
 * the fit's padding inside the slot, so in any slot the bounds land where the map puts them.
 * Line widths do not scale (`vector-effect: non-scaling-stroke`), as on the map; symbols and
 * text are sized for the reference slot and scale with the slot.
 *
 * Symbols are where the live map draws them at that zoom: at the same places (symbol-sites.ts),
 * moved by the same fan (symbol-fan.ts, the band of the reference zoom) with the same leaders, so
 * the switch from the poster to the map does not move them.
 */
import type { Feature, FeatureCollection, Geometry, MultiLineString, Position } from 'geojson';
import type { BaseMapData } from '../data/load-base-map';
import { escapeHtml } from '../domain/html-escape';
import { stateOn } from '../domain/state-intervals';
import type { Atlas, Category, Status } from '../domain/types';
import { geometryPieces } from '../geo/geometry-parts';
import { splitLineAtProgress } from '../geo/split-line-at-progress';
import { mercatorX, mercatorY } from '../geo/web-mercator';
import { symbolDefinition } from '../theme/category-symbol-svg';
import { leaderParts, leaderSvg } from '../theme/leader-symbol';
import { ACCURACY_STYLE, BASE_COLORS, CATEGORY_COLORS, CITY_FILLS, PROGRESS_REST_OPACITY, STATUS_STYLE } from '../theme/palette';
import { bandAt, ICON_PX, iconSizeAt, type Offset } from './symbol-fan';
import { placedSymbols, type SymbolSite } from './symbol-sites';

/** The slot the poster's units are pixels of (the desktop map area at 1440 × 900). */
export const REFERENCE_SLOT = { width: 1040, height: 710 } as const;
/** Opacity of a stale status (contract 2). */
export const STALE_OPACITY = 0.45;
/** Below this map zoom the live map shows no county labels (base-style.ts `minzoom`). */
export const COUNTY_LABEL_MIN_ZOOM = 7.5;
/** Simplification tolerance, in reference pixels: finer detail cannot show. */
const TOLERANCE = 0.8;

export interface PosterInput {
  region: BaseMapData;
  atlas: Atlas;
  /** The as-of date of the view. */
  date: string;
  /** [west, south, east, north] fitted into the slot. */
  bounds: readonly [number, number, number, number];
  /** The fit's padding (px) and maximum zoom, as given to MapLibre's fitBounds. */
  fit: { padding: number; maxZoom: number };
  /** Projects left out (filters); default none. */
  hiddenIds?: ReadonlySet<string>;
}

// ------------------------------------------------------------------ projection

const TILE = 512;

/** The zoom at which MapLibre's fitBounds puts `bounds` into a `width`×`height` slot. */
export function fitZoom(bounds: readonly [number, number, number, number], width: number, height: number, fit: { padding: number; maxZoom: number }): number {
  const [w, s, e, n] = bounds;
  const dx = (mercatorX(e) - mercatorX(w)) * TILE;
  const dy = (mercatorY(s) - mercatorY(n)) * TILE;
  const scale = Math.min((width - 2 * fit.padding) / dx, (height - 2 * fit.padding) / dy);
  return Math.min(fit.maxZoom, Math.log2(scale));
}

/**
 * The smallest slot (px) whose first view reaches `zoom` (the poster's CSS shows the county
 * labels in slots at least this big: app/map-poster.css, checked by a unit test).
 */
export function slotReachingZoom(bounds: readonly [number, number, number, number], fit: { padding: number; maxZoom: number }, zoom: number): { width: number; height: number } {
  const [w, s, e, n] = bounds;
  const k = TILE * 2 ** zoom;
  return { width: (mercatorX(e) - mercatorX(w)) * k + 2 * fit.padding, height: (mercatorY(s) - mercatorY(n)) * k + 2 * fit.padding };
}

interface Frame {
  zoom: number;
  k: number;
  x0: number;
  y0: number;
  width: number;
  height: number;
}

function frameOf(bounds: PosterInput['bounds'], fit: PosterInput['fit']): Frame {
  const zoom = fitZoom(bounds, REFERENCE_SLOT.width, REFERENCE_SLOT.height, fit);
  const k = TILE * 2 ** zoom;
  const [w, s, e, n] = bounds;
  return { zoom, k, x0: mercatorX(w) * k, y0: mercatorY(n) * k, width: (mercatorX(e) - mercatorX(w)) * k, height: (mercatorY(s) - mercatorY(n)) * k };
}

type Pt = [number, number];

const project = (f: Frame, [lng, lat]: Position): Pt => [mercatorX(lng as number) * f.k - f.x0, mercatorY(lat as number) * f.k - f.y0];

// ------------------------------------------------------------------ geometry to path data

/** Douglas–Peucker (iterative), keeping the ends. */
export function simplify(points: readonly Pt[], tolerance: number): Pt[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  const t2 = tolerance * tolerance;
  while (stack.length) {
    const [a, b] = stack.pop() as [number, number];
    const [ax, ay] = points[a] as Pt;
    const [bx, by] = points[b] as Pt;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD = t2;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i] as Pt;
      let d: number;
      if (len2 === 0) d = (px - ax) ** 2 + (py - ay) ** 2;
      else {
        const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        d = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2;
      }
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Path data for one ring or line: absolute start, then relative steps (shorter), in whole
 * reference pixels (at most half a pixel off in the reference slot, less in smaller ones).
 */
function pathOf(f: Frame, coords: readonly Position[], close: boolean): string {
  const pts = simplify(coords.map((c) => project(f, c)), TOLERANCE).map(([x, y]) => [Math.round(x), Math.round(y)] as Pt);
  if (pts.length < 2 || (close && pts.length < 3)) return '';
  const [x0, y0] = pts[0] as Pt;
  let d = `M${x0} ${y0}`;
  let [px, py] = [x0, y0];
  let steps = '';
  for (let i = 1; i < pts.length; i++) {
    const [x, y] = pts[i] as Pt;
    const dx = x - px;
    const dy = y - py;
    if (dx === 0 && dy === 0) continue;
    steps += `${steps ? ' ' : ''}${dx} ${dy}`;
    [px, py] = [x, y];
  }
  if (!steps) return '';
  d += `l${steps}`.replace(/ -/g, '-');
  return close ? `${d}z` : d;
}

function geometryPath(f: Frame, g: Geometry | null | undefined): string {
  if (!g) return '';
  switch (g.type) {
    case 'LineString':
      return pathOf(f, g.coordinates, false);
    case 'MultiLineString':
      return g.coordinates.map((l) => pathOf(f, l, false)).join('');
    case 'Polygon':
      return g.coordinates.map((r) => pathOf(f, r, true)).join('');
    case 'MultiPolygon':
      return g.coordinates.flatMap((p) => p.map((r) => pathOf(f, r, true))).join('');
    case 'GeometryCollection':
      return g.geometries.map((x) => geometryPath(f, x)).join('');
    default:
      return '';
  }
}

// ------------------------------------------------------------------ markup

const num = (v: number) => String(r1(v));

/** A label in both languages; CSS shows the page's. */
function label(x: number, y: number, zh: string, en: string, cls: string): string {
  const at = `x="${num(x)}" y="${num(y)}"`;
  return `<text class="${cls} poster-zh" ${at}>${escapeHtml(zh)}</text><text class="${cls} poster-en" ${at}>${escapeHtml(en || zh)}</text>`;
}

function interpolate(zoom: number, stops: readonly number[]): number {
  if (zoom <= (stops[0] as number)) return stops[1] as number;
  for (let i = 2; i < stops.length; i += 2) {
    const z0 = stops[i - 2] as number;
    const z1 = stops[i] as number;
    if (zoom <= z1) return (stops[i - 1] as number) + (((stops[i + 1] as number) - (stops[i - 1] as number)) * (zoom - z0)) / (z1 - z0);
  }
  return stops[stops.length - 1] as number;
}

const dashOf = (status: Status | null, widthPx: number): string => {
  const dash = status ? STATUS_STYLE[status].dash : [0.5, 2.5];
  return dash.length ? ` stroke-dasharray="${dash.map((d) => r1(d * widthPx)).join(' ')}"` : '';
};

/**
 * The poster as an SVG string (`<svg …>…</svg>`), decorative text included; the caller gives it
 * its accessible name (`role="img"`, `aria-label`) through the `title` argument.
 * @example posterSvg({ region, atlas, date: '2025-06-30', bounds: REGION_BOUNDS, fit: REGION_FIT })
 */
export function posterSvg(input: PosterInput, title = ''): string {
  const { region, atlas, date, bounds, fit } = input;
  const hiddenIds = input.hiddenIds ?? new Set<string>();
  const f = frameOf(bounds, fit);
  const out: string[] = [];
  const nss = 'vector-effect="non-scaling-stroke"';
  // Background well beyond the bounds: the slot's other axis shows more than the bounds.
  out.push(`<rect x="${num(-f.width)}" y="${num(-f.height)}" width="${num(3 * f.width)}" height="${num(3 * f.height)}" fill="${BASE_COLORS.background}"/>`);

  // Region: city fills, lakes, rivers, county borders, city borders (base-style.ts order).
  for (const c of region.cities.features) {
    const city = String(c.properties?.city ?? '') as keyof typeof CITY_FILLS;
    const d = geometryPath(f, c.geometry);
    // Not anti-aliased: their edges lie under the city borders drawn below. Measured in headless
    // Chromium (software GL, a 412×823 phone screen): four large anti-aliased fills made the
    // page's first frame ~0.3 s slower and the map's WebGL context ~0.2 s slower to create (the
    // GPU process was still drawing the page); README "Performance".
    if (d) out.push(`<path d="${d}" fill="${CITY_FILLS[city] ?? '#eeeeee'}" shape-rendering="crispEdges"/>`);
  }
  const water = region.water.features;
  const lakes = water.filter((w) => w.properties?.kind === 'lake').map((w) => geometryPath(f, w.geometry)).join('');
  if (lakes) out.push(`<path d="${lakes}" fill="${BASE_COLORS.water}"/>`);
  const rivers = water.filter((w) => w.properties?.kind === 'river').map((w) => geometryPath(f, w.geometry)).join('');
  const z = f.zoom;
  if (rivers) out.push(`<path d="${rivers}" fill="none" stroke="${BASE_COLORS.waterLine}" stroke-width="${num(interpolate(z, [6, 1.2, 10, 2.5, 12, 4]))}" stroke-linejoin="round" stroke-linecap="round" ${nss}/>`);
  const borders = (fc: FeatureCollection) => fc.features.map((x) => geometryPath(f, x.geometry)).join('');
  out.push(`<path d="${borders(region.counties)}" fill="none" stroke="${BASE_COLORS.countyBorder}" stroke-width="${num(interpolate(z, [6, 0.5, 10, 1.2]))}" stroke-linejoin="round" ${nss}/>`);
  out.push(`<path d="${borders(region.cities)}" fill="none" stroke="${BASE_COLORS.cityBorder}" stroke-width="${num(interpolate(z, [6, 1.4, 10, 2.6]))}" stroke-linejoin="round" ${nss}/>`);

  // Zones and corridors (project-layers.ts overlayLayers).
  for (const zone of atlas.zones) {
    const d = geometryPath(f, zone.polygon);
    if (!d) continue;
    out.push(`<path d="${d}" fill="${BASE_COLORS.zoneFill}" fill-opacity="0.18" stroke="${BASE_COLORS.zoneLine}" stroke-width="1.2"${zone.inferred ? ' stroke-dasharray="2.4 2.4"' : ''} ${nss}/>`);
  }
  const corridors = atlas.corridors.map((c) => geometryPath(f, c.line)).join('');
  if (corridors) out.push(`<path d="${corridors}" fill="none" stroke="${BASE_COLORS.corridor}" stroke-opacity="0.7" stroke-width="1.5" stroke-dasharray="4.5 3" stroke-linecap="round" ${nss}/>`);

  // Projects on the date: polygons, lines, then leaders and symbols on top (project-layers.ts projectLayers).
  const iconScale = iconSizeAt(z);
  const band = bandAt(z);
  const placed = placedSymbols(atlas.projects);
  const symbolSide = ICON_PX * iconScale;
  const used = new Map<string, string>();
  const symbolId = (category: Category, status: Status | null) => {
    const id = `ps-${category}-${status ?? 'none'}`;
    if (!used.has(id)) used.set(id, symbolDefinition(category, status, ICON_PX, id));
    return id;
  };
  const shapes: string[] = [];
  const lines: string[] = [];
  const tails: string[] = [];
  const spokes: string[] = [];
  const symbols: string[] = [];
  for (const p of atlas.projects) {
    if (!p.geometry || hiddenIds.has(p.id)) continue;
    const state = stateOn(p, date);
    if (!state.status) continue;
    // Every mark of the project names it (`data-p`): the page hides those its filters leave out
    // (app/map-poster.tsx).
    const attrs = `${state.stale ? ` opacity="${STALE_OPACITY}"` : ''} data-p="${escapeHtml(p.id)}"`;
    const color = CATEGORY_COLORS[p.category];
    const g = p.geometry;
    const polygons = geometryPath(f, g.type === 'Polygon' || g.type === 'MultiPolygon' ? g : null);
    if (polygons) shapes.push(`<path d="${polygons}" fill="${color}" fill-opacity="0.3" stroke="${color}" stroke-width="2"${dashOf(state.status, 2)} ${nss}${attrs}/>`);
    const parts = geometryPieces(g).lines;
    if (parts.length) {
      const acc = ACCURACY_STYLE[p.geometry_accuracy ?? 'schematic'];
      const multi: MultiLineString = { type: 'MultiLineString', coordinates: parts };
      const pct = state.progress;
      const split = pct !== null && pct > 0 && pct < 100 ? splitLineAtProgress(multi, pct) : { done: multi, rest: null };
      const stroke = `fill="none" stroke="${color}" stroke-width="${acc.widthPx}" stroke-linejoin="round"${dashOf(state.status, acc.widthPx)} ${nss}`;
      const done = geometryPath(f, split.done);
      const rest = geometryPath(f, split.rest);
      if (done || rest) {
        lines.push(`<g${attrs}>${done ? `<path d="${done}" ${stroke}/>` : ''}${rest ? `<path d="${rest}" ${stroke} stroke-opacity="${PROGRESS_REST_OPACITY}"/>` : ''}</g>`);
      }
    }
    for (const site of placed.byProject.get(p.id) ?? []) {
      const [x, y] = project(f, [...(placed.sites[site] as SymbolSite).lngLat]);
      const o = (placed.fan.offsets[site] as Offset[])[band] as Offset;
      const hub = (placed.fan.hubs[site] as Offset[])[band] as Offset;
      const leader = leaderParts(o, hub);
      if (leader) {
        tails.push(`<g${attrs}>${leaderSvg(x, y, leader, hub, iconScale, 'tail')}</g>`);
        if (leader.spoke) spokes.push(`<g${attrs}>${leaderSvg(x, y, leader, hub, iconScale, 'spoke')}</g>`);
      }
      const cx = x + o[0] * iconScale;
      const cy = y + o[1] * iconScale;
      symbols.push(`<use href="#${symbolId(p.category, state.status)}" x="${num(cx - symbolSide / 2)}" y="${num(cy - symbolSide / 2)}" width="${num(symbolSide)}" height="${num(symbolSide)}"${attrs}/>`);
    }
  }
  out.push(`<g class="poster-projects">${shapes.join('')}${lines.join('')}<g fill="none">${tails.join('')}${spokes.join('')}</g>${symbols.join('')}</g>`);

  // Labels: cities (below zoom 10) and counties (from zoom 7.5: hidden in small slots by app.css).
  const labels: string[] = [];
  for (const l of region.labels.features as Feature[]) {
    const pt = l.geometry.type === 'Point' ? project(f, l.geometry.coordinates) : null;
    if (!pt) continue;
    const props = l.properties ?? {};
    const level = props.level === 'city' ? 'city' : 'county';
    if (level === 'county' && z < COUNTY_LABEL_MIN_ZOOM - 1) continue;
    labels.push(label(pt[0], pt[1], String(props.name_zh ?? ''), String(props.name_en ?? ''), `poster-label poster-${level}`));
  }
  const citySize = interpolate(z, [6, 14, 9, 19]);
  const countySize = interpolate(z, [7.5, 11, 11, 14]);
  out.push(
    `<g font-family="system-ui, sans-serif" text-anchor="middle" dominant-baseline="central" fill="${BASE_COLORS.label}" stroke="${BASE_COLORS.labelHalo}" paint-order="stroke" stroke-linejoin="round">` +
      `<g font-size="${num(countySize)}" stroke-width="2.8">${labels.filter((x) => x.includes('poster-county')).join('')}</g>` +
      `<g font-size="${num(citySize)}" stroke-width="4" letter-spacing="1.4" fill="#1b2126">${labels.filter((x) => x.includes('poster-city')).join('')}</g></g>`,
  );

  const defs = used.size ? `<defs>${[...used.values()].join('')}</defs>` : '';
  const a11y = title ? ` role="img" aria-label="${escapeHtml(title)}"` : ' aria-hidden="true"';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="map-poster__svg" viewBox="0 0 ${num(f.width)} ${num(f.height)}" preserveAspectRatio="xMidYMid meet" overflow="visible"${a11y}>` +
    `${defs}${out.join('')}</svg>`
  );
}
