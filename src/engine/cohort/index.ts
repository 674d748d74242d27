export * from './read';
export * from './aggregate';
export * from './csv';
export { COHORT_EXT, COHORT_VERBS } from './vocabulary';
export { syntheticStatements, type SyntheticOptions } from './synthetic';
