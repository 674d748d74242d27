import { describe, expect, it } from 'vitest';
import { tinyScenario } from '../testing/fixtures';
import { lintScenario } from './lint';
import { formatPath } from './problem';
import { scenarioSchema, type Scenario } from './schema';
import type { Stance } from './stances';
import {
  addTellStats,
  chanceOfPartnering,
  isQuestion,
  measureTells,
  mentionsSilence,
  opensWithStockPhrase,
  ownsMisstep,
  singledOut,
  tellProblems,
  tellStatsTable,
} from './tells';

describe('cue definitions', () => {
  it.each([
    ['What would you like?', true],
    ['What would you like?  ', true],
    ['“What would you like?”', true],
    ["'Liked by whom?'", true],
    ['(What stops you?)', true],
    ['You said “why me?” twice.', false],
    ['Say more.', false],
    ['Is it? Tell me.', false],
  ])('%j is a question: %s', (text, expected) => {
    expect(isQuestion(text)).toBe(expected);
  });

  it.each([
    ["Let's look at the options.", true],
    ['  “Honestly, it sounds fine.', true],
    ['I’ll draft it for you.', true],
    ['Look, it happens.', true],
    ['Looking back, what stands out?', false],
    ['You said “should” three times.', false],
    ['What would you like?', false],
  ])('%j opens with a stock drift phrase: %s', (text, expected) => {
    expect(opensWithStockPhrase(text)).toBe(expected);
  });

  it('silence and owned missteps', () => {
    expect(mentionsSilence('(Pause. Wait for her.)')).toBe(true);
    expect(mentionsSilence('Say nothing; let the words land.')).toBe(true);
    expect(mentionsSilence('What are you waiting for?')).toBe(true);
    expect(mentionsSilence('What do you want?')).toBe(false);
    expect(ownsMisstep('I jumped ahead there. Where were you?')).toBe(true);
    expect(ownsMisstep('i got that wrong')).toBe(true);
    expect(ownsMisstep('You got that wrong.')).toBe(false);
  });

  it('a cue fires only when it singles out exactly one response', () => {
    const picked = singledOut(['What stops you?', "Let's plan it.", "Let's list the steps now together."]);
    expect(picked['only-question']).toBe(0);
    expect(picked['stock-opener']).toBe(0);
    expect(picked.longest).toBe(2);
    expect(picked.shortest).toBe(1);
    expect(picked.silence).toBeUndefined();
    // Two questions: no single question; equal lengths: no unique longest or shortest.
    const tie = singledOut(['Why now?', 'Why you?', 'Go on.']);
    expect(tie['only-question']).toBeUndefined();
    expect(tie.longest).toBeUndefined();
    expect(tie.shortest).toBe(2);
  });

  it('measures length in characters of the trimmed text: an emoji counts once, outer spaces not at all', () => {
    expect(singledOut(['😀😀😀', 'abcd', '  ab  ']).longest).toBe(1);
    expect(singledOut(['😀😀😀', 'abcd', '  ab  ']).shortest).toBe(2);
  });

  it('the stock-opener cue needs at least two others, all opening with a stock phrase', () => {
    expect(singledOut(['What stops you?', "Let's plan it."])['stock-opener']).toBeUndefined();
    expect(singledOut(['What stops you?', "Let's plan it.", 'Tell me more.'])['stock-opener']).toBeUndefined();
  });
});

type Row = [text: string, stance: Stance];
/** A scenario of moments, each given as its responses (text, stance); the nodes are not linked. */
function scenarioOf(moments: Row[][]): Scenario {
  const s = scenarioSchema.parse(tinyScenario());
  const nodes: Scenario['nodes'] = {};
  moments.forEach((rows, m) => {
    nodes[`m${m + 1}`] = {
      kind: 'moment',
      client: 'Line.',
      choices: rows.map(([text, stance], i) => ({ id: `c${i}`, text, stance, markers: [], effects: {}, next: 'end' })),
    };
  });
  return { ...s, nodes };
}

const questionWins: Row[] = [
  ['What would you like from today?', 'partnering'],
  ['Just say no to them.', 'directing'],
  ['It will be fine, honestly.', 'rescuing'],
];
const questionLoses: Row[] = [
  ['What would you like from today?', 'directing'],
  ['Just say no to them.', 'partnering'],
  ['It will be fine, honestly.', 'rescuing'],
];

describe('tells lint', () => {
  it('warns when a cue picks partnering in more than half the moments, naming the cue, the share and the moments', () => {
    const s = scenarioOf([questionWins, questionWins, questionLoses]);
    const problems = tellProblems(s).filter((p) => p.message.includes('only question'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.severity).toBe('warning');
    expect(problems[0]!.message).toMatch(/"only question" picks the partnering response in 2 of 3 moments \(67%.*: m1, m2;/);
    expect(formatPath(problems[0]!.path)).toBe('nodes.m1.choices');
  });

  it('stays quiet at exactly half', () => {
    const s = scenarioOf([questionWins, questionLoses]);
    expect(tellProblems(s).filter((p) => p.message.includes('only question'))).toEqual([]);
  });

  it('runs as part of the content lint (so scenarios:check, --strict and the studio see it)', () => {
    const s = scenarioOf([questionWins, questionWins, questionLoses]);
    expect(lintScenario(s).filter((p) => p.rule === 'tells').length).toBeGreaterThan(0);
  });

  it('counts fires and picks per cue, and adds scenarios up for --stats', () => {
    const a = measureTells(scenarioOf([questionWins, questionLoses]));
    expect(a.moments).toBe(2);
    expect(a.byTell['only-question']).toEqual({ fires: ['m1', 'm2'], picks: ['m1'] });
    const total = addTellStats([
      { id: 'a', stats: a },
      { id: 'b', stats: measureTells(scenarioOf([questionWins])) },
    ]);
    expect(total.moments).toBe(3);
    expect(total.byTell['only-question'].picks).toEqual(['a/m1', 'b/m1']);
    const table = tellStatsTable(total, chanceOfPartnering([scenarioOf([questionWins])]), 2);
    expect(table).toMatch(/only question\s+3\s+2\s+67%\s+67%/);
    expect(table).toMatch(/Chance level: 33%/);
  });
});
