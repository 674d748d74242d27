import { describe, expect, it } from 'vitest';
import { renameMeter, renameNode } from '../domain/edit/ops';
import { validateScenarioData } from '../domain/source';
import { tinyScenario } from '../testing/fixtures';
import { findPartneringPath, pathStats } from '../domain/paths';
import { availableChoices, compileScenario, currentNodeId, deriveDebrief, replay } from '.';

// README "Scenario format": Object.prototype's names are ordinary ids where the id format allows.
const doc = renameMeter(renameNode(renameNode(tinyScenario(), 'middle', 'constructor'), 'breakthrough', 'to-string'), 'trust', 'toString');
const { scenario, problems } = validateScenarioData(doc);

describe('a scenario whose ids are Object.prototype names plays like any other', () => {
  it('is valid', () => expect(problems.filter((p) => p.severity === 'error')).toEqual([]));

  it('plays through the node "constructor" with the meter "toString" applied and routed on', () => {
    const machine = compileScenario(scenario!);
    const r = replay(machine, ['ask']);
    if (!r.ok) throw new Error(r.reason);
    expect(currentNodeId(r.snapshot)).toBe('constructor');
    expect(availableChoices(scenario!, r.snapshot).map((c) => c.id)).toEqual(['explore', 'agree']);
    expect(r.snapshot.context.meters).toEqual({ toString: 60, ownership: 55 });
    const end = replay(machine, ['ask', 'explore']);
    if (!end.ok) throw new Error(end.reason);
    expect(currentNodeId(end.snapshot)).toBe('to-string');
    expect(deriveDebrief(scenario!, end.snapshot.context.steps, 'to-string').steps.map((s) => s.nodeId)).toEqual([
      'opening',
      'constructor',
    ]);
  });

  it('path search goes through "constructor"', () => {
    expect(findPartneringPath(scenario!)?.choices.map((c) => c.nodeId)).toEqual(['opening', 'constructor']);
    const plain = validateScenarioData(tinyScenario()).scenario!;
    const renamed = [...pathStats(plain).endings].map((e) => (e === 'breakthrough' ? 'to-string' : e));
    expect([...pathStats(scenario!).endings].sort()).toEqual(renamed.sort());
  });

  it('a run recorded at a node the scenario does not have ("toString") is skipped, not resolved to a function', () => {
    const steps = [{ nodeId: 'toString', choiceId: 'ask', meters: { toString: 1, ownership: 1 } }];
    expect(deriveDebrief(scenario!, steps, 'stalled').steps).toEqual([]);
    expect(() => deriveDebrief(scenario!, [], 'constructor')).toThrow(/not an ending/);
    expect(() => deriveDebrief(scenario!, [], 'hasOwnProperty')).toThrow(/not an ending/);
  });
});
