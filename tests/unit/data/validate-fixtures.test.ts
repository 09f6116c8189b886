/**
 * One invalid fixture per validation rule (tests/fixtures/data/), each with the exact messages
 * `npm run data:check` prints. Messages of the fixture's own file are given without the
 * `tests/fixtures/data/<file>: ` prefix; messages about the other (valid) file keep their path.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkDataFiles } from '../../../src/cli/check-data';
import { formatDataIssue } from '../../../src/data/parse-projects';

const DIR = 'tests/fixtures/data';

function run(fixture: string): string[] {
  const isSources = fixture.endsWith('.sources.json');
  const report = checkDataFiles({
    projectsPath: isSources ? `${DIR}/valid.projects.json` : `${DIR}/${fixture}`,
    sourcesPath: isSources ? `${DIR}/${fixture}` : `${DIR}/valid.sources.json`,
    // No region file: positions are checked against the four cities' bounding box.
    regionPath: `${DIR}/no-region-file.json`,
  });
  const prefix = `${DIR}/${fixture}: `;
  return report.issues.map(formatDataIssue).map((line) => (line.startsWith(prefix) ? line.slice(prefix.length) : line));
}

const CASES: [string, string[]][] = [
  ["accuracy-without-geometry.projects.json", ["fx-point: geometry_accuracy: must be null when geometry is null"]],
  ["bad-category.projects.json", ["fx-line: category: must be one of rail, road, water, ecology, energy, industry, public-service, hub, platform"]],
  ["bad-city.projects.json", ["fx-line: cities[0]: must be one of chengdu, deyang, meishan, ziyang"]],
  ["bad-county.projects.json", ["fx-line: counties[0]: must be one of the 35 current county codes of the four cities"]],
  ["bad-evidence.projects.json", ["fx-line: milestones[0].evidence: must be one of report, plan, public"]],
  ["bad-geometry-type.projects.json", ["fx-point: geometry.type: must be a GeoJSON Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon"]],
  ["bad-source-date.sources.json", ["seed-a: date: must be YYYY, YYYY-MM or a real YYYY-MM-DD date (got \"2023-04-31\")", "tests/fixtures/data/valid.projects.json: fx-line: milestones[1].source: unknown source id \"seed-a\" (not among the valid sources)", "tests/fixtures/data/valid.projects.json: fx-line: milestones[2].source: unknown source id \"seed-a\" (not among the valid sources)", "tests/fixtures/data/valid.projects.json: fx-line: facts[0].source: unknown source id \"seed-a\" (not among the valid sources)", "tests/fixtures/data/valid.projects.json: fx-line: targets[0].source: unknown source id \"seed-a\" (not among the valid sources)"]],
  ["bad-status.projects.json", ["fx-line: milestones[0].status: must be one of planned, preparatory, under-construction, partly-open, complete"]],
  ["bad-target-date.projects.json", ["fx-line: targets[0].date: must be YYYY, YYYY-MM or a real YYYY-MM-DD date (got \"2024-13\")"]],
  ["bad-url.sources.json", ["web-a: url: must be an http(s) URL or null (absolute http:// or https://; javascript:, data:, relative and other links are refused)", "tests/fixtures/data/valid.projects.json: fx-line: milestones[0].source: unknown source id \"web-a\" (not among the valid sources)", "tests/fixtures/data/valid.projects.json: fx-point: milestones[0].source: unknown source id \"web-a\" (not among the valid sources)"]],
  ["broken-json.projects.json", ["cannot read JSON: Unexpected end of JSON input"]],
  ["component-over-100.projects.json", ["fx-line: milestones[1].components[0].pct: must be ≤ 100"]],
  ["duplicate-id.projects.json", ["fx-line: id: duplicate id (projects[1]); ids must be unique"]],
  ["duplicate-source.sources.json", ["seed-a: id: duplicate id (sources[1]); ids must be unique", "tests/fixtures/data/valid.projects.json: fx-line: milestones[0].source: unknown source id \"web-a\" (not among the valid sources)", "tests/fixtures/data/valid.projects.json: fx-point: milestones[0].source: unknown source id \"web-a\" (not among the valid sources)"]],
  ["empty-note.projects.json", ["fx-point: milestones[0].note_en: must not be empty"]],
  ["geometry-without-accuracy.projects.json", ["fx-point: geometry_accuracy: must be set when there is a geometry"]],
  ["impossible-date.projects.json", ["fx-line: milestones[1].date: must be a real calendar date (got \"2023-02-30\")"]],
  ["line-one-point.projects.json", ["fx-line: geometry.coordinates: a line needs at least 2 distinct points"]],
  ["missing-field.projects.json", ["fx-point: name_en: Invalid input: expected string, received undefined"]],
  ["no-milestones.projects.json", ["fx-point: milestones: must have at least one milestone or key fact"]],
  ["non-number-coordinate.projects.json", ["fx-point: geometry.coordinates[1]: Invalid input: expected number, received string"]],
  ["not-an-object.projects.json", ["not a projects file ({ \"version\": 1, \"projects\": [...] }): Invalid input: expected object, received array"]],
  ["not-iso-date.projects.json", ["fx-line: milestones[0].date: must be an ISO date YYYY-MM-DD (got \"2020/11/27\")"]],
  ["not-wgs84.projects.json", ["fx-point: geometry.coordinates: [12345.6, 30.3] is not a WGS-84 lon/lat (|lon| ≤ 180, |lat| ≤ 90)", "fx-point: geometry.coordinates: [12345.6, 30.3] is outside the bounding box of the four cities"]],
  ["open-ring.projects.json", ["fx-point: geometry.coordinates[0]: a polygon ring must be closed (first position = last)"]],
  ["outside-region.projects.json", ["fx-point: geometry.coordinates: [106.55, 29.56] is outside the bounding box of the four cities"]],
  ["progress-below-0.projects.json", ["fx-line: milestones[1].progress: must be ≥ 0"]],
  ["progress-over-100.projects.json", ["fx-line: milestones[1].progress: must be ≤ 100"]],
  ["public-without-url.sources.json", ["web-a: url: a public source must have its URL", "tests/fixtures/data/valid.projects.json: fx-line: milestones[0].source: unknown source id \"web-a\" (not among the valid sources)", "tests/fixtures/data/valid.projects.json: fx-point: milestones[0].source: unknown source id \"web-a\" (not among the valid sources)"]],
  ["seed-after-public.sources.json", ["seed-a: kind: seed documents must come before public pages", "tests/fixtures/data/valid.projects.json: fx-line: milestones[1].source: unknown source id \"seed-a\" (not among the valid sources)", "tests/fixtures/data/valid.projects.json: fx-line: milestones[2].source: unknown source id \"seed-a\" (not among the valid sources)", "tests/fixtures/data/valid.projects.json: fx-line: facts[0].source: unknown source id \"seed-a\" (not among the valid sources)", "tests/fixtures/data/valid.projects.json: fx-line: targets[0].source: unknown source id \"seed-a\" (not among the valid sources)"]],
  ["station-outside-region.projects.json", ["fx-line: stations[0].coord: [116.39, 39.9] is outside the bounding box of the four cities"]],
  ["surveyed-length-off.projects.json", ["fx-line: geometry: surveyed line is 9.76 km, 74.8 % off the official length_km 38.7 (must be within 5 %)"]],
  ["swapped-lon-lat.projects.json", ["fx-point: geometry.coordinates: [30.315366, 104.44258] is not a WGS-84 lon/lat (|lon| ≤ 180, |lat| ≤ 90)", "fx-point: geometry.coordinates: [30.315366, 104.44258] is outside the bounding box of the four cities (looks like [lat, lon]: swapped; GeoJSON is [lon, lat])"]],
  ["unknown-fact-source.projects.json", ["fx-line: facts[0].source: unknown source id \"web-zzz\" (not among the valid sources)"]],
  ["plan-with-status.projects.json", ["fx-line: milestones[0].status: a plan or task carries only what it aims for (aims_for, target_date), never a status, progress or component figures; if a source reports this as done, make it an observation (evidence report/public)", "fx-line: milestones[0].progress: a plan or task carries only what it aims for (aims_for, target_date), never a status, progress or component figures; if a source reports this as done, make it an observation (evidence report/public)"]],
  ["unknown-field.projects.json", ["fx-point: colour: unknown field (not in the data model)"]],
  ["unknown-source.projects.json", ["fx-line: milestones[0].source: unknown source id \"seed-999\" (not among the valid sources)"]],
  ["unsorted-milestones.projects.json", ["fx-line: milestones[1].date: milestones must be sorted by date (2023-03-31 comes after 2024-09-29)", "fx-line: milestones[2].date: milestones must be sorted by date (2020-11-27 comes after 2023-03-31)"]],
  ["wrong-version.projects.json", ["not a projects file ({ \"version\": 1, \"projects\": [...] }): version: must be 1"]],
];

describe('data validation: one fixture per rule', () => {
  it('accepts the valid fixtures', () => {
    expect(run('valid.projects.json')).toEqual([]);
  });

  it.each(CASES)('%s', (fixture, expected) => {
    expect(run(fixture)).toEqual(expected);
  });

  it('the CLI lists every problem and exits non-zero', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/check-data.ts', '--projects', `${DIR}/unsorted-milestones.projects.json`, '--sources', `${DIR}/valid.sources.json`, '--region', `${DIR}/no-region-file.json`], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${DIR}/unsorted-milestones.projects.json: fx-line: milestones[1].date: milestones must be sorted by date (2023-03-31 comes after 2024-09-29)`);
    expect(r.stderr).toContain(`${DIR}/unsorted-milestones.projects.json: fx-line: milestones[2].date: milestones must be sorted by date (2020-11-27 comes after 2023-03-31)`);
    expect(r.stderr).toContain('data:check FAILED: 2 problem(s)');
  });
});
