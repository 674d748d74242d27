import { Document, isMap, isPair, isScalar, isSeq, parse, visit } from 'yaml';
import type { DraftDoc } from '../../domain/edit/ops';
import type { Problem } from '../../domain/problem';
import { scenarioSchema, type Scenario } from '../../domain/schema';
import { MAX_SOURCE_BYTES, parseScenarioSource, readScenarioSource } from '../../domain/source';
import { migrateScenario } from '../../domain/migrations';
import { initialMeters } from '../../domain/meters';
import { machineConfig } from '../../engine/compile';

/** Field order of the scenario format (README "Scenario format"); unknown fields follow. */
const ORDER: Readonly<Record<string, readonly string[]>> = {
  scenario: [
    'schemaVersion',
    'id',
    'title',
    'summary',
    'estimatedMinutes',
    'competencies',
    'temptation',
    'client',
    'meters',
    'start',
    'nodes',
    'facilitator',
  ],
  client: ['name', 'role', 'background'],
  meter: ['label', 'initial'],
  moment: ['kind', 'cue', 'client', 'narration', 'choices'],
  route: ['kind', 'routes'],
  ending: ['kind', 'outcome', 'client', 'summary'],
  choice: ['id', 'text', 'stance', 'markers', 'flags', 'effects', 'feedback', 'reflect', 'partneringAlternative', 'next'],
  routeItem: ['when', 'next'],
  facilitator: ['objectives', 'discussion', 'driftNotes'],
  driftNote: ['node', 'note'],
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function ordered(obj: unknown, order: readonly string[], child: (key: string, value: unknown) => unknown = (_, v) => v): unknown {
  if (!isObj(obj)) return obj;
  const keys = [...order.filter((k) => Object.hasOwn(obj, k)), ...Object.keys(obj).filter((k) => !order.includes(k))];
  const out: Obj = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = child(k, obj[k]);
  return out;
}

const mapValues = (v: unknown, fn: (x: unknown) => unknown): unknown =>
  isObj(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fn(x)])) : v;
const mapItems = (v: unknown, fn: (x: unknown) => unknown): unknown => (Array.isArray(v) ? v.map(fn) : v);

function orderNode(node: unknown): unknown {
  const kind = isObj(node) ? node.kind : undefined;
  if (kind === 'moment')
    return ordered(node, ORDER.moment!, (k, v) => (k === 'choices' ? mapItems(v, (c) => ordered(c, ORDER.choice!)) : v));
  if (kind === 'route')
    return ordered(node, ORDER.route!, (k, v) => (k === 'routes' ? mapItems(v, (r) => ordered(r, ORDER.routeItem!)) : v));
  if (kind === 'ending') return ordered(node, ORDER.ending!);
  return node;
}

/** The draft with every object's keys in the documented order. */
export function orderDoc(doc: DraftDoc): unknown {
  return ordered(doc, ORDER.scenario!, (k, v) => {
    if (k === 'client') return ordered(v, ORDER.client!);
    if (k === 'meters') return mapValues(v, (m) => ordered(m, ORDER.meter!));
    if (k === 'nodes') return mapValues(v, orderNode);
    if (k === 'facilitator')
      return ordered(v, ORDER.facilitator!, (fk, fv) => (fk === 'driftNotes' ? mapItems(fv, (n) => ordered(n, ORDER.driftNote!)) : fv));
    return v;
  });
}

/** Short maps and lists written inline, as authors write them: `effects: { trust: 5 }`. */
const FLOW_KEYS = new Set(['competencies', 'markers', 'flags', 'effects', 'when']);

/** YAML text of a draft, in the documented field order, readable like the bundled files. */
export function exportYaml(draft: DraftDoc): string {
  // A draft saved by an older version exports at the current one (the migration keeps every field).
  const migrated = migrateScenario(draft);
  const doc = (migrated.problems.length ? draft : migrated.doc) as DraftDoc;
  // Never anchors and aliases (the importer refuses them), even where two fields share one object.
  const yamlDoc = new Document(orderDoc(doc), { aliasDuplicateObjects: false });
  visit(yamlDoc, {
    Pair(_, pair, path) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const parent = path[path.length - 2];
      const inMeters = isPair(parent) && isScalar(parent.key) && parent.key.value === 'meters';
      if ((FLOW_KEYS.has(key) || inMeters) && (isMap(pair.value) || isSeq(pair.value))) pair.value.flow = true;
      // A blank line between nodes, as in the bundled files.
      const inNodes = isPair(parent) && isScalar(parent.key) && parent.key.value === 'nodes';
      const first = isMap(path[path.length - 1]) && (path[path.length - 1] as { items: unknown[] }).items[0] === pair;
      if (inNodes && !first && isScalar(pair.key)) pair.key.spaceBefore = true;
    },
    // Paragraphs as literal blocks (|-) and long lines as folded blocks (>-), as authors write them.
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string' || /^\s/.test(node.value)) return;
      if (node.value.includes('\n')) node.type = 'BLOCK_LITERAL';
      else if (node.value.length > 90) node.type = 'BLOCK_FOLDED';
    },
  });
  const text = yamlDoc.toString({ lineWidth: 100, minContentWidth: 40 });
  // Styling must never change the data: if it would, fall back to the library's safe defaults.
  const plain = orderDoc(doc);
  const same = (t: string) => JSON.stringify(parse(t)) === JSON.stringify(plain);
  if (same(text)) return text;
  const safe = new Document(plain, { aliasDuplicateObjects: false }).toString({ lineWidth: 0, blockQuote: false });
  return same(safe) ? safe : `${JSON.stringify(plain, null, 2)}\n`; // JSON is YAML
}

