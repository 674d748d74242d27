import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { addNode, blankScenario, type DraftDoc } from '../../domain/edit/ops';
import { parseScenarioSource } from '../../domain/source';
import { tinyScenario } from '../../testing/fixtures';
import { exportFilename, exportMachineJson, exportYaml, importFile, importText } from './io';

const bundled = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
const fixture = (name: string) => readFileSync(`e2e/fixtures/${name}`, 'utf8');
const file = (text: string, name = 'scenario.yaml') => new File([text], name, { type: 'application/yaml' });

describe('export YAML round trip', () => {
  it('covers the bundled scenarios', () => expect(bundled.length).toBeGreaterThan(0));

  it.each(bundled)('%s: export then import gives an equal scenario', async (name) => {
    const text = readFileSync(`scenarios/${name}`, 'utf8');
    const authored = parse(text) as DraftDoc;
    const exported = exportYaml(authored);
    const back = await importFile(file(exported, name));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.doc).toEqual(authored);
    // The validated scenario (with defaults) round-trips too, and stays valid.
    const { scenario } = parseScenarioSource(text);
    expect(scenario).toBeDefined();
    const again = parseScenarioSource(exportYaml(scenario!));
    expect(again.scenario).toEqual(scenario);
  });

  it('writes fields in the documented order, short maps inline, text as text', () => {
    const yaml = exportYaml({ ...tinyScenario(), nodes: { ...tinyScenario().nodes }, title: 'Tiny: "quoted" # not a comment' });
    const keys = yaml
      .split('\n')
      .filter((l) => /^[a-zA-Z]/.test(l))
      .map((l) => l.split(':')[0]);
    expect(keys).toEqual([
      'schemaVersion',
      'id',
      'title',
      'summary',
      'estimatedMinutes',
      'competencies',
      'client',
      'meters',
      'start',
      'nodes',
    ]);
    expect(yaml).toContain('effects: { trust: 10, ownership: 15 }');
    expect(yaml).toContain('markers: [ "3.1" ]');
    expect((parse(yaml) as DraftDoc).title).toBe('Tiny: "quoted" # not a comment');
  });

  it('round-trips an unfinished draft (empty text and links) with its problems', () => {
    const draft = addNode(blankScenario(), 'moment', { linkFrom: { nodeId: 'opening' } }).doc;
    const back = importText(exportYaml(draft));
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.doc).toEqual(draft);
      expect(back.problems.some((p) => p.severity === 'error')).toBe(true);
    }
  });

  it.each([
    '  leading spaces on a long line that goes past the fold width of the exporter, quite a long way past it',
    'trailing spaces on a long line that goes past the fold width of the exporter, quite a long way past it   ',
    'ends with a newline\n',
    '\n\nstarts with blank lines\nand\ttabs',
    'key: value # not a comment, with "quotes" and \'apostrophes\' and a very long tail that needs folding here',
    '- looks like a list item',
    'yes',
    '0123',
    'Ünïcödé — “quotes” and emoji 🙂 past the fold width, past the fold width, past the fold width, yes',
  ])('round-trips awkward text: %j', (text) => {
    const doc = { ...tinyScenario(), summary: text, client: { ...tinyScenario().client, background: `${text}\n\n${text}` } };
    const back = importText(exportYaml(doc));
    expect(back.ok && back.doc).toEqual(doc);
  });

  it('names the file after the scenario id', () => {
    expect(exportFilename(tinyScenario(), 'yaml')).toBe('tiny.yaml');
    expect(exportFilename({ ...tinyScenario(), id: '../Évil id' }, 'json')).toBe('vil-id.machine.json');
  });
});

describe('export XState JSON', () => {
  it('is plain JSON with id, initial, context and states that XState accepts', () => {
    const json = exportMachineJson(tinyScenario());
    const config = JSON.parse(json) as {
      id: string;
      initial: string;
      context: { meters: Record<string, number> };
      states: Record<string, unknown>;
    };
    expect(Object.keys(config)).toEqual(['id', 'initial', 'context', 'states']);
    expect(config).toMatchObject({ id: 'tiny', initial: 'opening', context: { meters: { trust: 50, ownership: 40 }, steps: [] } });
    expect(Object.keys(config.states)).toEqual(['opening', 'middle', 'check', 'breakthrough', 'stalled', 'rupture']);
    expect(() => createMachine(config as never)).not.toThrow();
  });
});

describe('import', () => {
  it('refuses a syntax error with line and column, importing nothing', async () => {
    const result = await importFile(file(fixture('malformed.yaml'), 'malformed.yaml'));
    expect(result.ok).toBe(false);
    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems) {
      expect(p.line).toBeGreaterThan(0);
      expect(p.column).toBeGreaterThan(0);
    }
    expect('doc' in result).toBe(false);
  });

  it('refuses a file of the wrong shape, listing each problem with its position', () => {
    const result = importText(fixture('wrong-shape.yaml'));
    expect(result.ok).toBe(false);
    const byPath = Object.fromEntries(result.problems.map((p) => [p.path.join('.'), p]));
    expect(byPath.estimatedMinutes).toMatchObject({ line: 5, column: 19 });
    expect(byPath['nodes.opening.kind']?.line).toBe(13);
    expect(byPath['nodes.done.mood']?.message).toMatch(/unknown field/);
  });

  it('refuses duplicate keys, empty files and non-scenario data', () => {
    expect(importText('id: a\nid: b\n').ok).toBe(false);
    expect(importText('   \n').problems[0]!.message).toMatch(/empty/);
    expect(importText('- just\n- a list\n').problems[0]!.message).toMatch(/does not contain a scenario/);
    expect(importText('{"version": 1, "state": {}}').ok).toBe(false);
  });

  it('refuses files over 5 MB with a message', async () => {
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'huge.yaml');
    const result = await importFile(big);
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.message).toMatch(/huge\.yaml.*5\.0 MB.*up to 5 MB/);
  });

  it('imports a well-formed file with graph errors as a draft, with its problems', () => {
    const broken = { ...tinyScenario(), start: 'nowhere' };
    const result = importText(JSON.stringify(broken));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.doc).toEqual(broken);
      expect(result.problems.map((p) => p.rule)).toContain('unknown-target');
    }
  });

  it('exports a draft stored at version 1 as version 2, every field kept', () => {
    const old = { ...tinyScenario(), schemaVersion: 1 } as unknown as Parameters<typeof exportYaml>[0];
    const text = exportYaml(old);
    expect(text.startsWith('schemaVersion: 2\n')).toBe(true);
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(tinyScenario())));
  });

  it('imports an old version-1 file as a current draft, and refuses a version it does not know', () => {
    const result = importText(JSON.stringify({ ...tinyScenario(), schemaVersion: 1 }));
    expect(result.ok && result.doc).toEqual(tinyScenario());
    const newer = importText('schemaVersion: 9\nid: later\n');
    expect(newer.ok).toBe(false);
    expect(newer.problems[0]).toMatchObject({ line: 1, message: expect.stringMatching(/schemaVersion 9 is newer/) });
  });

  it('imports script-like text unchanged: it is data, rendered as text', () => {
    const result = importText(fixture('script-injection.yaml'));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.doc.title).toBe('<img src=x onerror=alert(1)> Injection test');
      expect(result.doc.client.role).toBe('javascript:alert(4)');
    }
  });
});
