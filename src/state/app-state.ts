/**
 * The shape of the app store: one interface per slice, composed by `createAppStore`.
 * Slices hold their own actions (zustand "slices pattern"); a slice creator sees the whole
 * state so cross-slice rules (e.g. dropping unknown ids when data arrives) stay explicit.
 */
import type { StateCreator } from 'zustand';
import type { ProjectFilters } from '../domain/filter-projects';
import type { ProjectSort } from '../domain/sort-projects';
import type { Atlas, Category, CityId, DataIssue, Status } from '../domain/types';
import type { Lang } from '../i18n/translate';
import type { UrlState } from './url-codec';

export interface FiltersSlice {
  filters: ProjectFilters;
  /** Replaces some filter fields; values are validated (bad ones throw, naming the field). */
  setFilters: (patch: Partial<ProjectFilters>) => void;
  toggleCategory: (category: Category) => void;
  toggleStatus: (status: Status) => void;
  toggleCity: (city: CityId) => void;
  toggleCounty: (countyCode: string) => void;
  /** Corridor for the distance filter, columns and sorting; null clears it (and the distance). */
  setCorridor: (corridorId: string | null) => void;
  /** 0–50 km, or null for no limit. */
  setWithinKm: (km: number | null) => void;
  setZone: (zoneId: string | null) => void;
  setQuery: (query: string) => void;
  setEvidence: (evidence: ProjectFilters['evidence']) => void;
  /** Back to no filter at all (date, language and selection are kept). */
  resetFilters: () => void;
}

export interface SelectionSlice {
  selectedId: string | null;
  hoveredId: string | null;
  select: (projectId: string | null) => void;
  hover: (projectId: string | null) => void;
}

export interface TimelineSlice {
  /** Explicit as-of date; null = the latest milestone date (see `selectAsOfDate`). */
  asOfDate: string | null;
  setAsOfDate: (date: string | null) => void;
  /**
   * True while Play runs: the URL sync then keeps ONE history entry for the whole play-through
   * (the first step pushes, the following steps replace it). Not part of the URL.
   */
  playing: boolean;
  setPlaying: (playing: boolean) => void;
}

export interface LocaleSlice {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export type DataStatus = 'loading' | 'ready' | 'error';

export interface DataSlice {
  dataStatus: DataStatus;
  atlas: Atlas | null;
  issues: DataIssue[];
  /**
   * Stores the loaded data: `atlas` null means loading failed (status `error`, the issues say
   * why); otherwise `ready`, with the warnings as issues. Ids in the state that the data does
   * not know (corridor, zone, selection, counties) are dropped.
   */
  setData: (result: { atlas: Atlas | null; issues: DataIssue[] }) => void;
}

export interface UiSlice {
  embed: boolean;
  /** Bounds the map frames in its first view (URL `bbox`, set by the embed code); null = none. */
  frameBounds: [number, number, number, number] | null;
  listSort: ProjectSort;
  setListSort: (sort: ProjectSort) => void;
}

export interface UrlSlice {
  /** Replaces every URL-carried piece of state (popstate, `cdmz:set`). */
  applyUrlState: (url: UrlState) => void;
}

export type AppState = FiltersSlice & SelectionSlice & TimelineSlice & LocaleSlice & DataSlice & UiSlice & UrlSlice;

export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
