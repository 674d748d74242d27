import { memo } from 'react';
import type { Problem } from '../../domain/problem';
import { describePath, nodeOfPath } from './field-paths';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Errors first, then warnings; within each, in node order. */
export function sortProblems(problems: readonly Problem[], nodeOrder: readonly string[]): Problem[] {
  const rank = (p: Problem) => {
    const node = nodeOfPath(p.path);
    return node === undefined ? -1 : nodeOrder.indexOf(node);
  };
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.severity === b.p.severity ? 0 : a.p.severity === 'error' ? -1 : 1) || rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

export function problemCounts(problems: readonly Problem[]) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

export function problemSummary(problems: readonly Problem[]): string {
  const { errors, warnings } = problemCounts(problems);
  if (!problems.length) return 'No problems';
  return [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
}

/**
 * The live problems list: what `npm run scenarios:check` would say about the draft. Each problem
 * names its node and field; picking one selects the node and focuses the field.
 */
export const ProblemsPanel = memo(function ProblemsPanel(props: {
  problems: readonly Problem[];
  nodeOrder: readonly string[];
  onPick: (problem: Problem) => void;
  onCollapse?: () => void;
}) {
  const sorted = sortProblems(props.problems, props.nodeOrder);
  const { errors } = problemCounts(props.problems);
  return (
    <section className="problems-panel" aria-labelledby="problems-heading">
      <div className="pane-head">
        <h2 id="problems-heading">Problems</h2>
        {props.onCollapse ? (
          <button type="button" className="button secondary small" onClick={props.onCollapse} aria-label="Hide problems panel">
            Hide
          </button>
        ) : null}
      </div>
      <p className={`problems-summary ${errors ? 'has-errors' : ''}`} role="status">
        {problemSummary(props.problems)}
        {!props.problems.length
          ? '. The scenario is ready to preview and export.'
          : errors
            ? '. Fix the errors before trainees can play it.'
            : '. It plays; the warnings are about the writing.'}
      </p>
      {sorted.length ? (
        <ul className="problem-list">
          {sorted.map((p, i) => {
            const { where } = describePath(p.path);
            return (
              <li key={`${i}-${p.rule}-${p.path.join('.')}`}>
                <button type="button" className={`problem ${p.severity}`} onClick={() => props.onPick(p)}>
                  <span className={`severity ${p.severity}`}>{p.severity === 'error' ? 'Error' : 'Warning'}</span>{' '}
                  <span className="problem-where">{where}</span>
                  <span className="visually-hidden">: </span>
                  <span className="problem-message">{p.message}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
});
