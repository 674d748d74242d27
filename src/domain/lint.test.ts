import { describe, expect, it } from 'vitest';
import { tinyScenario } from '../testing/fixtures';
import { formatPath } from './problem';
import { questionProblem, lintScenario } from './lint';
import { scenarioSchema, type Scenario } from './schema';

const lint = (mutate: (s: Scenario) => void) => {
  const s = scenarioSchema.parse(tinyScenario());
  mutate(s);
  return lintScenario(s);
};
const choice = (s: Scenario, node: string, i: number) =>
  (s.nodes[node] as Extract<Scenario['nodes'][string], { kind: 'moment' }>).choices[i]!;
const rules = (ps: { rule: string }[]) => ps.map((p) => p.rule);

describe('content lint', () => {
  it('flags feedback that talks about the trainee rather than the move', () => {
    const ps = lint((s) => (choice(s, 'opening', 1).feedback = 'You are bad at listening.'));
    expect(rules(ps)).toContain('about-the-person');
    expect(formatPath(ps.find((p) => p.rule === 'about-the-person')!.path)).toBe('nodes.opening.choices[1].feedback');
  });

  it('leaves feedback about the move alone', () => {
    const ps = lint(
      (s) =>
        (choice(s, 'opening', 1).feedback = 'The advice arrives before Sam has said what she wants, so the thinking moves to the coach.'),
    );
    expect(rules(ps)).not.toContain('about-the-person');
  });

  it.each([
    ['Do you want to say no?', /closed/],
    ["Don't you think you should say no?", /leading/],
    ['What do you want? And why?', /stacked/],
    ['Have you tried saying no?', /leading/],
  ])('flags the partnering alternative %j', (text, why) => {
    expect(questionProblem(text)).toMatch(why);
  });

  it.each([
    'What makes yes the easy word?',
    'How would you like to use our time?',
    'May I share what I noticed?',
    'It sounds as if yes costs you something.',
  ])('accepts the partnering alternative %j', (text) => expect(questionProblem(text)).toBeUndefined());

  it('flags a moment whose responses all share one stance', () => {
    const ps = lint((s) => {
      for (const c of (s.nodes.opening as { choices: { stance: string }[] }).choices) c.stance = 'partnering';
    });
    expect(rules(ps)).toContain('single-stance');
  });

  it('flags markers that contradict the stance', () => {
    const ps = lint((s) => (choice(s, 'opening', 2).markers = ['8.1']));
    expect(ps.find((p) => p.rule === 'marker-stance')?.message).toMatch(/rescuing move does not break marker 8\.1/);
  });

  it('flags placeholders', () => {
    const ps = lint((s) => {
      choice(s, 'opening', 1).feedback = 'TODO write this';
      choice(s, 'opening', 2).partneringAlternative = '...';
    });
    expect(ps.filter((p) => p.rule === 'placeholder').map((p) => formatPath(p.path))).toEqual([
      'nodes.opening.choices[1].feedback',
      'nodes.opening.choices[2].partneringAlternative',
    ]);
  });

  it('flags a partnering path and paths shorter than five choices', () => {
    // The fixture's conversations take two choices.
    expect(rules(lint(() => {})).sort()).toEqual(['partnering-path-short', 'short-path']);
  });
});

describe('flags lint', () => {
  it('a partnering response flagged leading, stacked or why is an error at the flag', () => {
    for (const flag of ['leading-question', 'stacked-question', 'why-question'] as const) {
      const ps = lint((s) => (choice(s, 'opening', 0).flags = ['judging', flag])).filter((p) => p.rule === 'flag-stance');
      expect(ps).toHaveLength(1);
      expect(ps[0]!.severity).toBe('error');
      expect(formatPath(ps[0]!.path)).toBe('nodes.opening.choices[0].flags[1]');
    }
  });

  it('the same flags on a drift are what they are for', () => {
    const ps = lint((s) => (choice(s, 'opening', 1).flags = ['leading-question', 'why-question']));
    expect(rules(ps)).not.toContain('flag-stance');
  });

  it('warns about two or more question marks without the stacked-question flag', () => {
    const stacked = 'Why say yes? What would no cost you?';
    const unflagged = lint((s) => (choice(s, 'opening', 1).text = stacked)).filter((p) => p.rule === 'stacked-unflagged');
    expect(unflagged.map((p) => [p.severity, formatPath(p.path)])).toEqual([['warning', 'nodes.opening.choices[1].text']]);
    expect(unflagged[0]!.message).toMatch(/2 questions at once/);
    const flagged = lint((s) => {
      choice(s, 'opening', 1).text = stacked;
      choice(s, 'opening', 1).flags = ['stacked-question'];
    });
    expect(rules(flagged)).not.toContain('stacked-unflagged');
  });
});
