import { minChoicesLowerBound } from './graph';
import { findPartneringPath, findShortPath } from './paths';
import type { PathSegment, Problem } from './problem';
import type { Choice, Scenario } from './schema';
import { MARKERS_BROKEN_BY, STANCE_LABELS } from './stances';
import { tellProblems } from './tells';
import { FLAG_LABELS, NOT_PARTNERING_FLAGS } from './flags';

/** The fewest coach choices a conversation should take before it ends. */
export const MIN_PATH_CHOICES = 5;

/** Feedback that judges the trainee instead of describing the move (Kluger & DeNisi 1996). */
const PERSON_TALK = [
  /\byou(?:'re| are)\s+(?:(?:so|too|very|really|clearly|just|being|a)\s+)*(?:bad|poor|weak|wrong|terrible|awful|hopeless|useless|incompetent|lazy|careless|insensitive|rude|naive|clueless|not (?:good|cut out|ready))\b/i,
  /\byou (?:failed|messed up|blew it|got it wrong|should be ashamed)\b/i,
  /\byou (?:always|never)\b/i,
  /\b(?:bad|poor|terrible|lousy) coach\b/i,
  /\bwhat (?:were|was) you thinking\b/i,
];

const PLACEHOLDER = /\b(?:TODO|TBD|FIXME|XXX|lorem ipsum)\b|^\s*(?:\.{3}|…|-|\?)\s*$/i;

/** Openers of closed questions; permission questions ("May I share...") are partnering and allowed. */
const CLOSED_OPENER =
  /^(?:do|does|did|is|are|was|were|can|could|would|will|have|has|had|should|shall|must|might|isn't|aren't|don't|doesn't|won't|wouldn't|shouldn't|haven't)\b/i;
const PERMISSION =
  /^(?:may i|can i (?:share|offer|ask|tell|say)|shall i|would it (?:help|be useful|be ok|be okay) (?:if i|to)|would you like me to|is it ok(?:ay)? if i|could i (?:share|offer|ask))\b/i;
const LEADING =
  /\b(?:don't you think|wouldn't you (?:say|agree)|isn't it (?:true|obvious)|shouldn't you|have you (?:tried|considered|thought about)|right\?$|correct\?$|surely)\b/i;

/** Lint one partnering alternative: returns why it is not an open, single, non-leading question. */
export function questionProblem(text: string): string | undefined {
  const t = text.trim();
  const questions = (t.match(/\?/g) ?? []).length;
  if (questions > 1) return 'is a stacked question (more than one question at once); ask one open question';
  if (questions === 0) return undefined; // a reflection or an observation, not a question
  if (LEADING.test(t)) return 'is a leading question (it carries the answer); ask an open question that leaves the answer with the client';
  const lastSentence = t.split(/(?<=[.!])\s+/).pop() ?? t;
  if (!PERMISSION.test(lastSentence) && CLOSED_OPENER.test(lastSentence))
    return 'is a closed question (it invites yes or no); open it with what, how, where or which';
  return undefined;
}

/**
 * Flags lint. A partnering response cannot ask in a way the markers forbid (7.6: one clear, open
 * question; no answer carried inside): flagged leading, stacked or why, it is an error. Two or more
 * question marks read as a stacked question; unflagged, the feedback would not name it (warning).
 */
function flagProblems(choice: Choice, at: PathSegment[], problems: Problem[]): void {
  const flags = choice.flags ?? [];
  const seen = new Set<string>();
  flags.forEach((flag, j) => {
    if (seen.has(flag))
      problems.push({ severity: 'warning', path: [...at, 'flags', j], rule: 'duplicate-flag', message: `flag ${flag} is listed twice` });
    seen.add(flag);
    if (choice.stance === 'partnering' && NOT_PARTNERING_FLAGS.includes(flag))
      problems.push({
        severity: 'error',
        path: [...at, 'flags', j],
        rule: 'flag-stance',
        message: `a partnering response cannot be a ${FLAG_LABELS[flag].toLowerCase()}; rewrite it as one open question, or tag the stance it really takes`,
      });
  });
  const marks = (choice.text.match(/\?/g) ?? []).length;
  if (marks >= 2 && !flags.includes('stacked-question'))
    problems.push({
      severity: 'warning',
      path: [...at, 'text'],
      rule: 'stacked-unflagged',
      message: `the response asks ${marks} questions at once; add the stacked-question flag so the feedback names it${choice.stance === 'partnering' ? ', or make it one question (a partnering response asks one at a time)' : ''}`,
    });
}

/**
 * Content lint an editor of coaching material would want. Warnings: the scenario still plays,
 * but the writing should change. `npm run scenarios:check --strict` treats them as errors.
 */
export function lintScenario(scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  const warn = (path: PathSegment[], rule: string, message: string) => problems.push({ severity: 'warning', path, rule, message });
  const placeholder = (path: PathSegment[], value: string | undefined, field: string) => {
    if (value && PLACEHOLDER.test(value))
      warn(path, 'placeholder', `${field} is a placeholder ("${value.trim().slice(0, 40)}"); write the real text`);
  };

  placeholder(['summary'], scenario.summary, 'the summary');
  placeholder(['client', 'background'], scenario.client.background, 'the background');

  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const base: PathSegment[] = ['nodes', nodeId];
    if (node.kind === 'ending') {
      placeholder([...base, 'client'], node.client, 'the client line');
      placeholder([...base, 'summary'], node.summary, 'the ending summary');
      continue;
    }
    if (node.kind !== 'moment') continue;
    placeholder([...base, 'client'], node.client, 'the client line');
    placeholder([...base, 'narration'], node.narration, 'the narration');
    const stances = new Set(node.choices.map((c) => c.stance));
    if (node.choices.length > 1 && stances.size === 1)
      warn(
        [...base, 'choices'],
        'single-stance',
        `every response here is ${STANCE_LABELS[[...stances][0]!].toLowerCase()}; give the trainee a real choice between stances`,
      );

    node.choices.forEach((choice, i) => {
      const at: PathSegment[] = [...base, 'choices', i];
      placeholder([...at, 'text'], choice.text, 'the response text');
      placeholder([...at, 'feedback'], choice.feedback, 'the feedback');
      placeholder([...at, 'reflect'], choice.reflect, 'the reflective question');
      placeholder([...at, 'partneringAlternative'], choice.partneringAlternative, 'the partnering alternative');
      for (const [field, value] of [
        ['feedback', choice.feedback],
        ['reflect', choice.reflect],
      ] as const) {
        const hit = value && PERSON_TALK.map((re) => value.match(re)).find(Boolean);
        if (hit)
          warn(
            [...at, field],
            'about-the-person',
            `${field} talks about the trainee ("${hit[0]}"), not the move; describe what the move does`,
          );
      }
      if (choice.partneringAlternative && !PLACEHOLDER.test(choice.partneringAlternative)) {
        const why = questionProblem(choice.partneringAlternative);
        if (why) warn([...at, 'partneringAlternative'], 'alternative-question', `the partnering alternative ${why}`);
      }
      flagProblems(choice, at, problems);
      if (choice.stance !== 'partnering') {
        const allowed = MARKERS_BROKEN_BY[choice.stance];
        choice.markers.forEach((m, j) => {
          if (!allowed.includes(m))
            warn(
              [...at, 'markers', j],
              'marker-stance',
              `a ${choice.stance} move does not break marker ${m} in the reference, so tagging it reads as honouring it; ${choice.stance} moves break ${allowed.join(', ')}`,
            );
        });
      }
    });
  }

  problems.push(...tellProblems(scenario));

  // Every path is at least as long as the meter-free lower bound; only when that bound is short
  // is the (meter-simulating, depth-limited) search worth running.
  if (Object.hasOwn(scenario.nodes, scenario.start) && minChoicesLowerBound(scenario) < MIN_PATH_CHOICES) {
    const short = findShortPath(scenario, MIN_PATH_CHOICES);
    if (short) {
      const n = short.choices.length;
      warn(
        ['nodes', short.endingId],
        'short-path',
        `a path reaches this ending after only ${n} choice${n === 1 ? '' : 's'} (${short.choices.map((c) => c.choiceId).join(' → ') || 'none'}); every path should take at least ${MIN_PATH_CHOICES}`,
      );
      // Only a scenario with short paths can have a short partnering path.
      const partnering = findPartneringPath(scenario, { budget: 20_000 });
      if (partnering && partnering.choices.length < MIN_PATH_CHOICES)
        warn(
          ['start'],
          'partnering-path-short',
          `the partnering path takes only ${partnering.choices.length} choice${partnering.choices.length === 1 ? '' : 's'} to reach "${partnering.endingId}"; a demonstration needs at least ${MIN_PATH_CHOICES}`,
        );
    }
  }
  return problems;
}
