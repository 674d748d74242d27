import { FLAGS, FLAG_LABELS, FLAG_MEANINGS, FLAG_PLURALS, type Flag } from '../domain/flags';
import type { Cue } from '../domain/kinds';
import { MARKERS } from '../domain/markers';
import type { Choice, Ending, Meters, Moment, Scenario } from '../domain/schema';
import { STANCES, STANCE_LABELS, type Stance } from '../domain/stances';
import type { Step } from './compile';
import { initialMeters } from '../domain/meters';
import { own } from '../domain/own';

export interface DebriefStep {
  readonly nodeId: string;
  readonly moment: Moment;
  readonly choice: Choice;
  readonly metersBefore: Meters;
  readonly metersAfter: Meters;
}

export interface CueInsight {
  readonly cue: Cue;
  readonly total: number;
  readonly partnering: number;
  /** The drift stance taken most often at this cue, if any drift happened. */
  readonly drift?: { readonly stance: Stance; readonly count: number };
  readonly text: string;
}

export interface MarkerCount {
  readonly id: string;
  readonly meaning: string;
  readonly count: number;
}

export interface FlagCount {
  readonly flag: Flag;
  readonly label: string;
  readonly meaning: string;
  /** Moves in the run that carried the flag. */
  readonly count: number;
  /** "Stacked questions: 2" */
  readonly text: string;
  /** The moments where those moves were made, in run order. */
  readonly nodeIds: readonly string[];
}

export interface Debrief {
  readonly endingId: string;
  readonly ending: Ending;
  readonly steps: readonly DebriefStep[];
  readonly tally: Readonly<Record<Stance, number>>;
  /** 0-1; 0 for a run with no choices. */
  readonly partneringShare: number;
  readonly meterSeries: readonly { readonly id: string; readonly label: string; readonly values: readonly number[] }[];
  readonly pattern: { readonly headline: string; readonly detail: string; readonly dominantDrift?: Stance };
  readonly insights: readonly CueInsight[];
  readonly markers: { readonly honoured: readonly MarkerCount[]; readonly broken: readonly MarkerCount[] };
  /** Secondary flags on the moves made, most frequent first; empty when no move was flagged. */
  readonly flags: readonly FlagCount[];
}

const CUE_PHRASES: Record<Cue, string> = {
  emotion: 'the client showed emotion',
  'advice-request': 'the client asked for an answer',
  identity: 'identity came into the conversation',
  resistance: 'the client pushed back',
  insight: 'the client reached an insight',
};

/** Resolve recorded steps against the scenario (steps whose node or choice vanished are skipped). */
export function resolveSteps(scenario: Scenario, steps: readonly Step[], startMeters = initialMeters(scenario)): DebriefStep[] {
  const out: DebriefStep[] = [];
  let before = startMeters;
  for (const step of steps) {
    const node = own(scenario.nodes, step.nodeId);
    const choice = node?.kind === 'moment' ? node.choices.find((c) => c.id === step.choiceId) : undefined;
    if (node?.kind !== 'moment' || !choice) continue;
    out.push({ nodeId: step.nodeId, moment: node, choice, metersBefore: before, metersAfter: step.meters });
    before = step.meters;
  }
  return out;
}

export function tallyStances(choices: readonly Pick<Choice, 'stance'>[]): Record<Stance, number> {
  const tally = Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>;
  for (const c of choices) tally[c.stance]++;
  return tally;
}

/** Share of partnering moves, 0-1; 0 when there are none. */
export function partneringShare(choices: readonly Pick<Choice, 'stance'>[]): number {
  return choices.length ? tallyStances(choices).partnering / choices.length : 0;
}

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

