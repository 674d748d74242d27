import * as v from 'valibot';

/**
 * Valibot, not zod, because this schema ships in the trainee's first download: valibot
 * tree-shakes to about a kilobyte here, zod/mini to over ten (the scenario format keeps zod).
 *
 * What the browser keeps of a trainee's progress. Stored under one localStorage key with a
 * version; `migrations[n]` turns version n data into version n + 1.
 */
export const PROGRESS_VERSION = 1;
export const FEEDBACK_TIMINGS = ['each', 'debrief'] as const;
export type FeedbackTiming = (typeof FEEDBACK_TIMINGS)[number];

const rewind = v.object({ step: v.number(), choiceId: v.string(), at: v.string() });

export const runSchema = v.object({
  id: v.string(),
  scenarioId: v.string(),
  scenarioVersion: v.string(),
  startedAt: v.string(),
  /** Choice ids in order: the source of truth a run is replayed from. */
  path: v.array(v.string()),
  rewinds: v.array(rewind),
  /** The last choice's feedback is on screen and waits for Continue. */
  awaitingContinue: v.boolean(),
});

export const attemptSchema = v.object({
  id: v.string(),
  scenarioId: v.string(),
  scenarioVersion: v.string(),
  scenarioTitle: v.string(),
  startedAt: v.string(),
  finishedAt: v.string(),
  path: v.array(v.string()),
  rewinds: v.array(rewind),
  status: v.picklist(['completed', 'abandoned']),
  endingId: v.optional(v.string()),
  outcome: v.optional(v.string()),
  partneringShare: v.number(),
  choices: v.number(),
  note: v.string(),
  reason: v.optional(v.string()),
  /** When feedback came during this attempt (decides whether the debrief leads with it). */
  feedbackTiming: v.optional(v.picklist(FEEDBACK_TIMINGS)),
});

export const progressSchema = v.object({
  runs: v.record(v.string(), runSchema),
  attempts: v.array(attemptSchema),
  settings: v.object({ feedbackTiming: v.picklist(FEEDBACK_TIMINGS) }),
});

export type Rewind = v.InferOutput<typeof rewind>;
export type Run = v.InferOutput<typeof runSchema>;
export type Attempt = v.InferOutput<typeof attemptSchema>;
export type ProgressData = v.InferOutput<typeof progressSchema>;

export const emptyProgress = (): ProgressData => ({ runs: {}, attempts: [], settings: { feedbackTiming: 'each' } });

/** Numbered migrations: key n upgrades data stored at version n. None yet beyond version 1. */
export const migrations: Record<number, (data: unknown) => unknown> = {};

/** Bring stored data of any known version up to date and validate it; throws when it cannot. */
export function migrateProgress(data: unknown, fromVersion: number): ProgressData {
  if (fromVersion > PROGRESS_VERSION) throw new Error(`progress was saved by a newer Catalyst (version ${fromVersion})`);
  let current = data;
  for (let v = fromVersion; v < PROGRESS_VERSION; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`no migration from progress version ${v}`);
    current = step(current);
  }
  return v.parse(progressSchema, current);
}
