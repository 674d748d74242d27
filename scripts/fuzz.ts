/**
 * npm run fuzz [-- --seed 1 --per-class 100 --budget-ms 2000]
 * The hostile-file corpus at full size (src/testing/hostile-corpus.ts), through the scenarios:check
 * pipeline and the studio's import parsing. Prints files, median and max ms per file for each
 * pipeline, results by class, the slowest files, and every failure: a throw, a problem without a
 * position, a report line with a raw control character, or a file over the time budget.
 * Exits 1 on any failure. The same seed always gives the same files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importText } from '../src/features/studio/io';
import { HOSTILE_CLASSES, hostileCorpus, type HostileClass } from '../src/testing/hostile-corpus';
import { median } from './bench-kit';
import { checkSource, textReport } from './scenarios-check-lib';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    'per-class': { type: 'string', default: '100' },
    'budget-ms': { type: 'string', default: '2000' },
  },
});
const seed = Number(values.seed);
const perClass = Number(values['per-class']);
const budget = Number(values['budget-ms']);
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const sources = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((name) => ({ name, text: readFileSync(`scenarios/${name}`, 'utf8') }));
const t0 = performance.now();
const corpus = hostileCorpus(sources, { seed, perClass });
const generateMs = performance.now() - t0;

/** Median ms, 0 for a class without files. */
const medianMs = (xs: number[]) => (xs.length ? median(xs) : 0);
const timed = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};

interface ClassStats {
  files: number;
  checkMs: number[];
  importMs: number[];
  valid: number;
  imported: number;
  refused: number;
  rules: Map<string, number>;
}
const stats = new Map<HostileClass, ClassStats>(
  HOSTILE_CLASSES.map((c) => [c, { files: 0, checkMs: [], importMs: [], valid: 0, imported: 0, refused: 0, rules: new Map() }]),
);
const failures: string[] = [];
const slowest: { name: string; ms: number; pipeline: string; kB: number }[] = [];

for (const file of corpus) {
  const s = stats.get(file.hostileClass)!;
  s.files++;
  try {
    const [report, checkMs] = timed(() => checkSource('hostile.yaml', file.text));
    s.checkMs.push(checkMs);
    slowest.push({ name: file.name, ms: checkMs, pipeline: 'check', kB: file.text.length / 1024 });
    if (checkMs > budget) failures.push(`${file.name}: scenarios:check took ${checkMs.toFixed(0)} ms`);
    if (!report.errors) s.valid++;
    const first = report.problems[0]?.rule;
    if (first) s.rules.set(first, (s.rules.get(first) ?? 0) + 1);
    for (const p of report.problems) if (!p.line || !p.column) failures.push(`${file.name}: problem without a position: ${p.rule}`);
    for (const line of textReport([report]))
      if (RAW_CONTROL.test(line)) failures.push(`${file.name}: raw control character in ${JSON.stringify(line.slice(0, 120))}`);
  } catch (e) {
    failures.push(`${file.name}: scenarios:check threw ${(e as Error)?.stack ?? e}`);
  }
  try {
    const [result, importMs] = timed(() => importText(file.text));
    s.importMs.push(importMs);
    slowest.push({ name: file.name, ms: importMs, pipeline: 'import', kB: file.text.length / 1024 });
    if (importMs > budget) failures.push(`${file.name}: import took ${importMs.toFixed(0)} ms`);
    if (result.ok) s.imported++;
    else s.refused++;
    if (!result.ok && !result.problems.length) failures.push(`${file.name}: refused without a reason`);
    for (const p of result.problems) if (!p.line) failures.push(`${file.name}: import problem without a line: ${p.rule}`);
  } catch (e) {
    failures.push(`${file.name}: import threw ${(e as Error)?.stack ?? e}`);
  }
}

const all = [...stats.values()];
const ms = (xs: number[]) =>
  `${medianMs(xs).toFixed(1).padStart(7)} ${Math.max(0, ...xs)
    .toFixed(1)
    .padStart(8)}`;
console.log(
  `Hostile-file fuzz: seed ${seed}, ${corpus.length} files (${perClass} per class, from ${sources.length} bundled scenarios), generated in ${(generateMs / 1000).toFixed(1)} s; Node ${process.version}`,
);
console.log(`budget per file and pipeline: ${budget} ms\n`);
console.log(
  `${'class'.padEnd(14)} files | check ms: median      max | import ms: median      max | valid imported refused | first problem rules`,
);
for (const [c, s] of stats) {
  const rules = [...s.rules]
    .sort((a, b) => b[1] - a[1])
    .map(([r, n]) => `${r} ${n}`)
    .join(', ');
  console.log(
    `${c.padEnd(14)} ${String(s.files).padStart(5)} |        ${ms(s.checkMs)} |         ${ms(s.importMs)} | ${String(s.valid).padStart(5)} ${String(s.imported).padStart(8)} ${String(s.refused).padStart(7)} | ${rules}`,
  );
}
const checkAll = all.flatMap((s) => s.checkMs);
const importAll = all.flatMap((s) => s.importMs);
console.log(
  `${'all'.padEnd(14)} ${String(corpus.length).padStart(5)} |        ${ms(checkAll)} |         ${ms(importAll)} | ${String(all.reduce((n, s) => n + s.valid, 0)).padStart(5)} ${String(all.reduce((n, s) => n + s.imported, 0)).padStart(8)} ${String(all.reduce((n, s) => n + s.refused, 0)).padStart(7)} |`,
);
console.log('\nslowest:');
for (const s of slowest.sort((a, b) => b.ms - a.ms).slice(0, 5))
  console.log(`  ${s.ms.toFixed(0).padStart(6)} ms  ${s.pipeline.padEnd(6)} ${s.name} (${s.kB.toFixed(0)} kB)`);
console.log(`\n${failures.length} failure${failures.length === 1 ? '' : 's'}`);
for (const f of failures.slice(0, 50)) console.log(`  ${f}`);
process.exit(failures.length ? 1 : 0);
