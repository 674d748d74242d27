/**
 * npm run scenarios:check [files...]
 * Validates scenario files (all of scenarios/ by default): schema, graph, content lint.
 * Prints `file:line:column  path  message` per problem; exits 1 when any error is found.
 * --strict: warnings count as errors. --stats: also print the library-wide tells table.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { formatProblem, parseScenarioSource, MAX_SOURCE_BYTES, type Scenario } from '../src/domain';
import { addTellStats, chanceOfPartnering, measureTells, tellStatsTable } from '../src/domain/tells';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const strict = process.argv.includes('--strict');
const stats = process.argv.includes('--stats');
const files = args.length
  ? args
  : readdirSync('scenarios')
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join('scenarios', f));

let errors = 0;
let warnings = 0;
const valid: { id: string; scenario: Scenario }[] = [];
for (const file of files) {
  const shown = relative(process.cwd(), file) || file;
  let text: string;
  try {
    if (statSync(file).size > MAX_SOURCE_BYTES) throw new Error('file is over 5 MB');
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.log(`${shown}:1:1  (file)  cannot read: ${(e as Error).message}`);
    errors++;
    continue;
  }
  const { problems, scenario } = parseScenarioSource(text, { expectedId: basename(file, extname(file)) });
  if (scenario) valid.push({ id: scenario.id, scenario });
  for (const p of problems) {
    console.log(formatProblem(shown, p));
    if (p.severity === 'error' || strict) errors++;
    else warnings++;
  }
}
const summary = `${files.length} scenario file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
console.log(errors ? `\n${summary}` : summary);
if (stats) {
  const total = addTellStats(valid.map((v) => ({ id: v.id, stats: measureTells(v.scenario) })));
  const skipped = files.length - valid.length;
  console.log(`\n${tellStatsTable(total, chanceOfPartnering(valid.map((v) => v.scenario)), valid.length)}`);
  if (skipped) console.log(`(${skipped} file${skipped === 1 ? '' : 's'} with errors left out of the table)`);
}
process.exit(errors ? 1 : 0);
