/**
 * Status and progress of a project on a date, derived from its milestones (never stored).
 *
 * Rules (issue 3, facts README):
 * - the state is the latest OBSERVATION (`report` or `public`) on or before the date;
 * - a `plan` statement is not an observation: it never moves a status backwards and never
 *   overrides an observation; it may only establish `planned` / `preparatory` while nothing
 *   was observed yet (a plan that says "加快建设…" is capped at `preparatory`);
 * - before the first milestone (and with no plan) the project is not shown as existing: null;
 * - progress is the basis milestone's own overall progress (null if none; never taken from a plan);
 * - components (e.g. track laying 6.8 %) are the component figures of the basis observation,
 *   kept apart from progress; a later observation supersedes them (so a figure of March is not
 *   shown beside a December report that says all short rails are laid).
 */
import type { ComponentProgress, IsoDate, Milestone, Project, ProjectState, Status } from './types';
import { STATUSES } from './types';

const PLAN_CAP: Status = 'preparatory';

function rank(status: Status): number {
  return STATUSES.indexOf(status);
}

function isObservation(m: Milestone): boolean {
  return m.evidence !== 'plan';
}

/**
 * The state of `project` on `asOfDate` (`YYYY-MM-DD`).
 *
 * @example projectStateOn(ziyangLine, '2023-03-31')
 *   // → { status: 'under-construction', progress: null, components: [track laying 6.8 %, …], … }
 */
export function projectStateOn(project: Project, asOfDate: IsoDate): ProjectState {
  let observed: Milestone | null = null;
  let plan: Milestone | null = null;

  // Milestones are sorted ascending by the data contract; ties keep file order (the later wins).
  for (const m of project.milestones) {
    if (m.date > asOfDate) break;
    if (isObservation(m)) {
      observed = m;
    } else if (plan === null || rank(cappedPlanStatus(m)) >= rank(cappedPlanStatus(plan))) {
      plan = m;
    }
  }

  if (observed !== null) {
    const components: ComponentProgress[] = observed.components ?? [];
    return {
      status: observed.status,
      progress: observed.progress,
      basis: observed,
      components,
      components_as_of: components.length > 0 ? observed.date : null,
    };
  }
  if (plan !== null) {
    return { status: cappedPlanStatus(plan), progress: null, basis: plan, components: [], components_as_of: null };
  }
  return { status: null, progress: null, basis: null, components: [], components_as_of: null };
}

/** What a plan statement may establish on its own: its status, at most `preparatory`. */
function cappedPlanStatus(m: Milestone): Status {
  return rank(m.status) > rank(PLAN_CAP) ? PLAN_CAP : m.status;
}

/** All distinct milestone dates of all projects, ascending (ticks for the date slider). */
export function milestoneDates(projects: readonly Project[]): IsoDate[] {
  const dates = new Set<IsoDate>();
  for (const p of projects) for (const m of p.milestones) dates.add(m.date);
  return [...dates].sort();
}

/** First and last milestone date over all projects; null when there are no milestones. */
export function timelineDateRange(projects: readonly Project[]): { start: IsoDate; end: IsoDate } | null {
  const dates = milestoneDates(projects);
  const start = dates[0];
  const end = dates[dates.length - 1];
  return start !== undefined && end !== undefined ? { start, end } : null;
}

/** The latest milestone date over all projects (the default as-of date); null when there is none. */
export function latestMilestoneDate(projects: readonly Project[]): IsoDate | null {
  return timelineDateRange(projects)?.end ?? null;
}

/**
 * How to show a milestone's date: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the source gives only
 * a month or a year (the stored date is then the last day of that period).
 */
export function milestoneDateLabel(m: Pick<Milestone, 'date' | 'date_precision'>): string {
  if (m.date_precision === 'year') return m.date.slice(0, 4);
  if (m.date_precision === 'month') return m.date.slice(0, 7);
  return m.date;
}
