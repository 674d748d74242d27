import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { z } from 'zod';
import { checkScenario } from './checks';
import { lintScenario } from './lint';
import { migrateScenario } from './migrations';
import type { PathSegment, Problem } from './problem';
import { scenarioSchema, type Scenario } from './schema';

export interface SourceResult {
  /** The validated scenario, present when there are no errors (warnings allowed). */
  readonly scenario?: Scenario;
  readonly problems: readonly Problem[];
}

export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

/**
 * Parse a scenario file (YAML or JSON; JSON is YAML) and run every check: syntax, schema, graph,
 * content lint. Each problem carries the line and column of the field it names.
 */
export function parseScenarioSource(text: string, opts: { expectedId?: string; lint?: boolean } = {}): SourceResult {
  // Fast path: js-yaml reads a 20 MB file in half a second where a position-keeping parse takes
  // ten times longer. Only a file with problems is parsed again, with `yaml`, to place each
  // problem at its line and column. Both read YAML 1.2's core schema (no timestamps, no merge keys).
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch (e) {
    return { problems: syntaxProblems(text, e) };
  }
  const validated = validateScenarioData(data, opts);
  if (!validated.problems.length) return validated;
  const { doc, at } = documentOf(text);
  return {
    ...validated,
    problems: validated.problems.map((p) => ({ ...p, ...positionOf(doc, p.path, at) })),
  };
}

function documentOf(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  return { doc, at: (offset: number) => lineCounter.linePos(offset) };
}

/** Every syntax error with its position (from `yaml`, which reports all of them, not just the first). */
function syntaxProblems(text: string, fastError: unknown): Problem[] {
  const { doc, at } = documentOf(text);
  const problems: Problem[] = doc.errors.map((e) => {
    const pos = at(e.pos[0]);
    const dup = e.code === 'DUPLICATE_KEY';
    return {
      severity: 'error' as const,
      path: [],
      rule: dup ? 'duplicate-id' : 'yaml-syntax',
      message: dup ? `duplicate key: ${firstLine(e.message)}` : firstLine(e.message),
      line: pos.line,
      column: pos.col,
    };
  });
  if (problems.length) return problems;
  // The two parsers disagree: report js-yaml's own reason and position.
  const mark = fastError instanceof YAMLException ? fastError.mark : undefined;
  const reason = fastError instanceof YAMLException ? fastError.reason : String(fastError);
  return [{ severity: 'error', path: [], rule: 'yaml-syntax', message: reason, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 }];
}

/**
 * Validate already-parsed data (from a draft or JSON); problems have paths but no positions.
 * Older format versions are migrated first (`migrations.ts`); the scenario returned is current.
 */
export function validateScenarioData(data: unknown, opts: { expectedId?: string; lint?: boolean } = {}): SourceResult {
  const migrated = migrateScenario(data);
  if (migrated.problems.length) return { problems: migrated.problems };
  const parsed = scenarioSchema.safeParse(migrated.doc);
  if (!parsed.success) return { problems: parsed.error.issues.map(issueToProblem) };
  const scenario = parsed.data;
  const problems = [...checkScenario(scenario, opts), ...(opts.lint === false ? [] : lintScenario(scenario))];
  return { problems, scenario: problems.some((p) => p.severity === 'error') ? undefined : scenario };
}

function issueToProblem(issue: z.core.$ZodIssue): Problem {
  let path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    if (issue.keys.length === 1) path = [...path, issue.keys[0]!];
  } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    message = `missing required field (expected ${issue.expected})`;
  } else if (issue.code === 'invalid_value' && issue.values.length > 1) {
    message = `must be one of ${issue.values.join(', ')}`;
  }
  return { severity: 'error', path, rule: 'schema', message };
}

const firstLine = (s: string) => s.split('\n')[0]!.trim();

/** Line and column of the value at `path`, or of the closest existing ancestor. */
function positionOf(doc: Document, path: readonly PathSegment[], at: (o: number) => { line: number; col: number }) {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const { line, col } = at(node.range[0]);
      return { line, column: col };
    }
  }
  return { line: 1, column: 1 };
}
