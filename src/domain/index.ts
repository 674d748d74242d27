export * from './schema';
export * from './stances';
export * from './reference';
export * from './problem';
export * from './graph';
export { checkScenario } from './checks';
export { lintScenario } from './lint';
export { parseScenarioSource, validateScenarioData, MAX_SOURCE_BYTES } from './source';
