import { applyEffects, conditionHolds, initialMeters } from '../../domain/meters';
import type { Meters, Scenario } from '../../domain/schema';
import { STANCES, type Stance } from '../../domain/stances';
import type { Step } from '../compile';
import { deriveDebrief, partneringShare } from '../debrief';
import { traineeHash, type CohortAttempt, type ReadResult, type SkipNote } from './read';

/**
 * Cohort figures per scenario, from the attempts the reader built. Every attempt is replayed on
 * the scenario as it is now (the same meter and route semantics as the engine, without an actor:
 * 10,000 attempts replay in milliseconds), so a record of an older version is shown on the
 * current map exactly when its stored path still fits, and counted apart, with the reason, when
 * it does not.
 */

export interface CohortScenario {
  readonly scenario: Scenario;
  readonly version: string;
}

/** A partnering response chosen by fewer than this share of those who reached its moment is "rare". */
export const RARE_SHARE = 0.2;

export interface NodeFigure {
  /** Attempts whose conversation arrived at the node. */
  reached: number;
  /** Attempts that arrived at this moment and stopped there (unfinished). */
  stopped: number;
}

export interface DriftPoint {
  readonly nodeId: string;
  readonly reached: number;
  readonly answered: number;
  readonly drift: number;
  /** drift / answered at this moment. */
  readonly share: number;
  readonly dominant: Stance;
  readonly dominantCount: number;
}

export interface RareChoice {
  readonly nodeId: string;
  readonly choiceId: string;
  readonly text: string;
  readonly count: number;
  readonly reached: number;
  readonly share: number;
}

export interface EndingFigure {
  readonly endingId: string;
  readonly outcome: string;
  readonly count: number;
  /** Share of finished attempts. */
  readonly share: number;
}

export interface TraineeRow {
  readonly hash: string;
  readonly name: string;
  readonly attempts: number;
  readonly finished: number;
  /** Of the latest finished attempt (the latest attempt when none finished), 0-1. */
  readonly partneringShare: number;
  readonly endingId?: string;
  readonly outcome?: string;
  /** The debrief's pattern for the latest finished attempt. */
  readonly pattern?: { readonly headline: string; readonly detail: string };
}

export interface ChoiceRow {
  readonly trainee: string;
  readonly attemptId: string;
  readonly step: number;
  readonly nodeId: string;
  readonly choiceId: string;
  readonly stance: string;
  readonly flags: readonly string[];
  readonly meters: Readonly<Record<string, number>>;
}

export interface AttemptRow {
  readonly trainee: string;
  readonly attemptId: string;
  readonly scenarioVersion: string;
  /** The version differs from the current one, and the path was replayed onto the current map. */
  readonly replayed: boolean;
  readonly finished: boolean;
  readonly choices: number;
  readonly partneringShare: number;
  readonly endingId?: string;
  readonly outcome?: string;
  readonly rewinds: number;
}

export interface ApartAttempt {
  readonly trainee: string;
  readonly attemptId: string;
  readonly scenarioVersion: string;
  readonly reason: string;
}

export interface ScenarioFigures {
  readonly scenarioId: string;
  readonly title: string;
  readonly version: string;
  readonly attempts: number;
  readonly finished: number;
  readonly trainees: number;
  /** Attempts of another version whose path still fits, shown on the current map. */
  readonly replayed: number;
  readonly nodes: Record<string, NodeFigure>;
  /** Counts per moment, per choice id. */
  readonly choices: Record<string, Record<string, number>>;
  /** Counts per route node, per route index. */
  readonly routes: Record<string, number[]>;
  readonly drift: DriftPoint[];
  readonly rare: RareChoice[];
  readonly endings: EndingFigure[];
  readonly answered: number;
  readonly rewinds: number;
  /** rewinds / answered (answers taken back with "Try a different response"). */
  readonly rewoundShare: number;
  readonly traineeRows: TraineeRow[];
  readonly attemptRows: AttemptRow[];
  readonly choiceRows: ChoiceRow[];
  /** Attempts that could not be placed on the current map (counted apart, never dropped). */
  readonly apart: ApartAttempt[];
}

