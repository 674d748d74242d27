import type { PathSegment, Problem } from './problem';
import type { Moment, Scenario } from './schema';

/**
 * Surface tells: features of a response's wording that single it out among a moment's responses
 * without reading it for coaching. When a tell keeps singling out the partnering response, a
 * trainee can win by pattern-matching, and stops practising the judgement (issue 7). These are the
 * exact cue definitions the content writers measure with; change them together.
 */
export const TELLS = ['only-question', 'longest', 'shortest', 'stock-opener', 'silence', 'misstep'] as const;
export type Tell = (typeof TELLS)[number];

export const TELL_LABELS: Readonly<Record<Tell, string>> = {
  'only-question': 'only question',
  longest: 'longest',
  shortest: 'shortest',
  'stock-opener': 'only one without a stock opener',
  silence: 'only pause or silence',
  misstep: 'only one owning a misstep',
};

/** A cue may pick the partnering response in at most this share of a scenario's moments. */
export const TELL_SHARE_LIMIT = 0.5;

/** Trailing spaces, quotes and brackets that may follow a question mark. */
const TRAILING = /[\s'"‘’“”«»)\]}]+$/u;
/** A response is a question when, trimmed of trailing spaces, quotes and brackets, it ends with "?". */
export const isQuestion = (text: string): boolean => text.replace(TRAILING, '').endsWith('?');

const HIGH_SURROGATE = /[\uD800-\uDBFF]/g;
/** Length in characters (code points: an emoji counts once) of the trimmed text. */
const lengthOf = (text: string): number => {
  const t = text.trim();
  return t.length - (t.match(HIGH_SURROGATE)?.length ?? 0);
};

/** Drift openers: phrases that, at the start of a response, almost only ever began drifts. */
export const STOCK_OPENERS: readonly string[] = [
  "let's",
  'let me',
  "i'll",
  'i will',
  'honestly',
  "don't worry",
  'you should',
  'you need to',
  'you have to',
  'what you need',
  'have you tried',
  "why don't you",
  'if i were you',
  "i'm sure",
  'of course',
  'to be honest',
  'look,',
];

/** The longest stock opener: only this much of a response's start is ever compared. */
const OPENER_SPAN = Math.max(...STOCK_OPENERS.map((p) => p.length));
/** Lowercased, leading quotes and spaces stripped, curly apostrophes normalised (the start only). */
const opening = (text: string): string =>
  text
    .replace(/^[\s'"‘’“”«»]+/u, '')
    .slice(0, OPENER_SPAN)
    .toLowerCase()
    .replace(/[‘’]/gu, "'");
export const opensWithStockPhrase = (text: string): boolean => {
  const t = opening(text);
  return STOCK_OPENERS.some((p) => t.startsWith(p));
};

const SILENCE = /\b(pause[sd]?|silence|silent|says? nothing|wait(s|ing)?)\b/i;
export const mentionsSilence = (text: string): boolean => SILENCE.test(text);

const MISSTEP =
  /\b(I jumped|I got (that|this|it) wrong|I was wrong|my mistake|I got ahead|I rushed|I missed|I cut you off|I interrupted|I went too fast|I pushed|I take that back)\b/i;
export const ownsMisstep = (text: string): boolean => MISSTEP.test(text);

/** A record with one entry per tell. */
function perTell<T>(make: (tell: Tell) => T): Record<Tell, T> {
  const out = {} as Record<Tell, T>;
  for (const t of TELLS) out[t] = make(t);
  return out;
}

/** The one index where `hits` is true, when exactly one is. */
function onlyOne(hits: readonly boolean[]): number | undefined {
  const idx = hits.flatMap((h, i) => (h ? [i] : []));
  return idx.length === 1 ? idx[0] : undefined;
}

/** The index with the unique extreme value, if the extreme is unique. */
function uniqueExtreme(values: readonly number[], pick: (a: number, b: number) => number): number | undefined {
  if (!values.length) return undefined;
  const best = values.reduce((a, b) => pick(a, b));
  return onlyOne(values.map((v) => v === best));
}

/**
 * Which response (index into `texts`) each cue singles out in one moment, or undefined where the
 * cue does not fire. A moment with one response has nothing to single out.
 */
export function singledOut(texts: readonly string[]): Record<Tell, number | undefined> {
  if (texts.length < 2) return perTell(() => undefined);
  const lengths = texts.map(lengthOf);
  const stock = texts.map(opensWithStockPhrase);
  const without = onlyOne(stock.map((s) => !s));
  return {
    'only-question': onlyOne(texts.map(isQuestion)),
    longest: uniqueExtreme(lengths, Math.max),
    shortest: uniqueExtreme(lengths, Math.min),
    // Every other response opens with a stock phrase, and there are at least two others.
    'stock-opener': texts.length >= 3 ? without : undefined,
    silence: onlyOne(texts.map(mentionsSilence)),
    misstep: onlyOne(texts.map(ownsMisstep)),
  };
}

export interface TellCount {
  /** Moments (node ids) where the cue fires. */
  readonly fires: readonly string[];
  /** Moments where the response it singles out is partnering. */
  readonly picks: readonly string[];
}

export interface TellStats {
  /** Moments in the scenario (or library). */
  readonly moments: number;
  readonly byTell: Readonly<Record<Tell, TellCount>>;
}

/** How often each cue fires, and picks the partnering response, across a scenario's moments. */
export function measureTells(scenario: Pick<Scenario, 'nodes'>): TellStats {
  const byTell = perTell(() => ({ fires: [] as string[], picks: [] as string[] }));
  let moments = 0;
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    if (node.kind !== 'moment') continue;
    moments++;
    const choices = (node as Moment).choices;
    const picked = singledOut(choices.map((c) => c.text));
    for (const tell of TELLS) {
      const i = picked[tell];
      if (i === undefined) continue;
      byTell[tell].fires.push(nodeId);
      if (choices[i]!.stance === 'partnering') byTell[tell].picks.push(nodeId);
    }
  }
  return { moments, byTell };
}

/** Sum per-scenario stats into library-wide stats (node ids are prefixed with the scenario id). */
export function addTellStats(parts: readonly { id: string; stats: TellStats }[]): TellStats {
  const byTell = perTell((t) => ({
    fires: parts.flatMap((p) => p.stats.byTell[t].fires.map((n) => `${p.id}/${n}`)),
    picks: parts.flatMap((p) => p.stats.byTell[t].picks.map((n) => `${p.id}/${n}`)),
  }));
  return { moments: parts.reduce((n, p) => n + p.stats.moments, 0), byTell };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Lint: a warning for each cue that picks the partnering response in more than half of the
 * scenario's moments, naming the cue, the share and the moments. Placed on the first such moment,
 * so the studio's Problems panel opens it.
 */
export function tellProblems(scenario: Pick<Scenario, 'nodes'>): Problem[] {
  const { moments, byTell } = measureTells(scenario);
  const problems: Problem[] = [];
  if (!moments) return problems;
  for (const tell of TELLS) {
    const { picks } = byTell[tell];
    const share = picks.length / moments;
    if (share <= TELL_SHARE_LIMIT) continue;
    const path: PathSegment[] = ['nodes', picks[0]!, 'choices'];
    problems.push({
      severity: 'warning',
      path,
      rule: 'tells',
      message: `the cue "${TELL_LABELS[tell]}" picks the partnering response in ${picks.length} of ${moments} moments (${percent(share)}, over ${percent(TELL_SHARE_LIMIT)}), so a trainee can win without reading: ${picks.join(', ')}; vary the wording so the cue points at drifts as often as at partnering`,
    });
  }
  return problems;
}

/** The share of responses that are partnering: how often a cue picking at random would pick one. */
export function chanceOfPartnering(scenarios: readonly Pick<Scenario, 'nodes'>[]): number {
  let partnering = 0;
  let all = 0;
  for (const s of scenarios)
    for (const node of Object.values(s.nodes))
      if (node.kind === 'moment')
        for (const c of (node as Moment).choices) {
          all++;
          if (c.stance === 'partnering') partnering++;
        }
  return all ? partnering / all : 0;
}

/**
 * `scenarios:check --stats`: per cue, the moments where it fires, how many of those it picks the
 * partnering response, that as a share of all moments (the lint's measure) and of the moments
 * where it fires.
 */
export function tellStatsTable(stats: TellStats, chance: number, scenarios: number): string {
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(0)}%` : '-');
  const head = ['cue', 'fires', 'picks partnering', 'share of all moments', 'share where it fires'];
  const rows = TELLS.map((t) => {
    const { fires, picks } = stats.byTell[t];
    return [TELL_LABELS[t], String(fires.length), String(picks.length), pct(picks.length, stats.moments), pct(picks.length, fires.length)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    `Tells across ${scenarios} scenario${scenarios === 1 ? '' : 's'}, ${stats.moments} moments`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    `Chance level: ${pct(Math.round(chance * 1000), 1000)} of responses are partnering (about one in three), so a cue that ignored the stance would pick partnering about that often where it fires. The lint warns above ${Math.round(TELL_SHARE_LIMIT * 100)}% of a scenario's moments.`,
  ].join('\n');
}
