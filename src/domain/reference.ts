/**
 * ICF core competencies, paraphrased (ICF owns the wording; see ../shared/coaching-reference.md).
 * PCC markers are in markers.ts: the library needs competencies, only the player needs markers.
 */
export interface Competency {
  readonly number: number;
  readonly name: string;
  readonly summary: string;
}

export const COMPETENCIES: readonly Competency[] = [
  {
    number: 1,
    name: 'Demonstrates ethical practice',
    summary:
      'Honesty, confidentiality and sensitivity to identity; coaching kept apart from consulting and therapy; refers on when out of scope.',
  },
  {
    number: 2,
    name: 'Embodies a coaching mindset',
    summary: 'Open, curious and client-centred; the client owns their choices; the coach manages their own reactions.',
  },
  {
    number: 3,
    name: 'Establishes and maintains agreements',
    summary: 'What the client wants from this session, how they will know, and what must be addressed.',
  },
  {
    number: 4,
    name: 'Cultivates trust and safety',
    summary: 'Understands the client in context, respects their language and welcomes feeling.',
  },
  { number: 5, name: 'Maintains presence', summary: 'Attentive, grounded and flexible; comfortable not knowing; allows silence.' },
  { number: 6, name: 'Listens actively', summary: 'Hears what is said and unsaid, reflects the client’s own words, summarises briefly.' },
  { number: 7, name: 'Evokes awareness', summary: 'Insight through open questions, silence, metaphor and respectful challenge.' },
  { number: 8, name: 'Facilitates client growth', summary: 'Turns insight into action the client designs, protecting their autonomy.' },
];

export const competencyName = (n: number): string => COMPETENCIES.find((c) => c.number === n)?.name ?? `Competency ${n}`;