export interface CohortReport {
  readonly scenarios: ScenarioFigures[];
  readonly skipped: SkipNote[];
  readonly files: number;
  readonly statements: number;
  readonly duplicates: number;
  readonly attempts: number;
}

interface ReplayedStep {
  readonly nodeId: string;
  readonly choiceId: string;
  readonly stance: Stance;
  readonly meters: Meters;
  readonly recordedStance?: string;
  readonly flags: readonly string[];
  readonly recordedMeters?: Readonly<Record<string, number>>;
}

type Replay =
  { ok: true; steps: ReplayedStep[]; visited: string[]; routesTaken: [string, number][]; at: string } | { ok: false; reason: string };

/** Follow route nodes from `nodeId` with these meters; records which route each took. */
function settle(scenario: Scenario, nodeId: string, meters: Meters, visited: string[], routesTaken: [string, number][]): string {
  for (let hops = 0; hops < 1000; hops++) {
    const node = scenario.nodes[nodeId];
    if (node?.kind !== 'route') return nodeId;
    visited.push(nodeId);
    const i = node.routes.findIndex((r) => conditionHolds(meters, r.when));
    if (i < 0) return nodeId;
    routesTaken.push([nodeId, i]);
    nodeId = node.routes[i]!.next;
  }
  return nodeId;
}

/** Replay a path of choice ids from the start, as the engine would play it. */
export function replayPath(
  scenario: Scenario,
  path: readonly string[],
  recorded?: readonly { nodeId: string; stance?: string; flags: readonly string[]; meters?: Readonly<Record<string, number>> }[],
): Replay {
  const visited: string[] = [];
  const routesTaken: [string, number][] = [];
  const steps: ReplayedStep[] = [];
  let meters = initialMeters(scenario);
  let at = settle(scenario, scenario.start, meters, visited, routesTaken);
  for (let i = 0; i < path.length; i++) {
    const node = Object.hasOwn(scenario.nodes, at) ? scenario.nodes[at] : undefined;
    if (node?.kind !== 'moment')
      return {
        ok: false,
        reason: `step ${i + 1} has no moment to answer (the conversation is at ${node ? `the ${node.kind} "${at}"` : `"${at}", which the map has no longer`})`,
      };
    const rec = recorded?.[i];
    if (rec && rec.nodeId !== at)
      return { ok: false, reason: `step ${i + 1} was answered at "${rec.nodeId}", but the current map reaches "${at}" there` };
    const choice = node.choices.find((c) => c.id === path[i]);
    if (!choice) return { ok: false, reason: `the moment "${at}" has no response "${path[i]}" any more (step ${i + 1})` };
    visited.push(at);
    meters = applyEffects(meters, choice.effects);
    steps.push({
      nodeId: at,
      choiceId: choice.id,
      stance: choice.stance,
      meters,
      ...(rec?.stance !== undefined && { recordedStance: rec.stance }),
      flags: rec?.flags.length ? rec.flags : (choice.flags ?? []),
      ...(rec?.meters && { recordedMeters: rec.meters }),
    });
    at = settle(scenario, choice.next, meters, visited, routesTaken);
  }
  visited.push(at);
  return { ok: true, steps, visited, routesTaken, at };
}

const byScenario = (attempts: Iterable<CohortAttempt>) => {
  const out = new Map<string, CohortAttempt[]>();
  for (const a of attempts) {
    const list = out.get(a.scenarioId);
    if (list) list.push(a);
    else out.set(a.scenarioId, [a]);
  }
  return out;
};

function recordedPath(a: CohortAttempt): { path: readonly string[]; recorded?: ReturnType<typeof answersInOrder> } {
  const answers = answersInOrder(a);
  if (a.path) return { path: a.path, ...(answers.length === a.path.length && { recorded: answers }) };
  return { path: answers.map((x) => x.choiceId), recorded: answers };
}

const answersInOrder = (a: CohortAttempt) => [...a.answers.values()].sort((x, y) => x.step - y.step);

