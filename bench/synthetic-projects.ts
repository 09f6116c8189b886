/**
 * 10,000 synthetic projects for the benchmark, made from the real ones: each copy gets a new
 * kebab-case id and name suffix and its geometry (and stations) moved by a small deterministic
 * offset, so the map draws 10,000 distinct features. Copies keep their source ids (they resolve
 * against data/sources.json). A copy whose moved geometry would leave the region falls back to
 * the original position, so every project passes the app's validator — checked by the caller.
 */
export interface ProjectsFile {
  version: 1;
  projects: Record<string, unknown>[];
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shiftCoords(c: unknown, dLon: number, dLat: number): unknown {
  if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
    const out = [...(c as number[])];
    out[0] = Math.round(((c[0] as number) + dLon) * 1e6) / 1e6;
    out[1] = Math.round(((c[1] as number) + dLat) * 1e6) / 1e6;
    return out;
  }
  return Array.isArray(c) ? c.map((x) => shiftCoords(x, dLon, dLat)) : c;
}

/** One copy of `p`, moved by (dLon, dLat) degrees. */
export function shiftedCopy(p: Record<string, unknown>, n: number, dLon: number, dLat: number): Record<string, unknown> {
  const copy = structuredClone(p);
  copy.id = `${String(p.id)}-s${String(n).padStart(5, '0')}`;
  copy.name_zh = `${String(p.name_zh)} #${n}`;
  copy.name_en = `${String(p.name_en)} #${n}`;
  const geom = copy.geometry as { coordinates?: unknown } | null;
  if (geom && geom.coordinates !== undefined) geom.coordinates = shiftCoords(geom.coordinates, dLon, dLat);
  if (Array.isArray(copy.stations)) {
    for (const s of copy.stations as { coord: unknown }[]) s.coord = shiftCoords(s.coord, dLon, dLat);
  }
  return copy;
}

/**
 * `count` projects cycled from `real`, moved by up to ±`maxShiftDeg`.
 * @param invalidIds validates a whole file and returns the ids it rejects; those copies are
 *   put back at the original position (one validation pass, not one per project)
 */
export function syntheticProjects(
  real: ProjectsFile,
  count: number,
  invalidIds: (file: ProjectsFile) => Set<string>,
  maxShiftDeg = 0.05,
): { file: ProjectsFile; shifted: number } {
  const rnd = random(20261122);
  const projects: Record<string, unknown>[] = [];
  for (let n = 0; n < count; n++) {
    const base = real.projects[n % real.projects.length];
    if (!base) throw new Error('syntheticProjects: the real projects file is empty');
    projects.push(shiftedCopy(base, n, (rnd() * 2 - 1) * maxShiftDeg, (rnd() * 2 - 1) * maxShiftDeg));
  }
  const bad = invalidIds({ version: 1, projects });
  let shifted = count;
  projects.forEach((p, n) => {
    if (!bad.has(String(p.id))) return;
    const base = real.projects[n % real.projects.length] as Record<string, unknown>;
    projects[n] = shiftedCopy(base, n, 0, 0);
    shifted--;
  });
  return { file: { version: 1, projects }, shifted };
}
