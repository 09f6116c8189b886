import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { expect } from 'vitest';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/geo');

/** Reads every `*.geojson` case in a fixture folder, sorted by name. */
export function readCases(dir: string): Array<{ name: string; collection: FeatureCollection }> {
  const full = join(FIXTURES, dir);
  return readdirSync(full)
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => ({ name: f.replace(/\.geojson$/, ''), collection: JSON.parse(readFileSync(join(full, f), 'utf8')) as FeatureCollection }));
}

/** The geometry of the feature whose `properties.role` is `role`. */
export function byRole(collection: FeatureCollection, role: string): Geometry {
  const f = collection.features.find((x: Feature) => x.properties?.['role'] === role);
  if (!f?.geometry) throw new Error(`fixture has no feature with role ${role}`);
  return f.geometry;
}

/**
 * Compares `actual` with the golden JSON file; numbers with a relative tolerance. With
 * `UPDATE_GOLDEN=1` the golden file is (re)written instead.
 */
export function expectGolden(file: string, actual: unknown, relTol = 1e-9): void {
  const path = join(FIXTURES, file);
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(path)) {
    if (process.env['UPDATE_GOLDEN'] !== '1') throw new Error(`missing golden file ${file} (run with UPDATE_GOLDEN=1)`);
    mkdirSync(resolve(path, '..'), { recursive: true });
    writeFileSync(path, JSON.stringify(actual, null, 1) + '\n');
    return;
  }
  const expected: unknown = JSON.parse(readFileSync(path, 'utf8'));
  expectClose(actual, expected, relTol, file);
}

/** Deep comparison with a relative tolerance on numbers (absolute 1e-12 near zero). */
export function expectClose(actual: unknown, expected: unknown, relTol: number, where = ''): void {
  if (typeof expected === 'number') {
    expect(typeof actual, where).toBe('number');
    const a = actual as number;
    expect(Math.abs(a - expected), `${where}: ${a} vs ${expected}`).toBeLessThanOrEqual(Math.max(1e-12, relTol * Math.abs(expected)));
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), where).toBe(true);
    const arr = actual as unknown[];
    expect(arr.length, where).toBe(expected.length);
    expected.forEach((e, i) => expectClose(arr[i], e, relTol, `${where}[${i}]`));
    return;
  }
  if (expected && typeof expected === 'object') {
    expect(actual && typeof actual === 'object', where).toBeTruthy();
    const obj = actual as Record<string, unknown>;
    expect(Object.keys(obj).sort(), where).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) expectClose(obj[k], v, relTol, `${where}.${k}`);
    return;
  }
  expect(actual, where).toEqual(expected);
}
