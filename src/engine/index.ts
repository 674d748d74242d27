export * from './compile';
export * from './run';
export * from './debrief';
export * from './order';
