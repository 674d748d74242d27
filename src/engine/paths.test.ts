/**
 * Model-based test: every bundled scenario, compiled to its real machine, is explored on the
 * machine's own snapshots (node + meters, because routes branch on meters).
 *
 * - Every reachable (node, meters) state is visited, so dead ends (a non-final state with no
 *   responses) and the shortest run are checked exhaustively for every scenario.
 * - Up to 50,000 complete paths: every path is replayed on a real actor (run.ts `replay`).
 * - More than that: one path through every reachable transition (each response at each moment,
 *   each route outcome) plus a seeded random sample of 5,000 paths are replayed.
 *
 * The exploration uses xstate's pure `transition` directly and is checked against xstate/graph's
 * getSimplePaths on the fixture (last block). xstate/graph is not used on the real scenarios:
 * getSimplePaths re-walks the graph once per reachable state (O(states x paths)) and did not
 * finish in 5 minutes on a 20-node scenario (20k states); getAdjacencyMap took 34 s on one with
 * 142k states (its queue.shift() is O(n) on large queues) where this walk takes 6 s.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { getSimplePaths } from 'xstate/graph';
import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../lib/random';
import { scenarioSchema, type Scenario } from '../domain/schema';
import { parseScenarioSource } from '../domain/source';
import { tinyScenario } from '../testing/fixtures';
import { compileScenario, type PlayerEvent, type PlayerMachine, type PlayerSnapshot } from './compile';
import { availableChoices, currentNodeId, isFinished, replay } from './run';

const MIN_CHOICES = 5;
const FULL_LIMIT = 50_000;
const SAMPLE = 5_000;
const SEED = 42;

interface State {
  readonly key: string;
  readonly snapshot: PlayerSnapshot;
  /** Outgoing transitions: the choice taken, the transition's name and the state it leads to. */
  readonly out: { choiceId: string; transition: string; to: string }[];
}

interface Model {
  readonly start: string;
  readonly states: Map<string, State>;
}

const keyOf = (s: PlayerSnapshot) => `${currentNodeId(s)}|${s.status}|${JSON.stringify(s.context.meters)}`;

/** The events the machine is offered at a snapshot: one `player.choose` per response of its moment. */
const eventsAt =
  (scenario: Scenario) =>
  (s: PlayerSnapshot): PlayerEvent[] => {
    const node = scenario.nodes[currentNodeId(s)];
    return node?.kind === 'moment' ? node.choices.map((c) => ({ type: 'player.choose', choiceId: c.id })) : [];
  };

/**
 * The reachable state graph of a scenario's machine: breadth first over the machine's own pure
 * transitions (xstate `transition`), states keyed by node + meters.
 */
export function buildModel(scenario: Scenario, machine: PlayerMachine = compileScenario(scenario)): Model {
  const events = eventsAt(scenario);
  const [first] = initialTransition(machine, {});
  const start = keyOf(first);
  const snapshots = new Map<string, PlayerSnapshot>([[start, first]]);
  const states = new Map<string, State>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const key = queue[i]!;
    const snapshot = snapshots.get(key)!;
    const from = currentNodeId(snapshot);
    const out = events(snapshot).map((event) => {
      const [next] = transition(machine, snapshot, event);
      const to = keyOf(next);
      if (!snapshots.has(to)) {
        snapshots.set(to, next);
        queue.push(to);
      }
      // A choice leading into a route: name the route outcome too (route -> where it landed).
      const target =
        scenario.nodes[from]?.kind === 'moment' ? scenario.nodes[from].choices.find((c) => c.id === event.choiceId)?.next : undefined;
      const via = target && scenario.nodes[target]?.kind === 'route' ? ` / ${target}->${currentNodeId(next)}` : '';
      return { choiceId: event.choiceId, transition: `${from}:${event.choiceId}${via}`, to };
    });
    states.set(key, { key, snapshot, out });
  }
  return { start, states };
}

