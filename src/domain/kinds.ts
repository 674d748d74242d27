/** Vocabulary of the scenario format that the UI needs without the schema (keeps zod out of the player bundle). */
export const CUES = ['emotion', 'advice-request', 'identity', 'resistance', 'insight'] as const;
export const OUTCOMES = ['breakthrough', 'progress', 'stalled', 'rupture'] as const;
export type Cue = (typeof CUES)[number];
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  breakthrough: 'Breakthrough',
  progress: 'Progress',
  stalled: 'Stalled',
  rupture: 'Rupture',
};

export const CUE_LABELS: Readonly<Record<Cue, string>> = {
  emotion: 'Emotion',
  'advice-request': 'Asks for advice',
  identity: 'Identity',
  resistance: 'Resistance',
  insight: 'Insight',
};
