import type { Choice, Ending, Meters, Moment, Scenario } from '../../domain/schema';
import type { PlayerInput, PlayerMachine, Step } from '../../engine/compile';
import { initialMeters } from '../../engine/meters';
import { displayOrder } from '../../engine/order';
import { availableChoices, currentEnding, currentMoment, currentNodeId, isFinished, replay } from '../../engine/run';
import type { MeterChange } from '../../components/run-feedback-body';
import type { MeterReading } from '../../components/run-meters';

/** One exchange already in the transcript: what the client said and what the coach chose. */
export interface Turn {
  readonly nodeId: string;
  readonly moment: Moment;
  readonly choice: Choice;
}

export type RunView =
  | { readonly kind: 'broken'; readonly reason: string; readonly failedAt: number }
  | {
      readonly kind: 'ok';
      readonly turns: readonly Turn[];
      /** The moment waiting for a response; absent while feedback is shown or at an ending. */
      readonly current?: Moment;
      readonly currentNodeId: string;
      readonly choices: readonly Choice[];
      /** The last choice's feedback, when it waits for Continue. */
      readonly feedback?: { readonly choice: Choice; readonly changes: readonly MeterChange[] };
      readonly ending?: { readonly id: string; readonly node: Ending };
      readonly meters: readonly MeterReading[];
      readonly steps: readonly Step[];
    };

function readings(scenario: Scenario, now: Meters, before: Meters | undefined): MeterReading[] {
  return Object.entries(scenario.meters).map(([id, m]) => ({
    id,
    label: m.label,
    value: now[id] ?? 0,
    ...(before ? { delta: (now[id] ?? 0) - (before[id] ?? 0) } : {}),
  }));
}

/** Responses in the attempt's shuffled order when it has a seed, else in authored order. */
const ordered = (moment: Moment, available: Choice[], nodeId: string, seed: number | undefined): readonly Choice[] =>
  seed === undefined ? available : displayOrder(moment.choices, available, seed, nodeId);

/**
 * Replay a run's path on the compiled machine and describe the screen: the transcript, the
 * moment waiting for a response (asking the actor which choices it accepts, shown in the order the
 * attempt's seed gives), pending feedback, and the meters. The engine keeps the rules; this only reads its snapshot.
 */
export function deriveRunView(
  scenario: Scenario,
  machine: PlayerMachine,
  path: readonly string[],
  awaitingContinue: boolean,
  options: { readonly input?: PlayerInput; readonly seed?: number } = {},
): RunView {
  const { input, seed } = options;
  const result = replay(machine, path, input);
  if (!result.ok) return { kind: 'broken', reason: result.reason, failedAt: result.failedAt };
  const { snapshot, actor } = result;
  actor.stop();
  const steps = snapshot.context.steps;
  const turns: Turn[] = [];
  for (const s of steps) {
    const node = scenario.nodes[s.nodeId];
    const choice = node?.kind === 'moment' ? node.choices.find((c) => c.id === s.choiceId) : undefined;
    if (node?.kind === 'moment' && choice) turns.push({ nodeId: s.nodeId, moment: node, choice });
  }
  const before =
    steps.length > 1 ? steps[steps.length - 2]!.meters : steps.length === 1 ? { ...initialMeters(scenario), ...input?.meters } : undefined;
  const changes: MeterChange[] = before
    ? Object.entries(scenario.meters).map(([id, m]) => ({
        id,
        label: m.label,
        delta: (snapshot.context.meters[id] ?? 0) - (before[id] ?? 0),
      }))
    : [];
  const last = turns.at(-1);
  const waiting = awaitingContinue && last !== undefined;
  const endingNode = isFinished(snapshot) ? currentEnding(scenario, snapshot) : undefined;
  const moment = waiting ? undefined : currentMoment(scenario, snapshot);
  return {
    kind: 'ok',
    turns,
    ...(moment ? { current: moment } : {}),
    currentNodeId: currentNodeId(snapshot),
    choices: moment ? ordered(moment, availableChoices(scenario, snapshot), currentNodeId(snapshot), seed) : [],
    ...(waiting ? { feedback: { choice: last.choice, changes } } : {}),
    ...(endingNode ? { ending: { id: currentNodeId(snapshot), node: endingNode } } : {}),
    meters: readings(scenario, snapshot.context.meters, before),
    steps,
  };
}
