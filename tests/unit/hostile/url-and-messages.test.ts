/**
 * Issue 7 §3: URL fuzzing through the codec and garbage `cdmz:set` messages through
 * `parseSetMessage`. Whatever comes in: nothing throws, every value that comes out is one the
 * app accepts, links are a fixpoint, and nothing reaches Object.prototype.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CATEGORIES, CITY_IDS, STATUSES } from '../../../src/domain/types';
import { parseSetMessage } from '../../../src/state/embed-messages';
import { DEFAULT_URL_STATE, MAX_QUERY_CHARS, URL_KEYS, parseUrlState, serializeUrlState, type UrlState } from '../../../src/state/url-codec';

const ID = /^[a-z0-9][a-z0-9._-]*$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (t: string) => t.replace(new RegExp(LONE_SURROGATE, 'g'), '\uFFFD');

/** Every field holds a value the app accepts. */
function expectWellFormed(s: Partial<UrlState>): void {
  if (s.lang !== undefined) expect(['zh', 'en']).toContain(s.lang);
  if (s.date) expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  for (const v of s.cat ?? []) expect(CATEGORIES).toContain(v);
  for (const v of s.status ?? []) expect(STATUSES).toContain(v);
  for (const v of s.city ?? []) expect(CITY_IDS).toContain(v);
  for (const v of s.county ?? []) expect(v).toMatch(/^\d{6}$/);
  for (const k of ['corridor', 'zone', 'sel'] as const) if (s[k]) expect(s[k]).toMatch(ID);
  if (s.within !== undefined && s.within !== null) {
    expect(Number.isFinite(s.within)).toBe(true);
    expect(s.within).toBeGreaterThanOrEqual(0);
    expect(s.within).toBeLessThanOrEqual(50);
  }
  if (s.q !== undefined) {
    expect(Array.from(s.q).length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    // eslint-disable-next-line no-control-regex
    expect(s.q).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(s.q).not.toMatch(LONE_SURROGATE);
  }
  if (s.embed !== undefined) expect(typeof s.embed).toBe('boolean');
  if (s.evidence !== undefined) expect(['all', 'observed']).toContain(s.evidence);
  for (const k of Object.keys(s)) expect(URL_KEYS as readonly string[]).toContain(k);
}

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'lang')).toBe(false);
});

