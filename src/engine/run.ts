import { createActor, type Actor } from 'xstate';
import { own } from '../domain/own';
import type { Choice, Ending, Moment, Scenario } from '../domain/schema';
import { compileScenario, type PlayerInput, type PlayerMachine, type PlayerSnapshot } from './compile';
import { partneringShare, resolveSteps } from './debrief';

/** The node the actor is at: always a moment or an ending (routes resolve immediately). */
export const currentNodeId = (snapshot: PlayerSnapshot): string => String(snapshot.value);

export const isFinished = (snapshot: PlayerSnapshot): boolean => snapshot.status === 'done';

/** The choices the actor accepts now, asked of the actor itself. */
export function availableChoices(scenario: Scenario, snapshot: PlayerSnapshot): Choice[] {
  const node = currentMoment(scenario, snapshot);
  if (!node) return [];
  return node.choices.filter((c) => snapshot.can({ type: 'player.choose', choiceId: c.id }));
}

/** The moment the actor waits at (the machine's `moment` tag says so; the scenario has its text). */
export function currentMoment(scenario: Scenario, snapshot: PlayerSnapshot): Moment | undefined {
  if (!snapshot.hasTag('moment')) return undefined;
  const node = own(scenario.nodes, currentNodeId(snapshot));
  return node?.kind === 'moment' ? node : undefined;
}

export function currentEnding(scenario: Scenario, snapshot: PlayerSnapshot): Ending | undefined {
  if (!snapshot.hasTag('ending')) return undefined;
  const node = own(scenario.nodes, currentNodeId(snapshot));
  return node?.kind === 'ending' ? node : undefined;
}

export type ReplayResult =
  | { readonly ok: true; readonly actor: Actor<PlayerMachine>; readonly snapshot: PlayerSnapshot }
  | { readonly ok: false; readonly failedAt: number; readonly reason: string };

/**
 * Start an actor and replay a path of choice ids on it. A path that no longer fits the scenario
 * (a choice the actor does not accept) fails with the index of the first step that did not fit.
 */
export function replay(machine: PlayerMachine, path: readonly string[], input?: PlayerInput): ReplayResult {
  const actor = createActor(machine, { input });
  actor.start();
  for (let i = 0; i < path.length; i++) {
    const snapshot = actor.getSnapshot();
    const event = { type: 'player.choose', choiceId: path[i]! } as const;
    if (snapshot.status !== 'active' || !snapshot.can(event)) {
      actor.stop();
      return {
        ok: false,
        failedAt: i,
        reason:
          snapshot.status !== 'active'
            ? `the conversation ended before step ${i + 1}`
            : `step ${i + 1} ("${path[i]}") is no longer a response at "${currentNodeId(snapshot)}"`,
      };
    }
    actor.send(event);
  }
  return { ok: true, actor, snapshot: actor.getSnapshot() };
}

/** What closing a run records: its share, its number of choices, and its ending if it reached one. */
export interface RunFigures {
  readonly choices: number;
  readonly partneringShare: number;
  /** Only when the whole path fits and reaches an ending. */
  readonly ending?: { readonly id: string; readonly outcome: Ending['outcome'] };
}

/**
 * The figures of a run being closed, from its path replayed on the scenario (the longest prefix
 * that still fits, when the scenario changed since). The one rule for finished and abandoned runs.
 */
export function runFigures(scenario: Scenario, path: readonly string[], machine: PlayerMachine = compileScenario(scenario)): RunFigures {
  let result = replay(machine, path);
  const fits = result.ok;
  if (!result.ok) result = replay(machine, path.slice(0, result.failedAt));
  if (!result.ok) return { choices: path.length, partneringShare: 0 };
  result.actor.stop();
  const { snapshot } = result;
  const share = partneringShare(resolveSteps(scenario, snapshot.context.steps).map((s) => s.choice));
  const ending = fits && isFinished(snapshot) ? currentEnding(scenario, snapshot) : undefined;
  return {
    choices: path.length,
    partneringShare: share,
    ...(ending ? { ending: { id: currentNodeId(snapshot), outcome: ending.outcome } } : {}),
  };
}
