export type PathSegment = string | number;
export type Severity = 'error' | 'warning';

export interface Problem {
  readonly severity: Severity;
  /** Where in the scenario, e.g. ['nodes', 'opening', 'choices', 1, 'next']. */
  readonly path: readonly PathSegment[];
  readonly message: string;
  /** Which rule found it, for filtering and docs (e.g. "unknown-target"). */
  readonly rule: string;
  /** 1-based position in the source file, when known. */
  readonly line?: number;
  readonly column?: number;
}

const IDENT = /^[A-Za-z_$][\w$-]*$/;

/**
 * Characters that could break or forge a one-line report: C0 and C1 controls (newline, carriage
 * return, ESC that starts ANSI sequences), DEL, line and paragraph separators, bidi controls
 * (which reorder what a terminal shows), zero-width characters and the BOM, and the backslash
 * itself (so an escape in the output always means an escape).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\\]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

/** `s` with every character that could break or forge a report line written as an escape (`\n`, `\u202e`). */
export const escapeLine = (s: string): string =>
  s.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A user-supplied fragment (key, id, file name) shortened for one report line. */
const clip = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max)}…` : s);

/** nodes.opening.choices[1].next; keys that are not plain words are quoted and escaped: nodes["a b"]. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENT.test(seg)) out += out ? `.${clip(seg)}` : clip(seg);
    else out += `["${escapeLine(clip(seg)).replace(/"/g, '\\"')}"]`;
  }
  return out || '(file)';
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');

/**
 * `file:line:col  path  message`, always exactly one line: every fragment a file can supply
 * (the file name, keys in the path, ids and values in the message) is escaped.
 */
export function formatProblem(file: string, p: Problem): string {
  const where = p.line ? `${escapeLine(file)}:${p.line}:${p.column ?? 1}` : escapeLine(file);
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}  ${formatPath(p.path)}  ${tag}${escapeLine(p.message)}`;
}
