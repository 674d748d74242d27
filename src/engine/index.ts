export * from './compile';
export * from './run';
export * from './debrief';
export * from './order';
// Meter semantics and path search are pure scenario analysis (domain); the engine re-exports them.
export * from '../domain/meters';
export * from '../domain/paths';