function cueInsights(steps: readonly DebriefStep[]): CueInsight[] {
  const byCue = new Map<Cue, DebriefStep[]>();
  for (const s of steps) {
    if (!s.moment.cue) continue;
    const list = byCue.get(s.moment.cue) ?? [];
    list.push(s);
    byCue.set(s.moment.cue, list);
  }
  const insights: CueInsight[] = [];
  for (const [cue, list] of byCue) {
    const tally = tallyStances(list.map((s) => s.choice));
    const partnering = tally.partnering;
    const drifts = STANCES.filter((s) => s !== 'partnering' && tally[s] > 0).sort((a, b) => tally[b] - tally[a]);
    const top = drifts[0];
    const when = `When ${CUE_PHRASES[cue]}`;
    const text = top
      ? `${when}, the move went to ${STANCE_LABELS[top].toLowerCase()} ${tally[top]} of ${list.length} ${list.length === 1 ? 'time' : 'times'}.`
      : `${when}, every move stayed partnering (${list.length} of ${list.length}).`;
    insights.push({ cue, total: list.length, partnering, ...(top ? { drift: { stance: top, count: tally[top] } } : {}), text });
  }
  // Most telling first: the largest drift share.
  return insights.sort((a, b) => (b.drift?.count ?? 0) / b.total - (a.drift?.count ?? 0) / a.total);
}

function countMarkers(choices: readonly Choice[]): MarkerCount[] {
  const counts = new Map<string, number>();
  for (const c of choices) for (const m of c.markers) counts.set(m, (counts.get(m) ?? 0) + 1);
  return [...counts]
    .map(([id, count]) => ({ id, count, meaning: MARKERS[id] ?? id }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id, undefined, { numeric: true }));
}

/** How often each secondary flag was carried by the moves of a run (one home for the rule). */
export function countFlags(steps: readonly Pick<DebriefStep, 'nodeId' | 'choice'>[]): FlagCount[] {
  const at = new Map<Flag, string[]>();
  for (const s of steps) for (const f of new Set(s.choice.flags ?? [])) at.set(f, [...(at.get(f) ?? []), s.nodeId]);
  return FLAGS.filter((f) => at.has(f))
    .map((flag) => {
      const nodeIds = at.get(flag)!;
      return {
        flag,
        label: FLAG_LABELS[flag],
        meaning: FLAG_MEANINGS[flag],
        count: nodeIds.length,
        text: `${FLAG_PLURALS[flag]}: ${nodeIds.length}`,
        nodeIds,
      };
    })
    .sort((a, b) => b.count - a.count); // stable: ties keep the vocabulary's order
}

function describePattern(tally: Record<Stance, number>, total: number): Debrief['pattern'] {
  if (total === 0) return { headline: 'No moves yet', detail: 'The conversation ended before any response was chosen.' };
  const drifts = STANCES.filter((s) => s !== 'partnering' && tally[s] > 0).sort((a, b) => tally[b] - tally[a]);
  const top = drifts[0];
  const share = tally.partnering / total;
  if (!top)
    return {
      headline: 'Partnering throughout',
      detail: `All ${total} moves left the agenda, the meaning and the decisions with the client.`,
    };
  const driftLine = `The most frequent drift was ${STANCE_LABELS[top].toLowerCase()} (${times(tally[top])}).`;
  if (share >= 0.75)
    return {
      headline: 'Mostly partnering',
      detail: `${tally.partnering} of ${total} moves were partnering. ${driftLine}`,
      dominantDrift: top,
    };
  return {
    headline: `A pull toward ${STANCE_LABELS[top].toLowerCase()}`,
    detail: `${tally.partnering} of ${total} moves were partnering. ${driftLine}`,
    dominantDrift: top,
  };
}

/** Everything the debrief shows, derived from a finished run. */
export function deriveDebrief(scenario: Scenario, steps: readonly Step[], endingId: string, startMeters?: Meters): Debrief {
  const ending = own(scenario.nodes, endingId);
  if (ending?.kind !== 'ending') throw new Error(`"${endingId}" is not an ending of ${scenario.id}`);
  const start = startMeters ?? initialMeters(scenario);
  const resolved = resolveSteps(scenario, steps, start);
  const choices = resolved.map((s) => s.choice);
  const tally = tallyStances(choices);
  return {
    endingId,
    ending,
    steps: resolved,
    tally,
    partneringShare: partneringShare(choices),
    meterSeries: Object.entries(scenario.meters).map(([id, m]) => ({
      id,
      label: m.label,
      values: [start[id] ?? m.initial, ...resolved.map((s) => s.metersAfter[id] ?? 0)],
    })),
    pattern: describePattern(tally, choices.length),
    insights: cueInsights(resolved),
    markers: {
      honoured: countMarkers(choices.filter((c) => c.stance === 'partnering')),
      broken: countMarkers(choices.filter((c) => c.stance !== 'partnering')),
    },
    flags: countFlags(resolved),
  };
}
