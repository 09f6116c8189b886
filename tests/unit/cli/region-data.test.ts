/**
 * Checks of the committed region files (data/region.topo.json, counties/cities/water GeoJSON):
 * counts, codes and names, validity, shared borders, cities as unions of counties, and points
 * whose county is known from an independent WGS-84 source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { area, booleanPointInPolygon, booleanValid, intersect, union, featureCollection } from '@turf/turf';
import { feature, merge, neighbors } from 'topojson-client';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

const DATA = join(import.meta.dirname, '../../../data');
const read = <T>(name: string): T => JSON.parse(readFileSync(join(DATA, name), 'utf8')) as T;

type Area = Feature<Polygon | MultiPolygon, Record<string, unknown>>;
const topo = read<Topology>('region.topo.json');
const counties = read<FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>>('counties.geojson').features;
const cities = read<FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>>('cities.geojson').features;
const water = read<FeatureCollection<LineString | Polygon, Record<string, unknown>>>('water.geojson').features;
const countyObject = topo.objects.counties as GeometryCollection<Record<string, unknown>>;
const cityObject = topo.objects.cities as GeometryCollection<Record<string, unknown>>;

/** The 35 current codes and names (REGION facts; official romanisation). */
const EXPECTED: [string, string, string, string][] = [
  ['510104', '锦江区', 'Jinjiang District', 'chengdu'],
  ['510105', '青羊区', 'Qingyang District', 'chengdu'],
  ['510106', '金牛区', 'Jinniu District', 'chengdu'],
  ['510107', '武侯区', 'Wuhou District', 'chengdu'],
  ['510108', '成华区', 'Chenghua District', 'chengdu'],
  ['510112', '龙泉驿区', 'Longquanyi District', 'chengdu'],
  ['510113', '青白江区', 'Qingbaijiang District', 'chengdu'],
  ['510114', '新都区', 'Xindu District', 'chengdu'],
  ['510115', '温江区', 'Wenjiang District', 'chengdu'],
  ['510116', '双流区', 'Shuangliu District', 'chengdu'],
  ['510117', '郫都区', 'Pidu District', 'chengdu'],
  ['510118', '新津区', 'Xinjin District', 'chengdu'],
  ['510121', '金堂县', 'Jintang County', 'chengdu'],
  ['510129', '大邑县', 'Dayi County', 'chengdu'],
  ['510131', '蒲江县', 'Pujiang County', 'chengdu'],
  ['510181', '都江堰市', 'Dujiangyan City', 'chengdu'],
  ['510182', '彭州市', 'Pengzhou City', 'chengdu'],
  ['510183', '邛崃市', 'Qionglai City', 'chengdu'],
  ['510184', '崇州市', 'Chongzhou City', 'chengdu'],
  ['510185', '简阳市', 'Jianyang City', 'chengdu'],
  ['510603', '旌阳区', 'Jingyang District', 'deyang'],
  ['510604', '罗江区', 'Luojiang District', 'deyang'],
  ['510623', '中江县', 'Zhongjiang County', 'deyang'],
  ['510681', '广汉市', 'Guanghan City', 'deyang'],
  ['510682', '什邡市', 'Shifang City', 'deyang'],
  ['510683', '绵竹市', 'Mianzhu City', 'deyang'],
  ['511402', '东坡区', 'Dongpo District', 'meishan'],
  ['511403', '彭山区', 'Pengshan District', 'meishan'],
  ['511421', '仁寿县', 'Renshou County', 'meishan'],
  ['511423', '洪雅县', 'Hongya County', 'meishan'],
  ['511424', '丹棱县', 'Danling County', 'meishan'],
  ['511425', '青神县', 'Qingshen County', 'meishan'],
  ['512002', '雁江区', 'Yanjiang District', 'ziyang'],
  ['512021', '安岳县', 'Anyue County', 'ziyang'],
  ['512022', '乐至县', 'Lezhi County', 'ziyang'],
];

