import type { SelectionSlice, SliceCreator } from './app-state';

export function createSelectionSlice(initialSelectedId: string | null): SliceCreator<SelectionSlice> {
  return (set, get) => ({
    selectedId: initialSelectedId,
    hoveredId: null,
    select: (projectId) => {
      if (get().selectedId !== projectId) set({ selectedId: projectId });
    },
    hover: (projectId) => {
      if (get().hoveredId !== projectId) set({ hoveredId: projectId });
    },
  });
}
