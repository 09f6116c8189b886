/**
 * Validates `data/zones.json` (the zone definitions) and joins the computed polygons of
 * `data/zones.geojson` (built by `npm run data:zones`, never in the browser).
 *
 * - A definitions file that is not `{ version: 1, zones: [...] }` ⇒ an error.
 * - A bad zone ⇒ a warning naming the file, the zone id and the field; it is dropped.
 * - A zone without a computed polygon, or whose polygon was computed from other sides/width
 *   (stale file), ⇒ a warning; the zone is kept with `polygon: null` (no membership).
 * - No polygons file at all (`null`) ⇒ every zone is kept with `polygon: null`.
 * Rules: id, names non-empty, ids unique, each side a non-empty list of 6-digit county codes, no
 * code on both sides, 0 < width_km ≤ 50, `inferred` boolean, `source` non-empty (and known when a
 * source list is given).
 */
import { z } from 'zod/mini';
import { httpUrlSchema } from './project-schema';
import type { LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { DataIssue, JunctionZone } from '../domain/types';
import { zodIssues, type SourceIds } from './parse-projects';
import { itemSizeIssues, LIMITS, reportableId, tooManyItems } from './limits';

export const ZONES_FILE = 'data/zones.json';
export const ZONE_POLYGONS_FILE = 'data/zones.geojson';

export type ZonesResult = { ok: true; value: JunctionZone[]; warnings: DataIssue[] } | { ok: false; error: DataIssue };

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const code = z.string().check(z.regex(/^\d{6}$/, 'must be a 6-digit county code'));
const side = z.array(code).check(z.minLength(1, 'must list at least one county code'));

/** One zone definition as authored in data/zones.json. */
export const zoneDefinitionSchema = z.looseObject({
  id: text,
  name_zh: text,
  name_en: text,
  sides: z.tuple([side, side]),
  width_km: z.number().check(z.gt(0, 'must be > 0'), z.lte(50, 'must be ≤ 50')),
  inferred: z.boolean(),
  source: text,
  /** `modelled`: the outline is a strip of `width_km` along the county border (our model), not a published area. */
  outline: z.optional(z.enum(['modelled', 'published'], { error: 'must be modelled or published' })),
  /** An area a source publishes for the zone (km²), with its page and verbatim quote; null when none. */
  published_area: z.optional(
    z.nullable(z.looseObject({ km2: z.number().check(z.gt(0, 'must be > 0')), what: text, url: httpUrlSchema, published: text, quote: text })),
  ),
});
export type ZoneDefinition = z.infer<typeof zoneDefinitionSchema>;

export const zonesFileSchema = z.object({ version: z.literal(1), zones: z.array(z.unknown()) });

const ring = z.array(z.tuple([z.number(), z.number()], z.number())).check(z.minLength(4));
const polygonGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).check(z.minLength(1)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).check(z.minLength(1))).check(z.minLength(1)) }),
]);
const lineGeometry = z.union([
  z.object({ type: z.literal('LineString'), coordinates: z.array(z.tuple([z.number(), z.number()], z.number())) }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()], z.number()))) }),
]);
const polygonsFileSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });
const computedFeature = z.object({
  type: z.literal('Feature'),
  properties: z.looseObject({ id: text, kind: z.enum(['zone', 'border']), sides: z.optional(z.tuple([z.array(z.string()), z.array(z.string())])), width_km: z.optional(z.number()) }),
  geometry: z.unknown(),
});

/**
 * Validates the zone definitions and returns them as typed values (without polygons): used by
 * the zone builder and by {@link parseZones}.
 */
export function parseZoneDefinitions(json: unknown, file = ZONES_FILE, sources?: SourceIds): { ok: true; value: ZoneDefinition[]; warnings: DataIssue[] } | { ok: false; error: DataIssue } {
  const top = zonesFileSchema.safeParse(json);
  if (!top.success) return { ok: false, error: { file, message: 'not a zones file ({ "version": 1, "zones": [...] })' } };
  const value: ZoneDefinition[] = [];
  const warnings: DataIssue[] = [];
  const seen = new Set<string>();
  let all = top.data.zones;
  if (all.length > LIMITS.zones) {
    warnings.push(tooManyItems(file, 'zones', all.length, LIMITS.zones));
    all = all.slice(0, LIMITS.zones);
  }
  all.forEach((raw, index) => {
    const id = reportableId((raw as { id?: unknown } | null)?.id, `zones[${index}]`);
    // Sizes first, by counting (see limits.ts).
    const sizeIssues = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? itemSizeIssues(raw as Record<string, unknown>, file, id) : [];
    if (sizeIssues.length > 0) {
      warnings.push(...sizeIssues);
      return;
    }
    const parsed = zoneDefinitionSchema.safeParse(raw);
    if (!parsed.success) {
      warnings.push(...zodIssues(file, id, parsed.error));
      return;
    }
    const z0 = parsed.data;
    const issues: DataIssue[] = [];
    if (seen.has(z0.id)) issues.push({ file, id, field: 'id', message: 'duplicate zone id' });
    const otherSide = new Set(z0.sides[1]);
    const both = z0.sides[0].filter((c) => otherSide.has(c));
    if (both.length > 0) issues.push({ file, id, field: 'sides', message: `county code ${both.join(', ')} is on both sides` });
    if (sources && !sources.has(z0.source)) issues.push({ file, id, field: 'source', message: `unknown source id "${z0.source}"` });
    if (issues.length > 0) {
      warnings.push(...issues);
      return;
    }
    seen.add(z0.id);
    value.push(z0);
  });
  return { ok: true, value, warnings };
}

