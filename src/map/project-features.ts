/**
 * The project source of the map, computed ONCE per atlas: one feature per (project, interval of
 * constant drawn state) from `stateIntervals()` (src/domain/state-intervals.ts), with the
 * interval's first day and the day after its last (`from`/`to`, day numbers), the status,
 * progress and stale flag of that interval, and the project's id, names and category. A line
 * with a progress strictly between 0 and 100 % becomes two features for that interval:
 * `part: 'done'` (the built share along the line, solid) and `part: 'rest'` (faded).
 *
 * The source never changes with the date or the filters: what is shown on a date is decided by
 * `shownFeatureFlags` (below) and reaches the map as the feature-state `shown` of the features
 * whose answer changed (map-owner.ts), so a date or filter change is a repaint, never new data
 * for MapLibre's worker.
 *
 * Pure; memoised per atlas object (a WeakMap: bounded by the data, not by the dates asked).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Atlas, Project, Status } from '../domain/types';
import { dayNumber, stateIntervals, type StateInterval } from '../domain/state-intervals';
import { splitLineAtProgress } from '../geo/split-line-at-progress';
import { symbolImageId } from '../theme/category-symbol';

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
  part: 'whole' | 'done' | 'rest';
  icon: string;
  /** First day of the interval (day number, inclusive). */
  from: number;
  /** Day after the interval's last day (day number, exclusive). */
  to: number;
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
  const push = (p: Project, geometry: Geometry, iv: ReturnType<typeof drawnIntervals>[number], part: ProjectFeatureProps['part']) => {
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
      },
    });
    let ids = byProject.get(p.id);
    if (!ids) byProject.set(p.id, (ids = []));
    ids.push(id);
  };
  for (const p of projects) {
    const g = p.geometry;
    if (!g) continue;
    const isLine = g.type === 'LineString' || g.type === 'MultiLineString';
    for (const iv of drawnIntervals(p)) {
      const pct = iv.progress;
      if (isLine && pct !== null && pct > 0 && pct < 100) {
        const split = splitLineAtProgress(g, pct);
        if (split.done) push(p, split.done, iv, 'done');
        if (split.rest) push(p, split.rest, iv, 'rest');
      } else {
        push(p, g, iv, 'whole');
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
