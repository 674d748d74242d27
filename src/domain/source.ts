import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { CST, Lexer, LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import { z } from 'zod';
import { checkScenario } from './checks';
import { lintScenario } from './lint';
import { migrateScenario } from './migrations';
import { nullProto } from './own';
import type { PathSegment, Problem } from './problem';
import { scenarioSchema, type Scenario } from './schema';

export interface SourceResult {
  /** The validated scenario, present when there are no errors (warnings allowed). */
  readonly scenario?: Scenario;
  /** At most MAX_PROBLEMS problems, then one `more-problems` line that counts the rest. */
  readonly problems: readonly Problem[];
  /** Problems found but not listed (the `more-problems` line sums them up). */
  readonly omitted?: { readonly errors: number; readonly warnings: number };
}

export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;
/** Problems listed per file; a generated file can have 10^5 and nobody reads past the first screens. */
export const MAX_PROBLEMS = 200;
/** A scenario nests 7 levels deep (nodes.x.routes[0].when.trust.gte); anything far deeper is not one. */
export const MAX_DEPTH = 32;
/**
 * Longest key or string read at all (the schema's own limit for text is 4,000). Beyond it the
 * position-keeping parser is the slow part: 4.5 s for one 5 MB quoted key, measured on a loaded
 * machine, against 0.5 s for js-yaml; so such a file is refused and placed by a text search.
 */
export const MAX_STRING = 65_536;

/** Rules whose problems mean the file could not be read as scenario data at all. */
export const READ_RULES: ReadonlySet<string> = new Set([
  'yaml-syntax',
  'yaml-alias',
  'prototype-key',
  'too-deep',
  'too-long',
  'file-too-large',
  'unreadable',
]);

export interface ReadResult {
  /** The file's data (null-prototype objects) when it could be read; undefined otherwise. */
  readonly data?: unknown;
  /** Why it could not be read, each with a line and column. */
  readonly problems: readonly Problem[];
}

/**
 * Read a scenario file's text into data, without validating it. Every failure becomes problems
 * with positions; this never throws. Refuses: files over 5 MB, YAML anchors and aliases, syntax
 * errors and duplicate keys, `__proto__` keys, and nesting deeper than MAX_DEPTH.
 */
export function readScenarioSource(text: string): ReadResult {
  try {
    return readUnsafe(text, true);
  } catch (e) {
    return { problems: [unreadable(e)] };
  }
}

/**
 * `copy` (the import): null-prototype data, and the 5 MB limit. scenarios:check and the build stat
 * the file first; `npm run bench` parses 23 MB on purpose.
 */
function readUnsafe(text: string, copy: boolean): ReadResult {
  if (copy && text.length > MAX_SOURCE_BYTES)
    return {
      problems: [
        {
          severity: 'error',
          path: [],
          rule: 'file-too-large',
          message: `the file is over ${MAX_SOURCE_BYTES / 1024 / 1024} MB`,
          line: 1,
          column: 1,
        },
      ],
    };
  const aliases = aliasProblems(text);
  if (aliases.length) return { problems: capProblems(aliases).problems };
  // Fast path: js-yaml reads a 20 MB file in half a second where a position-keeping parse takes
  // ten times longer. Only a file with problems is parsed again, with `yaml`, to place each
  // problem at its line and column. Both read YAML 1.2's core schema (no timestamps, no merge keys).
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch (e) {
    return { problems: capProblems(syntaxProblems(text, e)).problems };
  }
  const shape = shapeProblems(data);
  if (shape.length) {
    const listed = capProblems(shape).problems;
    return {
      problems: shape.some((p) => p.rule === 'too-long')
        ? listed.map((p) => (p.line ? p : { ...p, ...locate(text, p.path) }))
        : withPositions(text, listed),
    };
  }
  // The CLI path skips the copy: zod builds fresh objects anyway, and the checks read own keys only.
  return { data: copy ? toNullProto(data) : data, problems: [] };
}

/**
 * Parse a scenario file (YAML or JSON; JSON is YAML) and run every check: syntax, schema, graph,
 * content lint. Each problem carries the line and column of the field it names. Never throws.
 */
export function parseScenarioSource(text: string, opts: { expectedId?: string; lint?: boolean } = {}): SourceResult {
  try {
    const read = readUnsafe(text, false);
    if (read.problems.length) return { problems: read.problems };
    const validated = validateScenarioData(read.data, opts);
    if (!validated.problems.length) return validated;
    return { ...validated, problems: withPositions(text, validated.problems) };
  } catch (e) {
    return { problems: [unreadable(e)] };
  }
}

/** The last resort: something failed that has no better description (e.g. the stack ran out). */
function unreadable(e: unknown): Problem {
  const reason =
    e instanceof RangeError ? 'it is nested too deeply or is too large to read' : short(e instanceof Error ? e.message : String(e));
  return { severity: 'error', path: [], rule: 'unreadable', message: `the file cannot be read: ${reason}`, line: 1, column: 1 };
}

/** Place each problem at the line and column of the field it names (problems without a path keep theirs). */
function withPositions(text: string, problems: readonly Problem[]): Problem[] {
  let doc: ReturnType<typeof documentOf> | undefined;
  try {
    doc = documentOf(text);
  } catch {
    doc = undefined; // positions are a help, not a condition: fall back to the top of the file
  }
  return problems.map((p) =>
    p.line ? p : { ...p, ...(doc ? positionOf(doc.doc, p.path, doc.at, p.rule === 'prototype-key') : { line: 1, column: 1 }) },
  );
}

/**
 * `yaml`'s duplicate-key check compares each key with every earlier one in its map: quadratic, and
 * minutes for 200,000 keys. After js-yaml read the file (it refuses duplicates itself) positions
 * need no check; for a syntax error it runs only on files up to UNIQUE_CHECK_BYTES.
 */
const UNIQUE_CHECK_BYTES = 256 * 1024;

function documentOf(text: string, uniqueKeys = false) {
  const lineCounter = new LineCounter();
  // No aliases reach this parse (they are refused first), and it never expands them (no toJS).
  const doc = parseDocument(text, { lineCounter, uniqueKeys, prettyErrors: false });
  return { doc, at: (offset: number) => lineCounter.linePos(offset) };
}

/**
 * Anchors (`&name`) and aliases (`*name`) are refused: a scenario never needs them (ids link
 * nodes), and a 3.5 kB file of nested aliases expands to millions of values ("billion laughs").
 * Refusing is simpler to explain than a cap, and no bundled scenario or studio export uses them.
 * The lexer only runs when the text contains `&` or `*` at all.
 */
function aliasProblems(text: string): Problem[] {
  // Cheap filter first: an anchor or alias starts a token, after a line start, space or [{,
  if (!/(?:^|[\s[{,])[&*][^\s,\]}]/.test(text)) return [];
  const problems: Problem[] = [];
  const lines = new LineCounter();
  let offset = 0;
  // The lexer interleaves a few control tokens that are not source text; they take no room.
  const marker = new Set(['doc-mode', 'scalar', 'flow-error-end']);
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if ((type === 'anchor' || type === 'alias') && token.length > 1) {
      problems.push({
        severity: 'error',
        path: [],
        rule: 'yaml-alias',
        message: `${type === 'anchor' ? 'anchor' : 'alias'} "${short(token)}": scenario files may not use YAML anchors or aliases (&name, *name); write each value out`,
        ...lineCol(text, offset, lines),
      });
    }
    if (!(type && marker.has(type) && token !== text[offset])) offset += token.length;
  }
  return problems;
}

