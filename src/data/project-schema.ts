/**
 * Zod schemas of `data/projects.json` and `data/sources.json` (the contract of src/domain/types.ts).
 * Field-level rules live here; rules that need more than one item (unique ids, sources resolve,
 * inside the region, surveyed length) live in parse-projects.ts.
 */
import { z } from 'zod/mini';
import { CATEGORIES, CITY_IDS, EVIDENCE, GEOMETRY_ACCURACY, STATUSES } from '../domain/types';
import { isHttpUrl } from '../domain/http-url';

// zod/mini (tree-shakable, a fraction of the classic bundle) ships no messages by default:
// load the English ones once, so every parser's default messages read as in classic zod.
z.config(z.locales.en());

/** The 35 current county/district codes of the four cities (REGION.md). */
export const COUNTY_CODES = [
  '510104', '510105', '510106', '510107', '510108', '510112', '510113', '510114', '510115', '510116',
  '510117', '510118', '510121', '510129', '510131', '510181', '510182', '510183', '510184', '510185',
  '510603', '510604', '510623', '510681', '510682', '510683',
  '511402', '511403', '511421', '511423', '511424', '511425',
  '512002', '512021', '512022',
] as const;

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** `YYYY-MM-DD` that exists on the calendar (no 2023-02-30). */
export const isoDateSchema = z.string().check((ctx) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ctx.value);
  if (!m) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `must be an ISO date YYYY-MM-DD (got "${ctx.value}")` });
  } else if (!isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `must be a real calendar date (got "${ctx.value}")` });
  }
});

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (targets and publication dates as the source gives them). */
export const partialDateSchema = z.string().check((ctx) => {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(ctx.value);
  const ok = m !== null && (m[2] === undefined || (Number(m[2]) >= 1 && Number(m[2]) <= 12)) && (m[3] === undefined || isRealDate(Number(m[1]), Number(m[2]), Number(m[3])));
  if (!ok) ctx.issues.push({ code: 'custom', input: ctx.value, message: `must be YYYY, YYYY-MM or a real YYYY-MM-DD date (got "${ctx.value}")` });
});

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

/** An absolute http(s) URL (see src/domain/http-url.ts): `javascript:`, `data:`, relative links are refused. */
export const httpUrlSchema = z.string().check(z.refine(isHttpUrl, 'must be an http(s) URL or null (absolute http:// or https://; javascript:, data:, relative and other links are refused)'));
const pct = z.number().check(z.gte(0, 'must be ≥ 0'), z.lte(100, 'must be ≤ 100'));
const sourceId = z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be a source id (lowercase letters, digits, "-", ".")'));

