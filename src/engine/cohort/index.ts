export * from './read';
export * from './aggregate';
export * from './csv';
