import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CITY_IDS, STATUSES } from '../../../src/domain/types';
import {
  DEFAULT_URL_STATE,
  MAX_QUERY_CHARS,
  parseUrlState,
  sanitizeAgainstAtlas,
  serializeUrlState,
  URL_KEYS,
  type UrlState,
} from '../../../src/state/url-codec';

/** Every invariant a parsed state must hold. */
function expectValid(state: UrlState): void {
  expect(Object.keys(state).sort()).toEqual([...URL_KEYS].sort());
  expect(['zh', 'en']).toContain(state.lang);
  if (state.date !== null) {
    expect(state.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${state.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(state.date);
  }
  for (const c of state.cat) expect(CATEGORIES).toContain(c);
  for (const s of state.status) expect(STATUSES).toContain(s);
  for (const c of state.city) expect(CITY_IDS).toContain(c);
  for (const c of state.county) expect(c).toMatch(/^\d{6}$/);
  for (const list of [state.cat, state.status, state.city, state.county]) expect(new Set(list).size).toBe(list.length);
  if (state.within !== null) {
    expect(Number.isFinite(state.within)).toBe(true);
    expect(state.within).toBeGreaterThanOrEqual(0);
    expect(state.within).toBeLessThanOrEqual(50);
  }
  for (const id of [state.corridor, state.zone, state.sel]) if (id !== null) expect(id).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
  expect(typeof state.q).toBe('string');
  expect(Array.from(state.q).length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
  expect(typeof state.embed).toBe('boolean');
  expect(['all', 'observed']).toContain(state.evidence);
  if (state.bbox !== null) {
    const [w, s, e, n] = state.bbox;
    expect(w < e && s < n && Math.abs(w) <= 180 && Math.abs(e) <= 180 && Math.abs(s) <= 85 && Math.abs(n) <= 85).toBe(true);
  }
}

describe('parseUrlState', () => {
  it('reads every DESIGN.md parameter', () => {
    const s = parseUrlState(
      '?lang=en&date=2023-12-31&cat=rail,road&status=under-construction&city=ziyang&corridor=belt-chengzi-airport&within=5&zone=jz-jianyan&q=%E6%88%90%E8%B5%84&sel=chengzi-avenue&embed=1&county=512002&evidence=observed',
    );
    expect(s).toEqual({
      lang: 'en',
      date: '2023-12-31',
      cat: ['rail', 'road'],
      status: ['under-construction'],
      city: ['ziyang'],
      corridor: 'belt-chengzi-airport',
      within: 5,
      zone: 'jz-jianyan',
      q: '成资',
      sel: 'chengzi-avenue',
      embed: true,
      county: ['512002'],
      evidence: 'observed',
      bbox: null,
    });
  });

  it('reads bbox as four plain numbers west < east, south < north, and drops anything else', () => {
    expect(parseUrlState('?bbox=104.0,30.4,104.6,30.8').bbox).toEqual([104, 30.4, 104.6, 30.8]);
    expect(parseUrlState('?bbox=104.123456,30.4,104.6,30.8').bbox).toEqual([104.1235, 30.4, 104.6, 30.8]);
    for (const bad of ['104.6,30.4,104.0,30.8', '104,30.8,104.6,30.4', '1e3,30,104,31', '104,30,105', '104,30,105,31,1', 'NaN,30,105,31', '104,-90,105,31', '１04,30,105,31', '']) {
      expect(parseUrlState(`?bbox=${encodeURIComponent(bad)}`).bbox, bad).toBeNull();
    }
  });

  it('gives defaults for an empty or absent query', () => {
    expect(parseUrlState('')).toEqual(DEFAULT_URL_STATE);
    expect(parseUrlState('?')).toEqual(DEFAULT_URL_STATE);
  });

  it('drops malformed values and keeps the good ones', () => {
    const s = parseUrlState('?lang=fr&date=2023-02-30&cat=rail,spaceport,rail&status=done&within=51&corridor=<script>&sel=__proto__&zone=%&embed=yes&county=5101,510113&q=%ZZ');
    expect(s).toEqual({ ...DEFAULT_URL_STATE, cat: ['rail'], county: ['510113'], sel: null, q: '%ZZ' });
  });

  it('accepts boundary distances and rounds to 0.1 km', () => {
    expect(parseUrlState('within=0').within).toBe(0);
    expect(parseUrlState('within=50').within).toBe(50);
    expect(parseUrlState('within=2.25').within).toBe(2.3);
    expect(parseUrlState('within=50.01').within).toBe(50);
    expect(parseUrlState('within=50.1').within).toBeNull();
    for (const bad of ['-1', '1e3', 'NaN', 'Infinity', '0x10', '', ' ', '5km', '9'.repeat(400)]) {
      expect(parseUrlState(`within=${bad}`).within).toBeNull();
    }
  });

  it('accepts only real calendar dates', () => {
    expect(parseUrlState('date=2024-02-29').date).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2023-13-01', '2023-00-10', '2023-1-1', '20231231', '2023-12-31T00:00', '1899-12-31', '9999-01-01']) {
      expect(parseUrlState(`date=${bad}`).date).toBeNull();
    }
  });

  it('merges repeated list keys and takes the first of repeated single keys', () => {
    const s = parseUrlState('cat=road&cat=rail&lang=en&lang=zh&within=3&within=4');
    expect(s.cat).toEqual(['rail', 'road']);
    expect(s.lang).toBe('en');
    expect(s.within).toBe(3);
  });

  it('cleans the search text: trimmed, control characters removed, bounded length', () => {
    expect(parseUrlState('q=%20%20a%0Ab%00c%20%20').q).toBe('a b c');
    expect(Array.from(parseUrlState(`q=${'成'.repeat(500)}`).q)).toHaveLength(MAX_QUERY_CHARS);
    expect(parseUrlState('q=%F0%9F%9A%84%E6%88%90').q).toBe('🚄成');
  });
});

describe('serializeUrlState', () => {
  it('omits defaults', () => {
    expect(serializeUrlState(DEFAULT_URL_STATE)).toBe('');
  });

  it('writes keys in the stable DESIGN.md order whatever the input order', () => {
    const s = parseUrlState('embed=1&sel=x&q=a+b&zone=z&within=5&corridor=c&city=deyang&status=complete&cat=rail&date=2023-12-31&lang=en&evidence=observed&county=510681');
    expect(serializeUrlState(s)).toBe(
      'lang=en&date=2023-12-31&cat=rail&status=complete&city=deyang&corridor=c&within=5&zone=z&q=a+b&sel=x&embed=1&county=510681&evidence=observed',
    );
  });

  it('writes lists in enum order and normalises hand-built states', () => {
    const state: UrlState = { ...DEFAULT_URL_STATE, cat: ['road', 'rail'], within: 2.25, q: '  成资 ', date: '2023-02-30' };
    expect(serializeUrlState(state)).toBe('cat=rail,road&within=2.3&q=%E6%88%90%E8%B5%84');
  });

  it('round-trips every valid state', () => {
    const state: UrlState = {
      lang: 'en',
      date: '2023-12-31',
      cat: ['rail', 'water'],
      status: ['planned', 'complete'],
      city: ['chengdu', 'meishan'],
      corridor: 'belt-chengzi-airport',
      within: 12.5,
      zone: 'jz-xinpeng',
      q: 'S11 成德 & = ? # % +',
      sel: 'chengde-s11',
      embed: true,
      county: ['510113', '510681'],
      evidence: 'observed',
      bbox: [103.9, 30.35, 104.75, 30.9],
    };
    expect(parseUrlState(serializeUrlState(state))).toEqual(state);
    expect(parseUrlState(`?${serializeUrlState(state)}`)).toEqual(state);
  });
});

const hostileFragment = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '%', '%%', '%E6', '%ZZ', '%00', '&&', '==', '?', '#', '+', '__proto__', 'constructor', 'prototype', 'toString',
    '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '1e309', '-0', 'NaN', '9'.repeat(400),
    '\u0000', '\uD800', '\uDC00x', '成德眉资', 'ＣＨＥＮＧＤＵ', ',', ',,,', 'rail,,road', ' 5 ', '2023-12-31', '1',
  ),
);
const knownKey = fc.constantFrom(...URL_KEYS, '__proto__', 'constructor', 'camera', '');
const pair = fc.tuple(fc.oneof(knownKey, hostileFragment), hostileFragment);
const encodePart = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return s; // lone surrogates: keep raw, the parser must cope anyway
  }
};
const hostileQuery = fc.oneof(
  hostileFragment,
  fc.array(pair, { maxLength: 20 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
  fc.array(pair, { maxLength: 20 }).map((pairs) => `?${pairs.map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`).join('&')}`),
);

const validState: fc.Arbitrary<UrlState> = fc.record({
  lang: fc.constantFrom('zh' as const, 'en' as const),
  date: fc.option(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: null }),
  cat: fc.subarray([...CATEGORIES]),
  status: fc.subarray([...STATUSES]),
  city: fc.subarray([...CITY_IDS]),
  corridor: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/), { nil: null }),
  within: fc.option(fc.integer({ min: 0, max: 500 }).map((n) => n / 10), { nil: null }),
  zone: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/), { nil: null }),
  // eslint-disable-next-line no-control-regex -- generate queries without control characters
  q: fc.string({ maxLength: 40 }).map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').replace(/\s+/g, ' ').trim()),
  sel: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/), { nil: null }),
  embed: fc.boolean(),
  county: fc.uniqueArray(fc.integer({ min: 110000, max: 659999 }).map(String), { maxLength: 5 }).map((a) => [...a].sort()),
  evidence: fc.constantFrom('all' as const, 'observed' as const),
  bbox: fc.option(
    fc.tuple(fc.integer({ min: -1800000, max: 1799999 }), fc.integer({ min: -850000, max: 849999 }), fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 1, max: 10000 }))
      .map(([w, s, dw, dh]) => [w / 1e4, s / 1e4, Math.min(1800000, w + dw) / 1e4, Math.min(850000, s + dh) / 1e4] as [number, number, number, number]),
    { nil: null },
  ),
});

describe('URL codec properties (fast-check)', () => {
  it('never throws on random and hostile query strings and always yields a valid state', () => {
    fc.assert(
      fc.property(hostileQuery, (query) => {
        expectValid(parseUrlState(query));
      }),
      { numRuns: 2000 },
    );
  });

  it('serialize∘parse is a fixpoint', () => {
    fc.assert(
      fc.property(hostileQuery, (query) => {
        const once = serializeUrlState(parseUrlState(query));
        expect(serializeUrlState(parseUrlState(once))).toBe(once);
        expect(parseUrlState(once)).toEqual(parseUrlState(serializeUrlState(parseUrlState(once))));
      }),
      { numRuns: 2000 },
    );
  });

  it('parse∘serialize is the identity on valid states', () => {
    fc.assert(
      fc.property(validState, (state) => {
        expect(parseUrlState(serializeUrlState(state))).toEqual(state);
      }),
      { numRuns: 1000 },
    );
  });

  it('never pollutes Object.prototype', () => {
    fc.assert(fc.property(hostileQuery, (query) => void parseUrlState(`${query}&__proto__[polluted]=1&__proto__=x`)), { numRuns: 200 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('sanitizeAgainstAtlas', () => {
  const known = { corridorIds: new Set(['c-east']), zoneIds: new Set(['z-qg']), projectIds: new Set(['p-rail-a']), countyCodes: new Set(['510113']) };
  it('drops ids the data does not know', () => {
    const s = parseUrlState('corridor=c-gone&within=5&zone=z-gone&sel=p-gone&county=510113,999999');
    expect(sanitizeAgainstAtlas(s, known)).toEqual({ ...s, corridor: null, zone: null, sel: null, county: ['510113'] });
  });
  it('returns the same object when every id is known', () => {
    const s = parseUrlState('corridor=c-east&zone=z-qg&sel=p-rail-a&county=510113');
    expect(sanitizeAgainstAtlas(s, known)).toBe(s);
  });
});
