/**
 * The partnering path and the shortest path are found by searches in domain/paths.ts that
 * simulate play without XState (the lint and the build need them, and the domain may not import
 * XState). That makes them a second interpreter of the scenario rules. This test pins it to the
 * first: for every bundled scenario, both paths are replayed on the compiled machine, step by
 * step, and must visit the same moments and reach the same ending.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { findPartneringPath, pathStats, type PathChoice } from '../domain/paths';
import { parseScenarioSource } from '../domain/source';
import type { Scenario } from '../domain/schema';
import { compileScenario } from './compile';
import { currentNodeId, isFinished } from './run';
import { partneringShare, resolveSteps } from './debrief';

const dir = new URL('../../scenarios/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

/** Play `choices` on a real actor; return the moments it waited at and where it ended. */
function onTheMachine(scenario: Scenario, choices: readonly PathChoice[]) {
  const actor = createActor(compileScenario(scenario), { input: {} }).start();
  const visited: string[] = [];
  for (const c of choices) {
    const snapshot = actor.getSnapshot();
    visited.push(currentNodeId(snapshot));
    const event = { type: 'player.choose', choiceId: c.choiceId } as const;
    if (!snapshot.can(event)) throw new Error(`"${c.choiceId}" is not a response at "${currentNodeId(snapshot)}"`);
    actor.send(event);
  }
  const end = actor.getSnapshot();
  actor.stop();
  return { visited, finished: isFinished(end), ending: currentNodeId(end), steps: resolveSteps(scenario, end.context.steps) };
}

describe('the path searches agree with the compiled machine', () => {
  it('finds the bundled scenarios', () => expect(files.length).toBeGreaterThanOrEqual(8));
  for (const file of files) {
    const { scenario } = parseScenarioSource(readFileSync(new URL(file, dir), 'utf8'));
    it(`${file}: the partnering path and the shortest path end where the machine ends`, () => {
      expect(scenario).toBeDefined();
      const s = scenario!;
      for (const [name, path] of [
        ['partnering', findPartneringPath(s)],
        ['shortest', pathStats(s).shortest],
      ] as const) {
        expect(path, `${name} path`).toBeDefined();
        const run = onTheMachine(s, path!.choices);
        expect(run.finished, `${name} path finishes`).toBe(true);
        expect(run.ending, `${name} path ending`).toBe(path!.endingId);
        // Each choice was made at the moment the search said it was.
        expect(run.visited, `${name} path moments`).toEqual(path!.choices.map((c) => c.nodeId));
        if (name === 'partnering') {
          const partnering = run.steps.filter((step) => step.choice.stance === 'partnering').length;
          expect(partnering).toBe(findPartneringPath(s)!.partnering);
          expect(partneringShare(run.steps.map((step) => step.choice))).toBeGreaterThan(0);
        }
      }
    }, 30_000); // path searches over every play state: about a second each on an idle machine
  }
});
