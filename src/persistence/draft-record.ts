import * as v from 'valibot';
import type { DraftDoc } from '../domain/edit/doc';
import { migrateScenario } from '../domain/migrations';

/**
 * The IndexedDB draft record, validated where it is read, with a record version and numbered
 * migrations (the way tldraw keeps a validator and migrations beside each record).
 *
 * Strict on shape, lenient on content, the same split the studio's import makes (shape codes
 * refuse a file, content problems are listed in the problems panel): the record's own fields
 * must have their types, and the doc must be an object whose `nodes` are objects with a known
 * `kind` and whose `meters` are objects, because the editor cannot open anything else. Empty
 * text, bad ids, links to nowhere and unknown fields are content: a draft may hold them.
 *
 * Valibot, not zod, because this module is in the main bundle (see progress-schema.ts).
 */
export const DRAFT_RECORD_VERSION = 2;

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const time = v.pipe(v.number(), v.finite());

/** What the editor needs of a doc to open it; everything else is content. */
const docShape = v.looseObject({
  nodes: v.record(v.string(), v.looseObject({ kind: v.picklist(['moment', 'route', 'ending']) })),
  meters: v.record(v.string(), v.looseObject({})),
});

/** A doc the editor can open (a checked narrowing, not a cast: `docShape` above is what is checked). */
export const isDraftDoc = (value: unknown): value is DraftDoc =>
  // valibot's record() also takes a list; a list of nodes is not a draft.
  v.is(docShape, value) && !Array.isArray(value.nodes) && !Array.isArray(value.meters);
const draftDoc = v.custom<DraftDoc>(
  isDraftDoc,
  'the scenario in this draft is not the shape the editor can open (it needs objects "nodes", each with a kind, and "meters")',
);

export const draftRecordSchema = v.object({
  v: v.literal(DRAFT_RECORD_VERSION),
  id: v.pipe(v.string(), v.minLength(1)),
  doc: draftDoc,
  /** Epoch milliseconds. */
  createdAt: time,
  updatedAt: time,
  /** 1 after the first save; each save adds one. */
  revision: v.pipe(count, v.minValue(1)),
  /** Count of all problems (errors and warnings) and of errors alone, when last saved. */
  problems: count,
  errors: count,
  valid: v.boolean(),
  title: v.string(),
});

export type DraftRecord = v.InferOutput<typeof draftRecordSchema>;

type Raw = Readonly<Record<string, unknown>>;
const isRaw = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * `recordMigrations[n]` turns a version-n record into version n + 1. One entry per step, each
 * with a test (draft-record.test.ts).
 */
export const recordMigrations: Readonly<Record<number, (record: Raw) => Raw>> = {
  // v1: records written before versioning had no `v`. Nothing else changed, so the step only
  // stamps the version; a title missing from a hand-edited record falls back like buildRecord's.
  1: (r) => ({ ...r, v: 2, title: typeof r.title === 'string' ? r.title : 'Untitled scenario' }),
};

/** The record version of stored data (records before versioning count as 1). */
export const recordVersion = (raw: Raw): number => (typeof raw.v === 'number' ? raw.v : 1);

/**
 * The scenario inside a draft, brought to the current scenario format by the same migration
 * chain YAML loading runs (domain/migrations.ts); the one call site draft loading goes through.
 * A draft the chain cannot migrate (a v1 draft already using a v2 field, a newer version) is kept
 * exactly as stored: the problems panel names what to fix, and nothing is lost.
 */
export function upgradeScenarioDoc(doc: unknown): unknown {
  return migrateScenario(doc).doc;
}

export type ReadResult =
  { readonly ok: true; readonly record: DraftRecord } | { readonly ok: false; readonly id: string; readonly reason: string };

/** One field path and message per problem: "revision: expected a number". */
function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((i) => {
      const path = v.getDotPath(i);
      return path ? `${path}: ${i.message}` : i.message;
    })
    .join('; ');
}

/**
 * Read a stored record: migrate it step by step to the current version, then validate it. A
 * record that cannot be read is reported with its id and the field at fault, never changed.
 */
export function readDraftRecord(raw: unknown): ReadResult {
  if (!isRaw(raw)) return { ok: false, id: '', reason: 'the stored value is not a record' };
  const id = typeof raw.id === 'string' ? raw.id : '';
  let data = raw;
  let version = recordVersion(data);
  if (version > DRAFT_RECORD_VERSION)
    return { ok: false, id, reason: `it was saved by a newer version of Catalyst (record version ${version}); reload the page to update` };
  while (version < DRAFT_RECORD_VERSION) {
    const step = recordMigrations[version];
    if (!step) return { ok: false, id, reason: `no migration from record version ${version}` };
    data = step(data);
    version = recordVersion(data);
  }
  const parsed = v.safeParse(draftRecordSchema, { ...data, doc: upgradeScenarioDoc(data.doc) });
  return parsed.success ? { ok: true, record: parsed.output } : { ok: false, id, reason: describe(parsed.issues) };
}

/** A stored draft that could not be read. It is left in storage exactly as it was. */
export class DamagedDraftError extends Error {
  override readonly name = 'DamagedDraftError';
  constructor(
    readonly draftId: string,
    readonly reason: string,
  ) {
    super(`The stored draft “${draftId}” could not be read (${reason}). It has been left unchanged in this browser.`);
  }
}
