// Path search lives in the domain; re-exported for engine users.
export * from '../domain/paths';
