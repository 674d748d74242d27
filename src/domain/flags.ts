/**
 * Secondary flags on a coach response (coaching reference, section 3: "useful secondary flags").
 * The stance is the primary tag; a flag names one more kind of slip the feedback should be able to
 * point at. The vocabulary is fixed and shared with the content writers. Plain data, no zod, so the
 * player can show the meanings without the schema in its bundle.
 */
export const FLAGS = [
  'leading-question',
  'stacked-question',
  'why-question',
  'closed-question',
  'curiosity-question',
  'judging',
  'therapising',
  'befriending',
  'missed-referral',
  'ethics-breach',
  'supplying-words',
] as const;
export type Flag = (typeof FLAGS)[number];

export const FLAG_LABELS: Readonly<Record<Flag, string>> = {
  'leading-question': 'Leading question',
  'stacked-question': 'Stacked question',
  'why-question': '“Why” question',
  'closed-question': 'Closed question',
  'curiosity-question': 'Coach-curiosity question',
  judging: 'Judging',
  therapising: 'Therapising',
  befriending: 'Befriending',
  'missed-referral': 'Missed referral',
  'ethics-breach': 'Ethics breach',
  'supplying-words': 'Supplying words',
};

/** One line each, shown beside the flag in the feedback panel and the studio. */
export const FLAG_MEANINGS: Readonly<Record<Flag, string>> = {
  'leading-question': 'The question carries the answer the coach has in mind.',
  'stacked-question': 'Several questions at once, so the client has to pick one and the rest are lost.',
  'why-question': 'A “why” that is heard as a demand to justify, not an invitation to explore.',
  'closed-question': 'Invites yes or no where the moment needs the client to explore.',
  'curiosity-question': 'Asks for detail that serves the coach’s interest, not the client’s thinking.',
  judging: 'Passes a verdict on the client, their choices or the people in their story.',
  therapising: 'Digs into the past or the psyche, which is therapy’s work, not coaching’s.',
  befriending: 'Steps out of the coaching role into friendship: own stories, alliances, favours.',
  'missed-referral': 'Passes over a sign that the client needs help beyond coaching.',
  'ethics-breach': 'Breaks ICF ethics: confidentiality without limits, misleading a sponsor, a promise the coach cannot keep.',
  'supplying-words': 'Fills in the word the client is searching for, so the meaning becomes the coach’s.',
};

/** Plural phrase for counts in the debrief: "Stacked questions: 2". */
export const FLAG_PLURALS: Readonly<Record<Flag, string>> = {
  'leading-question': 'Leading questions',
  'stacked-question': 'Stacked questions',
  'why-question': '“Why” questions',
  'closed-question': 'Closed questions',
  'curiosity-question': 'Coach-curiosity questions',
  judging: 'Judging moves',
  therapising: 'Therapising moves',
  befriending: 'Befriending moves',
  'missed-referral': 'Missed referrals',
  'ethics-breach': 'Ethics breaches',
  'supplying-words': 'Words supplied',
};

/** Flags that describe a way of asking which a partnering response never uses (lint: error). */
export const NOT_PARTNERING_FLAGS: readonly Flag[] = ['leading-question', 'stacked-question', 'why-question'];

export const isFlag = (s: unknown): s is Flag => typeof s === 'string' && (FLAGS as readonly string[]).includes(s);