/**
 * Points with a known county, taken from the Tianditu county boundaries (WGS-84/CGCS2000,
 * ../shared/facts/reference/counties-tianditu.geojson): poles of inaccessibility of the reference
 * polygons, and points 400 m either side of the middle of a long border segment shared by two
 * reference counties.
 */
const REFERENCE_POINTS: [string, [number, number]][] = [
  ['510104', [104.1106, 30.5992]],
  ['510106', [104.0416, 30.7067]],
  ['510117', [103.8547, 30.85]],
  ['510185', [104.5635, 30.4367]],
  ['510604', [104.5147, 31.3142]],
  ['510682', [104.1138, 31.1377]],
  ['511403', [103.8611, 30.2508]],
  ['511423', [103.096, 29.5584]],
  ['512022', [104.9969, 30.3031]],
  ['510104', [104.07215, 30.64982]],
  ['510107', [104.07013, 30.64284]],
  ['510117', [104.02881, 30.74115]],
  ['510106', [104.02332, 30.73571]],
  ['510185', [104.63317, 30.24581]],
  ['512002', [104.63349, 30.23862]],
  ['510681', [104.30585, 30.9021]],
  ['510113', [104.30249, 30.89551]],
  ['510604', [104.42428, 31.3069]],
  ['510603', [104.41768, 31.30243]],
  ['512021', [105.22271, 30.2519]],
  ['512022', [105.21635, 30.25655]],
  ['510183', [103.63692, 30.32083]],
  ['510131', [103.63413, 30.31405]],
];

const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const signedArea = (ring: Position[]): number => {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s / 2;
};
const countyByCode = (code: string): Area => {
  const f = counties.find((c) => c.properties.code === code);
  if (!f) throw new Error(`county ${code} not in counties.geojson`);
  return f;
};

describe('region files: counts, codes, names', () => {
  it('has 35 counties and 4 cities in both the topology and the GeoJSON', () => {
    expect(countyObject.geometries).toHaveLength(35);
    expect(cityObject.geometries).toHaveLength(4);
    expect(counties).toHaveLength(35);
    expect(cities).toHaveLength(4);
  });

  it('carries exactly the 35 current codes with their names and city', () => {
    const actual = counties.map((f) => [f.properties.code, f.properties.name_zh, f.properties.name_en, f.properties.city]);
    expect(actual).toEqual(EXPECTED);
    expect(countyObject.geometries.map((g) => (g.properties as Record<string, unknown>).code)).toEqual(EXPECTED.map((e) => e[0]));
    expect(counties.map((f) => f.id)).toEqual(EXPECTED.map((e) => e[0]));
  });

  it('names the cities with their codes', () => {
    expect(cities.map((f) => [f.properties.city, f.properties.code, f.properties.name_zh, f.properties.name_en])).toEqual([
      ['chengdu', '510100', '成都市', 'Chengdu'],
      ['deyang', '510600', '德阳市', 'Deyang'],
      ['meishan', '511400', '眉山市', 'Meishan'],
      ['ziyang', '512000', '资阳市', 'Ziyang'],
    ]);
  });

  it('GeoJSON files are the topology decoded', () => {
    const decoded = (feature(topo, countyObject) as FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>).features;
    expect(decoded.map((f) => f.properties)).toEqual(counties.map((f) => f.properties));
    decoded.forEach((f, i) => {
      const a = polygonsOf(f.geometry as Polygon | MultiPolygon).flat(2);
      const b = polygonsOf(counties[i]!.geometry).flat(2);
      expect(a.length).toBeGreaterThanOrEqual(b.length);
      expect(Math.abs(area(f) - area(counties[i]!)) / area(counties[i]!)).toBeLessThan(1e-6);
    });
  });
});

