/**
 * Validates raw `data/corridors.geojson` into typed corridors.
 *
 * - Not a FeatureCollection ⇒ an error (the file is unusable).
 * - A bad feature ⇒ a warning naming the file, the corridor id and the field; it is dropped and
 *   the valid rest is kept.
 * Rules: id, name_zh, name_en non-empty, ids unique, `schematic` boolean, `source` non-empty
 * (and known, when a source list is given), geometry a LineString of ≥ 2 distinct finite
 * lon/lat positions.
 */
import { z } from 'zod/mini';
import type { Position } from 'geojson';
import type { Corridor, DataIssue } from '../domain/types';
import { zodIssues, type SourceIds } from './parse-projects';
import { countPositions, itemSizeIssues, LIMITS, reportableId, tooManyItems } from './limits';

export const CORRIDORS_FILE = 'data/corridors.geojson';

export type CorridorsResult = { ok: true; value: Corridor[]; warnings: DataIssue[] } | { ok: false; error: DataIssue };

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const lonLat = z.tuple([z.number().check(z.gte(-180), z.lte(180)), z.number().check(z.gte(-90), z.lte(90))], z.number());

const corridorFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.looseObject({ id: text, name_zh: text, name_en: text, schematic: z.boolean(), source: text }),
  geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(lonLat).check(z.minLength(2, 'needs at least 2 positions')) }),
});

const fileSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

/** True when at least two positions differ (linear: some position differs from the first). */
function hasTwoDistinct(coords: Position[]): boolean {
  const first = coords[0];
  return first !== undefined && coords.some((c) => c[0] !== first[0] || c[1] !== first[1]);
}

/** @example parseCorridors(JSON.parse(readFileSync('data/corridors.geojson', 'utf8'))) */
export function parseCorridors(json: unknown, file = CORRIDORS_FILE, sources?: SourceIds): CorridorsResult {
  const top = fileSchema.safeParse(json);
  if (!top.success) return { ok: false, error: { file, message: 'not a GeoJSON FeatureCollection ({ "type": "FeatureCollection", "features": [...] })' } };
  const value: Corridor[] = [];
  const warnings: DataIssue[] = [];
  const seen = new Set<string>();
  let all = top.data.features;
  if (all.length > LIMITS.corridors) {
    warnings.push(tooManyItems(file, 'features', all.length, LIMITS.corridors));
    all = all.slice(0, LIMITS.corridors);
  }
  all.forEach((raw, index) => {
    const props = (raw as { properties?: { id?: unknown } } | null)?.properties;
    const id = reportableId(props?.id, `features[${index}]`);
    // Sizes first, by counting (see limits.ts).
    const sizeIssues = typeof props === 'object' && props !== null ? itemSizeIssues(props as Record<string, unknown>, file, id) : [];
    const coords = (raw as { geometry?: { coordinates?: unknown } } | null)?.geometry?.coordinates;
    if (countPositions(coords).positions > LIMITS.verticesPerProject) {
      sizeIssues.push({ file, id, field: 'geometry.coordinates', message: `more than ${LIMITS.verticesPerProject.toLocaleString('en')} positions (the limit per line; see data/README.md "Size limits")` });
    }
    if (sizeIssues.length > 0) {
      warnings.push(...sizeIssues.map((i) => (i.field && !i.field.startsWith('geometry') ? { ...i, field: `properties.${i.field}` } : i)));
      return;
    }
    const parsed = corridorFeatureSchema.safeParse(raw);
    if (!parsed.success) {
      warnings.push(...zodIssues(file, id, parsed.error));
      return;
    }
    const { properties: p, geometry } = parsed.data;
    const issues: DataIssue[] = [];
    if (seen.has(p.id)) issues.push({ file, id, field: 'properties.id', message: 'duplicate corridor id' });
    if (!hasTwoDistinct(geometry.coordinates)) issues.push({ file, id, field: 'geometry.coordinates', message: 'needs at least 2 distinct positions' });
    if (sources && !sources.has(p.source)) issues.push({ file, id, field: 'properties.source', message: `unknown source id "${p.source}"` });
    if (issues.length > 0) {
      warnings.push(...issues);
      return;
    }
    seen.add(p.id);
    value.push({ id: p.id, name_zh: p.name_zh, name_en: p.name_en, line: { type: 'LineString', coordinates: geometry.coordinates }, schematic: p.schematic, source: p.source });
  });
  return { ok: true, value, warnings };
}
