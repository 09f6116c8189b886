/**
 * A project's states over the whole timeline, as a short list of day intervals.
 *
 * A project's state (status, progress, basis, freshness) changes only on a milestone's date and on
 * the day a status stops being confirmed (STALE_AFTER_MONTHS after the last observation). So the
 * whole timeline of one project is a handful of intervals, computed once per project object and
 * kept as long as that object lives (a WeakMap: bounded by the data, not by the dates asked for).
 *
 * Who uses it:
 * - `stateOn(project, date)`: the one lookup of a project's state on a date (binary search; no
 *   per-date cache to grow);
 * - the map: one feature per (project, interval) with `from`/`to` as day numbers, so that a date
 *   change is a global-state change in the style, not new data for the worker;
 * - freshness (`last_observed`, `stale`) in the panel, the CLI and the exports.
 */
import { projectStateOn } from './status-on-date';
import type { IsoDate, Project, ProjectState } from './types';
import { isObservation } from './types';

/** A status not confirmed by an observation for more than this many months is stale. */
export const STALE_AFTER_MONTHS = 12;

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (UTC) of an ISO `YYYY-MM-DD` date. */
export function dayNumber(date: IsoDate): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** The ISO `YYYY-MM-DD` date of a day number (inverse of `dayNumber`). */
export function isoOfDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The first day on which a status last confirmed on `observed` is stale: the day after the same
 * calendar day `months` later (clamped to the month's end: 2024-02-29 + 12 months → 2025-02-28).
 */
export function firstStaleDay(observed: IsoDate, months = STALE_AFTER_MONTHS): number {
  const y = Number(observed.slice(0, 4));
  const m = Number(observed.slice(5, 7)) - 1 + months;
  const d = Number(observed.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = m % 12;
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(year, month, Math.min(d, lastDayOfMonth)) / MS_PER_DAY) + 1;
}

/** A project's state with its freshness. */
export interface DatedState extends ProjectState {
  /** Date of the latest observation (`report`/`public`) on or before the date; null when none. */
  last_observed: IsoDate | null;
  /** True when a status is shown but no observation has confirmed it for over 12 months. */
  stale: boolean;
}

/** One interval of constant state: days `from` (inclusive) to `to` (exclusive). */
export interface StateInterval {
  /** First day (day number); `-Infinity` for the interval before the first milestone. */
  from: number;
  /** Day after the last day (day number); `Infinity` for the last interval. */
  to: number;
  state: DatedState;
}

function datedStateAt(project: Project, date: IsoDate): DatedState {
  const state = projectStateOn(project, date);
  let lastObserved: IsoDate | null = null;
  for (const m of project.milestones) {
    if (m.date > date) break;
    if (isObservation(m)) lastObserved = m.date;
  }
  const stale = state.status !== null && lastObserved !== null && dayNumber(date) >= firstStaleDay(lastObserved);
  return { ...state, last_observed: lastObserved, stale };
}

function computeIntervals(project: Project): StateInterval[] {
  const starts = new Set<number>();
  for (const m of project.milestones) {
    starts.add(dayNumber(m.date));
    if (isObservation(m)) starts.add(firstStaleDay(m.date));
  }
  const sorted = [...starts].sort((a, b) => a - b);
  const intervals: StateInterval[] = [
    { from: -Infinity, to: sorted[0] ?? Infinity, state: datedStateAt(project, '0000-01-01') },
  ];
  for (let i = 0; i < sorted.length; i++) {
    const from = sorted[i] as number;
    const to = sorted[i + 1] ?? Infinity;
    intervals.push({ from, to, state: datedStateAt(project, isoOfDay(from)) });
  }
  return intervals;
}

const cache = new WeakMap<Project, readonly StateInterval[]>();

/** Every interval of constant state of `project`, covering all days, in order. */
export function stateIntervals(project: Project): readonly StateInterval[] {
  let intervals = cache.get(project);
  if (!intervals) {
    intervals = Object.freeze(computeIntervals(project));
    cache.set(project, intervals);
  }
  return intervals;
}

// The last date asked for and its day number: callers ask for one date across all projects
// (the list, the counts, the summary), and parsing it once is most of a call's cost.
let lastDate: IsoDate | null = null;
let lastDay = 0;

/** The state of `project` on `date` (`YYYY-MM-DD`), with its freshness. */
export function stateOn(project: Project, date: IsoDate): DatedState {
  if (date !== lastDate) {
    lastDay = dayNumber(date);
    lastDate = date;
  }
  const day = lastDay;
  const intervals = stateIntervals(project);
  let lo = 0;
  let hi = intervals.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((intervals[mid] as StateInterval).from <= day) lo = mid;
    else hi = mid - 1;
  }
  return (intervals[lo] as StateInterval).state;
}