/**
 * Approximate position of `path` without a second parse: the first place the text holds its last
 * key (the first 200 characters of it), else the top of the file.
 */
function locate(text: string, path: readonly PathSegment[]): { line: number; column: number } {
  const key = [...path].reverse().find((s): s is string => typeof s === 'string');
  const offset = key === undefined ? -1 : text.indexOf(key.slice(0, 200));
  return offset < 0 ? { line: 1, column: 1 } : lineCol(text, offset, new LineCounter());
}

/** 1-based line and column of `offset` (counting lines once, lazily, on the first call). */
function lineCol(text: string, offset: number, lines: LineCounter): { line: number; column: number } {
  if (!lines.lineStarts.length) {
    lines.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  }
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** Every syntax error with its position (from `yaml`, which reports all of them, not just the first). */
function syntaxProblems(text: string, fastError: unknown): Problem[] {
  // js-yaml stops at 100 levels of nesting; `yaml` would take seconds over the same file (1.7 s for
  // 100,000 nested brackets, measured), so the position js-yaml gives is the answer.
  if (fastError instanceof YAMLException && /maxDepth/.test(fastError.reason)) {
    const mark = fastError.mark;
    return [
      {
        severity: 'error',
        path: [],
        rule: 'too-deep',
        message: `nested more than 100 levels deep; a scenario needs fewer than 10`,
        line: (mark?.line ?? 0) + 1,
        column: (mark?.column ?? 0) + 1,
      },
    ];
  }
  let problems: Problem[] = [];
  try {
    const { doc, at } = documentOf(text, text.length <= UNIQUE_CHECK_BYTES);
    problems = doc.errors.map((e) => {
      const pos = at(e.pos[0]);
      const dup = e.code === 'DUPLICATE_KEY';
      return {
        severity: 'error' as const,
        path: [],
        rule: dup ? 'duplicate-id' : 'yaml-syntax',
        message: dup ? `duplicate key: ${short(firstLine(e.message))}` : short(firstLine(e.message)),
        line: pos.line,
        column: pos.col,
      };
    });
  } catch {
    // The position-keeping parser gave up too (e.g. the stack ran out): report js-yaml's reason.
  }
  if (problems.length) return problems;
  // The two parsers disagree: report js-yaml's own reason and position.
  if (fastError instanceof RangeError) return [unreadable(fastError)];
  const mark = fastError instanceof YAMLException ? fastError.mark : undefined;
  const reason = fastError instanceof YAMLException ? fastError.reason : String(fastError);
  return [
    {
      severity: 'error',
      path: [],
      rule: 'yaml-syntax',
      message: short(reason),
      line: (mark?.line ?? 0) + 1,
      column: (mark?.column ?? 0) + 1,
    },
  ];
}

/**
 * Problems no schema can see: a `__proto__` key (JavaScript objects drop it silently, so zod never
 * sees it) and nesting deeper than MAX_DEPTH. Iterative, so a deep file cannot overflow the stack.
 */
function shapeProblems(data: unknown): Problem[] {
  const problems: Problem[] = [];
  // Frames link to their parent; a path is built only for a problem (building one per value cost
  // an array per value on every keystroke's check).
  interface Frame {
    readonly value: unknown;
    readonly key?: PathSegment;
    readonly parent?: Frame;
    readonly depth: number;
  }
  const pathOf = (f: Frame, extra?: PathSegment): PathSegment[] => {
    const out: PathSegment[] = extra === undefined ? [] : [extra];
    for (let at: Frame | undefined = f; at?.parent; at = at.parent) out.unshift(at.key!);
    return out;
  };
  const stack: Frame[] = [{ value: data, depth: 0 }];
  while (stack.length) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (typeof value === 'string' && value.length > MAX_STRING)
      problems.push({
        severity: 'error',
        path: pathOf(frame),
        rule: 'too-long',
        message: `a value of ${value.length.toLocaleString('en')} characters; scenario text is at most 4,000`,
      });
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) {
      problems.push({
        severity: 'error',
        path: pathOf(frame),
        rule: 'too-deep',
        message: `nested more than ${MAX_DEPTH} levels deep; a scenario needs fewer than 10`,
      });
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: i, parent: frame, depth: depth + 1 });
      continue;
    }
    if (Object.hasOwn(value, '__proto__'))
      problems.push({
        severity: 'error',
        path: pathOf(frame, '__proto__'),
        rule: 'prototype-key',
        message: '"__proto__" cannot be a key or an id: JavaScript would drop it silently; rename it',
      });
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      if (k.length > MAX_STRING)
        problems.push({
          severity: 'error',
          path: pathOf(frame, k),
          rule: 'too-long',
          message: `a key of ${k.length.toLocaleString('en')} characters; ids are at most 64`,
        });
      stack.push({ value: (value as Record<string, unknown>)[k], key: k, parent: frame, depth: depth + 1 });
    }
  }
  return problems;
}