describe('URL fuzzing through the codec', () => {
  const MALICIOUS = [
    'lang=<script>alert(1)</script>',
    'q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
    'sel=%22%3E%3Cscript%3E',
    'corridor=javascript:alert(1)&zone=../../etc/passwd&sel=__proto__',
    '__proto__[polluted]=1&constructor[prototype][polluted]=1&__proto__.polluted=1',
    'date=2024-02-30&date=1899-12-31&within=1e309',
    'within=-0&within=NaN&within=Infinity&within=0x10&within=5e1&within=%2B5',
    'q=%ED%A0%80%ED%B0%80&lang=%E2%80%AEen',
    'q=%E0%A4%A',
    '%',
    '&&&=&==&lang',
    `q=${'%F0%9F%98%80'.repeat(5000)}`,
    `${Array.from({ length: 5000 }, (_, i) => `cat=x${i}`).join('&')}`,
    `county=${Array.from({ length: 500 }, (_, i) => String(510000 + i)).join(',')}`,
    'embed=true&embed=1&evidence=OBSERVED',
    'cat=rail%2Croad&status=complete,complete,,&city=chengdu,,%20deyang%20',
    'q=a%00b%0Ac%1Bd%C2%85e',
    'sel=A&corridor=-x&zone=x'.concat('y'.repeat(200)),
  ];

  for (const query of MALICIOUS) {
    it(`${query.slice(0, 50)}: parses to accepted values and a link that reads back the same`, () => {
      for (const search of [query, `?${query}`]) {
        const state = parseUrlState(search);
        expectWellFormed(state);
        const link = serializeUrlState(state);
        expect(serializeUrlState(parseUrlState(link))).toBe(link);
        expect(link).not.toMatch(/[<>"'`\s]/);
      }
    });
  }

  it('specific malicious values are dropped, not half-kept', () => {
    const s = parseUrlState('?lang=<script>&corridor=javascript:alert(1)&sel=__proto__&within=1e309&date=2024-02-30&embed=true');
    expect(s).toEqual(DEFAULT_URL_STATE);
    expect(serializeUrlState(s)).toBe('');
    expect(s.corridor).toBeNull();
    expect(s.within).toBeNull();
    expect(s.date).toBeNull();
    expect(s.embed).toBe(false);
  });

  it('random strings and random key=value soups never throw and always give accepted values (fast-check)', () => {
    const key = fc.constantFrom(...URL_KEYS, '__proto__', 'constructor', 'x');
    const value = fc.oneof(fc.string({ unit: 'binary' }), fc.string(), fc.constantFrom('NaN', '-1', '1e999', '50.05', '2024-02-29', 'rail,road', '<b>'));
    const soup = fc.array(fc.tuple(key, value), { maxLength: 20 }).map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(wellFormed(v))}`).join('&'));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), soup), (search) => {
        const state = parseUrlState(search);
        expectWellFormed(state);
        const link = serializeUrlState(state);
        return serializeUrlState(parseUrlState(link)) === link;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('garbage cdmz:set messages', () => {
  let deep: Record<string, unknown> = { lang: 'en' };
  for (let i = 0; i < 5000; i++) deep = { nested: deep };
  const throwing = { type: 'cdmz:set', state: Object.defineProperty({}, 'lang', { enumerable: true, get: () => { throw new Error('boom'); } }) };
  const notMessages: [string, unknown][] = [
    ['null', null], ['undefined', undefined], ['a number', 42], ['NaN', NaN], ['a string', 'cdmz:set'],
    ['JSON text', '{"type":"cdmz:set","state":{"lang":"en"}}'], ['an array', [{ type: 'cdmz:set', state: { lang: 'en' } }]],
    ['no type', { state: { lang: 'en' } }], ['another type', { type: 'CDMZ:SET', state: { lang: 'en' } }],
    ['type as an array', { type: ['cdmz:set'], state: { lang: 'en' } }], ['no state', { type: 'cdmz:set' }],
    ['state null', { type: 'cdmz:set', state: null }], ['state an array', { type: 'cdmz:set', state: [['lang', 'en']] }],
    ['state a string', { type: 'cdmz:set', state: 'lang=en' }], ['state a Date', { type: 'cdmz:set', state: new Date() }],
    ['state a Map', { type: 'cdmz:set', state: new Map([['lang', 'en']]) }], ['state a class instance', { type: 'cdmz:set', state: new (class { lang = 'en'; })() }],
    ['a message with a prototype', Object.create({ type: 'cdmz:set', state: { lang: 'en' } })],
    ['a throwing getter', throwing],
  ];
  for (const [name, data] of notMessages) {
    it(`${name}: not a cdmz:set (null), never throws`, () => {
      expect(() => parseSetMessage(data)).not.toThrow();
      expect(parseSetMessage(data)).toBeNull();
    });
  }

  const ignoredFields: [string, Record<string, unknown>][] = [
    ['wrong types everywhere', { lang: 1, date: 20240101, status: [1, 2], city: { chengdu: true }, corridor: ['x'], within: '1e309', zone: {}, q: 5, sel: ['a'], embed: 'yes', county: [510104], evidence: true }],
    ['malformed values', { lang: 'fr', date: '2024-13-45', corridor: '../../x', within: Infinity, zone: '<b>z</b>', sel: 'A B', evidence: 'none' }],
    ['out-of-range numbers', { within: NaN }],
    ['negative distance', { within: -5 }],
    ['huge distance', { within: 1e6 }],
    ['not a leap day', { date: '2023-02-29' }],
    ['nested garbage in a list', { cat: [null, {}, []] }],
    ['keys that are not fields', { unknownKey: 'x', constructor: 'y', toString: 'z', valueOf: 1 }],
    ['deeply nested objects', deep],
    ['a __proto__ key from JSON', JSON.parse('{"__proto__": {"lang": "en", "polluted": 1}}') as Record<string, unknown>],
  ];
  for (const [name, state] of ignoredFields) {
    it(`${name}: every field ignored, nothing applied`, () => {
      const patch = parseSetMessage({ type: 'cdmz:set', state });
      expect(patch).toEqual({});
    });
  }

  // Was a known gap (issue 7 report): `cat: '<garbage>'` became `cat: []` and cleared an active
  // filter; fixed in src/state/embed-messages.ts (helper-7, issue 6).
  it('a list field holding only unknown values is ignored, not applied as "no filter"', () => {
    // `cat: '<img …>'` must not clear an active category filter in the embedding page.
    for (const state of [{ cat: '<img src=x onerror=alert(1)>' }, { status: 'nonsense' }, { city: ['nowhere'] }, { county: 'abc' }]) {
      expect(parseSetMessage({ type: 'cdmz:set', state }), JSON.stringify(state)).toEqual({});
    }
  });

  it('random JSON values never throw and only yield accepted fields (fast-check)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.constantFrom(...URL_KEYS, '__proto__', 'x'), fc.jsonValue()), (raw, state) => {
        expect(parseSetMessage(raw) === null || typeof raw === 'object').toBe(true);
        const patch = parseSetMessage({ type: 'cdmz:set', state });
        expect(patch).not.toBeNull();
        expectWellFormed(patch as Partial<UrlState>);
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});
