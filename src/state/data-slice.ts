import type { Atlas } from '../domain/types';
import type { DataSlice, SliceCreator } from './app-state';
import { sanitizeAgainstAtlas } from './url-codec';
import { selectUrlState } from './selectors';

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
    countyCodes: new Set(atlas.projects.flatMap((p) => p.counties)),
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
      set({ atlas, issues: [...issues], dataStatus: atlas ? 'ready' : 'error' });
      if (!atlas) return;
      const url = selectUrlState(get());
      if (sanitizeAgainstAtlas(url, knownIds(atlas)) !== url) get().applyUrlState(url);
    },
  });
}
