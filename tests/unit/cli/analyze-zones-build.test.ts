import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import { differingZones, runBuildZones } from '../../../src/cli/build-zones';
import { parseZones } from '../../../src/data/parse-zones';
import { parseCorridors } from '../../../src/data/parse-corridors';

const FIX = resolve(import.meta.dirname, '../../fixtures/geo');

/** A data folder with the fixture counties as region.topo.json and the analyze fixture's zones.json. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdmz-zone-build-'));
  const counties = JSON.parse(readFileSync(join(FIX, 'junction-zone-polygon/in/counties.geojson'), 'utf8'));
  writeFileSync(join(dir, 'region.topo.json'), JSON.stringify(topology({ counties })));
  writeFileSync(join(dir, 'zones.json'), readFileSync(join(FIX, 'analyze-data/zones.json')));
  return dir;
}

describe('npm run data:zones [--check]', () => {
  it('builds zones.geojson, then --check passes byte for byte', () => {
    const dir = dataDir();
    expect(runBuildZones(['--data', dir]).code).toBe(0);
    const first = readFileSync(join(dir, 'zones.geojson'), 'utf8');
    // Same bytes as the committed analyze fixture, built from the same inputs.
    expect(first).toBe(readFileSync(join(FIX, 'analyze-data/zones.geojson'), 'utf8'));
    const r = runBuildZones(['--data', dir, '--check']);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toContain('is reproducible');
  });

  it('--check fails and lists the zone when the file is stale or missing', () => {
    const dir = dataDir();
    runBuildZones(['--data', dir]);
    const z = JSON.parse(readFileSync(join(dir, 'zones.json'), 'utf8'));
    z.zones[0].width_km = 3;
    writeFileSync(join(dir, 'zones.json'), JSON.stringify(z));
    const r = runBuildZones(['--check', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('z-test (zone): differs');
    const empty = mkdtempSync(join(tmpdir(), 'cdmz-zone-build-'));
    writeFileSync(join(empty, 'zones.json'), JSON.stringify(z));
    writeFileSync(join(empty, 'region.topo.json'), readFileSync(join(dir, 'region.topo.json')));
    expect(runBuildZones(['--check', '--data', empty]).stderr).toContain(`${join(empty, 'zones.geojson')} is missing`);
  });

  it('names the zone and the problem when a zone cannot be built, and rejects bad definitions and flags', () => {
    const dir = dataDir();
    const z = JSON.parse(readFileSync(join(dir, 'zones.json'), 'utf8'));
    z.zones[0].sides = [['100001'], ['100003', '999999']];
    writeFileSync(join(dir, 'zones.json'), JSON.stringify(z));
    expect(runBuildZones(['--data', dir]).stderr).toContain('zone z-test: county code 999999 is not in the topology object "counties"');
    z.zones[0].sides = [['100001'], []];
    writeFileSync(join(dir, 'zones.json'), JSON.stringify(z));
    expect(runBuildZones(['--data', dir]).stderr).toContain('zones.json: z-test: sides[1]: must list at least one county code');
    writeFileSync(join(dir, 'region.topo.json'), '{}');
    expect(runBuildZones(['--data', dir]).code).toBe(1);
    expect(runBuildZones(['--nope']).code).toBe(2);
  });

  it('differingZones names added, removed and changed features', () => {
    const a = '{"id":"x","kind":"zone",1}\n{"id":"y","kind":"zone",2}\n';
    const b = '{"id":"x","kind":"zone",9}\n{"id":"z","kind":"border",3}\n';
    expect(differingZones(a, b)).toEqual(['x (zone): differs', 'y (zone): in the committed file but not rebuilt', 'z (border): not in the committed file']);
  });
});

describe('parseZones and parseCorridors', () => {
  const zonesJson = JSON.parse(readFileSync(join(FIX, 'analyze-data/zones.json'), 'utf8'));
  const polygons = JSON.parse(readFileSync(join(FIX, 'analyze-data/zones.geojson'), 'utf8'));

  it('joins definitions and computed polygons', () => {
    const r = parseZones(zonesJson, polygons);
    expect(r.ok && r.warnings).toEqual([]);
    if (!r.ok) return;
    expect(r.value[0]).toMatchObject({ id: 'z-test', sides: [['100001'], ['100002']], width_km: 2, inferred: false });
    expect(r.value[0]?.polygon?.type).toMatch(/Polygon/);
    expect(r.value[0]?.border?.type).toBe('MultiLineString');
  });

  it('no polygons file: zones kept without polygons; a missing polygon is a warning', () => {
    const none = parseZones(zonesJson, null);
    expect(none.ok && none.value[0]?.polygon).toBeNull();
    const r = parseZones(zonesJson, { type: 'FeatureCollection', features: [] });
    expect(r.ok && r.warnings.map((w) => w.message)).toEqual(['no computed polygon: run npm run data:zones']);
  });

  it('bad files and items are named', () => {
    expect(parseZones({ zones: [] }, null)).toMatchObject({ ok: false, error: { file: 'data/zones.json' } });
    const dup = parseZones({ version: 1, zones: [zonesJson.zones[0], zonesJson.zones[0]] }, null);
    expect(dup.ok && dup.warnings).toEqual([{ file: 'data/zones.json', id: 'z-test', field: 'id', message: 'duplicate zone id' }]);
    const both = parseZones({ version: 1, zones: [{ ...zonesJson.zones[0], sides: [['100001'], ['100001']] }] }, null);
    expect(both.ok && both.warnings[0]?.message).toBe('county code 100001 is on both sides');
    const src = parseZones(zonesJson, null, undefined, new Set(['other']));
    expect(src.ok && src.warnings[0]).toMatchObject({ id: 'z-test', field: 'source', message: 'unknown source id "seed-000"' });
  });

  it('parseCorridors: valid corridors kept, bad ones dropped with file/id/field', () => {
    const fc = JSON.parse(readFileSync(join(FIX, 'analyze-data/corridors.geojson'), 'utf8'));
    const ok = parseCorridors(fc);
    expect(ok.ok && ok.value.map((c) => c.id)).toEqual(['c-test', 'c-south']);
    expect(parseCorridors([])).toMatchObject({ ok: false, error: { file: 'data/corridors.geojson' } });
    fc.features[0].properties.schematic = 'yes';
    fc.features[1].geometry.coordinates = [[104, 30], [104, 30]];
    fc.features.push(structuredClone(fc.features[1]));
    fc.features[2].geometry.coordinates = [[104, 30], [104.1, 30]];
    const bad = parseCorridors(fc);
    expect(bad.ok && bad.value.map((c) => c.id)).toEqual(['c-south']);
    expect(bad.ok && bad.warnings).toEqual([
      expect.objectContaining({ id: 'c-test', field: 'properties.schematic' }),
      { file: 'data/corridors.geojson', id: 'c-south', field: 'geometry.coordinates', message: 'needs at least 2 distinct positions' },
    ]);
  });
});
