import type { Atlas } from '../domain/types';
import type { DataSlice, SliceCreator } from './app-state';
import { sanitizeAgainstAtlas } from './url-codec';
import { selectUrlState } from './selectors';

/** The ids the URL may name, as the loaded data knows them. */
export function knownIds(atlas: Atlas) {
  return {
    corridorIds: new Set(atlas.corridors.map((c) => c.id)),
    zoneIds: new Set(atlas.zones.map((z) => z.id)),
    projectIds: new Set(atlas.projects.map((p) => p.id)),
    countyCodes: new Set(atlas.projects.flatMap((p) => p.counties)),
  };
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
      const clean = sanitizeAgainstAtlas(url, knownIds(atlas));
      if (clean !== url) get().applyUrlState(clean);
    },
  });
}
