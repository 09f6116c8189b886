/**
 * Authoring tool: builds `data/projects.json` and `data/sources.json` from the fact base
 * (`../shared/facts/`, not part of the project). The committed data files stand alone; CI never
 * runs this script. Run: `npx tsx src/cli/build-projects.ts [--facts ../shared/facts]`.
 *
 * What it does, and why:
 * - ids, names, categories, quotes, dates, statuses and figures are copied from the facts;
 *   only the English notes are written here (build-projects-en.ts);
 * - month/year-only dates become the last day of the period with `date_precision`;
 * - county names become current codes (new areas mapped to the counties they lie in);
 * - geometry: the lines of `geometry/lines.geojson` where they exist, else straight segments
 *   through the waypoints (schematic), else a point/multipoint at the places; never a made-up
 *   polygon; no places → geometry null. Waypoint lines are clipped to the four cities.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type {
  Category,
  CityId,
  ComponentProgress,
  GeometryAccuracy,
  KeyFact,
  Milestone,
  Project,
  Source,
  Station,
  Status,
  Target,
} from '../domain/types';
import { FACT_LABELS, MILESTONE_NOTES_EN, TARGET_NOTES_EN } from './build-projects-en';

interface FactValue {
  value: unknown;
  unit?: string;
  note?: string;
  source: string;
  quote: string;
  source_published?: string;
  source_note?: string;
}
interface FactTimeline {
  date: string;
  status: string;
  progress_pct: number | null;
  note_zh: string;
  source: string;
  quote: string;
  source_published?: string;
  source_note?: string;
  evidence_type: 'progress-report' | 'plan-task' | 'public-fact';
  section?: string;
  component_progress?: { component: string; pct: number | string }[];
  quote_clean?: string;
}
interface FactTarget {
  target_date: string;
  target_status: string;
  note_zh: string;
  source: string;
  quote: string;
  source_published?: string;
}
interface FactProject {
  id: string;
  name_zh: string;
  name_en: string;
  aliases?: string[];
  category: Category;
  cities: string[];
  counties: string[];
  geometry_kind: 'line' | 'point' | 'area';
  geometry_places: string[];
  facts: Record<string, FactValue>;
  timeline: FactTimeline[];
  targets?: FactTarget[];
  notes?: string;
}
interface FactPlace {
  id: string;
  name_zh: string;
  name_en: string;
  lon: number;
  lat: number;
  kind: string;
  source: string;
  confidence: 'high' | 'medium' | 'low';
  note?: string;
}
interface ImprovedPlace {
  place_id: string | null;
  lon: number | null;
  lat: number | null;
  status: string;
  confidence: 'high' | 'medium' | 'low';
  use_for_geometry?: boolean;
  snapped_lon?: number;
  snapped_lat?: number;
}

const ODBL = 'ODbL 1.0, © OpenStreetMap contributors';

/** Inline pinyin annotations of some mirrored pages, e.g. 推進(jìn): dropped in `quote_clean` only. */
const PINYIN_NOTE = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/;
const PINYIN_NOTE_ALL = new RegExp(PINYIN_NOTE.source, 'g');

