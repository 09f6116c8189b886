/**
 * Benchmark: analyse 10,000 synthetic projects (points, lines, polygons spread over the
 * region, seeded PRNG) against every corridor and junction zone of `data/`, in Node, with the
 * same `analyzeProjects` the app and the CLI use. Prints median/min/max over several runs.
 *
 *   npx tsx bench/analyze.ts            (standalone)
 *   import { benchAnalyze } from './analyze'  (from bench/run.ts)
 *
 * Not a test: nothing asserts a time.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Geometry, Position } from 'geojson';
import type { Project } from '../src/domain/types';
import { analyzeProjects } from '../src/data/analyze-projects';
import { parseCorridors } from '../src/data/parse-corridors';
import { parseZones } from '../src/data/parse-zones';

/** Park–Miller PRNG: the same synthetic set on every run. */
function prng(seed: number): () => number {
  let s = seed % 2147483647;
  if (s <= 0) s += 2147483646;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

/** Region extent of the four cities (lon/lat). */
const EXTENT = { w: 102.9, s: 29.4, e: 105.6, n: 31.6 };

/**
 * `count` synthetic projects: a third points, a third lines (2–30 vertices, up to ~40 km), a
 * third polygons (6–40 vertices, 1–10 km across, some with a hole), seeded.
 */
export function syntheticProjects(count: number, seed = 20261122): Project[] {
  const rnd = prng(seed);
  const at = (): Position => [EXTENT.w + rnd() * (EXTENT.e - EXTENT.w), EXTENT.s + rnd() * (EXTENT.n - EXTENT.s)];
  const out: Project[] = [];
  for (let i = 0; i < count; i++) {
    const c = at();
    let geometry: Geometry;
    const kind = i % 3;
    if (kind === 0) geometry = { type: 'Point', coordinates: c };
    else if (kind === 1) {
      const n = 2 + Math.floor(rnd() * 29);
      const coords: Position[] = [c];
      for (let k = 1; k < n; k++) {
        const p = coords[k - 1] as Position;
        coords.push([(p[0] as number) + (rnd() - 0.5) * 0.04, (p[1] as number) + (rnd() - 0.5) * 0.04]);
      }
      geometry = { type: 'LineString', coordinates: coords };
    } else {
      const n = 6 + Math.floor(rnd() * 35);
      const r = 0.005 + rnd() * 0.045;
      const ring = (scale: number): Position[] => {
        const pts: Position[] = [];
        for (let k = 0; k < n; k++) {
          const a = (2 * Math.PI * k) / n;
          const rr = r * scale * (0.7 + 0.3 * rnd());
          pts.push([(c[0] as number) + rr * Math.cos(a), (c[1] as number) + rr * Math.sin(a)]);
        }
        pts.push(pts[0] as Position);
        return pts;
      };
      geometry = { type: 'Polygon', coordinates: rnd() < 0.2 ? [ring(1), ring(0.3).reverse()] : [ring(1)] };
    }
    out.push({
      id: `synthetic-${i}`,
      name_zh: `合成项目${i}`,
      name_en: `Synthetic ${i}`,
      aliases: [],
      category: 'road',
      cities: [],
      counties: [],
      facts: [],
      targets: [],
      milestones: [],
      geometry,
      geometry_accuracy: 'schematic',
    });
  }
  return out;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export interface AnalyzeBenchResult {
  name: 'analyze-10k';
  projects: number;
  corridors: number;
  zones: number;
  runs: number;
  /** Wall-clock median (ms). */
  medianMs: number;
  /** CPU time (user + system) median (ms): what the run costs when the machine is shared. */
  medianCpuMs: number;
  /** 1-minute load average at the end: wall times mean little when it exceeds the 2 cores. */
  loadAverage1m: number;
  minMs: number;
  maxMs: number;
  /** Geometry mix of the synthetic set. */
  mix: { points: number; lines: number; polygons: number; vertices: number };
}

/**
 * Times `analyzeProjects` on 10,000 synthetic projects against the corridors and zones of
 * `dataDir` (default: the repository's data/). One warm-up run, then `runs` timed runs.
 */
export async function benchAnalyze(opts: { runs?: number; count?: number; dataDir?: string } = {}): Promise<AnalyzeBenchResult> {
  const runs = opts.runs ?? 7;
  const count = opts.count ?? 10_000;
  const dataDir = opts.dataDir ?? resolve(import.meta.dirname, '../data');
  const read = (name: string): unknown => JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
  const corridors = parseCorridors(read('corridors.geojson'));
  const zones = parseZones(read('zones.json'), read('zones.geojson'));
  if (!corridors.ok) throw new Error(corridors.error.message);
  if (!zones.ok) throw new Error(zones.error.message);
  const projects = syntheticProjects(count);
  const mix = { points: 0, lines: 0, polygons: 0, vertices: 0 };
  for (const p of projects) {
    const g = p.geometry;
    if (g?.type === 'Point') {
      mix.points++;
      mix.vertices++;
    } else if (g?.type === 'LineString') {
      mix.lines++;
      mix.vertices += g.coordinates.length;
    } else if (g?.type === 'Polygon') {
      mix.polygons++;
      mix.vertices += g.coordinates.reduce((n, r) => n + r.length, 0);
    }
  }
  analyzeProjects(structuredClone(projects.slice(0, 500)), corridors.value, zones.value); // warm-up (JIT)
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    // Fresh geometry objects every run: the geo functions cache per object, and a real load
    // meets every geometry for the first time.
    const fresh = structuredClone(projects);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = analyzeProjects(fresh, corridors.value, zones.value);
    times.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    if (result.size !== count) throw new Error('analysis lost projects');
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    name: 'analyze-10k',
    projects: count,
    corridors: corridors.value.length,
    zones: zones.value.length,
    runs,
    medianMs: Math.round(median(times)),
    medianCpuMs: Math.round(median(cpuTimes)),
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    minMs: Math.round(sorted[0] as number),
    maxMs: Math.round(sorted[sorted.length - 1] as number),
    mix,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchAnalyze();
  console.log(
    `analyze: ${r.projects} synthetic projects (${r.mix.points} points, ${r.mix.lines} lines, ${r.mix.polygons} polygons, ${r.mix.vertices} vertices) × ${r.corridors} corridors + ${r.zones} zones`,
  );
  console.log(`analyze: median ${r.medianMs} ms, min ${r.minMs} ms, max ${r.maxMs} ms wall over ${r.runs} runs (target < 2000 ms); median CPU ${r.medianCpuMs} ms; load average ${r.loadAverage1m}`);
}
