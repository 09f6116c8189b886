import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from 'geojson';
import { zoneMembership } from '../../../src/geo/zone-membership';
import { byRole, readCases } from './golden';

describe('zoneMembership: inside cases (tests/fixtures/geo/zone-membership/inside)', () => {
  const cases = readCases('zone-membership/inside');
  it('covers border, crossing, hole and MultiPolygon cases', () => {
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining(['point-on-border', 'line-crossing', 'line-through', 'point-on-hole-border', 'multipolygon-second-part']),
    );
  });
  for (const { name, collection } of cases) {
    it(name, () => {
      expect(zoneMembership(byRole(collection, 'project'), byRole(collection, 'zone') as MultiPolygon)).toBe(true);
    });
  }
});

describe('zoneMembership: outside cases (tests/fixtures/geo/zone-membership/outside)', () => {
  const cases = readCases('zone-membership/outside');
  it('covers holes and MultiPolygon cases', () => {
    expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(['point-in-hole', 'line-in-hole', 'polygon-in-hole', 'multipolygon-outside']));
  });
  for (const { name, collection } of cases) {
    it(name, () => {
      expect(zoneMembership(byRole(collection, 'project'), byRole(collection, 'zone') as MultiPolygon)).toBe(false);
    });
  }
});
