/**
 * File names of the exports: they carry the date and the filter so a folder of exports
 * explains itself, e.g. `cdmz-2023-12-31-corridor-belt-chengzi-airport-5km-under-construction.csv`.
 */
import type { ProjectFilters } from './filter-projects';

/** Keeps `[a-z0-9-]`, collapses the rest to single dashes. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Longest name part before the extension; file systems and mail clients cope with this. */
const MAX_STEM_CHARS = 160;

/**
 * Builds the export file name from the as-of date and the active filters, in a fixed order:
 * corridor (+ distance), statuses, categories, cities, counties, zone, evidence, search.
 * @example exportFileName('2023-12-31', { ...DEFAULT_FILTERS, corridorId: 'belt-chengzi-airport', withinKm: 5, statuses: ['under-construction'] }, 'csv')
 * // "cdmz-2023-12-31-corridor-belt-chengzi-airport-5km-under-construction.csv"
 */
export function exportFileName(asOfDate: string | null, filters: ProjectFilters, extension: 'csv' | 'geojson'): string {
  const parts: string[] = ['cdmz'];
  if (asOfDate) parts.push(slug(asOfDate));
  if (filters.corridorId !== null) {
    parts.push('corridor', slug(filters.corridorId));
    if (filters.withinKm !== null) parts.push(`${String(filters.withinKm).replace('.', 'p')}km`);
  }
  parts.push(...filters.statuses.map(slug));
  parts.push(...filters.categories.map(slug));
  parts.push(...filters.cities.map(slug));
  parts.push(...filters.counties.map(slug));
  if (filters.zoneId !== null) parts.push('zone', slug(filters.zoneId));
  if (filters.evidence === 'observed') parts.push('observed');
  if (filters.query.trim() !== '') parts.push('search');
  let stem = parts.filter((p) => p !== '').join('-');
  if (stem.length > MAX_STEM_CHARS) stem = stem.slice(0, MAX_STEM_CHARS).replace(/-+$/, '');
  return `${stem}.${extension}`;
}
