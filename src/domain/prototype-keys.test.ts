import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { tinyScenario } from '../testing/fixtures';
import { renameMeter, renameNode } from './edit/ops';
import { formatPath } from './problem';
import { parseScenarioSource, validateScenarioData } from './source';

/**
 * Object.prototype's names used as ids. The README's choice: they are ordinary ids wherever the id
 * format allows them (kebab-case for nodes and choices, camelCase for meters); `__proto__` fits
 * neither format and is refused by name, because JavaScript objects drop that key silently.
 */
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CAMEL = /^[a-z][a-zA-Z0-9]*$/;

type Doc = ReturnType<typeof tinyScenario>;
const yamlOf = (doc: Doc) => stringify(doc, { aliasDuplicateObjects: false });
const check = (doc: Doc) => parseScenarioSource(yamlOf(doc), { lint: false });
const setNext = (doc: Doc, next: string): Doc => {
  const opening = doc.nodes.opening as Extract<Doc['nodes'][string], { kind: 'moment' }>;
  return {
    ...doc,
    nodes: { ...doc.nodes, opening: { ...opening, choices: opening.choices.map((c, i) => (i === 1 ? { ...c, next } : c)) } },
  };
};

describe('Object.prototype names as ids', () => {
  it('lists the names it covers', () =>
    expect(PROTO_NAMES).toEqual(expect.arrayContaining(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])));

  it.each(PROTO_NAMES)('next: %s to no such node is a problem with a line, not a crash', (name) => {
    const { problems, scenario } = check(setNext(tinyScenario(), name));
    expect(scenario).toBeUndefined();
    const p = problems.find((q) => formatPath(q.path) === 'nodes.opening.choices[1].next');
    expect(p, JSON.stringify(problems)).toBeDefined();
    expect(p!.message).toMatch(KEBAB.test(name) ? `unknown node "${name}"` : /kebab-case/);
    expect(p!.line).toBeGreaterThan(1);
  });

  it.each(PROTO_NAMES.filter((n) => KEBAB.test(n)))('a node called %s is an ordinary node', (name) => {
    const doc = renameNode(tinyScenario(), 'middle', name) as Doc;
    const { problems, scenario } = check(doc);
    expect(problems).toEqual([]);
    expect(Object.keys(scenario!.nodes)).toContain(name);
  });

  it.each(PROTO_NAMES.filter((n) => KEBAB.test(n)))('a choice called %s is an ordinary choice, and a duplicate of it is found', (name) => {
    const doc = tinyScenario();
    const opening = doc.nodes.opening as Extract<Doc['nodes'][string], { kind: 'moment' }>;
    opening.choices[0]!.id = name;
    expect(check(doc).problems).toEqual([]);
    opening.choices[1]!.id = name;
    expect(check(doc).problems.map((p) => p.message)).toEqual([`duplicate choice id "${name}" in node "opening"`]);
  });

  it.each(PROTO_NAMES.filter((n) => CAMEL.test(n)))('a meter called %s is an ordinary meter', (name) => {
    const doc = renameMeter(tinyScenario(), 'trust', name) as Doc;
    const { problems, scenario } = check(doc);
    expect(problems).toEqual([]);
    expect(Object.keys(scenario!.meters)).toEqual([name, 'ownership']);
  });

  it.each(PROTO_NAMES.filter((n) => CAMEL.test(n)))('effects and conditions on an undefined meter %s are problems', (name) => {
    const doc = tinyScenario();
    const opening = doc.nodes.opening as Extract<Doc['nodes'][string], { kind: 'moment' }>;
    opening.choices[0]!.effects = { [name]: 5 };
    const route = doc.nodes.check as Extract<Doc['nodes'][string], { kind: 'route' }>;
    route.routes[0]!.when = { [name]: { gte: 1 } };
    const messages = check(doc).problems.map((p) => `${formatPath(p.path)}: ${p.message}`);
    expect(messages).toEqual([
      `nodes.opening.choices[0].effects.${name}: unknown meter "${name}"`,
      `nodes.check.routes[0].when.${name}: unknown meter "${name}"`,
    ]);
  });

  it('start: constructor and a drift note on constructor are unknown nodes', () => {
    const doc = {
      ...tinyScenario(),
      start: 'constructor',
      facilitator: { objectives: ['Notice.'], discussion: ['What?', 'How?'], driftNotes: [{ node: 'constructor', note: 'A note.' }] },
    };
    const messages = check(doc)
      .problems.filter((p) => p.rule === 'unknown-target')
      .map((p) => formatPath(p.path));
    expect(messages).toEqual(['start', 'facilitator.driftNotes[0].node']);
  });

  it('a node called __proto__ is refused with its line, never silently dropped', () => {
    const text = yamlOf(tinyScenario()).replace(/^ {2}stalled:/m, '  __proto__:');
    const { problems, scenario } = parseScenarioSource(text);
    expect(scenario).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'prototype-key', path: ['nodes', '__proto__'] });
    expect(problems[0]!.line).toBe(text.split('\n').findIndex((l) => l.startsWith('  __proto__:')) + 1);
  });

  it('a __proto__ key in JSON data (a studio draft) is refused too', () => {
    const data = JSON.parse(JSON.stringify(tinyScenario()).replace('"trust":{"label"', '"__proto__":{"label"'));
    expect(validateScenarioData(data).problems.map((p) => p.rule)).toEqual(['prototype-key']);
  });

  it('a meter called __proto__ in an effect is refused', () => {
    const text = yamlOf(tinyScenario()).replace('trust: 10', '__proto__: 10');
    expect(parseScenarioSource(text).problems.map((p) => `${formatPath(p.path)} ${p.rule}`)).toEqual([
      'nodes.opening.choices[0].effects.__proto__ prototype-key',
    ]);
  });

  it('the validated scenario keeps its id-keyed records without a prototype', () => {
    const { scenario } = check(tinyScenario());
    expect(Object.getPrototypeOf(scenario!.nodes)).toBeNull();
    expect(Object.getPrototypeOf(scenario!.meters)).toBeNull();
    expect((scenario!.nodes as Record<string, unknown>).constructor).toBeUndefined();
  });
});
