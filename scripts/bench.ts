/**
 * npm run bench: parse + validate (parseScenarioSource) and compile (compileScenario) synthetic
 * scenarios of 100, 1,000 and 10,000 nodes; prints median total ms, median µs per node per phase,
 * and how per-node time grows between sizes. Target: 10,000 nodes under 200 ms, per-node flat.
 *
 *   npm run bench [-- --runs 7 --warmup 2 --sizes 100,1000,10000]
 *
 * Phases are timed separately by calling the steps parseScenarioSource runs: parse (YAML), checks
 * (schema + graph), lint (content lint); then compile. A phase that takes over --slow-ms (15 s) in
 * one run is reported once and skipped at larger sizes.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { stringify } from 'yaml';
import { parseScenarioSource, validateScenarioData } from '../src/domain/source';
import { compileScenario } from '../src/engine/compile';
import { arg, median } from './bench-kit';
import { syntheticScenario } from './bench-scenario';

const RUNS = Number(arg('runs', '7'));
const WARMUP = Number(arg('warmup', '2'));
const SIZES = arg('sizes', '100,1000,10000').split(',').map(Number);
const TARGET_MS = 200;

const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};

type Phase = 'parse' | 'checks' | 'lint' | 'compile';
const PHASES: Phase[] = ['parse', 'checks', 'lint', 'compile'];
/** A phase whose single run takes longer than this is not repeated, and not run at larger sizes. */
const SLOW_MS = Number(arg('slow-ms', '15000'));

interface Result {
  size: number;
  bytes: number;
  /** Median ms per phase; undefined when skipped as too slow. */
  ms: Partial<Record<Phase, number>>;
  note?: string;
}

const tooSlow = new Set<Phase>();
const results: Result[] = [];
for (const size of SIZES) {
  const yamlText = stringify(syntheticScenario(size), { lineWidth: 100 });
  // The parse parseScenarioSource does for a file (the position-keeping parse runs only when a
  // file has problems).
  const parseDoc = () => load(yamlText, { schema: CORE_SCHEMA });
  const checked = validateScenarioData(parseDoc(), { lint: false });
  if (!checked.scenario) {
    console.error(
      `synthetic scenario of ${size} nodes is invalid:\n${checked.problems
        .slice(0, 5)
        .map((p) => `  ${p.path.join('.')}: ${p.message}`)
        .join('\n')}`,
    );
    process.exit(1);
  }
  const scenario = checked.scenario;
  const times: Record<Phase, number[]> = { parse: [], checks: [], lint: [], compile: [] };
  const notes: string[] = [];
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const [doc, parseMs] = time(parseDoc);
    const [, checksMs] = time(() => validateScenarioData(doc, { lint: false }));
    let lintMs: number | undefined;
    if (!tooSlow.has('lint')) {
      // Content lint = parseScenarioSource's validate with lint minus without.
      const [, fullMs] = time(() => validateScenarioData(doc));
      lintMs = Math.max(0, fullMs - checksMs);
      if (fullMs > SLOW_MS) {
        tooSlow.add('lint');
        notes.push(`lint: one run took ${(fullMs / 1000).toFixed(1)} s, not repeated; larger sizes skip it`);
        times.lint.push(lintMs);
      }
    }
    const [, compileMs] = time(() => compileScenario(scenario));
    if (run < WARMUP && !tooSlow.has('lint')) continue;
    times.parse.push(parseMs);
    times.checks.push(checksMs);
    if (lintMs !== undefined && !tooSlow.has('lint')) times.lint.push(lintMs);
    times.compile.push(compileMs);
    if (tooSlow.has('lint') && run < WARMUP) run = WARMUP - 1; // skip the rest of the warm-up
  }
  const ms: Partial<Record<Phase, number>> = {};
  for (const ph of PHASES) if (times[ph].length) ms[ph] = median(times[ph]);
  results.push({ size, bytes: yamlText.length, ms, note: notes.join('; ') || undefined });
  // Sanity: the whole public entry point still accepts it (only when lint is affordable).
  if (!tooSlow.has('lint') && !parseScenarioSource(yamlText).scenario) throw new Error(`bench-${size}: parseScenarioSource rejected it`);
}

const total = (r: Result) => PHASES.reduce((s, ph) => s + (r.ms[ph] ?? NaN), 0);
const f = (x: number | undefined, w = 10) => (x === undefined || Number.isNaN(x) ? 'skipped' : x.toFixed(1)).padStart(w);
const us = (x: number | undefined, n: number) => f(x === undefined ? undefined : (x * 1000) / n, 9);
console.log(`Scenario pipeline benchmark: median of ${RUNS} runs after ${WARMUP} warm-ups (Node ${process.version})`);
console.log('parse = YAML text -> data (js-yaml); checks = schema + graph checks; lint = content lint (paths, partnering path);');
console.log('parse + checks + lint = parseScenarioSource; compile = compileScenario.\n');
console.log(
  `${'nodes'.padStart(7)}${'YAML kB'.padStart(9)} |${PHASES.map((p) => `${p} ms`.padStart(10)).join('')}${'TOTAL ms'.padStart(10)} | µs/node:${PHASES.map((p) => p.padStart(9)).join('')}${'total'.padStart(9)}`,
);
for (const r of results)
  console.log(
    `${String(r.size).padStart(7)}${(r.bytes / 1000).toFixed(0).padStart(9)} |${PHASES.map((p) => f(r.ms[p])).join('')}${f(total(r))} |         ${PHASES.map((p) => us(r.ms[p], r.size)).join('')}${us(total(r), r.size)}${r.note ? `\n        note: ${r.note}` : ''}`,
  );
console.log('\nper-node time ratio between sizes (1.0 = flat; 10 = quadratic over a 10x step):');
for (let i = 1; i < results.length; i++) {
  const [a, b] = [results[i - 1]!, results[i]!];
  const ratio = (x: number | undefined, y: number | undefined) =>
    x === undefined || y === undefined || Number.isNaN(x) || Number.isNaN(y) ? 'n/a' : (y / b.size / (x / a.size)).toFixed(2);
  console.log(
    `  ${a.size} -> ${b.size}: ${PHASES.map((p) => `${p} ${ratio(a.ms[p], b.ms[p])}`).join('  ')}  total ${ratio(total(a), total(b))}`,
  );
}
const largest = results.at(-1)!;
const t = total(largest);
console.log(
  `\n${largest.size} nodes: ${Number.isNaN(t) ? 'not measurable (a phase was too slow)' : `${t.toFixed(0)} ms`} (target < ${TARGET_MS} ms) ${t < TARGET_MS ? 'OK' : 'OVER TARGET'}`,
);
