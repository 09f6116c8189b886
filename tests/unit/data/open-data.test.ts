/**
 * The published dataset as a reuser meets it: data/datapackage.json is a valid Frictionless Data
 * Package (v1) whose resources exist and are served, the CSV matches its Table Schema cell by
 * cell, the GeoJSON is a WGS-84 FeatureCollection with flat properties, and data/LICENSE states
 * the terms. (No Frictionless validator is available offline: the descriptor is checked here
 * against the rules of the Data Package and Table Schema specifications.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_BOM } from '../../../src/domain/export-csv';
import { readCsv } from '../../fixtures/read-csv';

const dp = JSON.parse(readFileSync('data/datapackage.json', 'utf8')) as {
  profile: string;
  name: string;
  licenses: { name?: string; path?: string; title?: string }[];
  sources: { title: string; path?: string }[];
  resources: {
    name: string;
    path: string;
    format?: string;
    mediatype?: string;
    encoding?: string;
    licenses?: { name?: string; path?: string }[];
    schema?: { fields: { name: string; type: string; format?: string; constraints?: { enum?: string[]; minimum?: number; maximum?: number; required?: boolean; unique?: boolean } }[]; missingValues?: string[]; primaryKey?: string | string[] };
  }[];
};

// Data Package v1: name pattern; Table Schema v1: the field types.
const NAME = /^[a-z0-9._/-]+$/;
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any']);


describe('data/datapackage.json (Frictionless Data Package v1)', () => {
  it('has a valid package name, licences with a name and path, sources and a non-empty resources array', () => {
    expect(dp.profile).toBe('data-package');
    expect(dp.name).toMatch(NAME);
    expect(dp.licenses.length).toBeGreaterThan(0);
    for (const l of dp.licenses) expect(l.name && l.path).toBeTruthy();
    expect(dp.sources.length).toBeGreaterThanOrEqual(6);
    expect(dp.resources.length).toBeGreaterThan(0);
  });

  it('every resource has a unique valid name, a relative path to a file that exists and is served, a format and a licence', () => {
    const names = dp.resources.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of dp.resources) {
      expect(r.name).toMatch(NAME);
      expect(r.path).not.toMatch(/^\/|\.\.|^[a-z]+:/);
      expect(existsSync(join('data', r.path)), r.path).toBe(true);
      // served by the build (vite.config.ts dataFiles: top-level *.json|geojson|csv)
      expect(r.path).toMatch(/^[\w.-]+\.(json|geojson|csv)$/);
      expect(r.format).toBeTruthy();
      expect(r.licenses?.length, r.name).toBeGreaterThan(0);
    }
    // every published data file is described
    for (const f of ['atlas.csv', 'atlas.geojson', 'projects.json', 'sources.json', 'zones.json', 'zones.geojson', 'corridors.geojson', 'region.topo.json', 'counties.geojson', 'cities.geojson', 'water.geojson', 'project.schema.json']) {
      expect(dp.resources.map((r) => r.path)).toContain(f);
    }
  });

  it('the CSV matches its Table Schema: same columns, every cell of its type and constraints', () => {
    const res = dp.resources.find((r) => r.path === 'atlas.csv')!;
    const schema = res.schema!;
    for (const f of schema.fields) expect(TYPES.has(f.type), f.name).toBe(true);
    const text = readFileSync('data/atlas.csv', 'utf8');
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const [header, ...rows] = readCsv(text.slice(1));
    expect(header).toEqual(schema.fields.map((f) => f.name));
    expect(schema.primaryKey).toBe('id');
    const projects = (JSON.parse(readFileSync('data/projects.json', 'utf8')) as { projects: unknown[] }).projects;
    expect(rows).toHaveLength(projects.length);
    const missing = new Set(schema.missingValues ?? ['']);
    const problems: string[] = [];
    rows.forEach((row, i) => {
      expect(row).toHaveLength(header!.length);
      schema.fields.forEach((f, j) => {
        const v = row[j]!;
        if (missing.has(v)) {
          if (f.constraints?.required) problems.push(`row ${i + 1} ${f.name}: required`);
          return;
        }
        const ok =
          f.type === 'string' ? f.constraints?.enum === undefined || f.constraints.enum.includes(v)
          : f.type === 'number' ? /^-?\d+(\.\d+)?$/.test(v) && (f.constraints?.minimum === undefined || Number(v) >= f.constraints.minimum) && (f.constraints?.maximum === undefined || Number(v) <= f.constraints.maximum)
          : f.type === 'boolean' ? v === 'true' || v === 'false'
          : f.type === 'date' ? /^\d{4}-\d{2}-\d{2}$/.test(v)
          : true;
        if (!ok) problems.push(`row ${i + 1} ${f.name}: ${JSON.stringify(v)} is not a valid ${f.type}`);
      });
    });
    expect(problems).toEqual([]);
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
  });

  it('the CSV geometry columns locate every project with a published location (lon/lat in the four cities, WKT)', () => {
    const [header, ...rows] = readCsv(readFileSync('data/atlas.csv', 'utf8').slice(1));
    const c = (name: string) => header!.indexOf(name);
    for (const row of rows) {
      if (row[c('location_published')] === 'false') {
        expect(row[c('wkt')]).toBe('');
        continue;
      }
      const lon = Number(row[c('lon')]);
      const lat = Number(row[c('lat')]);
      expect(lon).toBeGreaterThan(102.8);
      expect(lon).toBeLessThan(105.8);
      expect(lat).toBeGreaterThan(29.2);
      expect(lat).toBeLessThan(31.5);
      expect(row[c('wkt')]).toMatch(/^(POINT|MULTIPOINT|LINESTRING|MULTILINESTRING|POLYGON|MULTIPOLYGON) \(/);
    }
  });
});

describe('data/atlas.geojson', () => {
  const fc = JSON.parse(readFileSync('data/atlas.geojson', 'utf8')) as { type: string; attribution: string; features: { type: string; id: string; geometry: { type: string; coordinates: unknown } | null; properties: Record<string, unknown> }[] };

  it('is a FeatureCollection, one feature per project, with flat properties (no arrays or objects) and the ODbL credit', () => {
    expect(fc.type).toBe('FeatureCollection');
    const projects = (JSON.parse(readFileSync('data/projects.json', 'utf8')) as { projects: { id: string }[] }).projects;
    expect(fc.features.map((f) => f.id)).toEqual(projects.map((p) => p.id));
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      for (const [k, v] of Object.entries(f.properties)) expect(v === null || typeof v !== 'object', `${f.id}.${k}`).toBe(true);
      expect(f.properties).toHaveProperty('last_observed');
      expect(f.properties).toHaveProperty('stale');
    }
    expect(fc.attribution).toContain('OpenStreetMap contributors');
  });

  it('coordinates are WGS-84 lon/lat inside the four cities (not swapped, not projected)', () => {
    const all: number[][] = [];
    const walk = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === 'number') all.push(c as number[]);
      else if (Array.isArray(c)) c.forEach(walk);
    };
    for (const f of fc.features) if (f.geometry) walk(f.geometry.coordinates);
    expect(all.length).toBeGreaterThan(100);
    for (const [lon, lat] of all) {
      expect(lon).toBeGreaterThan(102.8);
      expect(lon).toBeLessThan(105.8);
      expect(lat).toBeGreaterThan(29.2);
      expect(lat).toBeLessThan(31.5);
    }
  });
});

describe('data/LICENSE', () => {
  it('states the ODbL for OpenStreetMap-derived geometry and the terms of the rest', () => {
    const text = readFileSync('data/LICENSE', 'utf8');
    expect(text).toMatch(/ODbL|Open Database License/);
    expect(text).toContain('© OpenStreetMap contributors');
    expect(text).toContain('CC BY 4.0');
    expect(text).toMatch(/verbatim excerpt/);
    for (const l of dp.licenses) expect(text).toContain(l.path!);
  });
});

describe('data/sources.json publishers (issue 13 §8)', () => {
  const sources = (JSON.parse(readFileSync('data/sources.json', 'utf8')) as { sources: { id: string; publisher_zh: string; publisher_en: string; url: string | null; kind: string; note?: string }[] }).sources;
  const bareHost = /^(?:[\w-]+\.)+[a-z]{2,}$|^\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?$/i;

  it('no publisher is a bare host name or IP address', () => {
    for (const s of sources) {
      expect(s.publisher_zh, s.id).not.toMatch(bareHost);
      expect(s.publisher_en, s.id).not.toMatch(bareHost);
    }
  });

  it('every public page has its URL; a copy on another site says whose report it copies or that the publisher is unknown', () => {
    for (const s of sources.filter((x) => x.kind === 'public')) {
      expect(s.url, s.id).toMatch(/^https?:\/\//);
      const host = new URL(s.url!).hostname.replace(/^(www|m|wap)\./, '');
      if (s.publisher_en.includes(host)) expect(s.publisher_en, s.id).toMatch(/mirror|copy|repost|Unattributed|Forum|forum|site|reader|channel|Net|e-paper/);
    }
  });

  it('every source is cited by a project, a zone or a corridor', () => {
    const text = ['projects.json', 'zones.json', 'corridors.geojson'].map((f) => readFileSync(join('data', f), 'utf8')).join('\n');
    for (const s of sources) expect(text.includes(`"${s.id}"`), s.id).toBe(true);
  });
});
