import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { z } from 'zod';
import { checkScenario } from './checks';
import { lintScenario } from './lint';
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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number) => lineCounter.linePos(offset);

  const syntax: Problem[] = doc.errors.map((e) => {
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
  if (syntax.length) return { problems: syntax };

  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const validated = validateScenarioData(data, opts);
  return {
    ...validated,
    problems: validated.problems.map((p) => ({ ...p, ...positionOf(doc, p.path, at) })),
  };
}

/** Validate already-parsed data (from a draft or JSON); problems have paths but no positions. */
export function validateScenarioData(data: unknown, opts: { expectedId?: string; lint?: boolean } = {}): SourceResult {
  const parsed = scenarioSchema.safeParse(data);
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
