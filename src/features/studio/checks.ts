import type { DraftDoc } from '../../domain/edit/ops';
import type { Problem } from '../../domain/problem';
import { validateScenarioData } from '../../domain/source';

/** The value at `path` in the draft (undefined when the path does not exist). */
function valueAt(doc: unknown, path: Problem['path']): unknown {
  let v: unknown = doc;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** Plainer words for the schema's messages about links that are not set yet. */
function reword(doc: DraftDoc, p: Problem): Problem {
  const last = p.path[p.path.length - 1];
  if (p.rule === 'schema' && (last === 'next' || last === 'start' || last === 'node') && valueAt(doc, p.path) === '')
    return { ...p, message: last === 'start' ? 'no start node chosen yet' : 'not linked yet: choose the node this leads to' };
  return p;
}

/**
 * The same checks as `npm run scenarios:check` (schema, graph, content lint) for the Problems
 * panel. Runs in the checks worker (checks.worker.ts), or here when workers are unavailable.
 */
export function checkDraft(doc: DraftDoc): readonly Problem[] {
  try {
    return validateScenarioData(doc).problems.map((p) => reword(doc, p));
  } catch (e) {
    return [
      { severity: 'error', path: [], rule: 'internal', message: `The checks could not run: ${e instanceof Error ? e.message : String(e)}` },
    ];
  }
}

export const countsOf = (problems: readonly Problem[]) => ({
  problems: problems.length,
  errors: problems.filter((p) => p.severity === 'error').length,
});
