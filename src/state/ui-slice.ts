import { DEFAULT_SORT } from '../domain/sort-projects';
import type { SliceCreator, UiSlice } from './app-state';

export function createUiSlice(embed: boolean): SliceCreator<UiSlice> {
  return (set) => ({
    embed,
    listSort: { ...DEFAULT_SORT },
    setListSort: (sort) => set({ listSort: { ...sort } }),
  });
}
