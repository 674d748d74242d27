// Meter semantics live in the domain; re-exported for engine users.
export * from '../domain/meters';