/** County names of the fact base → current codes (REGION.md). New areas → the counties they lie in. */
const COUNTY_CODES: Record<string, string[]> = {
  锦江区: ['510104'],
  青羊区: ['510105'],
  金牛区: ['510106'],
  成华区: ['510108'],
  龙泉驿区: ['510112'],
  青白江区: ['510113'],
  新都区: ['510114'],
  温江区: ['510115'],
  双流区: ['510116'],
  金堂县: ['510121'],
  都江堰市: ['510181'],
  彭州市: ['510182'],
  崇州市: ['510184'],
  简阳市: ['510185'],
  旌阳区: ['510603'],
  中江县: ['510623'],
  广汉市: ['510681'],
  什邡市: ['510682'],
  东坡区: ['511402'],
  仁寿县: ['511421'],
  雁江区: ['512002'],
  安岳县: ['512021'],
  乐至县: ['512022'],
  // 成都东部新区 is administered from land of 简阳市 (incl. 芦葭 and the former 天府新区简阳片区).
  成都东部新区: ['510185'],
  '简阳市(成都东部新区)': ['510185'],
  '成都东部新区(简阳市芦葭镇一带)': ['510185'],
  '成都东部新区(原简阳市部分乡镇)': ['510185'],
  // 四川天府新区成都直管区 lies mostly in 双流区 (天府站, 兴隆湖, 华阳 are in 双流区).
  四川天府新区: ['510116'],
  '四川天府新区(成都直管区)': ['510116'],
  // 眉山天府新区 spans 彭山区 and 仁寿县 (视高 is in 仁寿县).
  眉山天府新区: ['511403', '511421'],
  '金堂县(淮州新城)': ['510121'],
  '中江县(凯州新城)': ['510623'],
  '雁江区(资阳临空经济区)': ['512002'],
  // 眉东新城: county not verified in the facts → no code (Meishan stays in `cities`).
  '眉山(眉东新城)': [],
};

const STATUS_MAP: Record<string, Status> = {
  planned: 'planned',
  preparatory: 'preparatory',
  'under-construction': 'under-construction',
  'partially-open': 'partly-open',
  complete: 'complete',
};
const EVIDENCE_MAP = { 'progress-report': 'report', 'plan-task': 'plan', 'public-fact': 'public' } as const;

/**
 * Corrections of the fact base found while checking it against the seeds (reported in data/README.md):
 * the 资阳临空经济区 "主阵地" sentence is in seed 003's 2024 plan list, not in its 2023 review.
 */
const DATE_CORRECTIONS: Record<string, Record<number, string>> = {
  'ziyang-airport-economic-zone': { 0: '2024-01-25' },
};

/**
 * Seed 004 is a meeting report, not a plan: its "建好用好现有的天府实验室" describes the lab as
 * existing (an observation), although the sentence is phrased as a directive.
 */
const EVIDENCE_CORRECTIONS: Record<string, Record<number, 'report' | 'plan'>> = {
  'tianfu-lab-sci-tech-island': { 1: 'report' },
  // Seed 003's sidebar item of 2023-02-23 is a deputy's proposal to speed up the road network
  // (建议全力加快…), not an observation: it must not move 金简仁 back from its 2022 partial opening.
  'jinjianren-expressway': { 1: 'plan' },
};

/**
 * Low-confidence place estimates that fall in the wrong county (checked against the county
 * outlines): a site resting on one alone gets no geometry; where other places mark the project
 * the point is left out; a schematic line through ≥ 3 waypoints keeps it, with a note.
 */
const WRONG_PLACES: Record<string, string> = {
  'gaosi-town': 'The estimated position of 高寺镇 (乐至县) falls inside 简阳市',
  shigao: 'The estimated position of 视高 (眉山天府新区, 仁寿县) falls inside 双流区',
};

/** Point/area projects whose place is a stand-in (city centre, nearby station), not the site itself. */
const STAND_IN_PLACES = new Set(['ziyang', 'jianyang', 'lezhi', 'longquanyi', 'zyl-03-ziyang-linkong', 'tianfu-airport', 'sancha-metro']);
/** Point projects whose single place IS the site (a station, an airport, the island). */
const OWN_SITE: Record<string, string> = {
  'tianfu-international-airport': 'tianfu-airport',
  'ziyang-north-hub': 'zyl-07-ziyang-north',
  'tianfu-lab-sci-tech-island': 'xinglonghu',
  'laoying-reservoir': 'laoying-reservoir',
  'sancha-lake-irrigation': 'sancha-lake',
};

