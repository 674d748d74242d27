import { useCallback, useEffect, useState } from 'react';
import type { DraftDoc } from '../../domain/edit/ops';
import type { Problem } from '../../domain/problem';
import { checkDraft, countsOf } from './checks';
import { checkInWorker } from './checks-client';
import type { ProblemCounts } from './draft-records';

export interface ProblemsState {
  readonly problems: readonly Problem[];
  /** True while typing: the list shown is for the doc of a moment ago. */
  readonly pending: boolean;
  /** The problem counts of any doc, from the same checks (the autosave stores them with the draft). */
  readonly countsFor: (doc: DraftDoc) => Promise<ProblemCounts>;
}

/**
 * The same checks as `npm run scenarios:check` (schema, graph, content lint), live: 150 ms after
 * the typing pauses, in a Web Worker (checks-client.ts). The draft as opened is checked here at
 * once, so the panel never starts empty; the worker gets its copy of the draft at the same time.
 */
export function useProblems(doc: DraftDoc, delay = 150): ProblemsState {
  const [state, setState] = useState<{ doc: DraftDoc; problems: readonly Problem[] }>(() => ({ doc, problems: checkDraft(doc) }));
  // The worker's first call carries the whole draft: send it now, not on the first keystroke.
  useEffect(() => void checkInWorker(state.doc), []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (state.doc === doc) return;
    // A result that arrives after the next keystroke is still shown (it is newer than the list on
    // screen); if it is not for the doc on screen, this effect runs again and asks for that one.
    const t = setTimeout(() => void checkInWorker(doc).then((problems) => setState({ doc, problems })), delay);
    return () => clearTimeout(t);
  }, [doc, state.doc, delay]);
  const countsFor = useCallback((d: DraftDoc) => checkInWorker(d).then(countsOf), []);
  return { problems: state.problems, pending: state.doc !== doc, countsFor };
}
