import { DEFAULT_FILTERS, MAX_WITHIN_KM, type ProjectFilters } from '../domain/filter-projects';
import type { FiltersSlice, SliceCreator } from './app-state';
import { parseId, parseQuery } from './url-codec';

/** Adds or removes one value, keeping the order of `order` so equal filters look equal. */
function toggled<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

function checkedId(field: string, id: string | null): string | null {
  if (id === null) return null;
  if (parseId(id) !== id) throw new Error(`filters.${field}: not a valid id: ${JSON.stringify(id)}`);
  return id;
}

function checkedWithinKm(km: number | null): number | null {
  if (km === null) return null;
  if (!Number.isFinite(km) || km < 0 || km > MAX_WITHIN_KM) {
    throw new Error(`filters.withinKm: expected 0–${MAX_WITHIN_KM} km, got ${km}`);
  }
  return Math.round(km * 10) / 10;
}

/** A fresh copy, so no two stores share (or freeze) the same filter object. */
export function freshFilters(patch: Partial<ProjectFilters> = {}): ProjectFilters {
  return {
    ...DEFAULT_FILTERS,
    categories: [],
    statuses: [],
    cities: [],
    counties: [],
    ...patch,
  };
}

export function createFiltersSlice(initial: ProjectFilters): SliceCreator<FiltersSlice> {
  return (set) => {
    const update = (patch: Partial<ProjectFilters>) => set((s) => ({ filters: { ...s.filters, ...patch } }));
    return {
      filters: initial,
      setFilters: (patch) => {
        const checked: Partial<ProjectFilters> = { ...patch };
        if ('corridorId' in patch) checked.corridorId = checkedId('corridorId', patch.corridorId ?? null);
        if ('zoneId' in patch) checked.zoneId = checkedId('zoneId', patch.zoneId ?? null);
        if ('withinKm' in patch) checked.withinKm = checkedWithinKm(patch.withinKm ?? null);
        if ('query' in patch) checked.query = parseQuery(patch.query ?? '');
        update(checked);
      },
      toggleCategory: (category) => set((s) => ({ filters: { ...s.filters, categories: toggled(s.filters.categories, category) } })),
      toggleStatus: (status) => set((s) => ({ filters: { ...s.filters, statuses: toggled(s.filters.statuses, status) } })),
      toggleCity: (city) => set((s) => ({ filters: { ...s.filters, cities: toggled(s.filters.cities, city) } })),
      toggleCounty: (code) => set((s) => ({ filters: { ...s.filters, counties: toggled(s.filters.counties, code) } })),
      setCorridor: (corridorId) => {
        const id = checkedId('corridorId', corridorId);
        update(id === null ? { corridorId: null, withinKm: null } : { corridorId: id });
      },
      setWithinKm: (km) => update({ withinKm: checkedWithinKm(km) }),
      setZone: (zoneId) => update({ zoneId: checkedId('zoneId', zoneId) }),
      // The search box keeps what the reader types; the URL codec trims when writing the link.
      setQuery: (query) => update({ query }),
      setEvidence: (evidence) => update({ evidence }),
      resetFilters: () => set({ filters: freshFilters() }),
    };
  };
}