describe('region files: geometry validity', () => {
  it.each([...counties, ...cities].map((f) => [String(f.properties.code), f] as const))('%s is valid, closed, RFC 7946 wound, no repeated vertices', (_code, f) => {
    expect(booleanValid(f)).toBe(true);
    for (const polygon of polygonsOf(f.geometry)) {
      polygon.forEach((ring, i) => {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (let k = 0; k + 1 < ring.length; k++) expect(ring[k]).not.toEqual(ring[k + 1]);
        if (i === 0) expect(signedArea(ring)).toBeGreaterThan(0);
        else expect(signedArea(ring)).toBeLessThan(0);
      });
    }
  });

  it('keeps its coordinates in WGS-84 within the four cities', () => {
    const [x0, y0, x1, y1] = topo.bbox!;
    expect(x0).toBeGreaterThan(102.8);
    expect(x1).toBeLessThan(105.9);
    expect(y0).toBeGreaterThan(29.3);
    expect(y1).toBeLessThan(31.8);
  });
});

describe('region files: shared borders', () => {
  it('uses every arc once (outline) or twice in opposite directions (a border shared by two counties)', () => {
    const uses = new Map<number, number[]>();
    for (const g of countyObject.geometries) {
      const rings = g.type === 'Polygon' ? g.arcs : g.type === 'MultiPolygon' ? g.arcs.flat() : [];
      for (const ring of rings) for (const a of ring) uses.set(a < 0 ? ~a : a, [...(uses.get(a < 0 ? ~a : a) ?? []), a]);
    }
    expect(uses.size).toBe(topo.arcs.length);
    let shared = 0;
    for (const list of uses.values()) {
      expect(list.length).toBeLessThanOrEqual(2);
      if (list.length === 2) {
        shared++;
        expect(list[0]! < 0).not.toBe(list[1]! < 0);
      }
    }
    expect(shared).toBeGreaterThan(60);
  });

  it('makes known neighbours share a border', () => {
    const nb = neighbors(countyObject.geometries as never);
    const codes = countyObject.geometries.map((g) => (g.properties as Record<string, unknown>).code as string);
    const of = (code: string): string[] => nb[codes.indexOf(code)]!.map((i) => codes[i]!);
    expect(of('510106')).toEqual(expect.arrayContaining(['510105', '510108', '510114', '510117']));
    expect(of('510185')).toEqual(expect.arrayContaining(['512002', '510112', '511421']));
    expect(of('510681')).toEqual(expect.arrayContaining(['510113', '510114', '510603']));
    expect(of('511403')).toEqual(expect.arrayContaining(['510116', '510118', '511402']));
  });

  it('has no gaps or overlaps: county areas sum to the area of their union', () => {
    // The union is computed independently of the topology (polygon clipping), so an overlap
    // would make the sum larger than the union and a gap would show as a hole in it.
    const dissolved = union(featureCollection(counties));
    expect(dissolved).not.toBeNull();
    const regionKm2 = area(dissolved!) / 1e6;
    const sumKm2 = counties.reduce((s, f) => s + area(f), 0) / 1e6;
    const citiesKm2 = cities.reduce((s, f) => s + area(f), 0) / 1e6;
    const topoKm2 = area(merge(topo, countyObject.geometries as never)) / 1e6;
    expect(regionKm2).toBeGreaterThan(33_000);
    expect(regionKm2).toBeLessThan(33_500);
    expect(Math.abs(sumKm2 - regionKm2) / regionKm2).toBeLessThan(1e-7);
    expect(Math.abs(citiesKm2 - regionKm2) / regionKm2).toBeLessThan(1e-7);
    expect(Math.abs(topoKm2 - regionKm2) / regionKm2).toBeLessThan(1e-7);
    // Holes of the union: only the 0.92 km² enclave next to 洪雅 (an outside county's land).
    const holes = polygonsOf(dissolved!.geometry).flatMap((p) => p.slice(1));
    expect(holes).toHaveLength(1);
    expect(area({ type: 'Polygon', coordinates: [holes[0]!.slice().reverse()] }) / 1e6).toBeCloseTo(0.92, 1);
  });

  it('neighbouring counties overlap by nothing (a sample of borders, incl. exclaves)', () => {
    const pairs: [string, string][] = [
      ['510104', '510107'],
      ['510106', '510117'],
      ['510185', '512002'],
      ['510681', '510113'],
      ['511402', '511403'],
      ['510603', '510604'],
      ['512021', '512022'],
      ['510116', '511403'],
    ];
    for (const [a, b] of pairs) {
      const overlap = intersect(featureCollection([countyByCode(a), countyByCode(b)]));
      expect(overlap ? area(overlap) : 0, `${a}/${b}`).toBeLessThan(1);
    }
  });

  it('keeps the exclaves: 金牛 inside 郫都, 双流 inside 彭山, and 彭山 west of 新津', () => {
    expect(countyByCode('510106').geometry.type).toBe('MultiPolygon');
    expect(countyByCode('510116').geometry.type).toBe('MultiPolygon');
    expect(countyByCode('511403').geometry.type).toBe('MultiPolygon');
    // 郫都 and 彭山 have holes where the exclaves sit.
    expect(polygonsOf(countyByCode('510117').geometry)[0]!.length).toBe(2);
    expect(polygonsOf(countyByCode('511403').geometry).some((p) => p.length === 2)).toBe(true);
  });
});

