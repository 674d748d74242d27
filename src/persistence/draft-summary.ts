import * as v from 'valibot';
import type { DraftDoc } from '../domain/edit/doc';
import { DRIFT_STANCES } from '../domain/stances';
import { summarize, versionOfJson, type ScenarioSummary } from '../domain/summary';
import { isDraftDoc, upgradeScenarioDoc, type DraftRecord } from './draft-record';
import { docJson } from './draft-pending';

/**
 * The small record the studio list reads instead of the whole draft (IndexedDB store
 * 'summaries', keyed by the draft's id). drafts.ts writes it in the same transaction as the draft,
 * so the two never disagree; it is derived data, so a summary that is missing, unreadable or from
 * an older summary version is rebuilt from its draft (drafts.ts, listDraftSummaries) and never
 * hides a draft. Versioned and validated like the draft record (draft-record.ts), with valibot
 * because this module is in the main bundle.
 *
 * Version 2 adds `card`, the trainee library's card of a valid draft (drafts-source.ts), so the
 * library lists drafts from their summaries too instead of reading every whole draft (megabytes
 * each at 2,000 nodes). Version-1 summaries are rebuilt from their drafts on the next list.
 */
export const DRAFT_SUMMARY_VERSION = 2;

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const time = v.pipe(v.number(), v.finite());

/** What the library card and briefing read (domain/summary.ts ScenarioSummary), checked before a card renders it. */
const cardSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  version: v.string(),
  title: v.string(),
  summary: v.string(),
  estimatedMinutes: v.pipe(v.number(), v.finite()),
  competencies: v.pipe(v.array(v.number()), v.readonly()),
  temptation: v.optional(v.picklist(DRIFT_STANCES)),
  client: v.object({ name: v.string(), role: v.string(), background: v.string() }),
  moments: count,
}) satisfies v.GenericSchema<unknown, ScenarioSummary>;

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
  /** The trainee library's card: present exactly when the draft is valid (only valid drafts are listed there). */
  card: v.optional(cardSchema),
});

export type DraftSummary = v.InferOutput<typeof draftSummarySchema>;

/**
 * The library card of a draft: the draft's scenario under the draft's id (so it never shadows a
 * bundled scenario) with its stored title. Its version is scenarioVersion(doc), the hash of the
 * doc's JSON, taken from docJson, which is exactly JSON.stringify(doc) but reuses the JSON of
 * every node unchanged since the last save: at 2,000 nodes (1.7 M characters) 21 ms with
 * JSON.stringify against 12 ms (5 joining, 7 hashing; medians of 9, tsx on a busy 2-core machine).
 * The doc is read as the library used to read it, through the format migrations.
 */
export function libraryCard(record: DraftRecord): ScenarioSummary {
  const upgraded = upgradeScenarioDoc(record.doc);
  const doc: DraftDoc = isDraftDoc(upgraded) ? upgraded : record.doc;
  return { ...summarize({ ...doc, id: record.id }, versionOfJson(docJson(doc))), title: record.title };
}

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
    ...(record.valid ? { card: libraryCard(record) } : {}),
  };
}

/**
 * A stored summary, or undefined when it cannot be used as it is: not a record, the wrong shape,
 * another summary version, or a valid draft's summary without its library card (or an invalid
 * one's with one). There are no summary migrations: a summary is rebuilt from its draft, which is what the caller does with undefined (also for a newer version, whose
 * fields this version cannot know).
 */
export function readDraftSummary(raw: unknown): DraftSummary | undefined {
  const parsed = v.safeParse(draftSummarySchema, raw);
  // A valid draft's summary without its card could not list the draft in the library: rebuild it.
  return parsed.success && parsed.output.valid === (parsed.output.card !== undefined) ? parsed.output : undefined;
}
