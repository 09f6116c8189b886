import { describe, expect, it } from 'vitest';
import { dateInForce, nextPlayDate, playMode, timelineRange, todayIso } from '../../../src/domain/timeline-range';

const range = timelineRange(['2020-01-01', '2021-05-05', '2024-05-31'], '2026-12-06')!;

describe('timeline range (issue 13 §6, contract 7)', () => {
  it('runs from the first record to today, the last record being the default date', () => {
    expect(range).toEqual({ start: '2020-01-01', lastRecord: '2024-05-31', end: '2026-12-06' });
    expect(dateInForce(null, range)).toBe('2024-05-31');
  });

  it('ends at the last record when that is later than today', () => {
    expect(timelineRange(['2020-01-01', '2030-01-01'], '2026-12-06')?.end).toBe('2030-01-01');
    expect(timelineRange([], '2026-12-06')).toBeNull();
  });

  it('keeps an explicit date inside the timeline: one date in force', () => {
    expect(dateInForce('2019-12-31', range)).toBe('2020-01-01');
    expect(dateInForce('2025-07-01', range)).toBe('2025-07-01');
    expect(dateInForce('2099-01-01', range)).toBe('2026-12-06');
  });

  it("today is the UTC calendar day of the runtime clock", () => {
    expect(todayIso(new Date(Date.UTC(2026, 11, 6, 23, 59)))).toBe('2026-12-06');
  });

  it('plays by week over a long timeline, by day over a short one, through the records with reduced motion', () => {
    expect(playMode(range, false)).toBe('week');
    expect(playMode(timelineRange(['2024-01-01'], '2024-03-01')!, false)).toBe('day');
    expect(playMode(range, true)).toBe('records');
    expect(nextPlayDate('2024-01-01', range, 'week', [])).toBe('2024-01-08');
    expect(nextPlayDate('2024-02-28', range, 'day', [])).toBe('2024-02-29');
    expect(nextPlayDate('2026-12-03', range, 'week', [])).toBe('2026-12-06');
    expect(nextPlayDate('2026-12-06', range, 'week', [])).toBeNull();
  });

  it('reduced motion steps through the record days, then to the end', () => {
    const days = [18262, 18752, 19874]; // 2020-01-01, 2021-05-05, 2024-05-31
    expect(nextPlayDate('2020-01-01', range, 'records', days)).toBe('2021-05-05');
    expect(nextPlayDate('2024-05-31', range, 'records', days)).toBe('2026-12-06');
  });
});
