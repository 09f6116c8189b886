/**
 * The permalink: every piece of view state as URL query parameters (DESIGN.md, "Contracts").
 * Pure and total: any string parses to a valid state (unknown or malformed values are
 * dropped, never fatal), and `serializeUrlState` writes keys in one stable order with
 * defaults omitted, so `serializeUrlState(parseUrlState(x))` is a fixpoint.
 *
 * Keys, in order: lang, date, cat, status, city, corridor, within, zone, q, sel, embed, then
 * two filters the planner tools add: `county` (comma list of 6-digit county codes) and
 * `evidence` (`observed` hides projects supported only by plan wording), then `bbox`
 * (`w,s,e,n`, the bounds the first view frames; the embed code stores it).
 */
import { CATEGORIES, CITY_IDS, STATUSES, type Category, type CityId, type Status } from '../domain/types';
import { MAX_WITHIN_KM } from '../domain/filter-projects';
import { LANGS, type Lang } from '../i18n/translate';

export interface UrlState {
  lang: Lang;
  /** As-of date `YYYY-MM-DD`; null = the latest milestone date in the data. */
  date: string | null;
  cat: Category[];
  status: Status[];
  city: CityId[];
  corridor: string | null;
  /** km, 0–50, one decimal; null = no distance limit. */
  within: number | null;
  zone: string | null;
  q: string;
  sel: string | null;
  embed: boolean;
  county: string[];
  evidence: 'all' | 'observed';
  /**
   * Bounds to frame in the first view, `[west, south, east, north]` (WGS-84, 4 decimals): what
   * the embed code stores so that every width frames the same content. null = none.
   */
  bbox: [number, number, number, number] | null;
}

export const URL_KEYS = [
  'lang',
  'date',
  'cat',
  'status',
  'city',
  'corridor',
  'within',
  'zone',
  'q',
  'sel',
  'embed',
  'county',
  'evidence',
  'bbox',
] as const satisfies readonly (keyof UrlState)[];
export type UrlKey = (typeof URL_KEYS)[number];

export const DEFAULT_URL_STATE: UrlState = Object.freeze({
  lang: 'zh',
  date: null,
  cat: [],
  status: [],
  city: [],
  corridor: null,
  within: null,
  zone: null,
  q: '',
  sel: null,
  embed: false,
  county: [],
  evidence: 'all',
  bbox: null,
}) as UrlState;

/** Longest search text kept, in code points. */
export const MAX_QUERY_CHARS = 100;
/** Longest id kept (corridor, zone, project). */
const MAX_ID_CHARS = 80;
const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const COUNTY_PATTERN = /^\d{6}$/;
const MAX_COUNTIES = 40;

/** A real calendar date `YYYY-MM-DD` between 1900 and 2100, or null. */
export function parseIsoDate(raw: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100) return null;
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return m[0];
}

/** A syntactically valid id (lower-case letters, digits, `.`, `_`, `-`), or null. */
export function parseId(raw: string): string | null {
  const id = raw.trim();
  return id.length <= MAX_ID_CHARS && ID_PATTERN.test(id) ? id : null;
}

/** Distance in km within 0–50, rounded to 0.1; null when not a number in range. */
export function parseWithinKm(raw: string): number | null {
  const text = raw.trim();
  if (!/^\d{1,3}(\.\d{1,6})?$/.test(text)) return null;
  const km = Math.round(Number(text) * 10) / 10;
  return km >= 0 && km <= MAX_WITHIN_KM ? km : null;
}

const BBOX_NUMBER = /^-?\d{1,3}(\.\d{1,12})?$/;

/**
 * `w,s,e,n` in degrees: four plain decimal numbers, west < east, south < north, within
 * ±180° / ±85°; rounded to 4 decimals (~10 m). Null otherwise.
 * @example parseBbox('104.0,30.4,104.6,30.8') // [104, 30.4, 104.6, 30.8]
 */
export function parseBbox(raw: string): [number, number, number, number] | null {
  const parts = raw.trim().split(',');
  if (parts.length !== 4 || !parts.every((p) => BBOX_NUMBER.test(p.trim()))) return null;
  const [w, s, e, n] = parts.map((p) => Math.round(Number(p) * 1e4) / 1e4) as [number, number, number, number];
  if (!(w < e && s < n) || Math.abs(w) > 180 || Math.abs(e) > 180 || Math.abs(s) > 85 || Math.abs(n) > 85) return null;
  return [w, s, e, n];
}

/** Replaces lone surrogates (which cannot be encoded in a URL) by U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Search text: control characters removed, spaces collapsed, trimmed, at most 100 code points. */
export function parseQuery(raw: string): string {
  const cleaned = wellFormed(raw)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return Array.from(cleaned).slice(0, MAX_QUERY_CHARS).join('').trim();
}

/** Items of a comma list that belong to `allowed`, deduplicated, in the order of `allowed`. */
function parseEnumList<T extends string>(raws: readonly string[], allowed: readonly T[]): T[] {
  const given = new Set(raws.flatMap((r) => r.split(',')).map((s) => s.trim()));
  return allowed.filter((value) => given.has(value));
}

function parseCounties(raws: readonly string[]): string[] {
  const codes = raws
    .flatMap((r) => r.split(','))
    .map((s) => s.trim())
    .filter((s) => COUNTY_PATTERN.test(s));
  return [...new Set(codes)].sort().slice(0, MAX_COUNTIES);
}

