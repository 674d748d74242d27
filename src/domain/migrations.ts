import type { PathSegment, Problem } from './problem';

/**
 * The scenario format's versions as a chain of numbered migrations, the way tldraw keeps a
 * validator and its migrations beside each record. Step n reads a version-n document: its
 * `validate` lists what makes the document invalid *as version n* (the shape that differs from
 * version n + 1), and its `up` turns it into version n + 1. Content (empty text, links, stances) is
 * checked once, by the current zod schema, after the last step: so an unfinished draft still
 * migrates and keeps every word, and a file is never judged by two rule books.
 *
 * Both readers run it: YAML/JSON loading (`validateScenarioData`, used by `scenarios:check`, the
 * Vite plugin and the studio import) and draft loading (persistence). No zod here, so persistence
 * can migrate drafts without pulling the schema into the trainee bundle.
 */

type Doc = Record<string, unknown>;

export interface MigrationStep {
  /** The version this step reads; it writes `from + 1`. */
  readonly from: number;
  /** What changed, for people reading the chain. */
  readonly change: string;
  /** Problems that make `doc` invalid as version `from` (errors; the document is not migrated). */
  readonly validate: (doc: Doc) => Problem[];
  /** Version `from` → `from + 1`. Pure: returns a new document and never drops a field. */
  readonly up: (doc: Doc) => Doc;
}

const isDoc = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every choice in a document of any shape, with its path; anything not shaped like one is skipped. */
function* choicesOf(doc: Doc): Generator<{ choice: Doc; path: PathSegment[] }> {
  if (!isDoc(doc.nodes)) return;
  for (const [nodeId, node] of Object.entries(doc.nodes)) {
    if (!isDoc(node) || !Array.isArray(node.choices)) continue;
    for (const [i, choice] of node.choices.entries()) if (isDoc(choice)) yield { choice, path: ['nodes', nodeId, 'choices', i] };
  }
}

export const MIGRATIONS: readonly MigrationStep[] = [
  {
    from: 1,
    change: 'choices may carry secondary `flags` (leading-question, stacked-question, ...)',
    validate(doc) {
      const problems: Problem[] = [];
      for (const { choice, path } of choicesOf(doc))
        if (Object.hasOwn(choice, 'flags'))
          problems.push({
            severity: 'error',
            path: [...path, 'flags'],
            rule: 'schema',
            message:
              'unknown field "flags" in a schemaVersion 1 file; choice flags arrived in schemaVersion 2, so set schemaVersion: 2 to use them',
          });
      return problems;
    },
    // Nothing in version 1 changes meaning in version 2: only the number moves (in place, so the
    // key order an author wrote is kept).
    up: (doc) => ({ ...doc, schemaVersion: 2 }),
  },
];

/** The version this build writes and reads natively: one past the last migration (a test holds it). */
export const CURRENT_SCHEMA_VERSION = 2;

export interface MigrationResult {
  /** The document at the current version; the input itself when it could not be migrated. */
  readonly doc: unknown;
  /** The version the document was written at, when it named a known one. */
  readonly from?: number;
  /** Why the document could not be migrated (errors); empty when it was, or when it was current. */
  readonly problems: readonly Problem[];
}

const versionProblem = (message: string): Problem => ({ severity: 'error', path: ['schemaVersion'], rule: 'schema-version', message });

/**
 * Bring a scenario document (parsed YAML, JSON or a stored draft) to the current version.
 * A document that is not an object, or names no version, is returned as is: the schema says what
 * is missing. A version newer than this build knows is a clear problem, never a guess.
 */
export function migrateScenario(input: unknown): MigrationResult {
  if (!isDoc(input) || input.schemaVersion === undefined) return { doc: input, problems: [] };
  const from = input.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1)
    return { doc: input, problems: [versionProblem(`schemaVersion must be a whole number from 1 to ${CURRENT_SCHEMA_VERSION}`)] };
  if (from > CURRENT_SCHEMA_VERSION)
    return {
      doc: input,
      problems: [
        versionProblem(
          `schemaVersion ${from} is newer than this version of Catalyst reads (1 to ${CURRENT_SCHEMA_VERSION}); update Catalyst to open this file`,
        ),
      ],
    };
  let doc: Doc = input;
  for (const step of MIGRATIONS.slice(from - 1)) {
    const problems = step.validate(doc);
    if (problems.length) return { doc: input, from, problems };
    doc = step.up(doc);
  }
  return { doc, from, problems: [] };
}