const PUBLISHERS: Record<string, [string, string]> = {
  'sc.people.com.cn': ['人民网四川频道', "People's Daily Online, Sichuan channel"],
  'epaper.scdaily.cn': ['四川日报(电子版)', 'Sichuan Daily (e-paper)'],
  'caijing.chinadaily.com.cn': ['中国日报网财经频道', 'China Daily (finance channel)'],
  'sc.sina.com.cn': ['新浪四川', 'Sina Sichuan'],
  'sc.china.com.cn': ['中国网四川频道', 'China.com.cn, Sichuan channel'],
  'www.camet.org.cn': ['中国城市轨道交通协会', 'China Association of Metros'],
};

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  return v ?? fallback;
}

const factsDir = arg('--facts', join(process.cwd(), '..', 'shared', 'facts'));
const outDir = arg('--out', join(process.cwd(), 'data'));
const seedsDir = join(factsDir, '..', 'seeds');

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const factProjects = readJson<FactProject[]>(join(factsDir, 'projects.json'));
const places = new Map(readJson<FactPlace[]>(join(factsDir, 'places.json')).map((p) => [p.id, p]));
const improved = readJson<{ places: ImprovedPlace[] }>(join(factsDir, 'geometry', 'places-improved.json')).places;
const lines = readJson<FeatureCollection<LineString>>(join(factsDir, 'geometry', 'lines.geojson'));
const areas = readJson<FeatureCollection>(join(factsDir, 'geometry', 'areas.geojson'));
const counties = readJson<FeatureCollection<Polygon | MultiPolygon>>(join(factsDir, 'reference', 'counties-tianditu.geojson'));

// places-improved.json corrections (only those meant for geometry).
for (const imp of improved) {
  if (imp.place_id && imp.use_for_geometry && imp.lon !== null && imp.lat !== null) {
    const p = places.get(imp.place_id);
    if (p) places.set(imp.place_id, { ...p, lon: imp.lon, lat: imp.lat, confidence: imp.confidence, source: `${p.source}; corrected by geometry/places-improved.json (OpenStreetMap)` });
  }
}

