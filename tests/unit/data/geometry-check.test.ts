/**
 * The fast geometry check may skip zod only where zod would accept: it must never say "valid"
 * for a geometry `geometrySchema` refuses (property test), and it accepts the committed data.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geometryIsValid } from '../../../src/data/geometry-check';
import { geometrySchema } from '../../../src/data/project-schema';

const num = fc.oneof(
  fc.double({ min: -200, max: 200, noNaN: false }),
  fc.constantFrom(0, 104.06, 30.66, 180, -180, 90, -90, 180.0001, Infinity, -Infinity, NaN),
);
const position = fc.oneof(
  fc.array(num, { minLength: 0, maxLength: 4 }),
  fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })),
  fc.constantFrom([104, 30], [104, 30, 5], ['104', 30], [104, null], null, 'x'),
);
const positions = fc.oneof(fc.array(position, { maxLength: 6 }), fc.array(fc.constantFrom([104, 30], [105, 31], [104, 31]), { maxLength: 6 }));
const ringish = fc.oneof(positions, fc.constant([[104, 30], [105, 30], [105, 31], [104, 30]]));
const coordinates = fc.oneof(position, positions, fc.array(positions, { maxLength: 3 }), fc.array(ringish, { maxLength: 3 }), fc.array(fc.array(ringish, { maxLength: 2 }), { maxLength: 2 }), fc.anything());
const geometry = fc.oneof(
  fc.record({ type: fc.constantFrom('Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection', 'point'), coordinates }),
  fc.record({ type: fc.constantFrom('Point', 'LineString'), coordinates, extra: fc.anything() }),
  fc.anything(),
);

describe('geometryIsValid', () => {
  it('never accepts what geometrySchema refuses (fast-check, 20,000 cases)', () => {
    fc.assert(
      fc.property(geometry, (g) => {
        if (geometryIsValid(g)) expect(geometrySchema.safeParse(g).success, JSON.stringify(g)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('accepts every geometry of the committed data (so the fast path is the usual one)', () => {
    const projects = (JSON.parse(readFileSync('data/projects.json', 'utf8')) as { projects: { geometry: unknown }[] }).projects;
    const geometries = projects.map((p) => p.geometry).filter((g) => g !== null);
    expect(geometries.length).toBeGreaterThan(10);
    for (const g of geometries) expect(geometryIsValid(g), JSON.stringify(g).slice(0, 80)).toBe(true);
  });

  it('refuses the classic faults zod words: one distinct point, open ring, out of range, swapped type', () => {
    for (const g of [
      { type: 'LineString', coordinates: [[104, 30], [104, 30]] },
      { type: 'Polygon', coordinates: [[[104, 30], [105, 30], [105, 31], [104, 31]]] },
      { type: 'Point', coordinates: [190, 30] },
      { type: 'Point', coordinates: [104, 30, 1, 2] },
      { type: 'MultiLineString', coordinates: [] },
      { type: 'Point', coordinates: [104, 30], bbox: [0, 0, 1, 1] },
    ]) {
      expect(geometryIsValid(g)).toBe(false);
      expect(geometrySchema.safeParse(g).success).toBe(false);
    }
  });
});
