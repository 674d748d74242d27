export * from './compile';
export * from './meters';
export * from './run';
export * from './debrief';
export * from './partnering-path';
