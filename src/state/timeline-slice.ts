import type { SliceCreator, TimelineSlice } from './app-state';
import { parseIsoDate } from './url-codec';

export function createTimelineSlice(initialDate: string | null): SliceCreator<TimelineSlice> {
  return (set, get) => ({
    asOfDate: initialDate,
    playing: false,
    setAsOfDate: (date) => {
      if (date !== null && parseIsoDate(date) !== date) {
        throw new Error(`timeline.asOfDate: expected a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
      }
      set({ asOfDate: date });
    },
    setPlaying: (playing) => {
      if (get().playing !== playing) set({ playing });
    },
  });
}
