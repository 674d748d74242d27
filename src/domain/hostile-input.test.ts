import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { tinyScenario } from '../testing/fixtures';
import { escapeLine, formatProblem } from './problem';
import { MAX_PROBLEMS, parseScenarioSource } from './source';

const yamlOf = (doc: unknown) => stringify(doc, { aliasDuplicateObjects: false });
const timed = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};

/** "Billion laughs": each level's list holds ten aliases of the level below (10^9 leaves). */
const laughs = () => {
  const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${yamlOf(tinyScenario())}${lines.join('\n')}\n`;
};

describe('YAML anchors and aliases', () => {
  it('refuses an alias bomb at once, naming each anchor and alias with its line, capped', () => {
    const text = laughs();
    const [{ problems, scenario }, ms] = timed(() => parseScenarioSource(text));
    expect(scenario).toBeUndefined();
    expect(ms).toBeLessThan(2000);
    expect(problems).toHaveLength(100); // 10 anchors, 90 aliases
    const firstLine = text.split('\n').findIndex((l) => l.startsWith('a0:')) + 1;
    expect(problems[0]).toMatchObject({ rule: 'yaml-alias', line: firstLine, column: 5 });
    expect(problems[0]!.message).toMatch(/anchor "&a0": scenario files may not use YAML anchors or aliases/);
    expect(problems[1]).toMatchObject({ rule: 'yaml-alias', line: firstLine + 1, column: 5 });
    expect(problems[2]).toMatchObject({ rule: 'yaml-alias', line: firstLine + 1, column: 10 });
  });

  it('refuses a single harmless alias too (one rule, simply said)', () => {
    const text = yamlOf(tinyScenario()).replace('title: Tiny', 'title: &t Tiny\nsummary2: *t');
    expect(parseScenarioSource(text).problems.map((p) => p.rule)).toEqual(['yaml-alias', 'yaml-alias']);
  });

  it('leaves & and * inside text alone', () => {
    const text = yamlOf({ ...tinyScenario(), title: 'R&D *is* fun', summary: '*emphasis* & more' });
    expect(parseScenarioSource(text).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('syntax errors become problems with a line', () => {
  it.each([
    ['an implicit key over 1024 characters', `${'k'.repeat(1100)}: 1\n`],
    ['a nested mapping in a compact mapping', 'a: b: c\n'],
    ['a missing , or :', '{ a: 1 b }\n'],
    ['an unterminated flow sequence', 'a: [1, 2\n'],
    ['a tab as indentation', 'a:\n\t- b\n'],
    ['binary bytes', '\u0000\u0001\u0002\ufffd\u00ff: \u0007\n'],
    ['a duplicate key', 'id: a\nid: b\n'],
  ])('%s', (_, text) => {
    const { problems, scenario } = parseScenarioSource(text);
    expect(scenario).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeGreaterThanOrEqual(1);
    }
  });

  it('nesting 100,000 levels deep is refused, not a stack overflow', () => {
    for (const text of [`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, `a: ${'{b: '.repeat(5000)}1${'}'.repeat(5000)}\n`]) {
      const [{ problems }, ms] = timed(() => parseScenarioSource(text));
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]!.line).toBeGreaterThanOrEqual(1);
      expect(ms).toBeLessThan(2000);
    }
  });

  it('nesting deeper than a scenario needs is named', () => {
    const text = `id: x\nextra: ${'['.repeat(40)}1${']'.repeat(40)}\n`;
    expect(parseScenarioSource(text).problems.map((p) => p.rule)).toEqual(['too-deep']);
  });
});

describe('problems are capped per file', () => {
  it('lists the first 200 and counts the rest', () => {
    const doc = tinyScenario();
    const opening = doc.nodes.opening as Extract<(typeof doc.nodes)[string], { kind: 'moment' }>;
    for (let i = 0; i < 300; i++) opening.choices.push({ ...opening.choices[0]!, id: `c${i}`, next: `nowhere-${i}` });
    const { problems } = parseScenarioSource(yamlOf(doc), { lint: false });
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems[0]!.message).toBe('unknown node "nowhere-0"');
    expect(problems.at(-1)).toMatchObject({
      rule: 'more-problems',
      severity: 'error',
      message: '100 more problems not listed (100 errors); fix the ones above first',
    });
  }, 30_000); // about 0.3 s on an idle machine; 4.4 s measured with load average 19 on 2 cores
});

describe('length limits', () => {
  it.each([
    [60_000, 'ids are at most 64 characters'],
    [100_000, 'a value of 100,000 characters; scenario text is at most 4,000'],
  ])('a %i-character bidi-override next is one short problem with its line, found quickly', (n, message) => {
    const text = yamlOf(tinyScenario()).replace('next: middle', `next: "${'\u202e'.repeat(n)}"`);
    const [{ problems }, ms] = timed(() => parseScenarioSource(text));
    expect(ms).toBeLessThan(2000);
    const p = problems.find((q) => q.message.includes(message));
    expect(p).toMatchObject({
      path: ['nodes', 'opening', 'choices', 0, 'next'],
      line: text.split('\n').findIndex((l) => l.includes('\u202e')) + 1,
    });
    expect(formatProblem('f.yaml', p!).length).toBeLessThan(200);
  });

  it('a title must be one line of at most 120 characters', () => {
    const over = parseScenarioSource(yamlOf({ ...tinyScenario(), title: 'T'.repeat(121) })).problems;
    expect(over.map((p) => p.message)).toContain('must be at most 120 characters');
    const twoLines = parseScenarioSource(yamlOf({ ...tinyScenario(), title: 'One\nTwo' })).problems;
    expect(twoLines.map((p) => p.message)).toContain('must be a single line');
  });
});

describe('report lines cannot be forged', () => {
  const forged = 'x\n/tmp/fake.yaml:1:1  (file)  0 errors\r\u001b[2K\u202e\u2066\u0085\u2028done';
  it('escapes newlines, CR, ANSI escapes, C1, separators and bidi controls in keys and messages', () => {
    const text = yamlOf({ ...tinyScenario(), [forged]: 1, start: forged.slice(0, 60) });
    const { problems } = parseScenarioSource(text);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      const line = formatProblem(`dir/${forged}.yaml`, p);
      // eslint-disable-next-line no-control-regex
      expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    }
    expect(problems.map((p) => formatProblem('f.yaml', p)).join('\n')).toContain(
      '\\n/tmp/fake.yaml:1:1  (file)  0 errors\\r\\u001b[2K\\u202e\\u2066\\u0085\\u2028done',
    );
  });

  it('keeps ordinary text as it is', () => {
    expect(escapeLine('unknown node "pushbak" — “ünïcode” 🙂')).toBe('unknown node "pushbak" — “ünïcode” 🙂');
    expect(escapeLine('a\\b')).toBe('a\\\\b');
  });
});
