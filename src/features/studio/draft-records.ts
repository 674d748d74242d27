import type { DraftDoc } from '../../domain/edit/ops';
import { validateScenarioData } from '../../domain/source';
import { DRAFT_RECORD_VERSION, newDraftId, saveDraft, type DraftRecord } from '../../persistence/drafts';

export interface ProblemCounts {
  readonly problems: number;
  readonly errors: number;
}

export function countProblems(doc: DraftDoc): ProblemCounts {
  const { problems } = validateScenarioData(doc);
  return { problems: problems.length, errors: problems.filter((p) => p.severity === 'error').length };
}

export const draftTitle = (doc: DraftDoc): string =>
  typeof doc.title === 'string' && doc.title.trim() ? doc.title.trim() : 'Untitled scenario';

/** The record to store for `doc` (revision and timestamps are set by saveDraft). */
export function buildRecord(id: string, doc: DraftDoc, counts: ProblemCounts = countProblems(doc), createdAt = Date.now()): DraftRecord {
  return {
    v: DRAFT_RECORD_VERSION,
    id,
    doc,
    createdAt,
    updatedAt: createdAt,
    revision: 0,
    problems: counts.problems,
    errors: counts.errors,
    valid: counts.errors === 0,
    title: draftTitle(doc),
  };
}

/** Store a new draft; resolves with the saved record (revision 1). */
export function createDraft(doc: DraftDoc, id = newDraftId()): Promise<DraftRecord> {
  return saveDraft(buildRecord(id, doc), 0);
}
