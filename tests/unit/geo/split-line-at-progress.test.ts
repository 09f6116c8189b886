import { describe, expect, it } from 'vitest';
import { length } from '@turf/length';
import { lineString, multiLineString } from '@turf/helpers';
import type { LineString, MultiLineString } from 'geojson';
import { splitLineAtProgress } from '../../../src/geo/split-line-at-progress';

const km = (g: MultiLineString | null) => (g ? length(multiLineString(g.coordinates)) : 0);
const close = (a: number, b: number, rel = 1e-6) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

describe('splitLineAtProgress', () => {
  const line: LineString = { type: 'LineString', coordinates: [[104.0, 30.0], [104.1, 30.05], [104.3, 30.05], [104.35, 30.2]] };
  const totalKm = length(lineString(line.coordinates));

  for (const pct of [6.8, 25, 50, 93.2]) {
    it(`puts ${pct} % of the length in the done part and the rest after it`, () => {
      const { done, rest } = splitLineAtProgress(line, pct);
      close(km(done), (totalKm * pct) / 100);
      close(km(done) + km(rest), totalKm);
      // The parts meet: done ends where rest starts.
      expect(done?.coordinates.at(-1)?.at(-1)).toEqual(rest?.coordinates[0]?.[0]);
    });
  }

  it('0 % is all rest, 100 % all done; out-of-range values clamp', () => {
    expect(splitLineAtProgress(line, 0).done).toBeNull();
    expect(splitLineAtProgress(line, -5).done).toBeNull();
    expect(splitLineAtProgress(line, 100).rest).toBeNull();
    expect(splitLineAtProgress(line, 140).rest).toBeNull();
  });

  it('fills the parts of a MultiLineString in order', () => {
    const multi: MultiLineString = { type: 'MultiLineString', coordinates: [[[104, 30], [104.1, 30]], [[104.2, 30], [104.3, 30]]] };
    const { done, rest } = splitLineAtProgress(multi, 75);
    expect(done?.coordinates.length).toBe(2);
    expect(rest?.coordinates.length).toBe(1);
    close(km(done), km(rest) * 3, 1e-6);
  });
});