// ---------- sources ----------
const SEEDS: Source[] = [
  {
    id: 'seed-000',
    publisher_zh: '资阳市全面融入成渝地区双城经济圈建设暨推进同城化发展领导小组办公室(资阳市同城化发展工作局发布)',
    publisher_en: 'Office of the Ziyang leading group for integration with Chengdu (published by the Ziyang Integration Development Bureau)',
    title: '资阳市全面融入成渝地区双城经济圈建设暨推进同城化发展领导小组办公室关于全市推进同城化发展2023年第一季度重点工作情况的通报',
    date: '2023-04-26',
    url: null,
    kind: 'seed',
    note: 'Seed 000 (000_208ea4899523fd6b.txt), 资阳市人民政府 website, document number shown as "资双圈同城领办20236" (brackets lost). Facts as of 2023-03-31 (Q1). Some characters are lost in the text (e.g. "202211月" = 2022年11月; "地表水类" lacks Ⅲ); quotes keep the text as it stands.',
  },
  {
    id: 'seed-001',
    publisher_zh: '资阳市雁江区全面融入成渝地区双城经济圈建设暨推进同城化发展领导小组办公室(雁江区同城化发展工作局发布)',
    publisher_en: 'Office of the Yanjiang district (Ziyang) leading group for integration (published by the Yanjiang Integration Development Bureau)',
    title: '资阳市雁江区全面融入成渝地区双城经济圈建设暨推进同城化发展领导小组办公室关于印发《资阳市雁江区贯彻落实〈成都都市圈发展规划〉重点任务责任分工方案》',
    date: '2022-04-09',
    url: null,
    kind: 'seed',
    note: 'Seed 001 (001_9800b5277520653e.txt). A task plan: its wording (e.g. 加快建设成资大道) is copied from the 2021 metropolitan plan and is not an observation of progress.',
  },
  {
    id: 'seed-002',
    publisher_zh: '成都商报(康巴传媒网转载)',
    publisher_en: 'Chengdu Economic Daily (republished by kbcmw.com)',
    title: '七个关键词看懂成德眉资同城化“棋局”',
    date: '2021-04-15',
    url: 'http://www.kbcmw.com/html/xw/dzyw/70105.html',
    kind: 'seed',
    note: 'Seed 002 (002_8e83bcd4e52cb47e.txt): the "scorecard" shown at the 3rd meeting of the provincial CDMZ integration leading group on 2021-04-14.',
  },
  {
    id: 'seed-003',
    publisher_zh: '人民网-四川频道(人民资讯转载)',
    publisher_en: "People's Daily Online, Sichuan channel (via People's News)",
    title: '省人大代表李杰:全力推动成德眉资同城化发展加速突破',
    date: '2024-01-25',
    url: null,
    kind: 'seed',
    note: 'Seed 003 (003_4a876706706d767d.txt), snapshot by td.fyun.cc. The "2023 achievements" are as of 2023-12-31; the 2024 items are plans. The page sidebar carries related headlines with their own dates.',
  },
  {
    id: 'seed-004',
    publisher_zh: '资阳日报(资阳市人民政府网站;成都日报讯 记者 张家华)',
    publisher_en: 'Ziyang Daily (Ziyang municipal government website; report by Chengdu Daily)',
    title: '省推進成德眉資同城化發展領導小組第九次會議召開 完善區域市場協同機制推動成都都市圈高質量發展 為服務國家戰略全局和全省發展大局作出更大貢獻 曹立軍講話 左永祥主持 李文清王鳳朝胡元坤元方劉光強黃河趙浩宇出席',
    date: '2024-09-30',
    url: null,
    kind: 'seed',
    note: 'Seed 004 (004_c0f15851194966b7.txt): the 9th meeting of the provincial leading group, held in Ziyang on 2024-09-29, and the opening ceremony of the Ziyang line. Traditional characters with inline pinyin annotations (e.g. 推進(jìn)); quotes keep the text as written, `quote_clean` drops the annotations. Title as on the page, annotations removed.',
  },
];
const SEED_FILE_TO_ID: Record<string, string> = {
  '000_208ea4899523fd6b.txt': 'seed-000',
  '001_9800b5277520653e.txt': 'seed-001',
  '002_8e83bcd4e52cb47e.txt': 'seed-002',
  '003_4a876706706d767d.txt': 'seed-003',
  '004_c0f15851194966b7.txt': 'seed-004',
};

interface WebCitation {
  url: string;
  date: string | null;
  notes: Set<string>;
  projects: Set<string>;
}
const web = new Map<string, WebCitation>();
function cite(url: string, published: string | undefined, sourceNote: string | undefined, projectName: string): string {
  const seed = SEED_FILE_TO_ID[url];
  if (seed) return seed;
  let c = web.get(url);
  if (!c) {
    c = { url, date: published ?? null, notes: new Set(), projects: new Set() };
    web.set(url, c);
  }
  if (!c.date && published) c.date = published;
  if (sourceNote) c.notes.add(sourceNote);
  c.projects.add(projectName);
  return url; // replaced by the source id below
}

// ---------- helpers ----------
function lastDayOf(dateText: string): { date: string; precision?: 'month' | 'year' } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(dateText)) return { date: dateText };
  if (/^\d{4}-\d{2}$/.test(dateText)) {
    const [y, m] = dateText.split('-').map(Number) as [number, number];
    const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { date: `${dateText}-${String(day).padStart(2, '0')}`, precision: 'month' };
  }
  if (/^\d{4}$/.test(dateText)) return { date: `${dateText}-12-31`, precision: 'year' };
  throw new Error(`unreadable date ${dateText}`);
}

