import { describe, expect, it } from 'vitest';
import {
  latestMilestoneDate,
  milestoneDateLabel,
  milestoneDates,
  projectStateOn,
  timelineDateRange,
} from '../../../src/domain/status-on-date';
import type { Milestone, Project, Status } from '../../../src/domain/types';

/** An observation with `status`, or (evidence `plan`) a plan item aiming for `status`. */
function m(date: string, status: Status, evidence: Milestone['evidence'], extra: Record<string, unknown> = {}): Milestone {
  const base = { date, note_zh: '说明', note_en: 'note', source: 'seed-x', quote: '原文', ...extra };
  return evidence === 'plan' ? { ...base, evidence, aims_for: status } : { progress: null, ...base, evidence, status };
}

function project(id: string, milestones: Milestone[]): Project {
  return {
    id,
    name_zh: id,
    name_en: id,
    aliases: [],
    category: 'road',
    cities: ['chengdu'],
    counties: [],
    facts: [],
    targets: [],
    milestones,
    geometry: null,
    geometry_accuracy: null,
  };
}

// 成资大道: started 2018-08 (month only), opened 2022-02-15, then a 2022-04-09 plan says "加快建设".
const chengziAvenue = project('chengzi-avenue', [
  m('2018-08-31', 'under-construction', 'public', { date_precision: 'month' }),
  m('2022-02-15', 'complete', 'public', { progress: 100 }),
  m('2022-04-09', 'under-construction', 'plan'),
]);

// Ziyang line: track laying 6.8 % on 2023-03-31 is a component, not overall progress.
const ziyangLine = project('ziyang-line', [
  m('2020-11-27', 'under-construction', 'public'),
  m('2022-04-09', 'under-construction', 'plan'),
  m('2023-03-31', 'under-construction', 'report', {
    components: [
      { name_zh: '轨道铺设', name_en: 'track laying', pct: 6.8 },
      { name_zh: '桥通', name_en: 'bridges', pct: 100 },
    ],
  }),
  m('2023-05-31', 'under-construction', 'public'),
  m('2024-09-29', 'complete', 'report', { progress: 100 }),
]);

