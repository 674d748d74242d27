/**
 * npm run scenarios:check [files...]
 * Validates scenario files (all of scenarios/ by default): schema, graph, content lint.
 * Prints `file:line:column  path  message` per problem; exits 1 when any error is found.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { formatProblem, parseScenarioSource, MAX_SOURCE_BYTES } from '../src/domain';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const strict = process.argv.includes('--strict');
const files = args.length
  ? args
  : readdirSync('scenarios')
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join('scenarios', f));

let errors = 0;
let warnings = 0;
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
  const { problems } = parseScenarioSource(text, { expectedId: basename(file, extname(file)) });
  for (const p of problems) {
    console.log(formatProblem(shown, p));
    if (p.severity === 'error' || strict) errors++;
    else warnings++;
  }
}
const summary = `${files.length} scenario file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
console.log(errors ? `\n${summary}` : summary);
process.exit(errors ? 1 : 0);