const statusSchema = z.enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` });

export const componentSchema = z.strictObject({
  name_zh: text,
  name_en: text,
  pct,
  pct_is_lower_bound: z.optional(z.boolean()),
});

const milestoneCommon = {
  date: isoDateSchema,
  date_precision: z.optional(z.enum(['month', 'year'], { error: 'must be month or year (omit for an exact day)' })),
  section: z.optional(text),
  note_zh: text,
  note_en: text,
  source: sourceId,
  quote: text,
  quote_clean: z.optional(text),
};

/** An observation (report/public): what happened, when; it may carry a status and progress. */
export const observationSchema = z.strictObject({
  ...milestoneCommon,
  evidence: z.enum(['report', 'public'], { error: 'an observation is report or public' }),
  status: statusSchema,
  progress: z.nullable(pct),
  components: z.optional(z.array(componentSchema)),
});

const PLAN_NO_STATE =
  'a plan or task carries only what it aims for (aims_for, target_date), never a status, progress or component figures; if a source reports this as done, make it an observation (evidence report/public)';
const notInPlan = z.optional(z.never({ error: PLAN_NO_STATE }));

/** A plan or task item: what it aims for (target status and date), never a status or progress. */
export const planSchema = z.strictObject({
  ...milestoneCommon,
  evidence: z.literal('plan', { error: 'a plan item has evidence plan' }),
  aims_for: z.optional(statusSchema),
  target_date: z.optional(partialDateSchema),
  status: notInPlan,
  progress: notInPlan,
  components: notInPlan,
});

export const milestoneSchema = z.discriminatedUnion('evidence', [observationSchema, planSchema], {
  error: `must be one of ${EVIDENCE.join(', ')}`,
});

export const targetSchema = z.strictObject({
  date: partialDateSchema,
  status: statusSchema,
  note_zh: text,
  note_en: text,
  source: sourceId,
  quote: text,
});

export const keyFactSchema = z.strictObject({
  key: z.string().check(z.regex(/^[a-z0-9_]+$/, 'must be snake_case')),
  label_zh: text,
  label_en: text,
  value: z.union([z.number().check(z.refine(Number.isFinite, 'must be a finite number')), text]),
  unit: z.optional(text),
  note: z.optional(text),
  source: sourceId,
  quote: text,
});

/** A position: finite `[lon, lat]` in WGS-84 degrees (an optional third value is tolerated). */
const position = z
  .array(z.number().check(z.refine(Number.isFinite, 'must be a finite number'))).check(z.minLength(2, 'a position needs [lon, lat]')).check(z.maxLength(3, 'a position has at most 3 numbers'))
  .check((ctx) => {
    const [lon, lat] = ctx.value as [number, number];
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `[${lon}, ${lat}] is not a WGS-84 lon/lat (|lon| ≤ 180, |lat| ≤ 90)` });
    }
  });

const samePos = (a: number[], b: number[]): boolean => a[0] === b[0] && a[1] === b[1];

const lineCoords = z.array(position).check((ctx) => {
  const coords = ctx.value;
  // Linear: two distinct points exist iff some position differs from the first one.
  const first = coords[0];
  if (!first || !coords.some((c) => !samePos(c, first))) ctx.issues.push({ code: 'custom', input: coords, message: 'a line needs at least 2 distinct points' });
});

const ring = z.array(position).check((ctx) => {
  const r = ctx.value;
  const first = r[0];
  const last = r[r.length - 1];
  if (r.length < 4) ctx.issues.push({ code: 'custom', input: r, message: 'a polygon ring needs at least 4 positions' });
  else if (!first || !last || !samePos(first, last)) ctx.issues.push({ code: 'custom', input: r, message: 'a polygon ring must be closed (first position = last)' });
});

export const geometrySchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('Point'), coordinates: position }),
    z.strictObject({ type: z.literal('MultiPoint'), coordinates: z.array(position).check(z.minLength(1, 'must have at least one point')) }),
    z.strictObject({ type: z.literal('LineString'), coordinates: lineCoords }),
    z.strictObject({ type: z.literal('MultiLineString'), coordinates: z.array(lineCoords).check(z.minLength(1, 'must have at least one line')) }),
    z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(ring).check(z.minLength(1, 'must have an outer ring')) }),
    z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).check(z.minLength(1, 'must have an outer ring'))).check(z.minLength(1)) }),
  ],
  { error: 'must be a GeoJSON Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon' },
);

const accuracySchema = z.enum(GEOMETRY_ACCURACY, { error: `must be one of ${GEOMETRY_ACCURACY.join(', ')}` });

export const stationSchema = z.strictObject({
  id: text,
  name_zh: text,
  name_en: text,
  coord: z.tuple([z.number().check(z.refine(Number.isFinite, 'must be a finite number')), z.number().check(z.refine(Number.isFinite, 'must be a finite number'))]),
  opened: z.boolean(),
  accuracy: accuracySchema,
  note: z.optional(text),
});

/** One project; cross-field rules (sorted milestones, accuracy set iff geometry) are in parse-projects.ts. */
export const projectSchema = z.strictObject({
    id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id')),
    name_zh: text,
    name_en: text,
    aliases: z.array(text),
    category: z.enum(CATEGORIES, { error: `must be one of ${CATEGORIES.join(', ')}` }),
    cities: z.array(z.enum(CITY_IDS, { error: `must be one of ${CITY_IDS.join(', ')}` })),
    counties: z.array(z.enum(COUNTY_CODES, { error: 'must be one of the 35 current county codes of the four cities' })),
    facts: z.array(keyFactSchema),
    targets: z.array(targetSchema),
    milestones: z.array(milestoneSchema),
    geometry: z.nullable(geometrySchema),
    geometry_accuracy: z.nullable(accuracySchema),
    geometry_note: z.optional(text),
    geometry_licence: z.optional(text),
    stations: z.optional(z.array(stationSchema)),
});

export const projectsFileSchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1' }),
  projects: z.array(z.unknown()),
});

export const sourceSchema = z.strictObject({
  id: sourceId,
  publisher_zh: text,
  publisher_en: text,
  title: text,
  date: z.nullable(partialDateSchema),
  url: z.nullable(httpUrlSchema),
  kind: z.enum(['seed', 'public'], { error: 'must be seed or public' }),
  note: z.optional(text),
});

export const sourcesFileSchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1' }),
  sources: z.array(z.unknown()),
});