const sameSides = (a: readonly string[][], b: readonly string[][]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * @param json parsed `data/zones.json`
 * @param polygonsJson parsed `data/zones.geojson`, or null when it could not be loaded
 * @example parseZones(await fetchJson('data/zones.json'), await fetchJson('data/zones.geojson'))
 */
export function parseZones(json: unknown, polygonsJson: unknown | null, files = { zones: ZONES_FILE, polygons: ZONE_POLYGONS_FILE }, sources?: SourceIds): ZonesResult {
  const defs = parseZoneDefinitions(json, files.zones, sources);
  if (!defs.ok) return defs;
  const warnings = [...defs.warnings];
  const polygons = new Map<string, { geometry: Polygon | MultiPolygon; sides?: string[][]; width_km?: number }>();
  const borders = new Map<string, LineString | MultiLineString>();
  if (polygonsJson !== null) {
    const top = polygonsFileSchema.safeParse(polygonsJson);
    if (!top.success) {
      warnings.push({ file: files.polygons, message: 'not a GeoJSON FeatureCollection: zones are shown without polygons', severity: 'error' });
    } else {
      let features = top.data.features;
      if (features.length > LIMITS.zones * 2) {
        warnings.push(tooManyItems(files.polygons, 'features', features.length, LIMITS.zones * 2));
        features = features.slice(0, LIMITS.zones * 2);
      }
      features.forEach((raw, index) => {
        const f = computedFeature.safeParse(raw);
        if (!f.success) {
          warnings.push(...zodIssues(files.polygons, `features[${index}]`, f.error));
          return;
        }
        const { id, kind, sides, width_km } = f.data.properties;
        if (kind === 'zone') {
          const g = polygonGeometry.safeParse(f.data.geometry);
          if (!g.success) warnings.push({ file: files.polygons, id, field: 'geometry', message: 'must be a Polygon or MultiPolygon' });
          else polygons.set(id, { geometry: g.data as Polygon | MultiPolygon, ...(sides ? { sides } : {}), ...(width_km !== undefined ? { width_km } : {}) });
        } else {
          const g = lineGeometry.safeParse(f.data.geometry);
          if (!g.success) warnings.push({ file: files.polygons, id, field: 'geometry', message: 'must be a LineString or MultiLineString' });
          else borders.set(id, g.data as LineString | MultiLineString);
        }
      });
    }
  }
  const ids = new Set(defs.value.map((d) => d.id));
  for (const id of polygons.keys()) {
    if (!ids.has(id)) warnings.push({ file: files.polygons, id, message: `polygon for a zone that ${files.zones} does not define: run npm run data:zones` });
  }
  const value: JunctionZone[] = defs.value.map((d) => {
    const computed = polygons.get(d.id);
    let polygon: Polygon | MultiPolygon | null = computed?.geometry ?? null;
    if (polygonsJson !== null && !computed) {
      warnings.push({ file: files.polygons, id: d.id, message: 'no computed polygon: run npm run data:zones' });
    } else if (computed && (computed.width_km !== d.width_km || !computed.sides || !sameSides(computed.sides, d.sides))) {
      warnings.push({ file: files.polygons, id: d.id, message: `computed from other sides or width than ${files.zones} (stale): run npm run data:zones` });
      polygon = null;
    }
    return {
      id: d.id,
      name_zh: d.name_zh,
      name_en: d.name_en,
      sides: [d.sides[0], d.sides[1]],
      width_km: d.width_km,
      inferred: d.inferred,
      source: d.source,
      outline: d.outline ?? 'modelled',
      published_area: d.published_area ? { km2: d.published_area.km2, what: d.published_area.what, url: d.published_area.url, published: d.published_area.published, quote: d.published_area.quote } : null,
      polygon,
      border: borders.get(d.id) ?? null,
    };
  });
  return { ok: true, value, warnings };
}
