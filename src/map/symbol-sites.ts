/**
 * The places where the map draws a project symbol, and where each symbol is drawn at each zoom
 * (symbol-fan.ts): one symbol per point of a (Multi)Point, one at the centre of each line of a
 * (Multi)LineString (halfway along its length in Web Mercator, as MapLibre's `line-center`
 * placement measures it). Polygons draw no symbol. Only projects drawn on some date (a located
 * project with a status at some time) take part, so a symbol makes room only for symbols that can
 * be drawn — whatever the date, so the fan never changes with it.
 *
 * Used by the map's source (project-features.ts) and the poster (poster-svg.ts): both draw the
 * same symbols at the same places. Pure; memoised per project list.
 */
import type { Geometry, Position } from 'geojson';
import type { Project } from '../domain/types';
import { stateIntervals } from '../domain/state-intervals';
import { geometryPieces } from '../geo/geometry-parts';
import { latOfMercatorY, lngOfMercatorX, mercatorX, mercatorY } from '../geo/web-mercator';
import { symbolFan, type FanSite, type SymbolFan } from './symbol-fan';

export interface SymbolSite extends FanSite {
  projectId: string;
  /** A point of the geometry, or the centre of one of its lines. */
  kind: 'point' | 'line';
}

/**
 * The point halfway along `line` measured in Web Mercator (what MapLibre's `line-center`
 * measures), as [lng, lat]. A line of one position (or of zero length) gives its first position.
 */
export function lineCentre(line: readonly Position[]): [number, number] {
  const first = line[0] as Position;
  const pts = line.map((c) => [mercatorX(c[0] as number), mercatorY(c[1] as number)] as const);
  let total = 0;
  for (let i = 1; i < pts.length; i++) total += Math.hypot((pts[i] as readonly number[])[0]! - (pts[i - 1] as readonly number[])[0]!, (pts[i] as readonly number[])[1]! - (pts[i - 1] as readonly number[])[1]!);
  let left = total / 2;
  for (let i = 1; i < pts.length && total > 0; i++) {
    const [ax, ay] = pts[i - 1] as readonly [number, number];
    const [bx, by] = pts[i] as readonly [number, number];
    const seg = Math.hypot(bx - ax, by - ay);
    if (seg >= left && seg > 0) return [lngOfMercatorX(ax + ((bx - ax) * left) / seg), latOfMercatorY(ay + ((by - ay) * left) / seg)];
    left -= seg;
  }
  return [first[0] as number, first[1] as number];
}

/** Whether the map ever draws `p`: it has a location and a status at some time. */
function everDrawn(p: Project): boolean {
  return p.geometry !== null && stateIntervals(p).some((iv) => iv.state.status !== null);
}

export interface PlacedSymbols {
  sites: SymbolSite[];
  /** Site indices of each project: its points first, then its lines' centres, in geometry order. */
  byProject: ReadonlyMap<string, readonly number[]>;
  fan: SymbolFan;
}

function place(projects: readonly Project[]): PlacedSymbols {
  const sites: SymbolSite[] = [];
  const byProject = new Map<string, number[]>();
  for (const p of projects) {
    if (!everDrawn(p)) continue;
    const pieces = geometryPieces(p.geometry as Geometry);
    const ids: number[] = [];
    pieces.points.forEach((c, k) => {
      ids.push(sites.length);
      sites.push({ key: `${p.id}#p${k}`, projectId: p.id, kind: 'point', lngLat: [c[0] as number, c[1] as number] });
    });
    pieces.lines.forEach((line, k) => {
      if (line.length === 0) return;
      ids.push(sites.length);
      sites.push({ key: `${p.id}#l${k}`, projectId: p.id, kind: 'line', lngLat: lineCentre(line) });
    });
    if (ids.length) byProject.set(p.id, ids);
  }
  return { sites, byProject, fan: symbolFan(sites) };
}

const cache = new WeakMap<readonly Project[], PlacedSymbols>();

/** The symbol sites of `projects` and their fan (computed once per project list). */
export function placedSymbols(projects: readonly Project[]): PlacedSymbols {
  let placed = cache.get(projects);
  if (!placed) cache.set(projects, (placed = place(projects)));
  return placed;
}
