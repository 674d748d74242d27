import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../domain/schema';
import { compileScenario } from '../../engine/compile';
import { tinyScenario } from '../../testing/fixtures';
import { deriveRunView } from './run-view';

const scenario = scenarioSchema.parse(tinyScenario());
const machine = compileScenario(scenario);
const shown = (path: string[], seed?: number) => {
  const view = deriveRunView(scenario, machine, path, false, seed === undefined ? {} : { seed });
  if (view.kind !== 'ok') throw new Error(view.reason);
  return view.choices.map((c) => c.id);
};

describe('the responses the player shows', () => {
  it('keeps the authored order without a seed (facilitator-style reading)', () => {
    expect(shown([])).toEqual(['ask', 'tell', 'soothe']);
  });

  it('shows the seeded order, the same after a rewind and a reload (same path, same seed)', () => {
    const first = shown([], 42);
    expect([...first].sort()).toEqual(['ask', 'soothe', 'tell']);
    expect(shown([], 42)).toEqual(first);
    const orders = new Set(Array.from({ length: 30 }, (_, seed) => shown([], seed).join()));
    expect(orders.size).toBeGreaterThan(3); // 6 orders exist
  });
});
