import * as v from 'valibot';
import { hashString } from '../lib/hash';

/**
 * Valibot, not zod, because this schema ships in the trainee's first download: valibot
 * tree-shakes to about a kilobyte here, zod/mini to over ten (the scenario format keeps zod).
 *
 * What the browser keeps of a trainee's progress. Stored under one localStorage key with a
 * version; `migrations[n]` turns version n data into version n + 1.
 *
 * Version 2: every run carries a `seed` for the order its responses are shown in.
 */
export const PROGRESS_VERSION = 2;
export const FEEDBACK_TIMINGS = ['each', 'debrief'] as const;
export type FeedbackTiming = (typeof FEEDBACK_TIMINGS)[number];

/*
 * Numbers and dates read back from storage are checked, not trusted: a hand-edited or forged
 * value such as 1e999 (JSON for Infinity) or a share of 7 must not reach the progress table.
 */
const date = v.pipe(
  v.string(),
  v.check((s) => Number.isFinite(Date.parse(s)), 'not a date'),
);
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));
const share = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1));
/** A 32-bit unsigned integer. */
const seed = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff));

const rewind = v.object({ step: count, choiceId: v.string(), at: date });

export const runSchema = v.object({
  id: v.string(),
  scenarioId: v.string(),
  scenarioVersion: v.string(),
  startedAt: date,
  /** Choice ids in order: the source of truth a run is replayed from. */
  path: v.array(v.string()),
  rewinds: v.array(rewind),
  /** The last choice's feedback is on screen and waits for Continue. */
  awaitingContinue: v.boolean(),
  /** Seeds the order responses are shown in (engine/order.ts); new for every attempt. */
  seed,
});

export const attemptSchema = v.object({
  id: v.string(),
  scenarioId: v.string(),
  scenarioVersion: v.string(),
  scenarioTitle: v.string(),
  startedAt: date,
  finishedAt: date,
  path: v.array(v.string()),
  rewinds: v.array(rewind),
  status: v.picklist(['completed', 'abandoned']),
  endingId: v.optional(v.string()),
  outcome: v.optional(v.string()),
  partneringShare: share,
  choices: count,
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

/** A fresh 32-bit seed for a new attempt. */
export function newSeed(): number {
  const buf = new Uint32Array(1);
  if (globalThis.crypto?.getRandomValues) return globalThis.crypto.getRandomValues(buf)[0]!;
  return Math.floor(Math.random() * 0x100000000);
}

/** A seed derived from a run id: stable, so migrating the same stored data twice agrees. */
export const seedFromId = (id: string): number => parseInt(hashString(id).slice(-8), 16) >>> 0;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Numbered migrations: key n upgrades data stored at version n to version n + 1. */
export const migrations: Record<number, (data: unknown) => unknown> = {
  /** 1 → 2: runs get a seed for their response order, derived from the run id. */
  1: (data) => {
    if (!isRecord(data) || !isRecord(data.runs)) return data; // validation reports the shape
    const runs = Object.fromEntries(
      Object.entries(data.runs).map(([key, run]) => [
        key,
        isRecord(run) && run.seed === undefined ? { ...run, seed: seedFromId(String(run.id)) } : run,
      ]),
    );
    return { ...data, runs };
  },
};

/** Bring stored data of any known version up to date and validate it; throws when it cannot. */
export function migrateProgress(data: unknown, fromVersion: number): ProgressData {
  if (fromVersion > PROGRESS_VERSION) throw new Error(`progress was saved by a newer Catalyst (version ${fromVersion})`);
  let current = data;
  for (let n = fromVersion; n < PROGRESS_VERSION; n++) {
    const step = migrations[n];
    if (!step) throw new Error(`no migration from progress version ${n}`);
    current = step(current);
  }
  const result = v.safeParse(progressSchema, current);
  if (!result.success) {
    const issue = result.issues[0];
    const where = v.getDotPath(issue) ?? '(top level)';
    throw new Error(`stored progress is not valid at ${where}: ${issue.message}`);
  }
  return result.output;
}