/**
 * Parses one field from its URL text form(s). Exported so the embed messages apply exactly
 * the same rules. Returns undefined when the value is malformed (the field is then dropped).
 */
export function parseUrlField<K extends UrlKey>(key: K, raws: readonly string[]): UrlState[K] | undefined {
  const first = raws[0];
  if (first === undefined) return undefined;
  const parsed = ((): UrlState[UrlKey] | undefined => {
    switch (key) {
      case 'lang':
        return (LANGS as readonly string[]).includes(first.trim()) ? (first.trim() as Lang) : undefined;
      case 'date':
        return parseIsoDate(first) ?? undefined;
      case 'cat':
        return parseEnumList(raws, CATEGORIES);
      case 'status':
        return parseEnumList(raws, STATUSES);
      case 'city':
        return parseEnumList(raws, CITY_IDS);
      case 'county':
        return parseCounties(raws);
      case 'corridor':
      case 'zone':
      case 'sel':
        return parseId(first) ?? undefined;
      case 'within':
        return parseWithinKm(first) ?? undefined;
      case 'q':
        return parseQuery(first);
      case 'embed':
        return first.trim() === '1' ? true : first.trim() === '0' ? false : undefined;
      case 'evidence':
        return first.trim() === 'observed' ? 'observed' : first.trim() === 'all' ? 'all' : undefined;
      case 'bbox':
        return parseBbox(first) ?? undefined;
      default:
        return undefined;
    }
  })();
  return parsed as UrlState[K] | undefined;
}

/**
 * Parses a query string (with or without the leading `?`). Never throws.
 * @example parseUrlState('?lang=en&status=under-construction&within=5&corridor=belt-chengzi-airport').within // 5
 */
export function parseUrlState(search: string): UrlState {
  const state: UrlState = { ...DEFAULT_URL_STATE, cat: [], status: [], city: [], county: [], bbox: null };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(typeof search === 'string' ? search : '');
  } catch (error) {
    // URLSearchParams accepts any string today; keep the promise "never throws" if that changes.
    console.warn('parseUrlState: unreadable query string, using defaults', error);
    return state;
  }
  for (const key of URL_KEYS) {
    const value = parseUrlField(key, params.getAll(key));
    if (value !== undefined) (state as unknown as Record<UrlKey, unknown>)[key] = value;
  }
  return state;
}

/** The URL text of one field, or null when it has its default value (omitted). */
function fieldText(key: UrlKey, state: UrlState): string | null {
  switch (key) {
    case 'lang':
      return state.lang === DEFAULT_URL_STATE.lang ? null : state.lang;
    case 'date':
    case 'corridor':
    case 'zone':
    case 'sel':
      return state[key];
    case 'cat':
    case 'status':
    case 'city':
    case 'county':
      return state[key].length === 0 ? null : state[key].join(',');
    case 'within':
      return state.within === null ? null : String(state.within);
    case 'q':
      return state.q === '' ? null : state.q;
    case 'embed':
      return state.embed ? '1' : null;
    case 'evidence':
      return state.evidence === 'all' ? null : state.evidence;
    case 'bbox':
      return state.bbox === null ? null : state.bbox.join(',');
  }
}

/**
 * Writes the state as a query string WITHOUT the leading `?` ('' when everything is default),
 * keys in `URL_KEYS` order. Values are normalised through the parser first, so a state built
 * by hand cannot produce a link that reads back differently.
 * @example serializeUrlState({ ...DEFAULT_URL_STATE, lang: 'en', within: 5 }) // "lang=en&within=5"
 */
export function serializeUrlState(state: UrlState): string {
  const parts: string[] = [];
  for (const key of URL_KEYS) {
    const text = fieldText(key, state);
    if (text === null) continue;
    const value = parseUrlField(key, [text]);
    const canonical = value === undefined ? null : fieldText(key, { ...state, [key]: value } as UrlState);
    if (canonical !== null) parts.push(`${key}=${encodeValue(canonical)}`);
  }
  return parts.join('&');
}

/**
 * Percent-encodes a value as `URLSearchParams` reads it back, but leaves the list commas
 * readable (`cat=rail,road`) and writes spaces as `+`. Values here are well-formed (the parser
 * replaced lone surrogates), so `encodeURIComponent` cannot throw.
 */
function encodeValue(text: string): string {
  return encodeURIComponent(text).replace(/%2C/gi, ',').replace(/%20/g, '+');
}

/** True when two states serialise to the same link. */
export function sameUrlState(a: UrlState, b: UrlState): boolean {
  return serializeUrlState(a) === serializeUrlState(b);
}

/**
 * Ids that need the data (corridor, zone, selection, counties) dropped when the loaded data
 * does not know them. Returns the same object when nothing changes.
 */
export function sanitizeAgainstAtlas(
  state: UrlState,
  known: { corridorIds: ReadonlySet<string>; zoneIds: ReadonlySet<string>; projectIds: ReadonlySet<string>; countyCodes: ReadonlySet<string> },
): UrlState {
  const corridor = state.corridor !== null && !known.corridorIds.has(state.corridor) ? null : state.corridor;
  const zone = state.zone !== null && !known.zoneIds.has(state.zone) ? null : state.zone;
  const sel = state.sel !== null && !known.projectIds.has(state.sel) ? null : state.sel;
  const county = state.county.filter((c) => known.countyCodes.has(c));
  if (corridor === state.corridor && zone === state.zone && sel === state.sel && county.length === state.county.length) {
    return state;
  }
  return { ...state, corridor, zone, sel, county };
}
