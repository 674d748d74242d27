import { describe, expect, it } from 'vitest';
import { applyHeat, buildMapGraph } from '../../components/branch-map/map-model';
import { heatMapSvg } from '../../components/branch-map';
import { validateScenarioData } from '../../domain/source';
import { aggregateCohort, newReadResult, readJson } from '../../engine/cohort';
import { tinyScenario } from '../../testing/fixtures';
import { heatLevel, heatOf, momentsInPlayOrder } from './heat';

const scenario = validateScenarioData(tinyScenario()).scenario!;
const progress = (attempts: { id: string; path: string[] }[]) => ({
  app: 'catalyst',
  version: 1,
  state: {
    runs: {},
    settings: {},
    attempts: attempts.map((a) => ({ ...a, scenarioId: 'tiny', scenarioVersion: 'v', status: 'completed', rewinds: [] })),
  },
});

function figures() {
  const read = newReadResult();
  readJson(
    read,
    'jo.json',
    progress([
      { id: '1', path: ['ask', 'explore'] },
      { id: '2', path: ['ask', 'agree'] },
      { id: '3', path: ['tell', 'agree'] },
      { id: '4', path: ['soothe', 'agree'] },
    ]),
  );
  return aggregateCohort(read, [{ scenario, version: 'v' }]).scenarios[0]!;
}

describe('the heat map', () => {
  it('labels every response edge with its count and share, and every box with its reach', () => {
    const heat = heatOf(scenario, figures());
    const graph = applyHeat(buildMapGraph(scenario), heat);
    const opening = graph.edges.filter((e) => e.source === 'opening');
    expect(opening.map((e) => e.label)).toEqual(['2 · 50%', '1 · 25%', '1 · 25%']);
    expect(opening.map((e) => e.heat)).toEqual([2, 1, 1]);
    expect(opening[0]!.description).toBe(
      'Choice 1, Partnering: What would you like from today?. Chosen in 2 attempts, 50% of the 4 that reached this moment',
    );
    expect(graph.nodes.find((n) => n.id === 'middle')!.heat).toBe('Reached by 4');
    const routeTotal = graph.edges.filter((e) => e.source === 'check').map((e) => Number(e.label.split(' ')[0]));
    expect(routeTotal.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('draws a response nobody chose as level 0 and a unanimous one as level 4', () => {
    expect([0, 0.01, 0.25, 0.26, 0.99, 1].map(heatLevel)).toEqual([0, 1, 1, 2, 4, 4]);
  });

  it('exports as a standalone SVG with the labels escaped as text', () => {
    const hostile = structuredClone(scenario);
    hostile.title = '<script>alert(1)</script>';
    const svg = heatMapSvg(hostile, heatOf(hostile, figures()), 'Tiny & <b>bold</b>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title>Tiny &amp; &lt;b&gt;bold&lt;/b&gt;</title>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('2 · 50%');
    expect(svg).toContain('Reached by 4');
    expect(svg.match(/<path d="M[^"]*" fill="none"/g)).toHaveLength(8);
  });

  it('walks the moments in play order for the group debrief', () => {
    expect(momentsInPlayOrder(scenario)).toEqual(['opening', 'middle']);
  });
});