function componentOf(c: { component: string; pct: number | string }): ComponentProgress {
  const m = /^(.*?)\s*\((.*)\)$/.exec(c.component);
  const name_en = m?.[1] ?? c.component;
  const name_zh = m?.[2] ?? c.component;
  if (typeof c.pct === 'string') {
    const lower = /^>\s*(\d+(?:\.\d+)?)$/.exec(c.pct);
    if (!lower?.[1]) throw new Error(`unreadable component pct ${c.pct}`);
    return { name_zh, name_en, pct: Number(lower[1]), pct_is_lower_bound: true };
  }
  return { name_zh, name_en, pct: c.pct };
}

function factsOf(p: FactProject): KeyFact[] {
  const out: KeyFact[] = [];
  for (const [key, f] of Object.entries(p.facts)) {
    const source = cite(f.source, f.source_published, f.source_note, p.name_zh);
    const note = [f.note, f.source_note ? `source: ${f.source_note}` : undefined].filter(Boolean).join('; ') || undefined;
    const base = { source, quote: f.quote, ...(note ? { note } : {}) };
    if (f.value !== null && typeof f.value === 'object' && !Array.isArray(f.value)) {
      for (const [sub, v] of Object.entries(f.value as Record<string, number>)) {
        const k = `${key}_${sub}`;
        const label = FACT_LABELS[k];
        if (!label) throw new Error(`no label for fact ${k}`);
        out.push({ key: k, label_zh: label[0], label_en: label[1], value: v, ...(f.unit ? { unit: f.unit } : {}), ...base });
      }
      continue;
    }
    const label = FACT_LABELS[key];
    if (!label) throw new Error(`no label for fact ${key}`);
    const value = Array.isArray(f.value) ? f.value.map(String).join('、') : (f.value as number | string);
    out.push({ key, label_zh: label[0], label_en: label[1], value, ...(f.unit ? { unit: f.unit } : {}), ...base });
  }
  return out;
}

// Region outline for clipping schematic lines (Tianditu reference; authoring only).
const regionUnion = turf.union(counties as FeatureCollection<Polygon | MultiPolygon>);
if (!regionUnion) throw new Error('cannot build region union');
const region: Feature<Polygon | MultiPolygon> = regionUnion;

function inRegion(pos: Position): boolean {
  return turf.booleanPointInPolygon(turf.point(pos), region);
}

/** Clip a waypoint line to the region: keep the inside run, cut 0.5 km inside the border. */
function clipToRegion(coords: Position[]): { coords: Position[]; clipped: boolean } {
  const inside = coords.map(inRegion);
  const first = inside.indexOf(true);
  const last = inside.lastIndexOf(true);
  if (first < 0) return { coords: [], clipped: true };
  for (let i = first; i <= last; i++) if (!inside[i]) throw new Error('waypoint line leaves and re-enters the region');
  const out = coords.slice(first, last + 1);
  const cut = (from: Position, to: Position): Position => {
    const seg = turf.lineString([from, to]);
    const crossings = turf.lineIntersect(seg, turf.polygonToLine(region) as Feature<LineString>);
    let best: Position | null = null;
    let bestKm = Infinity;
    for (const c of crossings.features) {
      const km = turf.distance(from, c.geometry.coordinates);
      if (km < bestKm) {
        bestKm = km;
        best = c.geometry.coordinates;
      }
    }
    if (!best) throw new Error('no border crossing found');
    const back = turf.along(seg, Math.max(0, bestKm - 0.5)).geometry.coordinates;
    return back.map((v) => Math.round(v * 1e6) / 1e6);
  };
  let clipped = false;
  const before = coords[first - 1];
  const after = coords[last + 1];
  if (first > 0 && before) {
    out.unshift(cut(coords[first] as Position, before));
    clipped = true;
  }
  if (last < coords.length - 1 && after) {
    out.push(cut(coords[last] as Position, after));
    clipped = true;
  }
  return { coords: out, clipped };
}

function placeList(ids: string[]): FactPlace[] {
  return ids.map((id) => {
    const p = places.get(id);
    if (!p) throw new Error(`unknown place ${id}`);
    return p;
  });
}

