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

/** nodes.opening.choices[1].next */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENT.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || '(file)';
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');

export function formatProblem(file: string, p: Problem): string {
  const where = p.line ? `${file}:${p.line}:${p.column ?? 1}` : file;
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}  ${formatPath(p.path)}  ${tag}${p.message}`;
}
