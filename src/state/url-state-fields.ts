import { freshFilters } from './filters-slice';
import type { UrlState } from './url-codec';

/** The store fields a URL state sets (inverse of `selectUrlState`). */
export function storeFieldsFromUrlState(url: UrlState) {
  return {
    lang: url.lang,
    asOfDate: url.date,
    filters: freshFilters({
      categories: [...url.cat],
      statuses: [...url.status],
      cities: [...url.city],
      counties: [...url.county],
      corridorId: url.corridor,
      withinKm: url.within,
      zoneId: url.zone,
      query: url.q,
      evidence: url.evidence,
    }),
    selectedId: url.sel,
    embed: url.embed,
    frameBounds: url.bbox,
  };
}
