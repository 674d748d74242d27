import type { Statement } from '@xapi/xapi';
import { describe, expect, it } from 'vitest';
import { validateScenarioData } from '../../domain/source';
import { scenarioVersion } from '../../domain/summary';
import type { Scenario } from '../../domain/schema';
import type { Attempt, Run } from '../../persistence/progress-schema';
import type { LoadedScenario } from '../../persistence/scenarios';
import {
  answered,
  attemptFinished,
  initialized,
  resolveLastChoice,
  rewound,
  shareOf,
  terminated,
  type StatementFrame,
} from '../../records/xapi/statements';
import { tinyScenario } from '../../testing/fixtures';
import {
  aggregateCohort,
  attemptsCsv,
  choicesCsv,
  csvCell,
  jsonErrorOffset,
  newReadResult,
  readFileText,
  readJson,
  replayPath,
  traineeHash,
  type CohortScenario,
} from './index';
import { EXT, VERB_IDS } from '../../domain/xapi-iris';

const scenario = validateScenarioData(tinyScenario()).scenario!;
const version = scenarioVersion(scenario);
const loaded: LoadedScenario = { scenario, version, source: 'bundled', summary: {} as LoadedScenario['summary'] };
const library: CohortScenario[] = [{ scenario, version }];
const AU = 'https://lms.example.org/au/tiny';

let clock = 0;
let ids = 0;
const frameFor = (name: string): StatementFrame => ({
  actor: { objectType: 'Agent', name, account: { homePage: 'https://lms.example.org', name: name.toLowerCase() } },
  activityId: AU,
  cmi5: false,
  masteryScore: 0.6,
  masteryFromLms: false,
  judged: true,
  newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
  now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, 0, ++clock * 1000)),
});

/**
 * The statements of one attempt, built by the learner-records code itself (the contract): play
 * `path`; `takeBack` lists [step, choice first tried there] to send a rewind before the answer.
 */
function play(
  name: string,
  attemptId: string,
  path: string[],
  opts: { takeBack?: [number, string][]; finish?: boolean; ver?: string } = {},
): Statement[] {
  const frame = frameFor(name);
  const run: Run = {
    id: attemptId,
    scenarioId: 'tiny',
    scenarioVersion: opts.ver ?? version,
    startedAt: frame.now().toISOString(),
    path: [],
    rewinds: [],
    awaitingContinue: false,
    seed: 1,
  };
  const out: Statement[] = [initialized(frame, run, scenario.title)];
  path.forEach((choiceId, i) => {
    const back = opts.takeBack?.find(([step]) => step === i);
    if (back) {
      const tried = { ...run, path: [...run.path, back[1]] };
      out.push(answered(frame, tried, scenario.title, resolveLastChoice(loaded, tried.path)!));
      const nodeId = resolveLastChoice(loaded, tried.path)!.nodeId;
      out.push(rewound(frame, run, scenario.title, nodeId, scenario.nodes[nodeId] as never, back[1], i));
      run.rewinds = [...run.rewinds, { step: i, choiceId: back[1], at: frame.now().toISOString() }];
    }
    run.path = [...run.path, choiceId];
    out.push(answered(frame, { ...run }, scenario.title, resolveLastChoice(loaded, run.path)!));
  });
  if (opts.finish !== false) {
    const end = resolveLastChoice(loaded, run.path)!.nextNodeId;
    const ending = scenario.nodes[end];
    const attempt: Attempt = {
      ...run,
      scenarioTitle: scenario.title,
      finishedAt: frame.now().toISOString(),
      status: 'completed',
      endingId: end,
      outcome: ending?.kind === 'ending' ? ending.outcome : undefined,
      partneringShare: shareOf(loaded, run.path),
      choices: run.path.length,
      note: '',
    };
    out.push(...attemptFinished(frame, attempt, attempt.partneringShare, { completed: true, judgement: true }));
    out.push(terminated(frame, run, scenario.title));
  }
  return out;
}

const aggregate = (files: [string, unknown][], scenarios = library) => {
  const read = newReadResult();
  for (const [name, data] of files) readFileText(read, name, typeof data === 'string' ? data : JSON.stringify(data));
  return aggregateCohort(read, scenarios);
};