describe('projectStateOn', () => {
  it('keeps 成资大道 open after a later plan says "speed up construction"', () => {
    const s = projectStateOn(chengziAvenue, '2022-04-30');
    expect(s.status).toBe('complete');
    expect(s.progress).toBe(100);
    expect(s.basis?.date).toBe('2022-02-15');
    expect(s.basis?.evidence).toBe('public');
  });

  it('shows the Ziyang line under construction on 2023-03-31 with component figures kept apart from progress', () => {
    const s = projectStateOn(ziyangLine, '2023-03-31');
    expect(s.status).toBe('under-construction');
    expect(s.progress).toBeNull();
    expect(s.components).toContainEqual({ name_zh: '轨道铺设', name_en: 'track laying', pct: 6.8 });
    expect(s.components_as_of).toBe('2023-03-31');
  });

  it('shows the Ziyang line complete on 2024-10-01', () => {
    const s = projectStateOn(ziyangLine, '2024-10-01');
    expect(s.status).toBe('complete');
    expect(s.progress).toBe(100);
    expect(s.components).toEqual([]);
  });

  it('drops component figures once a later observation is the basis', () => {
    const s = projectStateOn(ziyangLine, '2023-06-30');
    expect(s.basis?.date).toBe('2023-05-31');
    expect(s.components).toEqual([]);
    expect(s.components_as_of).toBeNull();
  });

  it('does not show a project before its first milestone', () => {
    const s = projectStateOn(ziyangLine, '2020-11-26');
    expect(s).toEqual({ status: null, progress: null, basis: null, components: [], components_as_of: null });
  });

  it('treats a month-only date as known at the end of that month', () => {
    expect(projectStateOn(chengziAvenue, '2018-08-15').status).toBeNull();
    expect(projectStateOn(chengziAvenue, '2018-08-31').status).toBe('under-construction');
  });

  it('shows a project as planned when only a plan mentions it', () => {
    const p = project('plan-only', [m('2022-04-09', 'planned', 'plan')]);
    expect(projectStateOn(p, '2022-04-08').status).toBeNull();
    const s = projectStateOn(p, '2022-04-09');
    expect(s.status).toBe('planned');
    expect(s.progress).toBeNull();
    expect(s.basis?.evidence).toBe('plan');
  });

  it('a plan item alone makes a project only "planned" (named in a plan), whatever it aims for, with no progress', () => {
    const p = project('plan-says-building', [m('2022-04-09', 'under-construction', 'plan')]);
    const s = projectStateOn(p, '2023-01-01');
    expect(s.status).toBe('planned');
    expect(s.progress).toBeNull();
    expect(s.basis?.evidence).toBe('plan');
    expect(projectStateOn(p, '2022-04-08').status).toBeNull();
  });

  it('a plan item with no aim (operation, management, a role) establishes nothing', () => {
    const p = project('plan-about-operation', [{ date: '2022-04-09', evidence: 'plan', note_zh: '说明', note_en: 'note', source: 'seed-x', quote: '原文' }]);
    expect(projectStateOn(p, '2023-01-01').status).toBeNull();
    expect(projectStateOn(p, '2023-01-01').basis).toBeNull();
  });

  it('never lets a plan override an observation, even a later plan with a higher stage', () => {
    const p = project('observed-then-plan', [m('2023-03-31', 'preparatory', 'report'), m('2024-01-25', 'under-construction', 'plan')]);
    const s = projectStateOn(p, '2024-06-01');
    expect(s.status).toBe('preparatory');
    expect(s.basis?.date).toBe('2023-03-31');
  });

  it('keeps the first plan item as the basis while nothing is observed, and an observation replaces it', () => {
    const p = project('two-plans', [m('2022-04-09', 'preparatory', 'plan'), m('2024-01-25', 'complete', 'plan'), m('2024-05-01', 'under-construction', 'public')]);
    expect(projectStateOn(p, '2024-02-01')).toMatchObject({ status: 'planned', basis: { date: '2022-04-09' } });
    expect(projectStateOn(p, '2024-06-01')).toMatchObject({ status: 'under-construction', basis: { date: '2024-05-01' } });
  });

  it('takes the latest observation on or before the date, with its own progress', () => {
    const p = project('gas-power', [
      m('2022-07-31', 'under-construction', 'public', { date_precision: 'month' }),
      m('2023-03-31', 'under-construction', 'report', { progress: 40 }),
      m('2024-06-30', 'partly-open', 'public', { date_precision: 'month' }),
    ]);
    expect(projectStateOn(p, '2023-03-30').progress).toBeNull();
    expect(projectStateOn(p, '2023-03-31').progress).toBe(40);
    const s = projectStateOn(p, '2024-07-01');
    expect(s.status).toBe('partly-open');
    expect(s.progress).toBeNull();
  });
});

describe('timeline helpers', () => {
  const projects = [chengziAvenue, ziyangLine];

  it('lists distinct milestone dates in order', () => {
    expect(milestoneDates(projects)).toEqual(['2018-08-31', '2020-11-27', '2022-02-15', '2022-04-09', '2023-03-31', '2023-05-31', '2024-09-29']);
  });

  it('gives the date range and the latest date', () => {
    expect(timelineDateRange(projects)).toEqual({ start: '2018-08-31', end: '2024-09-29' });
    expect(latestMilestoneDate(projects)).toBe('2024-09-29');
    expect(timelineDateRange([])).toBeNull();
    expect(latestMilestoneDate([])).toBeNull();
  });

  it('labels month- and year-only dates as the source gives them', () => {
    expect(milestoneDateLabel({ date: '2018-08-31', date_precision: 'month' })).toBe('2018-08');
    expect(milestoneDateLabel({ date: '2015-12-31', date_precision: 'year' })).toBe('2015');
    expect(milestoneDateLabel({ date: '2022-02-15' })).toBe('2022-02-15');
  });
});
