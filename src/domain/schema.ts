import { z } from 'zod';
import { FLAGS } from './flags';
import { CUES, OUTCOMES } from './kinds';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { STANCES } from './stances';

/**
 * Scenario file format, version 2 (v2 added choice `flags`). Older files are read through the
 * numbered migrations in `migrations.ts`. See README "Scenario format".
 */
export const SCHEMA_VERSION = CURRENT_SCHEMA_VERSION;

/**
 * Length limits (README "Scenario format"): a bundled scenario's longest id is 29 characters, its
 * longest title, name, role or meter label 64, its longest text 1,016. The limits leave room for
 * that and refuse what no author writes: a 100,000-character id froze the editor for 18.8 s.
 */
export const LIMITS = { id: 64, line: 120, text: 4000 } as const;

const id = z
  .string()
  .max(LIMITS.id, `ids are at most ${LIMITS.id} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');
const text = z
  .string()
  .max(LIMITS.text, `must be at most ${LIMITS.text.toLocaleString('en')} characters`)
  .trim()
  .min(1, 'must not be empty');
/** Single-line fields: a title, a name, a role, a meter label. */
const line = text.max(LIMITS.line, `must be at most ${LIMITS.line} characters`).regex(/^[^\n\r\u2028\u2029]*$/, 'must be a single line');
const meterId = z
  .string()
  .max(LIMITS.id, `meter ids are at most ${LIMITS.id} characters`)
  .regex(/^[a-z][a-zA-Z0-9]*$/, 'meter ids are camelCase words, e.g. trust');

export type { Cue, Outcome } from './kinds';

export const choiceSchema = z.strictObject({
  id,
  text,
  stance: z.enum(STANCES),
  markers: z.array(z.string().max(LIMITS.id, `markers are at most ${LIMITS.id} characters`)).default([]),
  flags: z.array(z.enum(FLAGS)).describe('Secondary flags beside the stance (schemaVersion 2); see README "Flags"').optional(),
  effects: z.record(meterId, z.number().int().min(-100).max(100)).default({}),
  feedback: text.optional(),
  reflect: text.optional(),
  partneringAlternative: text.optional(),
  next: id,
});

const comparison = z
  .strictObject({
    gte: z.number().optional(),
    gt: z.number().optional(),
    lte: z.number().optional(),
    lt: z.number().optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'needs at least one of gte, gt, lte, lt');

export const routeSchema = z.strictObject({
  when: z.record(meterId, comparison).optional(),
  next: id,
});

export const momentSchema = z.strictObject({
  kind: z.literal('moment'),
  client: text,
  narration: text.optional(),
  cue: z.enum(CUES).optional(),
  choices: z.array(choiceSchema).min(1, 'a moment needs at least one choice'),
});

export const routeNodeSchema = z.strictObject({
  kind: z.literal('route'),
  routes: z.array(routeSchema).min(1, 'a route node needs at least one route'),
});

export const endingSchema = z.strictObject({
  kind: z.literal('ending'),
  outcome: z.enum(OUTCOMES),
  client: text,
  summary: text,
});

export const nodeSchema = z.discriminatedUnion('kind', [momentSchema, routeNodeSchema, endingSchema], {
  error: (issue) => (issue.code === 'invalid_union' ? 'kind must be one of moment, route, ending' : undefined),
});

export const facilitatorSchema = z.strictObject({
  objectives: z.array(text).min(1, 'list at least one learning objective'),
  discussion: z.array(text).min(2, 'give two to four discussion questions').max(4, 'give two to four discussion questions'),
  driftNotes: z.array(z.strictObject({ node: id, note: text })).default([]),
});

export const scenarioSchema = z.strictObject({
  // Other versions are migrated or refused before this schema runs (migrations.ts), so only a
  // missing version reaches this message.
  schemaVersion: z.literal(SCHEMA_VERSION, { error: `missing schemaVersion: write schemaVersion: ${SCHEMA_VERSION} as the first line` }),
  id,
  title: line,
  summary: text,
  estimatedMinutes: z.number().int().min(1).max(240),
  competencies: z.array(z.number().int().min(1, 'ICF competencies are numbered 1-8').max(8, 'ICF competencies are numbered 1-8')).min(1),
  temptation: z.enum(STANCES).exclude(['partnering']).optional(),
  client: z.strictObject({ name: line, role: line, background: text }),
  meters: z
    .record(meterId, z.strictObject({ label: line, initial: z.number().min(0).max(100) }))
    .refine((m) => Object.keys(m).length > 0, 'define at least one meter'),
  start: id,
  nodes: z.record(id, nodeSchema).refine((n) => Object.keys(n).length > 0, 'define at least one node'),
  facilitator: facilitatorSchema.optional(),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioNode = Scenario['nodes'][string];
export type Moment = z.output<typeof momentSchema>;
export type RouteNode = z.output<typeof routeNodeSchema>;
export type Ending = z.output<typeof endingSchema>;
export type Choice = z.output<typeof choiceSchema>;
export type Route = z.output<typeof routeSchema>;
export type Comparison = z.output<typeof comparison>;
export type Meters = Record<string, number>;
