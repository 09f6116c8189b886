import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fieldPath, formatDataIssue, validateProjectsFile } from '../../../src/data/parse-projects';
import { parseSources } from '../../../src/data/parse-sources';
import { polygonRegionCheck } from '../../../src/data/project-region-check';

const read = (name: string): unknown => JSON.parse(readFileSync(`tests/fixtures/data/${name}`, 'utf8'));

describe('validateProjectsFile', () => {
  const sources = parseSources(read('valid.sources.json'));
  if (!sources.ok) throw new Error('fixture sources must be valid');

  it('drops a bad project with a warning naming it and keeps the valid rest', () => {
    const r = validateProjectsFile(read('progress-over-100.projects.json'), sources.value);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((p) => p.id)).toEqual(['fx-point']);
    expect(r.warnings.map(formatDataIssue)).toEqual(['data/projects.json: fx-line: milestones[1].progress: must be ≤ 100']);
  });

  it('lists several problems of one project at once', () => {
    const raw = read('valid.projects.json') as { projects: Record<string, unknown>[] };
    const bad = structuredClone(raw);
    const line = bad.projects[0] as { milestones: Record<string, unknown>[]; category: string };
    line.category = 'tram';
    (line.milestones[0] as Record<string, unknown>).status = 'opened';
    (line.milestones[1] as Record<string, unknown>).source = 'nowhere';
    const r = validateProjectsFile(bad, sources.value);
    expect(r.ok && r.warnings.map(formatDataIssue)).toEqual([
      'data/projects.json: fx-line: category: must be one of rail, road, water, ecology, energy, industry, public-service, hub, platform',
      'data/projects.json: fx-line: milestones[0].status: must be one of planned, preparatory, under-construction, partly-open, complete',
      'data/projects.json: fx-line: milestones[1].source: unknown source id "nowhere" (not among the valid sources)',
    ]);
  });

  it('returns an error, not warnings, for a file that is not a projects file', () => {
    const r = validateProjectsFile({ projects: 'none' }, sources.value);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatDataIssue(r.error)).toMatch(/^data\/projects\.json: not a projects file/);
  });

  it('checks positions against city outlines when given', () => {
    const region = polygonRegionCheck(read('region-square.geojson') as FeatureCollection<Polygon | MultiPolygon>);
    const r = validateProjectsFile(read('valid.projects.json'), sources.value, region);
    expect(r.ok && r.warnings.map(formatDataIssue)).toEqual([
      'data/projects.json: fx-line: geometry.coordinates[0]: [104.384855, 30.280774] lies 11.1 km outside the four cities',
      'data/projects.json: fx-point: geometry.coordinates: [104.44258, 30.315366] lies 5.8 km outside the four cities',
    ]);
  });
});

describe('fieldPath', () => {
  it('writes zod paths the way the messages show them', () => {
    expect(fieldPath(['milestones', 3, 'progress'])).toBe('milestones[3].progress');
    expect(fieldPath(['geometry', 'coordinates', 0, 1])).toBe('geometry.coordinates[0][1]');
    expect(fieldPath([])).toBe('');
  });
});
