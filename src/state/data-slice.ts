import type { Atlas } from '../domain/types';
import type { DataSlice, SliceCreator } from './app-state';
import { sanitizeAgainstAtlas } from './url-codec';
import { selectUrlState } from './selectors';
import { storeFieldsFromUrlState } from './url-state-fields';

type KnownIds = Parameters<typeof sanitizeAgainstAtlas>[1];
const knownCache = new WeakMap<Atlas, KnownIds>();

/** The ids the URL may name, as the loaded data knows them (cached per atlas). */
export function knownIds(atlas: Atlas): KnownIds {
  const hit = knownCache.get(atlas);
  if (hit) return hit;
  const known = {
    corridorIds: new Set(atlas.corridors.map((c) => c.id)),
    zoneIds: new Set(atlas.zones.map((z) => z.id)),
    projectIds: new Set(atlas.projects.map((p) => p.id)),
    countyCodes: new Set([...atlas.projects.flatMap((p) => p.counties), ...(atlas.counties?.keys() ?? [])]),
  };
  knownCache.set(atlas, known);
  return known;
}

export function createDataSlice(): SliceCreator<DataSlice> {
  return (set, get) => ({
    dataStatus: 'loading',
    atlas: null,
    issues: [],
    setData: ({ atlas, issues }) => {
      const url = selectUrlState(get());
      const clean = atlas ? sanitizeAgainstAtlas(url, knownIds(atlas)) : url;
      // One update, so subscribers (url-sync) see the correction together with the data.
      set({
        atlas,
        issues: [...issues],
        dataStatus: atlas ? 'ready' : 'error',
        ...(clean !== url ? storeFieldsFromUrlState(clean) : {}),
      });
    },
  });
}
