import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { tinyScenario } from '../testing/fixtures';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, migrateScenario } from './migrations';
import { formatPath } from './problem';
import { SCHEMA_VERSION } from './schema';
import { parseScenarioSource, validateScenarioData } from './source';

type Doc = Record<string, unknown> & { nodes: Record<string, { choices?: Record<string, unknown>[] }> };
/** The fixture as a version-1 author wrote it: no flags, schemaVersion 1. */
const v1 = (): Doc => ({ ...(tinyScenario() as unknown as Doc), schemaVersion: 1 });

describe('the migration chain', () => {
  it('is numbered 1, 2, ... and ends at the version the schema reads', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(CURRENT_SCHEMA_VERSION).toBe(MIGRATIONS.length + 1);
    expect(SCHEMA_VERSION).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('passes a current document through unchanged', () => {
    const doc = tinyScenario();
    const result = migrateScenario(doc);
    expect(result).toEqual({ doc, from: CURRENT_SCHEMA_VERSION, problems: [] });
  });

  it('refuses a version newer than it knows, saying which versions it reads', () => {
    const { problems, doc } = migrateScenario({ ...v1(), schemaVersion: 3 });
    expect(problems).toHaveLength(1);
    expect(formatPath(problems[0]!.path)).toBe('schemaVersion');
    expect(problems[0]!.message).toMatch(/schemaVersion 3 is newer.*1 to 2.*update Catalyst/);
    expect((doc as Doc).schemaVersion).toBe(3); // nothing is changed or dropped
  });

  it.each([0, 1.5, '2', -1])('refuses schemaVersion %j as not a version', (version) => {
    const { problems } = migrateScenario({ ...v1(), schemaVersion: version });
    expect(problems[0]!.message).toBe('schemaVersion must be a whole number from 1 to 2');
  });

  it('leaves a missing version and non-objects to the schema', () => {
    const { schemaVersion: _, ...noVersion } = v1();
    expect(migrateScenario(noVersion).problems).toEqual([]);
    expect(validateScenarioData(noVersion).problems[0]).toMatchObject({
      path: ['schemaVersion'],
      message: expect.stringMatching(/missing/),
    });
    expect(migrateScenario(['a list']).problems).toEqual([]);
  });
});

describe('step 1 → 2: choice flags', () => {
  const step = MIGRATIONS[0]!;

  it('turns a valid version-1 document into version 2 with every field kept, in order', () => {
    const doc = v1();
    const out = step.up(doc);
    expect(out).toEqual({ ...doc, schemaVersion: 2 });
    expect(Object.keys(out)).toEqual(Object.keys(doc));
    expect(doc.schemaVersion).toBe(1); // pure
  });

  it('validates version 1 as version 1: flags are an unknown field there, named at their path', () => {
    const doc = v1();
    doc.nodes.opening!.choices![1]!.flags = ['judging'];
    const problems = step.validate(doc);
    expect(problems.map((p) => formatPath(p.path))).toEqual(['nodes.opening.choices[1].flags']);
    expect(problems[0]!.message).toMatch(/unknown field "flags".*schemaVersion: 2/);
    expect(migrateScenario(doc)).toMatchObject({ doc, from: 1, problems });
  });

  it('migrates an unfinished version-1 draft too: content is checked after, by the current schema', () => {
    const doc = v1();
    doc.title = '';
    doc.nodes.opening!.choices![0]!.next = '';
    const { doc: migrated, problems } = migrateScenario(doc);
    expect(problems).toEqual([]);
    expect(migrated).toEqual({ ...doc, schemaVersion: 2 });
  });

  it('loads an old version-1 YAML file through the chain, as version 2', () => {
    const text = stringify(v1());
    const { scenario, problems } = parseScenarioSource(text);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(scenario?.schemaVersion).toBe(2);
  });

  it('places a version-1 file’s flags problem at its line', () => {
    const doc = v1();
    doc.nodes.opening!.choices![1]!.flags = ['judging'];
    const text = stringify(doc);
    const { scenario, problems } = parseScenarioSource(text);
    expect(scenario).toBeUndefined();
    const line = text.split('\n').findIndex((l) => /- judging/.test(l)) + 1; // the value's line
    expect(problems[0]).toMatchObject({ rule: 'schema', line });
  });

  it('reads the e2e import fixtures, which are still version 1', () => {
    const { problems } = parseScenarioSource(readFileSync('e2e/fixtures/script-injection.yaml', 'utf8'));
    expect(problems.filter((p) => p.rule.startsWith('schema'))).toEqual([]);
  });
});
