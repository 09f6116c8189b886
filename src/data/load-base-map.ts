/**
 * Fetches the base-map files (region topology, water) and decodes them. A missing or broken
 * water file only costs the water layer (a warning); a broken region file is an error.
 */
import type { FeatureCollection } from 'geojson';
import type { DataIssue } from '../domain/types';
import { parseRegion, type RegionData } from './parse-region';
import { fileTooBig, maxFileBytes } from './limits';

export interface BaseMapData extends RegionData {
  water: FeatureCollection;
}

export type BaseMapResult = { ok: true; value: BaseMapData; warnings: DataIssue[] } | { ok: false; error: DataIssue };

/** Fetches `file` (relative to `base`) as JSON; a failure becomes a DataIssue naming the file. */
export async function fetchJson(base: URL, file: string): Promise<{ ok: true; json: unknown } | { ok: false; error: DataIssue }> {
  let res: Response;
  try {
    res = await fetch(new URL(file, base));
  } catch (e) {
    return { ok: false, error: { file, message: `could not be fetched (${(e as Error).message})` } };
  }
  if (!res.ok) return { ok: false, error: { file, message: `could not be loaded (HTTP ${res.status})` } };
  const text = await readCapped(res, maxFileBytes(file));
  if (!text.ok) return { ok: false, error: fileTooBig(file, text.bytes) };
  try {
    return { ok: true, json: JSON.parse(text.text) };
  } catch (e) {
    return { ok: false, error: { file, message: `is not valid JSON (${(e as Error).message})` } };
  }
}

/**
 * The body as text, read no further than `limit` bytes: a file over its size limit is refused
 * before JSON.parse (and before it is all downloaded, when the server says its length or
 * streams it). Content-Length is compared only as a lower bound (it is the compressed size
 * when the response is compressed).
 */
async function readCapped(res: Response, limit: number): Promise<{ ok: true; text: string } | { ok: false; bytes: number | null }> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    void res.body?.cancel().catch(() => undefined);
    return { ok: false, bytes: declared };
  }
  if (!res.body) {
    const text = await res.text();
    return text.length > limit ? { ok: false, bytes: null } : { ok: true, text };
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      void reader.cancel().catch(() => undefined);
      return { ok: false, bytes: null };
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, text: new TextDecoder().decode(all) };
}

function isFeatureCollection(json: unknown): json is FeatureCollection {
  return typeof json === 'object' && json !== null && (json as { type?: unknown }).type === 'FeatureCollection' &&
    Array.isArray((json as { features?: unknown }).features);
}

export async function loadBaseMap(base: URL): Promise<BaseMapResult> {
  const [region, water] = await Promise.all([fetchJson(base, 'data/region.topo.json'), fetchJson(base, 'data/water.geojson')]);
  if (!region.ok) return region;
  const parsed = parseRegion(region.json);
  if (!parsed.ok) return parsed;
  const warnings = [...parsed.warnings];
  let waterFc: FeatureCollection = { type: 'FeatureCollection', features: [] };
  if (!water.ok) warnings.push(water.error);
  else if (!isFeatureCollection(water.json)) warnings.push({ file: 'data/water.geojson', message: 'not a GeoJSON FeatureCollection; water not drawn' });
  else waterFc = water.json;
  return { ok: true, value: { ...parsed.value, water: waterFc }, warnings };
}
