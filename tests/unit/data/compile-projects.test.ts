/**
 * The authored project files (data/projects/<id>.json) are the source of the data; the compiled
 * files are reproducible from them alone. Nothing here needs ../shared, except the verbatim-quote
 * comparison, which says so when it cannot run.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authoredProjectSchema } from '../../../src/data/authored-project-schema';
import { compileProject, compileProjects, runCompileProjects } from '../../../src/cli/compile-projects';
import { formatDataIssue } from '../../../src/data/parse-projects';
import type { Project } from '../../../src/domain/types';

const committed = JSON.parse(readFileSync('data/projects.json', 'utf8')) as { projects: Project[] };

function copyData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdmz-compile-'));
  cpSync('data', dir, { recursive: true });
  return dir;
}

function authored(id: string, dir = 'data'): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'projects', `${id}.json`), 'utf8')) as Record<string, unknown>;
}

describe('data:projects compiler', () => {
  it('the committed compiled files are exactly what the authored files compile to (--check)', () => {
    const r = runCompileProjects(['--check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);

  it('--check fails and names the compiled file when an authored file changed', () => {
    const dir = copyData();
    const file = join(dir, 'projects', 'ziyang-line.json');
    const p = authored('ziyang-line', dir) as { name_en: string };
    p.name_en += ' (edited)';
    writeFileSync(file, JSON.stringify(p, null, 2) + '\n');
    const r = runCompileProjects(['--check', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(dir, 'projects.json'));
    expect(r.stderr).toContain('run npm run data:projects');
  }, 60_000);

  it('--check fails when a compiled file was edited by hand', () => {
    const dir = copyData();
    writeFileSync(join(dir, 'atlas.csv'), readFileSync(join(dir, 'atlas.csv'), 'utf8').replace('ziyang-line', 'ziyang-linE'));
    const r = runCompileProjects(['--check', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(dir, 'atlas.csv'));
  }, 60_000);

  it('round-trips: every compiled project is its authored file compiled, observations and plans kept apart by kind', () => {
    const ids = readdirSync('data/projects').map((n) => n.replace(/\.json$/, '')).sort();
    expect(committed.projects.map((p) => p.id)).toEqual(ids);
    for (const p of committed.projects) {
      const a = authoredProjectSchema.parse(authored(p.id));
      expect(compileProject(a)).toEqual(p);
      expect(p.milestones.filter((m) => m.evidence === 'plan')).toHaveLength(a.plans.length);
      expect(p.milestones.filter((m) => m.evidence !== 'plan')).toHaveLength(a.observations.length);
      // sorted by date, so the app's validator accepts the file
      expect(p.milestones.map((m) => m.date)).toEqual([...p.milestones.map((m) => m.date)].sort());
    }
  });

  it('rejects a plan item with a status or progress, naming file, project and field', () => {
    const dir = copyData();
    const p = authored('ziyang-line', dir) as { plans: Record<string, unknown>[] };
    p.plans[0] = { ...p.plans[0], status: 'under-construction', progress: 100 };
    writeFileSync(join(dir, 'projects', 'ziyang-line.json'), JSON.stringify(p, null, 2) + '\n');
    const r = compileProjects(dir);
    expect(r.files).toBeNull();
    const lines = r.issues.map(formatDataIssue);
    const file = join(dir, 'projects', 'ziyang-line.json');
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ziyang-line: plans\\[0\\]\\.status: a plan or task carries only what it aims for`)));
    expect(lines.some((l) => l.includes('plans[0].progress: a plan or task carries only what it aims for'))).toBe(true);
    // nothing written
    expect(readFileSync(join(dir, 'projects.json'), 'utf8')).toBe(readFileSync('data/projects.json', 'utf8'));
  }, 60_000);

  it('rejects an observation without a status, a file whose id differs from its name, and an unknown source', () => {
    const dir = copyData();
    const p = authored('chengde-s11', dir) as { id: string; observations: Record<string, unknown>[] };
    delete p.observations[0]!.status;
    writeFileSync(join(dir, 'projects', 'chengde-s11.json'), JSON.stringify(p, null, 2) + '\n');
    const q = authored('chengmei-s5', dir) as { id: string; observations: Record<string, unknown>[] };
    q.observations[0]!.source = 'no-such-source';
    writeFileSync(join(dir, 'projects', 'chengmei-s5.json'), JSON.stringify(q, null, 2) + '\n');
    const w = authored('gule-road', dir) as { id: string };
    w.id = 'gule-road-2';
    writeFileSync(join(dir, 'projects', 'gule-road.json'), JSON.stringify(w, null, 2) + '\n');
    const lines = compileProjects(dir).issues.map(formatDataIssue);
    expect(lines.some((l) => l.includes('chengde-s11: observations[0].status'))).toBe(true);
    expect(lines.some((l) => l.includes('chengmei-s5') && l.includes('no-such-source'))).toBe(true);
    expect(lines.some((l) => l.includes('gule-road-2: id: must match the file name (gule-road.json)'))).toBe(true);
  }, 60_000);

  it('reads nothing outside its data folder (compiles from a copy elsewhere)', () => {
    const dir = copyData();
    const r = compileProjects(dir);
    expect(r.issues).toEqual([]);
    expect(r.files?.get('projects.json')).toBe(readFileSync('data/projects.json', 'utf8'));
  }, 60_000);
});

describe('quotes against the five source documents (../shared/seeds, optional reference)', () => {
  const seedsDir = '../shared/seeds';
  const present = existsSync(seedsDir);
  it.skipIf(!present)(`every seed quote appears verbatim in its seed document${present ? '' : ' — SKIPPED: ../shared/seeds is not present in this checkout'}`, () => {
    const seeds = new Map(readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).map((n) => [`seed-${n.slice(0, 3)}`, readFileSync(join(seedsDir, n), 'utf8')]));
    expect(seeds.size).toBe(5);
    const missing: string[] = [];
    let checked = 0;
    for (const p of committed.projects) {
      for (const item of [...p.milestones, ...p.facts, ...p.targets]) {
        const text = seeds.get(item.source);
        if (text === undefined) continue;
        checked++;
        if (!text.includes(item.quote)) missing.push(`${p.id}: ${item.source}: ${item.quote}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
