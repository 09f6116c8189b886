/**
 * Schema of the AUTHORED project files, `data/projects/<id>.json` — what people edit and review.
 * `npm run data:projects` (src/cli/compile-projects.ts) compiles them into `data/projects.json`.
 *
 * The authored file keeps evidence kinds apart by list:
 * - `observations`: a report or public item saying what happened, when (status, progress);
 * - `plans`: plan or task wording — only what it aims for (`aims_for`, `target_date`);
 *   a plan with `status`, `progress` or `components` is rejected with a message saying why;
 * - `facts`: a value, with its source and verbatim quote;
 * - `targets`: a promised date for a status (from a source).
 * English stands beside the Chinese it translates in the same object (`note_zh`/`note_en`,
 * `label_zh`/`label_en`): nothing is matched by position.
 */
import { z } from 'zod/mini';
import { keyFactSchema, observationSchema, planSchema, projectSchema, targetSchema } from './project-schema';

/** A plan item as authored: the list it is in says it is a plan (no `evidence` field). */
export const authoredPlanSchema = z.omit(planSchema, { evidence: true });

export const authoredProjectSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: projectSchema.shape.id,
  name_zh: projectSchema.shape.name_zh,
  name_en: projectSchema.shape.name_en,
  aliases: projectSchema.shape.aliases,
  category: projectSchema.shape.category,
  cities: projectSchema.shape.cities,
  counties: projectSchema.shape.counties,
  facts: z.array(keyFactSchema),
  observations: z.array(observationSchema),
  plans: z.array(authoredPlanSchema),
  targets: z.array(targetSchema),
  geometry: projectSchema.shape.geometry,
  geometry_accuracy: projectSchema.shape.geometry_accuracy,
  geometry_note: projectSchema.shape.geometry_note,
  geometry_licence: projectSchema.shape.geometry_licence,
  stations: projectSchema.shape.stations,
});

export type AuthoredProject = z.infer<typeof authoredProjectSchema>;

/** JSON Schema (draft 2020-12) of an authored project file, for editors and reusers. */
export function authoredProjectJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(authoredProjectSchema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'project.schema.json',
    title: 'CDMZ Atlas authored project file (data/projects/<id>.json)',
    description:
      'One project: names, category, place, geometry, key facts, observations (report/public: status, progress), plans (aims_for, target_date only) and targets, each with its source id (data/sources.json) and a verbatim quote. Cross-item rules (sources resolve, positions inside the four cities, dates sorted) are checked by npm run data:projects.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
