/**
 * npm run scenarios:check [-- [--strict] [--format text|json] [files...]]
 * Validates scenario files (all of scenarios/ by default): schema, graph, content lint.
 * Prints `file:line:column  path  message` per problem (every fragment from the file escaped, so
 * each problem is exactly one line), or with `--format json` one JSON document; exits 1 when any
 * error is found (with --strict, any warning too).
 */
import { readdirSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { checkFile, jsonReport, textReport, totals } from './scenarios-check-lib';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { strict: { type: 'boolean', default: false }, format: { type: 'string', default: 'text' } },
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
process.exit(totals(reports).errors ? 1 : 0);
