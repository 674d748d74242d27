/**
 * The xAPI vocabulary the cohort reader understands: the IRIs Catalyst's learner records mint
 * (records/xapi/iris.ts is their home; the engine may not import records/, so the few the reader
 * needs are named here and a unit test holds them equal to the originals).
 */
export const CATALYST_IRI_BASE = 'https://catalyst.example/xapi/';

export const COHORT_EXT = {
  attemptId: `${CATALYST_IRI_BASE}extensions/attempt-id`,
  scenarioId: `${CATALYST_IRI_BASE}extensions/scenario-id`,
  scenarioVersion: `${CATALYST_IRI_BASE}extensions/scenario-version`,
  stance: `${CATALYST_IRI_BASE}extensions/stance`,
  markers: `${CATALYST_IRI_BASE}extensions/markers`,
  flags: `${CATALYST_IRI_BASE}extensions/flags`,
  meters: `${CATALYST_IRI_BASE}extensions/meters`,
  nextNode: `${CATALYST_IRI_BASE}extensions/next-node`,
  rewound: `${CATALYST_IRI_BASE}extensions/rewound`,
  step: `${CATALYST_IRI_BASE}extensions/step`,
  endingId: `${CATALYST_IRI_BASE}extensions/ending-id`,
  outcome: `${CATALYST_IRI_BASE}extensions/outcome`,
  path: `${CATALYST_IRI_BASE}extensions/path`,
  partneringShare: `${CATALYST_IRI_BASE}extensions/partnering-share`,
} as const;

export const COHORT_VERBS = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  rewound: `${CATALYST_IRI_BASE}verbs/rewound`,
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;

/** The segment between a scenario's activity id and a node id in an interaction's object id. */
export const NODE_SEGMENT = '/node/';
