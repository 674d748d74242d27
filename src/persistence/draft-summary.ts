import * as v from 'valibot';
import type { DraftRecord } from './draft-record';

/**
 * The small record the studio list reads instead of the whole draft (IndexedDB store
 * 'summaries', keyed by the draft's id). drafts.ts writes it in the same transaction as the draft,
 * so the two never disagree; it is derived data, so a summary that is missing, unreadable or from
 * an older summary version is rebuilt from its draft (drafts.ts, listDraftSummaries) and never
 * hides a draft. Versioned and validated like the draft record (draft-record.ts), with valibot
 * because this module is in the main bundle.
 */
export const DRAFT_SUMMARY_VERSION = 1;

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const time = v.pipe(v.number(), v.finite());

export const draftSummarySchema = v.object({
  v: v.literal(DRAFT_SUMMARY_VERSION),
  id: v.pipe(v.string(), v.minLength(1)),
  title: v.string(),
  /** Epoch milliseconds, as in the draft record. */
  createdAt: time,
  updatedAt: time,
  /** The draft's revision this summary was made from. */
  revision: v.pipe(count, v.minValue(1)),
  /** Nodes in the draft's scenario (moments, routes and endings). */
  nodes: count,
  /** Count of all problems (errors and warnings) and of errors alone, when last saved. */
  problems: count,
  errors: count,
  valid: v.boolean(),
});

export type DraftSummary = v.InferOutput<typeof draftSummarySchema>;

/** The summary of a stored draft record. */
export function summarizeDraft(record: DraftRecord): DraftSummary {
  return {
    v: DRAFT_SUMMARY_VERSION,
    id: record.id,
    title: record.title,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    revision: record.revision,
    nodes: Object.keys(record.doc.nodes).length,
    problems: record.problems,
    errors: record.errors,
    valid: record.valid,
  };
}

/**
 * A stored summary, or undefined when it cannot be used as it is: not a record, the wrong shape,
 * or another summary version. There are no summary migrations: a summary is cheap to rebuild
 * from its draft, which is what the caller does with undefined (also for a newer version, whose
 * fields this version cannot know).
 */
export function readDraftSummary(raw: unknown): DraftSummary | undefined {
  const parsed = v.safeParse(draftSummarySchema, raw);
  return parsed.success ? parsed.output : undefined;
}
