/**
 * The data variants of `npm run bench:harden` (bench/harden.ts): the real projects with every
 * string and the file's vertex budget at the limits, and the real projects plus three over the
 * limits. Generated, never committed.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LIMITS, TEXT_LIMITS } from '../src/data/limits';

const ROOT = resolve(import.meta.dirname, '..');
type Json = Record<string, unknown>;

const real = JSON.parse(readFileSync(join(ROOT, 'data/projects.json'), 'utf8')) as { version: 1; projects: Json[] };

const fill = (seed: string, n: number) => (seed.length >= n ? seed.slice(0, n) : seed + '·'.repeat(n - seed.length));

export function atLimits(): { version: 1; projects: Json[] } {
  const lines = LIMITS.verticesTotal / LIMITS.verticesPerProject;
  const count = (c: unknown): number => (Array.isArray(c) ? (typeof c[0] === 'number' ? 1 : c.reduce((a: number, x) => a + count(x), 0)) : 0);
  const others = real.projects.slice(lines).reduce((a, p) => a + count((p.geometry as { coordinates?: unknown } | null)?.coordinates), 0);
  const perLine = Math.min(LIMITS.verticesPerProject, Math.floor((LIMITS.verticesTotal - others) / lines));
  const projects = real.projects.map((p0, i) => {
    const p = structuredClone(p0);
    p.name_zh = fill(String(p.name_zh), TEXT_LIMITS.short);
    p.name_en = fill(String(p.name_en), TEXT_LIMITS.short);
    p.aliases = Array.from({ length: LIMITS.aliases }, (_, k) => fill(`${String(p.name_en)} alias ${k}`, TEXT_LIMITS.short));
    for (const m of p.milestones as Json[]) {
      m.note_zh = fill(String(m.note_zh), TEXT_LIMITS.long);
      m.note_en = fill(String(m.note_en), TEXT_LIMITS.long);
      m.quote = fill(String(m.quote), TEXT_LIMITS.long);
    }
    for (const f of p.facts as Json[]) {
      f.label_en = fill(String(f.label_en), TEXT_LIMITS.short);
      if (typeof f.quote === 'string') f.quote = fill(f.quote, TEXT_LIMITS.long);
    }
    // The file's whole vertex budget in a few lines at (or just under) the per-project limit.
    if (i < lines) {
      const n = perLine;
      const lat = 30.3 + i * 0.05;
      p.geometry = { type: 'LineString', coordinates: Array.from({ length: n }, (_, k) => [Math.round((103.9 + (k / n) * 0.6) * 1e6) / 1e6, Math.round((lat + 0.01 * Math.sin(k / 50)) * 1e6) / 1e6]) };
      p.geometry_accuracy = 'approximate';
      delete p.stations;
    }
    return p;
  });
  return { version: 1, projects };
}

export function overLimits(): { version: 1; projects: Json[] } {
  const base = real.projects[0] as Json;
  const bigName = { ...structuredClone(base), id: 'hostile-big-name', name_en: 'x'.repeat(10 * 1024 * 1024) };
  const million = { ...structuredClone(base), id: 'hostile-million', geometry: { type: 'LineString', coordinates: Array.from({ length: 1_000_000 }, (_, k) => [104 + k * 1e-7, 30.5]) }, geometry_accuracy: 'approximate' };
  const hundredK = { ...structuredClone(base), id: 'hostile-100k', geometry: { type: 'LineString', coordinates: Array.from({ length: 100_000 }, (_, k) => [104 + k * 1e-6, 30.6]) }, geometry_accuracy: 'approximate' };
  return { version: 1, projects: [...structuredClone(real.projects), bigName, million, hundredK] };
}

