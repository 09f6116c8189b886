import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/state/create-app-store';
import { parseEmbedOrigins, parseSetMessage, startEmbedMessages, type CdmzStateMessage } from '../../../src/state/embed-messages';
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
  const targets: string[] = [];
  const listeners = new Set<(e: MessageEvent) => void>();
  const parent = {
    postMessage: (m: CdmzStateMessage, target: string) => {
      posted.push(JSON.parse(JSON.stringify(m)) as CdmzStateMessage);
      targets.push(target);
    },
  };
  const win = {
    parent,
    addEventListener: (type: string, fn: (e: MessageEvent) => void) => type === 'message' && listeners.add(fn),
    removeEventListener: (type: string, fn: (e: MessageEvent) => void) => type === 'message' && listeners.delete(fn),
  };
  const send = (data: unknown, source: unknown = parent, origin = 'https://news.example') => {
    for (const fn of listeners) fn({ data, source, origin } as MessageEvent);
  };
  return { win: win as unknown as Window, posted, targets, send };
}

describe('startEmbedMessages', () => {
  it('does nothing outside a frame', () => {
    const self = { addEventListener: () => { throw new Error('must not listen'); } } as unknown as Window & { parent: unknown };
    (self as { parent: unknown }).parent = self;
    expect(() => startEmbedMessages(createAppStore(), { window: self })()).not.toThrow();
  });

  it('posts the state and visible ids now and after every change', () => {
    const f = framedWindow();
    const store = createAppStore(parseUrlState(`date=${FIXTURE_DATE}&corridor=c-east&within=5&embed=1`));
    startEmbedMessages(store, { window: f.win });
    expect(f.posted).toHaveLength(1);
    expect(f.posted[0]).toMatchObject({ type: 'cdmz:state', dataStatus: 'loading', visibleProjectIds: [] });
    store.getState().setData({ atlas: smallAtlas(), issues: [] });
    expect(f.posted.at(-1)).toMatchObject({ dataStatus: 'ready', visibleProjectIds: ['p-rail-a', 'p-road-b', 'p-hub-e'], asOfDate: FIXTURE_DATE });
    expect(f.posted.at(-1)?.state).toMatchObject({ corridor: 'c-east', within: 5, date: FIXTURE_DATE });
    const count = f.posted.length;
    // A hover changes nothing the message carries: it is neither sent nor even built.
    const stringify = vi.spyOn(JSON, 'stringify');
    store.getState().hover('p-rail-a');
    expect(stringify).not.toHaveBeenCalled();
    stringify.mockRestore();
    expect(f.posted).toHaveLength(count);
    store.getState().toggleStatus('complete');
    expect(f.posted.at(-1)?.visibleProjectIds).toEqual(['p-road-b']);
    expect(f.posted.at(-1)?.state.status).toEqual(['complete']);
  });

  it('applies cdmz:set from the parent, ignoring garbage and other senders', () => {
    const f = framedWindow();
    const store = createAppStore(parseUrlState('embed=1'));
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

describe('who hears cdmz:state (issue 15 §6)', () => {
  const ready = (query: string) => {
    const store = createAppStore(parseUrlState(query));
    store.getState().setData({ atlas: smallAtlas(), issues: [] });
    return store;
  };

  it('the full layout framed by an unlisted site posts nothing and accepts nothing', () => {
    const f = framedWindow();
    const store = ready(`date=${FIXTURE_DATE}&q=secret`);
    startEmbedMessages(store, { window: f.win, allowedOrigins: [], ownOrigin: null });
    store.getState().toggleStatus('complete');
    f.send({ type: 'cdmz:hello' });
    f.send({ type: 'cdmz:set', state: { date: '2022-07-01' } });
    expect(f.posted).toEqual([]);
    expect(store.getState().asOfDate).toBe(FIXTURE_DATE);
  });

  it('the full layout posts only to its own origin when nothing is listed (the browser drops it for other parents)', () => {
    const f = framedWindow();
    const store = ready(`date=${FIXTURE_DATE}`);
    startEmbedMessages(store, { window: f.win, allowedOrigins: [], ownOrigin: 'https://atlas.example' });
    store.getState().toggleStatus('complete');
    expect(f.posted.length).toBeGreaterThan(0);
    expect(new Set(f.targets)).toEqual(new Set(['https://atlas.example']));
    f.send({ type: 'cdmz:set', state: { date: '2022-07-01' } }, undefined, 'https://evil.example');
    expect(store.getState().asOfDate).toBe(FIXTURE_DATE);
    f.send({ type: 'cdmz:set', state: { date: '2022-07-01' } }, undefined, 'https://atlas.example');
    expect(store.getState().asOfDate).toBe('2022-07-01');
  });

  it('the full layout talks to the listed origins only, never to "*"', () => {
    const f = framedWindow();
    const store = ready(`date=${FIXTURE_DATE}`);
    startEmbedMessages(store, { window: f.win, allowedOrigins: ['https://news.example', 'https://cms.example'], ownOrigin: null });
    expect(f.posted.length).toBeGreaterThan(0);
    expect(new Set(f.targets)).toEqual(new Set(['https://news.example', 'https://cms.example']));
    // A message from another origin is ignored; one from a listed origin is applied.
    f.send({ type: 'cdmz:set', state: { date: '2022-07-01' } }, undefined, 'https://evil.example');
    expect(store.getState().asOfDate).toBe(FIXTURE_DATE);
    f.send({ type: 'cdmz:set', state: { date: '2022-07-01' } }, undefined, 'https://cms.example');
    expect(store.getState().asOfDate).toBe('2022-07-01');
    // From then on, only the parent's own origin is the target.
    const n = f.targets.length;
    store.getState().toggleStatus('complete');
    expect(f.targets.slice(n)).toEqual(['https://cms.example']);
  });

  it('what the reader typed is withheld until the parent speaks the contract (hello or set)', () => {
    const f = framedWindow();
    const store = ready(`date=${FIXTURE_DATE}&embed=1`);
    startEmbedMessages(store, { window: f.win });
    store.getState().setQuery('my private words');
    expect(f.posted.at(-1)).toMatchObject({ queryWithheld: true, state: { q: '' } });
    expect(JSON.stringify(f.posted)).not.toContain('private');
    expect(f.targets.every((t) => t === '*')).toBe(true);
    f.send({ type: 'cdmz:hello' });
    expect(f.posted.at(-1)).toMatchObject({ queryWithheld: false, state: { q: 'my private words' } });
    expect(f.targets.at(-1)).toBe('https://news.example');
  });

  it('a hello is answered at once, even when nothing changed', () => {
    const f = framedWindow();
    startEmbedMessages(ready(`date=${FIXTURE_DATE}&embed=1`), { window: f.win });
    const n = f.posted.length;
    f.send({ type: 'cdmz:hello' });
    f.send({ type: 'cdmz:hello' });
    expect(f.posted.length).toBe(n + 2);
  });
});

describe('honest counts in cdmz:state (issue 13 §5)', () => {
  it('says how many are on the map, have no record yet, have no location; they add up to the matching ones', () => {
    const f = framedWindow();
    const store = createAppStore(parseUrlState('embed=1&date=2000-01-01'));
    store.getState().setData({ atlas: smallAtlas(), issues: [] });
    startEmbedMessages(store, { window: f.win });
    const early = f.posted.at(-1)!;
    // A date before the first record is the first record's date in force (one date everywhere).
    expect(early.asOfDate).toBe('2019-01-01');
    expect(early.counts.total).toBe(smallAtlas().projects.length);
    expect(early.counts.matching).toBe(smallAtlas().projects.length);
    expect(early.counts.onMap + early.counts.noRecordYet + early.counts.noLocation).toBe(early.counts.matching);
    expect(early.counts.noRecordYet).toBeGreaterThan(0);
    expect(early.mappedProjectIds).toHaveLength(early.counts.onMap);
    expect(early.visibleProjectIds).toHaveLength(smallAtlas().projects.length);
    store.getState().setAsOfDate(FIXTURE_DATE);
    const m = f.posted.at(-1)!;
    const atlas = smallAtlas();
    const byId = new Map(atlas.projects.map((p) => [p.id, p]));
    expect(m.counts.onMap + m.counts.noRecordYet + m.counts.noLocation).toBe(m.counts.matching);
    expect(m.counts.onMap).toBe(m.mappedProjectIds.length);
    expect(m.counts.onMap).toBeGreaterThan(0);
    for (const id of m.mappedProjectIds) expect(byId.get(id)?.geometry).not.toBeNull();
    expect(m.counts.noLocation).toBeGreaterThan(0); // the fixture has a project without a location
    expect(m.mappedProjectIds.every((id) => m.visibleProjectIds.includes(id))).toBe(true);
  });
});

describe('parseEmbedOrigins (VITE_EMBED_ORIGINS)', () => {
  it('keeps http(s) origins, drops paths, wildcards and other schemes', () => {
    expect(parseEmbedOrigins(' https://news.example, http://127.0.0.1:8080 ,https://news.example/,*,https://a.example/path,javascript:alert(1),file:///x,')).toEqual([
      'https://news.example',
      'http://127.0.0.1:8080',
    ]);
    expect(parseEmbedOrigins(undefined)).toEqual([]);
    expect(parseEmbedOrigins('')).toEqual([]);
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