/** Count complete paths from each state (the state graph is acyclic: meters are part of the key). */
function pathCounts(model: Model) {
  const count = new Map<string, number>();
  const shortest = new Map<string, number>();
  const visit = (key: string, stack: Set<string>): void => {
    if (count.has(key)) return;
    if (stack.has(key)) throw new Error(`the conversation can loop forever through "${key}"`);
    stack.add(key);
    const state = model.states.get(key)!;
    let n = state.out.length ? 0 : 1;
    let min = state.out.length ? Infinity : 0;
    for (const t of state.out) {
      visit(t.to, stack);
      n += count.get(t.to)!;
      min = Math.min(min, 1 + shortest.get(t.to)!);
    }
    stack.delete(key);
    count.set(key, n);
    shortest.set(key, min);
  };
  visit(model.start, new Set());
  return { total: count.get(model.start)!, shortest };
}

/** All complete paths (lists of choice ids), depth first. */
function* allPaths(model: Model, key = model.start, prefix: string[] = []): Generator<string[]> {
  const state = model.states.get(key)!;
  if (!state.out.length) yield [...prefix];
  for (const t of state.out) {
    prefix.push(t.choiceId);
    yield* allPaths(model, t.to, prefix);
    prefix.pop();
  }
}

/** One complete path through every reachable transition: shortest way in, shortest way out. */
function coveringPaths(model: Model, shortest: Map<string, number>) {
  const parent = new Map<string, { from: string; choiceId: string } | null>([[model.start, null]]);
  const queue = [model.start];
  for (let i = 0; i < queue.length; i++)
    for (const t of model.states.get(queue[i]!)!.out)
      if (!parent.has(t.to)) {
        parent.set(t.to, { from: queue[i]!, choiceId: t.choiceId });
        queue.push(t.to);
      }
  const into = (key: string) => {
    const path: string[] = [];
    for (let p = parent.get(key); p; p = parent.get(p.from)) path.unshift(p.choiceId);
    return path;
  };
  const outOf = (key: string) => {
    const path: string[] = [];
    for (let s = model.states.get(key)!; s.out.length;) {
      const t = s.out.reduce((a, b) => (shortest.get(b.to)! < shortest.get(a.to)! ? b : a));
      path.push(t.choiceId);
      s = model.states.get(t.to)!;
    }
    return path;
  };
  const covered = new Map<string, string[]>();
  for (const key of queue)
    for (const t of model.states.get(key)!.out)
      if (!covered.has(t.transition)) covered.set(t.transition, [...into(key), t.choiceId, ...outOf(t.to)]);
  return covered;
}

function randomPath(model: Model, random: () => number) {
  const path: string[] = [];
  for (let s = model.states.get(model.start)!; s.out.length;) {
    const t = s.out[Math.floor(random() * s.out.length)]!;
    path.push(t.choiceId);
    s = model.states.get(t.to)!;
  }
  return path;
}

/** Replay a path on a real actor; describe what is wrong with it, or return undefined. */
function problemWith(scenario: Scenario, machine: PlayerMachine, path: readonly string[], minChoices: number): string | undefined {
  const r = replay(machine, path);
  if (!r.ok) return `path [${path.join(', ')}] does not replay: ${r.reason}`;
  const at = currentNodeId(r.snapshot);
  r.actor.stop();
  if (!isFinished(r.snapshot))
    return availableChoices(scenario, r.snapshot).length
      ? `path [${path.join(', ')}] stops early at "${at}"`
      : `dead end at "${at}" (not an ending, no responses) after [${path.join(', ')}]`;
  if (path.length < minChoices)
    return `path [${path.join(', ')}] reaches "${at}" after only ${path.length} choice(s) (minimum ${minChoices})`;
  return undefined;
}