const isOsm = (p: FactPlace): boolean => /OpenStreetMap/i.test(p.source);
const describe = (ps: FactPlace[]): string => ps.map((p) => `${p.name_zh} (${p.confidence})`).join(', ');

interface GeometryResult {
  geometry: Geometry | null;
  geometry_accuracy: GeometryAccuracy | null;
  geometry_note: string;
  geometry_licence?: string;
}

function geometryOf(p: FactProject): GeometryResult {
  const line = lines.features.find((f) => f.properties?.['id'] === p.id);
  const all = placeList(p.geometry_places);
  const wrong = all.filter((q) => WRONG_PLACES[q.id] !== undefined);
  // A schematic line through several waypoints may keep one that is off; a site may not.
  const keepWrong = p.geometry_kind === 'line' && all.length > 2;
  const ps = keepWrong ? all : all.filter((q) => WRONG_PLACES[q.id] === undefined);
  const wrongNote = wrong.map((q) => ` ${WRONG_PLACES[q.id] ?? ''}, so ${keepWrong ? 'the schematic line is off there' : 'it is not used'}.`).join('');
  const extra = `${wrongNote}${p.notes ? ` Fact-base note: ${p.notes}` : ''}`;
  if (line) {
    const props = line.properties as Record<string, unknown>;
    const basis = String(props['geometry_basis']);
    const accuracy: GeometryAccuracy =
      props['accuracy'] === 'surveyed' ? 'surveyed' : basis === 'schematic-waypoints' ? 'schematic' : 'approximate';
    const coords = line.geometry.coordinates.map((c) => c.map((v) => Math.round(v * 1e6) / 1e6));
    const osm = String(props['licence'] ?? '').startsWith('ODbL') || ps.some(isOsm);
    const measured = props['length_km_measured'];
    const note =
      accuracy === 'surveyed'
        ? `Track of OpenStreetMap route relation 11516374 (福田 → 资阳北), simplified to 50 m; measured ${String(measured)} km vs 38.7 km official (−1.8 %).`
        : accuracy === 'approximate'
          ? `OpenStreetMap-derived line with straight gap fills over about 72 % of its length; clipped to the four cities (${String(measured)} km in the region).`
          : `Schematic: straight segments through ${describe(ps)}, clipped to the four cities; not the real alignment.`;
    return { geometry: { type: 'LineString', coordinates: coords }, geometry_accuracy: accuracy, geometry_note: note + extra, ...(osm ? { geometry_licence: ODBL } : {}) };
  }
  if (ps.length === 0 || (p.geometry_kind === 'line' && ps.length < 2)) {
    const why = wrong.length ? 'No reliable position: its geometry would rest on a wrong place estimate.' : 'Location not published: no place in the sources could be tied to this project.';
    return { geometry: null, geometry_accuracy: null, geometry_note: `${why}${extra}` };
  }
  const licence = ps.some(isOsm) ? { geometry_licence: ODBL } : {};
  const pos = (q: FactPlace): Position => [q.lon, q.lat];
  if (p.geometry_kind === 'line' && ps.length >= 2) {
    const { coords, clipped } = clipToRegion(ps.map(pos));
    if (coords.length < 2) throw new Error(`${p.id}: clipped line too short`);
    return {
      geometry: { type: 'LineString', coordinates: coords },
      geometry_accuracy: 'schematic',
      geometry_note: `Schematic: straight segments through ${describe(ps)}${clipped ? ', cut at the edge of the four cities' : ''}; not the real alignment.${extra}`,
      ...licence,
    };
  }
  const outline = p.geometry_kind === 'area' && ps.length === 1 ? areas.features.find((f) => f.properties?.['id'] === ps[0]?.id && f.properties?.['outline_complete'] === true) : undefined;
  if (outline) {
    // Only a complete OpenStreetMap outline becomes a polygon; shoreline fragments never do.
    return { geometry: outline.geometry, geometry_accuracy: 'surveyed', geometry_note: `Complete OpenStreetMap outline.${extra}`, geometry_licence: ODBL };
  }
  const ownSite = OWN_SITE[p.id];
  const isOwnSite = ownSite !== undefined && ps.length === 1 && ps[0]?.id === ownSite;
  const lowOrStandIn = !isOwnSite || ps.some((q) => q.confidence === 'low' || (STAND_IN_PLACES.has(q.id) && q.id !== ownSite));
  const accuracy: GeometryAccuracy = lowOrStandIn ? 'schematic' : 'approximate';
  const what = p.geometry_kind === 'area' ? 'Marker(s) for an area whose outline is not drawn (no complete outline in the sources)' : 'Marker';
  const basis =
    accuracy === 'approximate'
      ? `${what} at ${describe(ps)}.`
      : `${what} at ${describe(ps)}: indicative only — the exact site is not published, the place stands in for it or is a low-confidence estimate.`;
  const geometry: Geometry =
    ps.length === 1 ? { type: 'Point', coordinates: pos(ps[0] as FactPlace) } : { type: 'MultiPoint', coordinates: ps.map(pos) };
  return { geometry, geometry_accuracy: accuracy, geometry_note: basis + extra, ...licence };
}