describe('aggregating statements', () => {
  // Three trainees: Ana partners through (breakthrough), Ben directs then colludes (rupture),
  // Cy soothes, takes back "tell" first, then partners at the second moment.
  const statements = [
    ...play('Ana', 'a1', ['ask', 'explore']),
    ...play('Ben', 'b1', ['tell', 'agree']),
    ...play('Cy', 'c1', ['soothe', 'explore'], { takeBack: [[0, 'tell']] }),
  ];
  const report = aggregate([['lrs.json', statements]]);
  const fig = report.scenarios[0]!;

  it('counts who reached each node and who chose each response', () => {
    expect(report.scenarios).toHaveLength(1);
    expect(fig.attempts).toBe(3);
    expect(fig.trainees).toBe(3);
    expect(fig.nodes.opening!.reached).toBe(3);
    expect(fig.nodes.middle!.reached).toBe(3);
    expect(fig.nodes.check!.reached).toBe(3);
    expect(fig.choices.opening).toEqual({ ask: 1, tell: 1, soothe: 1 });
    expect(fig.choices.middle).toEqual({ explore: 2, agree: 1 });
  });

  it('counts the routes taken and the endings reached', () => {
    const byId = Object.fromEntries(fig.endings.map((e) => [e.endingId, e.count]));
    const total = fig.routes.check!.reduce((a, b) => a + b, 0);
    expect(total).toBe(3);
    expect(Object.values(byId).reduce((a, b) => a + b, 0)).toBe(3);
    expect(fig.finished).toBe(3);
    expect(fig.nodes[fig.endings[0]!.endingId]!.reached).toBe(fig.endings[0]!.count);
  });

  it('ranks drift points by drift share and names the dominant stance', () => {
    expect(fig.drift.map((d) => d.nodeId)).toEqual(['opening', 'middle']);
    expect(fig.drift[0]).toMatchObject({ drift: 2, answered: 3, share: 2 / 3 });
    expect(fig.drift[1]).toMatchObject({ drift: 1, dominant: 'colluding', dominantCount: 1 });
  });

  it('lists partnering responses almost nobody chose', () => {
    const many = aggregate([
      [
        'lrs.json',
        [
          ...statements,
          ...play('Dee', 'd1', ['tell', 'explore']),
          ...play('Eli', 'e1', ['tell', 'explore']),
          ...play('Fay', 'f1', ['soothe', 'explore']),
        ],
      ],
    ]).scenarios[0]!;
    // "ask" was chosen by 1 of 6 at the opening (17 %, under 20 %); "explore" by 5 of 6.
    expect(many.rare.map((r) => [r.nodeId, r.choiceId, r.count, r.reached])).toEqual([['opening', 'ask', 1, 6]]);
  });

  it('measures the share of answers taken back', () => {
    expect(fig.answered).toBe(7);
    expect(fig.rewinds).toBe(1);
    expect(fig.rewoundShare).toBeCloseTo(1 / 7);
    // The replaced answer does not count as a choice: Cy's opening counts as "soothe".
    expect(fig.choiceRows.filter((r) => r.attemptId === 'c1').map((r) => r.choiceId)).toEqual(['soothe', 'explore']);
  });

  it('gives each trainee a stable short hash, a partnering share and the debrief pattern', () => {
    const ana = fig.traineeRows.find((t) => t.name === 'Ana')!;
    expect(ana.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(ana.hash).toBe(traineeHash('account:https://lms.example.org|ana'));
    expect(ana.partneringShare).toBe(1);
    expect(ana.pattern?.headline).toBe('Partnering throughout');
    const ben = fig.traineeRows.find((t) => t.name === 'Ben')!;
    expect(ben.partneringShare).toBe(0);
    expect(ben.pattern?.headline).toMatch(/^A pull toward/);
    expect(ben.hash).not.toBe(ana.hash);
  });

  it('recognises duplicates by statement id, across files', () => {
    const again = aggregate([
      ['a.json', statements],
      ['b.json', statements.slice(0, 5)],
    ]);
    expect(again.duplicates).toBe(5);
    expect(again.scenarios[0]!.attempts).toBe(3);
    expect(again.scenarios[0]!.choices.opening).toEqual({ ask: 1, tell: 1, soothe: 1 });
  });

  it('reads statements in any order (an LRS returns the newest first)', () => {
    const reversed = aggregate([['lrs.json', { statements: [...statements].reverse(), more: '' }]]).scenarios[0]!;
    expect(reversed.choices).toEqual(fig.choices);
    expect(reversed.choiceRows.filter((r) => r.attemptId === 'c1').map((r) => r.choiceId)).toEqual(['soothe', 'explore']);
  });

  it('counts an unfinished attempt as reaching the moment it stopped at', () => {
    const partial = aggregate([['x.json', play('Gus', 'g1', ['ask'], { finish: false })]]).scenarios[0]!;
    expect(partial.nodes.middle).toEqual({ reached: 1, stopped: 1 });
    expect(partial.finished).toBe(0);
    expect(partial.traineeRows[0]!.pattern).toBeUndefined();
  });
});

describe('records of another scenario version', () => {
  it('replays a path that still fits onto the current map and says so', () => {
    const report = aggregate([['old.json', play('Ana', 'a1', ['ask', 'explore'], { ver: 'older' })]]);
    const fig = report.scenarios[0]!;
    expect(fig.replayed).toBe(1);
    expect(fig.apart).toEqual([]);
    expect(fig.choices.opening!.ask).toBe(1);
    expect(fig.attemptRows[0]!.replayed).toBe(true);
  });

  it('counts apart, with the reason, a path that no longer fits', () => {
    const changed = structuredClone(scenario) as Scenario;
    const opening = changed.nodes.opening;
    if (opening?.kind !== 'moment') throw new Error('fixture');
    opening.choices = opening.choices.filter((c) => c.id !== 'tell');
    const report = aggregate(
      [['old.json', [...play('Ben', 'b1', ['tell', 'agree']), ...play('Ana', 'a1', ['ask', 'explore'])]]],
      [{ scenario: changed, version: 'newer' }],
    );
    const fig = report.scenarios[0]!;
    expect(fig.attempts).toBe(1);
    expect(fig.apart).toHaveLength(1);
    expect(fig.apart[0]!.reason).toContain('the moment "opening" has no response "tell" any more');
    expect(fig.nodes.opening!.reached).toBe(1);
    expect(attemptsCsv(fig)).toContain('b1');
  });
});

describe('bad input', () => {
  it('reports malformed JSON with the file and the line', () => {
    const report = aggregate([['broken.json', '[\n  {"id": 1,\n  oops\n]']]);
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0]).toMatchObject({ source: 'broken.json', count: 1 });
    expect(report.skipped[0]!.reason).toContain('not valid JSON');
    expect(report.skipped[0]!.example).toMatch(/^line 3, column \d+$/);
  });

  it('finds where JSON first goes wrong, whatever the engine’s message says', () => {
    for (const [text, at] of [
      ['[1, 2,]', 6],
      ['{"a": tru}', 6],
      ['{"a" 1}', 5],
      ['[1] x', 4],
      ['"open', 5],
      ['[-01]', 3],
      ['{"a": [1, {"b": "\\u00e9"}], "c": null}', -1],
    ] as const) {
      if (at >= 0) expect(() => JSON.parse(text)).toThrow();
      expect(jsonErrorOffset(text), text).toBe(at);
    }
  });

  it('reports statements that are not Catalyst’s, and other shapes', () => {
    const foreign = {
      id: 'x1',
      actor: { mbox: 'mailto:a@b.c' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/launched' },
      object: { id: 'https://lms.example.org/au/1' },
    };
    const report = aggregate([
      ['mixed.json', [foreign, { ...foreign, id: 'x2' }, 42]],
      ['odd.json', { hello: 'world' }],
    ]);
    const notes = report.skipped.map((n) => [n.source, n.count, n.reason.split(' (')[0]]);
    expect(notes).toEqual([
      ['mixed.json', 2, 'not a Catalyst statement'],
      ['mixed.json', 1, 'not an xAPI statement'],
      ['odd.json', 1, 'neither xAPI statements'],
    ]);
    expect(report.skipped[1]!.example).toBe('statement 3');
  });

  it('counts statements for unknown nodes apart from the map, never silently', () => {
    const statements = play('Ana', 'a1', ['ask', 'explore'], { finish: false });
    const answer = statements.find((s) => s.verb.id === VERB_IDS.answered)!;
    (answer.object as { id: string }).id = `${AU}/node/nowhere`;
    const fig = aggregate([['x.json', statements]]).scenarios[0]!;
    expect(fig.attempts).toBe(0);
    expect(fig.apart[0]!.reason).toContain('step 1 was answered at "nowhere"');
  });

  it('reports attempts of a scenario the app does not have', () => {
    const statements = play('Ana', 'a1', ['ask', 'explore']).map((s) => ({
      ...s,
      context: { ...s.context, extensions: { ...s.context!.extensions, [EXT.scenarioId]: 'gone' } },
    }));
    const report = aggregate([['x.json', statements]]);
    expect(report.scenarios).toEqual([]);
    expect(report.skipped[0]).toMatchObject({ source: 'x.json', count: 1 });
    expect(report.skipped[0]!.reason).toContain('"gone", which is not in this app');
  });
});

