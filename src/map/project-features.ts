/**
 * The project source of the map, computed ONCE per atlas: features per (project, interval of
 * constant drawn state) from `stateIntervals()` (src/domain/state-intervals.ts), with the
 * interval's first day and the day after its last (`from`/`to`, day numbers), the status,
 * progress and stale flag of that interval, and the project's id, names and category. Per interval:
 * - its polygons (one feature) and its lines (one feature; with a progress strictly between 0 and
 *   100 % two: `part: 'done'`, the built share along the line, solid, and `part: 'rest'`, faded);
 * - one Point feature per symbol (symbol-sites.ts): each point of the geometry (`part: 'whole'`)
 *   and the centre of each line (`part: 'icon'`). A symbol the fan moves at some zoom
 *   (symbol-fan.ts) is `moved` and carries, for each integer zoom z where it is moved, its offset
 *   `ox<z>`/`oy<z>` (icon px) and its leader (`leaderProps`): plain numbers and strings (nested
 *   values do not survive MapLibre's tile encoding when it queries features), read by layout
 *   expressions with the zoom and nothing else.
 *
 * The source never changes with the date or the filters: what is shown on a date is decided by
 * `shownFeatureFlags` (below) and reaches the map as the feature-state `shown` of the features
 * whose answer changed (map-owner.ts), so a date or filter change is a repaint, never new data
 * for MapLibre's worker.
 *
 * Pure; memoised per atlas object (a WeakMap: bounded by the data, not by the dates asked).
 */
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Position } from 'geojson';
import type { Atlas, Project, Status } from '../domain/types';
import { dayNumber, stateIntervals, type StateInterval } from '../domain/state-intervals';
import { splitLineAtProgress } from '../geo/split-line-at-progress';
import { symbolImageId } from '../theme/category-symbol';
import { leaderImageId, leaderParts, SPOKE_LEFT_PX, spokeImageId } from '../theme/leader-symbol';
import { FAN_ZOOMS, iconSizeAt, isDisplaced, type Offset } from './symbol-fan';
import { placedSymbols } from './symbol-sites';
import { geometryPieces } from '../geo/geometry-parts';

/** Stand-ins for ±Infinity (GeoJSON properties are JSON: no Infinity). */
export const DAY_MIN = -1e9;
export const DAY_MAX = 1e9;

export interface ProjectFeatureProps {
  /** The project's id (what the list, the URL and the store call it). */
  id: string;
  name_zh: string;
  name_en: string;
  category: Project['category'];
  status: Status;
  /** Overall progress in the interval, or null when no source states it. */
  progress: number | null;
  /** No observation has confirmed the status for over 12 months: drawn faded. */
  stale: boolean;
  accuracy: string;
  /** A whole geometry (or a point symbol), a line's built share or the rest, a line's symbol. */
  part: 'whole' | 'done' | 'rest' | 'icon';
  icon: string;
  /** First day of the interval (day number, inclusive). */
  from: number;
  /** Day after the interval's last day (day number, exclusive). */
  to: number;
  /** A symbol moved at some zoom (it has a leader): the per-zoom properties below (`leaderProps`). */
  moved?: true;
  /** At zoom z where it is moved: its offset (icon px), its leader's and spoke's angles and the spoke's offset. */
  [offset: `${'ox' | 'oy' | 'turn' | 'sturn' | 'sx' | 'sy'}${number}`]: number;
  /** At zoom z where it is moved: its leader's and spoke's images. */
  [leader: `${'lead' | 'spoke'}${number}`]: string;
}

/** Names of point projects show from this zoom (project-layers.ts). */
export const LABEL_MIN_ZOOM = 9;
/** The names' size (px) and their distance from the symbol's centre (ems). */
export const LABEL_SIZE_PX = 11;
export const LABEL_RADIAL_EM = 1.1;

/**
 * Ems of a name per icon px of its symbol's offset in the band of zoom `z`: the symbol moves
 * o × icon-size px; the name (fixed size) follows it as at the band's middle.
 */
export function labelEmPerOffsetPx(z: number): number {
  return iconSizeAt(z + 0.5) / LABEL_SIZE_PX;
}

/**
 * The layout properties of a symbol moved by `offset` with its stack's hub at `hub` at zoom `z`
 * (icon px, from the place): the tail (`lead<z>` image, `turn<z>` angle) and, on a ring, the
 * spoke (`spoke<z>`, `sturn<z>`, and `sx<z>`/`sy<z>`: the offset that puts its start on the hub
 * once MapLibre has turned it, as icon-rotate turns the offset too).
 */
export function leaderProps(offset: Offset, hub: Offset, z: number): Partial<ProjectFeatureProps> {
  const parts = leaderParts(offset, hub);
  if (!parts) return {};
  const props: Partial<ProjectFeatureProps> = {};
  props[`ox${z}`] = offset[0];
  props[`oy${z}`] = offset[1];
  props[`lead${z}`] = leaderImageId(parts.tail.lengthPx);
  props[`turn${z}`] = parts.tail.angleDeg;
  if (parts.spoke) {
    const t = (parts.spoke.angleDeg * Math.PI) / 180;
    props[`spoke${z}`] = spokeImageId(parts.spoke.lengthPx);
    props[`sturn${z}`] = parts.spoke.angleDeg;
    props[`sx${z}`] = Math.round((Math.cos(t) * hub[0] + Math.sin(t) * hub[1] - SPOKE_LEFT_PX) * 100) / 100;
    props[`sy${z}`] = Math.round((-Math.sin(t) * hub[0] + Math.cos(t) * hub[1]) * 100) / 100;
  }
  return props;
}

export type ProjectFeature = Feature<Geometry, ProjectFeatureProps> & { id: number };