function stationsOf(p: FactProject): Station[] | undefined {
  if (p.id !== 'ziyang-line') return undefined;
  return placeList(p.geometry_places).map((q) => {
    const reserved = q.id === 'zyl-02-lujia';
    const snap = improved.find((i) => i.place_id === q.id && i.status === 'snap_suggestion');
    const coord: [number, number] = reserved && snap?.snapped_lon !== undefined && snap.snapped_lat !== undefined ? [snap.snapped_lon, snap.snapped_lat] : [q.lon, q.lat];
    return {
      id: q.id,
      name_zh: q.name_zh.replace(/\(预留\)$/, ''),
      name_en: q.name_en.replace(/\s*\(.*\)$/, ''),
      coord,
      opened: !reserved,
      accuracy: reserved ? 'schematic' : 'surveyed',
      ...(reserved
        ? { note: 'Reserved station, not opened on 2024-09-29. Position unverified: a rough estimate between 福田 and 资阳临空, snapped onto the OSM track.' }
        : { note: 'OpenStreetMap station point (ODbL).' }),
    };
  });
}

// ---------- projects ----------
const projects: Project[] = factProjects.map((p) => {
  const notesEn = MILESTONE_NOTES_EN[p.id];
  if (!notesEn || notesEn.length !== p.timeline.length) throw new Error(`${p.id}: ${notesEn?.length ?? 0} English notes for ${p.timeline.length} entries`);
  const milestones: Milestone[] = p.timeline.map((t, i) => {
    const corrected = DATE_CORRECTIONS[p.id]?.[i] ?? t.date;
    const { date, precision } = lastDayOf(corrected);
    const status = STATUS_MAP[t.status];
    if (!status) throw new Error(`${p.id}: unknown status ${t.status}`);
    const m: Milestone = {
      date,
      ...(precision ? { date_precision: precision } : {}),
      status,
      progress: t.progress_pct,
      ...(t.component_progress ? { components: t.component_progress.map(componentOf) } : {}),
      evidence: EVIDENCE_CORRECTIONS[p.id]?.[i] ?? EVIDENCE_MAP[t.evidence_type],
      ...(t.section ? { section: t.section } : {}),
      note_zh: t.note_zh,
      note_en: notesEn[i] as string,
      source: cite(t.source, t.source_published, t.source_note, p.name_zh),
      quote: t.quote,
      ...(t.quote_clean ? { quote_clean: t.quote_clean } : PINYIN_NOTE.test(t.quote) ? { quote_clean: t.quote.replace(PINYIN_NOTE_ALL, '') } : {}),
    };
    return m;
  });
  // Stable sort by date (the facts are in order except where a date was corrected).
  milestones.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const targetsEn = TARGET_NOTES_EN[p.id] ?? [];
  const targets: Target[] = (p.targets ?? []).map((t, i) => {
    const status = STATUS_MAP[t.target_status];
    if (!status) throw new Error(`${p.id}: unknown target status`);
    const note_en = targetsEn[i];
    if (!note_en) throw new Error(`${p.id}: missing English target note`);
    return { date: t.target_date, status, note_zh: t.note_zh, note_en, source: cite(t.source, t.source_published, undefined, p.name_zh), quote: t.quote };
  });
  const countyCodes: string[] = [];
  for (const name of p.counties) {
    const codes = COUNTY_CODES[name];
    if (!codes) throw new Error(`${p.id}: unmapped county ${name}`);
    for (const c of codes) if (!countyCodes.includes(c)) countyCodes.push(c);
  }
  const geo = geometryOf(p);
  const stations = stationsOf(p);
  const project: Project = {
    id: p.id,
    name_zh: p.name_zh,
    name_en: p.name_en,
    aliases: p.aliases ?? [],
    category: p.category,
    cities: p.cities.map((c) => c.toLowerCase() as CityId),
    counties: countyCodes,
    facts: factsOf(p),
    targets,
    milestones,
    geometry: geo.geometry,
    geometry_accuracy: geo.geometry_accuracy,
    geometry_note: geo.geometry_note,
    ...(geo.geometry_licence ? { geometry_licence: geo.geometry_licence } : {}),
    ...(stations ? { stations } : {}),
  };
  return project;
});

