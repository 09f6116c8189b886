import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dayNumber, firstStaleDay, isoOfDay, stateIntervals, stateOn } from '../../../src/domain/state-intervals';
import { projectStateOn } from '../../../src/domain/status-on-date';
import type { Milestone, Project, Status } from '../../../src/domain/types';

function milestone(date: string, evidence: Milestone['evidence'], status: Status, progress: number | null = null): Milestone {
  const base = { date, note_zh: 'x', note_en: 'x', source: 's', quote: 'q' };
  return evidence === 'plan' ? { ...base, evidence, aims_for: status } : { ...base, evidence, status, progress };
}
function project(milestones: Milestone[]): Project {
  return {
    id: 'p', name_zh: 'p', name_en: 'p', aliases: [], category: 'road', cities: ['chengdu'], counties: [],
    facts: [], targets: [], milestones, geometry: null, geometry_accuracy: null,
  };
}

describe('day numbers', () => {
  it('round-trips ISO dates', () => {
    for (const d of ['1970-01-01', '2020-02-29', '2024-12-31', '2026-12-06']) expect(isoOfDay(dayNumber(d))).toBe(d);
    expect(dayNumber('1970-01-02')).toBe(1);
  });
  it('a status turns stale the day after the same day twelve months later, clamped to month end', () => {
    expect(isoOfDay(firstStaleDay('2023-05-31'))).toBe('2024-06-01');
    expect(isoOfDay(firstStaleDay('2024-02-29'))).toBe('2025-03-01');
    expect(isoOfDay(firstStaleDay('2023-12-15'))).toBe('2024-12-16');
  });
});

describe('stateOn', () => {
  const p = project([
    milestone('2021-03-01', 'plan', 'planned'),
    milestone('2022-06-30', 'report', 'under-construction', 40),
    milestone('2023-01-10', 'plan', 'complete'),
    milestone('2024-02-01', 'public', 'partly-open'),
  ]);
  it('carries last_observed and stale', () => {
    expect(stateOn(p, '2020-01-01')).toMatchObject({ status: null, last_observed: null, stale: false });
    expect(stateOn(p, '2021-06-01')).toMatchObject({ status: 'planned', last_observed: null, stale: false });
    expect(stateOn(p, '2023-06-30')).toMatchObject({ status: 'under-construction', last_observed: '2022-06-30', stale: false });
    expect(stateOn(p, '2023-07-01')).toMatchObject({ status: 'under-construction', last_observed: '2022-06-30', stale: true });
    expect(stateOn(p, '2024-02-01')).toMatchObject({ status: 'partly-open', last_observed: '2024-02-01', stale: false });
    expect(stateOn(p, '2026-12-06')).toMatchObject({ status: 'partly-open', stale: true });
  });
  it('agrees with projectStateOn on every day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('2019-01-01'), max: dayNumber('2027-01-01') }), (day) => {
        const date = isoOfDay(day);
        const a = stateOn(p, date);
        const b = projectStateOn(p, date);
        expect([a.status, a.progress, a.basis]).toEqual([b.status, b.progress, b.basis]);
      }),
    );
  });
  it('intervals are contiguous and cover every day', () => {
    const iv = stateIntervals(p);
    expect(iv[0]?.from).toBe(-Infinity);
    expect(iv[iv.length - 1]?.to).toBe(Infinity);
    for (let i = 1; i < iv.length; i++) expect(iv[i]?.from).toBe(iv[i - 1]?.to);
  });
  it('agrees with projectStateOn for every committed project on sampled days', () => {
    const data = JSON.parse(readFileSync('data/projects.json', 'utf8')) as { projects: Project[] };
    for (const proj of data.projects) {
      for (let day = dayNumber('2020-01-01'); day < dayNumber('2027-01-01'); day += 13) {
        const date = isoOfDay(day);
        expect(stateOn(proj, date).status).toBe(projectStateOn(proj, date).status);
      }
    }
  });
});
