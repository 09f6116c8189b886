/**
 * The committed data (data/projects.json, data/sources.json) passes validation, and the states on
 * the seed documents' own dates are what those documents say. When the fact base (../shared) is
 * present, the seed quotes are also checked against the seed texts.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { checkDataFiles } from '../../../src/cli/check-data';
import { formatDataIssue } from '../../../src/data/parse-projects';
import { projectStateOn } from '../../../src/domain/status-on-date';
import type { Project, Source } from '../../../src/domain/types';

const projects = (JSON.parse(readFileSync('data/projects.json', 'utf8')) as { projects: Project[] }).projects;
const sources = (JSON.parse(readFileSync('data/sources.json', 'utf8')) as { sources: Source[] }).sources;
const byId = new Map(projects.map((p) => [p.id, p]));

function get(id: string): Project {
  const p = byId.get(id);
  if (!p) throw new Error(`no project ${id}`);
  return p;
}

describe('committed data', () => {
  it('passes npm run data:check with no problem', () => {
    const report = checkDataFiles();
    expect(report.issues.map(formatDataIssue)).toEqual([]);
    expect(report.summary).toContain('data/projects.json: 75 valid projects');
  });

  it('lists the five seed documents first', () => {
    expect(sources.slice(0, 5).map((s) => [s.id, s.kind, s.date])).toEqual([
      ['seed-000', 'seed', '2023-04-26'],
      ['seed-001', 'seed', '2022-04-09'],
      ['seed-002', 'seed', '2021-04-15'],
      ['seed-003', 'seed', '2024-01-25'],
      ['seed-004', 'seed', '2024-09-30'],
    ]);
    expect(sources.slice(5).every((s) => s.kind === 'public' && s.url !== null)).toBe(true);
  });

  it('draws the Ziyang line within 5 % of its official 38.7 km, with its 7 stations in order', () => {
    const line = get('ziyang-line');
    expect(line.geometry_accuracy).toBe('surveyed');
    expect(line.geometry?.type).toBe('LineString');
    const km = turf.length(turf.feature(line.geometry!), { units: 'kilometers' });
    expect(Math.abs(km - 38.7) / 38.7).toBeLessThan(0.05);
    expect(line.stations?.map((s) => s.name_zh)).toEqual(['福田站', '芦葭站', '资阳临空站', '幸福大道站', '苌弘广场站', '宝台站', '资阳北站']);
    expect(line.stations?.filter((s) => !s.opened).map((s) => s.id)).toEqual(['zyl-02-lujia']);
    // Each opened station lies on the drawn track (within 100 m).
    for (const s of line.stations ?? []) {
      if (!s.opened) continue;
      const offKm = turf.pointToLineDistance(turf.point(s.coord), turf.feature(line.geometry as GeoJSON.LineString), { units: 'kilometers' });
      expect(offKm, s.id).toBeLessThan(0.1);
    }
  });

  it('keeps projects without a published location off the map, never at a made-up spot', () => {
    const unplaced = ['luojian-road', 'gule-road', 'guazhuo-road', 'zhenxing-equipment-park', 'ziwei-avenue', 'chengyu-chengyi-link', 'chengzi-innovation-center'];
    for (const id of unplaced) {
      expect(get(id).geometry, id).toBeNull();
      expect(get(id).geometry_accuracy, id).toBeNull();
    }
    expect(projects.filter((p) => p.geometry === null)).toHaveLength(22);
    // The 高寺镇 estimate falls in the wrong county: nothing rests on it alone.
    expect(get('fanggao-road').geometry).toBeNull();
    expect(get('gaosi-yanghua-circular-park').geometry).toBeNull();
  });

  it.each([
    // seed 002: the 2021-04-14 scorecard
    ['2021-04-14', 'ziyang-line', 'under-construction', null],
    ['2021-04-14', 'chengde-s11', 'preparatory', null],
    ['2021-04-14', 'luojian-road', 'complete', 100],
    ['2021-04-14', 'pihe-water-supply-phase1', 'under-construction', null],
    // seed 001: a plan; 成资大道 had opened on 2022-02-15 and stays open
    ['2022-04-09', 'chengzi-avenue', 'complete', 100],
    ['2022-04-09', 'ziwei-avenue', 'planned', null],
    // seed 000: Q1 2023
    ['2023-03-31', 'ziyang-line', 'under-construction', null],
    ['2023-03-31', 'ziyang-gas-power-station', 'under-construction', 40],
    ['2023-03-31', 'konggang-avenue', 'partly-open', null],
    ['2023-03-31', 'chengzi-airport-avenue', 'planned', null],
    ['2023-03-31', 'lezhi-enclave-park', 'planned', null],
    // seed 003: the 2023 review
    ['2023-12-31', 'chengziyi-hsr', 'complete', 100],
    ['2023-12-31', 'chengzi-innovation-center', 'complete', 100],
    ['2023-12-31', 'chengdawan-hsr', 'under-construction', null],
    // seed 004: the Ziyang line opened on 2024-09-29
    ['2024-09-29', 'ziyang-line', 'complete', 100],
    ['2024-10-01', 'ziyang-line', 'complete', 100],
  ] as const)('on %s %s is %s (progress %s)', (date, id, status, progress) => {
    const s = projectStateOn(get(id), date);
    expect(s.status).toBe(status);
    expect(s.progress).toBe(progress);
  });

  it('shows track laying 6.8 % as a component, not as progress, on 2023-03-31', () => {
    const s = projectStateOn(get('ziyang-line'), '2023-03-31');
    expect(s.components.find((c) => c.name_en === 'track laying')?.pct).toBe(6.8);
    expect(s.progress).toBeNull();
  });

  it('keeps seed quotes exact (checked against ../shared/seeds when present)', () => {
    const files: Record<string, string> = {
      'seed-000': '000_208ea4899523fd6b.txt',
      'seed-001': '001_9800b5277520653e.txt',
      'seed-002': '002_8e83bcd4e52cb47e.txt',
      'seed-003': '003_4a876706706d767d.txt',
      'seed-004': '004_c0f15851194966b7.txt',
    };
    const quoted = projects.flatMap((p) => [...p.milestones, ...p.facts, ...p.targets].filter((q) => q.source in files && q.quote));
    expect(quoted.length).toBeGreaterThan(60);
    expect(get('ziyang-line').facts.find((f) => f.key === 'length_km')?.quote).toBe('資陽線起于成都軌道交通18號線福田站,止于資陽北站,全長38.7公里');
    const dir = '../shared/seeds';
    if (!existsSync(dir)) return;
    for (const q of quoted) {
      const text = readFileSync(`${dir}/${files[q.source] ?? ''}`, 'utf8');
      expect(text.includes(q.quote ?? ''), q.quote).toBe(true);
    }
  });
});
