/**
 * The one palette of the app: the map layers, the legend, the summary bars and the picture
 * export all read these constants, so the legend cannot drift from the map.
 *
 * Category colours are a colour-blind-aware qualitative set (Okabe–Ito plus two tones); category
 * is also told by symbol shape, and status by a second channel (fill level of symbols, dash
 * pattern of lines), so nothing depends on colour alone.
 */
import type { Category, CityId, GeometryAccuracy, Status } from '../domain/types';

export const CATEGORY_COLORS: Record<Category, string> = {
  rail: '#c0392b',
  road: '#d55e00',
  water: '#0072b2',
  ecology: '#009e73',
  energy: '#b8860b',
  industry: '#6a3d9a',
  'public-service': '#cc79a7',
  hub: '#1f2937',
  platform: '#56768f',
};

/** Symbol shape per category (drawn by `drawCategorySymbol`, the same on map and legend). */
export type SymbolShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'hexagon' | 'star' | 'pentagon' | 'cross' | 'triangle-down';

export const CATEGORY_SHAPES: Record<Category, SymbolShape> = {
  rail: 'square',
  road: 'diamond',
  water: 'circle',
  ecology: 'triangle',
  energy: 'star',
  industry: 'hexagon',
  'public-service': 'cross',
  hub: 'pentagon',
  platform: 'triangle-down',
};

export interface StatusStyle {
  /** Share of the symbol that is filled: hollow (planned) → full (complete). */
  fill: number;
  /** Dash pattern of lines in line widths (MapLibre `line-dasharray`); [] = solid. */
  dash: number[];
}

export const STATUS_STYLE: Record<Status, StatusStyle> = {
  planned: { fill: 0, dash: [0.6, 1.8] },
  preparatory: { fill: 0.25, dash: [2, 2] },
  'under-construction': { fill: 0.5, dash: [4, 1.5] },
  'partly-open': { fill: 0.75, dash: [8, 1] },
  complete: { fill: 1, dash: [] },
};

/**
 * A stale status (no observation for over 12 months, contract 2) is drawn faded: the same symbol
 * or line at this opacity, on the map, in the legends and in the poster.
 */
export const STALE_OPACITY = 0.45;

/** The legends' status key: the fill rule on a neutral square (a square shows a fill level best). */
export const STATUS_KEY_LOOK = { color: '#4b5560', shape: 'square' } as const;

/** Opacity of the not-yet-done share of a line drawn along its progress. */
export const PROGRESS_REST_OPACITY = 0.3;

/** How geometry accuracy is drawn: schematic geometry looks schematic (thin and soft). */
export const ACCURACY_STYLE: Record<GeometryAccuracy, { widthPx: number; blurPx: number }> = {
  surveyed: { widthPx: 4, blurPx: 0 },
  approximate: { widthPx: 3.5, blurPx: 0.5 },
  schematic: { widthPx: 2.5, blurPx: 1.5 },
};

/** Quiet fills for the four cities of the base map. */
export const CITY_FILLS: Record<CityId, string> = {
  chengdu: '#f4efe6',
  deyang: '#eef2e4',
  meishan: '#e9eef4',
  ziyang: '#f3e9ee',
};

export const BASE_COLORS = {
  background: '#dfe3e6',
  water: '#9cc6e4',
  waterLine: '#5b9bd5',
  countyBorder: '#9aa5ad',
  cityBorder: '#4b5560',
  label: '#2c3339',
  labelHalo: '#ffffff',
  corridor: '#7c2d92',
  zoneFill: '#f2b134',
  zoneLine: '#b7791f',
  band: '#7c2d92',
  selection: '#111111',
  hover: '#ffbf00',
} as const;
