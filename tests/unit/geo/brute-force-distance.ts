import geodesicLib from 'geographiclib-geodesic';
import type { Position } from 'geojson';

const { Geodesic } = geodesicLib;

/** Exact WGS-84 geodesic distance (GeographicLib, Karney) in km: the independent reference. */
export function referenceKm(a: Position, b: Position): number {
  const r = Geodesic.WGS84.Inverse(a[1] as number, a[0] as number, b[1] as number, b[0] as number);
  return (r.s12 as number) / 1000;
}

/** Points every `stepKm` (roughly) along each segment, in the lon/lat plane like GeoJSON. */
export function samplePolyline(lines: Position[][], stepKm: number): Position[] {
  const out: Position[] = [];
  for (const line of lines) {
    for (let i = 0; i + 1 < line.length; i++) {
      const a = line[i] as Position;
      const b = line[i + 1] as Position;
      const n = Math.max(1, Math.ceil(referenceKm(a, b) / stepKm));
      for (let k = 0; k <= n; k++) {
        const t = k / n;
        out.push([(a[0] as number) + ((b[0] as number) - (a[0] as number)) * t, (a[1] as number) + ((b[1] as number) - (a[1] as number)) * t]);
      }
    }
    if (line.length === 1) out.push(line[0] as Position);
  }
  return out;
}

/**
 * Brute-force minimum distance between two polylines: sample both every `coarseKm`, then
 * re-sample every `fineKm` within `windowKm` of the best coarse pair. Independent of the code
 * under test (no projection, no vertex/segment logic); an upper bound of the true minimum that
 * is within about `fineKm` of it.
 */
export function bruteForceMinKm(a: Position[][], b: Position[][], coarseKm = 0.5, fineKm = 0.01, windowKm = 1.5): number {
  const sa = samplePolyline(a, coarseKm);
  const sb = samplePolyline(b, coarseKm);
  let best = Infinity;
  let pa = sa[0] as Position;
  let pb = sb[0] as Position;
  for (const p of sa) {
    for (const q of sb) {
      const d = referenceKm(p, q);
      if (d < best) {
        best = d;
        pa = p;
        pb = q;
      }
    }
  }
  const near = (pts: Position[], c: Position) => pts.filter((p) => referenceKm(p, c) <= windowKm);
  const fa = near(samplePolyline(a, fineKm), pa);
  const fb = near(samplePolyline(b, fineKm), pb);
  for (const p of fa) for (const q of fb) best = Math.min(best, referenceKm(p, q));
  return best;
}
