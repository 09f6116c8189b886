/**
 * The domain model shared by every layer (app, CLI, tests). These shapes are the contract of
 * the files in `data/`; `src/data/` validates raw JSON into them.
 */
import type { Geometry, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';

/** The four cities of the programme; ids are lowercase English names. */
export const CITY_IDS = ['chengdu', 'deyang', 'meishan', 'ziyang'] as const;
export type CityId = (typeof CITY_IDS)[number];

export const CATEGORIES = [
  'rail',
  'road',
  'water',
  'ecology',
  'energy',
  'industry',
  'public-service',
  'hub',
  'platform',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Ordered from earliest to latest stage; the order is used to compare stages. */
export const STATUSES = ['planned', 'preparatory', 'under-construction', 'partly-open', 'complete'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * What kind of statement a milestone is.
 * - `report`: a progress report says it happened (observation);
 * - `public`: a public news item says it happened (observation);
 * - `plan`: task or plan wording ("加快建设…"); never an observation of progress.
 */
export const EVIDENCE = ['report', 'plan', 'public'] as const;
export type Evidence = (typeof EVIDENCE)[number];

export const GEOMETRY_ACCURACY = ['surveyed', 'approximate', 'schematic'] as const;
export type GeometryAccuracy = (typeof GEOMETRY_ACCURACY)[number];

/** ISO date `YYYY-MM-DD`. */
export type IsoDate = string;

export interface Source {
  id: string;
  publisher_zh: string;
  publisher_en: string;
  title: string;
  /** Publication date, ISO `YYYY-MM-DD` (or `YYYY-MM` where only the month is known); null when the page gives none. */
  date: string | null;
  url: string | null;
  /** `seed` = one of the five primary documents; `public` = a public web page. */
  kind: 'seed' | 'public';
  note?: string;
}

/** A part of a project with its own percentage (e.g. track laying 6.8 %): never overall progress. */
export interface ComponentProgress {
  name_zh: string;
  name_en: string;
  pct: number;
  /** True when the source only says "more than `pct` %" (e.g. 主体工程进度过半 = over 50 %). */
  pct_is_lower_bound?: boolean;
}

/** What every milestone has, whatever its kind. */
interface MilestoneBase {
  /**
   * ISO `YYYY-MM-DD`. When the source gives only a month or a year, this is the LAST day of that
   * period (the first day on which the fact is certainly true) and `date_precision` says so; show
   * such dates as `YYYY-MM` / `YYYY` (see `milestoneDateLabel`).
   */
  date: IsoDate;
  /** Absent = exact day. */
  date_precision?: 'month' | 'year';
  /** Which part of the project the entry is about, where parts differ. */
  section?: string;
  note_zh: string;
  note_en: string;
  source: string;
  /** Exact quote from the source (as it stands in the source). */
  quote: string;
  /** The quote without the source's inline pinyin annotations (seed 004), for display. */
  quote_clean?: string;
}

/**
 * An observation: a progress report (`report`) or a public news item (`public`) saying what
 * happened, when. Only an observation carries a status and a progress figure.
 */
export interface Observation extends MilestoneBase {
  evidence: 'report' | 'public';
  status: Status;
  /** Overall progress 0–100, only where a source states it (or 100 when opened/completed). */
  progress: number | null;
  components?: ComponentProgress[];
}

/**
 * A plan or task (任务、计划、力争、推进、加快…、下步…, a programme list): what it AIMS for, never
 * a status or a progress. `aims_for` is absent when the plan is about something other than
 * building the project (its operation, management, role); `target_date` only where the plan
 * names one.
 */
export interface PlanItem extends MilestoneBase {
  evidence: 'plan';
  aims_for?: Status;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the plan gives it. */
  target_date?: string;
}

/** One dated statement about a project: an observation or a plan item (told apart by `evidence`). */
export type Milestone = Observation | PlanItem;

/** True for a report or a public news item (the only milestones that establish a status). */
export function isObservation(m: Milestone): m is Observation {
  return m.evidence !== 'plan';
}

/** A promised date: never an observation. */
export interface Target {
  /** `YYYY-MM` or `YYYY-MM-DD` as the source gives it. */
  date: string;
  status: Status;
  note_zh: string;
  note_en: string;
  source: string;
  quote: string;
}

export interface KeyFact {
  key: string;
  label_zh: string;
  label_en: string;
  value: number | string;
  unit?: string;
  note?: string;
  source: string;
  /** Exact quote from the source that states the value. */
  quote: string;
}

export interface Project {
  id: string;
  name_zh: string;
  name_en: string;
  aliases: string[];
  category: Category;
  cities: CityId[];
  /** Current administrative codes of the counties/districts (e.g. `510185`). */
  counties: string[];
  facts: KeyFact[];
  targets: Target[];
  /** Sorted by date ascending. */
  milestones: Milestone[];
  /** WGS-84; null when the location is not published. */
  geometry: Geometry | null;
  geometry_accuracy: GeometryAccuracy | null;
  /** Why the geometry is what it is (basis, licence). */
  geometry_note?: string;
  /** Licence/attribution of the geometry where it is third-party data (e.g. ODbL). */
  geometry_licence?: string;
  /** Stations of a rail line, in line order, where their positions are known (Ziyang line). */
  stations?: Station[];
}

/** A station of a rail project (drawn by the map; not a project itself). */
export interface Station {
  id: string;
  name_zh: string;
  name_en: string;
  /** WGS-84 `[lon, lat]`. */
  coord: [number, number];
  /** False for a reserved station not opened (e.g. 芦葭). */
  opened: boolean;
  accuracy: GeometryAccuracy;
  note?: string;
}

export interface Corridor {
  id: string;
  name_zh: string;
  name_en: string;
  /** Centre line ordered from the Chengdu end. */
  line: LineString;
  schematic: boolean;
  source: string;
}

export interface JunctionZone {
  id: string;
  name_zh: string;
  name_en: string;
  /** County codes on each side of the junction. */
  sides: [string[], string[]];
  width_km: number;
  /** True when the zone is inferred from reports, not confirmed by a primary source. */
  inferred: boolean;
  source: string;
  /**
   * `modelled`: the outline (and so its area and which projects fall in it) is our model, a strip
   * of `width_km` either side of the county border — not a published boundary. Say so wherever it is shown.
   */
  outline: 'modelled' | 'published';
  /** An area a source publishes for the zone, with its page and verbatim quote; null when none is published. */
  published_area: { km2: number; what: string; url: string; published: string; quote: string } | null;
  /** Computed at build time from the county topology (data/zones.geojson). */
  polygon: Polygon | MultiPolygon | null;
  /** Shared border the zone is built from (debug/visual). */
  border?: MultiLineString | LineString | null;
}

/** Per-project results of the corridor and zone analysis, computed once on load. */
export interface ProjectAnalysis {
  distances_km: Record<string, number>;
  chainage_km: Record<string, number>;
  zones: string[];
}

/** A project at a date: derived, never stored. */
export interface ProjectState {
  /** null = not yet known to exist on that date. */
  status: Status | null;
  progress: number | null;
  /** The milestone the state comes from (latest observation on or before the date, else the plan item that names it). */
  basis: Milestone | null;
  /** Latest component figures known at that date (e.g. track laying 6.8 %). */
  components: ComponentProgress[];
  /** Date of the milestone the component figures come from; null when there are none. */
  components_as_of: IsoDate | null;
}

/** Everything the app and the CLI load, validated and enriched once. */
export interface Atlas {
  projects: Project[];
  sources: Map<string, Source>;
  corridors: Corridor[];
  zones: JunctionZone[];
  /** Computed once on load by `analyzeProjects` (src/data/analyze-projects.ts). */
  analysis: Map<string, ProjectAnalysis>;
  /** County code → names and city, from the region data (absent when it could not be loaded). */
  counties?: ReadonlyMap<string, CountyInfo>;
}

export interface CountyInfo {
  code: string;
  name_zh: string;
  name_en: string;
  city: CityId;
}

/** One problem found while loading data: shown to the user, never swallowed. */
export interface DataIssue {
  file: string;
  /** Project/corridor/zone id when the problem is in one item; absent for a whole-file error. */
  id?: string;
  field?: string;
  message: string;
  /** `error`: a whole file could not be used; absent/`warning`: one item was left out. */
  severity?: 'error' | 'warning';
}
