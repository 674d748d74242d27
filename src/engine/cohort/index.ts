export * from './read';
export * from './aggregate';
export * from './csv';
export { COHORT_EXT, COHORT_VERBS } from './vocabulary';
