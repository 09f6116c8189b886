import { describe, expect, it } from 'vitest';
import { buildExportRows } from '../../../src/domain/export-rows';
import { OSM_ODBL_NOTICE, projectsToGeoJson } from '../../../src/domain/export-geojson';
import { FIXTURE_DATE, smallAtlas } from '../../fixtures/projects/small-atlas';

const atlas = smallAtlas();
const ctx = { analysis: atlas.analysis, sources: atlas.sources, asOfDate: FIXTURE_DATE, corridorId: 'c-north' };

describe('projectsToGeoJson', () => {
  it('writes one feature per project, with geometry null where the location is not published', () => {
    const fc = projectsToGeoJson(atlas.projects, buildExportRows(atlas.projects, ctx));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => f.id)).toEqual(atlas.projects.map((p) => p.id));
    const park = fc.features.find((f) => f.id === 'p-park-d')!;
    expect(park.geometry).toBeNull();
    expect(park.properties.location_published).toBe(false);
    const rail = fc.features.find((f) => f.id === 'p-rail-a')!;
    expect(rail.geometry).toEqual(atlas.projects[0]!.geometry);
    expect(rail.properties).toMatchObject({ status: 'under-construction', progress_pct: 40, corridor: 'c-north', distance_km: 12, chainage_km: 3, name_zh: '测试铁路甲' });
    expect(fc.as_of_date).toBe(FIXTURE_DATE);
  });

  it('carries the geometry licence and the ODbL notice when OSM geometry is exported', () => {
    const fc = projectsToGeoJson(atlas.projects, buildExportRows(atlas.projects, ctx));
    expect(fc.licences).toEqual(['© OpenStreetMap contributors, ODbL 1.0']);
    expect(fc.attribution).toContain(OSM_ODBL_NOTICE);
    expect(fc.features.find((f) => f.id === 'p-hub-e')!.properties.geometry_licence).toContain('ODbL');
  });

  it('has no ODbL notice without OSM geometry', () => {
    const some = atlas.projects.filter((p) => p.id !== 'p-hub-e');
    const fc = projectsToGeoJson(some, buildExportRows(some, ctx));
    expect(fc.attribution).not.toContain('ODbL');
    expect(fc.licences).toEqual([]);
  });

  it('survives JSON round-trip (valid JSON, Chinese intact)', () => {
    const fc = projectsToGeoJson(atlas.projects, buildExportRows(atlas.projects, ctx));
    expect(JSON.parse(JSON.stringify(fc))).toEqual(fc);
  });

  it('refuses rows that do not match the projects', () => {
    const rows = buildExportRows(atlas.projects, ctx);
    expect(() => projectsToGeoJson(atlas.projects.slice(1), rows)).toThrow(/5 projects but 6 rows/);
    expect(() => projectsToGeoJson([...atlas.projects].reverse(), rows)).toThrow(/row 0 is p-rail-a, project is p-platform-f/);
  });
});
