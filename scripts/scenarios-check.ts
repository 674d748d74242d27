/**
 * npm run scenarios:check [-- [--strict] [--stats] [--format text|json] [files...]]
 * Validates scenario files (all of scenarios/ by default): schema, graph, content lint.
 * Prints `file:line:column  path  message` per problem (every fragment from the file escaped, so
 * each problem is exactly one line), or with `--format json` one JSON document; exits 1 when any
 * error is found. --strict: warnings count as errors. --stats: also print the library-wide tells
 * table (text format only).
 */
import { readdirSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { addTellStats, chanceOfPartnering, measureTells, tellStatsTable } from '../src/domain/tells';
import { checkFile, jsonReport, textReport, totals } from './scenarios-check-lib';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    strict: { type: 'boolean', default: false },
    stats: { type: 'boolean', default: false },
    format: { type: 'string', default: 'text' },
  },
});
if (values.format !== 'text' && values.format !== 'json') {
  console.error(`--format must be text or json (got "${values.format}")`);
  process.exit(2);
}
const files = positionals.length
  ? positionals
  : readdirSync('scenarios')
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join('scenarios', f));

const reports = files.map((file) =>
  checkFile(file, relative(process.cwd(), file) || file, { expectedId: basename(file, extname(file)), strict: values.strict }),
);
console.log(values.format === 'json' ? jsonReport(reports) : textReport(reports).join('\n'));
if (values.stats && values.format === 'text') {
  const valid = reports.flatMap((r) => (r.scenario ? [{ id: r.scenario.id, scenario: r.scenario }] : []));
  const total = addTellStats(valid.map((v) => ({ id: v.id, stats: measureTells(v.scenario) })));
  const skipped = files.length - valid.length;
  console.log(`\n${tellStatsTable(total, chanceOfPartnering(valid.map((v) => v.scenario)), valid.length)}`);
  if (skipped) console.log(`(${skipped} file${skipped === 1 ? '' : 's'} with errors left out of the table)`);
}
process.exit(totals(reports).errors ? 1 : 0);
