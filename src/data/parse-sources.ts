/**
 * Validates raw `data/sources.json` into a Map id → Source.
 * A bad file is an error; a bad source is a warning naming its id and field and is dropped
 * (so the milestones citing it are reported as unresolved by parse-projects.ts).
 * Rules: every field (zod), ids unique, seeds before public pages, a public page has a URL.
 */
import type { DataIssue, Source } from '../domain/types';
import { zodIssues } from './parse-projects';
import { sourceSchema, sourcesFileSchema } from './project-schema';
import { itemSizeIssues, LIMITS, reportableId, tooManyItems } from './limits';

export const SOURCES_FILE = 'data/sources.json';

export type SourcesResult = { ok: true; value: Map<string, Source>; warnings: DataIssue[] } | { ok: false; error: DataIssue };

/** @example parseSources(await (await fetch('data/sources.json')).json()) */
export function parseSources(json: unknown, file = SOURCES_FILE): SourcesResult {
  const top = sourcesFileSchema.safeParse(json);
  if (!top.success) {
    return {
      ok: false,
      error: { file, message: `not a sources file ({ "version": 1, "sources": [...] }): ${top.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message).join('; ')}` },
    };
  }
  const value = new Map<string, Source>();
  const warnings: DataIssue[] = [];
  let sawPublic = false;
  let all = top.data.sources;
  if (all.length > LIMITS.sources) {
    warnings.push(tooManyItems(file, 'sources', all.length, LIMITS.sources));
    all = all.slice(0, LIMITS.sources);
  }
  all.forEach((raw, index) => {
    const rec = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const id = reportableId(rec.id, `sources[${index}]`);
    // Sizes first, by counting: a source over a limit is dropped before any costlier check.
    const sizeIssues = itemSizeIssues(rec, file, id);
    if (sizeIssues.length > 0) {
      warnings.push(...sizeIssues);
      return;
    }
    const issues: DataIssue[] = [];
    const parsed = sourceSchema.safeParse(raw);
    if (!parsed.success) issues.push(...zodIssues(file, id, parsed.error));
    if (value.has(id)) issues.push({ file, id, field: 'id', message: `duplicate id (sources[${index}]); ids must be unique` });
    if (rec.kind === 'public' && rec.url === null) issues.push({ file, id, field: 'url', message: 'a public source must have its URL' });
    if (rec.kind === 'seed' && sawPublic) issues.push({ file, id, field: 'kind', message: 'seed documents must come before public pages' });
    if (rec.kind === 'public') sawPublic = true;
    if (issues.length > 0 || !parsed.success) {
      warnings.push(...issues);
      return;
    }
    value.set(id, parsed.data as Source);
  });
  return { ok: true, value, warnings };
}
