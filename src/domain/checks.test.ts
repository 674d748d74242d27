import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { tinyScenario } from '../testing/fixtures';
import { formatPath, formatProblem } from './problem';
import { parseScenarioSource, validateScenarioData } from './source';

type Data = ReturnType<typeof tinyScenario> & Record<string, unknown>;
const problemsOf = (mutate: (s: Data) => void, rule?: string) => {
  const data = tinyScenario() as Data;
  mutate(data);
  const { problems } = validateScenarioData(data, { lint: false });
  return rule ? problems.filter((p) => p.rule === rule) : problems;
};
const moment = (s: Data, id: string) => s.nodes[id] as Extract<Data['nodes'][string], { kind: 'moment' }>;

describe('schema', () => {
  it('accepts the fixture with no problems', () => {
    expect(problemsOf(() => {})).toEqual([]);
  });

  it('names the field of a wrong stance', () => {
    const [p] = problemsOf((s) => ((moment(s, 'opening').choices[0] as { stance: string }).stance = 'bossing'));
    expect(formatPath(p!.path)).toBe('nodes.opening.choices[0].stance');
    expect(p!.message).toMatch(/partnering/);
  });

  it('reports unknown fields by name', () => {
    const [p] = problemsOf((s) => ((s.client as Record<string, unknown>).nmae = 'typo'));
    expect(formatPath(p!.path)).toBe('client.nmae');
    expect(p!.message).toBe('unknown field "nmae"');
  });

  it('rejects an unknown node kind', () => {
    const [p] = problemsOf((s) => ((s.nodes as Record<string, unknown>).extra = { kind: 'scene' }));
    expect(formatPath(p!.path)).toBe('nodes.extra.kind');
  });
});

describe('graph checks', () => {
  it('finds unknown next targets', () => {
    const [p] = problemsOf((s) => (moment(s, 'opening').choices[1]!.next = 'pushbak'), 'unknown-target');
    expect(formatPath(p!.path)).toBe('nodes.opening.choices[1].next');
    expect(p!.message).toBe('unknown node "pushbak"');
  });

  it('finds duplicate choice ids', () => {
    expect(problemsOf((s) => (moment(s, 'opening').choices[1]!.id = 'ask'), 'duplicate-id')).toHaveLength(1);
  });

  it('finds nodes unreachable from start', () => {
    const ps = problemsOf((s) => (s.nodes.lost = { kind: 'ending', outcome: 'stalled', client: 'x', summary: 'y' }), 'unreachable');
    expect(ps.map((p) => formatPath(p.path))).toEqual(['nodes.lost']);
  });

  it('finds nodes from which no ending can be reached', () => {
    const ps = problemsOf((s) => {
      moment(s, 'middle').choices[0]!.next = 'loop';
      s.nodes.loop = {
        kind: 'moment',
        client: 'again',
        choices: [{ id: 'back', text: 'b', stance: 'partnering', feedback: 'f', next: 'middle' }],
      };
      moment(s, 'middle').choices[1]!.next = 'loop';
    }, 'dead-end');
    expect(ps.map((p) => formatPath(p.path)).sort()).toEqual(['nodes.loop', 'nodes.middle', 'nodes.opening']);
  });

  it('requires a route fallback', () => {
    const ps = problemsOf((s) => (s.nodes.check as { routes: unknown[] }).routes.pop(), 'route-fallback');
    expect(ps).toHaveLength(1);
  });

  it('requires a partnering choice in every moment', () => {
    expect(problemsOf((s) => (moment(s, 'middle').choices = moment(s, 'middle').choices.slice(1)), 'partnering-choice')).toHaveLength(1);
  });

  it('requires feedback and an alternative on drift choices', () => {
    const ps = problemsOf((s) => {
      delete moment(s, 'opening').choices[1]!.feedback;
      delete moment(s, 'opening').choices[1]!.partneringAlternative;
    });
    expect(ps.map((p) => p.rule).sort()).toEqual(['drift-alternative', 'drift-feedback']);
  });

  it('rejects markers that do not exist and meters that are not defined', () => {
    const ps = problemsOf((s) => {
      moment(s, 'opening').choices[0]!.markers = ['3.1', '9.4'];
      moment(s, 'opening').choices[0]!.effects = { trsut: 4 };
    });
    expect(ps.map((p) => `${formatPath(p.path)} ${p.message}`)).toEqual([
      'nodes.opening.choices[0].markers[1] "9.4" is not a PCC marker (3.1-8.9)',
      'nodes.opening.choices[0].effects.trsut unknown meter "trsut"',
    ]);
  });

  it('requires the id to match the file name when asked', () => {
    const { problems } = validateScenarioData(tinyScenario(), { expectedId: 'other', lint: false });
    expect(problems.map((p) => p.rule)).toEqual(['id-matches-file']);
  });
});

describe('YAML source', () => {
  const yaml = stringify(tinyScenario());

  it('parses a valid file', () => {
    const r = parseScenarioSource(yaml, { lint: false });
    expect(r.problems).toEqual([]);
    expect(r.scenario?.id).toBe('tiny');
  });

  it('reports the line and column of the bad field', () => {
    const broken = yaml.replace('next: middle', 'next: pushbak');
    const lines = broken.split('\n');
    const line = lines.findIndex((l) => l.includes('pushbak')) + 1;
    const col = lines[line - 1]!.indexOf('pushbak') + 1;
    const r = parseScenarioSource(broken, { lint: false });
    expect(r.scenario).toBeUndefined();
    expect(r.problems.map((p) => formatProblem('scenarios/tiny.yaml', p))).toEqual([
      `scenarios/tiny.yaml:${line}:${col}  nodes.opening.choices[0].next  unknown node "pushbak"`,
    ]);
  });

  it('reports YAML syntax errors and duplicate keys with positions', () => {
    const r = parseScenarioSource('id: a\nid: b\n');
    expect(r.problems[0]).toMatchObject({ rule: 'duplicate-id', line: 2 });
    const bad = parseScenarioSource('title: [unclosed\n');
    expect(bad.problems[0]).toMatchObject({ rule: 'yaml-syntax', line: expect.any(Number) });
  });
});