/** A copy of parsed data with null-prototype objects (the data is a tree: aliases were refused). */
function toNullProto(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(toNullProto);
  if (typeof data !== 'object' || data === null) return data;
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(data)) out[k] = toNullProto(v);
  return out;
}

/** Keep the first MAX_PROBLEMS problems; one more line says how many were left out. */
export function capProblems(
  problems: readonly Problem[],
  max = MAX_PROBLEMS,
): { problems: readonly Problem[]; omitted?: { errors: number; warnings: number } } {
  if (problems.length <= max) return { problems };
  const rest = problems.slice(max);
  const errors = rest.filter((p) => p.severity === 'error').length;
  const warnings = rest.length - errors;
  const parts = [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`]
    .filter(Boolean)
    .join(' and ');
  const more: Problem = {
    severity: errors ? 'error' : 'warning',
    path: [],
    rule: 'more-problems',
    message: `${rest.length} more problem${rest.length === 1 ? '' : 's'} not listed (${parts}); fix the ones above first`,
    line: 1,
    column: 1,
  };
  return { problems: [...problems.slice(0, max), more], omitted: { errors, warnings } };
}

/**
 * Validate already-parsed data (from a draft or JSON); problems have paths but no positions.
 * Older format versions are migrated first (`migrations.ts`); the scenario returned is current.
 */
export function validateScenarioData(data: unknown, opts: { expectedId?: string; lint?: boolean } = {}): SourceResult {
  const shape = shapeProblems(data);
  if (shape.length) return capProblems(shape);
  const migrated = migrateScenario(data);
  if (migrated.problems.length) return capProblems(migrated.problems);
  const parsed = scenarioSchema.safeParse(migrated.doc);
  if (!parsed.success) return capProblems(parsed.error.issues.map(issueToProblem));
  const scenario = ownRecords(parsed.data);
  const problems = [...checkScenario(scenario, opts), ...(opts.lint === false ? [] : lintScenario(scenario))];
  return { ...capProblems(problems), scenario: problems.some((p) => p.severity === 'error') ? undefined : scenario };
}

/** The scenario with its id-keyed records (nodes, meters, effects, conditions) made null-prototype. */
function ownRecords(s: Scenario): Scenario {
  const nodes: Scenario['nodes'] = nullProto({});
  for (const [id, node] of Object.entries(s.nodes)) {
    nodes[id] =
      node.kind === 'moment'
        ? { ...node, choices: node.choices.map((c) => ({ ...c, effects: nullProto(c.effects) })) }
        : node.kind === 'route'
          ? { ...node, routes: node.routes.map((r) => (r.when ? { ...r, when: nullProto(r.when) } : r)) }
          : node;
  }
  return { ...s, meters: nullProto(s.meters), nodes };
}

function issueToProblem(issue: z.core.$ZodIssue): Problem {
  let path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const keys =
      issue.keys
        .slice(0, 5)
        .map((k) => `"${short(k)}"`)
        .join(', ') + (issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '');
    message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`;
    if (issue.keys.length === 1) path = [...path, issue.keys[0]!];
  } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    message = `missing required field (expected ${issue.expected})`;
  } else if (issue.code === 'invalid_value' && issue.values.length > 1) {
    message = `must be one of ${issue.values.join(', ')}`;
  }
  return { severity: 'error', path, rule: 'schema', message };
}

const firstLine = (s: string) => s.split('\n')[0]!.trim();

/** A user-supplied fragment shortened for a message (ids are at most 64 characters). */
export const short = (s: string, max = 80): string => (s.length > max ? `${s.slice(0, max)}…` : s);

/** Line and column of the value at `path` (or of its key), else of the closest existing ancestor. */
function positionOf(doc: Document, path: readonly PathSegment[], at: (o: number) => { line: number; col: number }, key = false) {
  if (key && path.length) {
    const parent = doc.getIn(path.slice(0, -1), true);
    const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]) : undefined;
    if (pair && isNode(pair.key) && pair.key.range) {
      const { line, col } = at(pair.key.range[0]);
      return { line, column: col };
    }
  }
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const { line, col } = at(node.range[0]);
      return { line, column: col };
    }
  }
  return { line: 1, column: 1 };
}
