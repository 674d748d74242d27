/**
 * The xAPI vocabulary of Catalyst's learner records: every IRI Catalyst mints, under one base
 * (documented in the README, "In your LMS"), and the ADL verbs it sends. The record keepers
 * (records/xapi) write statements with it and the cohort reader (engine/cohort) reads them back, so
 * it lives here, below both. They are identifiers, not pages: they must never change once an LRS
 * holds statements using them.
 */
export const IRI_BASE = 'https://catalyst.example/xapi/';

/**
 * The scenario's own activity: the cmi5 course structure's AU id (`npm run package`), which a cmi5
 * LMS puts in every statement's grouping (cmi5 §9.6.2.3, the publisher id), and which Catalyst adds
 * to the grouping itself when an xAPI link launched it. So one GET with `related_activities=true`
 * finds a scenario's statements whichever LMS, course or link produced them (the Cohort page's
 * default fetch).
 */
export const scenarioIri = (scenarioId: string): string => `urn:catalyst:scenario:${scenarioId}`;

export const EXT = {
  /** Context: the attempt (run) id, a UUID shared by every statement of one attempt. */
  attemptId: `${IRI_BASE}extensions/attempt-id`,
  /** Context: the scenario's id and content version (a hash of its compiled content). */
  scenarioId: `${IRI_BASE}extensions/scenario-id`,
  scenarioVersion: `${IRI_BASE}extensions/scenario-version`,
  /** answered result: stance of the chosen response (partnering|directing|rescuing|colluding|avoiding). */
  stance: `${IRI_BASE}extensions/stance`,
  /** answered result: PCC marker ids the response honours (partnering) or breaks (drift). */
  markers: `${IRI_BASE}extensions/markers`,
  /** answered result: fair-practice flags on the response (e.g. leading-question). */
  flags: `${IRI_BASE}extensions/flags`,
  /** answered result: the client's meters after the choice, { meterId: 0-100 }. */
  meters: `${IRI_BASE}extensions/meters`,
  /** answered result: the node the conversation goes to next (moment or ending). */
  nextNode: `${IRI_BASE}extensions/next-node`,
  /** answered result: true when this answer replaces one taken back with "Try a different response". */
  rewound: `${IRI_BASE}extensions/rewound`,
  /** rewound result / answered result: 0-based index of the step in the path. */
  step: `${IRI_BASE}extensions/step`,
  /** attempt results: the ending node id, its outcome, the path of choice ids, the partnering share. */
  endingId: `${IRI_BASE}extensions/ending-id`,
  outcome: `${IRI_BASE}extensions/outcome`,
  path: `${IRI_BASE}extensions/path`,
  partneringShare: `${IRI_BASE}extensions/partnering-share`,
} as const;

/** "Try a different response": the trainee took back a choice. */
export const VERB_REWOUND = { id: `${IRI_BASE}verbs/rewound`, display: { 'en-US': 'rewound' } } as const;

export const ACTIVITY_TYPES = {
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
} as const;

/** cmi5 §9.6.2: context categories of cmi5-defined statements. */
export const CMI5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
} as const;

/** The verb ids Catalyst sends (ADL's, and its own `rewound`). */
export const VERB_IDS = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  rewound: VERB_REWOUND.id,
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;

/** The segment between a scenario's activity id and a node id in an interaction's object id. */
export const NODE_SEGMENT = '/node/';
