/**
 * Embed messages (DESIGN.md "Contracts", issue 6 §2). Inside a frame the page posts
 *   `{ type: 'cdmz:state', state: UrlState, visibleProjectIds: string[], asOfDate, dataStatus }`
 * to its parent after every change (`asOfDate` = the date in force, also when `state.date`
 * is null meaning "latest"; `dataStatus` = 'loading' | 'ready' | 'error'), and accepts
 *   `{ type: 'cdmz:set', state: Partial<UrlState> }`
 * from its parent: any subset of the URL fields, as the URL text (`'rail,road'`, `'5'`) or as
 * typed values (`['rail','road']`, `5`, `true`); `null` resets a field to its default. Each field
 * goes through the URL codec's rules: malformed fields are ignored, messages of the wrong
 * shape are ignored, nothing throws.
 */
import type { AppStore } from './create-app-store';
import { selectAsOfDate, selectUrlState, selectVisibleIds } from './selectors';
import { DEFAULT_URL_STATE, parseUrlField, URL_KEYS, type UrlKey, type UrlState } from './url-codec';

export interface CdmzStateMessage {
  type: 'cdmz:state';
  state: UrlState;
  visibleProjectIds: string[];
  asOfDate: string | null;
  dataStatus: 'loading' | 'ready' | 'error';
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

/** The `cdmz:state` message for the store's current state. */
export function buildStateMessage(store: AppStore): CdmzStateMessage {
  const state = store.getState();
  const url = selectUrlState(state);
  return {
    type: 'cdmz:state',
    state: { ...url, cat: [...url.cat], status: [...url.status], city: [...url.city], county: [...url.county] },
    visibleProjectIds: [...selectVisibleIds(state)],
    asOfDate: selectAsOfDate(state),
    dataStatus: state.dataStatus,
  };
}

export interface EmbedMessagesOptions {
  window?: Pick<Window, 'parent' | 'addEventListener' | 'removeEventListener'>;
}

/**
 * When the page is inside a frame, posts `cdmz:state` now and after every change that alters
 * the message, and applies valid `cdmz:set` messages from the parent frame. Returns a stop
 * function; does nothing (and returns a no-op) outside a frame.
 */
export function startEmbedMessages(store: AppStore, options: EmbedMessagesOptions = {}): () => void {
  const win = options.window ?? window;
  if (win.parent === (win as unknown)) return () => undefined;
  let last = '';
  const post = () => {
    const message = buildStateMessage(store);
    const text = JSON.stringify(message);
    if (text === last) return;
    last = text;
    // The state is public (it is the permalink); any embedding origin may read it.
    win.parent.postMessage(message, '*');
  };
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent) return;
    const patch = parseSetMessage(event.data);
    if (patch === null || Object.keys(patch).length === 0) return;
    const current = store.getState();
    current.applyUrlState({ ...selectUrlState(current), ...patch });
  };
  const unsubscribe = store.subscribe(post);
  win.addEventListener('message', onMessage as EventListener);
  post();
  return () => {
    unsubscribe();
    win.removeEventListener('message', onMessage as EventListener);
  };
}
