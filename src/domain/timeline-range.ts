/**
 * The timeline's extent and the date in force (issue 13 §6, issue 15 §7, contract 7).
 *
 * - The timeline starts at the first record and ends TODAY (the runtime date), or at the last
 *   record when that is later (a record dated in the future, e.g. a plan).
 * - The default as-of date is the last record (stable for a prerendered page and for a link).
 * - An explicit date outside the timeline is brought into it: before the first record means the
 *   first record's date, after the end means the end. Every display of "the date" shows this one
 *   date in force (`selectAsOfDate`).
 * - Play steps by week over a long timeline, by day over a short one; readers who ask for reduced
 *   motion get fewer, discrete steps (the dated records and the end) instead of a running animation.
 */
import { dayNumber, isoOfDay } from './state-intervals';
import type { IsoDate } from './types';

export interface TimelineRange {
  /** First record date. */
  start: IsoDate;
  /** Last record date: the default as-of date. */
  lastRecord: IsoDate;
  /** The timeline's end: today, or the last record when that is later. */
  end: IsoDate;
}

/** Today's date (UTC calendar day) as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

/**
 * The timeline from the sorted record dates and today; null when there are no records.
 * @example timelineRange(['2020-01-01', '2024-05-31'], '2026-12-06') // { start: '2020-01-01', lastRecord: '2024-05-31', end: '2026-12-06' }
 */
export function timelineRange(sortedRecordDates: readonly IsoDate[], today: IsoDate): TimelineRange | null {
  const start = sortedRecordDates[0];
  const lastRecord = sortedRecordDates[sortedRecordDates.length - 1];
  if (start === undefined || lastRecord === undefined) return null;
  return { start, lastRecord, end: today > lastRecord ? today : lastRecord };
}

/**
 * The date in force for an explicit date (null = the default, the last record), kept inside the
 * timeline. ISO dates compare as strings.
 */
export function dateInForce(explicit: IsoDate | null, range: TimelineRange): IsoDate {
  if (explicit === null) return range.lastRecord;
  if (explicit < range.start) return range.start;
  if (explicit > range.end) return range.end;
  return explicit;
}

/** Timelines up to this many days long play day by day; longer ones week by week. */
export const PLAY_BY_DAY_MAX_DAYS = 120;

export type PlayMode = 'day' | 'week' | 'records';

/** How Play steps: by day or week, or through the record dates only (reduced motion). */
export function playMode(range: TimelineRange, reducedMotion: boolean): PlayMode {
  if (reducedMotion) return 'records';
  return dayNumber(range.end) - dayNumber(range.start) <= PLAY_BY_DAY_MAX_DAYS ? 'day' : 'week';
}

/**
 * The next date Play shows after `current`, or null at the end. `recordDays` (sorted day numbers)
 * is used in the 'records' mode; the end of the timeline is always the last step.
 * @example nextPlayDate('2024-01-01', range, 'week', []) // '2024-01-08'
 */
export function nextPlayDate(current: IsoDate, range: TimelineRange, mode: PlayMode, recordDays: readonly number[]): IsoDate | null {
  const now = dayNumber(current);
  const end = dayNumber(range.end);
  if (now >= end) return null;
  let next: number;
  if (mode === 'records') {
    next = recordDays.find((d) => d > now) ?? end;
  } else {
    next = now + (mode === 'day' ? 1 : 7);
  }
  return isoOfDay(Math.min(next, end));
}

/** Milliseconds each Play step is shown. */
export const PLAY_STEP_MS: Record<PlayMode, number> = { day: 120, week: 120, records: 1500 };
