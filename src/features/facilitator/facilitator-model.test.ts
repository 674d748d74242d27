import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../domain/schema';
import { tinyScenario } from '../../testing/fixtures';
import { nodeRefs, playOrder, quoted } from './facilitator-model';

const tiny = scenarioSchema.parse(tinyScenario());

describe('facilitator model', () => {
  it('orders nodes breadth-first from the start and numbers them within their kind', () => {
    expect(playOrder(tiny)).toEqual(['opening', 'middle', 'check', 'breakthrough', 'rupture', 'stalled']);
    expect(nodeRefs(tiny).map((r) => r.label)).toEqual(['Moment 1', 'Moment 2', 'Route 1', 'Ending 1', 'Ending 2', 'Ending 3']);
  });

  it('keeps unreachable nodes, after the reachable ones', () => {
    const withOrphan = scenarioSchema.parse({
      ...tinyScenario(),
      nodes: { ...tinyScenario().nodes, lost: { kind: 'ending', outcome: 'stalled', client: 'Hm.', summary: 'Never reached.' } },
    });
    expect(playOrder(withOrphan).at(-1)).toBe('lost');
  });

  it('quotes a line unless it already opens with a quote mark', () => {
    expect(quoted('Hello')).toBe('“Hello”');
    expect(quoted('"We tried." Yes.')).toBe('"We tried." Yes.');
  });
});