export interface ProjectFeatureSet {
  collection: FeatureCollection<Geometry, ProjectFeatureProps> & { features: ProjectFeature[] };
  /** Feature ids (= index in `collection.features`) of each project. */
  byProject: ReadonlyMap<string, readonly number[]>;
}

/** Consecutive intervals the map draws the same way (same status, progress, staleness) merged. */
function drawnIntervals(project: Project): Array<{ from: number; to: number; status: Status; progress: number | null; stale: boolean }> {
  const out: Array<{ from: number; to: number; status: Status; progress: number | null; stale: boolean }> = [];
  for (const iv of stateIntervals(project) as readonly StateInterval[]) {
    const { status, progress, stale } = iv.state;
    if (status === null) continue;
    const last = out[out.length - 1];
    const from = Number.isFinite(iv.from) ? iv.from : DAY_MIN;
    const to = Number.isFinite(iv.to) ? iv.to : DAY_MAX;
    if (last && last.to === from && last.status === status && last.progress === progress && last.stale === stale) last.to = to;
    else out.push({ from, to, status, progress, stale });
  }
  return out;
}

function buildFeatureSet(projects: readonly Project[]): ProjectFeatureSet {
  const features: ProjectFeature[] = [];
  const byProject = new Map<string, number[]>();
  const placed = placedSymbols(projects);
  /** The fan's properties of each site that moves. */
  const fanProps = placed.fan.offsets.map((offsets, site): Partial<ProjectFeatureProps> => {
    if (!isDisplaced(offsets)) return {};
    const hubs = placed.fan.hubs[site] as Offset[];
    return Object.assign({ moved: true }, ...offsets.map((o, b) => leaderProps(o, hubs[b] as Offset, FAN_ZOOMS[b] as number))) as Partial<ProjectFeatureProps>;
  });
  const push = (p: Project, geometry: Geometry, iv: ReturnType<typeof drawnIntervals>[number], part: ProjectFeatureProps['part'], extra: Partial<ProjectFeatureProps> = {}) => {
    const id = features.length;
    features.push({
      type: 'Feature',
      id,
      geometry,
      properties: {
        id: p.id,
        name_zh: p.name_zh,
        name_en: p.name_en,
        category: p.category,
        status: iv.status,
        progress: iv.progress,
        stale: iv.stale,
        accuracy: p.geometry_accuracy ?? 'schematic',
        part,
        icon: symbolImageId(p.category, iv.status),
        from: iv.from,
        to: iv.to,
        ...extra,
      },
    });
    let ids = byProject.get(p.id);
    if (!ids) byProject.set(p.id, (ids = []));
    ids.push(id);
  };
  for (const p of projects) {
    const g = p.geometry;
    if (!g) continue;
    const pieces = geometryPieces(g);
    const sites = placed.byProject.get(p.id) ?? [];
    // The geometry as drawn by the line and fill layers (a collection's parts regrouped).
    const lines: LineString | MultiLineString | null =
      g.type === 'LineString' || g.type === 'MultiLineString'
        ? g
        : pieces.lines.length
          ? { type: 'MultiLineString', coordinates: pieces.lines }
          : null;
    const areas: Geometry | null =
      g.type === 'Polygon' || g.type === 'MultiPolygon' ? g : pieces.areas.length ? { type: 'MultiPolygon', coordinates: pieces.areas } : null;
    const point = (c: Position): Geometry => ({ type: 'Point', coordinates: c });
    for (const iv of drawnIntervals(p)) {
      if (areas) push(p, areas, iv, 'whole');
      const pct = iv.progress;
      if (lines && pct !== null && pct > 0 && pct < 100) {
        const split = splitLineAtProgress(lines, pct);
        if (split.done) push(p, split.done, iv, 'done');
        if (split.rest) push(p, split.rest, iv, 'rest');
      } else if (lines) {
        push(p, lines, iv, 'whole');
      }
      for (const site of sites) {
        const s = placed.sites[site] as (typeof placed.sites)[number];
        push(p, point([...s.lngLat]), iv, s.kind === 'point' ? 'whole' : 'icon', fanProps[site]);
      }
    }
  }
  return { collection: { type: 'FeatureCollection', features }, byProject };
}

const cache = new WeakMap<readonly Project[], ProjectFeatureSet>();

/** The project source's features for `atlas` (computed once per atlas). */
export function projectFeatureSet(atlas: Pick<Atlas, 'projects'>): ProjectFeatureSet {
  let set = cache.get(atlas.projects);
  if (!set) {
    set = buildFeatureSet(atlas.projects);
    cache.set(atlas.projects, set);
  }
  return set;
}

/**
 * Which features are drawn on `date`: those whose project passes the filters on that date
 * (`visibleIds`, from the domain's `filterProjects` through `selectVisibleIds`) and whose
 * interval contains the date. One flag per feature, in feature-id order.
 */
export function shownFeatureFlags(set: ProjectFeatureSet, visibleIds: ReadonlySet<string>, date: string | null): Uint8Array {
  const flags = new Uint8Array(set.collection.features.length);
  if (date === null) return flags;
  const day = dayNumber(date);
  for (const [pid, ids] of set.byProject) {
    if (!visibleIds.has(pid)) continue;
    for (const id of ids) {
      const p = (set.collection.features[id] as ProjectFeature).properties;
      if (p.from <= day && day < p.to) flags[id] = 1;
    }
  }
  return flags;
}

/** Feature ids whose flag differs between `prev` and `next` (same length). */
export function changedFlags(prev: Uint8Array, next: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < next.length; i++) if (prev[i] !== next[i]) out.push(i);
  return out;
}
