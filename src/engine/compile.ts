import { assign, setup, type SnapshotFrom } from 'xstate';
import type { Comparison, Meters, Scenario } from '../domain/schema';
import { applyEffects, conditionHolds, initialMeters } from '../domain/meters';

/** One coach choice taken in a run, with the meters after it. */
export interface Step {
  readonly nodeId: string;
  readonly choiceId: string;
  readonly meters: Meters;
}

export interface PlayerContext {
  readonly meters: Meters;
  readonly steps: readonly Step[];
}

export type PlayerEvent = { type: 'player.choose'; choiceId: string };

export interface PlayerInput {
  /** Meter values to start from (default: each meter's `initial`). */
  readonly meters?: Meters;
}

export interface CompileOptions {
  /** Start at this node instead of the scenario's `start` ("play from here"). */
  readonly startAt?: string;
}

type When = Readonly<Record<string, Comparison>>;

/** Every state is tagged with its node's kind, so the UI asks `snapshot.hasTag('ending')`. */
export type NodeTag = 'moment' | 'route' | 'ending';

/**
 * The machine's logic: named, parameterised guards and actions, so that the config itself is plain
 * JSON (exportable to Stately's tools) and the rules live here once.
 */
export const playerLogic = setup({
  types: {
    context: {} as PlayerContext,
    events: {} as PlayerEvent,
    input: {} as PlayerInput | undefined,
    tags: {} as NodeTag,
  },
  guards: {
    isChoice: ({ event }, params: { choiceId: string }) => event.choiceId === params.choiceId,
    metersMatch: ({ context }, params: { when: When }) => conditionHolds(context.meters, params.when),
  },
  actions: {
    applyChoice: assign(({ context }, params: { nodeId: string; choiceId: string; effects: Record<string, number> }) => {
      const meters = applyEffects(context.meters, params.effects);
      return { meters, steps: [...context.steps, { nodeId: params.nodeId, choiceId: params.choiceId, meters }] };
    }),
  },
});

type MachineConfig = Parameters<typeof playerLogic.createMachine>[0];
type StateConfig = NonNullable<MachineConfig['states']>[string];

/**
 * Plain-JSON machine config for a scenario: one state per node. Typed against `playerLogic`, so a
 * misspelt guard or action name, or wrong params, is a compile error rather than a runtime one.
 */
export function machineConfig(scenario: Scenario, opts: CompileOptions = {}) {
  const states: Record<string, StateConfig> = {};
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    if (node.kind === 'moment') {
      states[nodeId] = {
        tags: ['moment'],
        on: {
          'player.choose': node.choices.map((c) => ({
            guard: { type: 'isChoice', params: { choiceId: c.id } },
            target: c.next,
            actions: { type: 'applyChoice', params: { nodeId, choiceId: c.id, effects: c.effects } },
          })),
        },
      };
    } else if (node.kind === 'route') {
      states[nodeId] = {
        tags: ['route'],
        always: node.routes.map((r) =>
          r.when ? { guard: { type: 'metersMatch', params: { when: r.when } }, target: r.next } : { target: r.next },
        ),
      };
    } else {
      states[nodeId] = { type: 'final', tags: ['ending'] };
    }
  }
  return { id: scenario.id, initial: opts.startAt ?? scenario.start, states };
}

/** Compile a validated scenario into an XState machine. */
export function compileScenario(scenario: Scenario, opts: CompileOptions = {}) {
  const initial = initialMeters(scenario);
  return playerLogic.createMachine({
    ...machineConfig(scenario, opts),
    context: ({ input }) => ({ meters: { ...initial, ...input?.meters }, steps: [] }),
  });
}

export type PlayerMachine = ReturnType<typeof compileScenario>;
export type PlayerSnapshot = SnapshotFrom<PlayerMachine>;
