/**
 * Splits a line at a share of its length, so the map can draw the done share solid and the
 * rest faded (MapLibre cannot vary `line-gradient` per feature).
 *
 * Lengths are geodesic (Turf `length`/`lineSliceAlong`, haversine). A MultiLineString is
 * treated as its parts in order: the done share fills them one after another.
 */
import { length as turfLength } from '@turf/length';
import { lineSliceAlong } from '@turf/line-slice-along';
import { lineString } from '@turf/helpers';
import type { LineString, MultiLineString, Position } from 'geojson';

export interface LineSplit {
  /** Part from the start up to `progressPct` of the length (null when progress is 0). */
  done: MultiLineString | null;
  /** Part after it (null when progress is 100). */
  rest: MultiLineString | null;
}

/**
 * @param line LineString or MultiLineString (WGS-84)
 * @param progressPct 0–100; values outside are clamped
 * @example splitLineAtProgress(line, 40) // done = first 40 % of the length, rest = the other 60 %
 */
export function splitLineAtProgress(line: LineString | MultiLineString, progressPct: number): LineSplit {
  const pct = Math.min(100, Math.max(0, progressPct));
  const parts: Position[][] = line.type === 'LineString' ? [line.coordinates] : line.coordinates;
  const lengthsKm = parts.map((p) => (p.length >= 2 ? turfLength(lineString(p)) : 0));
  const totalKm = lengthsKm.reduce((a, b) => a + b, 0);
  if (pct <= 0 || totalKm === 0) return { done: null, rest: { type: 'MultiLineString', coordinates: parts } };
  if (pct >= 100) return { done: { type: 'MultiLineString', coordinates: parts }, rest: null };

  let remainingKm = (totalKm * pct) / 100;
  const done: Position[][] = [];
  const rest: Position[][] = [];
  parts.forEach((coords, i) => {
    const partKm = lengthsKm[i] ?? 0;
    if (remainingKm <= 0) rest.push(coords);
    else if (remainingKm >= partKm) {
      done.push(coords);
      remainingKm -= partKm;
    } else {
      const ls = lineString(coords);
      done.push(lineSliceAlong(ls, 0, remainingKm).geometry.coordinates);
      rest.push(lineSliceAlong(ls, remainingKm, partKm).geometry.coordinates);
      remainingKm = 0;
    }
  });
  return {
    done: done.length ? { type: 'MultiLineString', coordinates: done } : null,
    rest: rest.length ? { type: 'MultiLineString', coordinates: rest } : null,
  };
}
