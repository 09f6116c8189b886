import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/create-app-store';
import { parseSetMessage, startEmbedMessages, type CdmzStateMessage } from '../../../src/state/embed-messages';
import { DEFAULT_URL_STATE, parseUrlState } from '../../../src/state/url-codec';
import { FIXTURE_DATE, smallAtlas } from '../../fixtures/projects/small-atlas';

describe('parseSetMessage', () => {
  it('accepts typed values and URL text alike', () => {
    expect(parseSetMessage({ type: 'cdmz:set', state: { date: '2023-12-31', status: ['complete'], within: 5, embed: true } })).toEqual({
      date: '2023-12-31',
      status: ['complete'],
      within: 5,
      embed: true,
    });
    expect(parseSetMessage({ type: 'cdmz:set', state: { cat: 'road,rail', within: '2.5', embed: '1' } })).toEqual({ cat: ['rail', 'road'], within: 2.5, embed: true });
  });

  it('resets a field with null', () => {
    expect(parseSetMessage({ type: 'cdmz:set', state: { date: null, cat: null, corridor: null } })).toEqual({ date: null, cat: [], corridor: null });
  });

  it('drops malformed fields and unknown keys, keeps the valid ones', () => {
    expect(
      parseSetMessage({ type: 'cdmz:set', state: { date: '2023-02-30', within: 99, status: [1, 2], lang: 'en', city: 7, sel: '<b>', extra: 'x', constructor: 'y' } }),
    ).toEqual({ lang: 'en' });
    const withProtoKey = JSON.parse('{"type":"cdmz:set","state":{"__proto__":{"lang":"fr"},"q":"成资"}}') as unknown;
    expect(parseSetMessage(withProtoKey)).toEqual({ q: '成资' });
  });

  it('ignores messages of the wrong shape', () => {
    for (const data of [null, undefined, 'cdmz:set', 42, [], { type: 'cdmz:state', state: {} }, { type: 'cdmz:set' }, { type: 'cdmz:set', state: [] }, { type: 'cdmz:set', state: 'date=2023-12-31' }, { type: 'cdmz:set', state: new Date() }]) {
      expect(parseSetMessage(data)).toBeNull();
    }
  });

  it('never throws, and only yields valid fields (fast-check)', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withBigInt: true, withDate: true }), fc.anything(), (state, other) => {
        for (const data of [state, { type: 'cdmz:set', state }, { type: 'cdmz:set', state: { date: other, cat: other, within: other, q: other, embed: other } }]) {
          const patch = parseSetMessage(data);
          if (patch === null) continue;
          const merged = { ...DEFAULT_URL_STATE, ...patch };
          expect(parseUrlState(new URLSearchParams(Object.entries(merged).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '')])).toString())).toBeTruthy();
          for (const key of Object.keys(patch)) expect(Object.keys(DEFAULT_URL_STATE)).toContain(key);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('survives a throwing getter', () => {
    const state = Object.defineProperty({}, 'date', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(parseSetMessage({ type: 'cdmz:set', state })).toBeNull();
  });
});

function framedWindow() {
  const posted: CdmzStateMessage[] = [];
  const listeners = new Set<(e: MessageEvent) => void>();
  const parent = { postMessage: (m: CdmzStateMessage) => posted.push(JSON.parse(JSON.stringify(m)) as CdmzStateMessage) };
  const win = {
    parent,
    addEventListener: (type: string, fn: (e: MessageEvent) => void) => type === 'message' && listeners.add(fn),
    removeEventListener: (type: string, fn: (e: MessageEvent) => void) => type === 'message' && listeners.delete(fn),
  };
  const send = (data: unknown, source: unknown = parent) => {
    for (const fn of listeners) fn({ data, source } as MessageEvent);
  };
  return { win: win as unknown as Window, posted, send };
}

describe('startEmbedMessages', () => {
  it('does nothing outside a frame', () => {
    const self = { addEventListener: () => { throw new Error('must not listen'); } } as unknown as Window & { parent: unknown };
    (self as { parent: unknown }).parent = self;
    expect(() => startEmbedMessages(createAppStore(), { window: self })()).not.toThrow();
  });

  it('posts the state and visible ids now and after every change', () => {
    const f = framedWindow();
    const store = createAppStore(parseUrlState(`date=${FIXTURE_DATE}&corridor=c-east&within=5`));
    startEmbedMessages(store, { window: f.win });
    expect(f.posted).toHaveLength(1);
    expect(f.posted[0]).toMatchObject({ type: 'cdmz:state', dataStatus: 'loading', visibleProjectIds: [] });
    store.getState().setData({ atlas: smallAtlas(), issues: [] });
    expect(f.posted.at(-1)).toMatchObject({ dataStatus: 'ready', visibleProjectIds: ['p-rail-a', 'p-road-b', 'p-hub-e'], asOfDate: FIXTURE_DATE });
    expect(f.posted.at(-1)?.state).toMatchObject({ corridor: 'c-east', within: 5, date: FIXTURE_DATE });
    const count = f.posted.length;
    store.getState().hover('p-rail-a');
    expect(f.posted).toHaveLength(count);
    store.getState().toggleStatus('complete');
    expect(f.posted.at(-1)?.visibleProjectIds).toEqual(['p-road-b']);
    expect(f.posted.at(-1)?.state.status).toEqual(['complete']);
  });

  it('applies cdmz:set from the parent, ignoring garbage and other senders', () => {
    const f = framedWindow();
    const store = createAppStore();
    store.getState().setData({ atlas: smallAtlas(), issues: [] });
    startEmbedMessages(store, { window: f.win });
    f.send({ type: 'cdmz:set', state: { date: '2022-07-01', zone: 'z-qg' } });
    expect(f.posted.at(-1)).toMatchObject({ asOfDate: '2022-07-01', visibleProjectIds: ['p-rail-a', 'p-hub-e'] });
    f.send({ type: 'cdmz:set', state: { date: 'soon', within: -4 } });
    f.send('garbage');
    f.send({ type: 'cdmz:set', state: { zone: null } }, {});
    expect(store.getState().asOfDate).toBe('2022-07-01');
    expect(store.getState().filters.zoneId).toBe('z-qg');
    f.send({ type: 'cdmz:set', state: { zone: 'z-unknown' } });
    expect(store.getState().filters.zoneId).toBeNull();
  });
});

describe('one date in force (issue 15 §7, contract 7)', () => {
  it('cdmz:state carries the date in force: a date before the first record is the first record, after today is today', async () => {
    const { buildStateMessage } = await import('../../../src/state/embed-messages');
    const { selectAsOfDate } = await import('../../../src/state/selectors');
    const early = createAppStore(parseUrlState('?date=1990-01-01'));
    early.getState().setData({ atlas: smallAtlas(), issues: [] });
    expect(buildStateMessage(early).asOfDate).toBe('2019-01-01');
    expect(selectAsOfDate(early.getState())).toBe('2019-01-01');
    // The link keeps what it asked for; the date in force is what everything shows.
    expect(buildStateMessage(early).state.date).toBe('1990-01-01');
    const late = createAppStore(parseUrlState('?date=2099-12-31'));
    late.getState().setData({ atlas: smallAtlas(), issues: [] });
    const today = new Date().toISOString().slice(0, 10);
    expect(buildStateMessage(late).asOfDate).toBe(today > '2025-01-01' ? today : '2025-01-01');
    const latest = createAppStore();
    latest.getState().setData({ atlas: smallAtlas(), issues: [] });
    expect(buildStateMessage(latest).asOfDate).toBe('2025-01-01');
  });
});
