import XAPI, { type Activity, type Context, type Statement } from '@xapi/xapi';
import type { Choice, Moment } from '../../domain/schema';
import { compileScenario, currentNodeId, partneringShare, replay, resolveSteps, type PlayerMachine } from '../../engine';
import type { LoadedScenario } from '../../persistence/scenarios';
import type { Attempt, Run } from '../../persistence/progress-schema';
import type { LaunchActor } from '../launch';
import { ACTIVITY_TYPES, CMI5, EXT, NODE_SEGMENT, scenarioIri, VERB_REWOUND } from '../../domain/xapi-iris';

/** The mastery score when the LMS sets none (issue 8). */
export const DEFAULT_MASTERY = 0.6;

/** Who, where and how an attempt's statements are addressed; fixed for a launched session. */
export interface StatementFrame {
  readonly actor: LaunchActor;
  /** The activity of the scenario: the cmi5 AU id, or the xAPI launch's activity_id. */
  readonly activityId: string;
  readonly registration?: string;
  /** cmi5 rules apply: AU object without a definition, cmi5 categories, the contextTemplate. */
  readonly cmi5: boolean;
  /** cmi5 LMS.LaunchData.contextTemplate: the base of every statement's context. */
  readonly contextTemplate?: Context;
  /** Scaled 0-1: passed when the partnering share reaches it. */
  readonly masteryScore: number;
  /** Whether the LMS set the mastery score (cmi5 then wants it in passed/failed context). */
  readonly masteryFromLms: boolean;
  /** False in cmi5 Browse / Review: no completed, passed or failed. */
  readonly judged: boolean;
  readonly newId: () => string;
  readonly now: () => Date;
}

/** What the engine says about one step of a run, found by replaying the run's path. */
export interface ResolvedChoice {
  readonly nodeId: string;
  readonly moment: Moment;
  readonly choice: Choice;
  readonly meters: Readonly<Record<string, number>>;
  readonly nextNodeId: string;
}

const machines = new WeakMap<LoadedScenario['scenario'], PlayerMachine>();
const machineOf = (loaded: LoadedScenario) => {
  let m = machines.get(loaded.scenario);
  if (!m) machines.set(loaded.scenario, (m = compileScenario(loaded.scenario)));
  return m;
};

/**
 * The last step of `path`, asked of the engine: replay the path on the compiled scenario and read
 * the step it recorded. Undefined when the path no longer fits the scenario.
 */
export function resolveLastChoice(loaded: LoadedScenario, path: readonly string[]): ResolvedChoice | undefined {
  const result = replay(machineOf(loaded), path);
  if (!result.ok) return undefined;
  result.actor.stop();
  const step = result.snapshot.context.steps.at(-1);
  const resolved = step && resolveSteps(loaded.scenario, [step], result.snapshot.context.meters).at(0);
  if (!step || !resolved) return undefined;
  return {
    nodeId: step.nodeId,
    moment: resolved.moment,
    choice: resolved.choice,
    meters: step.meters,
    nextNodeId: currentNodeId(result.snapshot),
  };
}

/** The moment a choice is (or was) offered at, before the choice: for a rewind's object. */
export function resolveNodeAt(loaded: LoadedScenario, path: readonly string[]): string | undefined {
  const result = replay(machineOf(loaded), path);
  if (!result.ok) return undefined;
  result.actor.stop();
  return currentNodeId(result.snapshot);
}

/** Partnering share of a path, asked of the engine. */
export function shareOf(loaded: LoadedScenario, path: readonly string[]): number {
  const result = replay(machineOf(loaded), path);
  if (!result.ok) return 0;
  result.actor.stop();
  return partneringShare(resolveSteps(loaded.scenario, result.snapshot.context.steps).map((s) => s.choice));
}

const en = (text: string) => ({ 'en-US': text });

function context(
  frame: StatementFrame,
  run: Pick<Run, 'id' | 'scenarioId' | 'scenarioVersion'>,
  opts: { cmi5Defined?: boolean; moveOn?: boolean; parent?: boolean } = {},
): Context {
  const base = frame.contextTemplate ?? {};
  const categories = [...(base.contextActivities?.category ?? [])];
  if (frame.cmi5 && opts.cmi5Defined) categories.push({ id: CMI5.category });
  if (frame.cmi5 && opts.moveOn) categories.push({ id: CMI5.moveOn });
  const parents = [...(base.contextActivities?.parent ?? [])];
  if (opts.parent) parents.push({ id: frame.activityId });
  // The scenario's own activity in the grouping: a cmi5 LMS has put it there already (the
  // publisher id); for an xAPI link Catalyst adds it, so a fetch by scenario finds every attempt.
  const grouping = [...(base.contextActivities?.grouping ?? [])];
  const scenario = scenarioIri(run.scenarioId);
  if (!grouping.some((a) => a.id === scenario)) grouping.push({ id: scenario });
  const contextActivities = {
    ...base.contextActivities,
    grouping,
    ...(parents.length && { parent: parents }),
    ...(categories.length && { category: categories }),
  };
  return {
    ...base,
    ...(frame.registration && { registration: frame.registration }),
    contextActivities,
    extensions: {
      ...base.extensions,
      [EXT.attemptId]: run.id,
      [EXT.scenarioId]: run.scenarioId,
      [EXT.scenarioVersion]: run.scenarioVersion,
      ...(frame.cmi5 && opts.moveOn && frame.masteryFromLms && { [CMI5.masteryScore]: frame.masteryScore }),
    },
  };
}

