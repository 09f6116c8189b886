/**
 * A fast, linear check that a raw GeoJSON geometry satisfies `geometrySchema` of
 * project-schema.ts (same rules, written as plain loops: no allocation per position). The
 * validator uses it to skip zod's per-position schema for geometries that are valid; when it
 * says false, zod checks the geometry and words the problems. It must never say true for a
 * geometry the schema would refuse (tests/unit/data/geometry-check.test.ts compares the two).
 */

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A WGS-84 `[lon, lat]` or `[lon, lat, z]` of finite numbers. */
function isPosition(p: unknown): p is number[] {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) return false;
  for (let i = 0; i < p.length; i++) {
    const v: unknown = p[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  }
  return Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;
}

function isPositionList(list: unknown): list is number[][] {
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) if (!isPosition(list[i])) return false;
  return true;
}

function isLine(list: unknown): boolean {
  if (!isPositionList(list) || list.length < 2) return false;
  const [x, y] = list[0] as number[];
  for (let i = 1; i < list.length; i++) {
    const p = list[i] as number[];
    if (p[0] !== x || p[1] !== y) return true;
  }
  return false;
}

function isRing(list: unknown): boolean {
  if (!isPositionList(list) || list.length < 4) return false;
  const first = list[0] as number[];
  const last = list[list.length - 1] as number[];
  return first[0] === last[0] && first[1] === last[1];
}

function isNonEmptyListOf(list: unknown, item: (v: unknown) => boolean): boolean {
  if (!Array.isArray(list) || list.length < 1) return false;
  for (let i = 0; i < list.length; i++) if (!item(list[i])) return false;
  return true;
}

const isPolygon = (rings: unknown) => isNonEmptyListOf(rings, isRing);

/** True only when `g` is a valid Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon. */
export function geometryIsValid(g: unknown): boolean {
  if (!isPlain(g)) return false;
  const keys = Object.keys(g);
  if (keys.length !== 2 || !('type' in g) || !('coordinates' in g)) return false;
  const c = g.coordinates;
  switch (g.type) {
    case 'Point':
      return isPosition(c);
    case 'MultiPoint':
      return isPositionList(c) && c.length >= 1;
    case 'LineString':
      return isLine(c);
    case 'MultiLineString':
      return isNonEmptyListOf(c, isLine);
    case 'Polygon':
      return isPolygon(c);
    case 'MultiPolygon':
      return isNonEmptyListOf(c, isPolygon);
    default:
      return false;
  }
}
