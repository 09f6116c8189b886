import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cameraFromHash, hashOfCamera, MAX_HASH_CHARS, type CameraLimits } from '../../../src/map/camera-hash';

const limits: CameraLimits = { minZoom: 5, maxZoom: 15, box: [101.8, 28.4, 106.75, 32.71] };

/** What MapLibre accepts for jumpTo: finite numbers, zoom within the limits, latitude within ±85.05. */
function acceptable(c: { zoom: number; center: [number, number] }): boolean {
  const [lng, lat] = c.center;
  return [c.zoom, lng, lat].every(Number.isFinite) && c.zoom >= limits.minZoom && c.zoom <= limits.maxZoom && Math.abs(lat) <= 85.05 && Math.abs(lng) <= 180;
}
const inBox = (c: { center: [number, number] }) =>
  c.center[0] >= limits.box[0] && c.center[0] <= limits.box[2] && c.center[1] >= limits.box[1] && c.center[1] <= limits.box[3];

describe('cameraFromHash is total', () => {
  it('reads a camera the map wrote', () => {
    expect(cameraFromHash('#9/30.6/104.3', limits)).toEqual({ zoom: 9, center: [104.3, 30.6] });
    expect(cameraFromHash(hashOfCamera({ zoom: 8.25, center: [104.06123456, 30.66] }), limits)).toEqual({ zoom: 8.25, center: [104.0612, 30.66] });
  });

  it('the attack hashes: overflow ignored, out-of-range values clamped, pitch and bearing never applied', () => {
    expect(cameraFromHash('#8/30.5/1e999', limits)).toBeNull();
    expect(cameraFromHash('#16/30.66/104.06', limits)).toEqual({ zoom: 15, center: [104.06, 30.66] });
    expect(cameraFromHash('#8/-91/104', limits)).toBeNull();
    expect(cameraFromHash('#8/-80/104', limits)).toEqual({ zoom: 8, center: [104, 28.4] });
    expect(cameraFromHash('#4.9/30.6/104.1', limits)).toEqual({ zoom: 5, center: [104.1, 30.6] });
    expect(cameraFromHash('#8/0/0', limits)).toEqual({ zoom: 8, center: [101.8, 28.4] });
    expect(cameraFromHash('#8/30.6/104.1/60/60', limits)).toEqual({ zoom: 8, center: [104.1, 30.6] });
    expect(cameraFromHash('#8/30.6/104.1/60/60/1', limits)).toBeNull();
    expect(cameraFromHash('#8/30.6/104.1/x', limits)).toBeNull();
    expect(cameraFromHash('#NaN/30/104', limits)).toBeNull();
    expect(cameraFromHash('#Infinity/30/104', limits)).toBeNull();
    expect(cameraFromHash('#８/３０/１０４', limits)).toBeNull(); // full-width digits
    expect(cameraFromHash('#٨/٣٠/١٠٤', limits)).toBeNull(); // Arabic-Indic digits
    expect(cameraFromHash(`#8/30.${'1'.repeat(200)}/104`, limits)).toBeNull();
    expect(cameraFromHash('', limits)).toBeNull();
    expect(cameraFromHash('#', limits)).toBeNull();
    expect(cameraFromHash(undefined, limits)).toBeNull();
  });

  it('any string gives null or a camera MapLibre accepts, inside the region box (property)', () => {
    const numberish = fc.oneof(
      fc.double().map(String),
      fc.integer().map(String),
      fc.constantFrom('1e999', '-0', '0x10', '', ' 8', '8 ', '+8', 'NaN', '-Infinity', '1.', '.5', '１'),
    );
    const hashes = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(numberish, { minLength: 1, maxLength: 7 }).map((parts) => `#${parts.join('/')}`),
      fc.tuple(fc.double({ min: -30, max: 40 }), fc.double({ min: -100, max: 100 }), fc.double({ min: -200, max: 200 })).map(([z, a, b]) => `#${z}/${a}/${b}`),
    );
    fc.assert(
      fc.property(hashes, (h) => {
        const cam = cameraFromHash(h, limits);
        if (cam === null) return;
        expect(acceptable(cam)).toBe(true);
        expect(inBox(cam)).toBe(true);
        // What the owner writes back reads back to (almost) the same camera.
        const again = cameraFromHash(hashOfCamera(cam), limits);
        expect(again).not.toBeNull();
        expect(Math.abs((again?.zoom ?? NaN) - cam.zoom)).toBeLessThanOrEqual(0.005);
      }),
      { numRuns: 2000 },
    );
  });

  it('never reads more than MAX_HASH_CHARS characters', () => {
    expect(cameraFromHash(`#8/30.6/104.1${' '.repeat(MAX_HASH_CHARS)}`, limits)).toBeNull();
  });
});
