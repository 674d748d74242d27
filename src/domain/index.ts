export * from './schema';
export * from './kinds';
export * from './stances';
export * from './reference';
export * from './markers';
export * from './flags';
export { migrateScenario, MIGRATIONS, CURRENT_SCHEMA_VERSION, type MigrationResult, type MigrationStep } from './migrations';
export * from './problem';
export * from './graph';
export { checkScenario } from './checks';
export { lintScenario } from './lint';
export * from './summary';
export {
  parseScenarioSource,
  readScenarioSource,
  validateScenarioData,
  capProblems,
  MAX_SOURCE_BYTES,
  MAX_PROBLEMS,
  READ_RULES,
} from './source';
export { own } from './own';
export * from './paths';
export * from './meters';