function figuresFor(info: CohortScenario, attempts: readonly CohortAttempt[]): ScenarioFigures {
  const { scenario, version } = info;
  // Null-prototype records: node and choice ids are other people's text ("constructor" is a fine id).
  const nodes: Record<string, NodeFigure> = Object.create(null);
  const choices: Record<string, Record<string, number>> = Object.create(null);
  const routes: Record<string, number[]> = Object.create(null);
  for (const [id, node] of Object.entries(scenario.nodes)) {
    nodes[id] = { reached: 0, stopped: 0 };
    if (node.kind === 'moment') choices[id] = Object.assign(Object.create(null), Object.fromEntries(node.choices.map((c) => [c.id, 0])));
    if (node.kind === 'route') routes[id] = node.routes.map(() => 0);
  }
  const endingCounts = new Map<string, number>();
  const attemptRows: AttemptRow[] = [];
  const choiceRows: ChoiceRow[] = [];
  const apart: ApartAttempt[] = [];
  const perTrainee = new Map<string, { name: string; attempts: { a: CohortAttempt; steps: ReplayedStep[]; endingId?: string }[] }>();
  let answered = 0;
  let rewinds = 0;
  let finished = 0;
  let replayed = 0;

  for (const a of attempts) {
    const trainee = traineeHash(a.actorKey);
    const { path, recorded } = recordedPath(a);
    const r = replayPath(scenario, path, recorded);
    if (!r.ok) {
      apart.push({
        trainee,
        attemptId: a.attemptId,
        scenarioVersion: a.scenarioVersion,
        reason:
          a.scenarioVersion === version
            ? `its records name parts this map does not have: ${r.reason}`
            : `recorded on another version of the scenario; ${r.reason}`,
      });
      continue;
    }
    const ending = scenario.nodes[r.at];
    const endingId = ending?.kind === 'ending' ? r.at : undefined;
    // A finished attempt whose recorded ending differs from where the current map leads does not fit either.
    if (a.finished && a.endingId && endingId !== a.endingId) {
      apart.push({
        trainee,
        attemptId: a.attemptId,
        scenarioVersion: a.scenarioVersion,
        reason: `it ended at "${a.endingId}", but its path now leads to "${r.at}"`,
      });
      continue;
    }
    const isReplayed = a.scenarioVersion !== version;
    if (isReplayed) replayed++;
    for (const id of r.visited) {
      const f = nodes[id];
      if (f) f.reached++;
    }
    const last = nodes[r.at];
    if (!endingId && last) last.stopped++;
    for (const [routeId, i] of r.routesTaken) routes[routeId]![i]!++;
    r.steps.forEach((s, i) => {
      choices[s.nodeId]![s.choiceId]!++;
      choiceRows.push({
        trainee,
        attemptId: a.attemptId,
        step: i,
        nodeId: s.nodeId,
        choiceId: s.choiceId,
        stance: s.recordedStance ?? s.stance,
        flags: s.flags,
        meters: s.recordedMeters ?? s.meters,
      });
    });
    if (endingId) {
      finished++;
      endingCounts.set(endingId, (endingCounts.get(endingId) ?? 0) + 1);
    }
    answered += a.answered;
    rewinds += a.rewinds;
    const share = partneringShare(r.steps);
    attemptRows.push({
      trainee,
      attemptId: a.attemptId,
      scenarioVersion: a.scenarioVersion,
      replayed: isReplayed,
      finished: !!endingId,
      choices: r.steps.length,
      partneringShare: share,
      ...(endingId && { endingId, outcome: (ending as { outcome: string }).outcome }),
      rewinds: a.rewinds,
    });
    const t = perTrainee.get(a.actorKey) ?? { name: a.actorName, attempts: [] };
    t.attempts.push({ a, steps: r.steps, ...(endingId && { endingId }) });
    perTrainee.set(a.actorKey, t);
  }

  const drift: DriftPoint[] = [];
  const rare: RareChoice[] = [];
  for (const [nodeId, counts] of Object.entries(choices)) {
    const node = scenario.nodes[nodeId];
    if (node?.kind !== 'moment') continue;
    const reached = nodes[nodeId]!.reached;
    if (reached === 0) continue;
    const tally = Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>;
    let total = 0;
    for (const c of node.choices) {
      tally[c.stance] += counts[c.id]!;
      total += counts[c.id]!;
    }
    const driftCount = total - tally.partnering;
    if (driftCount > 0) {
      const dominant = STANCES.filter((s) => s !== 'partnering').sort((x, y) => tally[y] - tally[x])[0]!;
      drift.push({
        nodeId,
        reached,
        answered: total,
        drift: driftCount,
        share: driftCount / total,
        dominant,
        dominantCount: tally[dominant],
      });
    }
    for (const c of node.choices) {
      const share = counts[c.id]! / reached;
      if (c.stance === 'partnering' && share < RARE_SHARE)
        rare.push({ nodeId, choiceId: c.id, text: c.text, count: counts[c.id]!, reached, share });
    }
  }
  drift.sort((x, y) => y.share - x.share || y.reached - x.reached || x.nodeId.localeCompare(y.nodeId));
  rare.sort((x, y) => x.share - y.share || y.reached - x.reached || x.nodeId.localeCompare(y.nodeId));

  const endings: EndingFigure[] = Object.entries(scenario.nodes)
    .filter(([, n]) => n.kind === 'ending')
    .map(([id, n]) => ({
      endingId: id,
      outcome: (n as { outcome: string }).outcome,
      count: endingCounts.get(id) ?? 0,
      share: finished ? (endingCounts.get(id) ?? 0) / finished : 0,
    }))
    .sort((x, y) => y.count - x.count || x.endingId.localeCompare(y.endingId));

  const traineeRows: TraineeRow[] = [...perTrainee].map(([key, t]) => {
    const latestFirst = [...t.attempts].sort((x, y) => y.a.lastAt - x.a.lastAt);
    const done = latestFirst.find((x) => x.endingId);
    const pick = done ?? latestFirst[0]!;
    let pattern: TraineeRow['pattern'];
    if (done?.endingId) {
      const steps: Step[] = done.steps.map((s) => ({ nodeId: s.nodeId, choiceId: s.choiceId, meters: s.meters }));
      const p = deriveDebrief(scenario, steps, done.endingId).pattern;
      pattern = { headline: p.headline, detail: p.detail };
    }
    const ending = done?.endingId ? scenario.nodes[done.endingId] : undefined;
    return {
      hash: traineeHash(key),
      name: t.name,
      attempts: t.attempts.length,
      finished: t.attempts.filter((x) => x.endingId).length,
      partneringShare: partneringShare(pick.steps),
      ...(done?.endingId && { endingId: done.endingId, outcome: (ending as { outcome: string }).outcome }),
      ...(pattern && { pattern }),
    };
  });
  traineeRows.sort((x, y) => x.hash.localeCompare(y.hash));

  return {
    scenarioId: scenario.id,
    title: scenario.title,
    version,
    attempts: attemptRows.length,
    finished,
    trainees: perTrainee.size,
    replayed,
    nodes,
    choices,
    routes,
    drift,
    rare,
    endings,
    answered,
    rewinds,
    rewoundShare: answered ? rewinds / answered : 0,
    traineeRows,
    attemptRows,
    choiceRows,
    apart,
  };
}

/** Aggregate what was read, per scenario the app knows; attempts of unknown scenarios are reported. */
export function aggregateCohort(read: ReadResult, scenarios: readonly CohortScenario[]): CohortReport {
  const known = new Map(scenarios.map((s) => [s.scenario.id, s]));
  const skipped = read.skipped.map((n) => ({ ...n }));
  const figures: ScenarioFigures[] = [];
  for (const [scenarioId, attempts] of byScenario(read.attempts.values())) {
    const info = known.get(scenarioId);
    if (!info) {
      for (const a of attempts) {
        const reason = `attempts of the scenario "${scenarioId}", which is not in this app's library or studio drafts`;
        const note = skipped.find((n) => n.source === a.sourceName && n.reason === reason);
        if (note) note.count++;
        else skipped.push({ source: a.sourceName, reason, count: 1, example: `attempt ${a.attemptId}` });
      }
      continue;
    }
    figures.push(figuresFor(info, attempts));
  }
  figures.sort((x, y) => x.title.localeCompare(y.title));
  return {
    scenarios: figures,
    skipped,
    files: read.files,
    statements: read.statements,
    duplicates: read.duplicates,
    attempts: read.attempts.size,
  };
}
