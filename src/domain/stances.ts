/** The stance taxonomy (coaching reference, section 3). */
export const STANCES = ['partnering', 'directing', 'rescuing', 'colluding', 'avoiding'] as const;
export type Stance = (typeof STANCES)[number];
export type DriftStance = Exclude<Stance, 'partnering'>;
export const DRIFT_STANCES = STANCES.filter((s): s is DriftStance => s !== 'partnering');

export const STANCE_LABELS: Readonly<Record<Stance, string>> = {
  partnering: 'Partnering',
  directing: 'Directing',
  rescuing: 'Rescuing',
  colluding: 'Colluding',
  avoiding: 'Avoiding',
};

export const STANCE_DESCRIPTIONS: Readonly<Record<Stance, string>> = {
  partnering: 'The client keeps the agenda, the meaning and the decisions; anything the coach offers is held lightly and handed back.',
  directing: 'The coach supplies the answer, the goal, the interpretation or the next step, or steers the process.',
  rescuing: 'The coach removes the discomfort or takes the problem over: early reassurance, minimising, doing it for the client.',
  colluding: 'The coach merges with the client’s story: joins the blame, over-identifies, treats the story as closed.',
  avoiding: 'The coach steers away from emotion, identity, power or conflict, or claims neutrality.',
};

/**
 * PCC markers a drift stance breaks, per the reference's stance table. A non-partnering
 * choice's markers are read as markers it breaks, so a marker outside this set would read as
 * the move honouring it. Extensions beyond the table are noted.
 */
export const MARKERS_BROKEN_BY: Readonly<Record<DriftStance, readonly string[]>> = {
  // Table: 3.1/3.2, 7.5, 7.6, 7.8, 8.5-8.7. Plus 5.3: the coach choosing the topic or steering the
  // process takes the session out of the client's hands (reference section 2, what fails).
  directing: ['3.1', '3.2', '5.3', '7.5', '7.6', '7.8', '8.5', '8.6', '8.7'],
  rescuing: ['4.3', '5.5', '6.3', '6.6', '8.6', '8.7'],
  // Table: 7.2-7.5. Plus 8.7: colluding "drops accountability" (stance definition).
  colluding: ['7.2', '7.3', '7.4', '7.5', '8.7'],
  avoiding: ['4.3', '5.1', '6.3', '6.5', '7.2'],
};

export const isStance = (s: unknown): s is Stance => typeof s === 'string' && (STANCES as readonly string[]).includes(s);
