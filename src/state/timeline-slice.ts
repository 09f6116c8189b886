import type { SliceCreator, TimelineSlice } from './app-state';
import { parseIsoDate } from './url-codec';

export function createTimelineSlice(initialDate: string | null): SliceCreator<TimelineSlice> {
  return (set) => ({
    asOfDate: initialDate,
    setAsOfDate: (date) => {
      if (date !== null && parseIsoDate(date) !== date) {
        throw new Error(`timeline.asOfDate: expected a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
      }
      set({ asOfDate: date });
    },
  });
}
