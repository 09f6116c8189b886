import { DEFAULT_SORT } from '../domain/sort-projects';
import type { SliceCreator, UiSlice } from './app-state';

export function createUiSlice(embed: boolean, frameBounds: UiSlice['frameBounds'] = null): SliceCreator<UiSlice> {
  return (set) => ({
    embed,
    frameBounds,
    listSort: { ...DEFAULT_SORT },
    setListSort: (sort) => set({ listSort: { ...sort } }),
  });
}