// ---------- source ids ----------
const usedIds = new Set<string>();
const urlToId = new Map<string, string>();
const webSources: Source[] = [];
for (const c of web.values()) {
  const host = new URL(c.url).hostname;
  const base = `web-${host.replace(/^(www|m|wap)\./, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
  let id = base;
  for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
  usedIds.add(id);
  urlToId.set(c.url, id);
  const known = PUBLISHERS[host];
  const notes = [
    known ? undefined : 'Publisher not recorded: named here by the web domain only.',
    ...[...c.notes].map((n) => `Note: ${n}.`),
    c.date ? undefined : 'Publication date not given on the page.',
  ].filter(Boolean);
  webSources.push({
    id,
    publisher_zh: known?.[0] ?? host,
    publisher_en: known?.[1] ?? host,
    title: `Web page cited for ${[...c.projects].join('、')} (title not recorded)`,
    date: c.date,
    url: c.url,
    kind: 'public',
    ...(notes.length ? { note: notes.join(' ') } : {}),
  });
}
const resolve = (s: string): string => urlToId.get(s) ?? s;
for (const p of projects) {
  for (const m of p.milestones) m.source = resolve(m.source);
  for (const f of p.facts) f.source = resolve(f.source);
  for (const t of p.targets) t.source = resolve(t.source);
}

// Check seed quotes once more against the seed files when they are at hand.
for (const p of projects) {
  for (const q of [...p.milestones, ...p.facts, ...p.targets]) {
    const file = Object.entries(SEED_FILE_TO_ID).find(([, id]) => id === q.source)?.[0];
    if (file && q.quote && !readFileSync(join(seedsDir, file), 'utf8').includes(q.quote)) throw new Error(`${p.id}: quote not in ${file}: ${q.quote}`);
  }
}

writeFileSync(join(outDir, 'projects.json'), JSON.stringify({ version: 1, projects }, null, 2) + '\n');
writeFileSync(join(outDir, 'sources.json'), JSON.stringify({ version: 1, sources: [...SEEDS, ...webSources] }, null, 2) + '\n');
const withGeo = projects.filter((p) => p.geometry);
console.log(`projects ${projects.length}, with geometry ${withGeo.length}, sources ${SEEDS.length + webSources.length}`);