describe('progress exports', () => {
  const exportFile = (attempts: Partial<Attempt>[]) => ({
    app: 'catalyst',
    exportedAt: '2026-01-01T00:00:00Z',
    version: 1,
    state: { runs: {}, attempts, settings: { feedbackTiming: 'each' } },
  });
  const attempt = (id: string, path: string[], over: Partial<Attempt> = {}): Partial<Attempt> => ({
    id,
    scenarioId: 'tiny',
    scenarioVersion: version,
    scenarioTitle: 'Tiny',
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:05:00Z',
    path,
    rewinds: [],
    status: 'completed',
    partneringShare: 0,
    choices: path.length,
    note: 'private',
    ...over,
  });

  it('reads a trainee’s export as the same records, one trainee per file', () => {
    const end = replayPath(scenario, ['ask', 'explore']);
    if (!end.ok) throw new Error('fixture');
    const report = aggregate([
      [
        'jo-progress.json',
        exportFile([attempt('p1', ['ask', 'explore'], { endingId: end.at, rewinds: [{ step: 0, choiceId: 'tell', at: 'x' }] })]),
      ],
    ]);
    const fig = report.scenarios[0]!;
    expect(fig.attempts).toBe(1);
    expect(fig.choices.opening!.ask).toBe(1);
    expect(fig.rewinds).toBe(1);
    expect(fig.answered).toBe(3);
    expect(fig.traineeRows[0]!.name).toBe('jo-progress');
  });

  it('recognises an attempt already read from statements by its attempt id', () => {
    const statements = play('Ana', 'a1', ['ask', 'explore']);
    const report = aggregate([
      ['lrs.json', statements],
      ['ana.json', exportFile([attempt('a1', ['ask', 'explore'])])],
    ]);
    expect(report.scenarios[0]!.attempts).toBe(1);
    expect(report.duplicates).toBe(1);
    expect(report.skipped[0]!.reason).toContain('already read from lrs.json');
  });
});

