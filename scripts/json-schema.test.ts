import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, scenarioJsonSchema } from './json-schema';

describe('published JSON Schema', () => {
  it('is up to date with the zod schema (run `npm run schema` after changing the format)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(scenarioJsonSchema());
  });

  it('describes every node kind and refuses unknown fields', () => {
    const schema = JSON.parse(scenarioJsonSchema());
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'start', 'nodes', 'meters']));
    expect(schema.additionalProperties).toBe(false);
    const kinds = JSON.stringify(schema.properties.nodes);
    for (const kind of ['moment', 'route', 'ending']) expect(kinds).toContain(`"const":"${kind}"`);
  });
});
