/**
 * Embed messages (DESIGN.md "Contracts", issue 6 §2, issue 15 §6, issue 13 §5; README "Embed
 * messages"). Inside a frame the page posts to its parent, after every change,
 *   `{ type: 'cdmz:state', state: UrlState, visibleProjectIds, mappedProjectIds, counts,
 *      asOfDate, dataStatus, queryWithheld }`
 * (`visibleProjectIds` = the projects passing the filters, drawn or not; `mappedProjectIds` =
 * those of them drawn on the map on the date; `counts` = { total, matching, onMap, noRecordYet,
 * noLocation }; `asOfDate` = the date in force, also when `state.date` is null meaning "latest";
 * `dataStatus` = 'loading' | 'ready' | 'error'), and accepts
 *   `{ type: 'cdmz:set', state: Partial<UrlState> }` and `{ type: 'cdmz:hello' }`
 * from its parent: any subset of the URL fields, as the URL text (`'rail,road'`, `'5'`) or as
 * typed values (`['rail','road']`, `5`, `true`); `null` resets a field to its default. Each field
 * goes through the URL codec's rules: malformed fields are ignored, messages of the wrong
 * shape are ignored, nothing throws.
 *
 * Who hears it (framing, issue 15 §6):
 * - the embed layout (`embed=1`) talks to any parent (it is made to be framed by articles);
 * - the full layout talks only to its own origin and to the parent origins the deployment lists
 *   at build time in `VITE_EMBED_ORIGINS` (comma-separated, e.g.
 *   `https://news.example,https://cms.example`); framed by any other site, the full app posts
 *   nothing it could read and accepts nothing;
 * - what the reader typed (`state.q`) is sent only to a parent that speaks the contract: after
 *   it has sent a valid `cdmz:hello` or `cdmz:set`. Until then `state.q` is `''` and
 *   `queryWithheld` says whether a query was held back.
 * Once the parent has spoken, messages go to its origin only (not `'*'`).
 */
import type { AppStore } from './create-app-store';
import { selectAsOfDate, selectMappedIds, selectProjectCounts, selectUrlState, selectVisibleIds, type ProjectCounts } from './selectors';
import { DEFAULT_URL_STATE, parseUrlField, URL_KEYS, type UrlKey, type UrlState } from './url-codec';

export interface CdmzStateMessage {
  type: 'cdmz:state';
  state: UrlState;
  /** Projects passing the filters on the date, in data order — drawn on the map or not. */
  visibleProjectIds: string[];
  /** Of those, the projects drawn on the map on the date (a status then and a location). */
  mappedProjectIds: string[];
  /** matching = onMap + noRecordYet + noLocation; total = all projects in the data. */
  counts: ProjectCounts;
  asOfDate: string | null;
  dataStatus: 'loading' | 'ready' | 'error';
  /** True when the reader's search text was left out of `state.q` (the parent has not spoken the contract). */
  queryWithheld: boolean;
}

export interface CdmzSetMessage {
  type: 'cdmz:set';
  state: Partial<UrlState>;
}

const LIST_KEYS: ReadonlySet<UrlKey> = new Set<UrlKey>(['cat', 'status', 'city', 'county']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The URL text form(s) of one field value from a message; null when the type is wrong. */
function rawFieldText(key: UrlKey, value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return Number.isFinite(value) && key === 'within' ? [String(value)] : null;
  if (typeof value === 'boolean') return key === 'embed' ? [value ? '1' : '0'] : null;
  if (Array.isArray(value)) {
    if (!LIST_KEYS.has(key) || !value.every((v) => typeof v === 'string')) return null;
    return [value.join(',')];
  }
  return null;
}

/**
 * Validates a `cdmz:set` message. Returns the fields to apply (possibly none), or null when the
 * message is not a `cdmz:set` of the right shape. Never throws.
 * @example parseSetMessage({ type: 'cdmz:set', state: { date: '2023-12-31', status: ['complete'] } })
 * // { date: '2023-12-31', status: ['complete'] }
 */
export function parseSetMessage(data: unknown): Partial<UrlState> | null {
  try {
    if (!isPlainObject(data) || data.type !== 'cdmz:set' || !isPlainObject(data.state)) return null;
    const input = data.state;
    const patch: Partial<Record<UrlKey, unknown>> = {};
    for (const key of URL_KEYS) {
      if (!Object.prototype.hasOwnProperty.call(input, key)) continue;
      const value = input[key];
      if (value === null) {
        patch[key] = DEFAULT_URL_STATE[key];
        continue;
      }
      const raws = rawFieldText(key, value);
      const parsed = raws === null ? undefined : parseUrlField(key, raws);
      // A list that names items of which none is known is garbage, not "no filter": ignore it
      // rather than clear the embedding page's filter (`cat: []`, `cat: ''` or null do clear it).
      const namedItems = raws !== null && LIST_KEYS.has(key) && raws.some((r) => r.split(',').some((item) => item.trim() !== ''));
      if (namedItems && Array.isArray(parsed) && parsed.length === 0) continue;
      if (parsed !== undefined) patch[key] = parsed;
    }
    return patch as Partial<UrlState>;
  } catch (error) {
    // Only reachable with exotic objects (throwing getters); postMessage data cannot carry them.
    console.warn('cdmz:set ignored: unreadable message', error);
    return null;
  }
}

/**
 * The `cdmz:state` message for the store's current state.
 * @param shareQuery whether `state.q` may carry what the reader typed (see the module comment)
 */
export function buildStateMessage(store: AppStore, shareQuery = true): CdmzStateMessage {
  const state = store.getState();
  const url = selectUrlState(state);
  const withhold = !shareQuery && url.q !== '';
  return {
    type: 'cdmz:state',
    state: { ...url, cat: [...url.cat], status: [...url.status], city: [...url.city], county: [...url.county], q: withhold ? '' : url.q },
    visibleProjectIds: [...selectVisibleIds(state)],
    mappedProjectIds: [...selectMappedIds(state)],
    counts: { ...selectProjectCounts(state) },
    asOfDate: selectAsOfDate(state),
    dataStatus: state.dataStatus,
    queryWithheld: withhold,
  };
}

/** Is `data` a `cdmz:hello` (a parent announcing that it speaks the contract)? */
export function isHelloMessage(data: unknown): boolean {
  return isPlainObject(data) && data.type === 'cdmz:hello';
}

/** An origin as `VITE_EMBED_ORIGINS` may list it: `http(s)://host[:port]`, nothing else. */
export function parseEmbedOrigins(list: string | undefined): string[] {
  if (!list) return [];
  const out: string[] = [];
  for (const raw of list.split(',')) {
    const text = raw.trim();
    if (text === '') continue;
    try {
      const url = new URL(text);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text.replace(/\/$/, '')) out.push(url.origin);
      else console.warn(`VITE_EMBED_ORIGINS: "${text}" is not an origin (scheme://host[:port]); ignored`);
    } catch {
      console.warn(`VITE_EMBED_ORIGINS: "${text}" is not an origin; ignored`);
    }
  }
  return [...new Set(out)];
}

