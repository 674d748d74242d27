import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FLAGS } from '../src/domain/flags';
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

  it('offers the version-2 choice flags from the fixed vocabulary', () => {
    const schema = JSON.parse(scenarioJsonSchema());
    expect(schema.properties.schemaVersion.const).toBe(2);
    const text = JSON.stringify(schema.properties.nodes);
    for (const flag of FLAGS) expect(text).toContain(`"${flag}"`);
  });
});
