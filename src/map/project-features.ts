/**
 * Turns projects and their state on a date into the GeoJSON the project layers draw. Pure.
 * Projects with no geometry or no status yet on the date are left out (the list still has
 * them). A line with a known progress between 0 and 100 % becomes two features with the same
 * id: `part: 'done'` (solid) and `part: 'rest'` (faded).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Project, ProjectState } from '../domain/types';
import { splitLineAtProgress } from '../geo/split-line-at-progress';
import { symbolImageId } from '../theme/category-symbol';

export interface ProjectFeatureProps {
  id: string;
  name_zh: string;
  name_en: string;
  category: Project['category'];
  status: string;
  accuracy: string;
  part: 'whole' | 'done' | 'rest';
  icon: string;
}

function feature(p: Project, geometry: Geometry, state: ProjectState, part: ProjectFeatureProps['part']): Feature<Geometry, ProjectFeatureProps> {
  return {
    type: 'Feature',
    geometry,
    properties: {
      id: p.id,
      name_zh: p.name_zh,
      name_en: p.name_en,
      category: p.category,
      status: state.status ?? 'none',
      accuracy: p.geometry_accuracy ?? 'schematic',
      part,
      icon: symbolImageId(p.category, state.status),
    },
  };
}

/** @param stateOf the state of a project on the map's date (memoised by the caller) */
export function projectFeatures(
  projects: readonly Project[],
  stateOf: (p: Project) => ProjectState,
): FeatureCollection<Geometry, ProjectFeatureProps> {
  const features: Feature<Geometry, ProjectFeatureProps>[] = [];
  for (const p of projects) {
    if (!p.geometry) continue;
    const state = stateOf(p);
    if (!state.status) continue;
    const g = p.geometry;
    const pct = state.progress;
    if ((g.type === 'LineString' || g.type === 'MultiLineString') && pct !== null && pct > 0 && pct < 100) {
      const split = splitLineAtProgress(g, pct);
      if (split.done) features.push(feature(p, split.done, state, 'done'));
      if (split.rest) features.push(feature(p, split.rest, state, 'rest'));
    } else {
      features.push(feature(p, g, state, 'whole'));
    }
  }
  return { type: 'FeatureCollection', features };
}

/**
 * A key that changes exactly when the drawn features change: the map calls `setData` only
 * then, not on every tick of the date slider.
 */
export function projectFeaturesKey(projects: readonly Project[], stateOf: (p: Project) => ProjectState): string {
  let key = '';
  for (const p of projects) {
    if (!p.geometry) continue;
    const s = stateOf(p);
    key += `${s.status ?? '-'}${s.progress ?? ''}|`;
  }
  return key;
}
