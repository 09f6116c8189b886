/**
 * GeoJSON export (RFC 7946): one Feature per exported project with the CSV's columns as
 * properties plus the geometry's accuracy, basis and licence, and a top-level attribution.
 * Projects whose location is not published are kept, with `geometry: null`.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { ExportRow } from './export-rows';
import type { Project } from './types';

/** The CSV's columns minus `wkt` (the feature's geometry says it), plus the geometry's basis and licence. */
export interface ExportFeatureProperties extends Omit<ExportRow, 'wkt'> {
  geometry_note: string | null;
  geometry_licence: string | null;
}

export interface ExportFeatureCollection extends FeatureCollection<Geometry | null, ExportFeatureProperties> {
  /** Who to credit for the data and the geometry; includes the ODbL notice when OSM geometry is present. */
  attribution: string;
  /** The distinct geometry licences of the exported features. */
  licences: string[];
  as_of_date: string | null;
}

export const OSM_ODBL_NOTICE =
  'Contains OpenStreetMap data © OpenStreetMap contributors, available under the Open Database Licence (ODbL) 1.0 — https://www.openstreetmap.org/copyright';

export const ATLAS_ATTRIBUTION =
  'CDMZ Atlas (成德眉资同城化地图): project status and progress as stated by the sources listed per feature (source_ids, source_urls). Geometry accuracy per feature: surveyed, approximate or schematic.';

/** True when a licence text refers to OpenStreetMap data (ODbL). */
export function isOsmLicence(licence: string): boolean {
  return /odbl|openstreetmap/i.test(licence);
}

/**
 * Builds the FeatureCollection. `rows` must be `buildExportRows(projects, …)` (same order).
 * @example projectsToGeoJson(visible, buildExportRows(visible, ctx)).features.length === visible.length
 */
export function projectsToGeoJson(projects: readonly Project[], rows: readonly ExportRow[]): ExportFeatureCollection {
  if (projects.length !== rows.length) {
    throw new Error(`projectsToGeoJson: ${projects.length} projects but ${rows.length} rows`);
  }
  const features: Feature<Geometry | null, ExportFeatureProperties>[] = projects.map((project, i) => {
    const { wkt: _wkt, ...row } = rows[i]!;
    if (row.id !== project.id) throw new Error(`projectsToGeoJson: row ${i} is ${row.id}, project is ${project.id}`);
    return {
      type: 'Feature',
      id: project.id,
      geometry: project.geometry,
      properties: {
        ...row,
        geometry_note: project.geometry_note ?? null,
        geometry_licence: project.geometry_licence ?? null,
      },
    };
  });
  const licences = [...new Set(projects.flatMap((p) => (p.geometry && p.geometry_licence ? [p.geometry_licence] : [])))];
  const attribution = licences.some(isOsmLicence) ? `${ATLAS_ATTRIBUTION} ${OSM_ODBL_NOTICE}` : ATLAS_ATTRIBUTION;
  return {
    type: 'FeatureCollection',
    attribution,
    licences,
    as_of_date: rows[0]?.as_of_date ?? null,
    features,
  };
}