describe('region files: cities are the union of their counties', () => {
  it.each(cities.map((c) => [c.properties.city as string, c] as const))('%s', (city, cityFeature) => {
    const members = counties.filter((f) => f.properties.city === city);
    const dissolved = union(featureCollection(members));
    expect(dissolved).not.toBeNull();
    const cityKm2 = area(cityFeature);
    expect(Math.abs(area(dissolved!) - cityKm2) / cityKm2).toBeLessThan(1e-6);
    for (const m of members) expect(booleanPointInPolygon(m.properties.label as Position, cityFeature)).toBe(true);
  });
});

describe('region files: positions in WGS-84', () => {
  it.each(REFERENCE_POINTS)('%s contains %j', (code, point) => {
    const hits = counties.filter((f) => booleanPointInPolygon(point, f)).map((f) => f.properties.code);
    expect(hits).toEqual([code]);
  });

  it('puts every label inside its own polygon', () => {
    for (const f of [...counties, ...cities]) expect(booleanPointInPolygon(f.properties.label as Position, f), String(f.properties.code)).toBe(true);
  });
});

describe('water.geojson', () => {
  const rivers = water.filter((f) => f.properties.kind === 'river');
  const lakes = water.filter((f) => f.properties.kind === 'lake');

  it('has the 岷江 and 沱江 lines with names, licence and source', () => {
    expect(rivers.map((r) => [r.properties.name_zh, r.properties.name_en])).toEqual([
      ['岷江', 'Min River'],
      ['沱江', 'Tuo River'],
    ]);
    for (const r of rivers) {
      expect(r.geometry.type).toBe('LineString');
      expect(String(r.properties.licence)).toMatch(/LGPL|Public domain/);
      expect(String(r.properties.source).length).toBeGreaterThan(10);
    }
  });

  it('has lakes of at least 2 km² touching the region, with the OSM licence', () => {
    expect(lakes.length).toBeGreaterThanOrEqual(10);
    const region = merge(topo, countyObject.geometries as never);
    for (const l of lakes) {
      expect(l.geometry.type).toBe('Polygon');
      expect(l.properties.licence).toBe('ODbL-1.0');
      expect(l.properties.area_km2 as number).toBeGreaterThanOrEqual(2);
      expect(Math.abs(area(l) / 1e6 - (l.properties.area_km2 as number))).toBeLessThan(0.01);
      const regionFeature: Feature<MultiPolygon> = { type: 'Feature', properties: {}, geometry: region };
      expect(intersect(featureCollection<Polygon | MultiPolygon>([l as Feature<Polygon>, regionFeature]))).not.toBeNull();
    }
    expect(lakes.map((l) => l.properties.area_km2)).toEqual([...lakes.map((l) => l.properties.area_km2)].sort((a, b) => (b as number) - (a as number)));
  });
});