describe('CSV exports', () => {
  const fig = aggregate([['lrs.json', [...play('Ana', 'a1', ['ask', 'explore']), ...play('Ben', 'b1', ['tell', 'agree'])]]]).scenarios[0]!;

  it('writes one row per choice with trainee hash, attempt, node, choice, stance, flags and meters', () => {
    const lines = choicesCsv(fig).trimEnd().split('\r\n');
    expect(lines[0]).toBe('scenario,trainee,attempt,step,node,choice,stance,flags,meters');
    expect(lines).toHaveLength(5);
    const ben = fig.traineeRows.find((t) => t.name === 'Ben')!.hash;
    expect(lines).toContain(`tiny,${ben},b1,1,opening,tell,directing,,trust=45;ownership=20`);
    expect(choicesCsv(fig, new Map([[ben, 'Ben']]))).toContain(`tiny,${ben},Ben,b1,1,opening`);
  });

  it('writes one row per attempt', () => {
    const lines = attemptsCsv(fig).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('partnering %');
    expect(lines.find((l) => l.includes(',a1,'))).toMatch(/,yes,yes,2,100,/);
  });

  it('quotes cells and keeps spreadsheet formulas inert', () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('reading parsed JSON', () => {
  it('accepts a single statement', () => {
    const read = newReadResult();
    const [first] = play('Ana', 'a1', ['ask'], { finish: false });
    readJson(read, 'one.json', first);
    expect(read.statements).toBe(1);
    expect(read.attempts.size).toBe(1);
  });
});
