import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText } from '../src/features/studio/io';
import { HOSTILE_CLASSES, hostileCorpus } from '../src/testing/hostile-corpus';
import { checkSource, jsonReport, textReport } from './scenarios-check-lib';

/**
 * The hostile-file corpus, at CI size: every class of hostile file, through both pipelines a user
 * meets: the `scenarios:check` command (checkSource + its text and JSON reports) and the studio's
 * import parsing (importText, which the import panel calls). `npm run fuzz` runs a bigger sample.
 */
const sources = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((name) => ({ name, text: readFileSync(`scenarios/${name}`, 'utf8') }));
const corpus = hostileCorpus(sources, { seed: 20261130, perClass: 3 });
/** Per file and pipeline; generous for a loaded 2-core machine (the fuzz run's slowest is far below). */
const BUDGET_MS = 2000;
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const timed = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};

describe('hostile-file corpus', () => {
  it('covers every class', () => expect(new Set(corpus.map((f) => f.hostileClass))).toEqual(new Set(HOSTILE_CLASSES)));

  it.each(corpus.map((f) => [f.name, f] as const))('%s', (_, file) => {
    // scenarios:check: a structured result in time; each problem one escaped line with a position.
    const [report, checkMs] = timed(() => checkSource('scenarios/hostile.yaml', file.text, { expectedId: 'hostile', strict: true }));
    expect(checkMs).toBeLessThan(BUDGET_MS);
    expect(report.problems.length).toBeGreaterThan(0); // at least the id differs from the file name
    expect(report.problems.length).toBeLessThanOrEqual(201);
    for (const p of report.problems) {
      expect(p.line, p.message).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeGreaterThanOrEqual(1);
    }
    const lines = textReport([report]);
    expect(lines).toHaveLength(report.problems.length + 2);
    for (const line of lines) expect(line).not.toMatch(RAW_CONTROL);
    expect(lines.at(-1)).toMatch(/^1 scenario file checked: [1-9]\d* errors?, 0 warnings$/);
    const json = JSON.parse(jsonReport([report]));
    expect(json.files[0].problems).toHaveLength(report.problems.length);

    // The studio import: imported, or refused with reasons that each have a line.
    const [result, importMs] = timed(() => importText(file.text));
    expect(importMs).toBeLessThan(BUDGET_MS);
    expect(result.problems.every((p) => (p.line ?? 0) >= 1)).toBe(true);
    if (result.ok) {
      expect(typeof result.doc.nodes).toBe('object');
      expect(typeof result.doc.meters).toBe('object');
    } else {
      expect(result.problems.length).toBeGreaterThan(0);
      expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
    }
  });
});
