/**
 * Coaching reference data: ICF core competencies and PCC markers, paraphrased
 * (ICF owns the wording; see ../shared/coaching-reference.md).
 */
export interface Competency {
  readonly number: number;
  readonly name: string;
  readonly summary: string;
}

export const COMPETENCIES: readonly Competency[] = [
  { number: 1, name: 'Demonstrates ethical practice', summary: 'Honesty, confidentiality and sensitivity to identity; coaching kept apart from consulting and therapy; refers on when out of scope.' },
  { number: 2, name: 'Embodies a coaching mindset', summary: 'Open, curious and client-centred; the client owns their choices; the coach manages their own reactions.' },
  { number: 3, name: 'Establishes and maintains agreements', summary: 'What the client wants from this session, how they will know, and what must be addressed.' },
  { number: 4, name: 'Cultivates trust and safety', summary: 'Understands the client in context, respects their language and welcomes feeling.' },
  { number: 5, name: 'Maintains presence', summary: 'Attentive, grounded and flexible; comfortable not knowing; allows silence.' },
  { number: 6, name: 'Listens actively', summary: 'Hears what is said and unsaid, reflects the client’s own words, summarises briefly.' },
  { number: 7, name: 'Evokes awareness', summary: 'Insight through open questions, silence, metaphor and respectful challenge.' },
  { number: 8, name: 'Facilitates client growth', summary: 'Turns insight into action the client designs, protecting their autonomy.' },
];

export const competencyName = (n: number): string =>
  COMPETENCIES.find((c) => c.number === n)?.name ?? `Competency ${n}`;

/** PCC markers (revised 2020), paraphrased. Competencies 1 and 2 have none of their own. */
export const MARKERS: Readonly<Record<string, string>> = {
  '3.1': 'Agrees what the client wants from this session',
  '3.2': 'Agrees how the client will know they got it',
  '3.3': 'Explores why it matters to the client',
  '3.4': 'Agrees what must be addressed to get there',
  '4.1': 'Acknowledges the client’s strengths, insight and work',
  '4.2': 'Shows support, empathy and concern',
  '4.3': 'Makes room for the client’s feelings, perceptions and beliefs',
  '4.4': 'Invites the client to respond to what the coach offers, and accepts the response',
  '5.1': 'Responds to the whole person (the who)',
  '5.2': 'Responds to what the client wants (the what)',
  '5.3': 'Lets the client choose what happens in the session',
  '5.4': 'Shows curiosity about the client',
  '5.5': 'Allows silence and reflection',
  '6.1': 'Tailors questions to what is known of the client',
  '6.2': 'Explores the client’s own words',
  '6.3': 'Explores the client’s emotions',
  '6.4': 'Explores energy shifts and non-verbal cues',
  '6.5': 'Explores how the client sees themself or their world',
  '6.6': 'Lets the client finish',
  '6.7': 'Offers a brief reflection or summary',
  '7.1': 'Asks about the client’s thinking, feelings, values, needs and beliefs',
  '7.2': 'Asks questions beyond the client’s current thinking about themself',
  '7.3': 'Asks questions beyond the client’s current thinking about their situation',
  '7.4': 'Asks questions toward the desired outcome',
  '7.5': 'Shares observations and intuitions without attachment, inviting exploration',
  '7.6': 'Asks clear, mostly open questions, one at a time',
  '7.7': 'Uses clear, concise language',
  '7.8': 'Lets the client do most of the talking',
  '8.1': 'Reviews progress toward the session’s outcome',
  '8.2': 'Explores what the client learned about themself',
  '8.3': 'Explores what the client learned about their situation',
  '8.4': 'Explores how the client will use what they learned',
  '8.5': 'Co-designs thinking or action after the session',
  '8.6': 'Co-explores resources, support and barriers',
  '8.7': 'Co-designs accountability',
  '8.8': 'Celebrates the client’s progress',
  '8.9': 'Partners with the client on how to close',
};

export const MARKER_IDS: readonly string[] = Object.keys(MARKERS);
export const isMarker = (id: string): boolean => Object.hasOwn(MARKERS, id);
