/**
 * Status and progress of a project on a date, derived from its milestones (never stored).
 *
 * Rules (data/README.md "Evidence"):
 * - the state is the latest OBSERVATION (`report` or `public`) on or before the date: only an
 *   observation carries a status and a progress figure;
 * - a plan item carries no status: it says what the plan aims for (`aims_for`). A plan item that
 *   aims to build the project (any `aims_for`) makes the project known as `planned` while nothing
 *   was observed yet — "named in a plan", never "under construction"; a plan item without
 *   `aims_for` (about operation, management or a role) establishes nothing;
 * - a plan never overrides an observation and never moves a status;
 * - before the first observation or status-bearing plan item the project is not shown: null;
 * - progress is the basis observation's own overall progress (null if none);
 * - components (e.g. track laying 6.8 %) are the component figures of the basis observation,
 *   kept apart from progress; a later observation supersedes them.
 */
import type { ComponentProgress, IsoDate, Milestone, Observation, PlanItem, Project, ProjectState, Status } from './types';
import { isObservation } from './types';

/** The one status a plan item may establish on its own: the project is named in a plan. */
export const PLAN_STATUS: Status = 'planned';

/**
 * The state of `project` on `asOfDate` (`YYYY-MM-DD`).
 *
 * @example projectStateOn(ziyangLine, '2023-03-31')
 *   // → { status: 'under-construction', progress: null, components: [track laying 6.8 %, …], … }
 */
export function projectStateOn(project: Project, asOfDate: IsoDate): ProjectState {
  let observed: Observation | null = null;
  let plan: PlanItem | null = null;

  // Milestones are sorted ascending by the data contract; ties keep file order (the later wins).
  for (const m of project.milestones) {
    if (m.date > asOfDate) break;
    if (isObservation(m)) observed = m;
    else if (plan === null && m.aims_for !== undefined) plan = m;
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
    return { status: PLAN_STATUS, progress: null, basis: plan, components: [], components_as_of: null };
  }
  return { status: null, progress: null, basis: null, components: [], components_as_of: null };
}

/** The status a milestone states: an observation's status; null for a plan item (it states none). */
export function statedStatus(m: Milestone): Status | null {
  return isObservation(m) ? m.status : null;
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
