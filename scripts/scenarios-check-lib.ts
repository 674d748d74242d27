/**
 * The pipeline behind `npm run scenarios:check`: read a file, parse and check it, and report the
 * problems as one escaped line each or as JSON. Kept apart from the command so that tests (the
 * hostile-file corpus) run exactly what the command runs.
 */
import { readFileSync, statSync } from 'node:fs';
import { formatProblem, MAX_SOURCE_BYTES, parseScenarioSource, type Problem, type Scenario } from '../src/domain';
import { escapeLine, formatPath } from '../src/domain/problem';

export interface FileReport {
  /** The file as shown (relative to the working directory). */
  readonly file: string;
  readonly problems: readonly Problem[];
  /** Counts include problems left out of a long list; with `strict`, warnings count as errors. */
  readonly errors: number;
  readonly warnings: number;
  /** The validated scenario, when the file has no errors (for --stats). */
  readonly scenario?: Scenario;
}

/** Check one file's text. Never throws: anything wrong is a problem with a line. */
export function checkSource(file: string, text: string, opts: { expectedId?: string; strict?: boolean } = {}): FileReport {
  const { problems, omitted, scenario } = parseScenarioSource(text, { expectedId: opts.expectedId });
  // The `more-problems` line stands for the omitted ones: count them, not it.
  const listed = problems.filter((p) => p.rule !== 'more-problems');
  const listedErrors = listed.filter((p) => p.severity === 'error').length;
  let errors = listedErrors + (omitted?.errors ?? 0);
  let warnings = listed.length - listedErrors + (omitted?.warnings ?? 0);
  if (opts.strict) {
    errors += warnings;
    warnings = 0;
  }
  return { file, problems, errors, warnings, ...(scenario ? { scenario } : {}) };
}

/** Read and check one file on disk. */
export function checkFile(path: string, shown: string, opts: { expectedId?: string; strict?: boolean } = {}): FileReport {
  let text: string;
  try {
    if (statSync(path).size > MAX_SOURCE_BYTES) throw new Error(`file is over ${MAX_SOURCE_BYTES / 1024 / 1024} MB`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const problem: Problem = {
      severity: 'error',
      path: [],
      rule: 'unreadable',
      message: `cannot read: ${(e as Error).message}`,
      line: 1,
      column: 1,
    };
    return { file: shown, problems: [problem], errors: 1, warnings: 0 };
  }
  return checkSource(shown, text, opts);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `file:line:col  path  message` lines (each exactly one line), a blank line on errors, then the summary. */
export function textReport(reports: readonly FileReport[]): string[] {
  const lines = reports.flatMap((r) => r.problems.map((p) => formatProblem(r.file, p)));
  const { errors, warnings } = totals(reports);
  const summary = `${plural(reports.length, 'scenario file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  return errors ? [...lines, '', summary] : [...lines, summary];
}

export const totals = (reports: readonly FileReport[]) => ({
  errors: reports.reduce((n, r) => n + r.errors, 0),
  warnings: reports.reduce((n, r) => n + r.warnings, 0),
});

/** Characters JSON.stringify leaves raw that a terminal or editor would still act on (bidi, C1, separators). */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Machine-readable report for editors and CI: `{ files: [{ file, errors, warnings, problems:
 * [{ severity, rule, line, column, path, pathText, message }] }], errors, warnings }`. Strings are
 * JSON-escaped, and so are the bidi and C1 controls JSON would leave raw.
 */
export function jsonReport(reports: readonly FileReport[]): string {
  const out = {
    files: reports.map((r) => ({
      file: r.file,
      errors: r.errors,
      warnings: r.warnings,
      problems: r.problems.map((p) => ({
        severity: p.severity,
        rule: p.rule,
        line: p.line ?? 1,
        column: p.column ?? 1,
        path: p.path,
        pathText: formatPath(p.path),
        message: p.message,
      })),
    })),
    ...totals(reports),
  };
  return JSON.stringify(out, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export { escapeLine };