/** The attempt's own activity: cmi5 wants the AU id bare; elsewhere it is a simulation. */
function attemptObject(frame: StatementFrame, title: string): Activity {
  return frame.cmi5
    ? { objectType: 'Activity', id: frame.activityId }
    : { objectType: 'Activity', id: frame.activityId, definition: { type: ACTIVITY_TYPES.simulation, name: en(title) } };
}

const base = (frame: StatementFrame) => ({
  id: frame.newId(),
  actor: frame.actor as Statement['actor'],
  timestamp: frame.now().toISOString(),
});

export const nodeActivityId = (frame: StatementFrame, nodeId: string) => `${frame.activityId}${NODE_SEGMENT}${encodeURIComponent(nodeId)}`;

function interaction(frame: StatementFrame, title: string, nodeId: string, moment: Moment): Activity {
  const partnering = moment.choices.filter((c) => c.stance === 'partnering').map((c) => c.id);
  return {
    objectType: 'Activity',
    id: nodeActivityId(frame, nodeId),
    definition: {
      type: ACTIVITY_TYPES.interaction,
      name: en(`${title}: ${nodeId}`),
      description: en(moment.client),
      interactionType: 'choice',
      // Each partnering response on its own is a right answer.
      correctResponsesPattern: partnering,
      choices: moment.choices.map((c) => ({ id: c.id, description: en(c.text) })),
    },
  } as Activity;
}

export function initialized(frame: StatementFrame, run: Run, title: string): Statement {
  return {
    ...base(frame),
    verb: XAPI.Verbs.INITIALIZED,
    object: attemptObject(frame, title),
    context: context(frame, run, { cmi5Defined: true }),
  };
}

export function answered(frame: StatementFrame, run: Run, title: string, step: ResolvedChoice): Statement {
  const index = run.path.length - 1;
  const flags = step.choice.flags;
  return {
    ...base(frame),
    verb: XAPI.Verbs.ANSWERED,
    object: interaction(frame, title, step.nodeId, step.moment),
    result: {
      response: step.choice.id,
      ...(frame.judged && { success: step.choice.stance === 'partnering' }),
      extensions: {
        [EXT.stance]: step.choice.stance,
        [EXT.markers]: [...step.choice.markers],
        ...(flags && { [EXT.flags]: [...flags] }),
        [EXT.meters]: { ...step.meters },
        [EXT.nextNode]: step.nextNodeId,
        [EXT.rewound]: run.rewinds.some((r) => r.step === index),
        [EXT.step]: index,
      },
    },
    context: context(frame, run, { parent: true }),
  };
}

export function rewound(
  frame: StatementFrame,
  run: Run,
  title: string,
  nodeId: string,
  moment: Moment,
  choiceId: string,
  step: number,
): Statement {
  return {
    ...base(frame),
    verb: VERB_REWOUND,
    object: interaction(frame, title, nodeId, moment),
    result: { response: choiceId, extensions: { [EXT.step]: step } },
    context: context(frame, run, { parent: true }),
  };
}

const duration = (frame: StatementFrame, startedAt: string) => XAPI.calculateISO8601Duration(new Date(startedAt), frame.now());

/** completed, then passed or failed: none of them when the launch does not judge (Browse / Review). */
export function attemptFinished(
  frame: StatementFrame,
  attempt: Attempt,
  share: number,
  include: { completed: boolean; judgement: boolean },
): Statement[] {
  if (!frame.judged) return [];
  const run = { id: attempt.id, scenarioId: attempt.scenarioId, scenarioVersion: attempt.scenarioVersion };
  const extensions = {
    ...(attempt.endingId !== undefined && { [EXT.endingId]: attempt.endingId }),
    ...(attempt.outcome !== undefined && { [EXT.outcome]: attempt.outcome }),
    [EXT.path]: [...attempt.path],
    [EXT.partneringShare]: share,
  };
  const title = attempt.scenarioTitle;
  const out: Statement[] = [];
  if (include.completed) {
    out.push({
      ...base(frame),
      verb: XAPI.Verbs.COMPLETED,
      object: attemptObject(frame, title),
      result: { completion: true, duration: duration(frame, attempt.startedAt), extensions },
      context: context(frame, run, { cmi5Defined: true, moveOn: true }),
    });
  }
  if (include.judgement) {
    const success = share >= frame.masteryScore;
    out.push({
      ...base(frame),
      verb: success ? XAPI.Verbs.PASSED : XAPI.Verbs.FAILED,
      object: attemptObject(frame, title),
      result: { success, score: { scaled: Math.round(share * 10_000) / 10_000 }, duration: duration(frame, attempt.startedAt), extensions },
      context: context(frame, run, { cmi5Defined: true, moveOn: true }),
    });
  }
  return out;
}

export function terminated(
  frame: StatementFrame,
  run: Pick<Run, 'id' | 'scenarioId' | 'scenarioVersion' | 'startedAt'>,
  title: string,
): Statement {
  return {
    ...base(frame),
    verb: XAPI.Verbs.TERMINATED,
    object: attemptObject(frame, title),
    result: { duration: duration(frame, run.startedAt) },
    context: context(frame, run, { cmi5Defined: true }),
  };
}