/** The origins the deployment lists at build time (README "Embed messages"). */
export const DEPLOYMENT_EMBED_ORIGINS: readonly string[] = Object.freeze(parseEmbedOrigins(import.meta.env?.VITE_EMBED_ORIGINS as string | undefined));

export interface EmbedMessagesOptions {
  window?: Pick<Window, 'parent' | 'addEventListener' | 'removeEventListener'>;
  /** Parent origins the full layout may talk to (default: VITE_EMBED_ORIGINS). */
  allowedOrigins?: readonly string[];
  /** The page's own origin, always allowed (a same-origin parent can read the frame anyway); default `location.origin`. */
  ownOrigin?: string | null;
}

function currentOrigin(): string | null {
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin;
  return typeof origin === 'string' && /^https?:\/\//.test(origin) ? origin : null;
}

/**
 * When the page is inside a frame, posts `cdmz:state` now and after every change that alters
 * the message, and applies valid `cdmz:set` messages from the parent frame — in the embed
 * layout with any parent, in the full layout only with a listed origin (see the module
 * comment). Returns a stop function; does nothing (and returns a no-op) outside a frame.
 */
export function startEmbedMessages(store: AppStore, options: EmbedMessagesOptions = {}): () => void {
  const win = options.window ?? window;
  if (win.parent === (win as unknown)) return () => undefined;
  const own = options.ownOrigin === undefined ? currentOrigin() : options.ownOrigin;
  const listed = options.allowedOrigins ?? DEPLOYMENT_EMBED_ORIGINS;
  const allowed: readonly string[] = own !== null && !listed.includes(own) ? [own, ...listed] : listed;
  /** Set once the parent has sent a valid cdmz:hello / cdmz:set: it speaks the contract. */
  let spoken = false;
  /** The parent's origin, learnt from its first message (null before, or when opaque). */
  let parentOrigin: string | null = null;
  let last = '';

  /** Where messages may go now: [] = nowhere. */
  const targets = (): readonly string[] => {
    const embed = store.getState().embed;
    if (parentOrigin !== null && (embed || allowed.includes(parentOrigin))) return [parentOrigin];
    if (embed) return ['*'];
    return allowed;
  };
  /** What the last message was built from (memoised selectors: same object = same content). */
  let lastInputs: readonly unknown[] = [];
  const post = (force = false) => {
    const to = targets();
    if (to.length === 0) return;
    // Most store changes (a hover, for one) leave the message as it was: do not build it (at
    // 10,000 projects it copies and stringifies 20,000 ids) unless what it is made of changed.
    const s = store.getState();
    const inputs = [selectUrlState(s), selectVisibleIds(s), selectMappedIds(s), selectProjectCounts(s), selectAsOfDate(s), s.dataStatus, spoken];
    if (!force && inputs.every((x, i) => x === lastInputs[i])) return;
    lastInputs = inputs;
    const message = buildStateMessage(store, spoken);
    const text = JSON.stringify(message);
    if (text === last && !force) return;
    last = text;
    // With several listed origins, the browser delivers only the copy whose target origin is
    // the parent's; the others are dropped unseen.
    for (const origin of to) win.parent.postMessage(message, origin);
  };
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent) return;
    const embed = store.getState().embed;
    const origin = typeof event.origin === 'string' && event.origin !== '' && event.origin !== 'null' ? event.origin : null;
    if (!embed && (origin === null || !allowed.includes(origin))) return;
    const hello = isHelloMessage(event.data);
    const patch = hello ? null : parseSetMessage(event.data);
    if (!hello && patch === null) return;
    spoken = true;
    if (origin !== null) parentOrigin = origin;
    if (patch !== null && Object.keys(patch).length > 0) {
      const current = store.getState();
      current.applyUrlState({ ...selectUrlState(current), ...patch });
    }
    // A hello is always answered with the current state; after a set, a message goes out
    // only if something changed (including q, now that the parent has spoken).
    post(hello);
  };
  const unsubscribe = store.subscribe(() => post());
  win.addEventListener('message', onMessage as EventListener);
  post();
  return () => {
    unsubscribe();
    win.removeEventListener('message', onMessage as EventListener);
  };
}
