import * as z from 'zod/mini';

/**
 * What the browser keeps of a trainee's progress. Stored under one localStorage key with a
 * version; `migrations[n]` turns version n data into version n + 1.
 */
export const PROGRESS_VERSION = 1;
export const FEEDBACK_TIMINGS = ['each', 'debrief'] as const;
export type FeedbackTiming = (typeof FEEDBACK_TIMINGS)[number];

const rewind = z.object({ step: z.number(), choiceId: z.string(), at: z.string() });

export const runSchema = z.object({
  id: z.string(),
  scenarioId: z.string(),
  scenarioVersion: z.string(),
  startedAt: z.string(),
  /** Choice ids in order: the source of truth a run is replayed from. */
  path: z.array(z.string()),
  rewinds: z.array(rewind),
  /** The last choice's feedback is on screen and waits for Continue. */
  awaitingContinue: z.boolean(),
});

export const attemptSchema = z.object({
  id: z.string(),
  scenarioId: z.string(),
  scenarioVersion: z.string(),
  scenarioTitle: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  path: z.array(z.string()),
  rewinds: z.array(rewind),
  status: z.enum(['completed', 'abandoned']),
  endingId: z.optional(z.string()),
  outcome: z.optional(z.string()),
  partneringShare: z.number(),
  choices: z.number(),
  note: z.string(),
  reason: z.optional(z.string()),
  /** When feedback came during this attempt (decides whether the debrief leads with it). */
  feedbackTiming: z.optional(z.enum(FEEDBACK_TIMINGS)),
});

export const progressSchema = z.object({
  runs: z.record(z.string(), runSchema),
  attempts: z.array(attemptSchema),
  settings: z.object({ feedbackTiming: z.enum(FEEDBACK_TIMINGS) }),
});

export type Rewind = z.infer<typeof rewind>;
export type Run = z.infer<typeof runSchema>;
export type Attempt = z.infer<typeof attemptSchema>;
export type ProgressData = z.infer<typeof progressSchema>;

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
  return progressSchema.parse(current);
}