/** `the-glue.yaml`, from the scenario id (falls back to "scenario"). */
export function exportFilename(doc: DraftDoc, ext: 'yaml' | 'json'): string {
  const base =
    typeof doc.id === 'string'
      ? doc.id
          .toLowerCase()
          .replace(/[^a-z0-9-]+/g, '-')
          .replace(/^-+|-+$/g, '')
      : '';
  return `${base || 'scenario'}${ext === 'json' ? '.machine' : ''}.${ext}`;
}

/**
 * The scenario as an XState machine config that Stately's visualiser imports:
 * {id, initial, context: {meters, steps}, states}. Guards and actions are referenced by name.
 */
export function exportMachineJson(doc: DraftDoc): string {
  const scenario = doc as unknown as Scenario;
  const normalised: Scenario = {
    ...scenario,
    nodes: Object.fromEntries(
      Object.entries(scenario.nodes).map(([id, n]) => [
        id,
        n.kind === 'moment' ? { ...n, choices: n.choices.map((c) => ({ ...c, effects: c.effects ?? {} })) } : n,
      ]),
    ),
  };
  const { id, initial, states } = machineConfig(normalised);
  return `${JSON.stringify({ id, initial, context: { meters: initialMeters(normalised), steps: [] }, states }, null, 2)}\n`;
}

export type ImportResult =
  | { readonly ok: true; readonly doc: DraftDoc; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Zod issue codes that make a file the wrong shape (a field of the wrong type, an unknown field,
 * an unknown kind/stance/version). Content issues (empty text, an id with capitals, a number out
 * of range) are fine in a draft: the problems panel lists them after import.
 */
const SHAPE_CODES = new Set(['invalid_type', 'unrecognized_keys', 'invalid_union', 'invalid_value', 'invalid_key', 'invalid_element']);

// Line 1: a refusal about the whole file (empty, too large, not a scenario) still names a place.
const fail = (message: string, rule = 'import'): ImportResult => ({
  ok: false,
  problems: [{ severity: 'error', path: [], rule, message, line: 1, column: 1 }],
});

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Read a scenario file (YAML or JSON). All or nothing: a syntax error or a wrong shape imports
 * nothing and lists every problem with its line and column; a well-formed file with graph or
 * content problems imports as a draft with those problems.
 */
export async function importFile(file: File): Promise<ImportResult> {
  if (file.size > MAX_SOURCE_BYTES)
    return fail(`"${file.name}" is ${mb(file.size)}; the studio imports scenario files up to 5 MB.`, 'file-too-large');
  let text: string;
  try {
    text = await file.text();
  } catch {
    return fail(`"${file.name}" could not be read.`);
  }
  return importText(text);
}

/**
 * The studio's import parsing: a file's text becomes a draft, or a refusal with every reason and
 * its line. Never throws and never hangs (the parsers refuse aliases, cap problems, bound depth),
 * so the import panel always ends on a result.
 */
export function importText(text: string): ImportResult {
  try {
    return importUnsafe(text);
  } catch (e) {
    // Nothing known reaches here; if something does, the user still gets a refusal, not a spinner.
    return fail(
      `The file could not be read: ${e instanceof RangeError ? 'it is nested too deeply or is too large' : String((e as Error)?.message ?? e).slice(0, 200)}.`,
      'unreadable',
    );
  }
}

function importUnsafe(text: string): ImportResult {
  if (!text.trim()) return fail('The file is empty.');
  const read = readScenarioSource(text);
  if (read.problems.length) return { ok: false, problems: read.problems };
  const { problems } = parseScenarioSource(text);
  // An older format version becomes a current draft here, so the studio only ever edits and
  // exports the current version; one it cannot migrate is refused with the reason, at its line.
  const migrated = migrateScenario(read.data);
  if (migrated.problems.length) return { ok: false, problems: problems.filter((p) => p.severity === 'error') };
  const data = migrated.doc;
  if (!isObj(data))
    return fail('This file does not contain a scenario: expected fields such as schemaVersion, id, title and nodes.', 'schema');
  const shape = scenarioSchema.safeParse(data);
  // A string over its length limit is refused too: the editor cannot show a 100,000-character id.
  if (!shape.success && shape.error.issues.some((i) => SHAPE_CODES.has(i.code) || (i.code === 'too_big' && i.origin === 'string'))) {
    const schema = problems.filter((p) => p.rule === 'schema' || p.rule === 'more-problems');
    return { ok: false, problems: schema.length ? schema : problems.filter((p) => p.severity === 'error') };
  }
  if (!isObj(data.nodes) || !isObj(data.meters)) return fail('This file does not contain a scenario: it needs meters and nodes.', 'schema');
  return { ok: true, doc: data as unknown as DraftDoc, problems };
}