/** Check a scenario; returns the summary line and every problem found. */
export function checkAllPaths(scenario: Scenario, minChoices = MIN_CHOICES) {
  const machine = compileScenario(scenario);
  const model = buildModel(scenario, machine);
  const problems: string[] = [];
  // Exhaustive over every reachable (node, meters) state, whatever the number of paths.
  for (const state of model.states.values())
    if (!state.out.length && !isFinished(state.snapshot))
      problems.push(`dead end at "${currentNodeId(state.snapshot)}" with meters ${JSON.stringify(state.snapshot.context.meters)}`);
  const { total, shortest } = pathCounts(model);
  const fewest = shortest.get(model.start)!;
  if (fewest < minChoices) problems.push(`the shortest run has ${fewest} choice(s) (minimum ${minChoices})`);

  const check = (path: string[]) => {
    const p = problemWith(scenario, machine, path, minChoices);
    if (p && problems.length < 20) problems.push(p);
  };
  let summary: string;
  if (total <= FULL_LIMIT) {
    for (const path of allPaths(model)) check(path);
    summary = `${scenario.id}: ${total.toLocaleString('en')} paths, all replayed`;
  } else {
    const covering = coveringPaths(model, shortest);
    for (const path of covering.values()) check(path);
    const random = mulberry32(SEED);
    for (let i = 0; i < SAMPLE; i++) check(randomPath(model, random));
    summary = `${scenario.id}: >${FULL_LIMIT.toLocaleString('en')} paths (${total.toLocaleString('en')}): every transition (${covering.size}) + ${SAMPLE.toLocaleString('en')} sampled (seed ${SEED})`;
  }
  return { summary, problems, total, states: model.states.size };
}

const dir = new URL('../../scenarios/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

describe('every path through every bundled scenario', () => {
  it('finds the bundled scenarios to walk', () => expect(files.length).toBeGreaterThanOrEqual(8));
  for (const file of files) {
    it(file, { timeout: 120_000 }, () => {
      const { scenario, problems: sourceProblems } = parseScenarioSource(readFileSync(new URL(file, dir), 'utf8'));
      expect(scenario, sourceProblems.map((p) => p.message).join('\n')).toBeDefined();
      const { summary, problems } = checkAllPaths(scenario!);
      console.log(summary);
      expect(problems).toEqual([]);
    });
  }
});

describe('the path checker itself (on the fixture)', () => {
  const tiny = scenarioSchema.parse(tinyScenario());

  it('enumerates and replays every path', () => {
    const r = checkAllPaths(tiny, 2);
    expect(r.total).toBe(6);
    expect(r.summary).toBe('tiny: 6 paths, all replayed');
    expect(r.problems).toEqual([]);
  });

  it('reports paths shorter than the minimum', () => {
    expect(checkAllPaths(tiny, 5).problems[0]).toMatch(/shortest run has 2 choice/);
  });

  it('reports a dead end that only some meter values reach', () => {
    const broken = structuredClone(tiny);
    const check = broken.nodes.check;
    if (check?.kind !== 'route') throw new Error('fixture changed');
    check.routes = check.routes.filter((r) => r.when); // no fallback route
    const { problems } = checkAllPaths(broken, 2);
    expect(problems.some((p) => p.startsWith('dead end at "check"'))).toBe(true);
  });
});

describe('the exploration agrees with xstate/graph', () => {
  it('finds the same complete paths as getSimplePaths on the fixture', () => {
    const tiny = scenarioSchema.parse(tinyScenario());
    const machine = compileScenario(tiny);
    const fromGraph = getSimplePaths(machine, {
      events: eventsAt(tiny),
      serializeState: keyOf,
      toState: (s: PlayerSnapshot) => s.status === 'done',
    }).map((p) => p.steps.flatMap((step) => (step.event.type === 'player.choose' ? [step.event.choiceId] : [])).join(' '));
    const ours = [...allPaths(buildModel(tiny, machine))].map((p) => p.join(' '));
    expect(ours.sort()).toEqual(fromGraph.sort());
    expect(ours).toHaveLength(6);
  });
});
