/**
 * Writes the scenario format's JSON Schema (for editor autocompletion) from the zod schema, so the
 * two can never disagree. `npm run schema` writes it; the unit test checks the committed copy.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SCHEMA_VERSION, scenarioSchema } from '../src/domain/schema';

export const SCHEMA_FILE = 'public/scenario.schema.json';

export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, $id: 'https://catalyst.invalid/scenario.schema.json', title: `Catalyst scenario (schemaVersion ${SCHEMA_VERSION})` }, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_FILE, scenarioJsonSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
